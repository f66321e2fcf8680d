"""Games read from one or more saves folders, merged: what the classroom commands and views use.

Folders collected from several machines (or one shared folder) merge by *player key*, the folder
name the store derives from the player's name the same way everywhere: the same player in two
folders is one player, shown by the name as first typed (the profile created first: "Ana" on
the laptop on Monday wins over "ana" on the teacher's machine on Tuesday). A session found in
several folders (a synced copy) counts once, by its id, keeping its most complete copy (finished
before unfinished, then most answers). A file that cannot be read is one line in `problems` and
is skipped; it never stops the rest. Other sources of games (a Learning Record Store) merge in
the same way, after the folders.

Everything starts from the store's session summaries (no answers to parse: fast); the teacher
report (`classroom.report`) then reads in full only the one game per player it analyses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quizgame.classroom.games import Game
from quizgame.errors import PlayerNotFoundError, QuizgameError
from quizgame.gc_paused import without_gc
from quizgame.store.scans import PlayerSummary, Scan
from quizgame.store.summary_index import scan_indexed

if TYPE_CHECKING:
    from quizgame.engine.records import SessionRecord


class GameSource(Protocol):
    """Somewhere games come from besides saves folders (an LRS: `interop.xapi_source`)."""

    def games(self, quiz_id: str | None) -> tuple[list[Game], list[str]]:
        """Summaries of the source's games (of one quiz when given), and problem lines."""
        ...

    def record(self, game: Game) -> SessionRecord:
        """The full record of one of its games (`QuizgameError` if it cannot be read)."""
        ...


class Collected:
    """Games that could be read, where each lives, and a printable line per file that could not."""

    def __init__(self) -> None:
        self.games: list[Game] = []
        self.problems: list[str] = []
        self.sources: dict[str, Path | GameSource] = {}

    def record(self, game: Game) -> SessionRecord:
        """The full record of a collected game (`QuizgameError` if it can no longer be read)."""
        source = self.sources[game.session_id]
        if not isinstance(source, Path):
            return source.record(game)
        from quizgame.store import SavesFolder

        saves = SavesFolder(source).player(game.player, create=False)
        return saves.session(game.session_id)


def collect_games(saves_dirs: Sequence[Path], quiz_id: str | None = None,
                  sources: Sequence[GameSource] = (), *, cache: Path | None = None) -> Collected:
    """Summaries of every game in the folders and sources (of one quiz when given), merged.
    With `cache` (a cache folder), through and into each folder's summary index
    (store/summary_index.py): the same games, fast."""
    with without_gc():  # a school's summaries: hundreds of thousands of objects, no cycle
        return _collected(saves_dirs, quiz_id, sources, cache)


def _collected(saves_dirs: Sequence[Path], quiz_id: str | None, sources: Sequence[GameSource],
               cache: Path | None) -> Collected:
    collected = Collected()
    kept: dict[str, Game] = {}
    found: list[tuple[Path | GameSource, Iterable[Game]]] = []
    first_named: dict[str, tuple[datetime, str]] = {}  # player key -> the oldest profile's name
    for root in saves_dirs:
        scan = _scan(root) if cache is None else scan_indexed(root, cache)
        collected.problems += scan.problems
        for item in scan.items:
            named = first_named.setdefault(item.key, (item.created_at, item.player))
            if item.created_at < named[0]:
                first_named[item.key] = (item.created_at, item.player)
        # Games now, and the scan let go: a school's summaries would otherwise be held twice.
        found.append((root, [Game.of_summary(item.summary, item.player, item.key)
                             for item in scan.items]))
        del scan
    for source in sources:
        games, problems = source.games(quiz_id)
        collected.problems += problems
        found.append((source, games))
    for where, each in found:
        for game in each:
            if quiz_id is not None and game.quiz_id != quiz_id:
                continue
            other = kept.get(game.session_id)
            if other is None or game.completeness > other.completeness:
                kept[game.session_id] = game
                collected.sources[game.session_id] = where
    collected.games = [
        game._replace(player=first_named[game.player_key][1])
        if game.player_key in first_named and first_named[game.player_key][1] != game.player
        else game
        for game in kept.values()
    ]
    return collected


def _scan(root: Path) -> Scan[PlayerSummary]:
    from quizgame.store.folder import scan_summaries

    return scan_summaries(root)


def player_sessions(saves_dir: Path, name: str) -> tuple[list[SessionRecord], list[str]]:
    """One player's sessions, oldest first (none when the player has no saves yet)."""
    from quizgame.store import SavesFolder

    problems: list[str] = []
    try:
        saves = SavesFolder(saves_dir).player(name, create=False)
        return saves.sessions(problems=problems), problems
    except PlayerNotFoundError:
        return [], problems  # a new player simply has no progress yet
    except QuizgameError as error:
        return [], [*problems, str(error)]
