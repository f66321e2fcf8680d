"""The opening's first paint (issue 12: first question <= 1.3 × a bare Textual app): the header,
the clock, the prompt and the keys. Its answer widget is mounted a frame later, before the quiz
loads, and the keys pressed before it is up go into it: none is lost, and none of the screen's
letter keys (h: hint, q: quit) fires while an answer is being typed. They are passed on as the
terminal sends keys, all at once and in order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from tui_helpers import (
    SEED,
    TIMED,
    Clocks,
    make_app,
    opening_at,
    push_opening,
    quizzes_folder,
    settle,
)

from quizgame.engine.openings import OpeningRequest, opening_of
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz, loader
from quizgame.store import SavesFolder, player_key
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.question import QuestionScreen


async def test_the_question_is_painted_first_and_its_answer_widget_before_the_quiz_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = quizzes_folder(tmp_path, TIMED) / "timed.toml"
    clocks = Clocks()
    saves = tmp_path / "saves"
    first = GameSession.start(load_quiz(quiz), SavesFolder(saves).player("Ana"), "quiz", seed=SEED,
                              clock=clocks.clock, monotonic=clocks.monotonic)
    opening = opening_of(first, quiz)
    assert opening is not None
    events: list[str] = []
    parse = loader.read_quiz
    monkeypatch.setattr(loader, "read_quiz", lambda *a, **k: events.append("quiz read") or parse(*a, **k))
    display = QuizApp._display

    def written(app: QuizApp, screen: Any, renderable: Any) -> None:
        if isinstance(screen, QuestionScreen) and screen.waiting_for_session and renderable:
            widgets = "with its answer widget" if screen._inputs else "without one"
            events.append(f"{type(renderable).__name__} {widgets}")
        display(app, screen, renderable)

    monkeypatch.setattr(QuizApp, "_display", written)
    request = OpeningRequest("timed", (tmp_path / "quizzes",), saves, player_key("Ana"))
    app = make_app(tmp_path / "quizzes", saves, clocks, player="Ana", quiz_path=quiz,
                   opening=opening, opening_request=request)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and not app.screen.waiting_for_session
    assert events[0] == "LayoutUpdate without one"
    assert events.index("quiz read") > min(
        index for index, event in enumerate(events) if event.endswith("with its answer widget"))


@pytest.mark.parametrize(
    ("question_type", "keys", "response"),
    [
        ("choice", ("down", "down", "up", "2"), 1),  # the second option
        # `q` would quit (the game has not started: nothing to ask), `h` show the hint.
        ("text", tuple("quahog"), "quahog"),
    ],
)
async def test_keys_pressed_before_the_answer_widget_is_up_go_into_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, question_type: str, keys: tuple[str, ...],
    response: str
) -> None:
    saves, clocks = tmp_path / "saves", Clocks()
    session, opening = opening_at(saves, clocks, question_type)
    presented = session.current()
    assert presented is not None
    held: list[QuestionScreen] = []
    add = QuestionScreen._add_opening_input
    monkeypatch.setattr(QuestionScreen, "_add_opening_input", lambda screen: held.append(screen))
    app = make_app(quizzes_folder(tmp_path), saves, clocks, session=session)
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await push_opening(pilot, opening)
        assert held and not screen._inputs  # painted, its answer widget not up yet
        await pilot.press(*keys)  # typed as the question appears
        await add(screen)
        await settle(pilot)
        await screen.attach(session)
        await settle(pilot)
        assert app.screen is screen and screen.presented is presented
        expected = presented.shown.options[response] if isinstance(response, int) else response
        assert screen._inputs[question_type].response() == expected
        assert not screen.query_one("#hint").display


async def test_keys_that_arrive_as_the_answer_widget_is_mounted_go_into_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys the terminal sends while the widget is being built reach the app before the
    focus has moved to it: they are kept too, not lost on the way (as they were to the
    question's scrolling panel, found in a real terminal)."""
    saves, clocks = tmp_path / "saves", Clocks()
    session, opening = opening_at(saves, clocks, "text")
    draw = QuestionScreen._draw

    async def typed_meanwhile(screen: QuestionScreen, shown: Any) -> Any:
        for letter in "Oslo":
            key = events.Key(letter, letter)
            key.set_sender(screen.app)  # as the terminal's driver sends it
            screen.app.post_message(key)
        return await draw(screen, shown)

    monkeypatch.setattr(QuestionScreen, "_draw", typed_meanwhile)
    app = make_app(quizzes_folder(tmp_path), saves, clocks, session=session)
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await push_opening(pilot, opening)
        assert screen._inputs["text"].response() == "Oslo"
