"""The command line in-process, for the tests where a process of its own is not the point: its
`main(argv)` with stdin as a pipe gives it (bytes behind a text layer, no terminal) and its
output captured. A fresh `python -m quizgame` costs a few tenths of a second of CPU."""

from __future__ import annotations

import io

import pytest

from quizgame.cli import main


def run_main(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str,
             stdin: str = "") -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `quizgame ARGV` reading `stdin`."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err
