"""Session records back out of xAPI statements (the inverse of `xapi`), for reports from an LRS.

A `completed` statement gives a game's summary (what the leaderboard needs); the `answered`
statements of its registration give its answers (what the teacher report needs). Statements
come from the network: anything that is not a quizgame statement of this homePage, or does not
give a valid record, is a `StatementError` naming the statement, and text is made safe for the
terminal (`safe_text.visible`). Extensions for fields this version does not know (written by a
newer quizgame) are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.errors import PlayerNameError
from quizgame.interop.xapi import VERBS, VOCABULARY, XapiConfig, extension
from quizgame.safe_text import visible
from quizgame.store.models import SessionSummary
from quizgame.store.names import display_name, is_player_key

_DURATION = re.compile(
    r"P(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?"
)


class StatementError(ValueError):
    """A statement that does not give a quizgame record (the message names it)."""


class Player(BaseModel):
    """Whose statement it is: display name and player key."""

    name: str
    key: str


def player_of(statement: Mapping[str, Any], config: XapiConfig) -> Player:
    actor = _get(statement, "actor")
    account = actor.get("account") or {}
    key = account.get("name")
    if account.get("homePage") != config.homepage or not isinstance(key, str):
        raise _error(statement, f"its actor is not an account on {config.homepage}")
    if not is_player_key(key):
        raise _error(statement, f"account name {visible(key, multiline=False)!r} is not a "
                                "player key")
    try:
        return Player(name=display_name(str(actor.get("name") or "")), key=key)
    except PlayerNameError as error:
        raise _error(statement, str(error)) from error


def quiz_id_of(statement: Mapping[str, Any], config: XapiConfig) -> str:
    """The quiz of an attempted/completed statement (its object) or an answer (its parent)."""
    if _get(statement, "verb").get("id") == VERBS["answered"]:
        parents = _get(statement, "context").get("contextActivities", {}).get("parent") or [{}]
        iri = parents[0].get("id", "")
    else:
        iri = _get(statement, "object").get("id", "")
    prefix = config.quiz_iri("")
    if not isinstance(iri, str) or not iri.startswith(prefix) or "/" in iri[len(prefix):]:
        raise _error(statement, f"its activity is not a quiz of {config.homepage}")
    return iri[len(prefix):]


def summary_of(statement: Mapping[str, Any], config: XapiConfig) -> tuple[SessionSummary, Player]:
    """The summary of the game a `completed` statement ends, and whose game it is."""
    if _get(statement, "verb").get("id") != VERBS["completed"]:
        raise _error(statement, "it is not a completed statement")
    player = player_of(statement, config)
    result = _get(statement, "result")
    counts = _fields(result.get("extensions"), "result", SessionSummary)
    counts["duration_ms"] = _milliseconds(statement, result.get("duration"))
    table = _session_table(statement, config)
    table["score"] = (result.get("score") or {}).get("raw")
    table["finished_at"] = statement.get("timestamp")
    try:
        return SessionSummary.of(SessionRecord.model_validate(table), counts), player
    except ValidationError as error:
        raise _error(statement, _first_error(error)) from error


def record_of(completed: Mapping[str, Any], answered: Iterable[Mapping[str, Any]],
              config: XapiConfig) -> SessionRecord:
    """The whole record of a finished game: its completed statement and its answers."""
    summary, player = summary_of(completed, config)
    table = _session_table(completed, config)
    table.update(score=summary.score, finished_at=summary.finished_at, player=player.name)
    answers = sorted((_answer(statement, config) for statement in answered),
                     key=lambda pair: (pair[0].answered_at, pair[1]))
    table["answers"] = [answer for answer, _ in answers]
    try:
        return SessionRecord.model_validate(table)
    except ValidationError as error:
        raise _error(completed, _first_error(error)) from error


def _session_table(statement: Mapping[str, Any], config: XapiConfig) -> dict[str, Any]:
    context = _get(statement, "context")
    table = _fields(context.get("extensions"), "session", SessionRecord)
    names = (_get(statement, "object").get("definition") or {}).get("name") or {}
    title = next(iter(names.values()), "") if isinstance(names, dict) else ""
    table.update(quiz_id=quiz_id_of(statement, config),
                 quiz_title=visible(str(title), multiline=False),
                 player=player_of(statement, config).name)
    return table


def _answer(statement: Mapping[str, Any], config: XapiConfig) -> tuple[AnswerRecord, int]:
    if _get(statement, "verb").get("id") != VERBS["answered"]:
        raise _error(statement, "it is not an answered statement")
    iri = _get(statement, "object").get("id", "")
    prefix = config.question_iri(quiz_id_of(statement, config), "")
    if not isinstance(iri, str) or not iri.startswith(prefix):
        raise _error(statement, "its object is not a question of its quiz")
    result = _get(statement, "result")
    score = result.get("score") or {}
    table = _fields(_get(statement, "context").get("extensions"), "answer", AnswerRecord)
    table.update(
        question_id=iri[len(prefix):],
        correct=result.get("success"),
        credit=score.get("scaled"),
        points=score.get("raw"),
        elapsed_ms=_milliseconds(statement, result.get("duration")),
        answered_at=statement.get("timestamp"),
        given=_safe(table.get("given")),
    )
    attempt = (_get(statement, "context").get("extensions") or {}).get(
        extension("answer", "attempt"), 1)
    try:
        return AnswerRecord.model_validate(table), int(attempt)
    except (ValidationError, TypeError, ValueError) as error:
        message = _first_error(error) if isinstance(error, ValidationError) else str(error)
        raise _error(statement, message) from error


def _fields(extensions: Any, kind: str, model: type[BaseModel]) -> dict[str, Any]:
    """The record fields a statement's extensions of `kind` carry (unknown ones ignored)."""
    prefix = f"{VOCABULARY}{kind}/"
    if not isinstance(extensions, dict):
        return {}
    found = {}
    for iri, value in extensions.items():
        if isinstance(iri, str) and iri.startswith(prefix):
            name = iri[len(prefix):].replace("-", "_")
            if name in model.model_fields:
                found[name] = value
    return found


def _safe(given: Any) -> Any:
    if isinstance(given, str):
        return visible(given)
    if isinstance(given, list):
        return [visible(item) if isinstance(item, str) else item for item in given]
    return given


def _milliseconds(statement: Mapping[str, Any], duration: Any) -> int:
    match = _DURATION.fullmatch(duration) if isinstance(duration, str) else None
    if match is None or duration in ("P", "PT"):
        raise _error(statement, f"its duration {duration!r} is not an ISO 8601 duration")
    parts = {name: Decimal(value or 0) for name, value in match.groupdict().items()}
    seconds = ((parts["days"] * 24 + parts["hours"]) * 60 + parts["minutes"]) * 60
    return int((seconds + parts["seconds"]) * 1000)


def _get(statement: Mapping[str, Any], name: str) -> dict[str, Any]:
    value = statement.get(name)
    if not isinstance(value, dict):
        raise _error(statement, f"it has no {name}")
    return value


def _error(statement: Mapping[str, Any], reason: str) -> StatementError:
    ident = visible(str(statement.get("id", "(no id)")), multiline=False)
    return StatementError(f"statement {ident}: {reason}")


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]
