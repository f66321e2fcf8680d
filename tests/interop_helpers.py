"""Shared by the interop tests: data paths, golden-file comparison, a quiz's comparable fields."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from quizgame.format.models import Question

DATA = Path(__file__).parent / "data" / "interop"
SAMPLE = DATA / "sample.toml"
GOLDEN = DATA / "golden"
BANK = Path(__file__).parents[1] / "quizzes" / "nato-2025.toml"
UPDATE_GOLDEN = os.environ.get("QUIZGAME_UPDATE_GOLDEN") == "1"


def assert_golden(path: Path, actual: str) -> None:
    """`actual` must equal the committed file, byte for byte.

    QUIZGAME_UPDATE_GOLDEN=1 rewrites the file instead, after a deliberate change: review the diff.
    """
    if UPDATE_GOLDEN:
        path.write_bytes(actual.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == actual, f"{path.name} differs from the export"


def carried(question: Question, fields: set[str]) -> dict[str, Any]:
    """The fields of a question a format carries (multi answers as a set: their order is free)."""
    values = {k: v for k, v in question.model_dump().items() if k in fields}
    if question.type == "multi":
        values["answers"] = sorted(values["answers"])
    return values
