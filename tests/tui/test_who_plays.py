"""Who is playing (issue 9, observations 2 and 4): nobody is picked silently, a roster limits the
names, and the teacher's report opens only with --teacher."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from tui_helpers import ALL_TYPES, Clocks, make_app, quizzes_folder, settle, text_of, type_text

from quizgame.classroom.roster import Roster
from quizgame.store.folder import SavesFolder
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.player_prompt import PlayerPromptScreen
from quizgame.tui.screens.question import QuestionScreen

ROSTER = Path(__file__).parents[1] / "data" / "classroom" / "rosters" / "class-4b.txt"


def saves_with(tmp_path: Path, *names: str) -> Path:
    saves = tmp_path / "saves"
    for name in names:
        SavesFolder(saves).player(name)
    return saves


async def test_the_home_screen_picks_nobody_and_enter_plays_as_nobody(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), saves_with(tmp_path, "Ana", "Ben"), Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and home.player is None
        assert home.query_one("#players", OptionList).highlighted is None
        await pilot.press("down", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # no game as Ana
        assert "Type your name first" in text_of(app.screen, "#player-message")


async def test_the_question_of_who_plays_highlights_nobody(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), saves_with(tmp_path, "Ana"), Clocks(), quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlayerPromptScreen)
        assert app.screen.query_one("#prompt-players", OptionList).highlighted is None
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayerPromptScreen)


async def test_with_a_roster_players_pick_their_name_and_others_are_refused(tmp_path: Path) -> None:
    saves = saves_with(tmp_path, "Mallory")
    app = make_app(quizzes_folder(tmp_path), saves, Clocks(), roster=Roster.read(ROSTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        players = app.screen.query_one("#players", OptionList)
        assert [str(option.prompt) for option in players.options] == ["Ana", "Ben", "Zoë"]
        await type_text(pilot, "Mallory")
        await pilot.press("enter")
        await settle(pilot)
        assert "not on the class roster" in text_of(app.screen, "#player-message")
        assert app.screen.player is None  # type: ignore[attr-defined]
        await pilot.press(*["backspace"] * 7)
        await type_text(pilot, "zoë")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.store.name == "Zoë"


async def test_the_report_opens_only_for_a_teacher(tmp_path: Path) -> None:
    from quizgame.tui.screens.report import ReportScreen

    for teacher in (False, True):
        app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), teacher=teacher)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("tab", "r")  # from the quiz list
            await settle(pilot)
            assert isinstance(app.screen, ReportScreen) is teacher
