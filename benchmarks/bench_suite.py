"""Wall time of the test suite (or part of it), alone or against a baseline tree run by run.

    python benchmarks/bench_suite.py [--tree DIR] [--baseline DIR] [--runs N] -- PYTEST ARGS...

Runs `python -m pytest ARGS` in DIR (default: this repository) with DIR/src first on the path,
N times (default 1: a whole suite takes minutes on two cores), and prints, for each tree, the
wall time and the CPU time its processes used (min/median/max), and the idle share: the part of
the machine's time (wall × cores; `-n auto` starts two workers a core,
tests/conftest.py) spent waiting rather than computing. With `--baseline` (say an export of
main: `git archive main | tar -x -C DIR`) the two trees run alternately, so that both see the
same load on a shared machine, and the ratio of the medians is printed. Issue 12's goal: the
suite in half the time of 0.1's.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Runs:
    """The figures of one tree's runs."""

    tree: Path
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    outcome: str = ""

    def run(self, pytest_args: list[str]) -> None:
        """One run, in temporary folders of its own (`--basetemp`), as on the fresh machine CI
        runs on: in pytest's shared one, each run deletes the folders of the run three before
        it as it exits, seconds of the timed run spent on a previous run's files."""
        env = {**os.environ, "PYTHONPATH": str(self.tree / "src")}
        with tempfile.TemporaryDirectory(prefix="bench-suite-") as scratch:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                   "--basetemp", str(Path(scratch) / "tmp"), *pytest_args],
                                  cwd=self.tree, env=env, capture_output=True, text=True)
            self.wall.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        lines = done.stdout.strip().splitlines()
        self.outcome = lines[-1] if lines else done.stderr.strip()[-200:]
        print(f"{self.tree}: {self.wall[-1]:.1f} s wall, {self.cpu[-1]:.1f} s CPU: {self.outcome}",
              flush=True)
        for line in lines:  # which tests failed, from pytest's short summary (-ra)
            if line.startswith(("FAILED", "ERROR")):
                print(f"  {line}", flush=True)

    def summary(self) -> str:
        idle = [1 - cpu / (wall * (os.cpu_count() or 1)) for wall, cpu in zip(self.wall, self.cpu)]
        return (f"{self.tree}: wall {spread(self.wall, 's')}; CPU {spread(self.cpu, 's')}; "
                f"idle {spread([100 * share for share in idle], '%')} ({len(self.wall)} runs)")


def spread(values: list[float], unit: str) -> str:
    return (f"min {min(values):.1f} {unit}, median {statistics.median(values):.1f} {unit}, "
            f"max {max(values):.1f} {unit}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).parents[1])
    parser.add_argument("--baseline", type=Path, help="a tree to compare with, run alternately")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("pytest_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    # Started in the background (`&`), this process has Ctrl-C ignored, and so would every test
    # process: a test that stops a command with Ctrl-C would wait out its timeout. The tests'
    # conftest mends that too, but a baseline tree from before it does not.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    pytest_args = [a for a in args.pytest_args if a != "--"]
    trees = [Runs(args.tree.resolve())]
    if args.baseline is not None:
        trees.insert(0, Runs(args.baseline.resolve()))
    for _ in range(args.runs):
        for tree in trees:
            tree.run(pytest_args)
    print(f"pytest {' '.join(pytest_args)}, {os.cpu_count()} cores:")
    for tree in trees:
        print(f"  {tree.summary()}")
    if args.baseline is not None:
        base, this = trees
        print(f"  this tree / baseline, medians: wall "
              f"{statistics.median(this.wall) / statistics.median(base.wall):.2f}×, CPU "
              f"{statistics.median(this.cpu) / statistics.median(base.cpu):.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
