"""The bundled bank (quizzes/nato-2025.toml) keeps the shape issue 11 gave it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from quizgame.format import load_quiz
from quizgame.format.checker import check_file
from quizgame.format.models import QUESTION_TYPES

ROOT = Path(__file__).parents[1]
BANK = ROOT / "quizzes" / "nato-2025.toml"
# Dropped deliberately in issue 11 (repetitive, or sorting unrelated numbers); saves that refer
# to them still load, their questions are just no longer played.
DROPPED = {
    "mixed-timeline-order", "summit-first-day", "hague-members-select-b", "hague-member-m",
    "senegal-is-member", "ukraine-not-member", "australia-not-member", "hague-actions-count",
    "hague-actions-match", "numbers-ascending-order", "author-bio-order", "author-domains",
    "timeline-event-dates",
}


def test_the_bank_is_large_varied_and_grounded() -> None:
    quiz = load_quiz(BANK)
    counts = Counter(q.type for q in quiz.questions)
    assert len(quiz.questions) >= 60
    # The first seven types at least 4 times each; the newer ones (issue 14) where they fit the
    # article: its central question as a poll, a sort of its countries, an estimate.
    first_seven = QUESTION_TYPES[:7]
    assert all(counts[qtype] >= 4 for qtype in first_seven), counts
    assert all(counts[qtype] >= 1 for qtype in QUESTION_TYPES[7:]), counts
    assert quiz.quiz.source is not None and quiz.quiz.source.file
    assert all(q.source for q in quiz.questions)  # each quote is checked against the article
    assert check_file(BANK).warnings == []


def test_question_ids_that_stayed_are_kept() -> None:
    lines = (ROOT / "tests" / "data" / "bank-ids-0.1.txt").read_text(encoding="utf-8").splitlines()
    before = {line for line in lines if line and not line.startswith("#")}
    now = {q.id for q in load_quiz(BANK).questions}
    assert DROPPED <= before
    assert before - DROPPED <= now
