"""The store's own documents, next to the engine's records: profile, card file, session summary.

Each save file holds one document (plus `format = N`): `player.toml` a `PlayerProfile`,
`sessions/*.toml` a `SessionRecord` (and the counts of its `SessionSummary`, see sessions.py),
`cards/*.toml` a `CardsFile`. `Kind` ties a document model to the name migrations are registered
under.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import AwareDatetime, BaseModel, Field, field_validator

from quizgame.engine.accommodations import checked_words
from quizgame.engine.records import (
    CardState,
    Mode,
    RecordModel,
    SessionRecord,
    answer_counts,
)
from quizgame.errors import PlayerNameError
from quizgame.safe_text import THEME_NAME
from quizgame.store.names import display_name

M = TypeVar("M", bound=BaseModel)
_COUNTED = frozenset(answer_counts([]))


class PlayerProfile(RecordModel):
    """`player.toml`: who this folder belongs to."""

    name: str = Field(description="Display name, as first typed (trimmed).")
    created_at: AwareDatetime
    accommodations: list[str] | None = Field(
        None,
        description="The player's accommodations as words (`time=2`, `no-speed-points`; "
        "docs/accommodations.md); absent in files written before them.",
    )

    theme: str | None = Field(
        None,
        description="The theme the player chose (`t` on the home screen, `quizgame player NAME "
        "--theme`; docs/accessibility.md), a name such as `high-contrast`; absent: none chosen.",
        pattern=THEME_NAME,
    )

    @field_validator("accommodations")
    @classmethod
    def _known_accommodations(cls, words: list[str] | None) -> list[str] | None:
        return checked_words(words)

    @field_validator("name")
    @classmethod
    def _valid_name(cls, name: str) -> str:
        try:
            return display_name(name)
        except PlayerNameError as error:
            raise ValueError(str(error)) from error


class CardsFile(RecordModel):
    """`cards/<quiz id>.toml`: the current spaced-repetition state of one quiz's cards."""

    quiz_id: str
    cards: list[CardState] = Field(default_factory=list)


class SessionSummary(RecordModel):
    """A session without its answers: what history lists and leaderboards rank."""

    id: str
    quiz_id: str
    quiz_title: str = ""
    player: str = Field(description="Display name of the player, as the session file says.")
    mode: Mode
    started_at: AwareDatetime
    finished_at: AwareDatetime | None = None
    question_count: int = Field(0, ge=0, description="Questions planned when it started.")
    answered: int = Field(
        0, ge=0, description="Scored answer records (timed-out questions included, polls not)."
    )
    correct: int = Field(0, ge=0, description="Fully correct (or overridden) answers.")
    score: int = Field(0, ge=0)
    duration_ms: int = Field(0, ge=0, description="Sum of the answers' elapsed times.")
    marked: int = Field(0, ge=0, description="Answers with a claim or an override.")
    accommodations: list[str] | None = Field(
        None, description="The accommodations that applied to the game (see SessionRecord)."
    )

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @classmethod
    def of(
        cls, record: SessionRecord, counts: Mapping[str, object] | None = None
    ) -> SessionSummary:
        """Summarise a record, counting its answers, or taking `answered`, `correct`,
        `duration_ms` and `marked` from `counts` when given (a record read without its answers).

        Raises pydantic's `ValidationError` when `counts` are not valid counts.
        """
        return cls.model_validate(
            {
                "id": record.id,
                "quiz_id": record.quiz_id,
                "quiz_title": record.quiz_title,
                "player": record.player,
                "mode": record.mode,
                "started_at": record.started_at,
                "finished_at": record.finished_at,
                "question_count": record.question_count,
                "score": record.score,
                "accommodations": record.accommodations,
                # (counted only when not all given: counting costs a pass over the answers)
                **({} if counts is not None and counts.keys() >= _COUNTED
                   else answer_counts(record.answers)),
                **(counts or {}),
            }
        )


@dataclass(frozen=True)
class Kind(Generic[M]):
    """A kind of save document: its model, its migration key and how to call it in messages."""

    name: str
    model: type[M]
    description: str


PLAYER = Kind("player", PlayerProfile, "player profile")
SESSION = Kind("session", SessionRecord, "session record")
CARDS = Kind("cards", CardsFile, "card file")
