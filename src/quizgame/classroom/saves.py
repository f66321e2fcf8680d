"""Games read from one or more saves folders, merged: what the classroom commands and views use.

Folders collected from several machines (or one shared folder) merge by *player key*, the folder
name the store derives from the player's name the same way everywhere: the same player in two
folders is one player. A session found in several folders (a synced copy) counts once, by its
id, keeping its most complete copy (finished before unfinished, then most answers). A file that
cannot be read is one line in `problems` and is skipped; it never stops the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from quizgame.classroom.games import Game, chosen_per_player
from quizgame.classroom.item_analysis import QuizReport, analyse
from quizgame.engine.records import SessionRecord
from quizgame.errors import PlayerNotFoundError, QuizgameError
from quizgame.format.models import Quiz
from quizgame.store import SavesFolder, scan_sessions, scan_summaries

T = TypeVar("T")


@dataclass
class Collected(Generic[T]):
    """What could be read, and one printable line per file that could not."""

    items: list[T] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def collect_games(saves_dirs: Sequence[Path], quiz_id: str | None = None) -> Collected[Game]:
    """Summaries of every game in the folders (of one quiz when given), merged."""
    collected: Collected[Game] = Collected()
    games = []
    for root in saves_dirs:
        scan = scan_summaries(root)
        collected.problems += scan.problems
        games += [Game.of_summary(item.summary, item.player, item.key) for item in scan.items
                  if quiz_id is None or item.summary.quiz_id == quiz_id]
    collected.items = _most_complete(games, key=lambda game: game)
    return collected


def collect_sessions(
    saves_dirs: Sequence[Path], quiz_id: str | None = None
) -> Collected[tuple[Game, SessionRecord]]:
    """Full session records (of one quiz when given), merged, each with its summary."""
    collected: Collected[tuple[Game, SessionRecord]] = Collected()
    pairs = []
    for root in saves_dirs:
        scan = scan_sessions(root, quiz_id)
        collected.problems += scan.problems
        pairs += [(Game.of(item.record, item.key), item.record) for item in scan.items]
    collected.items = _most_complete(pairs, key=lambda pair: pair[0])
    return collected


def quiz_report(
    saves_dirs: Sequence[Path], quiz_id: str, quiz: Quiz | None = None, *,
    first_attempt: bool = False,
) -> tuple[QuizReport, list[str]]:
    """The teacher report of one quiz over the folders, and the files skipped."""
    collected = collect_sessions(saves_dirs, quiz_id)
    records = {game.session_id: record for game, record in collected.items}
    games = chosen_per_player((game for game, _ in collected.items), first_attempt=first_attempt)
    games.sort(key=lambda game: (game.player.casefold(), game.player_key))
    report = analyse(quiz_id, [records[game.session_id] for game in games], quiz,
                     first_attempt=first_attempt)
    return report, collected.problems


def player_sessions(saves_dir: Path, name: str) -> tuple[list[SessionRecord], list[str]]:
    """One player's sessions, oldest first (none when the player has no saves yet)."""
    problems: list[str] = []
    try:
        saves = SavesFolder(saves_dir).player(name, create=False)
        return saves.sessions(problems=problems), problems
    except PlayerNotFoundError:
        return [], problems  # a new player simply has no progress yet
    except QuizgameError as error:
        return [], [*problems, str(error)]


def _most_complete(items: Iterable[T], key: Callable[[T], Game]) -> list[T]:
    best: dict[str, T] = {}
    for item in items:
        game = key(item)
        kept = best.get(game.session_id)
        if kept is None or game.completeness > key(kept).completeness:
            best[game.session_id] = item
    return list(best.values())
