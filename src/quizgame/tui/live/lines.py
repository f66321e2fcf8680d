"""Rich text of the hub's messages, shared by the projector and the student client.

A split becomes a bar per option, standings and podium a ranked list: the same figures a player
reads in `join --plain` (quizgame.plain.live_join), drawn for a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import App

BAR_WIDTH = 30
LABEL_WIDTH = 44
MEDALS = ("1st", "2nd", "3rd")


@dataclass(frozen=True)
class Palette:
    """The styles of right, wrong and scores, taken from the app's theme (`Palette.of`) so that
    the high-contrast and colour-blind themes reach the live game too; meaning is in the words
    and marks (`✓`, "Answer:"), never in these colours alone."""

    right: str = "bold green"
    wrong: str = "red"
    score: str = "bold yellow"

    @classmethod
    def of(cls, app: App[Any]) -> Palette:
        theme = app.theme_variables
        return cls(right=f"bold {theme['text-success']}", wrong=theme["text-error"],
                   score=f"bold {theme['text-warning']}")


def split_text(split: list[dict[str, Any]], palette: Palette = Palette()) -> Text:
    most = max((row["count"] for row in split), default=0) or 1
    width = min(LABEL_WIDTH, max((len(row["label"]) for row in split), default=0))
    text = Text()
    for row in split:
        filled = round(BAR_WIDTH * row["count"] / most)
        style = palette.right if row["correct"] else palette.wrong if row["count"] else "dim"
        label = row["label"] if len(row["label"]) <= width else row["label"][:width - 1] + "…"
        text.append(f"{label:<{width}} ", style="bold" if row["correct"] else "")
        text.append("█" * filled + "·" * (BAR_WIDTH - filled), style=style)
        text.append(f" {row['count']}{'  ✓' if row['correct'] else ''}\n")
    return text


def ranking_text(rows: list[dict[str, Any]], *, podium: bool = False,
                 palette: Palette = Palette()) -> Text:
    text = Text()
    for row in rows:
        place = MEDALS[row["rank"] - 1] if podium and row["rank"] <= 3 else f"{row['rank']}."
        team = f"  [{row['team']}]" if row.get("team") else ""
        text.append(f"{place:>4} {row['name']}{team}", style="bold" if row["rank"] == 1 else "")
        text.append(f"  {row['score']}\n", style=palette.score)
    return text or Text("(nobody yet)", style="dim")


def teams_text(teams: list[dict[str, Any]]) -> Text:
    text = Text()
    for team in teams:
        text.append(f"Team {team['team']}: {team['score']} ({team['members']} players)\n")
    return text
