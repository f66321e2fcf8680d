"""Typed-answer grading benchmark (issue 11): the fair-marker rules against a plain comparison.

    python benchmarks/bench_grading.py [--repeat 7]

Grades every case of tests/data/engine/typed-cases.toml (text and number answers, the bundled
bank's among them) with `grade(question, typed, marking)`, and, as the baseline measured in the
same run, the same answers with the bare comparison every answer needs anyway (`fold` of the
typed text against each accepted answer). Also times `Marking.for_quiz` on the bundled bank and
`check --support` on it. Goal: a typed answer graded in well under a millisecond, so that live
play can mark a class of answers at once. Prints min/median/max; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from quizgame.engine.grading import AnswerFormatError, Marking, grade
from quizgame.engine.normalise import fold
from quizgame.engine.support import support_warnings
from quizgame.format import Quiz, load_quiz

ROOT = Path(__file__).parents[1]
DATA = ROOT / "tests" / "data" / "engine"
BANK = ROOT / "quizzes" / "nato-2025.toml"


def load(name: str) -> Quiz:
    return load_quiz(BANK if name == "nato-2025" else DATA / f"{name}.toml")


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return runs


def show(label: str, runs: list[float], per: int, unit: str = "µs") -> None:
    scale = 1e6 if unit == "µs" else 1e3
    figures = [run / per * scale for run in runs]
    print(f"{label:<44} min {min(figures):8.1f}  median {statistics.median(figures):8.1f}  "
          f"max {max(figures):8.1f} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with open(DATA / "typed-cases.toml", "rb") as file:
        cases = tomllib.load(file)["case"]
    quizzes = {name: load(name) for name in {case["quiz"] for case in cases}}
    markings = {name: Marking.for_quiz(quiz) for name, quiz in quizzes.items()}
    work = [(quizzes[c["quiz"]].question(c["question"]), c["typed"], markings[c["quiz"]])
            for c in cases]

    def grade_all() -> None:
        for question, typed, marking in work:
            try:
                grade(question, typed, marking)
            except AnswerFormatError:
                pass

    def fold_all() -> None:
        for question, typed, _ in work:
            folded = fold(typed)
            any(folded == fold(answer) for answer in getattr(question, "answers", ["0"]))

    bank = quizzes["nato-2025"]
    print(f"{len(work)} typed answers, {args.repeat} runs")
    show("baseline: fold and compare, per answer", timed(fold_all, args.repeat), len(work))
    show("grade() with the fair-marker rules, per answer", timed(grade_all, args.repeat), len(work))
    show("Marking.for_quiz(bank)", timed(lambda: Marking.for_quiz(bank), args.repeat), 1, "ms")
    show(f"check --support on the bank ({len(bank.questions)} questions)",
         timed(lambda: [support_warnings(q, "en") for q in bank.questions], args.repeat), 1, "ms")


if __name__ == "__main__":
    main()
