"""xAPI statements of quizgame sessions, for a Learning Record Store (docs/xapi.md).

A session becomes an `attempted` statement (the game started), one `answered` statement per
answer, and a `completed` statement once it is finished. Statements are a pure function of the
session record, the player key, the school's homePage and (for the questions' interaction
definitions) the quiz when it is at hand, so the same game gives the same statements on every
machine. Their ids are UUID v5 derived from quiz, question, player key, session and attempt:
an LRS stores a statement sent twice once.

Each record field has one place in a statement. Fields with a home in xAPI are mapped to it (the
table in docs/xapi.md); every other field, today's (mode, seed, hint_used...) as well as fields
added to the records later, travels as a context extension `{VOCABULARY}session/<field>` or
`{VOCABULARY}answer/<field>`, which `xapi_read` turns back into the same field.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.format.models import Quiz
from quizgame.interop.xapi_interactions import interaction_definition, response_of

VOCABULARY = "https://quizgame.github.io/xapi/"
VERBS = {name: f"http://adlnet.gov/expapi/verbs/{name}"
         for name in ("attempted", "answered", "completed")}
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
# Statement ids are UUID v5 in this namespace (itself derived from the vocabulary's IRI).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, VOCABULARY)
DEFAULT_HOMEPAGE = "https://quizgame.invalid"
XAPI_VERSION = "1.0.0"
UNDETERMINED = "und"  # BCP 47 for "language not known"

# An unfinished game's last answer may still be revised ("I was right"), so it is held back
# until the next answer, the end of the game, or this long after it was given.
HOLD_LAST_ANSWER = timedelta(minutes=10)

# Record fields with a home of their own in a statement; every other field is an extension.
SESSION_HOMED = {"id", "quiz_id", "quiz_title", "player", "answers"}
# An attempted statement carries what is fixed when the game starts; a completed one, sent once
# the game cannot change any more, every field (fields added later included); an answer, the mode.
STARTED_WITH = {"mode", "seed", "question_count"}
SESSION_HOMED_BY_VERB = {
    "attempted": set(SessionRecord.model_fields) - STARTED_WITH,
    "answered": set(SessionRecord.model_fields) - {"mode"},
    "completed": SESSION_HOMED | {"finished_at", "score"},
}
ANSWER_HOMED = {"question_id", "correct", "credit", "points", "elapsed_ms", "answered_at"}
RESULT_COUNTS = ("answered", "correct", "marked")


def extension(kind: str, field: str) -> str:
    """The extension IRI of a record field: `kind` is `session`, `answer` or `result`."""
    return f"{VOCABULARY}{kind}/{field.replace('_', '-')}"


@dataclass(frozen=True, slots=True)
class XapiConfig:
    """Where a school's statements point: accounts and activities live under `homepage`."""

    homepage: str = DEFAULT_HOMEPAGE

    @property
    def base(self) -> str:
        return self.homepage.rstrip("/")

    def quiz_iri(self, quiz_id: str) -> str:
        return f"{self.base}/quizzes/{quiz_id}"

    def question_iri(self, quiz_id: str, question_id: str) -> str:
        return f"{self.quiz_iri(quiz_id)}/questions/{question_id}"

    def actor(self, player: str, player_key: str) -> dict[str, Any]:
        """The player as an account on the school's homePage (never an email)."""
        return {"objectType": "Agent", "name": player,
                "account": {"homePage": self.homepage, "name": player_key}}


def registration(record: SessionRecord, player_key: str) -> str:
    """The session's registration: the same UUID for every statement of the game."""
    return str(uuid.uuid5(NAMESPACE, f"session/{record.quiz_id}/{player_key}/{record.id}"))


def statement_id(verb: str, quiz_id: str, question_id: str, player_key: str, session_id: str,
                 attempt: int) -> str:
    """UUID v5 of (verb, quiz, question, player key, session, attempt)."""
    name = f"{verb}/{quiz_id}/{question_id}/{player_key}/{session_id}/{attempt}"
    return str(uuid.uuid5(NAMESPACE, name))


