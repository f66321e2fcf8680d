"""Exam-date scheduling (issue 18): readiness on exam day and the reviews it costs.

    python benchmarks/bench_exam.py [--seeds N]

A simulated student (tests/simulated_students.py: true memory = FSRS's default model) practises
once a day until the exam's eve and does every review offered, once in normal practice mode and
once with `--exam`. Printed per scenario, over the seeds (min / median / max): the share of
cards whose predicted recall at the exam is at least 0.9, and the reviews done. Goal: exam mode
>= 90 % of cards ready with at most 1.5x the reviews of normal mode. In the scenario marked *
the daily limit of ten new cards cannot start every card before the exam: exam mode raises it,
so it learns cards normal mode never sees and its extra reviews are not the cost of the same
work. Also the time one simulated practice run takes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from quizgame.engine.exam import ExamGoal  # noqa: E402
from simulated_students import exam_day, exam_readiness, flashcards, practise  # noqa: E402

SCENARIOS = [(40, 30), (40, 12), (80, 20), (100, 8), (200, 60)]


def spread(values: list[float], form: str) -> str:
    return " / ".join(form.format(v) for v in (min(values), statistics.median(values), max(values)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    print("cards days | ready normal | ready exam | reviews normal | reviews exam | ratio")
    timings = []
    for cards, days in SCENARIOS:
        quiz = flashcards(cards)
        goal = ExamGoal(exam_day(days))
        ready_n, ready_e, reviews_n, reviews_e, ratios = [], [], [], [], []
        for seed in range(args.seeds):
            started = time.perf_counter()
            normal = practise(quiz, days=days, seed=seed)
            timings.append(time.perf_counter() - started)
            exam = practise(quiz, days=days, seed=seed, exam=goal)
            ready_n.append(exam_readiness(normal.cards, quiz, goal))
            ready_e.append(exam_readiness(exam.cards, quiz, goal))
            reviews_n.append(normal.reviews)
            reviews_e.append(exam.reviews)
            ratios.append(exam.reviews / normal.reviews)
        binds = "*" if cards > 10 * (days - 1) else " "
        print(f"{cards:5} {days:4}{binds}| {spread(ready_n, '{:.0%}')} | {spread(ready_e, '{:.0%}')} | "
              f"{spread(reviews_n, '{:.0f}')} | {spread(reviews_e, '{:.0f}')} | "
              f"{spread(ratios, '{:.2f}')}")
    print(f"one normal practice run: {spread(timings, '{:.2f}')} s (min / median / max)")


if __name__ == "__main__":
    main()
