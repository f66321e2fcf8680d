"""Thirty players answering at once into one saves folder (issue 5 §4): no answer is lost.

Thirty threads each drive a real `GameSession` over the store, all starting each question
together (a barrier), so that saves overlap as they do when a class plays through `serve`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from quizgame.classroom.leaderboard import leaderboards
from quizgame.classroom.merge import collect_games
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.format.models import ChoiceQuestion, MultiQuestion, Question, TextQuestion
from quizgame.store import SavesFolder, scan_sessions

QUIZ = Path(__file__).parent / "data" / "classroom" / "capitals.toml"
PLAYERS = 30
TIMEOUT_S = 120


def right_answer(question: Question) -> object:
    if isinstance(question, ChoiceQuestion):
        return question.answer
    if isinstance(question, MultiQuestion):
        return list(question.answers)
    if isinstance(question, TextQuestion):
        return question.answers[0]
    return question.answer  # truefalse


def test_thirty_concurrent_sessions_lose_no_answer(tmp_path: Path) -> None:
    quiz = load_quiz(QUIZ)
    folder = SavesFolder(tmp_path / "saves")
    barrier = threading.Barrier(PLAYERS, timeout=TIMEOUT_S)
    errors: list[BaseException] = []

    def play(number: int) -> None:
        try:
            barrier.wait()
            store = folder.player(f"Student {number:02d}")
            session = GameSession.start(quiz, store, "quiz", seed=number)
            while (shown := session.current()) is not None:
                barrier.wait()
                # Half the class answers right, half leaves the multi question half done.
                answer = right_answer(shown.question)
                if number % 2 and isinstance(shown.question, MultiQuestion):
                    answer = answer[:1]
                session.submit(answer, elapsed_ms=1000 + number)
            session.finish()
        except BaseException as error:  # surfaced below, with the thread's failure
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=play, args=(n,)) for n in range(PLAYERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT_S)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)

    scan = scan_sessions(tmp_path / "saves")
    assert scan.problems == []
    assert len(scan.items) == PLAYERS
    question_ids = sorted(q.id for q in quiz.questions)
    for item in scan.items:
        assert item.record.finished
        assert sorted(a.question_id for a in item.record.answers) == question_ids

    (board,) = leaderboards(collect_games([tmp_path / "saves"]).games)
    assert len(board.standings) == PLAYERS
    assert sorted(s.accuracy for s in board.standings) == [0.75] * 15 + [1.0] * 15
