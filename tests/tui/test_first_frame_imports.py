"""What the first frames import (issue 12): a start without a bytecode cache compiles every
quizgame module imported before its first frame, so the code that runs only after it (the home
screen's lists, a game's answers and feedback, the game's start) lives in modules of its own,
imported when first used."""

from __future__ import annotations

import subprocess
import sys

import pytest

FIRST_FRAMES = [
    pytest.param(
        ("quizgame.tui.app", "quizgame.tui.screens.home"),
        {"quizgame.tui.screens.home_lists", "quizgame.tui.catalog", "quizgame.tui.game_start",
         "quizgame.tui.widgets.quiz_table", "quizgame.classroom.roster", "pydantic"},
        id="home screen",
    ),
    pytest.param(
        ("quizgame.tui.app", "quizgame.engine.openings", "quizgame.tui.screens.question"),
        {"quizgame.tui.screens.answering", "quizgame.tui.game_start", "quizgame.tui.widgets.feedback",
         "quizgame.tui.screens.results", "quizgame.format.models", "pydantic"},
        id="a game's first question",
    ),
]


@pytest.mark.parametrize(("modules", "later"), FIRST_FRAMES)
def test_a_first_frame_loads_none_of_what_comes_after_it(modules: tuple[str, ...], later: set[str]) -> None:
    code = (f"import sys, {', '.join(modules)}; "
            "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('quizgame', 'pydantic')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=60)
    loaded = set(done.stdout.split())
    assert set(modules) <= loaded
    assert not loaded & later
