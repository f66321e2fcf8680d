"""A poll in the TUI: a vote, no points, the split of every player's votes, a results line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static
from tui_helpers import DATA, Clocks, make_app, next_question, prepared_session, quizzes_folder, settle, text_of

from quizgame.tui.screens.results import ResultsScreen

POLL = DATA / "poll.toml"


async def test_a_vote_earns_nothing_and_shows_how_everyone_voted(tmp_path: Path) -> None:
    saves, clocks = tmp_path / "saves", Clocks()
    for player, vote in (("Ben", "Yes, soon"), ("Cy", "Yes, soon")):
        other = prepared_session(saves, clocks, POLL, until="poll", player=player)
        other.submit(vote)
        other.finish()
    app = make_app(quizzes_folder(tmp_path, POLL), saves, clocks,
                   session=prepared_session(saves, clocks, POLL, until="poll"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Enter to vote" in text_of(app.screen, "#instructions")
        await pilot.press("2", "enter")
        await pilot.pause()
        assert text_of(app.screen, "#verdict") == "• Voted: a poll is not scored"
        points: Any = app.screen.query_one("#points", Static)
        assert not points.display
        split = text_of(app.screen, "#split")
        assert split.splitlines()[0] == "How everyone voted:"
        assert "Yes, soon   ████████████████████  2 (67%)" in split
        assert "One day     ██████████            1 (33%)" in split
        await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "1 of 1 correct" in text_of(app.screen, "#summary")


def test_snapshot_of_a_poll_answered(snap_compare: Any, tmp_path: Path) -> None:
    saves, clocks = tmp_path / "saves", Clocks()
    other = prepared_session(saves, clocks, POLL, until="poll", player="Ben")
    other.submit("Yes, soon")
    app = make_app(quizzes_folder(tmp_path, POLL), saves, clocks,
                   session=prepared_session(saves, clocks, POLL, until="poll"))

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("2", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
