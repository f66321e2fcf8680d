"""How long `quizgame check` takes per quiz file: the bundled bank and a large generated quiz.

    .venv/bin/python benchmarks/bench_format.py

Prints the median time of each stage (TOML parse, line map, validation with grounding) and of a
whole `check_file`, for the 70-question bank and for a 1,000-question quiz with one mistake per
ten questions (the error path builds a message per problem).
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from quizgame.format.checker import check_file
from quizgame.format.lines import SourceMap
from quizgame.format.models import Quiz, normalise_quote

BANK = Path(__file__).parents[1] / "quizzes" / "nato-2025.toml"


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


def main() -> None:
    report("bundled bank", BANK, BANK.with_name("nato-2025.source.txt"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.toml"
        path.write_text(large_quiz(1000), encoding="utf-8")
        report("1,000 questions, 100 mistakes", path, None)


if __name__ == "__main__":
    main()
