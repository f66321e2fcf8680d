"""The question types by name, read off the `Question` union in `models.py`.

That union is the one list of types: adding a model to it registers the type here, and
`tests/test_question_types.py` then fails until every other table (graders, widgets, plain
renderers, each exporter and importer, the schema, the docs) has an entry for it.
"""

from __future__ import annotations

from quizgame.format.models import QUESTION_MODELS, QUESTION_TYPES, QuestionBase

MODEL_BY_TYPE: dict[str, type[QuestionBase]] = dict(zip(QUESTION_TYPES, QUESTION_MODELS, strict=True))

__all__ = ["MODEL_BY_TYPE", "QUESTION_TYPES"]
