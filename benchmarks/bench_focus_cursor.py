"""What the cursor following the focus costs a frame (issue 16).

    python benchmarks/bench_focus_cursor.py [--runs 7] [--calls 2000]

In this process, through Pilot at 80×24, on a choice, an order and a match question of the TUI
tests' quiz: the time of `focus_point` (run before every frame is written), per call, against
the time of drawing the whole screen once (`render_strips`), measured in the same run. Goal:
under 0.2 ms a frame, so at most about 1% of a core at Textual's 60 frames a second (a
question's screen draws a few frames a second: its timer). Prints figures (min / median / max
of the runs); asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "tui"))

from tui_helpers import ALL_TYPES, app_at, settle  # noqa: E402

from quizgame.tui.focus_cursor import focus_point  # noqa: E402


def per_call(function: object, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        function()  # type: ignore[operator]
    return (time.perf_counter() - start) / calls


async def measure(kind: str, runs: int, calls: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = app_at(Path(tmp), ALL_TYPES, kind)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("down")
            await pilot.pause()
            point, frame = [], []
            for _ in range(runs):
                point.append(per_call(lambda: focus_point(app.focused), calls))
                frame.append(per_call(lambda: app.screen._compositor.render_strips(), calls // 20))

    def figures(values: list[float]) -> str:
        return " / ".join(f"{value * 1e6:7.1f}" for value in
                          (min(values), statistics.median(values), max(values)))

    share = statistics.median(point) / statistics.median(frame)
    print(f"{kind:7}  focus_point µs {figures(point)}   full frame µs {figures(frame)}   "
          f"share {share:.2%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    print("min / median / max over the runs")
    for kind in ("choice", "order", "match"):
        asyncio.run(measure(kind, args.runs, args.calls))


if __name__ == "__main__":
    main()
