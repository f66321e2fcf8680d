"""How long `quizgame check` takes per quiz file: the bundled bank and a large generated quiz, and
banks of 1,000 to 100,000 questions against a bare `tomllib.load` (issue 12).

    .venv/bin/python benchmarks/bench_format.py [--sizes 1000,10000,100000] [--repeat 5]

1. The median time of each stage (TOML parse, line map, validation with grounding) and of a
   whole `check_file`, for the 72-question bank and for a 1,000-question quiz with one mistake
   per ten questions (the error path builds a message per problem).
2. Banks made of the bundled bank's questions repeated (ids and prompts made unique, quotes
   checked in its source text), of each size: per run, a bare `tomllib.load` of the file, then
   `check_file` on a cold cache (nothing remembered, an empty cache folder), paired run by run
   (goal at 10,000: <= 1.3 ×), and the same with every prompt repeated from the first 72 (a
   warning per question, so the line map is scanned). Then a repeat open, `load_quiz` of the
   unchanged file in a fresh process (imports done; from the cache folder; goal at 10,000:
   <= 0.2 s) and in the same process. Time per question shows whether loading is linear.
Prints figures (min / median / max); asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from quizgame.format.checker import check_file
from quizgame.format.lines import SourceMap
from quizgame.format.loader import load_quiz
from quizgame.format.models import Quiz, normalise_quote

BANK = Path(__file__).parents[1] / "quizzes" / "nato-2025.toml"
SOURCE = BANK.with_name("nato-2025.source.txt")


def median_ms(action: Callable[[], object], repeat: int = 15) -> float:
    action()  # warm up: imports, pydantic's first validation
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def large_quiz(questions: int) -> str:
    parts = ['[quiz]\nid = "large"\ntitle = "Large"\n']
    for n in range(questions):
        answer = '"Nowhere"' if n % 10 == 0 else '"Paris"'  # one mistake in ten
        parts.append(
            f'\n[[questions]]\nid = "q{n}"\ntype = "choice"\nprompt = "Question {n}?"\n'
            f'choices = ["Paris", "Lyon", "Rome"]\nanswer = {answer}\nexplanation = "Why."\n'
        )
    return "".join(parts)


def report(name: str, path: Path, source: Path | None) -> None:
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    context = {"normalised_source": normalise_quote(source.read_text(encoding="utf-8"))} if source else {}
    lines = text.count("\n")
    print(f"{name} ({lines} lines):")
    print(f"  TOML parse      {median_ms(lambda: tomllib.loads(text)):8.1f} ms")
    print(f"  line map        {median_ms(lambda: SourceMap.scan(text, data).lines):8.1f} ms")
    if source:
        print(f"  validation      {median_ms(lambda: Quiz.model_validate(data, context=context)):8.1f} ms")
    result = check_file(path)
    print(f"  check_file      {median_ms(lambda: check_file(path)):8.1f} ms "
          f"({len(result.errors)} errors, {len(result.warnings)} warnings)")


def bank(questions: int, *, unique_prompts: bool = True) -> str:
    """The bundled bank's questions repeated up to `questions`: ids made unique, and prompts too
    unless `unique_prompts` is false (then `check` warns that each repeats an earlier one)."""
    head, *blocks = BANK.read_text(encoding="utf-8").split("\n[[questions]]\n")
    parts = [head]
    for n in range(questions):
        copy, block = divmod(n, len(blocks))
        block = re.sub(r'^id = "([^"]*)"', rf'id = "\1-{copy}"', blocks[block], count=1, flags=re.M)
        if unique_prompts and copy:
            block = re.sub(r'^prompt = "', rf'prompt = "(Set {copy}) ', block, count=1, flags=re.M)
        parts.append(block)
    return "\n[[questions]]\n".join(parts)


def spread(values: Sequence[float], unit: str = "s") -> str:
    return (f"min {min(values):7.3f}  median {statistics.median(values):7.3f}  "
            f"max {max(values):7.3f}{' ' + unit if unit else ''}")


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


CACHE_VARIABLE = "QUIZGAME_CACHE"


def forget_remembered() -> None:
    """Forget the quizzes this process loaded (nothing to forget before the cache existed: this
    script also measures older trees, with PYTHONPATH=OLD/src)."""
    try:
        from quizgame.format.cache import forget_remembered
    except ImportError:
        return
    forget_remembered()


def cold(action: Callable[[], object], folder: Path) -> Callable[[], object]:
    """`action` with nothing remembered and an empty cache folder (what a first open meets)."""
    def run() -> object:
        forget_remembered()
        shutil.rmtree(folder, ignore_errors=True)
        return action()
    return run


REOPEN = """
import sys, time
from pathlib import Path
from quizgame.format.loader import load_quiz
start = time.perf_counter()
load_quiz(Path(sys.argv[1]))
print(time.perf_counter() - start)
"""


def banks(sizes: Sequence[int], repeat: int, folder: Path) -> None:
    os.environ["QUIZGAME_MAX_QUIZ_MB"] = "200"  # the 100,000-question bank is about 71 MB
    cache_folder = folder / "cache"
    os.environ[CACHE_VARIABLE] = str(cache_folder)
    shutil.copy(SOURCE, folder / SOURCE.name)
    for size in sizes:
        path, warned = folder / f"bank-{size}.toml", folder / f"warned-{size}.toml"
        path.write_text(bank(size), encoding="utf-8")
        warned.write_text(bank(size, unique_prompts=False), encoding="utf-8")
        runs = repeat if size < 100_000 else max(1, repeat // 2)
        bare, checks, warned_checks, reopen, again = [], [], [], [], []
        for _ in range(runs):
            bare.append(seconds(lambda: tomllib.load(path.open("rb"))))
            checks.append(seconds(cold(lambda: check_file(path), cache_folder)))
            warned_checks.append(seconds(cold(lambda: check_file(warned), cache_folder)))
            forget_remembered()
            load_quiz(path)  # the cache folder holds it now
            child = subprocess.run([sys.executable, "-c", REOPEN, str(path)], capture_output=True,
                                   text=True, check=True, env=os.environ)
            reopen.append(float(child.stdout))
            again.append(seconds(lambda: load_quiz(path)))
        megabytes = path.stat().st_size / 2**20
        print(f"{size:,}-question bank ({megabytes:.1f} MB), {runs} runs:")
        print(f"  bare tomllib.load                {spread(bare)}")
        print(f"  check, cold cache                {spread(checks)}")
        print(f"  check / bare, run by run         {spread([c / b for c, b in zip(checks, bare)], '')}"
              "   (goal <= 1.3)")
        print(f"  check, a warning per question    {spread(warned_checks)}")
        print(f"  ... / bare, run by run           "
              f"{spread([c / b for c, b in zip(warned_checks, bare)], '')}")
        print(f"  repeat open, fresh process       {spread(reopen)}   (goal <= 0.2 s)")
        print(f"  repeat open / bare, run by run   {spread([r / b for r, b in zip(reopen, bare)], '')}")
        print(f"  repeat open, same process        {spread(again)}")
        print(f"  per question: tomllib {statistics.median(bare) / size * 1e6:.0f} µs, check "
              f"{statistics.median(checks) / size * 1e6:.0f} µs, repeat open "
              f"{statistics.median(reopen) / size * 1e6:.1f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="bank sizes, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--banks-only", action="store_true", help="only the banks (part 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ[CACHE_VARIABLE] = str(Path(folder) / "stage-cache")
        if not args.banks_only:
            report("bundled bank", BANK, SOURCE)
            path = Path(folder) / "large.toml"
            path.write_text(large_quiz(1000), encoding="utf-8")
            report("1,000 questions, 100 mistakes", path, None)
        banks([int(size) for size in args.sizes.split(",")], args.repeat, Path(folder))


if __name__ == "__main__":
    main()
