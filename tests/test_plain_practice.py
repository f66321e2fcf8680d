"""Plain mode in practice: /sure, /guessed, /undo and the exam line."""

from __future__ import annotations

from datetime import date

from quizgame.engine.exam import ExamGoal
from test_plain import play

ANSWERS = ["portuguese,german,spanish", "f", "lisbon", "whale,bat,dolphin",
           "mercury,venus,earth,mars", "8849"]


def then_enter(*answers: str) -> list[str]:
    """Each answer, then Enter on its feedback."""
    return [line for answer in answers for line in (answer, "")]


def test_sure_and_guessed_are_saved_with_the_answers():
    out, store = play(["Picasso", "/sure", "", ANSWERS[0], "/g", "", *then_enter(*ANSWERS[1:-1]),
                       ANSWERS[-1], "/guessed", ""], mode="practice")
    assert "How sure were you? Type /sure or /guessed" in out
    assert "Saved: you were sure." in out and "Saved: you guessed" in out
    answers = store.sessions()[0].answers
    assert [a.sure for a in answers] == [True, False, None, None, None, None, False]


def test_undo_asks_the_question_again():
    out, store = play(["Monet", "/undo", *then_enter("Picasso", *ANSWERS)], mode="practice")
    assert "Answer undone; here is the question again." in out
    assert out.count("Question 1 of") == 2
    record = store.sessions()[0]
    assert [a.given for a in record.undone] == ["Monet"]
    assert len(record.answers) == 7 and record.answers[0].correct


def test_the_last_answer_can_be_undone_too():
    out, store = play([*then_enter("Picasso", *ANSWERS[:-1]), ANSWERS[-1], "/undo", "8848", "/sure", ""],
                      mode="practice")
    assert out.count("Enter for your results> ") == 3
    assert "Answer undone; here is the question again." in out
    record = store.sessions()[0]
    assert [a.given for a in record.undone] == [8849.0]
    assert (record.answers[-1].given, record.answers[-1].sure) == (8848.0, True)


def test_rating_and_undo_are_refused_in_quiz_mode():
    out, store = play(["Picasso", "/sure", "/undo", *ANSWERS])
    assert "in practice and mistakes modes" in out
    assert all(a.sure is None for a in store.sessions()[0].answers)


def test_the_exam_line_says_how_many_cards_are_on_track():
    out, _ = play(then_enter("Picasso", *ANSWERS), mode="practice", exam=ExamGoal(date(2025, 3, 20)))
    start, end = out.index("Exam 2025-03-20"), out.rindex("Exam 2025-03-20")
    assert out[start:].startswith("Exam 2025-03-20 (in 10 days): 0 of 7 cards on track for 90% "
                                  "recall (0 ready, 0 due before it, 7 not started).")
    assert out[end:].startswith("Exam 2025-03-20 (in 10 days): 7 of 7 cards on track")
