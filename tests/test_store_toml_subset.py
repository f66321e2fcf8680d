"""The fast reader of plain `key = value` lines: it reads what tomllib reads, or declines."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgame.store.toml_subset import parse_subset


def exact(table: dict[str, Any]) -> list[tuple[str, str, str]]:
    """A table with types and offsets made visible (`True == 1` and equal instants in two time
    zones would otherwise compare equal)."""
    return [
        (key, type(value).__name__,
         value.isoformat() if isinstance(value, datetime) else repr(value))
        for key, value in table.items()
    ]


def agrees_with_tomllib(text: str) -> bool:
    """Whether `parse_subset` declined or read exactly what tomllib reads."""
    table = parse_subset(text)
    return table is None or exact(table) == exact(tomllib.loads(text))


KEYS = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
VALUES = st.one_of(
    st.text(),
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.datetimes(timezones=st.one_of(st.just(UTC), OFFSETS)),
)


@given(st.dictionaries(KEYS, VALUES, max_size=15))
def test_what_tomli_w_writes_is_read_as_tomllib_reads_it(table: dict[str, Any]) -> None:
    text = tomli_w.dumps(table)
    assert agrees_with_tomllib(text)
    plain_strings = all(
        not any(char in value for char in '"\\\x7f') and all(ord(char) >= 0x20 for char in value)
        for value in table.values() if isinstance(value, str)
    )
    if plain_strings:  # then every line is of the fast kind
        assert parse_subset(text) is not None


# Lines of the accepted shape, and just outside it, to find any disagreement.
STRING_CHARS = 'ab é😀"\\\t\r\x7f\u2028#='
VALUE_TEXTS = st.one_of(
    st.text(st.sampled_from(STRING_CHARS), max_size=8).map(lambda text: f'"{text}"'),
    st.from_regex(r"[+-]?[0-9_]{1,8}", fullmatch=True),
    st.sampled_from(["true", "false", "True", "tru", "1.5", "inf", "[1]", "{}"]),
    st.from_regex(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,8})?"
        r"([Zz]|[+-][0-9]{2}:[0-9]{2})?)?", fullmatch=True),
)
LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([" = ", " = ", "=", "  = "]), VALUE_TEXTS).map("".join),
    st.sampled_from(["", " ", "# comment", "[x]", "[[answers]]", "a.b = 1", "\r"]),
)


@settings(max_examples=500)
@given(st.lists(LINES, max_size=6).map("\n".join))
def test_any_text_is_read_as_tomllib_reads_it_or_declined(text: str) -> None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert parse_subset(text) is None
    else:
        assert agrees_with_tomllib(text)


def test_a_session_top_is_read_fast() -> None:
    text = (
        'format = 1\nid = "20250303T090000Z-capitals-a1b2c3"\nquiz_title = "Capitales «1» 😀"\n'
        "seed = 1099511627776\nstarted_at = 2025-03-03 09:00:00+00:00\n"
        "finished_at = 2025-03-03T09:01:00.250000Z\nscore = 0\nflag = true\n\n"
    )
    assert parse_subset(text) == tomllib.loads(text)
    assert parse_subset(text)["finished_at"] == datetime(2025, 3, 3, 9, 1, 0, 250000, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "a = 1\n[[answers]]\nb = 2\n", "# a comment\n", "a = 1 # comment\n", 'a = "tab\there"\n',
        'a = "line\\nbreak"\n', "a = 1.5\n", "a = +1\n", "a = 1_000\n", "a = 007\n", "a=1\n",
        "a = 2025-03-04 09:00:00\n", "a = 2025-02-30 09:00:00+00:00\n", "a = 1\na = 2\n",
        "a = 1\r\n", "  \n", 'a."b" = 1\n', "a = [1]\n", "a = { b = 1 }\n", "a = True\n",
    ],
)
def test_anything_else_is_left_to_tomllib(text: str) -> None:
    assert parse_subset(text) is None
