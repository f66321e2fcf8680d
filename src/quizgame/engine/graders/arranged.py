"""Graders of the arranging types: order and match (partial credit per item or pair)."""

from __future__ import annotations

from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import Grade, Grader, named_options, texts_of
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.format.models import MatchQuestion, OrderQuestion


class OrderGrader(Grader[OrderQuestion]):
    type = "order"

    def grade(self, question: OrderQuestion, response: Any) -> Grade:
        order = texts_of(response, "items")
        in_place = sum(1 for given, item in zip(order, question.items) if given == item)
        credit = in_place / len(question.items)
        return Grade(correct=credit == 1.0, credit=credit, given=order)

    def parse(self, presented: PresentedQuestion, raw: str) -> list[str]:
        order = named_options(raw, presented.options)
        if sorted(order) != sorted(presented.options):
            raise AnswerFormatError(
                f"Give all {len(presented.options)} items, each once, first to last "
                "(numbers or texts separated by commas)."
            )
        return order

    def describe(self, question: OrderQuestion, given: Given) -> str:
        return " → ".join(given) if isinstance(given, list) and given else "(no answer)"

    def right_answer(self, question: OrderQuestion) -> str:
        return " → ".join(question.items)


class MatchGrader(Grader[MatchQuestion]):
    type = "match"

    def grade(self, question: MatchQuestion, response: Any) -> Grade:
        if not isinstance(response, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in response.items()
        ):
            raise AnswerFormatError("Expected a partner for each left item.")
        rights = [response.get(left, "") for left, _ in question.pairs]
        hits = sum(1 for given, (_, right) in zip(rights, question.pairs) if given == right)
        credit = hits / len(question.pairs)
        return Grade(correct=credit == 1.0, credit=credit, given=rights)

    def parse(self, presented: PresentedQuestion, raw: str) -> dict[str, str]:
        partners = named_options(raw, presented.options)
        if len(partners) != len(presented.lefts):
            raise AnswerFormatError(
                f"Give a partner for each of the {len(presented.lefts)} left items, in order "
                "(numbers or texts separated by commas)."
            )
        repeated = sorted({p for p in partners if partners.count(p) > 1})
        if repeated:
            raise AnswerFormatError(
                f"Each partner goes with one left item only: {', '.join(repeated)} is given "
                "more than once."
            )
        return dict(zip(presented.lefts, partners))

    def describe(self, question: MatchQuestion, given: Given) -> str:
        if not isinstance(given, list):
            return "(no answer)"
        return "; ".join(
            f"{left}: {right or '(none)'}" for (left, _), right in zip(question.pairs, given)
        )

    def right_answer(self, question: MatchQuestion) -> str:
        return self.describe(question, [right for _, right in question.pairs])
