"""Errors the engine raises for the player or the front-end to see (all are QuizgameErrors)."""

from __future__ import annotations

from quizgame.errors import QuizgameError


class AnswerFormatError(QuizgameError):
    """A response that cannot be graded as it stands (the message says how to answer)."""


class NothingToPlayError(QuizgameError):
    """The mode has no question to ask (e.g. mistakes mode after a perfect game)."""


class SessionOverError(QuizgameError):
    """An answer or a hint was asked for when no question is on screen."""


class OverrideError(QuizgameError):
    """"I was right" was asked for an answer that cannot be overridden."""


class NotNowError(QuizgameError):
    """"I was sure", "I guessed" or undo asked for when it is not offered (the message says
    when it is)."""