def session_statements(
    record: SessionRecord,
    player: str,
    player_key: str,
    config: XapiConfig,
    quiz: Quiz | None = None,
    *,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """The session's statements in a fixed order: attempted, answers, completed when finished.

    The order only ever grows at the end (see `HOLD_LAST_ANSWER`), so a count of statements
    already sent is a valid cursor. Without `now` nothing is held back.
    """
    session = _Session(record, player, player_key, config, quiz)
    answers = list(record.answers)
    if (now is not None and not record.finished and answers
            and now - answers[-1].answered_at < HOLD_LAST_ANSWER):
        answers.pop()
    statements = [session.attempted()]
    attempts: dict[str, int] = {}
    for answer in answers:
        attempts[answer.question_id] = attempts.get(answer.question_id, 0) + 1
        statements.append(session.answered(answer, attempts[answer.question_id]))
    if record.finished:
        statements.append(session.completed())
    return statements


class _Session:
    """What every statement of one session shares."""

    def __init__(self, record: SessionRecord, player: str, player_key: str, config: XapiConfig,
                 quiz: Quiz | None) -> None:
        self.record = record
        self.player_key = player_key
        self.config = config
        self.quiz = quiz if quiz is not None and quiz.quiz.id == record.quiz_id else None
        self.language = (self.quiz.quiz.language if self.quiz else None) or UNDETERMINED
        self.actor = config.actor(player, player_key)
        self.registration = registration(record, player_key)
        self.questions = {q.id: q for q in self.quiz.questions} if self.quiz else {}

    def quiz_activity(self) -> dict[str, Any]:
        definition: dict[str, Any] = {"type": ASSESSMENT}
        if self.record.quiz_title:
            definition["name"] = {self.language: self.record.quiz_title}
        return {"objectType": "Activity", "id": self.config.quiz_iri(self.record.quiz_id),
                "definition": definition}

    def statement(self, verb: str, question_id: str, attempt: int, activity: dict[str, Any],
                  moment: datetime, result: dict[str, Any] | None,
                  extensions: dict[str, Any]) -> dict[str, Any]:
        record = self.record
        context: dict[str, Any] = {
            "registration": self.registration,
            "platform": "quizgame",
            "extensions": {
                extension("session", "id"): record.id,
                **_extensions("session", record.model_dump(mode="json", exclude_none=True),
                              SESSION_HOMED_BY_VERB[verb]),
                **extensions,
            },
        }
        if self.language != UNDETERMINED:
            context["language"] = self.language
        if verb == "answered":
            context["contextActivities"] = {"parent": [self.quiz_activity()]}
        statement = {
            "id": statement_id(verb, record.quiz_id, question_id, self.player_key, record.id,
                               attempt),
            "actor": self.actor,
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
            "object": activity,
            "context": context,
            "timestamp": moment.isoformat(),
            "version": XAPI_VERSION,
        }
        if result:
            statement["result"] = result
        return statement

    def attempted(self) -> dict[str, Any]:
        return self.statement("attempted", "", 1, self.quiz_activity(), self.record.started_at,
                              None, {})

    def completed(self) -> dict[str, Any]:
        record = self.record
        assert record.finished_at is not None
        result = {
            "completion": True,
            "score": {"raw": record.score, "min": 0},
            "duration": iso_duration(record.duration_ms),
            "extensions": {
                extension("result", "answered"): len(record.answers),
                extension("result", "correct"): record.correct_count,
                extension("result", "marked"): record.marked_count,
            },
        }
        return self.statement("completed", "", 1, self.quiz_activity(), record.finished_at,
                              result, {})

    def answered(self, answer: AnswerRecord, attempt: int) -> dict[str, Any]:
        question = self.questions.get(answer.question_id)
        if question is not None and question.type != answer.question_type:
            question = None  # the question changed type since: its definition would mislead
        activity = {
            "objectType": "Activity",
            "id": self.config.question_iri(self.record.quiz_id, answer.question_id),
            "definition": interaction_definition(answer.question_type, question, self.language),
        }
        result: dict[str, Any] = {
            "success": answer.correct,
            "score": {"scaled": answer.credit, "raw": answer.points, "min": 0},
            "duration": iso_duration(answer.elapsed_ms),
        }
        response = response_of(answer, question)
        if response:  # xAPI forbids empty values: no response for a blank or a timeout
            result["response"] = response
        extensions = {
            extension("answer", "attempt"): attempt,
            **_extensions("answer", answer.model_dump(mode="json"), ANSWER_HOMED),
        }
        return self.statement("answered", answer.question_id, attempt, activity,
                              answer.answered_at, result, extensions)


def _extensions(kind: str, fields: Mapping[str, Any], homed: Iterable[str]) -> dict[str, Any]:
    skip = set(homed)
    return {extension(kind, name): value for name, value in fields.items() if name not in skip}


def iso_duration(milliseconds: int) -> str:
    """An ISO 8601 duration to the millisecond: 61234 -> `PT61.234S`."""
    seconds, millis = divmod(milliseconds, 1000)
    return f"PT{seconds}.{millis:03d}S"
