"""One grader per question type, by type name (the engine's entry of each type; see
docs/architecture.md, "Adding a question type", for the other tables)."""

from __future__ import annotations

from typing import Any

from quizgame.engine.graders.arranged import CategorizeGrader, MatchGrader, OrderGrader
from quizgame.engine.graders.base import Grade, Grader, Response
from quizgame.engine.graders.choices import ChoiceGrader, MultiGrader, PollGrader, TrueFalseGrader
from quizgame.engine.graders.cloze import ClozeGrader
from quizgame.engine.graders.typed import EstimateGrader, NumberGrader, TextGrader

GRADERS: dict[str, Grader[Any]] = {
    grader.type: grader
    for grader in (
        ChoiceGrader(),
        MultiGrader(),
        TrueFalseGrader(),
        NumberGrader(),
        TextGrader(),
        OrderGrader(),
        MatchGrader(),
        EstimateGrader(),
        PollGrader(),
        CategorizeGrader(),
        ClozeGrader(),
    )
}

__all__ = ["GRADERS", "Grade", "Grader", "Response"]
