"""GameSession: the game loop every front-end drives.

    session = GameSession.start(quiz, store, "quiz", seed=7)
    while (shown := session.current()) is not None:
        feedback = session.submit(response)     # grades, scores, schedules and saves
    results = session.finish()

The session saves the whole session record after every answer (and the card in practice mode),
so quitting at any moment loses at most the question on screen. The answer to the last planned
question marks a quiz or mistakes game finished, in the same save: finished means answered,
however the game is then left. An unfinished game (`GameSession.unfinished`) can be continued
(`GameSession.resume`) with the same questions, order and shuffles, as one game. "I was right"
(`override`) files a claim in quiz mode (nothing earned until a teacher accepts it, see
`engine.claims`) and is the player's own override elsewhere. Front-ends only render
`PresentedQuestion`, `Feedback` and `Results` and collect responses.

In practice and mistakes modes, right after an answer, `rate(sure)` records "I was sure" or "I
guessed" (which changes the card's rating) and `undo()` takes the answer back within
`UNDO_SECONDS`.

A player's accommodations (`engine.accommodations`: more time, untimed, no speed points) are
given to `start` and saved with the game, so a continued game keeps them. On a timed question
`more_time()` adds 30 seconds (WCAG 2.2.1), saved with the answer as `extra_seconds`.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from fsrs import Scheduler

from quizgame.engine.accommodations import (
    MORE_TIME_SECONDS,
    MORE_TIME_TIMES,
    Accommodations,
    warning_seconds,
)
from quizgame.engine.answers import answer_record
from quizgame.engine.errors import (
    NothingToPlayError,
    NotNowError,
    OverrideError,
    SessionOverError,
)
from quizgame.engine.exam import ExamGoal, ExamStatus, exam_status
from quizgame.engine.feedback import Feedback, Results, ReviewRow, feedback_for, results_for
from quizgame.engine.grading import (
    AnswerFormatError,
    Grade,
    Marking,
    Response,
    claimable,
    grade,
    grader_for,
    present,
)
from quizgame.engine.plans import FixedPlan, Plan, continued_plan, plan_for
from quizgame.engine.ports import PlayerStore
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import (
    AnswerRecord,
    CardState,
    Given,
    Mode,
    SessionRecord,
    UndoneAnswer,
)
from quizgame.engine.reviewer import Reviewer
from quizgame.engine.scheduling import DEFAULT_NEW_LIMIT, Clock, make_scheduler, utc_now
from quizgame.format.models import Question, Quiz
from quizgame.format.question_types import is_scored

UNDO_SECONDS = 10
# Modes without points or leaderboards, where saying how sure you were and undoing are offered.
_PRACTISING: tuple[Mode, ...] = ("practice", "mistakes")

__all__ = [
    "AnswerFormatError",
    "Feedback",
    "GameSession",
    "NotNowError",
    "NothingToPlayError",
    "OverrideError",
    "PresentedQuestion",
    "Results",
    "ReviewRow",
    "SessionOverError",
]


def _as_it_stands(
    question: Question, response: Response, marking: Marking
) -> tuple[Given, bool | None]:
    """What a timed-out player had entered (kept even when it is not a valid answer), and
    whether it would have been right (None when it cannot be read as an answer)."""
    if response is None:
        return None, None
    try:
        verdict = grade(question, response, marking)
    except AnswerFormatError:
        return (response if isinstance(response, str) else None), None
    return verdict.given, verdict.correct


def _polls_in(quiz: Quiz, plan: Plan) -> int:
    """Polls the plan asks (a fixed plan's; practice has none): they are not among the questions
    counted."""
    if not isinstance(plan, FixedPlan):
        return 0
    return sum(not is_scored(quiz.question(qid).type) for qid in plan.question_ids)


PollVotes = Callable[[str, str], Mapping[str, int]]
"""(quiz id, question id) -> votes per choice of every player, the one just saved included."""


@dataclass(slots=True)
class _Answered:
    """What `override` needs to revise the last answer."""

    shown: PresentedQuestion
    streak_before: int
    card_before: CardState | None
    at: float  # monotonic time of the answer, for undo


class GameSession:
    """One game of one quiz by one player, in one mode (see the module docstring)."""

    def __init__(
        self,
        quiz: Quiz,
        store: PlayerStore,
        record: SessionRecord,
        plan: Plan,
        *,
        clock: Clock,
        monotonic: Callable[[], float],
        scheduler: Scheduler | Reviewer,
        poll_votes: PollVotes | None = None,
    ) -> None:
        """Use `GameSession.start`; this wires the parts together."""
        self.quiz = quiz
        self._marking = Marking.for_quiz(quiz)
        self.store = store
        self.record = record
        self._plan = plan
        self._clock = clock
        self._monotonic = monotonic
        self._reviewer = scheduler if isinstance(scheduler, Reviewer) else Reviewer(scheduler)
        self._poll_votes = poll_votes
        self._shown: PresentedQuestion | None = None
        self._shown_at = 0.0
        self._hint_used = False
        self._extra_s = 0
        self._streak = 0
        self._last: _Answered | None = None
        self._paused_at: float | None = None
        self._comes_back: datetime | None = None
        # Save files skipped while planning (damaged old games in mistakes mode): front-ends
        # name them, the game goes on without them.
        self.problems: list[str] = []

    @classmethod
    def start(
        cls,
        quiz: Quiz,
        store: PlayerStore,
        mode: Mode = "quiz",
        *,
        seed: int | None = None,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        new_limit: int = DEFAULT_NEW_LIMIT,
        scheduler: Scheduler | None = None,
        exam: ExamGoal | None = None,
        easy_within: int | None = None,
        round_size: int | None = None,
        poll_votes: PollVotes | None = None,
        accommodations: Accommodations | None = None,
    ) -> GameSession:
        """Begin a session. Raises `NothingToPlayError` in mistakes mode when there is nothing
        to replay; in practice mode with nothing due the session is simply over at once
        (`is_over`, with `next_due` for the message). `exam` and `easy_within` (seconds)
        default to the quiz's `exam_date`/`exam_target` and `easy_within`; `scheduler` to FSRS
        with the parameters tuned for the quiz (`quizgame tune`), else the defaults.
        `round_size` (quiz mode) plays a round of that many questions drawn from the quiz
        (default: the quiz's `round`, else all). Raises the store's error (`SaveError`) when
        its folder cannot be written. `poll_votes(quiz_id, question_id)` counts every player's
        vote on a poll (solo play shows the split after voting). `accommodations` are the player's
        (default: their profile's; `play` merges in their roster line), saved with the game."""
        store.check_writable()  # a game whose answers cannot be saved does not start
        if accommodations is None:
            accommodations = store.accommodations()
        seed = secrets.randbelow(2**31) if seed is None else seed
        now = clock()
        meta = quiz.quiz
        if exam is None and meta.exam_date is not None:
            exam = ExamGoal(meta.exam_date, meta.exam_target)
        easy_within = meta.easy_within if easy_within is None else easy_within
        reviewer = Reviewer(
            scheduler or make_scheduler(parameters=store.fsrs_parameters(meta.id)),
            easy_within_ms=easy_within * 1000 if easy_within else None,
            exam=exam if mode == "practice" else None,
        )
        problems: list[str] = []
        plan = plan_for(mode, quiz, store, seed=seed, now=now, new_limit=new_limit,
                        reviewer=reviewer, round_size=round_size, problems=problems)
        record = SessionRecord(
            id=f"{now:%Y%m%dT%H%M%SZ}-{quiz.quiz.id}-{secrets.token_hex(3)}",
            quiz_id=quiz.quiz.id,
            quiz_title=quiz.quiz.title,
            player=store.name,
            mode=mode,
            seed=seed,
            started_at=now,
            question_count=plan.total(0, now) - _polls_in(quiz, plan),
            planned=plan.question_ids if isinstance(plan, FixedPlan) else None,
            accommodations=accommodations.words or None,
        )
        session = cls(
            quiz,
            store,
            record,
            plan,
            clock=clock,
            monotonic=monotonic,
            scheduler=reviewer,
            poll_votes=poll_votes,
        )
        session.problems = problems
        return session

    @staticmethod
    def unfinished(quiz: Quiz, store: PlayerStore, mode: Mode) -> SessionRecord | None:
        """The player's game of this quiz in this mode that can be continued: their latest one
        in that mode when it is unfinished, has answers and questions left (quiz and mistakes
        modes; practice always goes on from the cards). Raises the store's error (`SaveError`)
        when its folder cannot be written, as `start` would: no game of it could be saved."""
        store.check_writable()
        if mode == "practice":
            return None
        # A damaged save is no game to continue; mistakes mode's plan names it when it starts.
        last = store.latest_session(quiz.quiz.id, mode, [], with_answers=False)
        if last is None or last.finished or not last.answers or (
            mode == "mistakes" and not last.planned
        ):
            return None
        plan = continued_plan(quiz, last)
        return last if plan.next(last.started_at) is not None else None

    @classmethod
    def resume(
        cls,
        quiz: Quiz,
        store: PlayerStore,
        record: SessionRecord,
        *,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        scheduler: Scheduler | None = None,
        poll_votes: PollVotes | None = None,
    ) -> GameSession:
        """Continue an unfinished game (see `unfinished`) at its first unanswered question.
        Raises the store's error (`SaveError`) when its folder cannot be written."""
        store.check_writable()
        record = record.model_copy(deep=True)
        plan = continued_plan(quiz, record)
        record.planned = plan.question_ids
        session = cls(quiz, store, record, plan, clock=clock, monotonic=monotonic,
                      scheduler=scheduler or make_scheduler(), poll_votes=poll_votes)
        for answer in record.scored_answers:  # a poll neither extends nor breaks the streak
            session._streak = session._streak + 1 if answer.correct else 0
        return session

    # -- state ---------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self.record.mode

    @property
    def score(self) -> int:
        return self.record.score

    @property
    def streak(self) -> int:
        """Consecutive fully correct answers up to now."""
        return self._streak

    @property
    def is_over(self) -> bool:
        """No question left to show. Asking does not show the next one (nor start its clock)."""
        return self._shown is None and self._plan.next(self._clock()) is None

    def now(self) -> datetime:
        """The session's wall clock (UTC)."""
        return self._clock()

    def unseen(self) -> int:
        """How many questions of the quiz the player has never practised (no card yet)."""
        cards = self.store.load_cards(self.quiz.quiz.id)
        return sum(1 for question in self.quiz.questions if question.id not in cards)

    @property
    def next_due(self) -> datetime | None:
        """Practice mode: when the next card falls due (None otherwise or when none)."""
        return self._plan.next_due()

    def exam_status(self) -> ExamStatus | None:
        """Practice for an exam: how the quiz's cards stand for it (None otherwise)."""
        exam = self._reviewer.exam
        if exam is None:
            return None
        cards = {q.id: card for q in self.quiz.questions if (card := self._plan.card(q.id))}
        ids = [question.id for question in self.quiz.questions]
        return exam_status(exam, cards, ids, self._reviewer.scheduler.parameters, self._clock())

    @property
    def can_rate(self) -> bool:
        """True right after an answer in practice or mistakes mode, until rated or undone."""
        return (
            self.mode in _PRACTISING
            and self._last is not None
            and self.record.answers[-1].sure is None
            and not self.record.answers[-1].timed_out
        )

    @property
    def can_undo(self) -> bool:
        """True within `UNDO_SECONDS` of the last answer, in practice or mistakes mode."""
        return (
            self.mode in _PRACTISING
            and self._last is not None
            and self._monotonic() - self._last.at <= UNDO_SECONDS
        )

    @property
    def can_override(self) -> bool:
        """True right after a wrong (not timed-out) answer its grader lets be claimed (typed
        ones): "I was right" is then a claim in quiz mode, an override in the other modes."""
        if self._last is None or not self.record.answers:
            return False
        answer = self.record.answers[-1]
        return (
            claimable(self._last.shown.question)
            and not answer.correct
            and not answer.timed_out
            and not answer.marked
        )

    @property
    def claims(self) -> bool:
        """Whether "I was right" files a claim for a teacher (quiz mode) rather than overriding."""
        return self.mode == "quiz"

    @property
    def accommodations(self) -> Accommodations:
        """The player's accommodations in this game (saved with it)."""
        return self.record.accommodated

    @property
    def answered_count(self) -> int:
        return len(self.record.answers)

    # -- the clock -----------------------------------------------------------------------

    def pause(self) -> None:
        """Stop the question's clock (help or a dialog over it); `unpause` starts it again."""
        if self._paused_at is None:
            self._paused_at = self._monotonic()

    def unpause(self) -> None:
        if self._paused_at is not None:
            self._shown_at += self._monotonic() - self._paused_at
            self._paused_at = None

    def elapsed(self) -> float:
        """Seconds the question on screen has been answerable (pauses left out)."""
        now = self._paused_at if self._paused_at is not None else self._monotonic()
        return now - self._shown_at

    @property
    def timed(self) -> bool:
        """Whether any question of this game has a time limit for this player."""
        return self.mode == "quiz" and self.accommodations.time is not None and any(
            self.quiz.time_limit_for(question) for question in self.quiz.questions)

    @property
    def time_limit(self) -> int:
        """Seconds the question on screen allows now, the player's extra time included (0:
        untimed)."""
        shown = self._shown
        if shown is None or shown.time_limit == 0:
            return 0
        return shown.time_limit + self._extra_s

    def time_left(self) -> float | None:
        """Seconds left on the question on screen (None: untimed)."""
        limit = self.time_limit
        return None if limit == 0 else max(0.0, limit - self.elapsed())

    @property
    def warning_seconds(self) -> int:
        """Seconds left when the question on screen warns (0: untimed; see accommodations)."""
        shown = self._shown
        return 0 if shown is None or shown.time_limit == 0 else warning_seconds(shown.time_limit)

    @property
    def can_have_more_time(self) -> bool:
        """Whether `more_time` can add time now: a timed question whose time is not up, not yet
        added to 10 times."""
        return (self.time_limit > 0 and self._extra_s < MORE_TIME_SECONDS * MORE_TIME_TIMES
                and bool(self.time_left()))

    @property
    def extra_seconds(self) -> int:
        """Seconds the player added to the question on screen."""
        return self._extra_s if self._shown is not None else 0

    def more_time(self) -> int:
        """Add `MORE_TIME_SECONDS` to the question on screen (at most `MORE_TIME_TIMES` times);
        returns the seconds now allowed. Raises `NotNowError` on an untimed question or past
        the tenth time."""
        self._require_current()
        if self.time_limit == 0:
            raise NotNowError("This question has no time limit: take the time you need.")
        if not self.time_left():
            raise NotNowError("Time is up for this question: an answer now counts as timed out.")
        if not self.can_have_more_time:
            raise NotNowError(f"More time can be added {MORE_TIME_TIMES} times per question.")
        self._extra_s += MORE_TIME_SECONDS
        return self.time_limit

    # -- the loop ------------------------------------------------------------------------

    def current(self) -> PresentedQuestion | None:
        """The question on screen (the same one until it is answered); None when over."""
        if self._shown is None:
            question_id = self._plan.next(self._clock())
            if question_id is None:
                return None
            self._shown = self._present(self.quiz.question(question_id))
            self._shown_at = self._monotonic()
            self._hint_used = False
            self._extra_s = 0
        return self._shown

    def use_hint(self) -> str | None:
        """The hint of the question on screen (which then earns half points); None if none."""
        shown = self._require_current()
        if shown.hint is not None:
            self._hint_used = True
        return shown.hint

    @property
    def hint_used(self) -> bool:
        return self._shown is not None and self._hint_used

    def submit(
        self, response: Response, *, timed_out: bool = False, elapsed_ms: int | None = None
    ) -> Feedback:
        """Grade, score, schedule and save an answer to the question on screen.

        `elapsed_ms` defaults to the time since the question was presented; an answer after the
        time limit counts as timed out. `response` may be None only when timed out. Raises
        `AnswerFormatError` (nothing recorded) when the response has the wrong shape.
        """
        shown = self._require_current()
        question = shown.question
        self.unpause()
        if elapsed_ms is None:
            elapsed_ms = round(self.elapsed() * 1000)
        elapsed_ms = max(0, elapsed_ms)
        limit = self.time_limit
        timed_out = timed_out or (limit > 0 and elapsed_ms > limit * 1000)
        right_when_late = None
        if timed_out:
            given, right_when_late = _as_it_stands(question, response, self._marking)
            verdict = Grade(False, 0.0, given=given)
        elif response is None:
            raise AnswerFormatError("No answer given.")
        else:
            verdict = grade(question, response, self._marking)
        streak_before = self._streak
        answer = self._answer_record(shown, verdict, elapsed_ms, timed_out, streak_before)
        card_before = self._plan.card(question.id)
        self._save(answer, card_before, replaces=None)  # raises, leaving everything as it was
        if is_scored(question.type):  # a poll neither extends nor breaks the streak
            self._streak = streak_before + 1 if answer.correct else 0
        self._shown = None
        self._plan.answered(question.id)
        self._last = _Answered(shown, streak_before, card_before, self._monotonic())
        return self._feedback(question, answer, verdict.canonical, right_when_late)

    def rate(self, sure: bool) -> Feedback:
        """"I was sure" (True) or "I guessed" (False) about the last answer: saved with it, and
        in practice mode a right guess is rated Hard (docs/practice.md)."""
        if not self.can_rate or self._last is None:
            raise NotNowError("Say how sure you were right after an answer in practice or "
                                "mistakes mode.")
        answer = self.record.answers[-1]
        rated = answer.model_copy(update={"sure": sure})
        self._save(rated, self._last.card_before, replaces=answer)
        return self._feedback(self._last.shown.question, rated, None)

    def undo(self) -> PresentedQuestion:
        """Take back the last answer (within `UNDO_SECONDS`): its points, its card's review and
        its place in the session go; it stays in the record's `undone` log. The question is
        shown again."""
        if not self.can_undo or self._last is None:
            raise NotNowError(f"Undo works within {UNDO_SECONDS} seconds of an answer in "
                                "practice or mistakes mode.")
        last, self._last = self._last, None
        answer = self.record.answers.pop()
        self.record.undone.append(UndoneAnswer(**answer.model_dump(), undone_at=self._clock()))
        self.record.score -= answer.points
        self.record.finished_at = None  # the question is asked again: not all answered now
        self._streak = last.streak_before
        self._plan.undone(answer.question_id, last.card_before)
        self.store.save_session(self.record)
        if self.mode == "practice":
            self.store.restore_card(self.quiz.quiz.id, answer.question_id, last.card_before)
        self._shown = last.shown
        self._shown_at = self._monotonic()
        self._hint_used = answer.hint_used
        self._extra_s = 0  # the question's clock starts again
        return last.shown

    def override(self) -> Feedback:
        """"I was right" about the last (wrong, typed) answer. In quiz mode it files a claim
        that earns nothing until a teacher accepts it; in practice and mistakes modes the
        answer counts as correct, marked overridden (it only steers scheduling)."""
        if not self.can_override or self._last is None:
            raise OverrideError("Only a typed answer marked wrong can be claimed, right after it.")
        last = self._last
        wrong = self.record.answers[-1]
        if self.claims:
            claimed = wrong.model_copy(update={"claim": "open"})
            self._save(claimed, None, replaces=wrong)
            return self._feedback(last.shown.question, claimed, None)
        revised = self._answer_record(
            last.shown,
            Grade(True, 1.0, given=wrong.given),
            wrong.elapsed_ms,
            False,
            last.streak_before,
            hint_used=wrong.hint_used,
            answered_at=wrong.answered_at,
            overridden=True,
            extra_seconds=wrong.extra_seconds or 0,
        )
        revised = revised.model_copy(update={"sure": wrong.sure})
        self._save(revised, last.card_before, replaces=wrong)
        self._streak = last.streak_before + 1
        return self._feedback(last.shown.question, revised, None)

    def finish(self) -> Results:
        """End the session (saved when anything was answered) and sum it up."""
        if self.record.finished_at is None and self.mode == "practice":
            # Quiz and mistakes games are finished by their last answer (or stay unfinished,
            # to be continued); a practice session ends when nothing more is due.
            self.record.finished_at = self._clock()
            if self.record.answers:
                self.store.save_session(self.record)
        return self.results()

    def results(self) -> Results:
        """The session so far, summed up for the results screen."""
        return results_for(self.quiz, self.record, self.next_due)

    # -- helpers -------------------------------------------------------------------------

    def _require_current(self) -> PresentedQuestion:
        shown = self.current()
        if shown is None:
            raise SessionOverError("The session is over: there is no question to answer.")
        return shown

    def _present(self, question: Question) -> PresentedQuestion:
        meta = self.quiz.quiz
        return present(
            question,
            number=len(self.record.answers) + 1,
            total=self._plan.total(len(self.record.answers), self._clock()),
            seed=self.record.seed,
            shuffle_choices=meta.shuffle_choices,
            time_limit=self.accommodations.limit(self.quiz.time_limit_for(question))
            if self.mode == "quiz" else 0,
            language=meta.language,
        )

    def _answer_record(
        self,
        shown: PresentedQuestion,
        verdict: Grade,
        elapsed_ms: int,
        timed_out: bool,
        streak_before: int,
        *,
        hint_used: bool | None = None,
        answered_at: datetime | None = None,
        overridden: bool = False,
        extra_seconds: int | None = None,
    ) -> AnswerRecord:
        question = shown.question
        return answer_record(
            question,
            self.quiz.quiz,
            verdict,
            elapsed_ms=elapsed_ms,
            # Speed points against the time everyone has: more time never earns more points.
            time_limit=self.quiz.time_limit_for(question) if self.mode == "quiz" else 0,
            timed_out=timed_out,
            streak_before=streak_before,
            answered_at=answered_at or self._clock(),
            hint_used=self._hint_used if hint_used is None else hint_used,
            overridden=overridden,
            keeps_score=self.mode != "practice",
            accommodations=self.accommodations,
            extra_seconds=self._extra_s if extra_seconds is None else extra_seconds,
        )

    def _save(
        self, answer: AnswerRecord, card_before: CardState | None, *, replaces: AnswerRecord | None
    ) -> None:
        """Record `answer` (instead of the last one, `replaces`) and save it, with its card in
        practice mode. The answer to the last planned question of a quiz or mistakes game marks
        it finished in the same write (finished means answered, however the game is then left).
        If either write fails, the record is put back as it was (and saved so, when the card
        failed) before the error is raised: the game, its session file and its cards never
        disagree about which answers were given."""
        answers, score = list(self.record.answers), self.record.score
        finished_at = self.record.finished_at
        if replaces is None:
            self.record.answers.append(answer)
            self.record.score += answer.points
            if self.mode != "practice" and self._plan.total(0, answer.answered_at) <= len(
                self.record.answers
            ):
                self.record.finished_at = answer.answered_at
        else:
            self.record.answers[-1] = answer
            self.record.score += answer.points - replaces.points
        try:
            # The answer first: should the card write be interrupted, the answer is kept.
            self.store.save_session(self.record)
        except BaseException:
            self.record.answers, self.record.score = answers, score
            self.record.finished_at = finished_at
            raise
        if self.mode == "practice":
            try:
                self._review(answer, card_before)
            except BaseException:
                self.record.answers, self.record.score = answers, score
                self.store.save_session(self.record)
                raise

    def _review(self, answer: AnswerRecord, card_before: CardState | None) -> None:
        quiz_id = self.quiz.quiz.id
        ours = self._plan.card(answer.question_id)  # the card as this game last saw it

        def reviewed(stored: CardState | None) -> CardState:
            # Unchanged since we saw it: this review replaces ours (an override or a rating
            # redoes the review from before the answer). Reviewed by another game meanwhile:
            # this review is applied to that card, so neither review is lost.
            before = card_before if stored == ours else stored
            return self._reviewer.review(quiz_id, answer, before)

        card = self.store.update_card(quiz_id, answer.question_id, reviewed)
        self._plan.reviewed(card)
        self._comes_back = card.due

    def _feedback(
        self,
        question: Question,
        answer: AnswerRecord,
        canonical: str | None,
        right_when_late: bool | None = None,
    ) -> Feedback:
        split: tuple[tuple[str, int], ...] = ()
        choices = grader_for(question).tallied(question)
        if choices and self._poll_votes is not None:
            votes = self._poll_votes(self.quiz.quiz.id, question.id)
            split = tuple((choice, votes.get(choice, 0)) for choice in choices)
        return feedback_for(
            question,
            answer,
            streak=self._streak,
            score=self.record.score,
            canonical=canonical,
            can_override=self.can_override,
            right_when_late=right_when_late,
            comes_back=self._comes_back if self.mode == "practice" else None,
            split=split,
            can_rate=self.can_rate,
        )
