"""Plain line mode (`quizgame play --plain`): the game over stdin/stdout, no Textual.

The names below are imported on first use, so that `join --plain` (quizgame.plain.live_join)
starts without the engine and the quiz format, which a live client never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizgame.plain.game import Console, play_plain, wants_colour

__all__ = ["Console", "play_plain", "wants_colour"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from quizgame.plain import game

        return getattr(game, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
