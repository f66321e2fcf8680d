"""What the hub tells about a revealed question and the ranking: the split, standings, podium.

Players and the projector get the same figures; a player's message adds their own line (`you`),
so a student who cannot see the projector misses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from quizgame.engine.grading import describe_answer, right_answer
from quizgame.engine.records import AnswerRecord
from quizgame.format.models import ChoiceQuestion, MultiQuestion, Question, TrueFalseQuestion
from quizgame.live.players import LivePlayer

PODIUM_PLACES = 3
STANDINGS_SHOWN = 10


def outcome(answer: AnswerRecord | None) -> str:
    """One word for an answer: correct, partial, incorrect, timed_out or not_seen."""
    if answer is None or answer.not_seen:
        return "not_seen"
    if answer.timed_out:
        return "timed_out"
    if answer.correct:
        return "correct"
    return "partial" if answer.credit > 0 else "incorrect"


def split(question: Question, answers: Sequence[AnswerRecord]) -> list[dict[str, Any]]:
    """How the class answered: picks per option (in the quiz's order), or per outcome."""
    seen = [answer for answer in answers if not answer.not_seen]
    if isinstance(question, ChoiceQuestion | MultiQuestion | TrueFalseQuestion):
        if isinstance(question, TrueFalseQuestion):
            options: list[tuple[str, Any, bool]] = [
                ("True", True, question.answer), ("False", False, not question.answer)]
        else:
            right = ({question.answer} if isinstance(question, ChoiceQuestion)
                     else set(question.answers))
            options = [(choice, choice, choice in right) for choice in question.choices]
        rows = []
        for label, value, correct in options:
            picks = sum(
                1 for answer in seen
                if answer.given == value or (isinstance(answer.given, list) and value in answer.given)
            )
            rows.append({"label": label, "count": picks, "correct": correct})
        rows.append({"label": "no answer", "count": sum(a.timed_out for a in seen),
                     "correct": False})
        return rows
    counts = {"correct": 0, "partial": 0, "incorrect": 0, "timed_out": 0}
    for answer in seen:
        counts[outcome(answer)] += 1
    labels = {"correct": "right", "partial": "partly right", "incorrect": "wrong",
              "timed_out": "no answer"}
    return [{"label": labels[key], "count": count, "correct": key == "correct"}
            for key, count in counts.items()]


def your_answer(question: Question, answer: AnswerRecord | None, player: LivePlayer) -> dict[str, Any]:
    return {
        "outcome": outcome(answer),
        "given": describe_answer(question, answer.given) if answer and not answer.not_seen
        else "(not seen)",
        "points": answer.points if answer else 0,
        "streak": player.streak,
        "score": player.score,
    }


@dataclass(frozen=True, slots=True)
class Ranked:
    """A player's place: equal scores and times share a rank."""

    rank: int
    player: LivePlayer


def ranking(players: Iterable[LivePlayer]) -> list[Ranked]:
    ordered = sorted(players, key=lambda p: (-p.score, p.time_ms, p.name.casefold()))
    ranked: list[Ranked] = []
    for position, player in enumerate(ordered, start=1):
        previous = ranked[-1] if ranked else None
        tie = previous is not None and (previous.player.score, previous.player.time_ms) == (
            player.score, player.time_ms)
        ranked.append(Ranked(previous.rank if tie and previous else position, player))
    return ranked


def team_scores(players: Iterable[LivePlayer]) -> list[dict[str, Any]]:
    """Teams by mean score of their members (uneven teams stay fair), best first."""
    members: dict[str, list[int]] = {}
    for player in players:
        if player.team is not None:
            members.setdefault(player.team, []).append(player.score)
    rows = [{"team": team, "score": round(fmean(scores)), "members": len(scores)}
            for team, scores in members.items()]
    return sorted(rows, key=lambda row: (-row["score"], row["team"]))


def row(ranked: Ranked) -> dict[str, Any]:
    player = ranked.player
    return {"rank": ranked.rank, "name": player.name, "score": player.score, "team": player.team}


def table(ranked: Sequence[Ranked], places: int) -> list[dict[str, Any]]:
    return [row(entry) for entry in ranked[:places]]


def you(ranked: Sequence[Ranked], player: LivePlayer) -> dict[str, Any]:
    entry = next(entry for entry in ranked if entry.player is player)
    return {**row(entry), "of": len(ranked), "streak": player.streak}


def reveal_message(question: Question, index: int, total: int, active: Sequence[LivePlayer],
                   player: LivePlayer | None) -> dict[str, Any]:
    """The reveal of question `index` (0-based): the answer, the class's split, and for a
    player (None: the projector) their own line."""
    answers = [p.record.answers[index] for p in active if len(p.record.answers) > index]
    message: dict[str, Any] = {
        "type": "reveal", "number": index + 1, "total": total,
        "kind": question.type, "prompt": question.prompt,
        "right_answer": right_answer(question), "explanation": question.explanation,
        "split": split(question, answers)}
    if player is not None:
        answer = player.record.answers[index] if len(player.record.answers) > index else None
        message["you"] = your_answer(question, answer, player)
    return message


def standings_message(number: int, total: int, active: Sequence[LivePlayer],
                      player: LivePlayer | None) -> dict[str, Any]:
    """The standings after question `number`; a player's message adds their rank."""
    ranked = ranking(active)
    message: dict[str, Any] = {"type": "standings", "number": number, "total": total,
                               "top": table(ranked, STANDINGS_SHOWN),
                               "teams": team_scores(active)}
    if player is not None:
        message["you"] = you(ranked, player)
    return message


def podium_message(active: Sequence[LivePlayer], player: LivePlayer | None) -> dict[str, Any]:
    """The podium and the whole ranking; a player's message adds their rank."""
    ranked = ranking(active)
    message: dict[str, Any] = {"type": "podium", "top": table(ranked, PODIUM_PLACES),
                               "ranking": table(ranked, len(ranked)),
                               "teams": team_scores(active)}
    if player is not None:
        message["you"] = you(ranked, player)
    return message
