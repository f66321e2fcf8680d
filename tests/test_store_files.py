"""Save files: atomic writes, TOML round trips, refusal of bad files, migrations.

Session files' summary lines and the reading of summaries alone are in test_store_sessions.py.
"""

from __future__ import annotations

import math
import os
import shutil
import time
import tomllib
import typing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import BaseModel

from quizgame.engine.records import AnswerRecord, CardState, SessionRecord
from quizgame.errors import SaveError
from quizgame.store.documents import load, save
from quizgame.store.files import write_atomic
from quizgame.store.migrations import FORMAT_VERSION, FormatError, migrate
from quizgame.store.models import CARDS, PLAYER, CardsFile, PlayerProfile, SessionSummary
from quizgame.store.sessions import read_record, read_summary, write_session

DATA = Path(__file__).parent / "data" / "store"
BAD = sorted((DATA / "bad").glob("*.toml"))
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def a_session(**changes: object) -> SessionRecord:
    answers = [
        AnswerRecord(question_id="q1", question_type="choice", given="Paris", correct=True,
                     credit=1.0, points=1000, elapsed_ms=4000, answered_at=NOW),
        AnswerRecord(question_id="q2", question_type="multi", given=["Rome", "Oslo"],
                     correct=False, credit=0.5, points=500, elapsed_ms=100, hint_used=True,
                     answered_at=NOW + timedelta(seconds=5)),
        AnswerRecord(question_id="q3", question_type="number", given=-1.5e300, correct=False,
                     credit=0.0, elapsed_ms=0, timed_out=True, answered_at=NOW),
        AnswerRecord(question_id="q4", question_type="truefalse", given=False, correct=True,
                     credit=1.0, elapsed_ms=1, overridden=True, answered_at=NOW),
        AnswerRecord(question_id="q5", question_type="text", given="Zoë \"quoted\"\n'x' \\ 😀",
                     correct=False, credit=0.0, elapsed_ms=1, answered_at=NOW),
        AnswerRecord(question_id="q6", question_type="number", correct=False, credit=0.0,
                     elapsed_ms=30000, timed_out=True, answered_at=NOW),
    ]
    fields: dict[str, object] = dict(
        id="20250303T090000Z-capitals-a1b2c3", quiz_id="capitals", quiz_title="Capitals «1»",
        player="Zoë", mode="quiz", seed=2**40, started_at=NOW, question_count=6, score=1500,
        answers=answers,
    )
    return SessionRecord(**{**fields, **changes})


def a_card(question_id: str = "q1", **changes: object) -> CardState:
    fields: dict[str, object] = dict(question_id=question_id, card_id=2**62, state=2, step=None,
                                     stability=12.345678901234567, difficulty=5.5,
                                     due=NOW + timedelta(days=3), last_review=NOW, reviews=4,
                                     lapses=1)
    return CardState(**{**fields, **changes})


# -- atomic writes ---------------------------------------------------------------------------


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.toml"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["file.toml"]


def test_a_failed_write_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.toml"
    write_atomic(target, b"old contents")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SaveError, match=r"file\.toml: cannot be written: No space left on device"):
        write_atomic(target, b"new contents")
    assert target.read_bytes() == b"old contents"
    assert os.listdir(tmp_path) == ["file.toml"]


def test_write_atomic_fsyncs_file_and_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    write_atomic(tmp_path / "file.toml", b"x")
    assert len(synced) == (1 if os.name == "nt" else 2)


# -- round trips -----------------------------------------------------------------------------


def test_a_session_round_trips_exactly(tmp_path: Path) -> None:
    path = tmp_path / "session.toml"
    record = a_session()
    write_session(path, record)
    assert read_record(path) == record
    assert read_summary(path) == SessionSummary.of(record)


@pytest.mark.parametrize(
    "card",
    [a_card(), a_card(state=1, step=0, stability=None, difficulty=None, last_review=None),
     a_card(state=3, step=1, introduced=NOW)],
    ids=["review-step-none", "new", "relearning"],
)
def test_cards_round_trip_exactly(tmp_path: Path, card: CardState) -> None:
    path = tmp_path / "cards.toml"
    save(path, CardsFile(quiz_id="capitals", cards=[card]))
    assert load(path, CARDS).cards == [card]


