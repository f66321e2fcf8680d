"""Exports graded the same by the target tool as by quizgame: GIFT weights and wildcards, Kahoot.

Moodle's multiple-answer grade is the sum of the fractions of the picked options, kept within
0..100 %; quizgame takes 1/len(right) off per wrong pick. The weights written must make the two
agree on every possible set of picks.
"""

from __future__ import annotations

import io
import itertools
import re

from openpyxl import load_workbook

from interop_helpers import DATA
from quizgame.engine.grading import grade
from quizgame.format import load_quiz
from quizgame.interop.common import ExportOptions
from quizgame.interop.gift import export_quiz
from quizgame.interop.kahoot import export_quiz as kahoot_export

EDGES = load_quiz(DATA / "edges" / "moodle-grading.toml")


def moodle_multi_grade(weights: dict[str, float], picks: tuple[str, ...]) -> float:
    return min(1.0, max(0.0, sum(weights[p] for p in picks) / 100))


def test_gift_multi_weights_grade_every_pick_set_as_quizgame_does() -> None:
    gift = export_quiz(EDGES, ExportOptions()).content
    assert isinstance(gift, str)
    block = gift.split("::two-of-five::")[1].split("}")[0]
    weights = {text.strip(): float(w) for w, text in re.findall(r"~%(-?[\d.]+)%([^\n]+)", block)}
    question = EDGES.question("two-of-five")
    assert sorted(weights) == sorted(question.choices)
    for size in range(1, len(weights) + 1):
        for picks in itertools.combinations(question.choices, size):
            expected = grade(question, list(picks)).credit
            assert abs(moodle_multi_grade(weights, picks) - expected) < 1e-4, picks


def test_gift_text_answer_star_is_escaped_against_moodles_wildcard() -> None:
    gift = export_quiz(EDGES, ExportOptions()).content
    assert isinstance(gift, str)
    block = gift.split("::star-answer::")[1].split("}")[0]
    # GIFT escapes the backslash: Moodle reads `\*`, its short answer's literal asterisk.
    assert "=\\\\*" in block and "=*" not in block


def test_kahoot_cells_are_flattened_to_one_line() -> None:
    result = kahoot_export(EDGES, ExportOptions())
    assert isinstance(result.content, bytes)
    sheet = load_workbook(io.BytesIO(result.content)).active
    row = [cell for cell in next(sheet.iter_rows(min_row=9, max_row=9, values_only=True))]
    assert row[1] == 'Read the line: "All is well." Who says it?'
    assert row[2:4] == ["A cat", "A dog"]
