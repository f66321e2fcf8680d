"""Writes the saves folders room-a/ and room-b/ used by the classroom tests (run once, committed).

    .venv/bin/python tests/data/classroom/make_saves.py

Two machines' saves of the quiz capitals.toml. Ana played on both (typed "ana" on room-b, after
"Ana" on room-a: "Ana" is the name shown): her first game was synced to room-b as well (same
session id, counted once), her best game is only in room-b. Room-b also
holds a corrupt session file of Eve and a player folder whose player.toml is broken.
Credits per question (q1..q4) are in the table below; the tests' expected values come from it.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.store import SavesFolder

HERE = Path(__file__).parent
DAY1 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
GIVEN = {
    "q1": {1: "Paris", 0: "Lyon"},
    "q2": {1: ["Rome", "Madrid"], 0.5: ["Rome"], 0: ["Milan"]},
    "q3": {1: "Ouagadougou", 0: "Niamey"},
    "q4": {1: True, 0: False},
}
TYPES = {"q1": "choice", "q2": "multi", "q3": "text", "q4": "truefalse"}

#        folder    player  id    mode        day finished score  credits q1..q4  seconds/answer
GAMES = [
    ("room-a", "Ana", "ana-1", "quiz",     0, True,  3000, (1, 1, 1, 0),   9),
    ("room-a", "Ana", "ana-2", "quiz",     1, True,  3500, (1, 1, 1, 0),   6),
    ("room-a", "Ben", "ben-1", "quiz",     0, True,  2000, (1, 1, 0, 0),   8),
    ("room-a", "Cy",  "cy-1",  "practice", 0, True,  0,    (1, 0, 1),      5),
    ("room-a", "Cy",  "cy-2",  "quiz",     1, False, 1000, (1, 0),         5),
    ("room-b", "ana", "ana-1", "quiz",     0, True,  3000, (1, 1, 1, 0),   9),
    ("room-b", "ana", "ana-3", "quiz",     2, True,  4000, (1, 1, 1, 1),   7),
    ("room-b", "Dee", "dee-1", "quiz",     0, True,  2500, (1, 0.5, 0, 1), 10),
    ("room-b", "Eve", "eve-1", "quiz",     1, True,  1000, (0, 0, 0, 1),   12),
]


def record(player: str, session_id: str, mode: str, day: int, finished: bool, score: int,
           credits: tuple[float, ...], seconds: int) -> SessionRecord:
    start = DAY1 + timedelta(days=day)
    # Points add up to the score, as in every game quizgame saves (the classroom checks it): the
    # part beyond 1,000 per credit is the streak bonus of the last fully correct answer.
    points = [int(1000 * credit) if score else 0 for credit in credits]
    bonus = [0] * len(credits)
    if score > sum(points):
        last = max(n for n, credit in enumerate(credits) if credit == 1)
        bonus[last] = score - sum(points)
    answers = [
        AnswerRecord(
            question_id=qid, question_type=TYPES[qid], given=GIVEN[qid][credit],
            correct=credit == 1, credit=credit, points=points[n] + bonus[n], streak_bonus=bonus[n],
            elapsed_ms=seconds * 1000, answered_at=start + timedelta(seconds=seconds * (n + 1)),
        )
        for n, (qid, credit) in enumerate(zip(TYPES, credits))
    ]
    return SessionRecord(
        id=session_id, quiz_id="capitals", quiz_title="Capitals", player=player, mode=mode,
        seed=day, started_at=start, question_count=4 if mode == "quiz" else len(credits),
        finished_at=start + timedelta(minutes=2) if finished else None, score=score,
        answers=answers,
    )


def main() -> None:
    for room in ("room-a", "room-b"):
        shutil.rmtree(HERE / room, ignore_errors=True)
    for room, player, session_id, *game in GAMES:
        saves = SavesFolder(HERE / room).player(player)
        saves.save_session(record(player, session_id, *game))
    eve = SavesFolder(HERE / "room-b").player("Eve").path
    (eve / "sessions" / "eve-2.toml").write_text('format = 1\nid = "eve-2"\nscore = [unclosed\n')
    fay = HERE / "room-b" / "fay-0000000000"
    fay.mkdir()
    (fay / "player.toml").write_text("format = 1\nname = 42\n")
    # Keep only the TOML files: indexes, JSON copies and lock files are derived.
    for room in ("room-a", "room-b"):
        for derived in [*(HERE / room).rglob(".cache"), *(HERE / room).rglob(".lock"),
                        *(HERE / room).rglob("index.toml")]:
            shutil.rmtree(derived) if derived.is_dir() else derived.unlink()


if __name__ == "__main__":
    main()
