"""What scans of a saves folder return, without the record models (so `scores` need not load
pydantic to rank summaries it found in its index, summary_index.py)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar

if TYPE_CHECKING:
    from quizgame.engine.records import Mode, SessionRecord

T = TypeVar("T")


class Scan(NamedTuple, Generic[T]):
    """What a scan could read, and one line per file it had to skip."""

    items: list[T]
    problems: list[str]


class Summary(Protocol):
    """A session summary: `models.SessionSummary`, or an `IndexedSummary` from the index."""

    @property
    def id(self) -> str: ...
    @property
    def quiz_id(self) -> str: ...
    @property
    def quiz_title(self) -> str: ...
    @property
    def player(self) -> str: ...
    @property
    def mode(self) -> Mode: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def finished_at(self) -> datetime | None: ...
    @property
    def question_count(self) -> int: ...
    @property
    def answered(self) -> int: ...
    @property
    def correct(self) -> int: ...
    @property
    def score(self) -> int: ...
    @property
    def duration_ms(self) -> int: ...
    @property
    def marked(self) -> int: ...
    @property
    def accommodations(self) -> list[str] | None: ...
    @property
    def finished(self) -> bool: ...


# A NamedTuple, not a dataclass: `scores` starts without dataclasses (and inspect, ~15 ms).
class IndexedSummary(NamedTuple):
    """A session summary as the summary index keeps it (the fields of `SessionSummary`)."""

    id: str
    quiz_id: str
    quiz_title: str
    player: str
    mode: Mode
    started_at: datetime
    finished_at: datetime | None
    question_count: int
    answered: int
    correct: int
    score: int
    duration_ms: int
    marked: int
    accommodations: list[str] | None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class PlayerSession(NamedTuple):
    """A full session record and whose it is (`created_at`: of the player, in this folder)."""

    player: str
    key: str
    record: SessionRecord
    created_at: datetime


class PlayerSummary(NamedTuple):
    """A session summary (no answers) and whose it is (`created_at` as in `PlayerSession`)."""

    player: str
    key: str
    summary: Summary
    created_at: datetime
