"""xAPI benchmark: push a class to a real Ralph LRS and read it back (issue 17).

    .venv/bin/python benchmarks/bench_xapi.py [--keep DIR] [--repeats 3]

The class of bench_classroom (30 players × 20 quiz games × 60 answers of the bundled quiz: 37,200
statements) is pushed to a fresh Ralph (its API on the fs backend, from the tests' Ralph venv
with their fs fixes, see tests/lrs/ralph_server.py), then read back: all statements page by page,
and `scores` / `report` from the LRS against the same from the saves folder. Prints figures
(min / median / max over the repeats); asserts only that the LRS gives the folder's leaderboard.

Ralph's fs backend reads its whole file for every request (the duplicate check of a POST, each
page of a GET), so pushing and paging cost grow with the square of the statements: bigger
batches and pages (`--batch`, `--page`) are what keep a class's push in minutes there.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "lrs"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_classroom import QUIZ, generate  # noqa: E402
from ralph_server import Ralph, ensure_venv  # noqa: E402

from quizgame.classroom.leaderboard import leaderboards  # noqa: E402
from quizgame.classroom.merge import collect_games  # noqa: E402
from quizgame.classroom.report import quiz_report  # noqa: E402
from quizgame.classroom.text import report_text, scores_text  # noqa: E402
from quizgame.format import load_quiz  # noqa: E402
from quizgame.interop.lrs import Lrs  # noqa: E402
from quizgame.interop.xapi import XapiConfig  # noqa: E402
from quizgame.interop.xapi_push import Outbox  # noqa: E402
from quizgame.interop.xapi_source import LrsGames  # noqa: E402

HOMEPAGE = "https://school.example"


def figures(label: str, times: list[float], count: int | None = None) -> None:
    low, mid, high = min(times), statistics.median(times), max(times)
    rate = f"   {count / mid:8.0f} statements/s (median)" if count else ""
    print(f"  {label:<34} min {low:7.2f} s  median {mid:7.2f} s  max {high:7.2f} s{rate}")


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="generate the saves into (and reuse) this folder")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch", type=int, default=500, help="statements per POST")
    parser.add_argument("--page", type=int, default=1000,
                        help="Ralph's RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT (its default: 100)")
    args = parser.parse_args()
    reason = ensure_venv()
    if reason:
        sys.exit(reason)
    quiz = load_quiz(QUIZ)
    config = XapiConfig(HOMEPAGE)
    with contextlib.ExitStack() as stack:
        base = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        saves = base / "class"
        generate(saves, 30, 60)
        push_times, read_times, count = [], [], 0
        scores_lrs, scores_saves, report_lrs, report_saves = [], [], [], []
        for n in range(args.repeats):
            ralph = Ralph(scratch / f"ralph-{n}", HOMEPAGE,
                          RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT=str(args.page))
            ralph.start()
            stack.callback(ralph.stop)
            lrs = Lrs(ralph.url, ralph.auth)
            (saves / ".xapi-push.json").unlink(missing_ok=True)
            outbox = Outbox(saves, lrs, config, lambda quiz_id: quiz)
            push_times.append(timed(lambda: outbox.push(args.batch)))
            count = len(ralph.stored())
            read_times.append(timed(lambda: sum(1 for _ in lrs.statements(limit=args.page))))

            def lrs_scores() -> str:
                return scores_text(leaderboards(collect_games([], None, [LrsGames(lrs, config)])
                                                .games))

            def folder_scores() -> str:
                return scores_text(leaderboards(collect_games([saves]).games))

            scores_lrs.append(timed(lrs_scores))
            scores_saves.append(timed(folder_scores))
            assert lrs_scores() == folder_scores()
            report_lrs.append(timed(lambda: report_text(quiz_report(
                [], quiz.quiz.id, quiz, sources=[LrsGames(lrs, config)])[0])))
            report_saves.append(timed(lambda: report_text(quiz_report([saves], quiz.quiz.id,
                                                                      quiz)[0])))
            ralph.stop()
            shutil.rmtree(ralph.root, ignore_errors=True)
        print(f"class: 30 players × 20 games × 60 answers = {count} statements, "
              f"{args.repeats} runs, each on a fresh Ralph (fs backend, pages of {args.page})")
        figures(f"push (batches of {args.batch})", push_times, count)
        figures("read back every statement", read_times, count)
        figures("scores --lrs", scores_lrs)
        figures("scores --saves", scores_saves)
        figures("report --lrs", report_lrs)
        figures("report --saves", report_saves)


if __name__ == "__main__":
    main()
