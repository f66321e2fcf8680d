"""Malformed CSV, GIFT and Moodle XML files, one mistake each: one error, at the right line, in clear words."""

from __future__ import annotations

import tomllib

import pytest

from interop_helpers import DATA
from quizgame.interop.registry import import_format_for

MALFORMED = DATA / "malformed"
EXPECTED = tomllib.loads((MALFORMED / "expected.toml").read_text(encoding="utf-8"))
FILES = sorted(p for p in MALFORMED.iterdir() if p.suffix in (".csv", ".gift", ".xml"))


def test_every_file_has_an_expectation_and_every_expectation_a_file() -> None:
    assert sorted(EXPECTED) == [p.name for p in FILES]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_one_error_at_its_line(path) -> None:
    chosen = import_format_for(path)
    assert chosen is not None
    result = chosen.importer()(path.read_text(encoding="utf-8"), path)
    expected = EXPECTED[path.name]
    assert len(result.errors) == 1, [str(p) for p in result.problems]
    (error,) = result.errors
    assert error.line == expected["line"]
    for words in expected["contains"]:
        assert words in str(error)
