"""Session files of format 2: a save appends one block, a torn block is a save that never was,
format-1 files still read, and the checksum still tells a hand edit."""

from __future__ import annotations

import shutil
import tomllib
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from quizgame.engine.records import AnswerRecord, SessionRecord, UndoneAnswer
from quizgame.errors import SaveError
from quizgame.store import SavesFolder, sessions
from quizgame.store.models import SessionSummary
from quizgame.store.player import PlayerSaves
from quizgame.store.sessions import read_record, read_summary

DATA = Path(__file__).parent / "data" / "store"
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def answer(n: int, **changes: object) -> AnswerRecord:
    return AnswerRecord(question_id=f"q{n}", question_type="text", given=f"answer {n}",
                        correct=n % 3 != 1, credit=0.0 if n % 3 == 1 else 1.0,
                        points=0 if n % 3 == 1 else 100, elapsed_ms=1000 + n,
                        answered_at=NOW + timedelta(seconds=n)).model_copy(update=changes)


def empty_game(mode: str = "quiz") -> SessionRecord:
    return SessionRecord(id="20250303T090000Z-capitals-a1b2c3", quiz_id="capitals",
                         quiz_title="Capitals", player="Zoë", mode=mode, seed=4, started_at=NOW,
                         question_count=50)


def add(record: SessionRecord, n: int) -> None:
    record.answers.append(answer(n))
    record.score += record.answers[-1].points


def played(saves: PlayerSaves, answers: int) -> SessionRecord:
    """A quiz game of `answers` answers, saved after each one."""
    record = empty_game()
    for n in range(answers):
        add(record, n)
        saves.save_session(record)
    return record


def blocks(saves: PlayerSaves) -> tuple[int, int]:
    """How many [[saved]] markers and [[answers]] tables the game's file holds."""
    table = tomllib.loads(file_of(saves).read_text(encoding="utf-8"))
    return len(table["saved"]), len(table["answers"])


@pytest.fixture
def zoe(tmp_path: Path) -> PlayerSaves:
    return SavesFolder(tmp_path / "saves").player("Zoë")


def file_of(saves: PlayerSaves) -> Path:
    (path,) = (saves.path / "sessions").glob("*.toml")
    return path


def reread(saves: PlayerSaves, record_id: str) -> SessionRecord:
    return SavesFolder(saves.path.parent).player(saves.name).session(record_id)


def test_each_save_appends_its_answer_and_leaves_the_file_before_it_as_it_was(
    zoe: PlayerSaves,
) -> None:
    record = empty_game()
    sizes, before = [], b""
    for n in range(12):
        add(record, n)
        zoe.save_session(record)
        raw = file_of(zoe).read_bytes()
        assert raw.startswith(before)  # appended, never rewritten
        sizes.append(len(raw) - len(before))
        before = raw
        assert sessions.intact(raw)
        assert reread(zoe, record.id) == record
        assert read_summary(file_of(zoe)) == SessionSummary.of(record)
    # Answer 12 adds as many bytes as answer 2 (give or take a digit): flat, not growing.
    assert max(sizes[1:]) - min(sizes[1:]) <= 8


def test_replacing_undoing_and_finishing_append_and_read_back_exactly(zoe: PlayerSaves) -> None:
    record = empty_game("practice")
    for n in range(3):
        add(record, n)
        zoe.save_session(record)
    record.answers[-1] = record.answers[-1].model_copy(update={"sure": True})  # "I was sure"
    zoe.save_session(record)
    taken_back = record.answers.pop()  # undo
    record.undone.append(UndoneAnswer(**taken_back.model_dump(), undone_at=NOW))
    record.score -= taken_back.points
    zoe.save_session(record)
    add(record, 7)
    record.finished_at = NOW + timedelta(minutes=5)
    zoe.save_session(record)
    size = file_of(zoe).stat().st_size
    zoe.save_session(record)  # nothing new: nothing written
    assert file_of(zoe).stat().st_size == size
    assert reread(zoe, record.id) == record
    table = tomllib.loads(file_of(zoe).read_text(encoding="utf-8"))
    assert len(table["answers"]) == 5 and len(table["saved"]) == 6  # every write is kept


