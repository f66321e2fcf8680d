"""A class's saves of the bundled quiz (every question type), written through the store.

Each player plays `games` quiz-mode games; answers are right or wrong at random (seeded), with
the answer shapes the engine saves for each type, timeouts (nothing given), blank text answers,
hints and "I was right" overrides among them. One extra unfinished game and one practice game
make sure only finished quiz-mode games count, wherever they are read from.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgame.commands.paths import bundled_quizzes_dir
from quizgame.engine.records import AnswerRecord, Given, Mode, SessionRecord
from quizgame.format import load_quiz
from quizgame.format.models import (
    CategorizeQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    PollQuestion,
    Question,
    TextQuestion,
    TrueFalseQuestion,
)
from quizgame.store import SavesFolder
from quizgame.store.names import player_key

QUIZ_PATH = bundled_quizzes_dir() / "nato-2025.toml"
START = datetime(2025, 9, 1, 8, 30, tzinfo=UTC)


def given_for(question: Question, right: bool, rng: random.Random) -> Given:
    if isinstance(question, ChoiceQuestion):
        return question.answer if right else next(c for c in question.choices
                                                  if c != question.answer)
    if isinstance(question, MultiQuestion):
        return list(question.answers) if right else [question.choices[0]]
    if isinstance(question, TrueFalseQuestion):
        return question.answer if right else not question.answer
    if isinstance(question, NumberQuestion):
        return float(question.answer) if right else float(question.answer) + 7.5
    if isinstance(question, TextQuestion):
        return question.answers[0] if right else rng.choice(["", "no idea", "Brussels?"])
    if isinstance(question, OrderQuestion):
        return list(question.items) if right else list(reversed(question.items))
    if isinstance(question, MatchQuestion):
        rights = [pair[1] for pair in question.pairs]
        return rights if right else rights[1:] + rights[:1]
    if isinstance(question, EstimateQuestion):
        return float(question.answer) if right else float(question.max)
    if isinstance(question, PollQuestion):
        return rng.choice(question.choices)
    if isinstance(question, CategorizeQuestion):
        buckets = list(question.bucket_of().values())
        return buckets if right else buckets[1:] + buckets[:1]
    if isinstance(question, ClozeQuestion):
        blanks = question.blanks
        return [b.answers[0] if b.kind != "number" else str(b.number) for b in blanks] if right \
            else ["no idea"] * len(blanks)
    raise AssertionError(question)


def game(player: str, number: int, answers: int, rng: random.Random, *,
         mode: Mode = "quiz", finished: bool = True) -> SessionRecord:
    quiz = load_quiz(QUIZ_PATH)
    started = START + timedelta(days=number, minutes=rng.randrange(300))
    records, score, moment = [], 0, started
    questions = rng.sample(list(quiz.questions), answers)
    for question in questions:
        timed_out = rng.random() < 0.05
        right = not timed_out and rng.random() < 0.6
        overridden = not right and not timed_out and question.type == "text" and rng.random() < .3
        elapsed = rng.randrange(1_500, 40_000)
        points = int(question.points * (1 - elapsed / 80_000)) if right or overridden else 0
        score += points
        moment += timedelta(milliseconds=elapsed + 1_234)
        credit = 1.0 if right or overridden else (0.5 if question.type == "multi" else 0.0)
        records.append(AnswerRecord(
            question_id=question.id, question_type=question.type,
            given=None if timed_out else given_for(question, right, rng),
            correct=right or overridden, credit=credit, points=points,
            streak_bonus=100 if right and rng.random() < 0.3 else 0, elapsed_ms=elapsed,
            hint_used=rng.random() < 0.1, timed_out=timed_out, overridden=overridden,
            answered_at=moment))
    return SessionRecord(
        id=f"{player_key(player)}-{mode}-{number:02d}", quiz_id=quiz.quiz.id,
        quiz_title=quiz.quiz.title, player=player, mode=mode, seed=rng.randrange(10**6),
        started_at=started, finished_at=moment + timedelta(seconds=3) if finished else None,
        question_count=answers, score=score, answers=records)


def write_class(root: Path, players: int = 6, games: int = 3, answers: int = 12) -> int:
    """Write the class; returns how many sessions were written."""
    folder = SavesFolder(root)
    sessions = 0
    for n in range(players):
        rng = random.Random(n)
        name = f"Élève {n:02d}"
        saves = folder.player(name)
        for number in range(games):
            saves.save_session(game(name, number, answers, rng))
            sessions += 1
    extra = folder.player("Late Comer")
    extra.save_session(game("Late Comer", 0, answers, random.Random(99), finished=False))
    extra.save_session(game("Late Comer", 1, answers, random.Random(98), mode="practice"))
    return sessions + 2
