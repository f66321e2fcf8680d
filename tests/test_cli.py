"""The command line: `--help` lists every command, a mistake lists them too, and running one
command builds (and imports) only that command's parser, which keeps the game quick to start."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quizgame.cli import COMMANDS, main


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    assert all(f"    {name} " in shown for name in COMMANDS)


def test_an_unknown_command_is_a_usage_error_that_names_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["plya"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'plya' (choose from 'play', 'check'" in capsys.readouterr().err


def test_a_command_imports_only_its_own_module() -> None:
    code = (
        "import sys\n"
        "from quizgame.cli import main\n"
        "try:\n"
        "    main(['check', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.endswith('_cmd')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "['quizgame.commands.check_cmd']"
