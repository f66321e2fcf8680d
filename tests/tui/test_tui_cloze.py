"""A cloze in the TUI: the text with numbered blanks, an input per blank, Enter from blank to blank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import app_at, settle, text_of, type_text

from quizgame.tui.widgets.cloze import ClozeInput

BLANKS = Path(__file__).parents[1] / "data" / "engine" / "cloze.toml"



async def test_enter_goes_from_blank_to_blank_and_answers_from_the_last(tmp_path: Path) -> None:
    app = app_at(tmp_path, BLANKS, "cloze")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        widget = app.screen.query_one(ClozeInput)
        assert "In the year [1 ____], [2 ____] buried Pompeii" in text_of(widget, "#cloze-text")
        assert [row.display for row in widget.query(".blank-row")][:4] == [True, True, True, False]
        await type_text(pilot, "79")
        await pilot.press("enter")
        await type_text(pilot, "Etna")
        await pilot.press("enter")
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen, "#verdict") == "◑ Partly right (67%)"
        record = app.screen.session.record.answers[-1]  # type: ignore[attr-defined]
        assert record.given == ["79", "Etna", "Italy"]


async def test_an_empty_blank_is_not_an_answer_yet(tmp_path: Path) -> None:
    app = app_at(tmp_path, BLANKS, "cloze")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert app.screen.session.record.answers == []  # type: ignore[attr-defined]


def test_snapshot_of_a_cloze_half_filled(snap_compare: Any, tmp_path: Path) -> None:
    app = app_at(tmp_path, BLANKS, "cloze")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await type_text(pilot, "79")
        await pilot.press("enter")
        await settle(pilot)
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
