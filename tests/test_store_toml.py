"""Save files are parsed with rtoml (documents.parse_toml): to the same tables tomllib gives, and
with tomllib's error messages."""

from __future__ import annotations

import copy
import math
import pickle
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import rtoml
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from quizgame.engine.records import AnswerRecord, CardState, SessionRecord
from quizgame.errors import SaveError
from quizgame.store.documents import parse_toml
from quizgame.store.models import CardsFile, PlayerProfile
from quizgame.store.sessions import read_record, read_summary

DATA = Path(__file__).parent / "data"
FIXTURES = sorted((DATA / "store").rglob("*.toml")) + sorted((DATA / "classroom").rglob("*.toml"))
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def exact(value: Any) -> Any:
    """`value` with types made visible, time zones' included: `True == 1`, `1 == 1.0`,
    `nan != nan` and equal instants in two time zones would otherwise fool the comparison."""
    if isinstance(value, dict):
        return [(key, exact(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [exact(item) for item in value]
    if isinstance(value, datetime):
        return ("datetime", value.isoformat(), type(value.tzinfo).__name__)
    return (type(value).__name__, repr(value))


def assert_read_as_tomllib_reads(text: str) -> None:
    assert exact(parse_toml(text)) == exact(tomllib.loads(text))


# -- what quizgame writes, and what is committed, is read as tomllib reads it ----------------------


def dumped(document: Any) -> str:
    return tomli_w.dumps({"format": 1, **document.model_dump(exclude_none=True)})


def a_session() -> SessionRecord:
    long_list = [f"Item number {n} of a long order question" for n in range(6)]
    givens: list[Any] = ["Paris", 'Zoë «1» 😀 "quoted" \\ \t\n', ["Rome", "Oslo"], long_list,
                         [], True, False, 58000.0, -1.5e300, math.inf, -math.inf, math.nan,
                         5e-324, None]
    return SessionRecord(
        id="20250303T090000Z-capitals-a1b2c3", quiz_id="capitals", quiz_title="Capitals",
        player="Zoë", mode="quiz", seed=2**70, started_at=NOW, finished_at=NOW, score=1500,
        answers=[
            AnswerRecord(question_id=f"q{n}", question_type="text", given=given, correct=n % 2 == 0,
                         credit=n / len(givens), elapsed_ms=1234 * n, hint_used=n == 3,
                         answered_at=NOW + timedelta(seconds=n, microseconds=n))
            for n, given in enumerate(givens)
        ],
    )


@pytest.mark.parametrize(
    "document",
    [
        a_session(),
        CardsFile(quiz_id="capitals", cards=[
            CardState(question_id="q1", card_id=2**62, state=2, stability=12.345678901234567,
                      difficulty=5.5, due=NOW, last_review=NOW, reviews=4, lapses=1),
            CardState(question_id="q2", card_id=7, step=0, due=NOW, introduced=NOW)]),
        PlayerProfile(name="Zoë", created_at=NOW),
    ],
    ids=["session", "cards", "player"],
)
def test_save_files_are_read_as_tomllib_reads_them(document: Any) -> None:
    assert_read_as_tomllib_reads(dumped(document))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: str(path.relative_to(DATA)))
def test_committed_files_are_read_as_tomllib_reads_them(path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8")
        expected = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return  # the broken fixtures: see the error tests below
    assert exact(parse_toml(text)) == exact(expected)


KEYS = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True) | st.text(min_size=1, max_size=5)
OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
SCALARS = st.one_of(
    st.text(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.booleans(),
    st.datetimes(timezones=st.one_of(st.just(UTC), OFFSETS)),
    st.lists(st.text(), max_size=5),
    st.lists(st.floats() | st.booleans(), max_size=3),
)
TABLES = st.dictionaries(KEYS, SCALARS, max_size=8)


@given(TABLES, st.dictionaries(KEYS, st.lists(TABLES, min_size=1, max_size=3), max_size=2))
def test_what_tomli_w_writes_is_read_as_tomllib_reads_it(
    plain: dict[str, Any], arrays: dict[str, list[dict[str, Any]]]
) -> None:
    assert_read_as_tomllib_reads(tomli_w.dumps({**plain, **arrays}))


def test_what_rtoml_refuses_and_tomllib_reads_is_read() -> None:
    text = "huge = 1e400\n"
    with pytest.raises(rtoml.TomlParsingError):
        rtoml.loads(text)
    assert parse_toml(text) == {"huge": math.inf}


def test_loaded_records_can_be_copied_and_pickled() -> None:
    """rtoml's own time zones can be neither: they are replaced by `datetime.timezone`s."""
    path = DATA / "store" / "saves" / "ana-24d4b96f58" / "sessions"
    record = read_record(path / "20250303T090000Z-capitals-a1b2c3.toml")
    assert record.started_at.tzinfo is UTC
    assert record.answers[0].answered_at.tzinfo is UTC
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.deepcopy(record) == record == record.model_copy(deep=True)


# -- a broken file gets tomllib's message, line and column ----------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('format = 1\nscore = [0\n\n[[answers]]\nq = "a"\n',
         "Unclosed array (at line 4, column 1)"),
        ("format = 1\nformat = 2\n", "Cannot overwrite a value (at line 2, column 11)"),
        ('format = 1\nname = "Zo\\q"\n', "Unescaped '\\' in a string (at line 2, column 13)"),
        ("format = 1\nday = 2025-02-30 09:00:00+00:00\n",
         "Invalid date or datetime (at line 2, column 7)"),
    ],
)
def test_a_broken_file_gets_tomllib_s_message(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as parsed:
        tomllib.loads(text)
    assert str(parsed.value) == message
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    for reader in (read_record, read_summary):
        with pytest.raises(SaveError) as raised:
            reader(path)
        assert str(raised.value) == (
            f"{path}: is not valid TOML: {message} (the file was left as it is)"
        )
    assert path.read_text(encoding="utf-8") == text
