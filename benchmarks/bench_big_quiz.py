"""Loading big and hostile quizzes (issue 10): time against a bare tomllib parse, and memory.

    .venv/bin/python benchmarks/bench_big_quiz.py [--questions 100000] [--repeat 5]

1. A 100,000-question quiz (about 17 MB, so `QUIZGAME_MAX_QUIZ_MB` is raised for it): a bare
   `tomllib.loads` of its text, `load_quiz` (what `play` and the home screen do), `check_file`
   without warnings to place (what `check` does for a clean quiz) and with a warning in every
   question (so the line map is built). Goal: `load_quiz` <= 1.3 x the bare tomllib parse.
2. A 50 MB quiz of one long prompt, loaded and checked in a child process: wall time and peak
   memory (the line map used to take 6.3 GB and 20 s on it).

Every figure is min / median / max over `--repeat` runs in this process; the ratio uses the
medians of the same run. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from quizgame.format.checker import check_file
from quizgame.format.loader import load_quiz

TYPES = [
    ('type = "choice"\nchoices = ["Paris", "Lyon", "Rome"]\nanswer = "Paris"', 3),
    ('type = "multi"\nchoices = ["2", "3", "4", "5"]\nanswers = ["2", "3", "5"]', 4),
    ('type = "truefalse"\nanswer = true', 1),
    ('type = "number"\nanswer = 42.5\ntolerance = 0.5', 1),
    ('type = "text"\nanswers = ["Ouagadougou", "Ouaga"]', 1),
]


def big_quiz(questions: int, *, explained: bool = True) -> str:
    parts = ['[quiz]\nid = "big"\ntitle = "A very big quiz"\n']
    for n in range(questions):
        body, _ = TYPES[n % len(TYPES)]
        explanation = f'\nexplanation = "Because of reason number {n}."' if explained else ""
        parts.append(f'\n[[questions]]\nid = "q{n}"\nprompt = "Question number {n}: which one '
                     f'is right?"\n{body}{explanation}\n')
    return "".join(parts)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def show(name: str, times: list[float]) -> None:
    print(f"  {name:<34} min {min(times):6.2f} s  median {statistics.median(times):6.2f} s  "
          f"max {max(times):6.2f} s")


CHILD = """
import resource, sys, time, tracemalloc
from pathlib import Path
from quizgame.format.checker import check_file
tracemalloc.start()
start = time.perf_counter()
result = check_file(Path(sys.argv[1]))
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{took:.2f} {peak:.0f} {len(result.problems)} {tracemalloc.get_traced_memory()[1] / 2**20:.0f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["QUIZGAME_MAX_QUIZ_MB"] = "64"
    with tempfile.TemporaryDirectory() as folder:
        # First, while this process is small: a child's peak RSS starts at its parent's.
        long = Path(folder) / "long.toml"
        long.write_text('[quiz]\nid = "long"\ntitle = "Long"\n\n[[questions]]\nid = "q1"\n'
                        'type = "truefalse"\nanswer = true\nprompt = "' + "x" * 50_000_000
                        + '"\n', encoding="utf-8")
        print("a 50 MB prompt, `check` in a fresh process:")
        runs = []
        for _ in range(max(1, args.repeat // 2)):
            done = subprocess.run([sys.executable, "-c", CHILD, str(long)], capture_output=True,
                                  text=True, check=True)
            took, peak, problems, traced = done.stdout.split()
            runs.append((float(took), float(peak)))
        show("check_file (tracemalloc on)", [took for took, _ in runs])
        print(f"  peak memory: {max(peak for _, peak in runs):.0f} MB RSS, {traced} MB allocated "
              f"by Python (the file: 50 MB; {problems} problems)")
        path = Path(folder) / "big.toml"
        path.write_text(big_quiz(args.questions), encoding="utf-8")
        warned = Path(folder) / "warned.toml"
        warned.write_text(big_quiz(args.questions, explained=False), encoding="utf-8")
        size = path.stat().st_size / 2**20
        print(f"{args.questions:,} questions, {size:.1f} MB:")
        text = path.read_text(encoding="utf-8")
        bare = timed(lambda: tomllib.loads(text), args.repeat)
        show("bare tomllib.loads", bare)
        loads = timed(lambda: load_quiz(path), args.repeat)
        show("load_quiz (play, home screen)", loads)
        checks = timed(lambda: check_file(path), args.repeat)
        show("check_file, nothing to place", checks)
        warned_checks = timed(lambda: check_file(warned), max(1, args.repeat // 2))
        show("check_file, a warning per question", warned_checks)
        ratio = statistics.median(loads) / statistics.median(bare)
        print(f"  load_quiz / bare tomllib (medians):  {ratio:.2f} (goal <= 1.3)")
        print(f"  check_file / bare tomllib (medians): "
              f"{statistics.median(checks) / statistics.median(bare):.2f}")

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process' peak memory: {own:.0f} MB")


if __name__ == "__main__":
    main()
