"""How the players split on a poll: each player's latest vote, counted per choice.

Read from the saves folder (every player's sessions of the quiz), so that a player who has just
voted sees where the class stands. Live play keeps the split hidden until the teacher shows it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from quizgame.errors import QuizgameError

Split = tuple[tuple[str, int], ...]
"""(choice, votes) for every choice of the poll, in the poll's order (`Feedback.split`)."""


def poll_votes(saves_dir: Path, quiz_id: str, question_id: str) -> dict[str, int]:
    """Votes per choice: each player's latest answer to the poll (unreadable saves are skipped)."""
    # The store is imported here: the feedback panel, drawn with the game's first frame, needs
    # only `split_lines`, and the save models (pydantic) must not delay that frame.
    from quizgame.store.folder import SavesFolder

    votes: Counter[str] = Counter()
    folder = SavesFolder(saves_dir)
    for info in folder.players([]):
        try:
            sessions = folder.player(info.name, create=False).sessions(quiz_id, problems=[])
        except QuizgameError:
            continue  # reported where players' saves are listed; a split needs no more
        latest = [a.given for s in sessions for a in s.answers if a.question_id == question_id]
        if latest and isinstance(latest[-1], str):
            votes[latest[-1]] += 1
    return dict(votes)


def split_lines(split: Split, width: int = 20, *, bars: bool = True) -> list[str]:
    """`Paris  ██████████  3 (60%)`: one line per choice, bars scaled to the largest count;
    without `bars` (plain mode: a screen reader would read each block), `Paris: 3 (60%)`."""
    total = sum(count for _, count in split)
    if not total:
        return []
    if not bars:
        return [f"{choice}: {count} ({count / total:.0%})" for choice, count in split]
    most = max(count for _, count in split)
    name_width = max(len(choice) for choice, _ in split)
    return [
        f"{choice.ljust(name_width)}  {'█' * round(width * count / most):<{width}}  "
        f"{count} ({count / total:.0%})"
        for choice, count in split
    ]
