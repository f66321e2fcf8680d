"""Fit FSRS parameters to a class's pooled reviews of one quiz, and keep them only if they
predict reviews they were not fitted on better than FSRS's defaults (`quizgame tune`).

The fit is `fsrs-rs-python`'s optimiser (FSRS-6, no torch), an optional extra:
`pip install 'quizgame[tune]'`. The check is on held-out *students*: a fifth of the class, chosen
by a hash of their player key (stable from run to run), is left out of the fit, and both the
defaults and the fitted parameters predict those students' reviews; the fit is adopted only when
its log loss is lower. RMSE(bins) is reported beside it. A student with more than
`STUDENT_REVIEWS` reviews of the quiz also gets parameters of their own, fitted on the first
four fifths of their reviews in time and kept only if they predict the last fifth better than
the class's.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizgame.classroom.reviews import Review, Reviews
from quizgame.engine.scheduling import DEFAULT_PARAMETERS, RELEARNING_STEPS, make_scheduler
from quizgame.errors import QuizgameError
from quizgame.store.tuned import Evaluation, StudentParameters, TunedParameters

if TYPE_CHECKING:
    from fsrs_rs_python import FSRSItem

MIN_PLAYERS = 5
MIN_REVIEWS = 1000
STUDENT_REVIEWS = 1000
HELD_OUT = 0.2
INSTALL_HINT = "pip install 'quizgame[tune]'"


class TuneError(QuizgameError):
    """Tuning cannot run: the optional extra is missing, or there are too few reviews."""


@dataclass(frozen=True, slots=True)
class Score:
    """Held-out log loss and RMSE(bins) of a set of parameters (lower is better)."""

    log_loss: float
    rmse_bins: float

    def saved(self) -> Evaluation:
        return Evaluation(log_loss=self.log_loss, rmse_bins=self.rmse_bins)


@dataclass(frozen=True, slots=True)
class Fit:
    """Parameters fitted on some reviews, and how they and the baseline predict others."""

    parameters: tuple[float, ...]
    baseline: Score
    fitted: Score
    train_items: int
    test_items: int
    usable: bool = True  # False when py-fsrs refuses the parameters (out of its bounds)

    @property
    def better(self) -> bool:
        return self.usable and self.fitted.log_loss < self.baseline.log_loss


@dataclass(frozen=True, slots=True)
class StudentFit:
    """A student's own fit, against the class's parameters on their latest reviews."""

    player_key: str
    player: str
    reviews: int
    fit: Fit


@dataclass
class Tuning:
    """The outcome of tuning one quiz."""

    players: int
    reviews: int
    class_fit: Fit
    students: list[StudentFit] = field(default_factory=list)

    @property
    def adopted(self) -> bool:
        return self.class_fit.better

    def document(self, quiz_id: str, now: datetime) -> TunedParameters:
        """What to save when adopted: the class fit, and the students' own better fits."""
        return TunedParameters(
            quiz_id=quiz_id, tuned_at=now, players=self.players, reviews=self.reviews,
            parameters=list(self.class_fit.parameters),
            with_defaults=self.class_fit.baseline.saved(), with_tuned=self.class_fit.fitted.saved(),
            students=[
                StudentParameters(
                    player_key=student.player_key, reviews=student.reviews,
                    parameters=list(student.fit.parameters),
                    with_class=student.fit.baseline.saved(), with_own=student.fit.fitted.saved())
                for student in self.students if student.fit.better
            ],
        )


def _fsrs() -> Any:
    try:
        import fsrs_rs_python
    except ImportError:
        raise TuneError(
            "quizgame tune needs the optional FSRS optimiser (fsrs-rs-python); install it "
            f"with: {INSTALL_HINT}"
        ) from None
    return fsrs_rs_python


def tune(reviews: Reviews) -> Tuning:
    """Fit, check and (for the caller to save) decide; raises `TuneError` when the class is
    too small to fit or the optimiser is missing."""
    _fsrs()  # first: without the optimiser nothing else matters
    players = sorted({key for key, _ in reviews.histories})
    if len(players) < MIN_PLAYERS or reviews.count < MIN_REVIEWS:
        raise TuneError(
            f"too few reviews to fit: {len(players)} students and {reviews.count} reviews; "
            f"tuning needs at least {MIN_PLAYERS} students and {MIN_REVIEWS:,} reviews of the "
            "quiz (FSRS's defaults stay in use)"
        )
    held_out = set(sorted(players, key=_hash)[: max(1, math.ceil(len(players) * HELD_OUT))])
    train = [r for card, r in reviews.histories.items() if card[0] not in held_out]
    test = [r for card, r in reviews.histories.items() if card[0] in held_out]
    class_fit = _fit(items_of(train), items_of(test, checking=True), DEFAULT_PARAMETERS)
    tuning = Tuning(len(players), reviews.count, class_fit)
    chosen = class_fit.parameters if tuning.adopted else DEFAULT_PARAMETERS
    for key in players:
        mine = reviews.of_player(key)
        count = sum(len(history) for history in mine.values())
        if count > STUDENT_REVIEWS:
            fit = _fit(*_split_in_time(mine.values()), chosen)
            tuning.students.append(StudentFit(key, reviews.players.get(key, key), count, fit))
    return tuning


