"""The help screen: every key of every screen, read from the bindings themselves (so it cannot
fall out of date), and how points are counted. One line per key, so that it reads at 80×24."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from quizgame.engine.scoring import RULES_IN_WORDS
from quizgame.tui.css import module_css
from quizgame.tui.widgets.keybar import KeyBar

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Everywhere", ("quizgame.tui.app:QuizApp",)),
    ("Home", ("quizgame.tui.screens.home:HomeScreen", "quizgame.tui.widgets.quiz_table:QuizTable")),
    ("Who is playing", ("quizgame.tui.screens.player_prompt:PlayerPromptScreen",)),
    (
        "Question",
        ("quizgame.tui.screens.question:QuestionScreen", "quizgame.tui.widgets.rows:Rows"),
    ),
    ("Choice", ("quizgame.tui.widgets.choice:ChoiceInput",)),
    ("True or false", ("quizgame.tui.widgets.truefalse:TrueFalseInput",)),
    ("Multi (several right answers)", ("quizgame.tui.widgets.multi:MultiInput",)),
    ("Order", ("quizgame.tui.widgets.order:OrderInput",)),
    ("Match", ("quizgame.tui.widgets.match:MatchInput",)),
    ("Number and text", ("quizgame.tui.widgets.typed:TypedInput", "quizgame.tui.widgets.typed:AnswerLine")),
    ("Feedback", ("quizgame.tui.widgets.feedback:FeedbackPanel",)),
    ("Results", ("quizgame.tui.screens.results:ResultsScreen",)),
    ("Leaderboard", ("quizgame.tui.screens.leaderboard:LeaderboardScreen",)),
    ("Progress", ("quizgame.tui.screens.progress:ProgressScreen",)),
    ("Teacher report", ("quizgame.tui.screens.report:ReportScreen",)),
    ("Forgetting forecast", ("quizgame.tui.screens.forecast:ForecastScreen",)),
)

SCORING = RULES_IN_WORDS
KEY = "bold $footer-key-foreground"
NOTE = "dim"


def _load(target: str) -> type[DOMNode] | None:
    """The class named "module:Class", or None when that screen is not installed."""
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return None
    return getattr(module, class_name, None)


def _own_bindings(cls: type[DOMNode]) -> Iterator[Binding]:
    """Bindings declared by quizgame's classes in `cls`'s ancestry (not Textual's built-ins)."""
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("quizgame."):
            for binding in klass.__dict__.get("BINDINGS", ()):
                if isinstance(binding, Binding):
                    yield binding


def _instructions(cls: type[DOMNode]) -> str:
    return str(getattr(cls, "INSTRUCTIONS", ""))


class HelpScreen(Screen[None]):
    """Every key, screen by screen; Escape goes back."""

    DEFAULT_CSS = module_css(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark", "back", "Back", id="quizgame.help_back"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("↑↓ and PgUp/PgDn scroll these keys; Escape goes back.", classes="help-note")
            for heading, body in self.help_sections():
                yield Static(heading, classes="help-heading", markup=False)
                yield Static(body, classes="help-body")
        yield KeyBar()

    def key_text(self, binding: Binding) -> str:
        """Every key of the binding ("shift+↑ / u"); a single key as the footer shows it."""
        keys = [key.strip() for key in binding.key.split(",")]
        if len(keys) == 1 and binding.key_display:
            return binding.key_display
        return " / ".join(self.app.get_key_display(Binding(key, binding.action)) for key in keys)

    def help_sections(self) -> list[tuple[str, Content]]:
        """(heading, body) for each screen, then how points are counted. A screen's body says what
        to do there, then gives one line per key: the keys, then what they do."""
        sections = []
        for title, targets in SECTIONS:
            classes = [cls for cls in map(_load, targets) if cls is not None]
            if not classes:
                continue
            keys_by_description: dict[str, list[str]] = {}
            for cls in classes:
                for binding in _own_bindings(cls):
                    keys = keys_by_description.setdefault(binding.description, [])
                    if (key := self.key_text(binding)) not in keys:
                        keys.append(key)
            lines = []
            instructions = " ".join(filter(None, map(_instructions, classes)))
            if instructions:
                lines.append(Content.styled(f"{instructions}.", NOTE))
            rows = [(" / ".join(keys), description) for description, keys in keys_by_description.items()]
            width = max((cell_len(keys) for keys, _ in rows), default=0)
            lines += [
                Content.assemble((keys, KEY), " " * (width - cell_len(keys) + 2), description)
                for keys, description in rows
            ]
            sections.append((title, Content("\n").join(lines)))
        sections.append(("Scoring", Content("\n").join(f"• {rule}" for rule in SCORING)))
        return sections

    def action_back(self) -> None:
        self.dismiss()
