"""Typed answers marked as a fair marker would: the case table (tests/data/engine/typed-cases.toml,
the issue's cases among them), the rules' building blocks, and a property over the bundled bank.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine_data import cases
from engine_data import quiz as engine_quiz
from quizgame.engine.grading import AnswerFormatError, Marking, grade
from quizgame.engine.marking import accepted_texts
from quizgame.engine.number_words import read_number_words
from quizgame.engine.numbers import unit_forms
from quizgame.engine.typed_answers import is_likely_typo, judge
from quizgame.format import Quiz, load_quiz
from quizgame.format.models import NumberQuestion, TextQuestion

BANK = Path(__file__).parents[1] / "quizzes" / "nato-2025.toml"
CASES = cases("typed-cases.toml")


@cache
def quiz(name: str) -> Quiz:
    return load_quiz(BANK) if name == "nato-2025" else engine_quiz(name)


@cache
def marking(name: str) -> Marking:
    return Marking.for_quiz(quiz(name))


def verdict(quiz_name: str, question_id: str, typed: str) -> str:
    question = quiz(quiz_name).question(question_id)
    try:
        result = grade(question, typed, marking(quiz_name))
    except AnswerFormatError as error:
        assert str(error)  # the player is told what to type
        return "format"
    if not result.correct:
        return "wrong"
    return "typo" if result.canonical else "right"


@pytest.mark.parametrize(
    "case", CASES, ids=lambda c: f"{c['quiz']}-{c['question']}-{c['typed']!r}"
)
def test_typed_answer_cases(case):
    assert verdict(case["quiz"], case["question"], case["typed"]) == case["verdict"]


def test_the_case_table_is_large_and_covers_both_typed_types():
    assert len(CASES) >= 150
    types = {quiz(c["quiz"]).question(c["question"]).type for c in CASES}
    assert types == {"text", "number"}


def test_a_forgiven_typo_tells_the_accepted_spelling():
    question = quiz("typed-answers").question("brussels")
    assert grade(question, "Brusels", marking("typed-answers")).canonical == "Brussels"


@pytest.mark.parametrize(
    ("given", "wanted", "likely"),
    [("santso", "santos", True), ("bantos", "santos", False), ("cola", "coal", False),
     ("lihgt", "light", True), ("ilght", "light", False), ("lgiht", "light", True), ("1949", "1948", False),
     ("intreoperabilty", "interoperability", True), ("abcde", "abcde", True)],
)
def test_is_likely_typo(given, wanted, likely):
    assert is_likely_typo(given, wanted) is likely


@pytest.mark.parametrize(
    ("text", "value"),
    [("eight", 8), ("fifty-eight thousand", 58000), ("one hundred and five", 105),
     ("a million", 1_000_000), ("twenty-first", 21), ("two million three thousand", 2_003_000),
     ("eight fifty", None), ("thousand", None), ("three thousand two million", None),
     ("eighty", 80), ("nineteen", 19), ("one hundredth", 100)],
)
def test_number_words(text, value):
    assert read_number_words(text, "en") == value


def test_an_unknown_language_reads_english_number_words():
    assert read_number_words("eight", "xx") == 8


@pytest.mark.parametrize(
    ("unit", "forms"),
    [("countries", {"countries", "country"}), ("people", {"people", "person"}),
     ("person", {"person", "people"}), ("years", {"years", "year"}), ("m", {"m"}),
     ("%", {"%", "percent"}), ("box", {"box", "boxes"})],
)
def test_unit_forms(unit, forms):
    assert unit_forms(unit) == forms


# -- the bank: no question takes another question's answer for a typo of its own -------------

BANK_TEXT = [q for q in load_quiz(BANK).questions if isinstance(q, TextQuestion)]
OTHER_ANSWERS = [(q.id, a) for q in load_quiz(BANK).questions for a in accepted_texts(q)]


@settings(max_examples=400, deadline=None)
@given(question=st.sampled_from(BANK_TEXT), other=st.sampled_from(OTHER_ANSWERS))
def test_no_answer_of_one_bank_question_is_a_typo_for_another(question, other):
    other_id, answer = other
    if other_id == question.id:
        return
    result = judge(question, answer, marking("nato-2025"))
    assert result.how != "typo", f"{answer!r} ({other_id}) taken as a typo for {question.id}"


def test_every_pair_of_bank_answers_is_checked_exhaustively_too():
    """The property above samples; the bank is small enough to try every pair as well."""
    taken = [
        (question.id, other_id, answer)
        for question in BANK_TEXT
        for other_id, answer in OTHER_ANSWERS
        if other_id != question.id and judge(question, answer, marking("nato-2025")).how == "typo"
    ]
    assert taken == []


BANK_NUMBERS = [q for q in load_quiz(BANK).questions if isinstance(q, NumberQuestion)]


@settings(max_examples=200, deadline=None)
@given(question=st.sampled_from(BANK_TEXT), data=st.data())
def test_every_accepted_answer_of_the_bank_is_accepted_however_it_is_cased(question, data):
    answer = data.draw(st.sampled_from(question.answers))
    upper = data.draw(st.lists(st.booleans(), min_size=len(answer), max_size=len(answer)))
    typed = "".join(c.upper() if up else c.lower() for c, up in zip(answer, upper))
    typed = data.draw(st.sampled_from(["", " ", "the "])) + typed + data.draw(
        st.sampled_from(["", ".", "!", " "]))
    assert grade(question, typed, marking("nato-2025")).correct, typed


@pytest.mark.parametrize("question", BANK_NUMBERS, ids=lambda q: q.id)
def test_every_number_of_the_bank_is_read_in_its_usual_spellings(question):
    whole = int(question.answer)
    spellings = [str(whole), f"{whole:,}", f"{whole:,}".replace(",", " ")]
    if question.unit:
        spellings.append(f"{whole} {question.unit}")
    for typed in spellings:
        assert grade(question, typed, marking("nato-2025")).correct, typed
