"""Session files: the summary lines ahead of the answers, and summaries read from them alone."""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.errors import SaveError
from quizgame.store import SavesFolder, migrations, sessions
from quizgame.store.models import SessionSummary
from quizgame.store.sessions import SUMMARY_LINES, read_record, read_summary, write_session

DATA = Path(__file__).parent / "data" / "store"
HOSTILE = Path(__file__).parent / "data" / "hostile"
DOCS = Path(__file__).parent.parent / "docs" / "saves.md"
COMMITTED = sorted((DATA / "saves" / "ana-24d4b96f58" / "sessions").glob("*.toml"))
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
LINES = "answered = 3\ncorrect = 2\nduration_ms = 6000\nmarked = 0\n"


def a_game(answers: int = 3, finished: bool = True) -> SessionRecord:
    return SessionRecord(
        id="20250303T090000Z-capitals-a1b2c3", quiz_id="capitals", quiz_title="Capitals",
        player="Zoë", mode="quiz", seed=4, started_at=NOW, question_count=3, score=2000,
        finished_at=NOW + timedelta(minutes=1) if finished else None,
        answers=[
            AnswerRecord(question_id=f"q{n}", question_type="choice", given="Paris",
                         correct=n != 1, credit=0.0 if n == 1 else 1.0, points=1000,
                         elapsed_ms=1000 * (n + 1), answered_at=NOW + timedelta(seconds=n))
            for n in range(answers)
        ],
    )


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "session.toml"
    write_session(path, a_game())
    return path


