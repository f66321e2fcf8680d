"""Shared by the TUI tests: the test quizzes, clocks that move only when told, the app factory
with those clocks, a player who knows every answer and says it with the keyboard, and sessions
prepared through the engine so that a test can start at a state instead of playing up to it."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static

from quizgame.classroom.polls import poll_votes
from quizgame.engine.grading import Response
from quizgame.engine.openings import Opening
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.format.models import Question
from quizgame.store import SavesFolder
from quizgame.tui.app import QuizApp, create_app
from quizgame.tui.screens.question import QuestionScreen

DATA = Path(__file__).parents[1] / "data" / "tui"
ALL_TYPES = DATA / "quizzes" / "all-types.toml"
BROKEN = DATA / "broken.toml"
TIMED = DATA / "timed.toml"
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SEED = 7
TYPE_ORDER = ("choice", "multi", "truefalse", "number", "text", "order", "match", "estimate")
"""The question types of `all-types.toml`, in play order (it is not shuffled)."""


class Clocks:
    """The engine's wall clock and monotonic clock, frozen until `advance` moves both."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now
        self.seconds = 0.0

    def clock(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self.seconds += seconds


def quizzes_folder(tmp_path: Path, *files: Path) -> Path:
    """A quizzes folder holding copies of `files` (default: the all-types quiz)."""
    folder = tmp_path / "quizzes"
    folder.mkdir(exist_ok=True)
    for file in files or (ALL_TYPES,):
        shutil.copy(file, folder / file.name)
    return folder


def make_app(quizzes: Path, saves: Path, clocks: Clocks, **options: Any) -> QuizApp:
    """The app as the CLI makes it, with a fixed seed, frozen clocks and no animations; and,
    unless `build_ahead=True` is given, no answer widgets built ahead of their questions: a
    test that looks at a question or two would pay for building every type's."""
    options.setdefault("build_ahead", False)
    app = create_app(
        quizzes, saves, seed=SEED, clock=clocks.clock, monotonic=clocks.monotonic, **options
    )
    app.animation_level = "none"
    return app


def right_response(question: Question) -> Response:
    """The right answer to a question, as `GameSession.submit` takes it."""
    value: Any = question
    match question.type:
        case "poll":
            return value.choices[0]  # type: ignore[no-any-return]
        case "choice" | "truefalse" | "number" | "estimate":
            return value.answer  # type: ignore[no-any-return]
        case "multi" | "text":
            return list(value.answers) if question.type == "multi" else value.answers[0]
        case "order":
            return list(value.items)
        case "match":
            return {left: right for left, right in value.pairs}
        case "categorize":
            return value.bucket_of()  # type: ignore[no-any-return]
        case "cloze":
            return [blank.shown_answer for blank in value.blanks]
    raise AssertionError(question.type)


def prepared_session(
    saves: Path, clocks: Clocks, quiz: Path = ALL_TYPES, *, until: str | None = None,
    misses: int = 0, player: str = "Ana",
) -> GameSession:
    """A quiz-mode session of `player`, answered through the engine: `misses` answers of the
    first option shown first, then right ones until a question of type `until` is current (or
    to the end)."""
    session = GameSession.start(
        load_quiz(quiz), SavesFolder(saves).player(player), "quiz", seed=SEED,
        clock=clocks.clock, monotonic=clocks.monotonic, poll_votes=partial(poll_votes, saves),
    )
    while (presented := session.current()) is not None and presented.type != until:
        if misses:
            session.submit(presented.options[0])
            misses -= 1
        else:
            session.submit(right_response(presented.question))
    return session


def app_at(tmp_path: Path, quiz: Path, until: str) -> QuizApp:
    """The app open on the first question of type `until` of `quiz`, played by Ana so far."""
    saves, clocks = tmp_path / "saves", Clocks()
    return make_app(quizzes_folder(tmp_path, quiz), saves, clocks,
                    session=prepared_session(saves, clocks, quiz, until=until))


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until background loading is over and the screen is drawn."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot[Any], condition: Callable[[], bool], timeout_s: float = 10.0,
                what: str = "") -> None:
    """Let the app run until `condition()` holds, an idle moment at a time; fail after `timeout_s`
    (saying `what` was awaited).

    For what happens at the app's own pace (a timer's next tick, a refresh): the test waits for
    the thing itself rather than for a guess of how long it takes, which is both quicker and
    safe on a busy machine."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"{what + ': ' if what else 'still '}not so after {timeout_s} s"
        await pilot.pause()


def time_left(pilot: Pilot[Any]) -> str:
    """What the timer bar of the question on screen says."""
    return text_of(pilot.app.screen, "#time-left").strip()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def new_player(pilot: Pilot[Any], name: str) -> None:
    """On the home screen: type a new player's name and press Enter."""
    await settle(pilot)
    if not isinstance(pilot.app.focused, Input):
        await pilot.press("n")
    await type_text(pilot, name)
    await pilot.press("enter")
    await settle(pilot)


