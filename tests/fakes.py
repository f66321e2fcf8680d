"""Test doubles for the engine: an in-memory PlayerStore (same contract as the store) and a clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from quizgame.engine.accommodations import Accommodations
from quizgame.engine.records import CardState, SessionRecord


class MemoryStore:
    """One player's saves kept in dicts; records are copied in and out like a real save."""

    def __init__(self, name: str = "Ada") -> None:
        self._name = name
        self._sessions: dict[str, SessionRecord] = {}
        self._cards: dict[str, dict[str, CardState]] = {}
        self.session_saves = 0
        self.card_saves = 0
        self.parameters: dict[str, list[float]] = {}
        self.profile = Accommodations()

    @property
    def name(self) -> str:
        return self._name

    def check_writable(self) -> None:
        """Memory is always writable."""

    def accommodations(self) -> Accommodations:
        return self.profile

    def save_session(self, record: SessionRecord) -> None:
        self._sessions[record.id] = record.model_copy(deep=True)
        self.session_saves += 1

    def sessions(
        self, quiz_id: str | None = None, problems: list[str] | None = None
    ) -> list[SessionRecord]:
        found = [s for s in self._sessions.values() if quiz_id is None or s.quiz_id == quiz_id]
        return [s.model_copy(deep=True) for s in sorted(found, key=lambda s: s.started_at)]

    def latest_session(
        self, quiz_id: str, mode: str, problems: list[str] | None = None, *,
        with_answers: bool = True,
    ) -> SessionRecord | None:
        games = [s for s in self.sessions(quiz_id)
                 if s.mode == mode and (s.answers or not with_answers)]
        return games[-1] if games else None

    def load_cards(self, quiz_id: str) -> dict[str, CardState]:
        return {qid: card.model_copy() for qid, card in self._cards.get(quiz_id, {}).items()}

    def save_card(self, quiz_id: str, card: CardState) -> None:
        self._cards.setdefault(quiz_id, {})[card.question_id] = card.model_copy()
        self.card_saves += 1

    def update_card(
        self, quiz_id: str, question_id: str, change: Callable[[CardState | None], CardState]
    ) -> CardState:
        stored = self._cards.get(quiz_id, {}).get(question_id)
        card = change(stored.model_copy() if stored else None)
        self.save_card(quiz_id, card)
        return card.model_copy()

    def fsrs_parameters(self, quiz_id: str) -> list[float] | None:
        return self.parameters.get(quiz_id)

    def restore_card(self, quiz_id: str, question_id: str, card: CardState | None) -> None:
        if card is None:
            self._cards.get(quiz_id, {}).pop(question_id, None)
        else:
            self.save_card(quiz_id, card)


class FakeClock:
    """A UTC wall clock and a monotonic clock that move only when told to."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.seconds = 0.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self.now += step
        self.seconds += step.total_seconds()
