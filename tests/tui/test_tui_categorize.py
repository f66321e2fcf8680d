"""A categorize question in the TUI: items put in buckets with number keys, several per bucket."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import answer_right, app_at, settle, shown, text_of

SORTING = Path(__file__).parents[1] / "data" / "engine" / "categorize.toml"



async def test_items_go_into_buckets_and_a_half_right_sort_gets_half(tmp_path: Path) -> None:
    app = app_at(tmp_path, SORTING, "categorize")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        presented = shown(pilot)
        assert "put it in that bucket" in text_of(app.screen, "#instructions")
        await pilot.press("1", "1", "1", "1", "enter")  # everything Rocky: the two rocky ones right
        await pilot.pause()
        assert text_of(app.screen, "#verdict") == "◑ Partly right (50%)"
        record = app.screen.session.record.answers[-1]  # type: ignore[attr-defined]
        assert record.given == ["Rocky"] * 4 and record.credit == 0.5
        assert set(presented.lefts) == {"Mercury", "Mars", "Jupiter", "Saturn"}


async def test_the_right_sort_is_correct(tmp_path: Path) -> None:
    app = app_at(tmp_path, SORTING, "categorize")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_right(pilot)
        assert text_of(app.screen, "#verdict") == "✔ Correct"


def test_snapshot_of_a_sort_under_way(snap_compare: Any, tmp_path: Path) -> None:
    app = app_at(tmp_path, SORTING, "categorize")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("1", "2")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
