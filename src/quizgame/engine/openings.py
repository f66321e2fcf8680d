"""The first question of a player's next game of a quiz, kept so that `play` can draw it at once.

Before `quizgame play QUIZ --player NAME` can show a question it must import pydantic and the
quiz models, validate the quiz, open the player's saves and start the session: about twice
what Textual itself takes to start. So when such a game starts, the app also works out the first
question of the *next* game of that quiz by that player, with that game's seed drawn now (or
the `--seed` given, which replays), and writes it here as plain data (`Shown`). The next `play`
reads it without pydantic (this module imports none of the models), draws it as its first
frame, and only then loads the quiz, opens the saves and starts the session with that seed.
The question can be answered, and its clock starts, once the session is ready; the session's
own first question is compared with the one drawn, and replaces it should they differ. A game
whose start cannot be foreseen (a game to continue, an error) is handled as without an opening.

An opening is kept in `openings/` of the cache folder (`quizgame.cache_folder`), one per
request (quiz reference, quizzes folders, saves folder, player, round, roster), signed like
every cache entry. It is used only when all it was computed from is unchanged:

- this quizgame (the version and modules of `quizgame.format` and `quizgame.engine`);
- the quiz file (resolved path, size, modification time, SHA-256) and, for a quiz named by id,
  every quizzes folder (a file added can change which quiz the id names);
- the player's folder, `player.toml` (accommodations) and session files (how many, and the
  newest): the first saved answer of a game creates its file, so a game that could be
  continued makes the opening stale, and the app writes a new one when a game ends;
- the roster file, when there is one.

Nothing here raises: an opening that cannot be read or written is simply not used. Someone
with the same user account could forge one with the folder's key, as they could a quiz cache
entry (docs/quiz-format.md): it would only choose the question drawn first, whose texts are still
refused if they hold a control character; the session, loaded from the quiz file after it,
decides what is played and replaces a question that is not its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quizgame.cache_folder import cache_root, modules_stamp, read_signed, write_signed
from quizgame.engine.shown import Shown
from quizgame.safe_text import THEME_NAME

if TYPE_CHECKING:
    from quizgame.engine.session import GameSession

_MAGIC = b"quizgame-opening 1 "
_MAX_BYTES = 1 << 20
_PLAYER_FILE = "player.toml"  # store/player.py's names: the store is not imported here
_SESSIONS_DIR = "sessions"


class OpeningRequest(NamedTuple):
    """A game asked for on the command line: `play REFERENCE --player NAME` in quiz mode."""

    reference: str
    """The quiz as given: a file or a quiz id."""
    quizzes_dirs: tuple[Path, ...]
    saves_dir: Path
    player_key: str
    """The player's folder name in the saves folder (`store.names.player_key`)."""
    round_size: int | None = None
    roster: Path | None = None


class Opening(NamedTuple):
    """The first question of the game to start: the quiz file it is from, the game's seed, the
    quiz's title, the question as drawn, and the player's own theme, if any (their profile's,
    which the opening's stamps cover): the first frame is drawn in the player's colours."""

    quiz_path: Path
    seed: int
    title: str
    shown: Shown
    theme: str | None = None


def opening_of(session: GameSession, quiz_path: Path, theme: str | None = None) -> Opening | None:
    """The opening of a session not played yet: its first question as drawn, its seed and its
    quiz's title (None when it has no question to ask); `theme` is the player's own."""
    first = session.current()
    if first is None:
        return None
    return Opening(quiz_path.resolve(), session.record.seed, session.quiz.quiz.title, first.shown,
                   theme)


