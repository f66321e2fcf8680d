"""Wall time of the test suite (or part of it) in one tree, to compare two trees or settings.

    python benchmarks/bench_suite.py [--tree DIR] [--runs N] -- PYTEST ARGS...

Runs `python -m pytest ARGS` in DIR (default: this repository) with DIR/src first on the path,
N times (default 1: a whole suite takes minutes on two cores), and prints min/median/max. Compare
figures measured one after the other on the same machine only: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).parents[1])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("pytest_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    pytest_args = [a for a in args.pytest_args if a != "--"]
    env = {**os.environ, "PYTHONPATH": str(args.tree / "src")}
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               *pytest_args], cwd=args.tree, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        print(done.stdout.strip().splitlines()[-1])
    print(f"{args.tree} pytest {' '.join(pytest_args)}: min {min(times):.1f} s, "
          f"median {statistics.median(times):.1f} s, max {max(times):.1f} s ({args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
