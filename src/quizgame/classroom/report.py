"""The teacher report of one quiz, from saves folders: merge, choose one game per player, read
those games in full, analyse (the figures themselves are in `item_analysis`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizgame.classroom.games import chosen_per_player
from quizgame.classroom.item_analysis import QuizReport, analyse
from quizgame.classroom.merge import GameSource, collect_games
from quizgame.errors import QuizgameError
from quizgame.format.models import Quiz


def quiz_report(
    saves_dirs: Sequence[Path], quiz_id: str, quiz: Quiz | None = None, *,
    first_attempt: bool = False, sources: Sequence[GameSource] = (),
) -> tuple[QuizReport, list[str]]:
    """The report of `quiz_id` over the folders' (and sources') best (or first) games, and the
    files skipped."""
    collected = collect_games(saves_dirs, quiz_id, sources)
    chosen = chosen_per_player(collected.games, first_attempt=first_attempt)
    chosen.sort(key=lambda game: (game.player.casefold(), game.player_key))
    records = []
    for game in chosen:
        try:
            records.append(collected.record(game))
        except QuizgameError as error:  # changed or removed since the scan
            collected.problems.append(str(error))
    report = analyse(quiz_id, records, quiz, first_attempt=first_attempt)
    return report, collected.problems
