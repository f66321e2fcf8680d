"""Shared access to the engine's test quizzes and case tables in tests/data/engine/."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from quizgame.format import Quiz, load_quiz
from quizgame.format.models import Question

DATA = Path(__file__).parent / "data" / "engine"


@cache
def quiz(name: str) -> Quiz:
    return load_quiz(DATA / f"{name}.toml")


def question(quiz_name: str, question_id: str) -> Question:
    return quiz(quiz_name).question(question_id)


def cases(name: str) -> list[dict[str, Any]]:
    with open(DATA / name, "rb") as file:
        return tomllib.load(file)["case"]


def case_id(case: dict[str, Any]) -> str:
    shown = case.get("response", case.get("raw"))
    return f"{case['question']}-{shown!r}"
