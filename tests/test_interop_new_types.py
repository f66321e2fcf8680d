"""How each format carries an estimate question: converted, shown with its scale, or skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.engine.grading import present
from quizgame.format import load_quiz
from quizgame.interop.common import ExportOptions
from quizgame.interop.registry import EXPORT_FORMATS
from quizgame.plain.renderers import render

QUIZ = Path(__file__).parent / "data" / "engine" / "new-types.toml"


def export(name: str, *, answer_key: bool = False) -> tuple[str | bytes, list[str]]:
    """The export, and the estimates it skipped."""
    result = EXPORT_FORMATS[name].exporter()(load_quiz(QUIZ), ExportOptions(answer_key=answer_key))
    return result.content, [str(s) for s in result.skipped if s.question_type == "estimate"]


def test_gift_writes_a_numerical_question_with_half_credit_where_the_line_gives_half() -> None:
    content, skipped = export("gift")
    assert skipped == []
    assert "::pompeii::In which year did Vesuvius bury Pompeii?{\n\t#=79:5\n\t=%50%79:55\n}" in content


@pytest.mark.parametrize(("name", "reason"), [
    ("kahoot", "Kahoot quizzes have no estimate questions"),
    ("csv", "CSV has no columns for its min and max (the scale)"),
])
def test_formats_without_a_form_skip_it_with_the_reason(name: str, reason: str) -> None:
    _, skipped = export(name)
    assert len(skipped) == 2 and all(reason in line for line in skipped)


def test_paper_and_flashcards_show_the_scale_and_the_key_the_answer() -> None:
    handout, _ = export("markdown")
    key, _ = export("markdown", answer_key=True)
    anki, _ = export("anki")
    assert "Answer: ______________________________ m (from 0 to 12000)" in handout
    assert "79 (full credit within ± 5)" in key
    assert "(from 0 to 12000 m)" in anki


def test_plain_mode_asks_for_a_number_on_the_scale() -> None:
    quiz = load_quiz(QUIZ)
    shown = present(quiz.question("everest"), number=1, total=2, seed=1, shuffle_choices=False,
                    time_limit=0)
    assert render(shown) == ["Answer: your estimate, a number from 0 to 12000 m (closer earns more)."]


@pytest.mark.parametrize(("name", "reason"), [
    ("gift", "GIFT has no poll"),
    ("kahoot", "Kahoot's quiz spreadsheet has no polls"),
    ("anki", "a flashcard needs an answer to remember, and a poll has none"),
])
def test_a_poll_is_skipped_where_the_format_has_no_poll(name: str, reason: str) -> None:
    result = EXPORT_FORMATS[name].exporter()(load_quiz(QUIZ), ExportOptions())
    [skipped] = [s for s in result.skipped if s.question_type == "poll"]
    assert skipped.question_id == "visit" and reason in skipped.reason


def test_a_poll_goes_through_csv_and_onto_paper() -> None:
    from quizgame.interop.csv_format import read_questions

    content, _ = export("csv")
    assert isinstance(content, str)
    back = read_questions(content, Path("new-types.csv"))
    assert [q.model_dump() for q in back.questions] == [load_quiz(QUIZ).question("visit").model_dump()]
    handout, _ = export("markdown")
    key, _ = export("markdown", answer_key=True)
    assert "*Choose one: no answer is right or wrong.*\n\n- a) Yes, soon\n- b) One day" in handout
    assert "none: this is a poll" in key


def test_a_poll_row_with_an_answer_is_reported() -> None:
    from quizgame.interop.csv_format import read_questions

    result = read_questions("type,prompt,choices,answer\npoll,Visit?,Yes|No,Yes\n", Path("p.csv"))
    assert [str(p) for p in result.problems] == [
        "p.csv:2: answer: poll questions have no answer: leave the cell empty"
    ]


SORTING = Path(__file__).parent / "data" / "engine" / "categorize.toml"


def test_categorize_becomes_a_gift_matching_question_with_repeated_partners() -> None:
    result = EXPORT_FORMATS["gift"].exporter()(load_quiz(SORTING), ExportOptions())
    assert result.skipped == ()
    assert ("{\n\t=Mercury -> Rocky\n\t=Mars -> Rocky\n\t=Jupiter -> Gas giant\n\t=Saturn -> Gas giant\n}"
            in result.content)


@pytest.mark.parametrize(("name", "reason"), [
    ("kahoot", "Kahoot quizzes have no categorize questions"),
    ("csv", "CSV has no columns for its buckets"),
])
def test_categorize_is_skipped_where_there_is_no_form(name: str, reason: str) -> None:
    [skipped] = EXPORT_FORMATS[name].exporter()(load_quiz(SORTING), ExportOptions()).skipped
    assert reason in skipped.reason


def test_categorize_on_paper_and_on_a_flashcard() -> None:
    quiz = load_quiz(SORTING)
    handout = EXPORT_FORMATS["markdown"].exporter()(quiz, ExportOptions()).content
    key = EXPORT_FORMATS["markdown"].exporter()(quiz, ExportOptions(answer_key=True)).content
    anki = EXPORT_FORMATS["anki"].exporter()(quiz, ExportOptions()).content
    assert "Groups: a) Rocky, b) Gas giant, c) Dwarf" in handout and "- ____ Saturn" in handout
    assert "Rocky: Mercury, Mars; Gas giant: Jupiter, Saturn; Dwarf: (nothing)" in key
    assert "<ol type=a><li>Rocky</li><li>Gas giant</li><li>Dwarf</li></ol>" in anki


def test_plain_mode_letters_the_items_and_numbers_the_buckets() -> None:
    quiz = load_quiz(SORTING)
    shown = present(quiz.questions[0], number=1, total=1, seed=3, shuffle_choices=True, time_limit=0)
    lines = render(shown)
    assert lines[0] == "Sort each of:" and "into one of:" in lines
    assert lines[-3:-1] == ["  2. Gas giant", "  3. Dwarf"]
    assert "its bucket (a bucket can take several)" in lines[-1]


CLOZE = Path(__file__).parent / "data" / "engine" / "cloze.toml"


def test_a_one_blank_cloze_is_a_gift_missing_word_and_comes_back_as_a_cloze() -> None:
    from quizgame.interop.gift_import import read_questions

    result = EXPORT_FORMATS["gift"].exporter()(load_quiz(CLOZE), ExportOptions())
    [skipped] = result.skipped
    assert skipped.question_id == "pompeii" and "this one has 3" in skipped.reason
    assert "::pi::Pi is about {#3.14:0.01}.\n" in result.content
    [back] = read_questions(str(result.content), Path("c.gift")).questions
    assert back.type == "cloze" and back.text == "Pi is about {{3.14 ± 0.01}}."  # type: ignore[union-attr]


def test_a_cloze_is_an_anki_cloze_note_with_a_card_per_blank() -> None:
    content = EXPORT_FORMATS["anki"].exporter()(load_quiz(CLOZE), ExportOptions()).content
    assert "#notetype column:2\n" in content
    assert ("quizgame:cloze:pompeii\tCloze\tIn the year {{c1::79}}, {{c2::Vesuvius}} buried Pompeii, "
            "in today&#x27;s {{c3::Italy::Italy / Greece / Spain}}.\tFill in the blanks.\t") in content


def test_a_cloze_on_paper_and_in_plain_mode() -> None:
    quiz = load_quiz(CLOZE)
    handout = EXPORT_FORMATS["markdown"].exporter()(quiz, ExportOptions()).content
    key = EXPORT_FORMATS["markdown"].exporter()(quiz, ExportOptions(answer_key=True)).content
    assert "In the year (1) __________, (2) __________ buried Pompeii" in handout
    assert "(3) a) Italy, b) Greece, c) Spain" in handout
    assert "(1) 79; (2) Vesuvius; (3) Italy" in key
    shown = present(quiz.question("pompeii"), number=1, total=2, seed=1, shuffle_choices=False,
                    time_limit=0)
    assert render(shown) == [
        "In the year ___(1)___, ___(2)___ buried Pompeii, in today's ___(3)___.",
        "  (3): 1. Italy  2. Greece  3. Spain",
        "Answer: one line per blank, (1) to (3); a choice by its number or text.",
    ]


def test_gift_missing_word_with_several_right_choices_stays_a_question_with_a_blank() -> None:
    from quizgame.interop.gift_import import read_questions

    result = read_questions("Pompeii is in {~%50%Italy ~%50%Campania ~%-100%Greece} today.\n",
                            Path("m.gift"))
    assert [q.type for q in result.questions] == ["multi"]
    assert "the blank is shown as _____" in str(result.problems[-1])
