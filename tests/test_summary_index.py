"""The summary index `scores` keeps in the cache folder: the same games as reading every file,
never the truth (a newer, new, deleted or edited save is what its file says), and an index edited
by hand fakes nothing."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.store import SavesFolder, scan_summaries, summary_index
from quizgame.store import player as player_module
from quizgame.store.models import SessionSummary
from quizgame.store.summary_index import index_path, scan_indexed

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
HOSTILE = Path(__file__).parent / "data" / "hostile"


def game(player: str, number: int, answers: int = 3) -> SessionRecord:
    started = START + timedelta(days=number)
    record = SessionRecord(
        id=f"{started:%Y%m%dT%H%M%SZ}-capitals-{number:06x}", quiz_id="capitals",
        quiz_title="Capitals", player=player, mode="quiz", seed=number, started_at=started,
        question_count=answers)
    for n in range(answers):
        record.answers.append(AnswerRecord(
            question_id=f"q{n}", question_type="choice", given="A", correct=n != 1,
            credit=0.0 if n == 1 else 1.0, points=0 if n == 1 else 100 + number,
            elapsed_ms=1000, answered_at=started + timedelta(seconds=n)))
        record.score += record.answers[-1].points
    return record


@pytest.fixture
def root(tmp_path: Path) -> Path:
    saves = SavesFolder(tmp_path / "saves")
    for name in ("Zoë", "Ana", "Bob"):
        player = saves.player(name)
        for number in range(3):
            record = game(name, number)
            if number == 2:  # the index carries a game's accommodations as its file does
                record.accommodations = ["time=2", "no-speed-points"]
            player.save_session(record)
    return saves.root


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every session file read (rather than taken from the index) from now on."""
    read: list[Path] = []
    real = player_module.PlayerSaves.summary

    def spy(self: player_module.PlayerSaves, path: Path) -> object:
        read.append(path)
        return real(self, path)

    monkeypatch.setattr(player_module.PlayerSaves, "summary", spy)
    return read


def scores(scan: object) -> dict[tuple[str, str], int]:
    return {(item.key, item.summary.id): item.summary.score for item in scan.items}  # type: ignore[attr-defined]


def same_as_files(root: Path, cache: Path) -> object:
    indexed = scan_indexed(root, cache)
    direct = scan_summaries(root)
    assert [(i.player, i.key, i.created_at) for i in indexed.items] == [
        (i.player, i.key, i.created_at) for i in direct.items]
    fields = list(SessionSummary.model_fields)
    assert [[getattr(i.summary, name) for name in fields] for i in direct.items] == [
        [getattr(i.summary, name) for name in fields] for i in indexed.items]
    assert indexed.problems == direct.problems
    return indexed


def test_the_second_scan_reads_no_file_and_gives_the_same_games(
    root: Path, cache: Path, reads: list[Path]
) -> None:
    same_as_files(root, cache)
    assert len(reads) == 9
    reads.clear()
    scan = scan_indexed(root, cache)
    assert reads == []
    assert len(scan.items) == 9
    assert index_path(cache, root).is_file()


def test_the_index_is_written_in_the_cache_folder_and_nothing_in_the_saves_folder(
    root: Path, cache: Path
) -> None:
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    scan_indexed(root, cache)
    scan_indexed(root, cache)
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*")) == before
    assert index_path(cache, root).parent == cache / "summaries"
    assert (cache / "summaries" / "key").stat().st_mode & 0o077 == 0


def test_a_save_newer_than_the_index_a_new_one_and_a_deleted_one_are_as_the_files_say(
    root: Path, cache: Path, reads: list[Path]
) -> None:
    scan_indexed(root, cache)
    ana = SavesFolder(root).player("Ana")
    record = ana.session(game("Ana", 0).id)
    record.answers.append(record.answers[0].model_copy(update={"question_id": "q9"}))
    record.score += record.answers[-1].points
    ana.save_session(record)  # appended: newer than the index
    ana.save_session(game("Ana", 7))  # not in the index
    (SavesFolder(root).player("Bob").path / "sessions" / f"{game('Bob', 1).id}.toml").unlink()
    reads.clear()
    scan = same_as_files(root, cache)
    assert sorted(path.name for path in reads) == sorted(
        [f"{game('Ana', 0).id}.toml", f"{game('Ana', 7).id}.toml"])
    assert scores(scan)[("ana-24d4b96f58", record.id)] == record.score
    assert len(scan.items) == 9  # one more, one fewer


def test_an_edited_index_fakes_no_score_and_is_rebuilt(root: Path, cache: Path) -> None:
    scan_indexed(root, cache)
    path = index_path(cache, root)
    text = path.read_text(encoding="utf-8")
    assert ',200,' in text  # Zoë's first game: 100 + 100 points
    path.write_text(text.replace(",200,", ",99999,"), encoding="utf-8")
    assert 99999 not in scores(same_as_files(root, cache)).values()
    assert ",99999," not in path.read_text(encoding="utf-8")


def test_a_save_edited_behind_the_index_with_its_size_and_time_kept_is_read_again(
    root: Path, cache: Path
) -> None:
    scan_indexed(root, cache)
    path = SavesFolder(root).player("Zoë").path / "sessions" / f"{game('Zoë', 0).id}.toml"
    status = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("score = 200\n", "score = 900\n")  # same size, checksum left alone
    assert len(edited) == len(text)
    with path.open("r+", encoding="utf-8") as stream:  # in place: same inode
        stream.write(edited)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # and its time put back
    scan = same_as_files(root, cache)
    assert all(score != 900 for score in scores(scan).values())
    assert any("score = 900 but its answers' points add up to 200" in p for p in scan.problems)


def test_an_unreadable_save_is_named_every_time_and_never_indexed(root: Path, cache: Path) -> None:
    sessions = SavesFolder(root).player("Bob").path / "sessions"
    shutil.copyfile(HOSTILE / "garbage-appended.save.toml", sessions / "broken.toml")
    for _ in range(2):
        scan = same_as_files(root, cache)
        assert [p for p in scan.problems if "broken.toml" in p]
    assert "broken.toml" not in index_path(cache, root).read_text(encoding="utf-8")


def test_a_cache_folder_that_cannot_be_written_costs_only_time(root: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    assert len(scan_indexed(root, blocked).items) == 9


@pytest.mark.parametrize("rows", [b'[["x"]]\n', b'{"not": "rows"}\n', b'[[1, 2, 3]]\n'])
def test_rows_this_code_did_not_write_are_read_again_even_under_a_valid_key(
    root: Path, cache: Path, rows: bytes
) -> None:
    scan_indexed(root, cache)
    path = index_path(cache, root)
    lines = path.read_bytes().splitlines(keepends=True)[:-1]
    lines[2] = rows  # the first player's rows
    body = b"".join(lines)
    key = bytes.fromhex((cache / "summaries" / "key").read_text())
    path.write_bytes(body + summary_index._mac(key, body) + b"\n")
    assert len(same_as_files(root, cache).items) == 9
