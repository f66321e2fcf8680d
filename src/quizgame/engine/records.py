"""What a game leaves behind: one record per answer, one record per session.

These are the shared language of the engine (which creates them), the store (which saves them as
TOML) and the classroom reports (which read them). Datetimes are always timezone-aware UTC.
The given answer is kept in a TOML-friendly shape: a string, a bool, a float or a list of strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from quizgame.engine.accommodations import Accommodations, checked_words
from quizgame.format.question_types import is_scored

Mode = Literal["quiz", "practice", "mistakes", "live"]
Given = str | bool | float | list[str] | None
ClaimState = Literal["open", "accepted", "rejected"]


class RecordModel(BaseModel):
    """Base of saved records: no unknown keys (a typo in a save is a clear error); types are not
    strict, so that what TOML reads back (a whole-number credit as an int...) validates."""

    # Built on first use: most record models (tuned parameters, claims, cards...) are never
    # validated in a game, and building them all at import delayed its first question.
    model_config = ConfigDict(strict=False, extra="forbid", validate_assignment=True, defer_build=True)


class AnswerRecord(RecordModel):
    """One answered (or timed-out) question. Frozen: a change is a new answer put in its place
    (`model_copy(update=...)`), which is how the store tells, without looking at every earlier
    answer of a long game, which ones a save must write (store/session_log.py)."""

    model_config = ConfigDict(frozen=True)

    question_id: str = Field(description="Id of the question in its quiz.")
    question_type: str = Field(description="Type of the question when it was answered.")
    given: Given = Field(
        None,
        description="What the player gave: choice text, list of texts (multi, order; match: "
        "the right item chosen for each left item in quiz order), bool, number or raw text.",
    )
    correct: bool = Field(description="Full credit (or overridden).")
    credit: Annotated[float, Field(ge=0, le=1)] = Field(description="0..1; partial credit.")
    points: int = Field(0, ge=0, description="Points earned, streak bonus included.")
    streak_bonus: int = Field(0, ge=0, description="Part of `points` that is streak bonus.")
    elapsed_ms: int = Field(ge=0, description="Time from question shown to answer.")
    hint_used: bool = False
    timed_out: bool = False
    overridden: bool = Field(
        False, description="Player said 'I was right' (practice and mistakes modes: it only "
        "steers scheduling; quiz-mode answers of 0.1 overridden for full points)."
    )
    claim: ClaimState | None = Field(
        None, description="Quiz mode: the player claims this typed answer was right. It earns "
        "nothing while 'open'; a teacher accepts (full credit) or rejects it."
    )
    not_seen: bool = Field(
        False,
        description="Live game: the player never saw this question (joined later, or it was "
        "skipped); no points, and item analysis leaves it out.",
    )
    sure: bool | None = Field(
        None,
        description="Practice and mistakes modes: the player said 'I was sure' (true) or "
        "'I guessed' (false) after the answer; absent when they did not say.",
    )
    extra_seconds: int | None = Field(
        None, ge=1, description="Seconds the player added with the more-time key (30 a press; "
        "docs/accommodations.md); absent when none."
    )
    answered_at: AwareDatetime = Field(description="When the answer was given (UTC).")

    @property
    def marked(self) -> bool:
        """Whether reports must mark this answer: a claim, or the player's own override."""
        return self.overridden or self.claim is not None


class UndoneAnswer(AnswerRecord):
    """An answer the player took back with undo: kept as a log, it counts nowhere."""

    undone_at: AwareDatetime = Field(description="When the player undid it (UTC).")


