"""A results screen worth reaching (issue 9): personal best, rank among comparable games, only
the mistakes, and "Review my mistakes" straight into mistakes mode."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from tui_helpers import (
    TYPE_ORDER,
    Clocks,
    make_app,
    prepared_session,
    quizzes_folder,
    settle,
    shown,
    text_of,
)

from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen


async def test_results_show_best_rank_and_lead_to_the_mistakes(tmp_path: Path) -> None:
    # Both games are played through the engine: the app opens on each one's results.
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, session=prepared_session(saves, clocks))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "personal best" in text_of(app.screen, "#standing")
        rank = f"Rank 1 of 1 on this leaderboard (games of {len(TYPE_ORDER)} questions)"
        assert rank in text_of(app.screen, "#standing")
    clocks.advance(3600)  # the second game is the later one (mistakes mode replays the last)
    app = make_app(quizzes, saves, clocks, session=prepared_session(saves, clocks, misses=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = app.screen
        assert "Personal best: " in text_of(results, "#standing")
        assert "r: review my 1 mistake" in text_of(results, "#summary")
        review = results.query_one("#review", OptionList)
        assert review.option_count == len(TYPE_ORDER)  # separators are not options
        await pilot.press("m")
        assert review.option_count == 1
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.session.mode == "mistakes"
        assert shown(pilot).question.id == "capital"
