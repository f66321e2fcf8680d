"""Gradebook files for Moodle's and Canvas's grade import: one row per student, one column per
quiz, from the same leaderboards as `quizgame scores` (best game, or the first with
`--first-attempt`).

The grade is the chosen game's accuracy in percent (fully correct answers ÷ questions, 0 to
100, one decimal, as in `scores`): a gradebook holds correctness, not quizgame's speed points. A player who has not
finished a quiz has an empty cell, which both systems leave ungraded.

Students are matched by the name they played under: Moodle's import lets the teacher map the
`Player` column to a username, ID number or email; Canvas matches on `SIS Login ID`, filled
with the player's name. Players who played under their school login need no editing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quizgame.classroom.output import pct

if TYPE_CHECKING:
    from quizgame.classroom.leaderboard import Leaderboard

GRADEBOOKS = ("moodle", "canvas")
MAX_GRADE = 100
_CANVAS_IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


def gradebook_csv(boards: Sequence[Leaderboard], system: str) -> str:
    """The CSV for `system` (one of `GRADEBOOKS`)."""
    names: dict[str, str] = {}
    grades: dict[str, dict[str, float | None]] = {}
    for board in boards:
        for standing in board.standings:
            names.setdefault(standing.player_key, standing.player)
            grades.setdefault(standing.player_key, {})[board.quiz_id] = pct(standing.accuracy)
    players = sorted(names, key=lambda key: (names[key].casefold(), key))
    titles = [_column(board, boards) for board in boards]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if system == "canvas":
        writer.writerow([*_CANVAS_IDENTITY, *titles])
        writer.writerow(["Points Possible", "", "", "", "", *[MAX_GRADE] * len(boards)])
    else:
        writer.writerow(["Player", "Player key", *titles])
    for key in players:
        cells = ["" if (grade := grades[key].get(board.quiz_id)) is None else grade
                 for board in boards]
        identity = [names[key], "", "", names[key], ""] if system == "canvas" else [
            names[key], key]
        writer.writerow([*identity, *cells])
    return out.getvalue()


def _column(board: Leaderboard, boards: Sequence[Leaderboard]) -> str:
    """The quiz's title, with its id when two quizzes share a title."""
    shared = sum(1 for other in boards if other.quiz_title == board.quiz_title) > 1
    return f"{board.quiz_title} [{board.quiz_id}]" if shared else board.quiz_title