def test_a_save_costs_the_same_at_answer_20_and_at_answer_2000(zoe: PlayerSaves) -> None:
    # Memory stands in for time (timings have no place in tests): a save that looked at every
    # earlier answer (a copy of each as a dict, then compared) allocated for each of them.
    record = empty_game()
    peaks = {}
    for n in range(1, 2001):
        add(record, n)
        watched = n in (20, 2000)
        if watched:
            tracemalloc.start()
        zoe.save_session(record)
        if watched:
            peaks[n] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    assert peaks[2000] < peaks[20] + 2048, peaks
    assert reread(zoe, record.id) == record


def test_an_earlier_answer_replaced_by_an_equal_copy_still_appends(zoe: PlayerSaves) -> None:
    # The live hub saves snapshots (copies of every answer): compared by value, they append.
    record = played(zoe, 3)
    copy = record.model_copy(deep=True)
    add(copy, 3)
    zoe.save_session(copy)
    assert blocks(zoe) == (4, 4)
    assert reread(zoe, record.id) == copy


def test_answers_cannot_be_changed_in_place() -> None:
    # A save compares the answers it wrote by identity first: an answer changed in place would
    # be the same object, and its change never written. Answers are replaced instead.
    record = empty_game()
    add(record, 0)
    with pytest.raises(ValidationError, match="frozen"):
        record.answers[0].correct = False


def test_a_change_that_cannot_be_appended_rewrites_the_file_whole(zoe: PlayerSaves) -> None:
    record = played(zoe, 4)
    record.answers[0] = record.answers[0].model_copy(update={"claim": "rejected"})
    record.planned = ["q0", "q1", "q2", "q3"]
    zoe.save_session(record)
    assert blocks(zoe) == (1, 4)
    assert reread(zoe, record.id) == record


def test_every_field_of_an_answer_is_written_from_its_model(zoe: PlayerSaves) -> None:
    record = empty_game()
    add(record, 0)
    zoe.save_session(record)
    record.answers.append(answer(1, sure=False, claim="open", hint_used=True))
    zoe.save_session(record)
    written = tomllib.loads(file_of(zoe).read_text(encoding="utf-8"))["answers"][-1]
    assert written == record.answers[-1].model_dump(exclude_none=True)


