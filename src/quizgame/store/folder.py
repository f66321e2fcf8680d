"""A saves folder: players by name, and scans for readers of everyone's saves (the classroom).

Only folders named like a player key and holding a `player.toml` are players; anything else in a
saves folder (a README, a sync tool's files) is ignored. Scans never raise for a bad file: they
return what they could read and one printable problem per file they skipped.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from quizgame.errors import PlayerNameError, PlayerNotFoundError, SaveError
from quizgame.safe_text import visible
from quizgame.store.documents import load, report, save
from quizgame.store.files import check_inside, file_error, player_lock
from quizgame.store.lookalike import name_skeleton
from quizgame.store.models import PLAYER, PlayerProfile
from quizgame.store.names import display_name, is_player_key, normalised_name, player_key
from quizgame.store.player import PLAYER_FILE, PlayerInfo, PlayerSaves
from quizgame.store.scans import PlayerSession, PlayerSummary, Scan


class SavesFolder:
    """The saves folder (`--saves`, `$QUIZGAME_SAVES`, `./saves`); one subfolder per player."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def player(self, name: str, *, create: bool = True) -> PlayerSaves:
        """The saves of the player with this display name, created on first use when `create`.

        Raises `PlayerNameError` for an unusable name, `PlayerNotFoundError` for an unknown
        player when not `create`, and `SaveError` when their `player.toml` cannot be read.
        """
        name = display_name(name)
        key = player_key(name)
        folder = self.root / key
        path = folder / PLAYER_FILE
        if not _exists(path):
            if not create:
                raise PlayerNotFoundError(f"no saves for player {name!r} in {self.root}")
            self._refuse_look_alike(name, key)
            self._create(folder, PlayerProfile(name=name, created_at=datetime.now(UTC)))
        profile = load(path, PLAYER)
        if normalised_name(profile.name) != normalised_name(name):
            raise SaveError(f"{path}: belongs to player {profile.name!r}, not {name!r}")
        return PlayerSaves(PlayerInfo(profile.name, key, profile.created_at, folder))

    def players(self, problems: list[str] | None = None) -> list[PlayerInfo]:
        """Every player in the folder, by name (see `PlayerSaves` for `problems`)."""
        found = []
        for folder in self._player_folders(problems):
            try:
                found.append(self._info(folder))
            except SaveError as error:
                report(problems, error)
        return sorted(found, key=lambda info: (normalised_name(info.name), info.key))

    def _create(self, folder: Path, profile: PlayerProfile) -> None:
        check_inside(folder / PLAYER_FILE, self.root)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise file_error(folder, "created", error) from error
        with player_lock(folder):
            # Another process may have created the same player while we waited for the lock.
            if not (folder / PLAYER_FILE).exists():
                save(folder / PLAYER_FILE, profile)

    def _refuse_look_alike(self, name: str, key: str) -> None:
        """A new player whose name looks like an existing player's is refused (`lookalike`)."""
        skeleton = name_skeleton(name)
        for info in self.players(problems=[]):
            if info.key != key and name_skeleton(info.name) == skeleton:
                raise PlayerNameError(
                    f"the name {visible(name, multiline=False)!r} looks the same as the "
                    f"existing player {info.name!r}: play as {info.name!r}, or choose a name "
                    "that looks different"
                )

    def _player_folders(self, problems: list[str] | None = None) -> list[Path]:
        try:
            with os.scandir(self.root) as entries:
                names = [entry.name for entry in entries if is_player_key(entry.name)]
        except FileNotFoundError:
            return []
        except OSError as error:
            raise file_error(self.root, "listed", error) from error
        # A folder without player.toml is a player being created (or not a player at all); a
        # folder that cannot be looked into (another user's, mode 000) is reported and skipped.
        folders = []
        for folder in (self.root / name for name in sorted(names)):
            try:
                if _exists(folder / PLAYER_FILE):
                    folders.append(folder)
            except SaveError as error:
                report(problems, error)
        return folders

    @staticmethod
    def _info(folder: Path) -> PlayerInfo:
        path = folder / PLAYER_FILE
        profile = load(path, PLAYER)
        key = player_key(profile.name)  # the profile's name is valid: checked on load
        if key != folder.name:
            raise SaveError(
                f"{path}: player {profile.name!r} belongs in folder {key}, not {folder.name} "
                "(renamed or copied by hand?)"
            )
        return PlayerInfo(profile.name, key, profile.created_at, folder)


def _exists(path: Path) -> bool:
    """Whether `path` exists; `SaveError` when its folder cannot be looked into."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise file_error(path.parent, "read", error) from error
    return True


def scan_sessions(root: Path, quiz_id: str | None = None) -> Scan[PlayerSession]:
    """Every readable session record (of one quiz when given) of every player under `root`,
    read `checked` (sessions.py): a file whose figures disagree with its answers is skipped."""
    problems: list[str] = []
    found = [
        PlayerSession(saves.name, saves.key, record, saves.info.created_at)
        for saves in _all_players(root, problems)
        for record in saves.sessions(quiz_id, problems, checked=True)
    ]
    return Scan(found, problems)


def scan_summaries(root: Path) -> Scan[PlayerSummary]:
    """Every readable session summary of every player under `root` (no answers: fast), read
    `checked` like `scan_sessions`."""
    problems: list[str] = []
    found = [
        PlayerSummary(saves.name, saves.key, summary, saves.info.created_at)
        for saves in _all_players(root, problems)
        for summary in saves.summaries(problems, checked=True)
    ]
    return Scan(found, problems)


def _all_players(root: Path, problems: list[str]) -> list[PlayerSaves]:
    folder = SavesFolder(root)
    if not folder.root.is_dir():
        problems.append(f"{folder.root}: no such saves folder")
        return []
    try:
        infos = folder.players(problems)
    except SaveError as error:
        problems.append(str(error))
        return []
    return [PlayerSaves(info) for info in infos]
