"""`quizgame join ADDRESS`: the student's Textual client (also each browser tab of `serve --join`).

A join form (code, name, and the rejoin code of a player coming back on another device or after
a refreshed tab), then whatever the hub sends: the question with its options, the verdict and
the class's split at reveal, standings and the podium. Imports only Textual and the live client
(no quiz format, no saves): it starts fast, and thirty tabs start at once.
"""

from __future__ import annotations

import os
import sys
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from quizgame import wording
from quizgame.live.client import LiveClient, QuestionView
from quizgame.plain.live_join import OUTCOMES, message_lines, ordinal, render
from quizgame.tui.css import module_css
from quizgame.tui.focus_cursor import CursorFollowsFocus
from quizgame.tui.live.lines import Palette, ranking_text, split_text, teams_text
from quizgame.tui.themes import install_themes
from quizgame.tui.verdicts import SYMBOL

PICKED_BY_LIST = ("choice", "truefalse")
PAUSE_NOTE = "F2 pauses updates"
HELD_WHILE_PAUSED = ("lobby", "reveal", "standings", "podium", "time")
"""What a paused view keeps for later (WCAG 2.2.2): the updates the player only reads. A new
question, an error and "answer received" always show: a paused player must still be able to
answer."""


class JoinApp(CursorFollowsFocus, App[None]):
    """One student's view of a live game (see the module docstring)."""

    CSS = module_css(__file__)
    TITLE = "quizgame live"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="join.quit"),
        # WCAG 2.2.1: 30 more seconds on this player's own deadline, when the teacher allows it.
        Binding("ctrl+g", "more_time", "+30 s", id="join.more_time"),
        Binding("f2", "toggle_updates", "Pause updates", id="join.pause_updates"),
    ]

    def __init__(self, address: str, *, code: str | None = None, name: str | None = None,
                 rejoin: str | None = None, theme: str | None = None,
                 show_cursor: bool = False) -> None:
        super().__init__()
        install_themes(self, theme)
        self.show_terminal_cursor = show_cursor
        self.address, self.join_code, self.player_name = address, code, name
        self.rejoin_code = rejoin or ""
        self.client: LiveClient | None = None
        self.question: QuestionView | None = None
        self.more_time_ok = False
        """Whether the more-time key works now (the hub says so with each question)."""
        self.warning: Timer | None = None
        """The time warning of the question on screen, due when its warning time comes."""
        self.you = ""
        self.paused = False
        """Whether the standings, reveal and countdown wait (F2); `held` keeps them meanwhile."""
        self.held: list[dict[str, Any]] = []
        self.said = ""
        """The status line's own text (without the paused note)."""

    def compose(self) -> ComposeResult:
        yield Static(f"quizgame live · {self.address} · {PAUSE_NOTE}", id="me")
        with Vertical(id="form"):
            yield Input(self.join_code or "", placeholder="Join code", id="code")
            yield Input(self.player_name or "", placeholder="Your name", id="name", max_length=40)
            yield Input(self.rejoin_code, placeholder="Rejoin code (only if you were already in)",
                        id="rejoin")
            yield Button("Join", id="join", variant="primary")
        yield Static(id="prompt")
        yield OptionList(id="options")
        yield Input(id="typed")
        yield Static(id="board")
        yield Static("Type the join code and your name.", id="status")

    def on_mount(self) -> None:
        for widget in ("#options", "#typed"):
            self.query_one(widget).display = False
        if self.join_code and self.player_name:
            self._start(self.join_code, self.player_name, self.rejoin_code)
        else:
            self.query_one("#code" if not self.join_code else "#name", Input).focus()

    # -- joining -------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._submit_form()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "typed":
            self._answer(event.value)
        elif event.input.id == "code" and not self.query_one("#name", Input).value.strip():
            self.query_one("#name", Input).focus()
        else:
            self._submit_form()

    def _submit_form(self) -> None:
        code, name, rejoin = (self.query_one(f"#{field}", Input).value.strip()
                              for field in ("code", "name", "rejoin"))
        if not code or not name:
            self._status("Type the join code and your name.")
            return
        self._start(code, name, rejoin)

    def _start(self, code: str, name: str, rejoin: str) -> None:
        self.query_one("#form").display = False
        self._status("Connecting...")
        self.client = LiveClient(self.address, code=code, name=name, on_message=self._on,
                                 client="tui", rejoin_code=rejoin)
        self.run_worker(self._run(self.client), exclusive=True)

    async def _run(self, client: LiveClient) -> None:
        await client.run()

    # -- what the hub says ---------------------------------------------------------------

    def _on(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if self.paused and kind in HELD_WHILE_PAUSED:
            self.held = [old for old in self.held if old.get("type") != kind or kind == "reveal"]
            self.held.append(message)  # the newest of each kind (every reveal: they are yours)
            self._status(self.said)
            return
        if kind == "question":
            self.held.clear()  # the last question's reveal and standings are over
        if kind == "welcome":
            player = message["player"]
            team = f" · team {player['team']}" if player.get("team") else ""
            self.you = f"{player['name']}{team} · rejoin code {message['rejoin']}"
            self.query_one("#me", Static).update(
                f"{message['game']['title']} · {self.you} · {PAUSE_NOTE}")
            self._status("You are in.")
        elif kind == "lobby":
            self._status(f"Waiting for the teacher to start ({len(message['players'])} in).")
        elif kind == "question":
            self._show_question(QuestionView.of(message))
        elif kind == "ack":
            self._warn_at(None)
            self._lock("Answer received. Wait for the reveal.")
        elif kind == "reveal":
            self._warn_at(None)
            self._show_reveal(message)
        elif kind in ("standings", "podium"):
            self._show_ranking(message)
        elif kind == "error":
            self._status(message["message"])
            if self.client is not None and self.client.over:
                self.query_one("#form").display = True
        elif kind in ("kicked", "replaced", "gone"):
            self._status(message["message"])
        elif kind == "reconnecting":
            self._status(" ".join(message_lines(message)))
        elif kind == "paused":
            self._status("The teacher paused the game.")
        elif kind == "time":
            self._show_time(message)

    def _show_time(self, message: dict[str, Any]) -> None:
        """The player's own time left (and whether the more-time key still works)."""
        if message.get("remaining_ms") is None:
            return
        self.more_time_ok = bool(message.get("more_time"))
        self._status(wording.time_left(message["remaining_ms"] / 1000))
        self.refresh_bindings()
        self._warn_at(message["remaining_ms"])

    def _warn_at(self, remaining_ms: int | None) -> None:
        """`Time left: N seconds.` once, when the player's own warning time comes (WCAG 2.2.1);
        None (an answer sent, a reveal) calls it off."""
        if self.warning is not None:
            self.warning.stop()
            self.warning = None
        view = self.question
        if remaining_ms is None or view is None or view.answered or not view.warning_s:
            return
        left = min(view.warning_s, remaining_ms / 1000)

        def warn() -> None:
            if self.question is view:
                more = " Press ctrl+g for 30 seconds more." if self.more_time_ok else ""
                self._status(wording.time_left(left) + more)

        wait = remaining_ms / 1000 - view.warning_s
        if wait > 0:
            self.warning = self.set_timer(wait, warn)
        else:
            warn()  # already within the warning time (a late join, the teacher's extension)

    def _show_question(self, view: QuestionView) -> None:
        self.question = view
        self.more_time_ok = view.more_time and not view.answered
        self.refresh_bindings()
        how = [line for line in render(view) if not line.startswith("  ")]
        self.query_one("#prompt", Static).update(Text.assemble(
            (f"Question {view.number}/{view.total}\n", "dim"), (view.prompt, "bold")))
        self.query_one("#board", Static).update("")
        options = self.query_one("#options", OptionList)
        typed = self.query_one("#typed", Input)
        by_list = view.type in PICKED_BY_LIST
        options.display, typed.display = by_list, not by_list
        if by_list:
            labels = view.options if view.type == "choice" else ("True", "False")
            options.clear_options()
            options.add_options([Option(label, id=str(i)) for i, label in enumerate(labels, 1)])
            options.disabled = view.answered
            options.focus()
        else:
            if view.options:
                listed = "\n".join(f"{n}. {o}" for n, o in enumerate(view.options, 1))
                lefts = "".join(f"{chr(65 + n)}. {left}\n" for n, left in enumerate(view.lefts))
                self.query_one("#board", Static).update(f"{lefts}{listed}")
            typed.value, typed.placeholder = "", " ".join(how)
            typed.disabled = view.answered
            typed.focus()
        timing = "" if view.remaining_ms is None else f" · {view.remaining_ms // 1000} s"
        if self.more_time_ok:
            timing += " · ctrl+g: 30 s more"
        self._status("You already answered: wait for the reveal." if view.answered
                     else f"Your answer{timing}")
        self._warn_at(view.remaining_ms)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.question is None:
            return
        raw = event.option.id or ""
        if self.question.type == "truefalse":
            raw = "true" if raw == "1" else "false"
        self._answer(raw)

    def _answer(self, raw: str) -> None:
        if self.question is None or self.client is None or not raw.strip():
            return
        number = self.question.number
        self.run_worker(self.client.answer(number, raw), group="answers")
        self._status("Sending...")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "more_time":
            return self.more_time_ok
        return True

    def action_more_time(self) -> None:
        if self.question is None or self.client is None or not self.more_time_ok:
            return
        self.run_worker(self.client.more_time(self.question.number), group="answers")

    def _lock(self, status: str) -> None:
        self.more_time_ok = False
        self.refresh_bindings()
        self.query_one("#options", OptionList).disabled = True
        self.query_one("#typed", Input).disabled = True
        self._status(status)

    def _show_reveal(self, message: dict[str, Any]) -> None:
        you = message.get("you", {})
        outcome = you.get("outcome", "")
        mark = f"{SYMBOL[outcome]} " if outcome in SYMBOL else ""  # a word and a mark, not colour
        self._lock(f"{mark}{OUTCOMES.get(outcome, '')} · +{you.get('points', 0)} "
                   f"points · score {you.get('score', 0)} · streak {you.get('streak', 0)}")
        palette = Palette.of(self)
        text = Text.assemble((f"Answer: {message['right_answer']}\n", palette.right),
                             (f"You: {you.get('given', '')}\n\n", ""))
        text.append_text(split_text(message["split"], palette))
        if message.get("explanation"):
            text.append(f"\n{message['explanation']}", style="italic")
        self.query_one("#board", Static).update(text)

    def _show_ranking(self, message: dict[str, Any]) -> None:
        podium = message["type"] == "podium"
        for widget in ("#options", "#typed"):
            self.query_one(widget).display = False
        self.query_one("#prompt", Static).update(
            Text("Podium" if podium else
                 f"Standings after {message['number']}/{message['total']}", style="bold"))
        text = ranking_text(message["top"], podium=podium, palette=Palette.of(self))
        text.append("\n")
        text.append_text(teams_text(message.get("teams", [])))
        self.query_one("#board", Static).update(text)
        you = message.get("you")
        if you:
            self._status(f"You are {ordinal(you['rank'])} of {you['of']} with {you['score']} "
                         "points." + (" Ctrl+Q to leave." if podium else ""))

    def _status(self, text: str) -> None:
        """The status line; while paused it also says so (and how many updates wait)."""
        self.said = text
        if self.paused:
            waiting = f" ({len(self.held)} waiting)" if self.held else ""
            text = f"{text} · Updates paused{waiting}: F2 resumes; new questions still show."
        self.query_one("#status", Static).update(text)

    def action_toggle_updates(self) -> None:
        self.paused = not self.paused
        held, self.held = self.held, []
        self._status(self.said if self.paused else f"{self.said} · Updates resumed.")
        for message in held:
            self._on(message)

    async def action_quit(self) -> None:
        if self.client is not None:
            await self.client.close()
        self.exit()


def run_join_app(address: str, *, code: str | None, name: str | None,
                 rejoin: str | None = None, theme: str | None = None,
                 show_cursor: bool = False) -> int:
    JoinApp(address, code=code, name=name, rejoin=rejoin, theme=theme,
            show_cursor=show_cursor).run()
    return 0


if __name__ == "__main__":  # what `serve --join` runs for each browser tab: no CLI parser
    from quizgame.tui.themes import checked_theme

    theme = checked_theme(os.environ.get("QUIZGAME_THEME"))  # the teacher's `serve` environment
    sys.exit(run_join_app(sys.argv[1], code=None, name=None, theme=theme))