def shown(pilot: Pilot[Any]) -> PresentedQuestion:
    """The question on screen."""
    presented = pilot.app.screen.session.current()  # type: ignore[attr-defined]
    assert presented is not None
    return presented


def shown_or_none(pilot: Pilot[Any]) -> PresentedQuestion | None:
    """The question waiting for an answer, None once the last one is answered."""
    return pilot.app.screen.session.current()  # type: ignore[attr-defined]


def right_keys(presented: PresentedQuestion) -> list[str]:
    """The keys that answer a question right, Enter included."""
    question: Any = presented.question
    options = list(presented.options)
    match presented.type:
        case "choice":
            return [str(options.index(question.answer) + 1), "enter"]
        case "multi":
            return [str(options.index(answer) + 1) for answer in question.answers] + ["enter"]
        case "truefalse":
            return ["t" if question.answer else "f", "enter"]
        case "number" | "estimate":
            return [*f"{question.answer:g}", "enter"]
        case "text":
            return [*question.answers[0], "enter"]
        case "order":
            keys = []
            for place, item in enumerate(question.items):
                # Highlight the item (number key), then move it up into its place.
                here = options.index(item)
                keys += [str(here + 1)] + ["u"] * (here - place)
                options.insert(place, options.pop(here))
            return keys + ["enter"]
        case "match":
            # The cursor starts on the first left item and moves down after each pairing.
            return [str(options.index(right) + 1) for _, right in question.pairs] + ["enter"]
        case "categorize":
            bucket_of = question.bucket_of()
            return [str(options.index(bucket_of[item]) + 1) for item in presented.lefts] + ["enter"]
    raise AssertionError(presented.type)


async def answer_right(pilot: Pilot[Any]) -> None:
    """Answer the question on screen right; the feedback screen is then showing."""
    await pilot.press(*right_keys(shown(pilot)))
    await pilot.pause()


async def next_question(pilot: Pilot[Any]) -> None:
    """Leave the feedback screen."""
    await pilot.press("enter")
    await pilot.pause()


def quiz_cell(pilot: Pilot[Any], row: int, column: str) -> str:
    """A cell of the home screen's quiz list, by row and column header ("Best", "Due"...)."""
    from quizgame.tui.widgets.quiz_table import HEADERS, QuizTable

    table = pilot.app.screen.query_one("#quizzes", QuizTable)
    return str(table.get_row_at(row)[HEADERS.index(column)])


def screen_text(pilot: Pilot[Any]) -> str:
    """What the screen shows, line by line, as drawn (through Textual's compositor: there is no
    public way to read the characters on screen)."""
    update: Any = pilot.app.screen._compositor.render_update(full=True)
    return "\n".join("".join(strip.text for strip in line) for line in update.strips)


def steady_cursors(pilot: Pilot[Any]) -> None:
    """No blinking: a snapshot must not depend on when it was taken."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


def text_of(screen: object, selector: str) -> str:
    """The text a Static widget on `screen` currently shows."""
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


EVERY_TYPE = Path(__file__).parents[1] / "data" / "valid" / "all-types.toml"
"""One question of each type (`tests/data/valid/`)."""


def opening_at(saves: Path, clocks: Clocks, question_type: str) -> tuple[GameSession, Opening]:
    """Ana's game of every type, time up on each question before the first of `question_type`
    (every question: not its round of 9), and that question as an opening."""
    quiz = load_quiz(EVERY_TYPE)
    session = GameSession.start(quiz, SavesFolder(saves).player("Ana"), "quiz", seed=SEED,
                                clock=clocks.clock, monotonic=clocks.monotonic,
                                round_size=len(quiz.questions))
    while (presented := session.current()) is not None and presented.type != question_type:
        session.submit(None, timed_out=True)  # any type: time is up
    assert presented is not None and presented.type == question_type
    return session, Opening(EVERY_TYPE, SEED, session.quiz.quiz.title, presented.shown)


async def push_opening(pilot: Pilot[Any], opening: Opening) -> QuestionScreen:
    """The screen of `opening`, pushed over the app's first and drawn, as `play` draws it."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, QuizApp)
    screen = QuestionScreen.opening(opening, app.settings)
    await app.push_screen(screen)
    await settle(pilot)
    return screen
