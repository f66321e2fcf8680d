"""Interop benchmark: every export, and every import, on a large question bank.

    .venv/bin/python benchmarks/bench_interop.py [--copies 50]

The bank is the bundled quiz repeated `--copies` times (ids made unique): 50 copies of the
70-question bank is 3,500 questions, far more than a teacher's bank. Times, in this process,
each exporter and each importer (parse and validate every question, then write the TOML; the
Moodle XML import also turns every HTML text into plain text), five runs each (min, median, max);
then, once, `quizgame export --to gift` in a fresh process (Python start-up included) on the
bundled quiz. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from quizgame.commands.paths import bundled_quizzes_dir
from quizgame.format import load_quiz
from quizgame.format.models import Quiz
from quizgame.interop.common import ExportOptions
from quizgame.interop.importing import quiz_meta
from quizgame.interop.quiz_toml import quiz_toml
from quizgame.interop.registry import EXPORT_FORMATS, IMPORT_FORMATS


def big_bank(copies: int) -> Quiz:
    quiz = load_quiz(bundled_quizzes_dir() / "nato-2025.toml")
    questions = [
        q.model_copy(update={"id": f"{q.id}-{copy}"})
        for copy in range(copies)
        for q in quiz.questions
    ]
    return Quiz(quiz=quiz.quiz, questions=questions)


def timed(action: Callable[[], object], repeat: int = 5) -> tuple[float, float, float]:
    """Min, median and max wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times), max(times)


def figures(ms: tuple[float, float, float], count: int) -> str:
    low, middle, high = ms
    return (f"min {low:8.1f}  median {middle:8.1f}  max {high:8.1f} ms  "
            f"({middle * 1000 / count:6.1f} µs/question)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    args = parser.parse_args()
    bank = big_bank(args.copies)
    count = len(bank.questions)
    print(f"bank: {count} questions")
    exported: dict[str, str | bytes] = {}
    for name, target in EXPORT_FORMATS.items():
        exporter = target.exporter()
        exported[name] = exporter(bank, ExportOptions()).content
        ms = timed(lambda: exporter(bank, ExportOptions()))
        print(f"export {name:<10} {figures(ms, count)}")
    for name, source in IMPORT_FORMATS.items():
        text = exported[name]
        assert isinstance(text, str)
        importer = source.importer()
        meta = quiz_meta("bench", "Bench")

        def run_import() -> None:
            result = importer(text, Path(f"bench.{name}"))
            quiz_toml(Quiz(quiz=meta, questions=result.questions))

        ms = timed(run_import)
        print(f"import {name:<10} {figures(ms, count)}, TOML written")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quizgame", "export", "nato-2025", "--to", "gift"],
                   check=True, capture_output=True)
    print(f"`quizgame export nato-2025 --to gift` in a fresh process: "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