@pytest.fixture
def full_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path whose whole file gets parsed from now on."""
    parsed: list[Path] = []
    real = sessions.read_table

    def spy(path: Path, *args: object) -> dict:
        parsed.append(path)
        return real(path, *args)

    monkeypatch.setattr(sessions, "read_table", spy)
    return parsed


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the file ----------------------------------------------------------------------------------


def test_the_summary_lines_close_the_file_in_its_commit_marker(saved: Path) -> None:
    text = saved.read_text(encoding="utf-8")
    last = text.rsplit("\n[[saved]]\n", 1)[1]
    assert re.fullmatch(
        f'answers = 3\nkept = 0\nscore = 2000\nfinished_at = .*\n{LINES}checksum = "[0-9a-f]{{32}}"\n',
        last)
    assert tomllib.loads(text)["saved"][-1]["correct"] == 2
    assert sessions.intact(saved.read_bytes())


@pytest.mark.parametrize("answers", [0, 1, 3])
def test_summary_lines_count_the_answers_of_a_game_in_progress(
    tmp_path: Path, answers: int
) -> None:
    path = tmp_path / "session.toml"
    record = a_game(answers, finished=False)
    write_session(path, record)
    table = tomllib.loads(path.read_text(encoding="utf-8"))["saved"][-1]
    assert {name: table[name] for name in SUMMARY_LINES} == {
        "answered": answers, "correct": record.correct_count, "duration_ms": record.duration_ms,
        "marked": 0}
    assert read_summary(path) == SessionSummary.of(record)


def test_the_documented_example_is_what_quizgame_writes(
    tmp_path: Path, full_reads: list[Path]
) -> None:
    blocks = DOCS.read_text(encoding="utf-8").split("```toml\n")[1:]
    example = next(block.split("```")[0] for block in blocks if "[[answers]]" in block)
    path = tmp_path / "example.toml"
    path.write_text(example, encoding="utf-8")
    record = read_record(path)
    assert read_summary(path) == SessionSummary.of(record)
    assert full_reads == [path]  # the summary came from the header and the last marker
    # Saved as the game saves it: after each answer.
    saves = SavesFolder(tmp_path / "saves").player(record.player)
    for answered in range(1, len(record.answers) + 1):
        saves.save_session(record.model_copy(update={"answers": record.answers[:answered]}))
    (written,) = (saves.path / "sessions").glob("*.toml")
    assert written.read_text(encoding="utf-8") == example


# -- reading a summary reads the top of the file only ------------------------------------------


def test_a_summary_comes_from_the_text_before_the_answers(
    saved: Path, full_reads: list[Path]
) -> None:
    assert read_summary(saved) == SessionSummary.of(a_game())
    assert full_reads == []


@pytest.mark.parametrize("reader", [read_record, read_summary], ids=lambda r: r.__name__)
def test_damaged_answers_stop_every_reader_alike(
    saved: Path, reader: Callable[[Path], object]
) -> None:
    edit(saved, 'given = "Paris"', 'given = ["Paris"')
    with pytest.raises(SaveError, match="is not valid TOML"):
        reader(saved)


@pytest.mark.parametrize("reader", [read_record, read_summary], ids=lambda r: r.__name__)
def test_garbage_appended_is_the_same_error_for_every_reader(
    tmp_path: Path, reader: Callable[[Path], object]
) -> None:
    # A committed game with bytes appended by a crashed sync tool (issue 15, bug 7).
    path = shutil.copyfile(HOSTILE / "garbage-appended.save.toml", tmp_path / "garbage.toml")
    with pytest.raises(SaveError, match="garbage.toml: is not valid TOML"):
        reader(path)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda path: path.stem)
def test_files_without_summary_lines_are_read_in_full(
    path: Path, full_reads: list[Path]
) -> None:
    assert "\nanswered = " not in path.read_text(encoding="utf-8")  # older than summary lines
    assert read_summary(path) == SessionSummary.of(read_record(path))
    assert full_reads == [path, path]


@pytest.mark.parametrize(
    "lines",
    ['answered = 3\ncorrect = "two"\nduration_ms = 6000\n', "answered = 3\ncorrect = -2\n"
     "duration_ms = 6000\n", "answered = 3\nduration_ms = 6000\n"],
    ids=["not-a-number", "negative", "one-missing"],
)
def test_invalid_or_missing_summary_lines_are_ignored(
    saved: Path, lines: str, full_reads: list[Path]
) -> None:
    edit(saved, LINES, lines)
    assert read_summary(saved) == SessionSummary.of(a_game())
    assert read_record(saved) == a_game()
    assert len(full_reads) == 2


def test_after_a_hand_edit_every_reader_counts_the_answers(
    saved: Path, full_reads: list[Path]
) -> None:
    edit(saved, "correct = 2\n", "correct = 3\n")
    assert not sessions.intact(saved.read_bytes())
    assert read_summary(saved).correct == 2
    record = read_record(saved)
    assert record == a_game() and SessionSummary.of(record).correct == 2
    assert full_reads == [saved, saved]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [("correct = 2\n", "correct = 3\n", "correct = 3 but its answers give 2"),
     ("score = 3000\n", "score = 99999999\n",
      "score = 99999999 but its answers' points add up to 3000")],
)
def test_checked_reads_refuse_figures_the_answers_do_not_give(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    path = tmp_path / "session.toml"
    write_session(path, a_game().model_copy(update={"score": 3000}))
    assert read_summary(path, checked=True).score == 3000
    edit(path, old, new)
    for reader in (read_record, read_summary):
        with pytest.raises(SaveError, match=f"{problem} \\(edited by hand\\?\\)"):
            reader(path, checked=True)


def test_an_answers_line_inside_a_string_is_not_taken_for_the_answers(saved: Path) -> None:
    edit(saved, 'quiz_title = "Capitals"', 'quiz_title = """Capitals\n[[answers]]\n"""')
    assert read_summary(saved).quiz_title == "Capitals\n[[answers]]\n"
    assert read_summary(saved) == SessionSummary.of(read_record(saved))


def test_a_file_of_an_older_format_is_read_in_full(
    saved: Path, monkeypatch: pytest.MonkeyPatch, full_reads: list[Path]
) -> None:
    # Migrations see whole files: pretend this quizgame reads a newer format, by a migration.
    monkeypatch.setattr(migrations, "FORMAT_VERSION", migrations.FORMAT_VERSION + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, "session",  # type: ignore[index]
                        {migrations.FORMAT_VERSION - 1: dict})
    assert read_summary(saved) == SessionSummary.of(a_game())
    assert full_reads == [saved]


BAD = sorted((DATA / "bad").glob("*.toml"))
# Each fault is in the text before the answers, except for not-utf8's (in an answer).
TOP_FAULTS = [path for path in BAD if path.stem != "not-utf8"]


@pytest.mark.parametrize("bad", TOP_FAULTS, ids=lambda path: path.stem)
def test_a_fault_before_the_answers_gets_the_full_reads_error(tmp_path: Path, bad: Path) -> None:
    path = shutil.copyfile(bad, tmp_path / bad.name)
    text = path.read_bytes().replace(b"\n\n[[answers]]", f"\n{LINES}\n[[answers]]".encode(), 1)
    path.write_bytes(text)
    errors: list[str] = []
    for reader in (read_record, read_summary):
        with pytest.raises(SaveError) as caught:
            reader(path)
        errors.append(str(caught.value))
    assert errors[0] == errors[1]
    assert path.read_bytes() == text


@pytest.mark.parametrize("reader", [read_record, read_summary], ids=lambda r: r.__name__)
def test_a_missing_file_is_a_save_error(
    tmp_path: Path, reader: Callable[[Path], object]
) -> None:
    with pytest.raises(SaveError, match="cannot be read"):
        reader(tmp_path / "gone.toml")
