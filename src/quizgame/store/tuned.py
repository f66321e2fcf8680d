"""Class-tuned FSRS parameters of one quiz, kept in the saves folder its players use.

    <saves>/tuned/<quiz id>.toml      TunedParameters: written by `quizgame tune`

`quizgame tune` writes the file only when the fitted parameters predicted held-out reviews
better than FSRS's defaults; practice then schedules that quiz's cards with them (a player with
parameters of their own, fitted on more than 1,000 of their reviews, gets those). Without the
file, the defaults.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AwareDatetime, Field, field_validator

from quizgame.engine.records import RecordModel
from quizgame.engine.scheduling import make_scheduler
from quizgame.store.documents import load, save
from quizgame.store.models import Kind
from quizgame.store.names import file_stem

TUNED_DIR = "tuned"


class Evaluation(RecordModel):
    """How well a set of parameters predicted held-out reviews (lower is better)."""

    log_loss: float = Field(description="Mean binary cross-entropy of predicted recall.")
    rmse_bins: float = Field(description="FSRS's RMSE over bins of predicted recall.")


def _schedulable(parameters: list[float]) -> list[float]:
    """Parameters the scheduler accepts (py-fsrs checks each against its bounds)."""
    make_scheduler(parameters=parameters)  # ValueError naming the parameter out of bounds
    return parameters


class StudentParameters(RecordModel):
    """Parameters fitted on one student's own reviews."""

    player_key: str = Field(description="The student's folder name in the saves.")
    reviews: int = Field(ge=0)
    parameters: list[float] = Field(min_length=21, max_length=21)
    with_class: Evaluation = Field(description="The class parameters on their held-out reviews.")
    with_own: Evaluation = Field(description="Their own parameters on the same reviews.")

    _check = field_validator("parameters")(_schedulable)


class TunedParameters(RecordModel):
    """`tuned/<quiz id>.toml`: what `quizgame tune` adopted for one quiz."""

    quiz_id: str
    tuned_at: AwareDatetime
    players: int = Field(ge=0, description="Students whose reviews were pooled.")
    reviews: int = Field(ge=0, description="Reviews pooled.")
    parameters: list[float] = Field(min_length=21, max_length=21, description="FSRS-6 weights.")
    with_defaults: Evaluation = Field(description="FSRS's defaults on the held-out reviews.")
    with_tuned: Evaluation = Field(description="These parameters on the same reviews.")
    students: list[StudentParameters] = Field(default_factory=list)

    _check = field_validator("parameters")(_schedulable)

    def parameters_for(self, player_key: str) -> list[float]:
        """The student's own parameters when they have some, else the class's."""
        own = next((s.parameters for s in self.students if s.player_key == player_key), None)
        return own or self.parameters


TUNED = Kind("tuned", TunedParameters, "tuned parameters file")


def tuned_path(root: Path, quiz_id: str) -> Path:
    return Path(root) / TUNED_DIR / f"{file_stem(quiz_id, 'quiz')}.toml"


def load_tuned(root: Path, quiz_id: str) -> TunedParameters | None:
    """The quiz's tuned parameters in this saves folder (None without; `SaveError` if bad)."""
    path = tuned_path(root, quiz_id)
    return load(path, TUNED) if path.exists() else None


def save_tuned(root: Path, tuned: TunedParameters) -> Path:
    path = tuned_path(root, tuned.quiz_id)
    save(path, tuned)
    return path
