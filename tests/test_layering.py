"""The core never imports the front-ends: importing any core module in a fresh interpreter leaves
out textual, and quizgame's own front-ends and commands (`plain`, `tui`, `commands`, `cli`).

Each check runs in its own subprocess (this test process may have textual loaded already) and
imports every module of the package, so a stray import anywhere is caught and named.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CORE_PACKAGES = ["quizgame.format", "quizgame.engine", "quizgame.store", "quizgame.classroom",
                 "quizgame.interop", "quizgame.live", "quizgame.wording"]

_PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    package = importlib.import_module(sys.argv[1])
    names = [sys.argv[1]]
    if hasattr(package, "__path__"):
        names += [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")]
    forbidden = ("textual", "quizgame.plain", "quizgame.tui", "quizgame.commands", "quizgame.cli")
    for name in names:
        importlib.import_module(name)
        for front in forbidden:
            if front in sys.modules:
                sys.exit(f"importing {name} imported {front}")
    print(len(names))
    """
)


def probe(module: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PROBE, module], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_core_package_does_not_import_textual_or_the_front_ends(package: str) -> None:
    if importlib.util.find_spec(package) is None:
        pytest.skip(f"{package} does not exist yet")
    result = probe(package)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 1


def test_the_format_package_has_all_its_modules_checked() -> None:
    result = probe("quizgame.format")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 8  # the package and its seven modules


def test_the_probe_catches_a_core_module_that_imports_a_front_end(tmp_path: Path) -> None:
    """A core package importing plain mode would be named (so the check above can fail)."""
    package = tmp_path / "fakecore"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "leaky.py").write_text("import quizgame.plain.renderers\n")
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, "fakecore"], capture_output=True, text=True, timeout=120,
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "importing fakecore.leaky imported quizgame.plain" in result.stderr


def test_the_command_line_parser_does_not_import_textual() -> None:
    """Building the parser imports every command module: their heavy imports must be lazy."""
    code = (
        "import sys; from quizgame.cli import build_parser; build_parser(); "
        "sys.exit('textual imported' if 'textual' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_screens_and_widgets_never_import_the_app() -> None:
    """The app imports the screens; they see it through `tui.settings` (no import circle)."""
    import ast

    root = Path(__file__).parents[1] / "src" / "quizgame" / "tui"
    offenders = []
    for path in [*(root / "screens").glob("*.py"), *(root / "widgets").glob("*.py"), root / "settings.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "quizgame.tui.app":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_the_home_screens_modules_need_no_game_logic() -> None:
    """Every module the home screen needs for its first frame is compiled at each start of an
    editable install without a bytecode cache (issue 12): the quiz models, saves and
    accommodations are read after it, in its worker or once a player is chosen."""
    code = (
        "import sys\n"
        "import quizgame.cli, quizgame.commands.play_cmd, quizgame.tui.app\n"
        "import quizgame.tui.screens.home\n"
        "late = ('pydantic', 'quizgame.engine.', 'quizgame.store', 'quizgame.format',\n"
        "        'quizgame.classroom', 'quizgame.plain', 'quizgame.commands.play_plain')\n"
        "print(sorted(name for name in sys.modules if name.startswith(late)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
