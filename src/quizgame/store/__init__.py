"""Player saves: human-readable TOML files that never lose an answer (docs/saves.md).

    from quizgame.store import SavesFolder

    saves = SavesFolder(Path("saves")).player("Zoë")       # PlayerSaves, a PlayerStore
    saves.save_session(record)                              # after every answer
    saves.save_card(quiz_id, card)                          # after every practice review
    saves.sessions(quiz_id), saves.load_cards(quiz_id)      # what the engine reads back
    saves.summaries(), saves.all_cards()                    # history, due counts (fast)
    SavesFolder(root).players()                             # who has saves here
    scan_sessions(root), scan_summaries(root)               # everyone's games, for the classroom

Summaries are read from the few lines above each session file's answers (sessions.py), and
save files are parsed with rtoml, a TOML parser written in Rust (documents.parse_toml): fast
enough that no derived copy or index is kept, so the TOML files are all there is.

Errors are `SaveError` (a file cannot be read or written; it is never overwritten),
`PlayerNameError` and `PlayerNotFoundError`, all `QuizgameError`s with a printable message.
Reading methods take an optional `problems: list[str]`: given, unreadable files are reported
there and skipped instead of raising. Scans always collect problems and never raise.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizgame.store.folder import (
        PlayerSession,
        PlayerSummary,
        SavesFolder,
        Scan,
        scan_sessions,
        scan_summaries,
    )
    from quizgame.store.migrations import FORMAT_VERSION
    from quizgame.store.models import SessionSummary
    from quizgame.store.names import display_name, normalised_name, player_key
    from quizgame.store.player import PlayerInfo, PlayerSaves

# Imported on first use (PEP 562): `quizgame.store.names`, which `play --player` uses to refuse a
# bad name at once, must not import pydantic and the save models with the package.
_HOMES = {
    "FORMAT_VERSION": "migrations",
    "PlayerInfo": "player",
    "PlayerSaves": "player",
    "PlayerSession": "folder",
    "PlayerSummary": "folder",
    "SavesFolder": "folder",
    "Scan": "folder",
    "SessionSummary": "models",
    "display_name": "names",
    "normalised_name": "names",
    "player_key": "names",
    "scan_sessions": "folder",
    "scan_summaries": "folder",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "FORMAT_VERSION",
    "PlayerInfo",
    "PlayerSaves",
    "PlayerSession",
    "PlayerSummary",
    "SavesFolder",
    "Scan",
    "SessionSummary",
    "display_name",
    "normalised_name",
    "player_key",
    "scan_sessions",
    "scan_summaries",
]