def read_opening(request: OpeningRequest, seed: int | None) -> Opening | None:
    """The opening kept for this request, when nothing it came from has changed and its seed is
    `seed` (any seed when None); else None."""
    folder = _folder()
    body = None if folder is None else read_signed(folder, _path(folder, request), _MAGIC,
                                                    max_bytes=_MAX_BYTES)
    if body is None:
        return None
    try:
        data = json.loads(body)
        quiz_path = Path(data["quiz_path"])
        found_seed = data["seed"]
        if (not isinstance(found_seed, int) or isinstance(found_seed, bool)
                or (seed is not None and found_seed != seed)
                or data["stamps"] != _stamps(request, quiz_path)
                or not isinstance(data["title"], str)
                or not (data["theme"] is None
                        or isinstance(data["theme"], str) and re.fullmatch(THEME_NAME, data["theme"]))):
            return None
        return Opening(quiz_path, found_seed, data["title"], Shown.from_json(data["shown"]),
                       data["theme"])
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None


def write_opening(request: OpeningRequest, opening: Opening) -> None:
    """Keep `opening` for the next game of `request` (atomically; nothing when it cannot)."""
    folder = _folder()
    if folder is None:
        return
    try:
        body = json.dumps({
            "quiz_path": str(opening.quiz_path),
            "seed": opening.seed,
            "title": opening.title,
            "shown": opening.shown.to_json(),
            "theme": opening.theme,
            "stamps": _stamps(request, opening.quiz_path),
        }, ensure_ascii=True, separators=(",", ":")).encode()
        write_signed(folder, _path(folder, request), _MAGIC, body)
    except (OSError, ValueError):
        return


def forget_opening(request: OpeningRequest) -> None:
    """Remove the opening kept for `request` (a game whose first question was not foreseen)."""
    folder = _folder()
    if folder is not None:
        try:
            _path(folder, request).unlink(missing_ok=True)
        except OSError:
            return


def _folder() -> Path | None:
    root = cache_root()
    return None if root is None else root / "openings"


def _path(folder: Path, request: OpeningRequest) -> Path:
    named = json.dumps([request.reference, [str(p.absolute()) for p in request.quizzes_dirs],
                        str(request.saves_dir.absolute()), request.player_key, request.round_size,
                        None if request.roster is None else str(request.roster.absolute())])
    return folder / f"{hashlib.sha256(named.encode('utf-8', 'surrogatepass')).hexdigest()[:40]}.opening"


def _stamps(request: OpeningRequest, quiz_path: Path) -> list[object]:
    """What an opening was computed from, as JSON values (compared whole)."""
    package = Path(__file__).parent.parent
    player = request.saves_dir / request.player_key
    by_id = not (request.reference.endswith(".toml") or Path(request.reference).is_file())
    return [
        modules_stamp(package / "format", package / "engine"),
        _file_stamp(quiz_path, digest=True),
        [_file_stamp(folder) for folder in request.quizzes_dirs] if by_id else None,
        _file_stamp(player),
        _file_stamp(player / _PLAYER_FILE),
        _sessions_stamp(player / _SESSIONS_DIR),
        None if request.roster is None else _file_stamp(request.roster),
    ]


def _sessions_stamp(folder: Path) -> list[object] | None:
    """[how many session files, the newest one's name, size and modification time]: a game
    saved since (its first answer creates its file) changes it. Not the folder's own time, which
    the check that answers can be saved there (`store.files.check_writable`) moves at every start;
    the dot files of that check and of atomic writes are left out."""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if not entry.name.startswith(".")]
    except OSError:
        return None
    if not names:
        return [0]
    newest = max(names)
    return [len(names), newest, _file_stamp(folder / newest)]


def _file_stamp(path: Path, *, digest: bool = False) -> list[object] | None:
    """[resolved path, size, modification time (ns)] (and SHA-256), or None when missing."""
    try:
        resolved = path.resolve()
        status = os.stat(resolved)
        stamp: list[object] = [str(resolved), status.st_size, status.st_mtime_ns]
        if digest:
            stamp.append(hashlib.sha256(resolved.read_bytes()).hexdigest())
        return stamp
    except (OSError, RuntimeError):
        return None
