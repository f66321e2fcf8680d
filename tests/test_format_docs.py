"""Every example in docs/quiz-format.md works as the page says.

The page's fenced blocks are read in order. HTML comments (invisible on the rendered page) just
before a block say what it is:

    <!-- file: PATH -->                   write the block to PATH (a quiz there must load)
    <!-- invalid: PATH -->                write the block to PATH; it must not load
    <!-- output of: quizgame check ARGS --> the block is exactly what that command prints

An unmarked ```toml block must load without warnings: a complete quiz as it is, a block of
questions under a minimal [quiz] table.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.errors import QuizLoadError
from quizgame.format import load_quiz
from quizgame.format.checker import check_file
from quizgame.format.models import QUESTION_TYPES

DOC = Path(__file__).parents[1] / "docs" / "quiz-format.md"
_BLOCK = re.compile(
    r"(?:<!-- (?P<marker>[^>]*?) -->\n(?:(?!```)[^\n]*\n)*?)?"  # a marker, maybe a line of prose
    r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)
_QUIZ_TABLE = re.compile(r"^(\[quiz\]|quiz\s*=)", re.MULTILINE)
MINIMAL_QUIZ = '[quiz]\nid = "doc-example"\ntitle = "Example from the docs"\n\n'


def blocks() -> list[tuple[str, str, str]]:
    """(marker, language, body) of every fenced block, in page order."""
    text = DOC.read_text(encoding="utf-8")
    return [(m["marker"] or "", m["lang"], m["body"]) for m in _BLOCK.finditer(text)]


def test_the_page_has_the_examples_it_promises() -> None:
    found = blocks()
    assert sum(lang == "toml" for _, lang, _ in found) >= 12
    markers = [marker.split(":")[0] for marker, _, _ in found if marker]
    assert {"file", "invalid", "output of"} <= set(markers)


def test_every_example_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    types_shown: set[str] = set()
    for number, (marker, lang, body) in enumerate(blocks()):
        kind, _, argument = marker.partition(": ")
        if kind == "output of":
            args = shlex.split(argument)
            assert args[:2] == ["quizgame", "check"], marker
            capsys.readouterr()
            main(args[1:])
            assert capsys.readouterr().out == body, f"the page's output for {argument!r} is stale"
        elif kind in ("file", "invalid"):
            path = tmp_path / argument
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            if kind == "invalid":
                with pytest.raises(QuizLoadError):
                    load_quiz(path)
            elif lang == "toml":
                types_shown |= {q.type for q in load_quiz(path).questions}
        elif lang == "toml":
            path = tmp_path / f"example-{number}.toml"
            path.write_text(body if _QUIZ_TABLE.search(body) else MINIMAL_QUIZ + body,
                            encoding="utf-8")
            result = check_file(path)
            assert result.quiz is not None, f"block {number}:\n" + "\n".join(map(str, result.problems))
            assert result.warnings == [], f"block {number}: {result.warnings}"
            types_shown |= {q.type for q in result.quiz.questions}
    assert types_shown == set(QUESTION_TYPES)
