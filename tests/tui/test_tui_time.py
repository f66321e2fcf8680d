"""Adjustable time and accommodations in the TUI (issue 16): the more-time key (ctrl+g) ten times
and saved, the WCAG 2.2.1 warning in words, a player's time allowance and the dialog that sets
it, and the results saying which accommodations applied."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import (
    TIMED,
    Clocks,
    make_app,
    new_player,
    quizzes_folder,
    screen_text,
    settle,
    text_of,
    time_left,
    until,
)

from quizgame.engine.accommodations import Accommodations
from quizgame.store.folder import SavesFolder
from quizgame.tui.screens.accommodations import AccommodationsScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen


def _ana(saves: Path, accommodations: Accommodations) -> None:
    SavesFolder(saves).player("Ana").set_accommodations(accommodations)


async def test_more_time_works_ten_times_and_is_saved(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        question = app.screen
        assert isinstance(question, QuestionScreen)
        assert "^g +30 s" in screen_text(pilot)
        for _ in range(10):
            await pilot.press("ctrl+g")
        await until(pilot, lambda: time_left(pilot) == "310 s")
        assert "Time left: 310 seconds (30 seconds more)." in [str(n.message) for n in app._notifications]
        await pilot.press("ctrl+g")  # the eleventh: dimmed, nothing added (extra_seconds below)
        await pilot.pause()
        assert text_of(question, "#time-left").strip() == "310 s"
        clocks.advance(200)  # far past the quiz's 10 s, within the 310 s now allowed
        await until(pilot, lambda: time_left(pilot) == "110 s")  # the bar ticked past 10 s
        await pilot.press("1", "enter")
        await pilot.pause()
    [session] = SavesFolder(saves).player("Ana").sessions("timed")
    assert session.answers[0].extra_seconds == 300 and not session.answers[0].timed_out


async def test_more_time_works_while_typing_an_answer(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the text question
        await pilot.pause()
        await pilot.press("g", "r", "ctrl+g", "e", "e", "n")
        await until(pilot, lambda: time_left(pilot) == "40 s")
        await pilot.press("enter")
        await pilot.pause()
    session = SavesFolder(saves).player("Ana").sessions("timed")[0]
    assert session.answers[1].given == "green" and session.answers[1].extra_seconds == 30


async def test_the_warning_is_in_words_and_says_how_to_get_more_time(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        clocks.advance(4.5)  # a 10 s question warns with 6 s left
        warning = "Time left: 6 seconds. Press ^g for 30 seconds more."
        await until(pilot, lambda: warning in [str(n.message) for n in app._notifications])
        assert text_of(app.screen, "#time-left").strip() == "⚠ 6 s left"


async def test_twice_the_time_and_the_results_say_so(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    _ana(saves, Accommodations(time=2.0))
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#time-left").strip() == "20 s"
        clocks.advance(15)  # late for the quiz's 10 s, in time with twice that
        await until(pilot, lambda: time_left(pilot) == "⚠ 5 s left")  # the bar ticked past 10 s
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"green", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Accommodations: twice the time" in text_of(app.screen, "#summary")
    [session] = SavesFolder(saves).player("Ana").sessions("timed")
    assert session.accommodations == ["time=2"] and not session.answers[0].timed_out


async def test_untimed_hides_the_timer_and_the_more_time_key(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    _ana(saves, Accommodations(time=None))
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#timer").display
        assert "+30 s" not in screen_text(pilot)
        clocks.advance(3600)
        await pilot.pause(0.2)  # nothing to wait for: two ticks' time in which a timer would expire it
        await pilot.press("1", "enter")
        await pilot.pause()
    [session] = SavesFolder(saves).player("Ana").sessions("timed")
    assert session.answers[0].correct and not session.answers[0].timed_out


async def test_the_home_screen_sets_a_players_accommodations(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_player(pilot, "Zoë")
        await pilot.press("tab")  # out of the name box: letters are keys again
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AccommodationsScreen)
        assert "(•) the quiz's own time" in text_of(app.screen, "#accommodations-choices")
        await pilot.press("3", "s")
        await pilot.pause()
        choices = text_of(app.screen, "#accommodations-choices")
        assert "(•) twice the time" in choices and "[x] no speed points" in choices
        await pilot.press("enter")
        await pilot.pause()
        assert "Player: Zoë (twice the time, no speed points)" in text_of(app.screen, "#home-title")
    assert SavesFolder(saves).player("Zoë").accommodations() == Accommodations(2.0, False)


async def test_a_roster_line_gives_more_time_in_the_game(tmp_path: Path) -> None:
    from quizgame.classroom.roster import Roster

    roster = Roster.read(Path(__file__).parents[1] / "data" / "classroom" / "rosters" /
                         "accommodations.txt")
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ben", quiz_path=TIMED, roster=roster)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#time-left").strip() == "15 s"  # time=1.5 on 10 s
        await pilot.press("1", "enter")
        await pilot.pause()
    [session] = SavesFolder(saves).player("Ben").sessions("timed")
    assert session.accommodations == ["time=1.5"]
