"""Grading rules per type (tables in tests/data/engine/*-cases.toml), typed input, descriptions."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine_data import case_id, cases, question, quiz
from quizgame.engine.grading import (
    AnswerFormatError,
    describe_answer,
    grade,
    parse_response,
    right_answer,
)
from quizgame.engine.normalise import fold
from quizgame.engine.numbers import format_number
from quizgame.engine.presentation import PresentedQuestion
from quizgame.format.question_types import QUESTION_TYPES

GRADING = cases("grading-cases.toml")
PARSING = cases("parse-cases.toml")


def presented(quiz_name: str, question_id: str) -> PresentedQuestion:
    """The question shown with its options in the quiz's own order (no shuffle)."""
    q = question(quiz_name, question_id)
    options = {
        "choice": getattr(q, "choices", None),
        "multi": getattr(q, "choices", None),
        "poll": getattr(q, "choices", None),
        "order": getattr(q, "items", None),
        "match": [right for _, right in getattr(q, "pairs", [])],
        "categorize": [bucket.name for bucket in getattr(q, "buckets", [])],
    }.get(q.type) or ()
    lefts = tuple(left for left, _ in getattr(q, "pairs", []))
    if q.type == "categorize":
        lefts = tuple(q.bucket_of())  # type: ignore[union-attr]
    return PresentedQuestion(number=1, total=1, question=q, options=tuple(options), lefts=lefts)


@pytest.mark.parametrize("case", GRADING, ids=case_id)
def test_grading_table(case):
    q = question(case["quiz"], case["question"])
    if case.get("error"):
        with pytest.raises(AnswerFormatError):
            grade(q, case["response"])
        return
    result = grade(q, case["response"])
    assert result.credit == pytest.approx(case["credit"])
    assert result.correct == (case["credit"] == 1.0)
    assert result.canonical == case.get("canonical")


def test_every_type_has_grading_and_parsing_cases():
    types = {question(c["quiz"], c["question"]).type for c in GRADING}
    parsed = {question(c["quiz"], c["question"]).type for c in PARSING}
    assert types == parsed == set(QUESTION_TYPES)


@pytest.mark.parametrize("case", PARSING, ids=case_id)
def test_parsing_typed_answers(case):
    shown = presented(case["quiz"], case["question"])
    if case.get("error"):
        with pytest.raises(AnswerFormatError) as raised:
            parse_response(shown, case["raw"])
        assert str(raised.value)  # a message that says how to answer
        return
    assert parse_response(shown, case["raw"]) == case["expect"]


def test_match_given_is_recorded_as_rights_in_left_order():
    q = question("all-types", "languages")
    result = grade(q, {"Chile": "Spanish", "Brazil": "German"})
    assert result.given == ["German", "", "Spanish"]
    assert describe_answer(q, result.given) == "Brazil: German; Austria: (none); Chile: Spanish"


@pytest.mark.parametrize(
    ("question_id", "given", "said"),
    [
        ("capital", "Porto", "Porto"),
        ("mammals", ["Whale", "Shark"], "Whale, Shark"),
        ("sky", True, "True"),
        ("everest", 8850.0, "8850 m"),
        ("painter", "Dali", "Dali"),
        ("planets", ["Venus", "Mercury", "Earth", "Mars"], "Venus → Mercury → Earth → Mars"),
        ("painter", None, "(no answer)"),
    ],
)
def test_describe_answer(question_id, given, said):
    assert describe_answer(question("all-types", question_id), given) == said


def test_right_answers_in_words():
    said = {q.id: right_answer(q) for q in quiz("all-types").questions}
    assert said == {
        "capital": "Lisbon",
        "mammals": "Whale, Bat, Dolphin",
        "sky": "False",
        "everest": "8849 m (± 50 m)",
        "painter": "Pablo Picasso (also accepted: Picasso)",
        "planets": "Mercury → Venus → Earth → Mars",
        "languages": "Brazil: Portuguese; Austria: German; Chile: Spanish",
    }
    assert right_answer(question("numbers", "pi")) == "3.14 (± 0.01)"


@pytest.mark.parametrize(
    ("text", "folded"),
    [("  São-Paulo! ", "saopaulo"), ("Ærøskøbing", "aeroskobing"), ("Straße", "strasse"),
     ("ＡＢＣ", "abc"), ("Łódź", "lodz")],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(("value", "text"), [(2017.0, "2017"), (3.14, "3.14"), (-40.0, "-40"),
                                             (0.1 + 0.2, "0.3"), (1e20, "1e+20")])
def test_format_number(value, text):
    assert format_number(value) == text


# -- properties: grading never fails except with AnswerFormatError ----------------------------

ALL_QUESTIONS = [q for name in ("all-types", "accents", "numbers") for q in quiz(name).questions]
texts = st.text(max_size=40)
responses = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
    st.lists(texts, max_size=6),
    st.dictionaries(texts, texts, max_size=6),
    st.lists(st.integers(), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(q=st.sampled_from(ALL_QUESTIONS), response=responses)
def test_grade_never_raises_anything_else(q, response):
    try:
        result = grade(q, response)
    except AnswerFormatError:
        return
    assert 0.0 <= result.credit <= 1.0 and not math.isnan(result.credit)
    assert result.correct == (result.credit == 1.0)
    describe_answer(q, result.given)


@settings(max_examples=300, deadline=None)
@given(q=st.sampled_from(ALL_QUESTIONS), raw=st.one_of(texts, st.from_regex(r"[0-9 ,.]{0,12}")))
def test_typed_input_is_parsed_or_explained(q, raw):
    shown = presented(
        next(name for name in ("all-types", "accents", "numbers") if q in quiz(name).questions),
        q.id,
    )
    try:
        response = parse_response(shown, raw)
    except AnswerFormatError as error:
        assert str(error)
        return
    grade(q, response)  # whatever parses, grades
