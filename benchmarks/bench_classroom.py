"""Classroom benchmark: `scores` and `report` over generated saves (issue 5, §5).

    .venv/bin/python benchmarks/bench_classroom.py [--big-players 1000] [--keep DIR]

Generates, through the store's own writer, a class of 30 players × 20 quiz games × 60 answers of
the bundled quiz, and a school of 1,000 players × 20 games × 60 answers; then times, in this
process, what the commands do (read the saves, rank or analyse, format the table) and, once, the
whole command in a fresh process (Python start-up included). Goals: class `scores` <= 0.3 s,
class `report` <= 1 s, school `scores` <= 3 s. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgame.classroom.leaderboard import leaderboards
from quizgame.classroom.saves import collect_games, quiz_report
from quizgame.classroom.text import report_text, scores_text
from quizgame.commands.paths import bundled_quizzes_dir
from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.format import load_quiz
from quizgame.format.models import ChoiceQuestion, MultiQuestion, Question, Quiz
from quizgame.store import SavesFolder

GAMES = 20
ANSWERS = 60
START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def given_for(question: Question, right: bool, rng: random.Random) -> object:
    """A plausible answer: the right one, or a wrong choice / wrong text."""
    if isinstance(question, ChoiceQuestion):
        wrong = [c for c in question.choices if c != question.answer]
        return question.answer if right else rng.choice(wrong)
    if isinstance(question, MultiQuestion):
        return list(question.answers) if right else [rng.choice(question.choices)]
    if question.type == "truefalse":
        return question.answer if right else not question.answer
    return "right answer" if right else "wrong answer"


def game(quiz: Quiz, player: str, number: int, ability: float, rng: random.Random) -> SessionRecord:
    started = START + timedelta(days=number, minutes=rng.randrange(600))
    answers, score = [], 0
    for index, question in enumerate(quiz.questions[:ANSWERS]):
        right = rng.random() < ability
        elapsed = rng.randrange(2_000, 30_000)
        points = int(question.points * (1 - elapsed / 60_000)) if right else 0
        score += points
        answers.append(AnswerRecord(
            question_id=question.id, question_type=question.type,
            given=given_for(question, right, rng), correct=right, credit=1.0 if right else 0.0,
            points=points, elapsed_ms=elapsed, hint_used=rng.random() < 0.05,
            answered_at=started + timedelta(seconds=30 * (index + 1)),
        ))
    return SessionRecord(
        id=f"{player.lower().replace(' ', '-')}-{number:02d}", quiz_id=quiz.quiz.id,
        quiz_title=quiz.quiz.title, player=player, mode="quiz", seed=number, started_at=started,
        finished_at=started + timedelta(minutes=35), question_count=ANSWERS, score=score,
        answers=answers,
    )


def generate(root: Path, quiz: Quiz, players: int, seed: int = 5) -> float:
    """Write `players` × GAMES games with the store (as a class would); returns seconds taken."""
    rng = random.Random(seed)
    began = time.perf_counter()
    folder = SavesFolder(root)
    for n in range(players):
        name = f"Player {n:04d}"
        saves = folder.player(name)
        ability = rng.uniform(0.3, 0.95)
        for number in range(GAMES):
            saves.save_session(game(quiz, name, number, ability, rng))
    return time.perf_counter() - began


def timed(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(first run, median of the runs) in seconds."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return times[0], statistics.median(times)


def command_time(*argv: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quizgame", *argv], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def scores(root: Path) -> str:
    return scores_text(leaderboards(collect_games([root]).items))


def report(root: Path, quiz: Quiz) -> str:
    return report_text(quiz_report([root], quiz.quiz.id, quiz)[0])


def line(label: str, first: float, median: float, goal: float) -> None:
    verdict = "ok" if median <= goal else "OVER GOAL"
    print(f"  {label:<34} first {first * 1000:7.1f} ms   median {median * 1000:7.1f} ms"
          f"   goal {goal * 1000:.0f} ms  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-players", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    args = parser.parse_args()
    quiz = load_quiz(bundled_quizzes_dir() / "nato-2025.toml")
    with contextlib.ExitStack() as stack:
        base = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        small, big = base / "class", base / "school"
        for root, players in ((small, 30), (big, args.big_players)):
            shutil.rmtree(root, ignore_errors=True)
            took = generate(root, quiz, players)
            print(f"generated {players} players × {GAMES} games × {ANSWERS} answers "
                  f"in {took:.1f} s")

        print(f"class: 30 players × {GAMES} games × {ANSWERS} answers")
        line("scores (read + rank + table)", *timed(lambda: scores(small), 5), goal=0.3)
        line("report (read + analyse + table)", *timed(lambda: report(small, quiz), 5), goal=1.0)
        print(f"  `quizgame scores` in a new process   {command_time('scores', '--saves', str(small)) * 1000:7.1f} ms")
        print(f"  `quizgame report` in a new process   "
              f"{command_time('report', quiz.quiz.id, '--saves', str(small)) * 1000:7.1f} ms")

        print(f"school: {args.big_players} players × {GAMES} games × {ANSWERS} answers")
        line("scores (read + rank + table)", *timed(lambda: scores(big), 3), goal=3.0)
        print(f"  `quizgame scores` in a new process   {command_time('scores', '--saves', str(big)) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
