"""Graders of the arranging types: order, match and categorize (partial credit per item)."""

from __future__ import annotations

import random
from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import Grade, Grader, Layout, named_options, texts_of
from quizgame.engine.presentation import PresentedQuestion, shuffled_apart
from quizgame.engine.records import Given
from quizgame.format.models import CategorizeQuestion, MatchQuestion, OrderQuestion


class OrderGrader(Grader[OrderQuestion]):
    type = "order"

    def layout(self, question: OrderQuestion, generator: random.Random, *, shuffle_choices: bool) -> Layout:
        return Layout(options=shuffled_apart(question.items, generator))

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

    def answer_lines(self, question: OrderQuestion) -> list[str]:
        return [f"{rank}. {item}" for rank, item in enumerate(question.items, start=1)]


class MatchGrader(Grader[MatchQuestion]):
    type = "match"

    def layout(self, question: MatchQuestion, generator: random.Random, *, shuffle_choices: bool) -> Layout:
        rights = shuffled_apart([right for _, right in question.pairs], generator)
        return Layout(options=rights, lefts=tuple(left for left, _ in question.pairs))

    def grade(self, question: MatchQuestion, response: Any) -> Grade:
        partners = _text_map(response, "Expected a partner for each left item.")
        rights = [partners.get(left, "") for left, _ in question.pairs]
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

    def answer_lines(self, question: MatchQuestion) -> list[str]:
        return [f"{left} → {right}" for left, right in question.pairs]


class CategorizeGrader(Grader[CategorizeQuestion]):
    """Items shown shuffled (`lefts`), buckets in the quiz's order (`options`); the response is
    {item: bucket}, recorded as the bucket chosen for each item in the quiz's order."""

    type = "categorize"

    def layout(self, question: CategorizeQuestion, generator: random.Random, *, shuffle_choices: bool) -> Layout:
        items = list(question.bucket_of())
        generator.shuffle(items)
        return Layout(options=tuple(bucket.name for bucket in question.buckets), lefts=tuple(items))

    def grade(self, question: CategorizeQuestion, response: Any) -> Grade:
        buckets = _text_map(response, "Expected a bucket for each item.")
        right = question.bucket_of()
        chosen = [buckets.get(item, "") for item in right]
        hits = sum(1 for given, bucket in zip(chosen, right.values()) if given == bucket)
        credit = hits / len(right)
        return Grade(correct=credit == 1.0, credit=credit, given=chosen)

    def parse(self, presented: PresentedQuestion, raw: str) -> dict[str, str]:
        buckets = named_options(raw, presented.options)
        if len(buckets) != len(presented.lefts):
            raise AnswerFormatError(
                f"Give a bucket for each of the {len(presented.lefts)} items, in order "
                "(numbers or names separated by commas)."
            )
        return dict(zip(presented.lefts, buckets))

    def describe(self, question: CategorizeQuestion, given: Given) -> str:
        if not isinstance(given, list):
            return "(no answer)"
        return "; ".join(f"{item}: {bucket or '(none)'}" for item, bucket in zip(question.bucket_of(), given))

    def right_answer(self, question: CategorizeQuestion) -> str:
        return "; ".join(self.answer_lines(question))

    def answer_lines(self, question: CategorizeQuestion) -> list[str]:
        return [f"{bucket.name}: {', '.join(bucket.items) or '(nothing)'}" for bucket in question.buckets]


def _text_map(response: Any, wrong_shape: str) -> dict[str, str]:
    """A {text: text} response, or `AnswerFormatError(wrong_shape)`."""
    if not isinstance(response, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in response.items()
    ):
        raise AnswerFormatError(wrong_shape)
    return response
