"""The JSON Schema of the quiz format, generated from the models (editors use it via `#:schema`)."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from quizgame.format.models import Quiz


class _TomlJsonSchema(GenerateJsonSchema):
    """TOML has no null: an optional key is simply left out, so drop `null` from the schema."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        generated = super().default_schema(schema)
        if generated.get("default", ...) is None:
            del generated["default"]
        return generated


def quiz_json_schema() -> dict[str, Any]:
    """The schema as a dict; `schemas/quiz.schema.json` must equal it (a test checks)."""
    schema = Quiz.model_json_schema(mode="validation", schema_generator=_TomlJsonSchema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def quiz_json_schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(quiz_json_schema(), indent=2, ensure_ascii=False) + "\n"
