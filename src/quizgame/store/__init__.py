"""Player saves: human-readable TOML files that never lose an answer (docs/saves.md).

    from quizgame.store import SavesFolder

    saves = SavesFolder(Path("saves")).player("Zoë")       # PlayerSaves, a PlayerStore
    saves.save_session(record)                              # after every answer
    saves.save_card(quiz_id, card)                          # after every practice review
    saves.sessions(quiz_id), saves.load_cards(quiz_id)      # what the engine reads back
    saves.summaries(), saves.all_cards()                    # history, due counts (fast)
    SavesFolder(root).players()                             # who has saves here
    scan_sessions(root), scan_summaries(root)               # everyone's games, for the classroom

Session and card files grow by appending one block per save, closed by a commit marker with a
running checksum (logfile.py, session_log.py, card_log.py): a save costs what it adds. Summaries
are read from a session file's header and last marker (sessions.py), and save files are parsed
with rtoml, a TOML parser written in Rust (documents.parse_toml). The TOML files are all there
is: the only derived data is the summary index `scores` keeps in the per-user cache folder
(summary_index.py), never trusted over the files.

Errors are `SaveError` (a file cannot be read or written; it is never overwritten),
`PlayerNameError` and `PlayerNotFoundError`, all `QuizgameError`s with a printable message.
Reading methods take an optional `problems: list[str]`: given, unreadable files are reported
there and skipped instead of raising. Scans always collect problems and never raise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgame.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from quizgame.store.folder import SavesFolder, scan_sessions, scan_summaries
    from quizgame.store.migrations import FORMAT_VERSION
    from quizgame.store.models import SessionSummary
    from quizgame.store.names import display_name, normalised_name, player_key
    from quizgame.store.player import PlayerInfo, PlayerSaves
    from quizgame.store.scans import PlayerSession, PlayerSummary, Scan

# Imported on first use (PEP 562): `quizgame.store.names`, which `play --player` uses to refuse a
# bad name at once, and the summary index (`scores`) must not import pydantic and the save
# models with the package.
_HOMES = {
    "FORMAT_VERSION": "migrations",
    "PlayerInfo": "player",
    "PlayerSaves": "player",
    "PlayerSession": "scans",
    "PlayerSummary": "scans",
    "SavesFolder": "folder",
    "Scan": "scans",
    "SessionSummary": "models",
    "display_name": "names",
    "normalised_name": "names",
    "player_key": "names",
    "scan_sessions": "folder",
    "scan_summaries": "folder",
}
__getattr__ = lazy_exports(__name__, _HOMES, globals())

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

