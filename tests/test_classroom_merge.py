"""Merging saves folders: one player across folders, one game across copies, bad files skipped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgame.classroom.leaderboard import leaderboards
from quizgame.classroom.merge import collect_games, player_sessions
from quizgame.classroom.report import quiz_report
from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.store import SavesFolder

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def game(player: str, session_id: str, answered: int, *, finished: bool) -> SessionRecord:
    answers = [AnswerRecord(question_id=f"q{n}", question_type="truefalse", given=True,
                            correct=True, credit=1.0, points=1000, elapsed_ms=2000,
                            answered_at=START + timedelta(seconds=n))
               for n in range(1, answered + 1)]
    return SessionRecord(
        id=session_id, quiz_id="capitals", quiz_title="Capitals", player=player, mode="quiz",
        seed=1, started_at=START, finished_at=START + timedelta(minutes=1) if finished else None,
        question_count=4, score=1000 * answered, answers=answers,
    )


def test_the_most_complete_copy_of_a_game_counts_once(tmp_path: Path) -> None:
    # The laptop's folder was copied mid-game; the teacher's copy has the finished game.
    laptop, teacher = SavesFolder(tmp_path / "laptop"), SavesFolder(tmp_path / "teacher")
    laptop.player("Ana").save_session(game("Ana", "g1", 2, finished=False))
    teacher.player("ana").save_session(game("ana", "g1", 4, finished=True))
    folders = [tmp_path / "laptop", tmp_path / "teacher"]
    collected = collect_games(folders)
    assert [(g.session_id, g.answered) for g in collected.games] == [("g1", 4)]
    (board,) = leaderboards(collected.games)
    assert [(s.player_key, s.attempts, s.best_score) for s in board.standings] == [
        (collected.games[0].player_key, 1, 4000)]
    # The report reads that copy in full.
    report, problems = quiz_report(folders, "capitals")
    assert problems == [] and [item.attempts for item in report.items] == [1, 1, 1, 1]


def test_a_missing_folder_among_others_is_a_problem_line(tmp_path: Path) -> None:
    SavesFolder(tmp_path / "room").player("Ben").save_session(game("Ben", "b1", 4, finished=True))
    collected = collect_games([tmp_path / "room", tmp_path / "nowhere"])
    assert len(collected.games) == 1
    assert collected.problems == [f"{tmp_path / 'nowhere'}: no such saves folder"]


def test_a_game_unreadable_since_the_scan_is_named_and_skipped(tmp_path, monkeypatch) -> None:
    saves = SavesFolder(tmp_path / "room").player("Cy")
    saves.save_session(game("Cy", "c1", 4, finished=True))
    collected = collect_games([tmp_path / "room"])
    # The file breaks between the scan and the full read (a sync tool rewriting it, say).
    (saves.path / "sessions" / "c1.toml").write_text("not = [toml\n")
    monkeypatch.setattr("quizgame.classroom.report.collect_games", lambda *_: collected)
    report, problems = quiz_report([tmp_path / "room"], "capitals")
    assert report.players == 0
    assert len(problems) == 1 and "c1.toml" in problems[0]


def test_player_sessions_of_a_new_player_are_empty(tmp_path: Path) -> None:
    assert player_sessions(tmp_path, "Nobody") == ([], [])


def test_collecting_runs_without_collections_and_leaves_the_collector_on(tmp_path: Path,
                                                                         monkeypatch) -> None:
    import gc

    from quizgame.store import summary_index

    SavesFolder(tmp_path / "room").player("Ben").save_session(game("Ben", "b1", 4, finished=True))
    collecting: list[bool] = []
    scan = summary_index.scan_indexed

    def seen(root: Path, cache: Path) -> object:
        collecting.append(gc.isenabled())
        return scan(root, cache)

    monkeypatch.setattr("quizgame.classroom.merge.scan_indexed", seen)
    assert len(collect_games([tmp_path / "room"], cache=tmp_path / "cache").games) == 1
    assert collecting == [False] and gc.isenabled()
