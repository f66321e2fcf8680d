"""The forgetting forecast: for each question, the class's predicted recall now, in 7 and in 30
days, from every student's card state — what to re-teach before the class forgets it.

A student's predicted recall of a card at a moment is FSRS's retrievability (the formula is in
`engine.scheduling.retrievability`) under the parameters their practice uses: those `quizgame
tune` adopted for the quiz (the student's own when they have some), else FSRS's defaults. The
forecast assumes no more reviews: it is what the class would remember if nobody practised. A
question's figure is the mean over the students who have practised it; the others are counted
apart (nothing can be predicted for a card never reviewed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from quizgame.classroom import stats
from quizgame.classroom.reviews import collect_cards
from quizgame.engine.records import CardState
from quizgame.engine.scheduling import DEFAULT_PARAMETERS, retrievability
from quizgame.errors import QuizgameError
from quizgame.format.models import Quiz
from quizgame.store.tuned import TunedParameters, load_tuned

HORIZONS_DAYS = (0, 7, 30)
RETEACH_BELOW = 0.7  # predicted class recall in 7 days under which a question is flagged


@dataclass(frozen=True, slots=True)
class QuestionForecast:
    """One question's predicted class recall at each of `HORIZONS_DAYS` (None: nobody has
    practised it), over `students` students; `not_practised` students have no card for it."""

    number: int
    question_id: str
    prompt: str
    students: int
    not_practised: int
    recall: tuple[float | None, ...]

    @property
    def reteach(self) -> bool:
        week = self.recall[HORIZONS_DAYS.index(7)]
        return week is not None and week < RETEACH_BELOW


@dataclass(frozen=True, slots=True)
class Forecast:
    """The forecast of one quiz at `at` for the `students` who have practised any of it."""

    at: datetime
    students: int
    items: tuple[QuestionForecast, ...]

    @property
    def reteach(self) -> list[QuestionForecast]:
        return [item for item in self.items if item.reteach]


def forecast(
    cards: Mapping[str, Mapping[str, CardState]],
    question_ids: Sequence[str],
    now: datetime,
    *,
    prompts: Mapping[str, str] | None = None,
    parameters_for: Callable[[str], Sequence[float]] = lambda key: DEFAULT_PARAMETERS,
) -> Forecast:
    """The forecast from `cards` (player key -> question id -> card) for these questions."""
    players = [key for key, mine in cards.items() if any(q in mine for q in question_ids)]
    items = []
    for number, question_id in enumerate(question_ids, start=1):
        held = [(key, cards[key][question_id]) for key in players if question_id in cards[key]]
        recall = tuple(
            stats.mean([retrievability(card, now + timedelta(days=days), parameters_for(key))
                        for key, card in held])
            for days in HORIZONS_DAYS
        )
        items.append(QuestionForecast(number, question_id, (prompts or {}).get(question_id, ""),
                                      len(held), len(players) - len(held), recall))
    return Forecast(now, len(players), tuple(items))


def class_forecast(
    saves_dirs: Sequence[Path], quiz_id: str, quiz: Quiz | None, now: datetime
) -> tuple[Forecast, list[str]]:
    """The forecast of a quiz from the saves folders, and a line per file that was skipped.
    Without the quiz file, the questions are those the cards know, in id order."""
    found = collect_cards(saves_dirs, quiz_id)
    tuned = _tuned(saves_dirs, quiz_id, found.problems)
    if quiz is not None:
        ids = [question.id for question in quiz.questions]
        prompts = {question.id: question.prompt for question in quiz.questions}
    else:
        ids = sorted({qid for mine in found.cards.values() for qid in mine})
        prompts = {}

    def parameters_for(key: str) -> Sequence[float]:
        return DEFAULT_PARAMETERS if tuned is None else tuned.parameters_for(key)

    return (forecast(found.cards, ids, now, prompts=prompts, parameters_for=parameters_for),
            found.problems)


def _tuned(saves_dirs: Sequence[Path], quiz_id: str, problems: list[str]) -> TunedParameters | None:
    """The tuned parameters practice uses (those of the first folder that has them)."""
    for root in saves_dirs:
        try:
            tuned = load_tuned(root, quiz_id)
        except QuizgameError as error:
            problems.append(str(error))
            continue
        if tuned is not None:
            return tuned
    return None
