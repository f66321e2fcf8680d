"""`quizgame tune`: a synthetic class that forgets faster than FSRS's defaults assume gets a
better held-out fit, which practice then uses; a class too small to fit is refused; without the
optional optimiser the command says how to install it."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgame.classroom.reviews import Review, Reviews, collect_reviews
from quizgame.classroom.tuning import _split_in_time, evaluate, tune
from quizgame.cli import main
from quizgame.engine.scheduling import DEFAULT_PARAMETERS
from quizgame.engine.session import GameSession
from quizgame.store import SavesFolder
from quizgame.store.tuned import load_tuned
from simulated_students import cohort, flashcards, forgetful, write_saves

QUIZ = flashcards(12)


@pytest.fixture(scope="module")
def class_saves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Thirty students, thirty days of practice each, written as real saves."""
    root = tmp_path_factory.mktemp("class") / "saves"
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # durability is not under test here; speed of the fixture is
    try:
        write_saves(root, cohort(30, QUIZ, days=30, true_parameters=forgetful()))
    finally:
        os.fsync = real_fsync
    return root


def tune_cli(*arguments: str) -> int:
    return main(["tune", "sim", "--quizzes", os.devnull, *arguments])


def test_a_class_that_forgets_faster_gets_a_better_held_out_fit(class_saves):
    tuning = tune(collect_reviews([class_saves], "sim"))
    fit = tuning.class_fit
    assert (tuning.players, fit.test_items > 100) == (30, True)
    assert fit.fitted.log_loss < fit.baseline.log_loss
    assert fit.fitted.rmse_bins < fit.baseline.rmse_bins
    assert tuning.adopted and tuning.students == []  # nobody has 1,000 reviews of their own


def test_tune_writes_the_fit_and_practice_uses_it(class_saves, tmp_path, capsys):
    import shutil

    saves = tmp_path / "saves"
    shutil.copytree(class_saves, saves)
    assert tune_cli("--saves", str(saves), "--dry-run") == 0
    assert "Dry run: nothing written." in capsys.readouterr().out
    assert load_tuned(saves, "sim") is None

    assert tune_cli("--saves", str(saves)) == 0
    out = capsys.readouterr().out
    assert "Pooled " in out and "held-out log loss" in out and "held-out RMSE(bins)" in out
    assert "Adopted" in out and f"Written: {saves / 'tuned' / 'sim.toml'}" in out
    tuned = load_tuned(saves, "sim")
    assert tuned is not None and tuned.with_tuned.log_loss < tuned.with_defaults.log_loss
    player = SavesFolder(saves).player("Student 03", create=False)
    assert player.fsrs_parameters("sim") == tuned.parameters
    session = GameSession.start(QUIZ, player, "practice")
    assert list(session._reviewer.scheduler.parameters) == tuned.parameters
    assert SavesFolder(saves).player("Newcomer").fsrs_parameters("other-quiz") is None


def test_a_class_too_small_to_fit_is_refused(tmp_path, capsys):
    saves = tmp_path / "saves"
    write_saves(saves, cohort(3, flashcards(5), days=10, true_parameters=forgetful()))
    assert tune_cli("--saves", str(saves)) == 2
    err = capsys.readouterr().err
    assert "too few reviews to fit: 3 students" in err and "at least 5 students" in err
    assert not (saves / "tuned").exists()


def test_without_the_optimiser_tune_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)  # its import fails, as if absent
    (tmp_path / "saves").mkdir()
    assert tune_cli("--saves", str(tmp_path / "saves")) == 2
    assert "install it with: pip install 'quizgame[tune]'" in capsys.readouterr().err


def many_reviews(players: int, questions: int, days: int) -> Reviews:
    """Every player reviews every question every day, always right."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    history = [Review(start + timedelta(days=day), 3) for day in range(days)]
    return Reviews(histories={(f"p{n}", f"q{m}"): history
                              for n in range(players) for m in range(questions)})


def test_only_students_above_a_thousand_reviews_get_their_own_fit():
    reviews = many_reviews(players=6, questions=5, days=200)  # 1,000 reviews each: not above
    reviews.histories.update(many_reviews(players=1, questions=6, days=200).histories)
    tuning = tune(reviews)
    assert [(s.player_key, s.reviews) for s in tuning.students] == [("p0", 1200)]
    own = tuning.students[0].fit
    assert own.train_items > 0 and own.test_items > 0
    expected = tuning.class_fit.parameters if tuning.adopted else DEFAULT_PARAMETERS
    assert own.baseline.log_loss == pytest.approx(
        evaluate(expected, own_test_items(reviews, "p0")).log_loss)


def own_test_items(reviews: Reviews, key: str) -> list:  # type: ignore[type-arg]
    return _split_in_time(reviews.of_player(key).values())[1]


def test_a_tuned_file_with_parameters_out_of_bounds_is_refused_clearly(tmp_path):
    from quizgame.errors import SaveError

    (tmp_path / "tuned").mkdir()
    (tmp_path / "tuned" / "sim.toml").write_text(
        'format = 1\nquiz_id = "sim"\ntuned_at = 2026-11-01T10:00:00Z\nplayers = 30\n'
        f"reviews = 5000\nparameters = {[99.0] * 21}\n"
        "with_defaults = { log_loss = 0.5, rmse_bins = 0.1 }\n"
        "with_tuned = { log_loss = 0.4, rmse_bins = 0.05 }\n")
    player = SavesFolder(tmp_path).player("Ana")
    with pytest.raises(SaveError, match=r"tuned/sim.toml.*out of bounds"):
        player.fsrs_parameters("sim")