class SessionRecord(RecordModel):
    """One game: who played what, how, and every answer so far."""

    id: str = Field(description="Unique session id (also the save file's stem).")
    quiz_id: str
    quiz_title: str = ""
    player: str = Field(description="Display name of the player.")
    mode: Mode
    game_id: str | None = Field(
        None, description="Live games: the id of the hosted game every player's record shares."
    )
    seed: int
    started_at: AwareDatetime
    finished_at: AwareDatetime | None = None
    question_count: int = Field(0, ge=0, description="Questions planned when it started.")
    planned: list[str] | None = Field(
        None,
        description="Quiz and mistakes modes: the ids of the questions planned, in play order "
        "(a round holds its drawn questions), so that the game can be continued.",
    )
    score: int = Field(0, ge=0)
    accommodations: list[str] | None = Field(
        None,
        description="The player's accommodations that applied to this game, as words "
        "(`time=2`, `time=untimed`, `no-speed-points`; docs/accommodations.md); absent when "
        "none.",
    )
    answers: list[AnswerRecord] = Field(default_factory=list)
    undone: list[UndoneAnswer] = Field(
        default_factory=list,
        description="Answers the player took back with undo, kept as a log; they count nowhere.",
    )

    @field_validator("accommodations")
    @classmethod
    def _known_accommodations(cls, words: list[str] | None) -> list[str] | None:
        return checked_words(words)

    @property
    def accommodated(self) -> Accommodations:
        """The accommodations that applied to this game."""
        return Accommodations.parse(self.accommodations or ())

    @model_validator(mode="after")
    def _answered_is_finished(self) -> SessionRecord:
        # Saves of 0.1 left a game unfinished when it was quit on its last feedback: a game
        # whose planned questions all have answers is finished, when its last answer was given.
        if self.finished_at is None and self.mode != "practice" and self._all_answered():
            self.__dict__["finished_at"] = self.answers[-1].answered_at
        return self

    def _all_answered(self) -> bool:
        if self.planned is not None:  # polls are planned too, but not in question_count
            answered = {answer.question_id for answer in self.answers}
            return bool(self.answers) and answered.issuperset(self.planned)
        return 0 < self.question_count <= len(self.scored_answers)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def questions_asked(self) -> int:
        """How many questions the game asks, as its screens count them: polls included (which
        `question_count`, the scored questions, leaves out)."""
        return len(self.planned) if self.planned is not None else self.question_count

    @property
    def scored_answers(self) -> list[AnswerRecord]:
        """The answers that count: all but those to polls."""
        return scored(self.answers)

    @property
    def correct_count(self) -> int:
        return answer_counts(self.answers)["correct"]

    @property
    def marked_count(self) -> int:
        """Answers with a claim or an override (every report marks them)."""
        return answer_counts(self.answers)["marked"]

    @property
    def duration_ms(self) -> int:
        return answer_counts(self.answers)["duration_ms"]

    @property
    def best_streak(self) -> int:
        best = run = 0
        for answer in self.scored_answers:  # a poll neither extends nor breaks a streak
            run = run + 1 if answer.correct else 0
            best = max(best, run)
        return best


def scored(answers: Sequence[AnswerRecord]) -> list[AnswerRecord]:
    """The answers that count: all but those to polls."""
    return [a for a in answers if is_scored(a.question_type)]


def answer_counts(answers: Sequence[AnswerRecord]) -> dict[str, int]:
    """What a session's *summary lines* say of these answers: `answered` (scored ones,
    timed-out included, polls not), `correct` (fully correct or overridden), `duration_ms` (the
    sum of their times) and `marked` (a claim or an override). All sums, so the store keeps them
    up to date answer by answer (store/session_log.py)."""
    return {
        "answered": len(scored(answers)),
        "correct": sum(1 for a in answers if a.correct),
        "duration_ms": sum(a.elapsed_ms for a in answers),
        "marked": sum(1 for a in answers if a.marked),
    }


class CardState(RecordModel):
    """Spaced-repetition state of one question for one player (mirrors `fsrs.Card`).

    Kept apart from session records so that saving a review rewrites only the quiz's cards, never
    the player's whole history. `None` values of fsrs are simply absent keys (TOML has no null).
    """

    question_id: str
    card_id: int = Field(description="Stable id derived from (quiz id, question id).")
    state: int = Field(1, ge=1, le=3, description="fsrs State: 1 learning, 2 review, 3 relearning.")
    # Like every optional field it defaults to None: the saves omit None keys (TOML has no null),
    # so any other default would not survive a round trip. fsrs turns a new card's None into 0.
    step: int | None = Field(None, description="Learning step; None in the review state.")
    stability: float | None = None
    difficulty: float | None = None
    due: AwareDatetime
    last_review: AwareDatetime | None = None
    reviews: int = Field(0, ge=0, description="How many times it was reviewed.")
    lapses: int = Field(0, ge=0, description="How many times it was forgotten after learning.")
    introduced: AwareDatetime | None = Field(
        None, description="First review (UTC); counts toward the daily limit of new cards."
    )
