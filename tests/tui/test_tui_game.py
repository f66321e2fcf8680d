"""Playing whole games through the keyboard, and what the saves hold afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_helpers import (
    ALL_TYPES,
    TYPE_ORDER,
    Clocks,
    answer_right,
    app_at,
    make_app,
    new_player,
    next_question,
    prepared_session,
    quiz_cell,
    quizzes_folder,
    settle,
    shown,
    shown_or_none,
    text_of,
    type_text,
)

from quizgame.store.folder import SavesFolder
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen


async def test_a_whole_quiz_of_every_type_is_played_and_saved(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    # As players have it: each type's widget built ahead while the one before is answered.
    app = make_app(quizzes_folder(tmp_path), saves, Clocks(), build_ahead=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_player(pilot, "Ana")
        await pilot.press("enter")  # play the highlighted quiz
        await pilot.pause()
        for question_type in TYPE_ORDER:
            assert isinstance(app.screen, QuestionScreen)
            assert shown(pilot).type == question_type
            await answer_right(pilot)
            assert text_of(app.screen, "#verdict") == "✔ Correct"
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        count = len(TYPE_ORDER)
        assert f"{count} of {count} correct" in text_of(app.screen, "#summary")
        assert app.screen.query_one("#review", OptionList).option_count == count
        shown_score = app.screen.results.score
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert quiz_cell(pilot, 0, "Best") == f"{shown_score:,}"

    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert session.finished
    assert [answer.question_type for answer in session.answers] == list(TYPE_ORDER)
    assert all(answer.correct for answer in session.answers)
    assert session.score == shown_score > 0


async def test_wrong_answers_are_explained_and_a_text_answer_can_be_overridden(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app = app_at(tmp_path, ALL_TYPES, "text")  # choice, multi, truefalse, number: answered right
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(pilot).type == "text"
        await type_text(pilot, "Paris")
        await pilot.press("enter")
        await pilot.pause()
        feedback = app.screen
        assert text_of(feedback, "#verdict") == "✘ Incorrect"
        assert "Right answer: Brussels" in text_of(feedback, "#right-answer")
        assert "Berlaymont" in text_of(feedback, "#explanation")
        assert "o files a claim" in text_of(feedback, "#claim")
        await pilot.press("o")
        await pilot.pause()
        assert text_of(feedback, "#verdict") == "✘ Incorrect (claimed, waiting for the teacher)"
        assert "earns nothing unless accepted" in text_of(feedback, "#claim")
        assert "+0 points" in text_of(feedback, "#points")
        await pilot.press("o")  # only once
        await pilot.pause()
        await pilot.press("ctrl+q")

    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    text_answer = session.answers[4]
    assert (text_answer.given, text_answer.correct, text_answer.claim) == ("Paris", False, "open")
    assert text_answer.points == 0 and not text_answer.overridden


async def test_a_number_that_cannot_be_read_is_not_an_answer_yet(tmp_path: Path) -> None:
    app = app_at(tmp_path, ALL_TYPES, "number")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await type_text(pilot, "lots")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#question-body").display
        assert shown(pilot).type == "number"
        assert app._notifications  # the engine's message says how to answer


async def test_the_hint_is_shown_and_recorded(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app = make_app(quizzes_folder(tmp_path), saves, Clocks(), player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert text_of(app.screen, "#hint") == "Hint (half points): It is on the Seine."
        await answer_right(pilot)
        assert "hint used" in text_of(app.screen, "#points")
        await pilot.press("ctrl+q")
    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert session.answers[0].hint_used


async def test_quitting_mid_game_keeps_every_answer_given(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await answer_right(pilot)
            await next_question(pilot)
        await pilot.press("ctrl+q")  # on the fourth question
    assert not app.is_running

    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert not session.finished
    assert len(session.answers) == 3

    # Starting again: nobody is picked as the player, and the game is kept as it was.
    again = make_app(quizzes, saves, clocks)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.screen.player is None  # type: ignore[attr-defined]
    [kept] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert len(kept.answers) == 3


async def test_q_quits_from_the_home_screen(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await new_player(pilot, "Ana")
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_escape_asks_then_leaves_a_game_for_the_home_screen(tmp_path: Path) -> None:
    from quizgame.tui.screens.ask import AskScreen

    saves = tmp_path / "saves"
    app = make_app(quizzes_folder(tmp_path), saves, Clocks(), player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_right(pilot)
        await next_question(pilot)
        for key in ("escape", "q", "ctrl+q"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, AskScreen)
            assert "Your 1 answer are saved" not in text_of(app.screen, "#ask-text")
            assert "you can continue later" in text_of(app.screen, "#ask-text")
            await pilot.press("n")  # keep playing
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen) and app.is_running
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert len(session.answers) == 1 and not session.finished


async def test_an_answer_the_store_cannot_save_stops_the_game_saying_why(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    app = make_app(quizzes_folder(tmp_path), saves, Clocks(), player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await answer_right(pilot)
        await next_question(pilot)
        # Someone breaks the save file mid-game: the store must not write over it.
        [session_file] = (next(saves.iterdir()) / "sessions").glob("*.toml")
        session_file.write_text("this is not TOML [")
        await answer_right(pilot)
        await settle(pilot)
        assert any("could not be saved" in str(n.title) and "The game stopped" in str(n.message)
                   for n in app._notifications)
        assert isinstance(app.screen, HomeScreen)  # no more questions whose answers are lost
    assert session_file.read_text() == "this is not TOML ["


@pytest.mark.parametrize("key", ["q", "ctrl+q", "escape"])
async def test_leaving_on_the_last_feedback_keeps_the_game_finished(tmp_path: Path, key: str) -> None:
    # Every answer but the last given through the engine; the last in the game, then `key`.
    saves, clocks = tmp_path / "saves", Clocks()
    app = make_app(quizzes_folder(tmp_path), saves, clocks,
                   session=prepared_session(saves, clocks, until=TYPE_ORDER[-1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_right(pilot)
        assert shown_or_none(pilot) is None  # the last feedback is on screen
        await pilot.press(key)
        await pilot.pause()
    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert session.finished and len(session.answers) == len(TYPE_ORDER)


async def test_a_game_whose_answers_cannot_be_saved_does_not_start(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    ana = SavesFolder(saves).player("Ana")
    (ana.path / "sessions").write_text("a file where the sessions folder should be")
    app = make_app(quizzes_folder(tmp_path), saves, Clocks(), player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any(n.title == "Cannot start" and "answers cannot be saved here" in n.message
                   for n in app._notifications)