@pytest.mark.parametrize("cut", range(1, 60, 3))
def test_a_save_cut_short_anywhere_is_left_out_and_the_answers_before_it_kept(
    zoe: PlayerSaves, cut: int
) -> None:
    record = empty_game()
    for n in range(3):
        add(record, n)
        zoe.save_session(record)
    before = record.model_copy(deep=True)
    whole = file_of(zoe).read_bytes()
    add(record, 3)
    zoe.save_session(record)
    path = file_of(zoe)
    block = path.read_bytes()[len(whole):]
    path.write_bytes(whole + block[: len(block) * cut // 60])  # killed mid-write
    assert read_record(path) == before
    assert read_summary(path, checked=True) == SessionSummary.of(before)
    assert sessions.intact(path.read_bytes())
    # The game, continued in another process, writes the file anew, torn tail gone.
    again = SavesFolder(zoe.path.parent).player("Zoë")
    resumed = again.session(record.id)
    add(resumed, 3)
    again.save_session(resumed)
    assert reread(zoe, record.id) == resumed
    assert b"answer 3" in path.read_bytes() and path.read_bytes().count(b"[[answers]]") == 4


def test_an_append_cuts_off_a_torn_tail_first(zoe: PlayerSaves) -> None:
    record = empty_game()
    add(record, 0)
    zoe.save_session(record)
    path = file_of(zoe)
    # A reader finds the file as this process left it only when nothing else wrote it: a
    # tail left by a crash makes the next save a full rewrite, which reads the file first.
    with path.open("ab") as stream:
        stream.write(b"\n[[answers]]\nquestion_id = \"q9\"\nquest")
    add(record, 1)
    zoe.save_session(record)
    assert reread(zoe, record.id) == record
    assert b"q9" not in path.read_bytes()


def test_a_hand_edit_of_any_block_is_seen_and_counted_from_the_answers(zoe: PlayerSaves) -> None:
    record = empty_game()
    for n in range(4):
        add(record, n)
        zoe.save_session(record)
    path = file_of(zoe)
    text = path.read_text(encoding="utf-8")
    # Answer q1 (wrong) made right, with its points, in the second block.
    edited = text.replace('given = "answer 1"\ncorrect = false\ncredit = 0.0\npoints = 0',
                          'given = "answer 1"\ncorrect = true\ncredit = 1.0\npoints = 100')
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    assert not sessions.intact(path.read_bytes())
    summary = read_summary(path)
    assert summary.correct == 4  # counted from the answers, not the marker's 3
    with pytest.raises(SaveError, match="score = 300 but its answers' points add up to 400"):
        read_summary(path, checked=True)


def test_cutting_the_file_back_to_an_earlier_save_is_that_earlier_game(zoe: PlayerSaves) -> None:
    # As documented: a file cut at a marker is the game as it was then (no score goes up).
    record = empty_game()
    add(record, 0)
    zoe.save_session(record)
    first = file_of(zoe).read_bytes()
    add(record, 2)
    zoe.save_session(record)
    file_of(zoe).write_bytes(first)
    assert read_summary(file_of(zoe), checked=True).score == 100


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [("kept = 1\n", "kept = 5\n", "`answers` and `kept` do not match"),
     ("kept = 1\n", "kept = 1\nbonus = 3\n", "unknown key 'bonus'")],
)
def test_a_marker_that_makes_no_sense_is_a_clear_error(
    zoe: PlayerSaves, old: str, new: str, problem: str
) -> None:
    record = empty_game()
    for n in range(2):
        add(record, n)
        zoe.save_session(record)
    path = file_of(zoe)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    for reader in (read_record, read_summary):
        with pytest.raises(SaveError, match=problem):
            reader(path)


def test_a_file_of_format_1_reads_from_its_summary_lines_and_is_rewritten_in_format_2(
    zoe: PlayerSaves, monkeypatch: pytest.MonkeyPatch
) -> None:
    (zoe.path / "sessions").mkdir()
    path = shutil.copyfile(DATA / "format-1-game.toml",
                           zoe.path / "sessions" / "20250304T090000Z-capitals-d4e5f6.toml")
    assert path.read_text(encoding="utf-8").startswith("format = 1\n")
    assert sessions.intact(path.read_bytes())
    parsed: list[Path] = []
    real = sessions.read_table
    monkeypatch.setattr(sessions, "read_table", lambda p, *a: parsed.append(p) or real(p, *a))
    (summary,) = zoe.summaries()
    assert parsed == []  # from the summary lines, not the answers
    record = zoe.session(summary.id)
    assert SessionSummary.of(record) == summary
    add(record, 5)
    zoe.save_session(record)
    assert path.read_text(encoding="utf-8").startswith("format = 2\n")
    assert reread(zoe, record.id) == record


def test_garbage_a_sync_tool_appends_is_left_out_like_a_save_cut_short(zoe: PlayerSaves) -> None:
    record = empty_game()
    for n in range(2):
        add(record, n)
        zoe.save_session(record)
    path = file_of(zoe)
    path.write_bytes(path.read_bytes() + b"\x00\x00\xff<<<<<<< conflict\n[[answers]\n")
    assert read_record(path, checked=True) == record
    assert read_summary(path, checked=True) == SessionSummary.of(record)
