"""What one run of the app is about (`GameSettings`), its clock, and what screens ask of the app.

Screens import this module, never `tui.app`: the app imports the screens, so the screens see the
app only as a `GameHost`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from quizgame.classroom.roster import Roster
    from quizgame.engine.exam import ExamGoal
    from quizgame.engine.openings import Opening, OpeningRequest
    from quizgame.engine.records import Mode
    from quizgame.format.models import Quiz
    from quizgame.store.folder import SavesFolder
    from quizgame.tui.player_theme import PlayerTheme

MODES: tuple[Mode, ...] = ("quiz", "practice", "mistakes")


def utc_now() -> datetime:
    return datetime.now(UTC)


class GameSettings(NamedTuple):
    """What one run of the app is about; `clock` and `monotonic` are the engine's clocks.

    `quizzes_dirs` come first-wins (see commands/paths.py); `quiz` is the command line's quiz,
    already loaded from `quiz_path` (each quiz is loaded once per start); `roster` limits who
    can play; `teacher` opens the teacher's views (never under `serve`); `theme` is a theme's
    name (tui/themes.py; None: Textual's default).
    """

    quizzes_dirs: tuple[Path, ...]
    saves_dir: Path
    player: str | None = None
    quiz_path: Path | None = None
    quiz: Quiz | None = None
    roster: Roster | None = None
    teacher: bool = False
    mode: Mode = "quiz"
    seed: int | None = None
    new_limit: int | None = None
    exam: ExamGoal | None = None
    easy_within: int | None = None
    round_size: int | None = None
    theme: str | None = None
    player_themes: bool = True
    """A player's own theme (their profile) replaces `theme` once they are known; False when
    `--theme` named one on the command line."""
    show_cursor: bool = False
    """Show the terminal's cursor on the focused option too (tui/focus_cursor.py)."""
    opening_request: OpeningRequest | None = None
    """`play QUIZ --player NAME` in quiz mode: the game whose next opening the app keeps."""
    opening: Opening | None = None
    """The first question of the game to start, drawn before the quiz loads (engine/openings.py)."""
    clock: Callable[[], datetime] = utc_now
    monotonic: Callable[[], float] = time.monotonic
    build_ahead: bool = True
    """Once a game's first question is drawn, build the answer widgets of its quiz's other
    question types, hidden (tui/screens/question.py). False: each is built when its first
    question is drawn, which a test that looks at a question or two can afford."""


class GameHost(Protocol):
    """What the screens use of the app (`QuizApp` is the one implementation)."""

    settings: GameSettings
    player_theme: PlayerTheme

    @property
    def saves(self) -> SavesFolder: ...

    def player_name(self, typed: str) -> str: ...

    def play(self, quiz: Quiz, player: str, mode: Mode) -> None: ...
