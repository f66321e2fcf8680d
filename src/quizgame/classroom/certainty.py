"""Sure and wrong: how often students who said "I was sure" (practice and mistakes modes) had
the question wrong. Many sure-and-wrong answers point at a misconception — something taught or
understood wrongly — rather than at a gap, which a guess shows (docs/teacher-report.md)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from quizgame.classroom.item_analysis import Flag, ItemStats, QuizReport
from quizgame.engine.records import SessionRecord

SURE_WRONG_AT = 0.2  # share of the sure answers that were wrong from which a question is flagged
SURE_WRONG_MIN = 2  # ...and at least this many of them: one student's slip is no pattern


def count_certainty(games: Iterable[SessionRecord]) -> tuple[Counter[str], Counter[str]]:
    """Per question: the answers marked "I was sure", and those of them that were wrong."""
    sure: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for game in games:
        for answer in game.answers:
            if answer.sure:
                sure[answer.question_id] += 1
                wrong[answer.question_id] += not answer.correct
    return sure, wrong


def with_certainty(report: QuizReport, sure: Counter[str], wrong: Counter[str]) -> QuizReport:
    """The report with each item's sure and sure-and-wrong counts, and the flag where due."""
    items = []
    for item in report.items:
        rated, missed = sure[item.question_id], wrong[item.question_id]
        flags = item.flags
        if missed >= SURE_WRONG_MIN and missed / rated >= SURE_WRONG_AT:
            flags = (*flags, Flag("sure-wrong", f"sure and wrong: {missed} of {rated} answers "
                                                "marked 'I was sure' were wrong (a misconception?)"))
        items.append(dataclasses.replace(item, sure=rated, sure_wrong=missed, flags=flags))
    return dataclasses.replace(report, items=items)


def sure_wrong_share(item: ItemStats) -> float | None:
    """The share of the item's sure answers that were wrong (None: nobody said they were sure)."""
    return item.sure_wrong / item.sure if item.sure else None
