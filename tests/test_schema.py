"""The committed JSON Schema: generated from the models, never edited by hand, and right.

No JSON Schema library is installed, so a small validator for the keywords pydantic emits checks
that the schema accepts every valid test quiz and rejects the mistakes a schema can see. It fails
on any keyword it does not know, so it cannot silently pass a schema it does not understand.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from quizgame.format.models import QUESTION_TYPES
from quizgame.format.schema import quiz_json_schema, quiz_json_schema_text

ROOT = Path(__file__).parents[1]
SCHEMA_FILE = ROOT / "schemas" / "quiz.schema.json"
DATA = Path(__file__).parent / "data"

_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}
_ANNOTATIONS = {"title", "description", "default", "$schema", "$defs", "discriminator"}


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "") -> list[str]:
    """Why `value` does not match `schema` (empty when it does)."""
    found: list[str] = []
    for keyword, rule in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        if keyword == "$ref":
            found += errors(value, root["$defs"][rule.removeprefix("#/$defs/")], root, at)
        elif keyword == "type":
            # A TOML date is what a JSON Schema string of format "date" stands for.
            is_date = schema.get("format") == "date" and isinstance(value, dt.date)
            if not (_TYPES[rule](value) or (rule == "string" and is_date)):
                return [f"{at}: not {rule}"]
        elif keyword == "format":
            assert rule == "date", f"the format uses no other string format than date, not {rule}"
        elif keyword == "oneOf":
            if sum(not errors(value, option, root, at) for option in rule) != 1:
                found.append(f"{at}: not exactly one of {len(rule)} options")
        elif keyword == "const":
            found += [] if value == rule else [f"{at}: not {rule!r}"]
        elif keyword == "enum":
            found += [] if value in rule else [f"{at}: not in {rule}"]
        elif keyword in ("minLength", "maxLength", "minItems", "maxItems"):
            if isinstance(value, (str, list)):
                low = keyword.startswith("min")
                if (len(value) < rule) if low else (len(value) > rule):
                    found.append(f"{at}: {keyword} {rule}")
        elif keyword == "pattern":
            if isinstance(value, str) and not re.search(rule, value):
                found.append(f"{at}: does not match {rule}")
        elif keyword in ("minimum", "maximum"):
            if _TYPES["number"](value) and (value < rule if keyword == "minimum" else value > rule):
                found.append(f"{at}: {keyword} {rule}")
        elif keyword == "items":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    found += errors(item, rule, root, f"{at}[{index}]")
        elif keyword == "required":
            if isinstance(value, dict):
                found += [f"{at}.{key}: missing" for key in rule if key not in value]
        elif keyword == "properties":
            if isinstance(value, dict):
                for key, sub in rule.items():
                    if key in value:
                        found += errors(value[key], sub, root, f"{at}.{key}")
        elif keyword == "additionalProperties":
            assert rule is False, "the format forbids unknown keys everywhere"
            if isinstance(value, dict):
                found += [f"{at}.{k}: unknown" for k in value if k not in schema["properties"]]
        else:
            raise AssertionError(f"validator does not know JSON Schema keyword {keyword!r}")
    return found


def test_committed_schema_matches_the_models() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == quiz_json_schema_text(), (
        "schemas/quiz.schema.json is out of date with the models: "
        "run `quizgame schema > schemas/quiz.schema.json`"
    )


def test_schema_forbids_unknown_keys_and_knows_every_type() -> None:
    schema = quiz_json_schema()
    objects = [schema, *schema["$defs"].values()]
    assert all(obj["additionalProperties"] is False for obj in objects)
    mapping = schema["properties"]["questions"]["items"]["discriminator"]["mapping"]
    assert set(mapping) == set(QUESTION_TYPES)
    assert "null" not in json.dumps(schema)  # TOML has no null: optional keys are left out


@pytest.mark.parametrize("path", sorted((DATA / "valid").glob("*.toml")), ids=lambda p: p.name)
def test_schema_accepts_every_valid_quiz(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    assert errors(data, quiz_json_schema(), quiz_json_schema()) == []


SCHEMA_VISIBLE_MISTAKES = [
    "unknown-key-typo", "unknown-key-quiz", "unknown-key-source", "unknown-table",
    "string-for-number", "yes-for-bool", "number-for-string", "float-for-whole-number",
    "bad-quiz-id", "bad-question-id", "choices-too-few", "choices-too-many", "tolerance-negative",
    "unknown-type", "missing-type", "missing-prompt", "missing-answer", "empty-prompt",
    "time-limit-negative", "points-negative", "scoring-fast", "bad-language",
    "missing-quiz-table", "missing-title", "no-questions", "questions-single-brackets",
    "match-pair-of-three", "match-too-few-pairs", "order-too-few", "text-answers-empty",
    "text-answer-blank", "multi-answers-empty",
]


@pytest.mark.parametrize("name", SCHEMA_VISIBLE_MISTAKES)
def test_schema_rejects_what_it_can_see(name: str) -> None:
    data = tomllib.loads((DATA / "invalid" / f"{name}.toml").read_text(encoding="utf-8"))
    assert errors(data, quiz_json_schema(), quiz_json_schema()) != []


def test_schema_directives_in_data_point_at_the_committed_schema() -> None:
    for path in [*(DATA / "valid").glob("*.toml"), *(ROOT / "quizzes").glob("*.toml")]:
        first = path.read_text(encoding="utf-8-sig").splitlines()[0]
        if first.startswith("#:schema "):
            target = (path.parent / first.removeprefix("#:schema ").strip()).resolve()
            assert target == SCHEMA_FILE.resolve(), path
