"""The other screens and paths: home (players, broken quizzes, who plays a quiz named on the
command line), practice, help, time-outs, mistakes, and the screens of the classroom reached from
home and results."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable
from tui_helpers import (
    ALL_TYPES,
    BROKEN,
    TIMED,
    TYPE_ORDER,
    Clocks,
    answer_right,
    make_app,
    new_player,
    next_question,
    prepared_session,
    quiz_cell,
    quizzes_folder,
    right_response,
    settle,
    shown,
    text_of,
    time_left,
    type_text,
    until,
)

from quizgame.store.folder import SavesFolder
from quizgame.tui.screens.help import HelpScreen
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen


async def play_to_results(pilot: object, limit: int = 50) -> int:
    """Answer right until the results screen shows; returns how many answers it took."""
    for count in range(limit):
        if isinstance(pilot.app.screen, ResultsScreen):  # type: ignore[attr-defined]
            return count
        await answer_right(pilot)  # type: ignore[arg-type]
        await next_question(pilot)  # type: ignore[arg-type]
    raise AssertionError("the session did not end")


async def test_a_bad_player_name_is_explained_and_nothing_is_created(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app = make_app(quizzes_folder(tmp_path), saves, Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await new_player(pilot, "x" * 41)
        assert "at most 40 characters" in text_of(app.screen, "#player-message")
        assert app.screen.player is None  # type: ignore[attr-defined]
        await pilot.press("enter")  # Enter on a quiz without a player: asks for a name
    assert SavesFolder(saves).players() == []


async def test_a_broken_quiz_is_listed_with_the_checkers_message(tmp_path: Path) -> None:
    quizzes = quizzes_folder(tmp_path, ALL_TYPES, BROKEN)
    app = make_app(quizzes, tmp_path / "saves", Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await new_player(pilot, "Ana")
        table = app.screen.query_one("#quizzes", DataTable)
        assert table.row_count == 2
        assert "broken" in str(table.get_row_at(1)[0])  # files are sorted: all-types, broken
        await pilot.press("down")
        assert "broken.toml:12:" in text_of(app.screen, "#quiz-detail")
        assert "is not one of the choices" in text_of(app.screen, "#quiz-detail")
        await pilot.press("enter")  # cannot be played...
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("up", "enter")  # ...but the other quiz can
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_practice_goes_through_the_due_queue(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES, mode="practice")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#status").render()) == "Practice"  # no score: none is kept
        answers = await play_to_results(pilot)
        assert answers >= len(TYPE_ORDER)  # a new card per question, each at least once
        summary = text_of(app.screen, "#summary")
        assert f"{answers} cards reviewed" in summary
        assert "Next card due in" in summary
        await pilot.press("enter")
        await settle(pilot)
        assert quiz_cell(pilot, 0, "Due") == "-"

        # A month later every card is due; home says so, and practice asks them again.
        clocks.advance(30 * 24 * 3600)
        app.screen.load_standings("Ana")  # type: ignore[attr-defined]
        await settle(pilot)
        assert quiz_cell(pilot, 0, "Due") == str(len(TYPE_ORDER))
        await pilot.press("enter")  # home keeps the mode given on the command line: practice
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        session = app.screen.session
        assert session.mode == "practice"
        reviews = 0  # the keys were played above: this time the answers go through the engine
        while (presented := session.current()) is not None:
            session.submit(right_response(presented.question))
            reviews += 1
        assert reviews == len(TYPE_ORDER)
        await app.screen.show_current()
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert quiz_cell(pilot, 0, "Due") == "-"
    cards = SavesFolder(saves).player("Ana").load_cards("all-types")
    assert len(cards) == len(TYPE_ORDER) and all(card.reviews >= 2 for card in cards.values())


async def test_practice_with_nothing_due_says_when_to_come_back(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES, mode="practice", new_limit=0)
    async with app.run_test(size=(80, 24)) as pilot:
        from quizgame.tui.screens.ask import AskScreen

        await settle(pilot)
        assert isinstance(app.screen, AskScreen)  # not an empty results screen
        text = text_of(app.screen, "#ask-text")
        assert "Nothing is due in" in text and "8 cards you have never seen" in text
        assert "Daily limit: 0 new cards" in text
        await pilot.press("m")  # learn more
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.session.mode == "practice"
        await answer_right(pilot)
        assert "This card comes back in" in text_of(app.screen, "#practice")
        assert text_of(app.screen, "#points") == ""  # practice shows no score


async def test_mistakes_mode_replays_what_was_missed(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    # A game with its first question (choice) missed, played through the engine: the app opens
    # on its results, as after the last feedback.
    played = prepared_session(saves, clocks, misses=1)
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES, session=played)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("enter", "m", "m", "enter")  # home, mode mistakes, play
        await pilot.pause()
        assert app.screen.session.mode == "mistakes"  # type: ignore[attr-defined]
        assert shown(pilot).question.id == "capital"
        assert await play_to_results(pilot) == 1


async def test_mistakes_mode_with_no_mistakes_is_a_message_not_a_crash(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), mode="mistakes")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await new_player(pilot, "Ana")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app._notifications


async def test_a_timed_out_question_is_submitted_as_it_stands(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#timer").display
        assert text_of(app.screen, "#time-left").strip() == "10 s"
        clocks.advance(4)
        await until(pilot, lambda: time_left(pilot) == "⚠ 6 s left")  # warned (WCAG 2.2.1)
        clocks.advance(7)
        await until(pilot, lambda: app.screen.query_one("#feedback").display)
        assert text_of(app.screen, "#verdict") == "✘ Time's up"
        await next_question(pilot)
        await type_text(pilot, "Gre")  # the text question runs out mid-word
        clocks.advance(11)
        await until(pilot, lambda: app.screen.query_one("#feedback").display)
        assert text_of(app.screen, "#verdict") == "✘ Time's up"
    [session] = SavesFolder(saves).player("Ana").sessions("timed")
    # Nothing picked in the choice question: no answer.
    assert [(a.timed_out, a.given, a.points) for a in session.answers] == [(True, None, 0), (True, "Gre", 0)]


async def test_the_help_screen_lists_the_keys_of_every_screen(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(f"{heading}\n{body.plain}" for heading, body in app.screen.help_sections())
        for words in ("Quit", "Hint", "I was right", "Move up", "Tick", "Unpair", "Leaderboard", "Scoring"):
            assert words in text
        await pilot.press("pagedown")  # the keys scroll (they do not fit in 80×24)
        await pilot.pause()
        assert app.screen.query_one("#help").scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_leaderboard_progress_and_report_open_from_home_and_results(tmp_path: Path) -> None:
    from quizgame.tui.screens.leaderboard import LeaderboardScreen
    from quizgame.tui.screens.progress import ProgressScreen
    from quizgame.tui.screens.report import ReportScreen

    saves, clocks = tmp_path / "saves", Clocks()
    app = make_app(quizzes_folder(tmp_path), saves, clocks, player="Ana", quiz_path=ALL_TYPES,
                   teacher=True, session=prepared_session(saves, clocks))  # all answered: results
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        for key, screen_type in (("l", LeaderboardScreen), ("p", ProgressScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen_type)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
        await pilot.press("enter")
        await settle(pilot)
        for key, screen_type in (("l", LeaderboardScreen), ("p", ProgressScreen), ("r", ReportScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen_type)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_the_command_line_player_and_quiz_go_straight_to_the_game(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert shown(pilot).number == 1


def test_every_key_has_a_unique_id_for_keymaps() -> None:
    from quizgame.tui.screens.help import SECTIONS, _load, _own_bindings

    bindings = {
        id(binding): binding  # inherited bindings are met once per subclass: count them once
        for _, targets in SECTIONS
        for cls in map(_load, targets)
        if cls is not None
        for binding in _own_bindings(cls)
    }
    ids = [binding.id for binding in bindings.values()]
    assert None not in ids
    assert len(ids) == len(set(ids))


async def test_a_quiz_named_without_a_player_asks_who_plays_then_starts_it(tmp_path: Path) -> None:
    from quizgame.tui.screens.player_prompt import PlayerPromptScreen

    saves = tmp_path / "saves"
    app = make_app(quizzes_folder(tmp_path), saves, Clocks(), quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlayerPromptScreen)
        await type_text(pilot, "x" * 41)
        await pilot.press("enter")
        assert "at most 40 characters" in text_of(app.screen, "#prompt-message")
        await pilot.press("ctrl+u")  # everything typed, deleted
        await type_text(pilot, "Zoe")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.store.name == "Zoe"
        assert app.screen.session.quiz.quiz.id == "all-types"
    assert [info.name for info in SavesFolder(saves).players()] == ["Zoe"]


async def test_the_question_of_who_plays_lists_the_players_and_escape_goes_home(tmp_path: Path) -> None:
    from quizgame.tui.screens.player_prompt import PlayerPromptScreen

    saves = tmp_path / "saves"
    for name in ("Ana", "Ben"):
        SavesFolder(saves).player(name)
    app = make_app(quizzes_folder(tmp_path, BROKEN, ALL_TYPES), saves, Clocks(), quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PlayerPromptScreen)
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.player is None  # nobody was chosen for them
        assert home.lists.selected_entry().path.name == ALL_TYPES.name  # type: ignore[union-attr]

    app = make_app(quizzes_folder(tmp_path, BROKEN, ALL_TYPES), saves, Clocks(), quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down", "down", "enter")  # to the list, Ana, Ben, play
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.store.name == "Ben"
