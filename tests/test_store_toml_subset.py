"""The fast reader of save files as tomli_w writes them: it reads what tomllib reads, or declines."""

from __future__ import annotations

import math
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgame.engine.records import AnswerRecord, CardState, SessionRecord
from quizgame.store.models import CardsFile, PlayerProfile
from quizgame.store.toml_subset import parse_subset

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def exact(value: Any) -> Any:
    """`value` with types and offsets made visible: `True == 1`, `1 == 1.0`, `nan != nan` and
    equal instants in two time zones would otherwise fool the comparison."""
    if isinstance(value, dict):
        return [(key, exact(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [exact(item) for item in value]
    shown = value.isoformat() if isinstance(value, datetime) else repr(value)
    return (type(value).__name__, shown)


def agrees_with_tomllib(text: str) -> bool:
    """Whether `parse_subset` declined or read exactly what tomllib reads."""
    table = parse_subset(text)
    return table is None or exact(table) == exact(tomllib.loads(text))


# -- what quizgame writes is read fast, and right -------------------------------------------------


def dumped(document: Any) -> str:
    return tomli_w.dumps({"format": 1, **document.model_dump(exclude_none=True)})


def a_session() -> SessionRecord:
    long_list = [f"Item number {n} of a long order question" for n in range(6)]
    givens: list[Any] = ["Paris", "Zoë «1» 😀", ["Rome", "Oslo"], long_list, [], True, False,
                         58000.0, -1.5e300, math.inf, 5e-324, None]
    return SessionRecord(
        id="20250303T090000Z-capitals-a1b2c3", quiz_id="capitals", quiz_title="Capitals",
        player="Zoë", mode="quiz", seed=2**40, started_at=NOW, finished_at=NOW, score=1500,
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
def test_save_files_are_read_fast_and_as_tomllib_reads_them(document: Any) -> None:
    text = dumped(document)
    assert parse_subset(text) is not None
    assert agrees_with_tomllib(text)


KEYS = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
SCALARS = st.one_of(
    st.text(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    st.booleans(),
    st.datetimes(timezones=st.one_of(st.just(UTC), OFFSETS)),
    st.lists(st.text(), max_size=5),
)
TABLES = st.dictionaries(KEYS, SCALARS, max_size=8)


@given(TABLES, st.dictionaries(KEYS, st.lists(TABLES, min_size=1, max_size=3), max_size=2))
def test_what_tomli_w_writes_is_read_as_tomllib_reads_it(
    plain: dict[str, Any], arrays: dict[str, list[dict[str, Any]]]
) -> None:
    assert agrees_with_tomllib(tomli_w.dumps({**plain, **arrays}))


# -- anything else is declined, never misread ----------------------------------------------------


STRING_CHARS = 'ab é😀"\\\t\r\x7f\u2028#=,[]'
STRINGS = st.text(st.sampled_from(STRING_CHARS), max_size=6).map(lambda text: f'"{text}"')
VALUE_TEXTS = st.one_of(
    STRINGS,
    st.from_regex(r"[+-]?[0-9_]{1,6}(\.[0-9_]{0,3})?([eE][+-]?[0-9_]{0,3})?", fullmatch=True),
    st.sampled_from(["true", "false", "True", "tru", "inf", "-inf", "+inf", "nan", "-nan", "{}",
                     "[1]", "[", "[ ]", "[]"]),
    st.from_regex(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,8})?"
        r"([Zz]|[+-][0-9]{2}:[0-9]{2})?)?", fullmatch=True),
    st.lists(STRINGS, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
)
LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([" = ", " = ", "=", "  = "]), VALUE_TEXTS).map("".join),
    STRINGS.map(lambda item: f"    {item},"),
    st.sampled_from(["", " ", "]", "  ]", "# comment", "[x]", "[[x]]", "[[answers]]", "[[ x ]]",
                     "[[x.y]]", "x.y = 1", "\r"]),
)


@settings(max_examples=500)
@given(st.lists(LINES, max_size=8).map("\n".join))
def test_any_text_is_read_as_tomllib_reads_it_or_declined(text: str) -> None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert parse_subset(text) is None
    else:
        assert agrees_with_tomllib(text)


@pytest.mark.parametrize(
    "text",
    [
        "# a comment\n", "a = 1 # comment\n", 'a = "tab\there"\n', 'a = "line\\nbreak"\n',
        "a = +1\n", "a = 1_000\n", "a = 007\n", "a = 1.\n", "a = .5\n", "a=1\n",
        "a = 2025-03-04 09:00:00\n", "a = 2025-02-30 09:00:00+00:00\n", "a = 1\na = 2\n",
        "a = 1\r\n", "  \n", 'a."b" = 1\n', "a = [1]\n", "a = { b = 1 }\n", "a = True\n",
        "[a]\nb = 1\n", "a = 1\n[[a]]\n", "[[a]]\nb = 1\nb = 2\n", 'a = [\n    "x"\n]\n',
        'a = [\n    "x",\n', 'a = [\n\n]\n', "[[ a ]]\n",
    ],
)
def test_other_shapes_are_left_to_tomllib(text: str) -> None:
    assert parse_subset(text) is None


def test_arrays_of_tables_gather_their_keys() -> None:
    text = 'format = 1\nquiz_id = "x"\n\n[[cards]]\nq = "a"\n\n[[cards]]\nq = "b"\nn = 2\n'
    assert parse_subset(text) == {"format": 1, "quiz_id": "x",
                                  "cards": [{"q": "a"}, {"q": "b", "n": 2}]}
