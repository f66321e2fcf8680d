"""The question types by name, read off the `Question` union in `models.py`.

That union is the one list of types: adding a model to it registers the type here, and
`tests/test_question_types.py` then fails until every other table (graders, widgets, plain
renderers, each exporter and importer, the schema, the docs) has an entry for it.
"""

from __future__ import annotations

from quizgame.format.models import QUESTION_MODELS, QUESTION_TYPES, QuestionBase

MODEL_BY_TYPE: dict[str, type[QuestionBase]] = dict(zip(QUESTION_TYPES, QUESTION_MODELS, strict=True))


def is_scored(question_type: str) -> bool:
    """Whether answers of this type are scored, scheduled and analysed (a poll's are not).

    A type no longer known (an old save) counts as scored, as it was when it was answered.
    """
    model = MODEL_BY_TYPE.get(question_type)
    return model is None or model.scored


__all__ = ["MODEL_BY_TYPE", "QUESTION_TYPES", "is_scored"]