def test_save_files_are_readable_toml_with_a_format_and_no_null(tmp_path: Path) -> None:
    path = tmp_path / "session.toml"
    write_session(path, a_session(question_count=12))  # left halfway: no finished_at
    text = path.read_text(encoding="utf-8")
    table = tomllib.loads(text)
    assert text.startswith(f"format = {FORMAT_VERSION}\n")
    assert "finished_at" not in table
    assert "given" not in table["answers"][5]
    assert 'player = "Zoë"' in text


@pytest.mark.parametrize("number", [math.inf, -math.inf, 1e-300, 5e-324])
def test_extreme_numbers_survive_a_card_file(tmp_path: Path, number: float) -> None:
    path = tmp_path / "cards.toml"
    save(path, CardsFile(quiz_id="capitals", cards=[a_card(stability=number)]))
    assert load(path, CARDS).cards[0].stability == number


def test_infinite_numbers_survive_a_session_file(tmp_path: Path) -> None:
    path = tmp_path / "session.toml"
    record = a_session()
    record.answers[2] = record.answers[2].model_copy(update={"given": math.inf})
    write_session(path, record)
    assert read_record(path).answers[2].given == math.inf


RECORD_MODELS = [SessionRecord, AnswerRecord, CardState, CardsFile, PlayerProfile, SessionSummary]


@pytest.mark.parametrize("model", RECORD_MODELS, ids=lambda model: model.__name__)
def test_every_optional_field_defaults_to_none(model: type[BaseModel]) -> None:
    # Saves omit None (TOML has no null), so an absent key must read back as None.
    for name, field in model.model_fields.items():
        if type(None) in typing.get_args(field.annotation):
            assert field.default is None, f"{model.__name__}.{name} must default to None"


# -- bad files ---------------------------------------------------------------------------------


