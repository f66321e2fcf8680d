"""`quizgame due` and the due counts behind it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating

from engine_data import DATA, quiz
from quizgame.cli import main
from quizgame.engine.scheduling import due_counts, make_scheduler, review
from quizgame.store import SavesFolder

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def card(question_id: str, due_in: timedelta):
    reviewed = review(make_scheduler(enable_fuzzing=False), "all-types", question_id, None,
                      Rating.Good, NOW - timedelta(days=30))
    return reviewed.model_copy(update={"due": NOW + due_in})


def test_due_counts_are_cumulative_and_count_new_questions():
    cards = {
        "capital": card("capital", -timedelta(days=1)),
        "sky": card("sky", timedelta(hours=3)),
        "everest": card("everest", timedelta(days=5)),
        "painter": card("painter", timedelta(days=30)),
        "removed": card("removed", -timedelta(days=1)),
    }
    ids = [q.id for q in quiz("all-types").questions]
    counts = due_counts(cards, NOW, ids)
    assert (counts.now, counts.day, counts.week, counts.new) == (1, 2, 3, 3)
    assert due_counts(cards, NOW).now == 2  # without the quiz, every card counts


def test_due_command_prints_each_quiz(tmp_path, capsys):
    saves = SavesFolder(tmp_path).player("Zoë")
    saves.save_card("all-types", card("capital", -timedelta(days=400)))
    saves.save_card("gone-quiz", card("q", -timedelta(days=400)))
    status = main(["due", "--player", "zoë", "--saves", str(tmp_path), "--quizzes", str(DATA)])
    out = capsys.readouterr().out
    assert status == 0
    rows = {line.split()[0]: line.split()[1:5] for line in out.splitlines()[2:]}
    assert rows["all-types"] == ["1", "1", "1", "6"]
    assert rows["gone-quiz"] == ["1", "1", "1", "-"] and "(quiz file not found)" in out
    assert rows["numbers"] == ["0", "0", "0", "4"]


def test_due_for_an_unknown_player_is_an_error(tmp_path, capsys):
    assert main(["due", "--player", "Nobody", "--saves", str(tmp_path)]) == 2
    assert "no saves for player" in capsys.readouterr().err
