"""The core never imports textual: importing any core module in a fresh interpreter leaves it out.

Each check runs in its own subprocess (this test process may have textual loaded already) and
imports every module of the package, so a stray import anywhere is caught and named.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap

import pytest

CORE_PACKAGES = ["quizgame.format", "quizgame.engine", "quizgame.store", "quizgame.classroom",
                 "quizgame.interop", "quizgame.wording"]

_PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    package = importlib.import_module(sys.argv[1])
    names = [sys.argv[1]]
    if hasattr(package, "__path__"):
        names += [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")]
    for name in names:
        importlib.import_module(name)
        if "textual" in sys.modules:
            sys.exit(f"importing {name} imported textual")
    print(len(names))
    """
)


def probe(module: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PROBE, module], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_core_package_does_not_import_textual(package: str) -> None:
    if importlib.util.find_spec(package) is None:
        pytest.skip(f"{package} does not exist yet")
    result = probe(package)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 1


def test_the_format_package_has_all_its_modules_checked() -> None:
    result = probe("quizgame.format")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 8  # the package and its seven modules


def test_the_command_line_parser_does_not_import_textual() -> None:
    """Building the parser imports every command module: their heavy imports must be lazy."""
    code = (
        "import sys; from quizgame.cli import build_parser; build_parser(); "
        "sys.exit('textual imported' if 'textual' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
