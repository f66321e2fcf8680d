"""Plain mode's help (`/help` on the plain home): its commands, the keys of a game, where each
other screen of the game is on the command line, and how points are counted.

The plain equivalent of the help screen; the table of every screen's plain equivalent is
`quizgame.plain.equivalents.EQUIVALENTS` (docs/accessibility.md).
"""

from __future__ import annotations

from quizgame.engine.scoring import RULES_IN_WORDS

HOME_COMMANDS: tuple[tuple[str, str], ...] = (
    ("a number or a quiz id", "play that quiz (the mode is asked: Enter keeps it)"),
    ("/player [NAME]", "change who is playing"),
    ("/mode [quiz|practice|mistakes]", "change the mode"),
    ("/quizzes", "list the quizzes again"),
    ("/help", "this help"),
    ("/quit, or end the input (Ctrl-D)", "leave; every answer is already saved"),
)
GAME_KEYS: tuple[tuple[str, str], ...] = (
    ("?", "the hint of a question (it halves the points)"),
    ("Enter", "after the feedback: the next question, or your results"),
    ("!!", "after the feedback of a typed answer marked wrong: you were right (a claim for "
           "the teacher in quiz mode)"),
    ("/sure, /guessed", "after the feedback, in practice and mistakes modes: how sure you were"),
    ("/undo", "after the feedback, within 10 seconds, in practice and mistakes modes: take the "
              "answer back"),
    ("Ctrl-D or Ctrl-C", "stop; every answer is saved and the game can be continued"),
)
ELSEWHERE: tuple[tuple[str, str], ...] = (
    ("quizgame scores --quiz QUIZ", "the leaderboard of a quiz"),
    ("quizgame history --player NAME", "your games, game after game (your progress)"),
    ("quizgame due --player NAME", "the practice cards due, quiz by quiz"),
    ("quizgame report QUIZ", "the teacher's item analysis and forgetting forecast"),
    ("quizgame claims QUIZ", "the teacher settles the students' claims"),
    ("quizgame join ADDRESS --plain", "a live class game, line by line"),
)


def help_lines() -> list[str]:
    """The help, one line per command or rule, without decoration."""
    def section(title: str, rows: tuple[tuple[str, str], ...]) -> list[str]:
        return [f"{title}:", *(f"  {what}: {does}." for what, does in rows)]

    return [
        *section("On this list of quizzes, type", HOME_COMMANDS),
        *section("During a game, type", GAME_KEYS),
        *section("The other screens, as commands", ELSEWHERE),
        "Scoring:",
        *(f"  {rule}" for rule in RULES_IN_WORDS),
    ]
