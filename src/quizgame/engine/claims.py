"""Claims: a student says a typed answer marked wrong was right; a teacher settles it.

In quiz mode "I was right" files a claim (`AnswerRecord.claim = "open"`) that earns nothing. A
teacher sees the open claims of a quiz grouped by question and answer (`open_claims`) and
settles each group: accepting gives full credit to *every* saved answer to that question with
the same answer (claimed or not: the grader was wrong for all of them), rejecting closes the
claims. Either way the session's points are recomputed in order (`rescore`): speed points from
the saved time, hint halving, streak bonuses as they now run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quizgame.engine.normalise import fold
from quizgame.engine.records import AnswerRecord, Given, SessionRecord
from quizgame.engine.scoring import score_answer
from quizgame.format.models import Question, Quiz
from quizgame.format.question_types import is_scored


def answer_key(given: Given) -> str:
    """When two answers are "the same text": equal after folding case, accents and spacing."""
    if isinstance(given, float):
        return repr(given)
    return fold(str(given)) if given is not None else ""


@dataclass
class ClaimGroup:
    """The open claims of one answer to one question, by however many players."""

    question: Question
    given: Given
    players: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.question.id, answer_key(self.given))


def open_claims(quiz: Quiz, sessions: Iterable[tuple[str, SessionRecord]]) -> list[ClaimGroup]:
    """The open claims in `(player, record)` pairs of this quiz, grouped, in question order."""
    groups: dict[tuple[str, str], ClaimGroup] = {}
    for player, record in sessions:
        if record.quiz_id != quiz.quiz.id:
            continue
        for answer in record.answers:
            if answer.claim != "open" or _question(quiz, answer.question_id) is None:
                continue
            group = ClaimGroup(quiz.question(answer.question_id), answer.given)
            group = groups.setdefault(group.key, group)
            if player not in group.players:
                group.players.append(player)
    order = {question.id: number for number, question in enumerate(quiz.questions)}
    return sorted(groups.values(), key=lambda g: (order[g.question.id], g.key[1]))


def settle(quiz: Quiz, record: SessionRecord, group: ClaimGroup, *, accept: bool) -> bool:
    """Settle `group` in one session record (in place); True when the record changed."""
    changed = False
    for index, answer in enumerate(record.answers):
        same = (answer.question_id, answer_key(answer.given)) == group.key
        if not same or answer.timed_out:
            continue
        if accept and not answer.correct:
            record.answers[index] = answer.model_copy(update={
                "correct": True, "credit": 1.0,
                "claim": "accepted" if answer.claim is not None else None,
            })
            changed = True
        elif not accept and answer.claim == "open":
            record.answers[index] = answer.model_copy(update={"claim": "rejected"})
            changed = True
    if changed:
        rescore(quiz, record)
    return changed


def rescore(quiz: Quiz, record: SessionRecord) -> None:
    """Recompute every answer's points in order (quiz mode; practice scores nothing)."""
    if record.mode == "practice":
        return
    meta, streak, total = quiz.quiz, 0, 0
    for index, answer in enumerate(record.answers):
        question = _question(quiz, answer.question_id)
        if question is None:
            total += answer.points  # the question left the quiz: its points stand
            continue
        if not is_scored(question.type):
            continue  # a poll earns nothing and neither extends nor breaks the streak
        streak = streak + 1 if answer.correct else 0
        scored = score_answer(
            question.points,
            answer.credit,
            scoring=record.accommodated.scoring(meta.scoring),  # no speed points stays so
            elapsed_ms=answer.elapsed_ms,
            time_limit=quiz.time_limit_for(question) if record.mode == "quiz" else 0,
            streak=streak,
            streak_on=meta.streak,
            hint_used=answer.hint_used,
            timed_out=answer.timed_out,
        )
        record.answers[index] = _with_points(answer, scored.points, scored.streak_bonus)
        total += scored.points
    record.score = total


def _question(quiz: Quiz, question_id: str) -> Question | None:
    return next((question for question in quiz.questions if question.id == question_id), None)


def _with_points(answer: AnswerRecord, points: int, bonus: int) -> AnswerRecord:
    return answer.model_copy(update={"points": points, "streak_bonus": bonus})
