"""A game opened on its first question before its quiz loads (engine/openings.py, issue 12).

The first frame is drawn from the opening the last start kept; only once it has been handed to
the terminal does the quiz load and the session start. Until then no key answers and no clock
runs; the session's own question replaces the drawn one if they differ, and a game that starts
otherwise (one to continue, a quiz that cannot be played) shows what it would without an opening.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import (
    BROKEN,
    SEED,
    TIMED,
    Clocks,
    make_app,
    opening_at,
    prepared_session,
    push_opening,
    quizzes_folder,
    screen_text,
    settle,
)

from quizgame.engine.openings import Opening, OpeningRequest, opening_of, read_opening, write_opening
from quizgame.engine.session import GameSession
from quizgame.format import loader
from quizgame.store import SavesFolder, player_key
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.ask import AskScreen
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.widgets.timer import TimerBar


def _request(tmp_path: Path) -> OpeningRequest:
    return OpeningRequest("timed", (tmp_path / "quizzes",), tmp_path / "saves", player_key("Ana"))


def _opening(tmp_path: Path, clocks: Clocks, quiz: Path) -> Opening:
    """The first question of Ana's game of `quiz` with the tests' seed, as the engine shows it."""
    from quizgame.format import load_quiz

    session = GameSession.start(load_quiz(quiz), SavesFolder(tmp_path / "saves").player("Ana"),
                                "quiz", seed=SEED, clock=clocks.clock, monotonic=clocks.monotonic)
    opening = opening_of(session, quiz)
    assert opening is not None
    return opening


def _app(tmp_path: Path, clocks: Clocks, opening: Opening | None, quiz: Path) -> QuizApp:
    return make_app(tmp_path / "quizzes", tmp_path / "saves", clocks, player="Ana", quiz_path=quiz,
                    opening=opening, opening_request=_request(tmp_path))


def _session_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "saves").glob("*/sessions/*.toml"))


async def test_the_opening_is_drawn_first_and_the_quiz_loads_after_that_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    opening = _opening(tmp_path, clocks, quiz)
    events: list[str] = []
    parse = loader.read_quiz
    monkeypatch.setattr(loader, "read_quiz", lambda *a, **k: events.append("quiz read") or parse(*a, **k))
    display = QuizApp._display

    def written(app: QuizApp, screen: Any, renderable: Any) -> None:
        if type(renderable).__name__ == "LayoutUpdate" and app._running:
            opening = isinstance(screen, QuestionScreen) and screen.waiting_for_session
            events.append("whole frame" + (" of the opening" if opening else ""))
        display(app, screen, renderable)

    monkeypatch.setattr(QuizApp, "_display", written)
    app = _app(tmp_path, clocks, opening, quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and not screen.waiting_for_session
        assert events.index("whole frame of the opening") < events.index("quiz read")
        assert screen.session.record.seed == SEED
        assert screen.presented is not None and screen.presented.shown == opening.shown
        # It plays as any game: the answer is saved, with the opening's seed.
        await pilot.press("1", "enter")
        await settle(pilot)
        assert len(_session_files(tmp_path)) == 1
        assert "seed = 7" in _session_files(tmp_path)[0].read_text(encoding="utf-8")


async def test_no_key_answers_and_no_clock_runs_before_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    opening = _opening(tmp_path, clocks, quiz)
    monkeypatch.setattr(QuizApp, "_start_opened_game", lambda app: None)  # the quiz never loads
    app = _app(tmp_path, clocks, opening, quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.waiting_for_session
        assert str(screen.query_one("#prompt").render()) == opening.shown.prompt
        await pilot.press("1", "enter", "ctrl+g", "h")
        clocks.advance(60)  # six times the limit
        await pilot.pause(0.3)
        assert _session_files(tmp_path) == []
        assert screen.waiting_for_session and screen.presented is None
        assert screen.query_one(TimerBar)._ticker is None
        assert "10 s" in str(screen.query_one("#time-left").render())


async def test_quitting_as_the_session_starts_ends_the_game_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    opening = _opening(tmp_path, clocks, quiz)
    attach = QuestionScreen.attach

    async def quit_first(screen: QuestionScreen, session: GameSession) -> None:
        screen.app.exit()  # ctrl+q, handled just before the started session reaches the screen
        await attach(screen, session)

    monkeypatch.setattr(QuestionScreen, "attach", quit_first)
    app = _app(tmp_path, clocks, opening, quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.return_code == 0


async def test_the_sessions_own_question_replaces_an_opening_that_differs(tmp_path: Path) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    real = _opening(tmp_path, clocks, quiz)
    wrong = Opening(real.quiz_path, SEED, real.title, type(real.shown)(
        **{**real.shown.to_json(), "prompt": "Not this question?", "options": ("Green", "Blue")}))
    app = _app(tmp_path, clocks, wrong, quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and not screen.waiting_for_session
        assert str(screen.query_one("#prompt").render()) == real.shown.prompt
        assert screen.presented is not None and screen.presented.shown == real.shown


async def test_a_game_to_continue_asks_first_and_the_opening_is_dropped(tmp_path: Path) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    opening = _opening(tmp_path, clocks, quiz)
    prepared_session(tmp_path / "saves", clocks, quiz, until="text")  # one answer saved
    write_opening(_request(tmp_path), opening)
    app = _app(tmp_path, clocks, opening, quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AskScreen)
        assert not any(isinstance(s, QuestionScreen) for s in app.screen_stack)
        assert read_opening(_request(tmp_path), None) is None


async def test_a_quiz_that_cannot_be_played_is_said_over_the_home_screen(tmp_path: Path) -> None:
    quizzes_folder(tmp_path, TIMED)
    clocks = Clocks()
    opening = _opening(tmp_path, clocks, tmp_path / "quizzes" / "timed.toml")
    broken = Opening(BROKEN.resolve(), SEED, opening.title, opening.shown)
    app = _app(tmp_path, clocks, broken, BROKEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any("cannot be played" in str(note.title) for note in app._notifications)


async def test_a_game_keeps_the_next_ones_opening_until_it_is_played_and_again_at_its_end(
    tmp_path: Path
) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    app = _app(tmp_path, clocks, None, quiz)  # no opening kept yet: the first game of the quiz
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        kept = read_opening(_request(tmp_path), None)
        assert kept is not None and kept.seed == SEED  # `--seed` given: the next game replays it
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.presented is not None
        assert kept.shown == screen.presented.shown
        await pilot.press("1", "enter")  # the first answer saved: a game to continue now
        await settle(pilot)
        assert read_opening(_request(tmp_path), None) is None
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"Green", "enter")
        await settle(pilot)
        await pilot.press("enter")  # the results
        await settle(pilot)
        assert read_opening(_request(tmp_path), None) == kept


async def test_a_game_continued_keeps_an_opening_only_at_its_end(tmp_path: Path) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    prepared_session(tmp_path / "saves", clocks, quiz, until="text")  # one answer saved
    app = _app(tmp_path, clocks, None, quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AskScreen)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert read_opening(_request(tmp_path), None) is None  # its game is not over
        await pilot.press(*"Green", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        kept = read_opening(_request(tmp_path), None)
        assert kept is not None and kept.shown.number == 1


TYPES = ("choice", "multi", "truefalse", "number", "text", "order", "match", "estimate", "poll",
         "categorize", "cloze")


@pytest.mark.parametrize("question_type", TYPES)
async def test_an_opening_is_drawn_as_its_session_draws_it(tmp_path: Path, question_type: str) -> None:
    """No jump when the game starts: drawn from plain data, every type's question shows what its
    session then shows (the key bar aside: its keys work only once the game has started; and the
    header's score, which an opening, always a game's first question, has at 0 too, while the
    session here has answered up to the question of that type)."""
    saves, clocks = tmp_path / "saves", Clocks()
    session, opening = opening_at(saves, clocks, question_type)
    presented = session.current()
    app = make_app(quizzes_folder(tmp_path), saves, clocks, session=session)
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await push_opening(pilot, opening)
        drawn = screen_text(pilot).splitlines()[1:-1]
        await screen.attach(session)
        await settle(pilot)
        assert screen_text(pilot).splitlines()[1:-1] == drawn
        assert screen.presented is presented
