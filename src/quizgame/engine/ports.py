"""What the engine needs from storage, as a protocol: the store implements it, tests fake it.

The engine calls `save_session` after every answer and `update_card` after every practice
review; both must be durable when they return (atomic replace, fsync) and safe when two processes
play as the same player at once: `update_card` re-reads the card under a file lock and applies the
review to the card as it is *then* (another game may have reviewed it meanwhile), and never
rewrites cards it was not given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from quizgame.engine.accommodations import Accommodations
from quizgame.engine.records import CardState, SessionRecord


class PlayerStore(Protocol):
    """One player's saves."""

    @property
    def name(self) -> str:
        """The player's display name."""
        ...

    def accommodations(self) -> Accommodations:
        """The accommodations of the player's profile (docs/accommodations.md)."""
        ...

    def check_writable(self) -> None:
        """Raise (a `SaveError`) when nothing could be saved: called before a game starts."""
        ...

    def save_session(self, record: SessionRecord) -> None:
        """Write the whole session record (it is small: one game's answers)."""
        ...

    def sessions(
        self, quiz_id: str | None = None, problems: list[str] | None = None
    ) -> list[SessionRecord]:
        """The player's sessions (of one quiz when given), oldest first, answers included.
        With `problems`, a file that cannot be read is described there and skipped."""
        ...

    def latest_session(
        self, quiz_id: str, mode: str, problems: list[str] | None = None, *,
        with_answers: bool = True,
    ) -> SessionRecord | None:
        """The player's latest game of this quiz in this mode (that has answers, when
        `with_answers`), answers included (None: no such game). Found from the games' summaries: only it is read whole.
        With `problems`, a file that cannot be read is described there and skipped."""
        ...

    def load_cards(self, quiz_id: str) -> dict[str, CardState]:
        """Card states of one quiz by question id (empty when never practised)."""
        ...

    def save_card(self, quiz_id: str, card: CardState) -> None:
        """Store one card's new state, leaving the quiz's other cards as they are on disk."""
        ...

    def update_card(
        self, quiz_id: str, question_id: str, change: Callable[[CardState | None], CardState]
    ) -> CardState:
        """Atomically replace one card by `change(card as now stored, or None)`; returns it."""
        ...

    def fsrs_parameters(self, quiz_id: str) -> list[float] | None:
        """FSRS parameters tuned for this quiz and player, or None for FSRS's defaults."""
        ...

    def restore_card(self, quiz_id: str, question_id: str, card: CardState | None) -> None:
        """Put a card back as it was before an undone review: `card`, or no card at all."""
        ...
