"""The live game's messages: JSON objects over one websocket per player, versioned.

docs/live-protocol.md is the reference; this module is the one place that reads what players send
(`parse_client`: strict models, a size limit, a clear error) and builds what the hub sends about a
question to a player (`question_message`), which by construction holds only what the player may
see: never the key, the accepted answers or the explanation (those come with `reveal`).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from quizgame.engine.presentation import PresentedQuestion
from quizgame.live.wire import VERSION, encode

__all__ = ["VERSION", "ClientMessage", "MoreTime", "ProtocolError", "encode", "error",
           "parse_client", "question_message"]

MAX_MESSAGE_BYTES = 4096
MAX_RAW_ANSWER = 500


class ProtocolError(ValueError):
    """A message a player sent that the hub cannot use; `code` goes back in an `error`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _Message(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Join(_Message):
    """A new player: the join code and a name."""

    type: Literal["join"]
    v: int
    code: Annotated[str, Field(max_length=32)]
    name: Annotated[str, Field(max_length=400)]
    client: Annotated[str, Field(max_length=32)] = ""


class Rejoin(_Message):
    """A player coming back: their secret token, or their name and short rejoin code."""

    type: Literal["rejoin"]
    v: int
    token: Annotated[str, Field(max_length=128)] = ""
    name: Annotated[str, Field(max_length=400)] = ""
    rejoin: Annotated[str, Field(max_length=16)] = ""
    code: Annotated[str, Field(max_length=32)] = ""


class Roster(_Message):
    """Which roster names are still free (a roster game: players pick theirs)."""

    type: Literal["roster"]
    v: int
    code: Annotated[str, Field(max_length=32)]


class Answer(_Message):
    """An answer to question `number`, as typed: option numbers or texts, true/false, text."""

    type: Literal["answer"]
    number: int
    raw: Annotated[str, Field(max_length=MAX_RAW_ANSWER)]


class MoreTime(_Message):
    """The player's more-time key on question `number`: 30 s more on their own deadline."""

    type: Literal["more_time"]
    number: int


class Ping(_Message):
    """Is the hub there? Answered by `pong` with the same id."""

    type: Literal["ping"]
    id: int = 0


class Leave(_Message):
    """The player is done (closing the connection without it keeps their place)."""

    type: Literal["leave"]


ClientMessage = Join | Rejoin | Roster | Answer | MoreTime | Ping | Leave
_CLIENT = TypeAdapter(Annotated[ClientMessage, Field(discriminator="type")])


def parse_client(data: str | bytes) -> ClientMessage:
    """One message from a player, or `ProtocolError`."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise ProtocolError("too-large", f"a message has at most {MAX_MESSAGE_BYTES} bytes")
    try:
        return _CLIENT.validate_python(json.loads(data))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ProtocolError("bad-message", "a message must be a JSON object") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "message"
        raise ProtocolError("bad-message", f"{where}: {first['msg']}") from None


def error(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"type": "error", "code": code, "message": message, **extra}


def question_message(
    shown: PresentedQuestion, *, remaining_ms: int | None, answered: bool
) -> dict[str, Any]:
    """Question `shown.number` as this player sees it (their own shuffle), and nothing more."""
    question = shown.question
    return {
        "type": "question",
        "number": shown.number,
        "total": shown.total,
        "kind": question.type,
        "prompt": question.prompt,
        "options": list(shown.options),
        "lefts": list(shown.lefts),
        "unit": getattr(question, "unit", None),
        "points": question.points,
        "time_limit": shown.time_limit,
        "remaining_ms": remaining_ms,
        "answered": answered,
    }