def items_of(histories: Iterable[Sequence[Review]], *, checking: bool = False) -> list[FSRSItem]:
    """FSRS items: one per review once a day-long gap is behind the card, holding its history
    up to that review (fsrs-rs's format). Items to check predictions on (`checking`) end on a
    review a day or more after the one before, as fsrs-rs's evaluation requires; same-day
    reviews still train the short-term part of the model."""
    return [item for history in histories for _, item in _dated_items(history, checking)]


def _dated_items(history: Sequence[Review], checking: bool) -> list[tuple[datetime, FSRSItem]]:
    """One card's items, each with the time of the review it ends on. Gaps are in whole (UTC)
    days, as FSRS counts them."""
    if not history:
        return []
    fsrs = _fsrs()
    items = []
    reviews = []
    previous = history[0].at.date()
    for review in history:
        day = review.at.date()
        gap = (day - previous).days
        reviews.append(fsrs.FSRSReview(review.rating, gap))
        previous = day
        item = fsrs.FSRSItem(list(reviews))
        if item.long_term_review_cnt() > 0 and not (checking and gap == 0):
            items.append((review.at, item))
    return items


def evaluate(parameters: Sequence[float], items: Sequence[FSRSItem]) -> Score:
    result = _fsrs().FSRS(list(parameters)).evaluate(list(items))
    return Score(result.log_loss, result.rmse_bins)


def _fit(train: list[FSRSItem], test: list[FSRSItem], baseline: Sequence[float]) -> Fit:
    if not train or not test:
        raise TuneError("too few reviews after a day's gap to fit and check parameters")
    fsrs = _fsrs()
    try:
        fitted = tuple(fsrs.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(
            train, num_relearning_steps=len(RELEARNING_STEPS)))
    except Exception as error:  # the optimiser's own refusals (not enough data, ...)
        raise TuneError(f"the FSRS optimiser could not fit these reviews: {error}") from error
    try:
        make_scheduler(parameters=fitted)
        usable = True
    except ValueError:
        usable = False
    return Fit(fitted, evaluate(baseline, test), evaluate(fitted, test), len(train), len(test),
               usable)


def _split_in_time(histories: Iterable[Sequence[Review]]) -> tuple[list[FSRSItem], list[FSRSItem]]:
    """A student's items, the first four fifths in time for fitting and the rest to check."""
    histories = list(histories)
    dated = sorted((pair for history in histories for pair in _dated_items(history, False)),
                   key=lambda pair: pair[0])
    cut = dated[-max(1, math.ceil(len(dated) * HELD_OUT))][0] if dated else None
    checked = [pair for history in histories for pair in _dated_items(history, True)]
    return ([item for at, item in dated if cut is None or at < cut],
            [item for at, item in checked if cut is not None and at >= cut])


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def summary(tuning: Tuning, names: Mapping[str, str] | None = None) -> list[str]:
    """The outcome in words, for the command's output."""
    fit = tuning.class_fit
    lines = [
        f"Pooled {tuning.reviews:,} reviews of {tuning.players} students "
        f"({fit.train_items:,} training items; {fit.test_items:,} held-out items of other students).",
        f"  held-out log loss   defaults {fit.baseline.log_loss:.4f}   tuned {fit.fitted.log_loss:.4f}",
        f"  held-out RMSE(bins) defaults {fit.baseline.rmse_bins:.4f}   tuned {fit.fitted.rmse_bins:.4f}",
    ]
    if not fit.usable:
        lines.append("Not adopted: the fitted parameters are outside what the scheduler accepts.")
    elif tuning.adopted:
        lines.append("Adopted: the tuned parameters predict held-out reviews better.")
    else:
        lines.append("Not adopted: the tuned parameters do not predict held-out reviews better "
                     "than FSRS's defaults.")
    for student in tuning.students:
        own = student.fit
        verdict = "own parameters adopted" if own.better else "keeps the class's parameters"
        lines.append(f"  {student.player}: {student.reviews:,} reviews, latest fifth log loss "
                     f"class {own.baseline.log_loss:.4f} / own {own.fitted.log_loss:.4f}: {verdict}")
    return lines
