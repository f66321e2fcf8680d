"""One player of a live game: who they are, how they come back, and their game so far.

A player holds a secret *token* (kept by their client, never shown; the hub keeps only its hash)
and a short *rejoin code* they can read out or type on another device. Their `record` is the
ordinary session record the hub saves for them; `pending` is their answer to the question on
screen, which joins the record only at its reveal, so nothing shown before it (their score, the
standings) says whether they were right.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field

from quizgame.engine.accommodations import NONE, Accommodations
from quizgame.engine.records import AnswerRecord, SessionRecord

REJOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # nothing that reads as another letter
REJOIN_LENGTH = 4


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_rejoin_code() -> str:
    return "".join(secrets.choice(REJOIN_ALPHABET) for _ in range(REJOIN_LENGTH))


@dataclass
class LivePlayer:
    """A player in the game (kicked ones stay, marked, so their name cannot come back)."""

    id: str
    name: str
    token_hash: str
    rejoin: str
    team: str | None
    record: SessionRecord
    streak: int = 0
    pending: AnswerRecord | None = None
    seen: set[int] = field(default_factory=set)
    kicked: bool = False
    accommodations: Accommodations = NONE
    """Theirs in this game (journaled with the join; docs/accommodations.md)."""
    extra_s: int = 0
    """Seconds they added to the question on screen with the more-time key."""
    # Connection state is the hub's, never journaled: after a restart everyone is away.
    connected: bool = False
    away_since: float | None = None
    allowed_back: bool = False

    @property
    def score(self) -> int:
        """Points of revealed questions (the pending answer is not counted yet)."""
        return self.record.score

    @property
    def time_ms(self) -> int:
        """Answering time of revealed questions: breaks ties between equal scores."""
        return self.record.duration_ms
