"""The teacher report of one quiz, from saves folders: merge, choose one game per player, read
those games in full, analyse (the figures themselves are in `item_analysis`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from quizgame.classroom.certainty import count_certainty, with_certainty
from quizgame.classroom.forecast import class_forecast
from quizgame.classroom.games import Game, chosen_per_player
from quizgame.classroom.item_analysis import QuizReport, analyse
from quizgame.classroom.merge import Collected, GameSource, collect_games
from quizgame.engine.records import SessionRecord
from quizgame.errors import QuizgameError
from quizgame.format.models import Quiz


def quiz_report(
    saves_dirs: Sequence[Path], quiz_id: str, quiz: Quiz | None = None, *,
    first_attempt: bool = False, now: datetime | None = None,
    sources: Sequence[GameSource] = (),
) -> tuple[QuizReport, list[str]]:
    """The report of `quiz_id` over the folders' (and sources') best (or first) games, with the
    sure-and-wrong counts of practice and mistakes games and the forgetting forecast at `now`
    (from the folders' cards: an LRS holds no cards); and the files skipped."""
    collected = collect_games(saves_dirs, quiz_id, sources)
    chosen = chosen_per_player(collected.games, first_attempt=first_attempt)
    chosen.sort(key=lambda game: (game.player.casefold(), game.player_key))
    report = analyse(quiz_id, _records(collected, chosen), quiz, first_attempt=first_attempt)
    practised = [game for game in collected.games if game.mode != "quiz"]
    report = with_certainty(report, *count_certainty(_records(collected, practised)))
    forecast, problems = class_forecast(saves_dirs, quiz_id, quiz, now or datetime.now(UTC))
    # A bad file both scans meet is one line.
    return (dataclasses.replace(report, forecast=forecast),
            list(dict.fromkeys(collected.problems + problems)))


def _records(collected: Collected, games: Iterable[Game]) -> list[SessionRecord]:
    records = []
    for game in games:
        try:
            records.append(collected.record(game))
        except QuizgameError as error:  # changed or removed since the scan
            collected.problems.append(str(error))
    return records
