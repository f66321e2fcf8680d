"""GIFT: TOML -> GIFT -> TOML round trips, every construct of Moodle's documentation, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interop_helpers import BANK, DATA, SAMPLE, assert_golden, carried
from quizgame.format import load_quiz, load_quiz_text
from quizgame.format.models import Quiz
from quizgame.interop import gift, gift_import
from quizgame.interop.common import Carried, ExportOptions, NotCarried
from quizgame.interop.gift import export_quiz
from quizgame.interop.gift_import import read_questions
from quizgame.interop.importing import ImportResult, quiz_meta
from quizgame.interop.quiz_toml import quiz_toml

# What GIFT carries; hint, source, tags, time limit, points, unit and `exact` have no GIFT form.
GIFT_FIELDS = {"id", "type", "prompt", "choices", "answer", "answers", "tolerance", "pairs",
               "explanation"}


def round_trip(quiz: Quiz) -> ImportResult:
    text = export_quiz(quiz, ExportOptions()).content
    assert isinstance(text, str)
    return read_questions(text, Path("round-trip.gift"))


def test_sample_round_trip_gives_back_every_question_gift_carries() -> None:
    quiz = load_quiz(SAMPLE)
    result = round_trip(quiz)
    assert result.problems == []
    gift_types = {t for t, entry in gift.EXPORTS.items() if not isinstance(entry, NotCarried)}
    expected = [carried(q, GIFT_FIELDS) for q in quiz.questions if q.type in gift_types]
    assert [carried(q, GIFT_FIELDS) for q in result.questions] == expected


def test_bank_round_trip() -> None:
    """The bank's questions of the types GIFT carries both ways come back (an estimate goes out
    as a numerical question and comes back as a number: tested apart)."""
    both_ways = {t for t, entry in gift.EXPORTS.items() if not isinstance(entry, NotCarried)}
    both_ways &= {t for t, entry in gift_import.IMPORTS.items() if isinstance(entry, Carried)}
    bank = load_quiz(BANK)
    too_big = {s.question_id for s in export_quiz(bank, ExportOptions()).skipped}  # 3-blank cloze
    kept = [q for q in bank.questions if q.type in both_ways and q.id not in too_big]
    quiz = Quiz(quiz=bank.quiz, questions=kept)
    result = round_trip(quiz)
    assert result.problems == []
    assert [carried(q, GIFT_FIELDS) for q in result.questions] == [
        carried(q, GIFT_FIELDS) for q in quiz.questions
    ]
    assert {q.type for q in quiz.questions} >= {"categorize", "match"}  # repeated partners or not


@pytest.mark.parametrize("name", ["moodle-docs", "moodle-html"])
def test_moodle_files_import_as_committed(name: str) -> None:
    """Every construct of Moodle's GIFT documentation, and questions made in Moodle's HTML
    editor (entities, paragraphs, lists, line breaks, emphasis, an image)."""
    path = DATA / "gift" / f"{name}.gift"
    result = read_questions(path.read_text(encoding="utf-8"), Path(path.name))
    messages = "".join(f"{problem}\n" for problem in result.sorted_problems())
    assert_golden(path.with_suffix(".messages.txt"), messages)
    assert result.errors == []
    title = name.replace("-", " ").capitalize()
    quiz = Quiz(quiz=quiz_meta(name, title), questions=result.questions)
    text = quiz_toml(quiz)
    assert_golden(path.with_suffix(".toml"), text)
    assert load_quiz_text(text, Path(f"{name}.toml")).quiz == quiz


def test_html_markup_never_reaches_a_question() -> None:
    path = DATA / "gift" / "moodle-html.gift"
    result = read_questions(path.read_text(encoding="utf-8"), path)
    dumped = str([q.model_dump() for q in result.questions])
    for markup in ("<p", "<strong>", "&nbsp;", "&amp;", "&#39;", "<br", "<img", "<li>"):
        assert markup not in dumped


def read(text: str) -> ImportResult:
    return read_questions(text, Path("t.gift"))


def test_numeric_range_becomes_midpoint_and_half_range() -> None:
    (question,) = read("Pi to three decimals?{#3.141..3.142}").questions
    assert (question.answer, question.tolerance) == (3.1415, 0.0005)


def test_ids_come_from_titles_or_text_and_stay_unique() -> None:
    result = read("::Q1::One?{T}\n\n::Q1::Two?{T}\n\nWhat is it?{T}\n\nWhat is it?{F}\n\n"
                  "::A title, with spaces::Three?{T}")
    assert [q.id for q in result.questions] == [
        "Q1", "Q1-2", "what-is-it", "what-is-it-2", "a-title-with-spaces",
    ]


def test_category_becomes_a_tag_of_the_questions_that_follow() -> None:
    result = read("One?{T}\n\n$CATEGORY: $course$/top/Unit 1\n\nTwo?{T}")
    assert [q.tags for q in result.questions] == [[], ["Unit 1"]]


def test_right_answer_feedback_becomes_the_explanation() -> None:
    (question,) = read("Best?{=yes#Because. ~no}").questions
    assert question.explanation == "Because."


def test_multiple_right_answers_make_a_multi_question() -> None:
    (question,) = read("Which?{=a =b ~c}").questions
    assert question.type == "multi" and question.answers == ["a", "b"]


def test_windows_line_endings_and_byte_order_mark() -> None:
    result = read("\ufeff// comment\r\nOne?{\r\n=a\r\n~b\r\n}\r\n\r\nTwo?{F}\r\n")
    assert [q.prompt for q in result.questions] == ["One?", "Two?"]


def test_a_file_of_comments_only_has_no_questions_and_no_problems() -> None:
    result = read("// nothing here\n\n// still nothing\n")
    assert result.questions == [] and result.problems == []


def test_text_answer_with_an_arrow_and_order_are_reported_not_dropped() -> None:
    quiz = Quiz.model_validate({
        "quiz": {"id": "q", "title": "Q"},
        "questions": [
            {"id": "arrow", "type": "text", "prompt": "Arrow?", "answers": ["->"]},
            {"id": "steps", "type": "order", "prompt": "Order?", "items": ["a", "b"]},
            {"id": "pair", "type": "match", "prompt": "Match?",
             "pairs": [["a -> b", "c"], ["d", "e"]]},
        ],
    })
    result = export_quiz(quiz, ExportOptions())
    assert result.exported == 0
    assert [s.question_id for s in result.skipped] == ["arrow", "steps", "pair"]


# Texts made of GIFT's special characters among others; GIFT trims texts, so they are trimmed.
texts = st.text(
    st.sampled_from("~=#{}:\\\n%[]->/ab") | st.characters(blacklist_categories=("Cs", "Cc")),
    min_size=1, max_size=20,
).map(str.strip).filter(bool)


@settings(max_examples=150, deadline=None)
@given(
    prompt=texts,
    choices=st.lists(texts, min_size=2, max_size=4, unique=True),
    explanation=texts,
    answers=st.lists(texts.filter(lambda t: "->" not in t), min_size=1, max_size=3),
    lefts=st.lists(texts.filter(lambda t: "->" not in t), min_size=2, max_size=3, unique=True),
)
def test_any_text_survives_escaping(
    prompt: str, choices: list[str], explanation: str, answers: list[str], lefts: list[str]
) -> None:
    rights = [f"{left} ->" for left in lefts]
    quiz = Quiz.model_validate({
        "quiz": {"id": "q", "title": "Q"},
        "questions": [
            {"id": "c", "type": "choice", "prompt": prompt, "choices": choices,
             "answer": choices[-1], "explanation": explanation},
            {"id": "m", "type": "multi", "prompt": prompt, "choices": choices,
             "answers": choices[:1]},
            {"id": "t", "type": "text", "prompt": prompt, "answers": answers},
            {"id": "p", "type": "match", "prompt": prompt,
             "pairs": [list(pair) for pair in zip(lefts, rights)]},
        ],
    })
    result = round_trip(quiz)
    assert result.problems == []
    assert [carried(q, GIFT_FIELDS) for q in result.questions] == [
        carried(q, GIFT_FIELDS) for q in quiz.questions
    ]