READERS = [read_record, read_summary]


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.__name__)
@pytest.mark.parametrize("bad", BAD, ids=lambda path: path.stem)
def test_a_bad_file_is_refused_by_name_and_left_unchanged(
    tmp_path: Path, bad: Path, reader: typing.Callable[[Path], object]
) -> None:
    path = tmp_path / bad.name
    shutil.copyfile(bad, path)
    with pytest.raises(SaveError) as caught:
        reader(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "left as it is" in str(caught.value)
    assert path.read_bytes() == bad.read_bytes()
    assert sorted(os.listdir(tmp_path)) == [bad.name]


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.__name__)
@pytest.mark.parametrize(
    ("stem", "problem"),
    [
        ("not-toml", "is not valid TOML: Unclosed array (at line 12, column 1)"),
        ("not-utf8", "is not UTF-8 text (byte 0xff on line 15)"),
        ("wrong-types", "score: Input should be a valid integer"),
        ("future-format", "was written by a newer quizgame (format 99; this version reads up to"),
        ("no-format", "has no `format` key"),
        ("unknown-key", "bonus: unknown key"),
        ("naive-datetime", "started_at: Input should have timezone info"),
    ],
)
def test_the_problem_is_named(
    stem: str, problem: str, reader: typing.Callable[[Path], object]
) -> None:
    with pytest.raises(SaveError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        reader(DATA / "bad" / f"{stem}.toml")


def test_the_toml_files_are_all_there_is(tmp_path: Path) -> None:
    save(tmp_path / "player.toml", PlayerProfile(name="Zoë", created_at=NOW))
    save(tmp_path / "cards.toml", CardsFile(quiz_id="capitals", cards=[a_card()]))
    write_session(tmp_path / "session.toml", a_session())
    load(tmp_path / "player.toml", PLAYER)
    load(tmp_path / "cards.toml", CARDS)
    read_record(tmp_path / "session.toml")
    read_summary(tmp_path / "session.toml")
    assert sorted(os.listdir(tmp_path)) == ["cards.toml", "player.toml", "session.toml"]


# -- migrations --------------------------------------------------------------------------------


def test_migrations_run_in_order_from_the_file_version_to_the_current() -> None:
    registry = {
        "session": {
            1: lambda table: {**table, "steps": [*table.get("steps", []), "1->2"]},
            2: lambda table: {**table, "steps": [*table["steps"], "2->3"]},
        }
    }
    assert migrate("session", {"format": 1, "id": "x"}, current=3, registry=registry) == {
        "id": "x", "steps": ["1->2", "2->3"]}
    assert migrate("session", {"format": 2, "steps": []}, current=3, registry=registry) == {
        "steps": ["2->3"]}
    assert migrate("session", {"format": 3, "id": "x"}, current=3, registry=registry) == {"id": "x"}
    assert migrate("cards", {"format": 1, "id": "x"}, current=3, registry=registry) == {"id": "x"}


@pytest.mark.parametrize(
    ("table", "message"),
    [({}, "no `format` key"), ({"format": "1"}, "not a save format version"),
     ({"format": True}, "not a save format version"), ({"format": 0}, "not a save format version"),
     ({"format": FORMAT_VERSION + 1}, "newer quizgame")],
)
def test_unusable_format_versions_are_refused(table: dict, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        migrate("session", table)


def test_migrate_leaves_the_parsed_table_as_it_was() -> None:
    # It used to pop `format` from its argument: the parametrized tables above lost it after one
    # run, so repeating those tests failed.
    table = {"format": FORMAT_VERSION, "id": "x"}
    assert migrate("session", table) == {"id": "x"}
    assert migrate("session", table) == {"id": "x"}
    assert table == {"format": FORMAT_VERSION, "id": "x"}


def test_the_committed_format_1_saves_still_load(tmp_path: Path) -> None:
    folder = shutil.copytree(DATA / "saves" / "ana-24d4b96f58", tmp_path / "ana")
    quiz, practice = (read_record(path) for path in sorted((folder / "sessions").glob("*.toml")))
    assert (quiz.score, quiz.correct_count, quiz.finished) == (1900, 2, True)
    assert quiz.answers[1].given == 58000.0 and quiz.answers[1].hint_used
    assert (practice.mode, practice.finished) == ("practice", False)
    assert practice.answers[0].overridden
    cards = load(folder / "cards" / "capitals.toml", CARDS).cards
    assert [(card.question_id, card.step) for card in cards] == [("q3", 1), ("q1", None)]


# -- permissions, links and leftovers (issue 10, low) --------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_save_files_get_the_permissions_the_umask_gives(
    tmp_path: Path, umask: int, mode: int
) -> None:
    old = os.umask(umask)
    try:
        write_session(tmp_path / "session.toml", a_session())
        save(tmp_path / "cards.toml", CardsFile(quiz_id="capitals", cards=[a_card()]))
    finally:
        os.umask(old)
    for name in ("session.toml", "cards.toml"):
        assert (tmp_path / name).stat().st_mode & 0o777 == mode


@pytest.mark.parametrize("link", ["sessions", "player"])
def test_a_link_out_of_the_saves_folder_is_never_written_through(
    tmp_path: Path, link: str
) -> None:
    from quizgame.store import SavesFolder

    root, elsewhere = tmp_path / "saves", tmp_path / "elsewhere"
    elsewhere.mkdir()
    zoe = SavesFolder(root).player("Zoë")
    if link == "sessions":
        (zoe.path / "sessions").symlink_to(elsewhere, target_is_directory=True)
    else:
        moved = shutil.move(zoe.path, elsewhere / zoe.path.name)
        zoe.path.symlink_to(moved, target_is_directory=True)
    with pytest.raises(SaveError, match="is a link to a folder outside the saves folder"):
        zoe.save_session(a_session())
    with pytest.raises(SaveError, match="outside the saves folder"):
        zoe.check_writable()
    assert not [path for path in elsewhere.rglob("*") if path.name != "player.toml"
                and path.is_file() and path.name != ".lock"]


def test_stale_temporaries_are_removed_by_the_next_new_file(tmp_path: Path) -> None:
    old = tmp_path / ".20250303T090000Z-capitals-a1b2c3.toml.k1ll3d.tmp"
    fresh = tmp_path / ".other.toml.writing.tmp"
    for leftover in (old, fresh):
        leftover.write_bytes(b"half a save")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    write_session(tmp_path / "new-game.toml", a_session())
    assert not old.exists()
    assert fresh.exists()  # a live writer's, seconds old
