"""The question screen in practice: s / g after an answer, u to undo, the exam line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui_helpers import ALL_TYPES, TYPE_ORDER, Clocks, answer_right, make_app, quizzes_folder, settle, shown, text_of

from quizgame.engine.exam import ExamGoal
from quizgame.store import SavesFolder


async def test_sure_guessed_and_undo_keys(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES, mode="practice",
                   exam=ExamGoal(date(2025, 3, 20)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#exam-status").startswith(
            f"Exam 2025-03-20 (in 19 days): 0 of {len(TYPE_ORDER)} cards on track")
        first = shown(pilot)
        await answer_right(pilot)
        await pilot.press("u")  # undo: the same question again
        await pilot.pause()
        assert shown(pilot) is first
        await answer_right(pilot)
        await pilot.press("g")  # "I guessed" goes on to the next question
        await pilot.pause()
        second = shown(pilot)
        assert second is not first
        assert text_of(app.screen, "#exam-status").startswith(
            f"Exam 2025-03-20 (in 19 days): 1 of {len(TYPE_ORDER)} cards on track")
        await answer_right(pilot)
        clocks.advance(11)
        await pilot.press("u")  # too late: a warning, nothing undone
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert shown(pilot) not in (first, second)
    record = SavesFolder(saves).player("Ana").sessions()[0]
    assert [a.sure for a in record.answers] == [False, True]
    assert [a.question_id for a in record.undone] == [first.question.id]
