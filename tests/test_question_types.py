"""The question types are one list (the `Question` union), and every table by type agrees with it.

Each layer keeps its own table (models, graders, TUI widgets, plain renderers, each exporter and
importer, the paper instructions, the schema, the docs), because a per-type folder would make the
core import the front-ends. These tests are what holds the tables together: a type added to the
union fails here until every table has its entry, and an entry for a type that does not exist
fails too. A type missing from an exporter's table is skipped with a reason, never a crash.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgame.engine.graders import GRADERS
from quizgame.format import load_quiz
from quizgame.format.question_types import MODEL_BY_TYPE, QUESTION_TYPES
from quizgame.format.schema import quiz_json_schema
from quizgame.interop.common import INSTRUCTIONS, ExportOptions
from quizgame.interop.registry import EXPORT_FORMATS, IMPORT_FORMATS
from quizgame.interop.support import export_table, import_table, support_table
from quizgame.interop.xapi_interactions import INTERACTION_TYPES
from quizgame.plain.renderers import RENDERERS
from quizgame.tui.widgets.registry import INPUT_BY_TYPE

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "tests" / "data" / "interop" / "sample.toml"
ALL_TYPES = set(QUESTION_TYPES)


def docs_types() -> set[str]:
    """The types docs/quiz-format.md describes: a `### \\`type\\`: ...` heading each."""
    text = (ROOT / "docs" / "quiz-format.md").read_text(encoding="utf-8")
    section = text.split("## The question types", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^### `(\w+)`", section, re.MULTILINE))


TABLES = {
    "format.question_types.MODEL_BY_TYPE": lambda: MODEL_BY_TYPE,
    "engine.graders.GRADERS": lambda: GRADERS,
    "tui.widgets.registry.INPUT_BY_TYPE": lambda: INPUT_BY_TYPE,
    "plain.renderers.RENDERERS": lambda: RENDERERS,
    "interop.common.INSTRUCTIONS": lambda: INSTRUCTIONS,
    "interop.xapi_interactions.INTERACTION_TYPES": lambda: INTERACTION_TYPES,
    "schemas: the questions' discriminator": lambda: quiz_json_schema()["properties"]["questions"][
        "items"
    ]["discriminator"]["mapping"],
    "docs/quiz-format.md: the type headings": docs_types,
    **{f"export to {name}": (lambda name=name: export_table(name)) for name in EXPORT_FORMATS},
    **{f"import from {name}": (lambda name=name: import_table(name)) for name in IMPORT_FORMATS},
}


@pytest.mark.parametrize("table", TABLES)
def test_every_table_covers_exactly_the_question_types(table: str) -> None:
    keys = set(TABLES[table]())
    assert not ALL_TYPES - keys, f"{table} has no entry for {sorted(ALL_TYPES - keys)}"
    assert not keys - ALL_TYPES, f"{table} has entries for unknown types {sorted(keys - ALL_TYPES)}"


def test_the_graders_and_models_agree_on_names() -> None:
    assert all(grader.type == name for name, grader in GRADERS.items())
    assert all(
        model.model_fields["type"].annotation.__args__ == (name,)  # type: ignore[union-attr]
        for name, model in MODEL_BY_TYPE.items()
    )


def test_the_agreement_test_fails_when_a_table_misses_a_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(RENDERERS, "order")
    with pytest.raises(AssertionError, match=r"no entry for \['order'\]"):
        test_every_table_covers_exactly_the_question_types("plain.renderers.RENDERERS")


@pytest.mark.parametrize("name", EXPORT_FORMATS)
def test_a_type_missing_from_an_exporters_table_is_skipped_with_a_reason(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if a type were registered without its export entry: every exporter skips, none crash."""
    quiz = load_quiz(SAMPLE)
    table = export_table(name)
    before = EXPORT_FORMATS[name].exporter()(quiz, ExportOptions())
    monkeypatch.delitem(table, "match")  # type: ignore[attr-defined]
    result = EXPORT_FORMATS[name].exporter()(quiz, ExportOptions())
    matches = [q.id for q in quiz.questions if q.type == "match"]
    skipped = [s for s in result.skipped if s.question_type == "match"]
    assert [s.question_id for s in skipped] == matches
    assert all("no form for match questions" in s.reason for s in skipped)
    carried_before = len(matches) - sum(s.question_type == "match" for s in before.skipped)
    assert result.exported == before.exported - carried_before


def test_the_interop_page_shows_the_formats_tables() -> None:
    page = (ROOT / "docs" / "interop.md").read_text(encoding="utf-8")
    assert support_table() in page, "docs/interop.md: paste quizgame.interop.support.support_table()"
