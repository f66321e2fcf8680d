"""Write a `Quiz` as a v1 TOML file, laid out the way a teacher would write it by hand.

Keys come in reading order (id, type, prompt, the type's own keys, then the optional ones),
values equal to their default are left out, whole numbers are written without `.0`, and short
lists stay on one line (`choices = ["a", "b"]`). tomli-w formats every value, so quoting and
escaping are its (tested) job; this module only decides the layout.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from quizgame.format.models import Question, QuestionBase, Quiz

SCHEMA_LINE = "#:schema ../schemas/quiz.schema.json"
_HEAD = ("id", "type", "prompt")
_WIDTH = 88  # a list longer than this gets one item per line


def quiz_toml(quiz: Quiz) -> str:
    """The quiz as TOML text, starting with the editor's `#:schema` directive."""
    meta = quiz.quiz.model_dump(exclude_defaults=True)
    source = meta.pop("source", None)
    lines = [SCHEMA_LINE, "", "[quiz]", *_key_lines(meta), ""]
    if source:
        lines += ["[quiz.source]", *_key_lines(source), ""]
    for question in quiz.questions:
        lines += ["[[questions]]", *_key_lines(question_table(question)), ""]
    return "\n".join(lines)


def question_table(question: Question) -> dict[str, Any]:
    """One `[[questions]]` table: non-default values in the order the format documents them."""
    values = question.model_dump(exclude_defaults=True)
    own = [name for name in type(question).model_fields if name not in QuestionBase.model_fields]
    order = [*_HEAD, *own, *QuestionBase.model_fields]
    return {key: values[key] for key in dict.fromkeys(order) if key in values}


def _key_lines(table: dict[str, Any]) -> list[str]:
    return [f"{key} = {_literal(value)}" for key, value in table.items()]


def _literal(value: Any) -> str:
    if isinstance(value, list):
        items = [_literal(item) for item in value]
        inline = f"[{', '.join(items)}]"
        if len(inline) <= _WIDTH:
            return inline
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        value = int(value)  # 2017, not 2017.0: TOML keeps the difference, teachers write 2017
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")
