"""Item analysis for teachers: how each question of a quiz performed, and the quiz as a whole.

Works on one game per player (chosen by the caller with `games.chosen_per_player`), as Moodle's
quiz statistics do. An item's score is the answer's credit (0..1): points also reward speed, which
says nothing about the question. Every figure and flag is defined, with its formula, in
docs/teacher-report.md; the thresholds are the constants below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgame.classroom import stats
from quizgame.classroom.forecast import Forecast
from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.format.models import ChoiceQuestion, MultiQuestion, Question, Quiz, quoted
from quizgame.format.question_types import is_scored

TOO_EASY = 0.9
TOO_HARD = 0.2


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a teacher can act on: a stable code and a sentence."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Distractor:
    """A wrong choice and how many analysed answers picked it."""

    choice: str
    picks: int


@dataclass(frozen=True, slots=True)
class ItemStats:
    """The figures of one question."""

    number: int
    question_id: str
    question_type: str
    prompt: str
    attempts: int
    facility: float | None
    discrimination: float | None
    mean_time_ms: float | None
    hints: int
    overrides: int
    timeouts: int
    distractors: tuple[Distractor, ...]
    flags: tuple[Flag, ...]
    # From practice and mistakes games, added by `certainty.with_certainty`: answers marked
    # "I was sure", and how many of them were wrong.
    sure: int = 0
    sure_wrong: int = 0
    claims: int = 0
    """Answers with an open claim ("I was right" in quiz mode, waiting for `quizgame claims`)."""


@dataclass(frozen=True, slots=True)
class QuizReport:
    """The whole report: the quiz's figures and one `ItemStats` per question."""

    quiz_id: str
    quiz_title: str
    first_attempt: bool
    players: int
    mean_score: float | None
    sd_score: float | None
    questions: int
    mean_marks: float | None
    sd_marks: float | None
    alpha: float | None
    alpha_items: int
    items: list[ItemStats]
    forecast: Forecast | None = None  # added by `report.quiz_report` (classroom.forecast)
    accommodations: tuple[tuple[str, str], ...] = ()
    """(player, accommodation words) of each reported game that had accommodations."""


def analyse(
    quiz_id: str,
    games: Sequence[SessionRecord],
    quiz: Quiz | None = None,
    *,
    first_attempt: bool = False,
) -> QuizReport:
    """The report of `quiz_id` over `games`, one finished game per player.

    With the quiz at hand the questions come in its order with their prompts, and every distractor
    is listed (even one nobody picked); without it, only what the saves show.
    """
    answer_maps = [_answers_by_question(game) for game in games]
    marks = [sum(answer.credit for answer in answers.values()) for answers in answer_maps]

    known = [q for q in quiz.questions if is_scored(q.type)] if quiz is not None else []
    ids = [question.id for question in known]
    ids += sorted({qid for answers in answer_maps for qid in answers} - set(ids))
    by_id = {question.id: question for question in known}

    items = []
    for number, qid in enumerate(ids, start=1):
        answered = [(answers[qid], mark) for answers, mark in zip(answer_maps, marks)
                    if qid in answers]
        items.append(_item(number, qid, by_id.get(qid), answered))

    common = [qid for qid in ids if all(qid in answers for answers in answer_maps)]
    alpha_table = [[answers[qid].credit for qid in common] for answers in answer_maps]
    scores = [float(game.score) for game in games]
    title = quiz.quiz.title if quiz is not None else next((g.quiz_title for g in games), "")
    return QuizReport(
        quiz_id=quiz_id,
        quiz_title=title,
        first_attempt=first_attempt,
        players=len(games),
        mean_score=stats.mean(scores),
        sd_score=stats.stdev(scores),
        questions=len(ids),
        mean_marks=stats.mean(marks),
        sd_marks=stats.stdev(marks),
        alpha=stats.cronbach_alpha(alpha_table),
        alpha_items=len(common) if games else 0,
        items=items,
        accommodations=tuple((game.player, " ".join(game.accommodations))
                             for game in games if game.accommodations),
    )


def _answers_by_question(game: SessionRecord) -> dict[str, AnswerRecord]:
    # A question answered twice in one game (never in quiz mode) counts once: the last answer.
    # Polls have no right answer: they are left out of the analysis (and of the marks), and so
    # is a question the player never saw (a late joiner in a live game): no attempt at all.
    return {answer.question_id: answer for answer in game.scored_answers if not answer.not_seen}


def _item(
    number: int,
    question_id: str,
    question: Question | None,
    answered: list[tuple[AnswerRecord, float]],
) -> ItemStats:
    answers = [answer for answer, _ in answered]
    credits = [answer.credit for answer in answers]
    rests = [mark - answer.credit for answer, mark in answered]
    rest_correlation = stats.correlation(credits, rests)
    distractors = _distractors(question, answers)
    facility = stats.mean(credits)
    discrimination = None if rest_correlation is None else 100 * rest_correlation
    return ItemStats(
        number=number,
        question_id=question_id,
        question_type=question.type if question is not None else answers[0].question_type,
        prompt=question.prompt if question is not None else "",
        attempts=len(answers),
        facility=facility,
        discrimination=discrimination,
        mean_time_ms=stats.mean([answer.elapsed_ms for answer in answers]),
        hints=sum(answer.hint_used for answer in answers),
        overrides=sum(answer.overridden for answer in answers),
        claims=sum(answer.claim == "open" for answer in answers),
        timeouts=sum(answer.timed_out for answer in answers),
        distractors=distractors,
        # Unpicked distractors are only known from the quiz, and only mean something once played.
        flags=_flags(facility, discrimination,
                     distractors if question is not None and answers else ()),
    )


def _distractors(question: Question | None, answers: list[AnswerRecord]) -> tuple[Distractor, ...]:
    """Picks of each wrong choice: every wrong choice when the quiz is known, else those seen."""
    if isinstance(question, ChoiceQuestion | MultiQuestion):
        right = {question.answer} if isinstance(question, ChoiceQuestion) else set(question.answers)
        wrong = [choice for choice in question.choices if choice not in right]
    elif question is None and answers[0].question_type == "choice":
        wrong = sorted({a.given for a in answers if not a.correct and isinstance(a.given, str)})
    else:
        # Without the answer key, the wrong picks of a multi question cannot be told apart.
        return ()
    picks = dict.fromkeys(wrong, 0)
    for answer in answers:
        picked = answer.given if isinstance(answer.given, list) else [answer.given]
        for choice in picked:
            if choice in picks:
                picks[choice] += 1
    return tuple(Distractor(choice, count) for choice, count in picks.items())


def _flags(
    facility: float | None,
    discrimination: float | None,
    distractors: Sequence[Distractor],
) -> tuple[Flag, ...]:
    flags = []
    if facility is not None and facility > TOO_EASY:
        flags.append(Flag("too-easy", f"too easy: facility above {TOO_EASY:.0%}"))
    if facility is not None and facility < TOO_HARD:
        flags.append(Flag("too-hard", f"too hard: facility below {TOO_HARD:.0%}"))
    if discrimination is not None and discrimination < 0:
        flags.append(Flag("negative-discrimination",
                          "negative discrimination: check the answer key"))
    for distractor in distractors:
        if distractor.picks == 0:
            flags.append(Flag("unused-distractor",
                              f"distractor nobody picks: {quoted(distractor.choice)}"))
    return tuple(flags)
