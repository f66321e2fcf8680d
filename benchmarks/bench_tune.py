"""Class-tuned scheduling (issue 18): what `quizgame tune` gains on synthetic classes, and how
long the fit takes.

    python benchmarks/bench_tune.py [--repeat N]

Classes of simulated students (tests/simulated_students.py) whose true forgetting differs from
FSRS's defaults (`forgetful`: a third of the initial stabilities, slower growth, a steeper
curve) practise a 20-card quiz for 40 days under the default scheduler. For each class size the
script prints the held-out log loss and RMSE(bins) of the defaults and of the fit (lower is
better; adopted when the log loss is lower), and the time `tune` takes (min / median / max over
--repeat runs: pooling the reviews is not timed, the fit and both evaluations are).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from quizgame.classroom.reviews import Review, Reviews  # noqa: E402
from quizgame.classroom.tuning import tune  # noqa: E402
from quizgame.engine.scheduling import rating_of  # noqa: E402
from simulated_students import cohort, flashcards, forgetful  # noqa: E402


def pooled(students: list) -> Reviews:  # type: ignore[type-arg]
    reviews = Reviews()
    for student in students:
        name = student.store.name
        reviews.players[name] = name
        for record in student.store.sessions():
            for answer in record.answers:
                reviews.histories.setdefault((name, answer.question_id), []).append(
                    Review(answer.answered_at, int(rating_of(answer))))
    return reviews


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    quiz = flashcards(20)
    print("students reviews | log loss default -> tuned | RMSE(bins) default -> tuned | "
          "adopted | tune time min / median / max")
    for size in (10, 30, 60):
        reviews = pooled(cohort(size, quiz, days=40, true_parameters=forgetful()))
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            tuning = tune(reviews)
            times.append(time.perf_counter() - started)
        fit = tuning.class_fit
        spread = " / ".join(f"{t:.2f}" for t in (min(times), statistics.median(times), max(times)))
        print(f"{size:8} {reviews.count:7} | {fit.baseline.log_loss:.4f} -> {fit.fitted.log_loss:.4f}"
              f" | {fit.baseline.rmse_bins:.4f} -> {fit.fitted.rmse_bins:.4f} | "
              f"{'yes' if tuning.adopted else 'no':7} | {spread} s")


if __name__ == "__main__":
    main()
