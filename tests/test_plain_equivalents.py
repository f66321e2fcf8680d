"""Every screen of the Textual game has a plain equivalent (issue 16).

The screens are found, not listed: every `Screen`, `ModalScreen` and `App` subclass defined in a
module of quizgame.tui. A new screen fails here until `quizgame.plain.equivalents.SCREENS` names
its plain entry point and `EXERCISED` below names the golden transcript that runs it
(tests/plain_transcripts.py). The live game's views, one per kind of message its clients show,
are found the same way in the student client's message handler.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from textual.app import App
from textual.screen import Screen

import quizgame.tui
from plain_transcripts import EVERY_TYPE, ROUND, TRANSCRIPTS
from quizgame.format import load_quiz
from quizgame.format.question_types import QUESTION_TYPES
from quizgame.plain.equivalents import LIVE_VIEWS, SCREENS
from quizgame.tui.live.join_app import JoinApp

GOLDEN = Path(__file__).parent / "data" / "plain" / "golden"
DOCS = Path(__file__).parents[1] / "docs" / "accessibility.md"

EXERCISED: dict[str, tuple[str, str]] = {
    "quizgame.tui.app:QuizApp": ("home", "Quizzes:"),
    "quizgame.tui.screens.home:HomeScreen": ("home", "Your name (or a listed player's number): "),
    "quizgame.tui.screens.player_prompt:PlayerPromptScreen": ("question", "Your name: Ana"),
    "quizgame.tui.screens.start:StartScreen": ("question", "Question 1 of 13: "),
    "quizgame.tui.screens.ask:AskScreen": ("continue", "Enter or c: continue"),
    "quizgame.tui.screens.question:QuestionScreen": ("question", "Right answer:"),
    "quizgame.tui.screens.results:ResultsScreen": ("question", "Results:"),
    "quizgame.tui.screens.leaderboard:LeaderboardScreen": ("scores", "Best score"),
    "quizgame.tui.screens.progress:ProgressScreen": ("history", "Ana: "),
    "quizgame.tui.screens.accommodations:AccommodationsScreen": (
        "player", "Ana: accommodations: twice the time, no speed points"),
    "quizgame.tui.screens.help:HelpScreen": ("help", "Scoring:"),
    "quizgame.tui.screens.report:ReportScreen": ("report", "Facility"),
    "quizgame.tui.screens.forecast:ForecastScreen": ("report", "Forgetting forecast"),
    "quizgame.tui.live.host_app:HostApp": ("live-host", "reveal 1: right answer: Lima"),
    "quizgame.tui.live.join_app:JoinApp": ("live-join", "Joined 'Capitals'"),
}
"""Each screen's plain entry point as run by a golden transcript, and a line it prints there."""


def tui_screens() -> set[str]:
    """Every Screen, ModalScreen and App subclass defined in quizgame.tui, as "module:Class"."""
    found = set()
    for module_info in pkgutil.walk_packages(quizgame.tui.__path__, "quizgame.tui."):
        module = importlib.import_module(module_info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, (Screen, App)):
                found.add(f"{module.__name__}:{name}")
    return found


def test_every_tui_screen_has_a_plain_equivalent() -> None:
    screens = tui_screens()
    assert len(screens) >= 13
    assert sorted(screens - set(SCREENS)) == [], "screens without a plain equivalent"
    assert sorted(set(SCREENS) - screens) == [], "plain equivalents of screens that are gone"


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_each_plain_equivalent_is_exercised_by_a_golden_transcript(screen: str) -> None:
    transcript, line = EXERCISED[screen]
    assert transcript in TRANSCRIPTS
    assert line in (GOLDEN / f"{transcript}.txt").read_text(encoding="utf-8")


def test_every_view_of_the_live_client_has_a_plain_line() -> None:
    """The kinds of message JoinApp shows (read off its handler) are LIVE_VIEWS, each printed by
    `join --plain` in the live-join transcript; errors and reconnections print their message."""
    source = inspect.getsource(JoinApp._on)
    kinds = set(re.findall(r'"([a-z_]+)"', source)) - {"type", "player", "team", "rejoin",
                                                       "game", "title", "players", "message",
                                                       "remaining_ms"}
    said_as_they_come = {"error", "kicked", "replaced", "gone", "reconnecting"}
    assert sorted(kinds - said_as_they_come - set(LIVE_VIEWS)) == []
    golden = (GOLDEN / "live-join.txt").read_text(encoding="utf-8")
    for kind, view in LIVE_VIEWS.items():
        example = re.search(r"`([^`.]+)", view)
        assert example is not None, kind
        start = re.sub(r"\d+", "", example.group(1)).split("...")[0].strip()
        assert start.split()[0] in golden, (kind, start)


def test_docs_name_every_screen_and_its_plain_equivalent() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for screen, equivalent in SCREENS.items():
        assert equivalent.plain in docs, screen


def test_the_question_transcript_plays_every_question_type() -> None:
    """A new type lands in tests/data/valid/all-types.toml (test_question_types.py sees to it),
    and so in the golden transcript of the question screen, all of it played."""
    quiz = load_quiz(EVERY_TYPE)
    assert {question.type for question in quiz.questions} == set(QUESTION_TYPES)
    assert ROUND == len(quiz.questions)
    golden = (GOLDEN / "question.txt").read_text(encoding="utf-8")
    assert golden.count(f" of {ROUND}: ") == ROUND
