"""Writes the hostile save files of tests/data/hostile/ (issue 10; run once, committed).

    .venv/bin/python tests/data/hostile/make_hostile.py

Each file is one attack on the save readers, built from a game the store itself wrote, so that
only the attack differs from a real save. The quiz-side cases (`*.quiz.toml`) are written by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.store.sessions import write_session

HERE = Path(__file__).parent
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def game(player: str = "Ana", session_id: str = "20250303T090000Z-capitals-a1b2c3") -> SessionRecord:
    answers = [
        AnswerRecord(question_id=f"q{n}", question_type="choice", given="Paris", correct=True,
                     credit=1.0, points=1000, elapsed_ms=4000,
                     answered_at=START + timedelta(seconds=5 * n))
        for n in range(1, 4)
    ]
    return SessionRecord(
        id=session_id, quiz_id="capitals", quiz_title="Capitals", player=player, mode="quiz",
        seed=1, started_at=START, finished_at=START + timedelta(minutes=1), question_count=3,
        score=3000, answers=answers,
    )


def written(record: SessionRecord) -> str:
    path = HERE / ".scratch.toml"
    write_session(path, record)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    return text


def main() -> None:
    text = written(game())
    cases = {
        # Finding 2: ~1 KB of arrays nested 500 deep, before the answers and inside one.
        "deep-nesting.save.toml": text.replace('quiz_title = "Capitals"\n',
                                               'quiz_title = "Capitals"\nx = ' + "[" * 500
                                               + "]" * 500 + "\n"),
        "deep-nesting-in-answers.save.toml": text.replace('given = "Paris"',
                                                          "given = " + "[" * 500 + "]" * 500, 1),
        "deep-inline-tables.save.toml": text.replace('seed = 1\n',
                                                     "seed = 1\nx = " + "{a=" * 300 + "1"
                                                     + "}" * 300 + "\n"),
        # Finding 1: control characters in a save's texts (title, answer).
        "control-characters.save.toml": text.replace('quiz_title = "Capitals"',
                                                     'quiz_title = "Capi\\u001b]0;pwned\\u0007tals"')
                                           .replace('given = "Paris"', 'given = "\\u001b[2J\\u009b31m"', 1),
        # Finding 8: a hand-edited score, and Bob's game copied into Ana's folder.
        "edited-score.save.toml": text.replace("score = 3000\n", "score = 99999999\n"),
        "edited-counts.save.toml": text.replace("correct = 3\n", "correct = 30\n"),
        "another-players.save.toml": written(game(player="Bob")),
        # Issue 15, bug 7: garbage appended after the answers (a sync tool's conflict marker).
        "garbage-appended.save.toml": text + "<<<<<<< conflict\n",
        # Low: a number thousands of digits long.
        "huge-number.save.toml": text.replace("seed = 1\n", "seed = 1" + "0" * 5000 + "\n"),
    }
    for name, content in cases.items():
        (HERE / name).write_text(content, encoding="utf-8")


if __name__ == "__main__":
    main()
