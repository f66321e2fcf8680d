"""`quizgame host QUIZ`: the teacher's projector screen, with the hub running in its event loop.

The join address and code in large type with a QR code of the phone page, the lobby filling up,
the question with a live answer count and the time left, then the class's split, the standings
and the podium. Every key is one of the hub's controls; the screen decides nothing.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Footer, Input, Static

from quizgame.live.addresses import is_loopback, join_url
from quizgame.live.game import Refused
from quizgame.live.hub import Hub
from quizgame.tui.css import module_css
from quizgame.tui.focus_cursor import CursorFollowsFocus
from quizgame.tui.live.lines import Palette, ranking_text, split_text, teams_text
from quizgame.tui.live.qr import qr_text
from quizgame.tui.themes import install_themes

EXTRA_S = 15
FROZEN = "View frozen: the game goes on, keys still work; v (or F2) shows it again"


class HostApp(CursorFollowsFocus, App[None]):
    """The projector screen of one hosted game (see the module docstring)."""

    CSS = module_css(__file__)
    TITLE = "quizgame live"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "control('start')", "Start", id="host.start"),
        Binding("n,space", "control('next')", "Next", id="host.next"),
        Binding("r", "control('reveal')", "Reveal", id="host.reveal"),
        Binding("p", "pause", "Pause", id="host.pause"),
        Binding("plus,equals_sign", "more", "+15 s", id="host.more"),
        Binding("k", "control('skip')", "Skip", id="host.skip"),
        Binding("l", "lock", "Lock", id="host.lock"),
        Binding("x", "ask('kick')", "Kick", id="host.kick"),
        Binding("a", "ask('allow')", "Let back", show=False, id="host.allow"),
        Binding("e", "control('end')", "End", id="host.end"),
        # WCAG 2.2.2: the projector's moving parts (counts, seconds, standings) can be frozen;
        # the game goes on and the keys still work. F2 pauses updates in every quizgame view.
        Binding("v,f2", "toggle_view", "Freeze view", id="host.pause_view"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="host.quit"),
        Binding("escape", "cancel", "Cancel", show=False, id="host.cancel"),
    ]

    def __init__(self, hub: Hub, listen: str, share: str, port: int, *,
                 theme: str | None = None, show_cursor: bool = False) -> None:
        super().__init__()
        install_themes(self, theme)
        self.show_terminal_cursor = show_cursor
        self.hub, self.listen_on, self.share, self.wanted_port = hub, listen, share, port
        self.last: dict[str, Any] = {"type": "lobby"}
        self.counts = {"answered": 0, "players": 0}
        self.note = ""
        self._asking: str | None = None
        self.frozen = False
        """Whether the screen stopped following the game (v): it shows it again on `v`."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="join"):
            with Vertical(id="join-text"):
                yield Static("Join code", id="code-label")
                yield Digits(self.hub.game.code, id="code")
                yield Static(id="address")
            yield Static(id="qr")
        yield Static(id="main")
        yield Input(id="ask")
        yield Static(id="status")
        yield Footer()

    async def on_mount(self) -> None:
        self.hub.listen(self._on_event)
        try:
            await self.hub.start(self.listen_on, self.wanted_port)
        except Exception as problem:  # the port is taken: say so on the terminal
            self.exit(message=str(problem))
            return
        url = join_url(self.share, self.hub.port)
        game = self.hub.game
        self.query_one("#qr", Static).update(qr_text(f"{url}?code={game.code}"))
        reach = "this machine only: restart with --lan for the class" \
            if is_loopback(self.listen_on) else "the school network"
        self.query_one("#address", Static).update(Text.assemble(
            ("Phones and browsers: ", ""), (url, "bold"), "\n",
            ("Terminals: ", ""), (f"quizgame join {self.share}:{self.hub.port} --code "
                                  f"{game.code}", "bold"), "\n",
            (f"{game.quiz.quiz.title} · {len(game.order)} questions · {reach}", "dim")))
        self.query_one("#ask", Input).display = False
        self.set_interval(0.5, self._show_status)
        self._show()

    # -- events from the hub -----------------------------------------------------------

    def _on_event(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "count":
            self.counts = {"answered": message["answered"], "players": message["players"]}
        elif kind in ("joined", "left"):
            self.counts["players"] = message["players"]
            self.note = f"{message['name']} {kind}"
        elif kind in ("question", "reveal", "standings", "podium", "skipped"):
            self.last = message
            if kind == "question":
                self.counts = {"answered": 0, "players": message["players"]}
                self.note = ""
        elif kind == "rejoin_request":
            self.note = f"{message['name']} is back after the grace period: press a to let them in"
        elif kind in ("kicked", "allowed", "save_error"):
            self.note = message.get("message") or f"{message['name']} {kind}"
        elif kind == "lock":
            self.note = "lobby locked" if message["locked"] else "lobby open"
        elif kind == "waiting":
            self.note = (f"waiting for {message['players']} with more time (n: reveal now)")
        self._show()

    def _show(self) -> None:
        if self.frozen:
            return
        game, message = self.hub.game, self.last
        self.query_one("#join").set_class(game.phase != "lobby", "-playing")
        kind = message["type"]
        text = Text()
        if game.phase == "lobby":
            names = [p.name for p in game.active]
            text.append(f"{len(names)} in the lobby\n\n", style="bold")
            text.append("   ".join(names) or "Waiting for players...")
        elif kind == "question":
            text.append(f"Question {message['number']}/{message['total']}\n", style="dim")
            text.append(f"{message['prompt']}\n\n", style="bold")
            for number, option in enumerate(message["options"], start=1):
                text.append(f"  {number}. {option}\n")
        elif kind == "reveal":
            text.append(f"Question {message['number']}/{message['total']}: "
                        f"{message['prompt']}\n", style="dim")
            text.append(f"Answer: {message['right_answer']}\n\n", style=Palette.of(self).right)
            text.append_text(split_text(message["split"], Palette.of(self)))
            if message.get("explanation"):
                text.append(f"\n{message['explanation']}", style="italic")
        elif kind in ("standings", "podium"):
            podium = kind == "podium"
            text.append("Podium\n\n" if podium else
                        f"Standings after {message['number']}/{message['total']}\n\n",
                        style="bold")
            text.append_text(ranking_text(message["top"], podium=podium, palette=Palette.of(self)))
            text.append("\n")
            text.append_text(teams_text(message["teams"]))
            if podium:
                text.append(f"\nScores saved in {self.hub.saves.root}", style="dim")
        self.query_one("#main", Static).update(text)
        self._show_status()

    def _show_status(self) -> None:
        if self.frozen:
            return
        game = self.hub.game
        parts = [f"{game.phase}", f"{self.counts['players']} connected"]
        if game.phase == "question":
            parts.append(f"{self.counts['answered']} answered")
            remaining = game.clock.remaining_ms(time.monotonic()) if game.clock else None
            if game.clock is not None and game.clock.paused_at is not None:
                parts.append("PAUSED")
            elif remaining is not None:
                parts.append(f"{remaining // 1000} s left")
        if game.phase != "lobby":
            parts.append(f"code {game.code}")
        parts.append("locked" if game.locked else "open to late joiners")
        if self.note:
            parts.append(self.note)
        self.query_one("#status", Static).update(" · ".join(parts))

    # -- the teacher's keys ----------------------------------------------------------------

    async def _run(self, action: Any) -> None:
        try:
            await self.hub.command(action)
        except Refused as problem:
            self.note = problem.message
            if self.frozen:  # a refused key is said even on a frozen screen
                self.query_one("#status", Static).update(f"{FROZEN} · {problem.message}")
            self._show_status()

    async def action_control(self, name: str) -> None:
        await self._run(getattr(self.hub.game, name))

    async def action_pause(self) -> None:
        game = self.hub.game
        paused = game.clock is not None and game.clock.paused_at is not None
        await self._run(lambda now, mono: game.resume(mono) if paused else game.pause(mono))

    async def action_more(self) -> None:
        await self._run(lambda now, mono: self.hub.game.extend(EXTRA_S, mono))

    async def action_lock(self) -> None:
        game = self.hub.game
        await self._run(lambda now, mono: game.lock(not game.locked, mono))

    def action_ask(self, what: str) -> None:
        ask = self.query_one("#ask", Input)
        self._asking = what
        ask.placeholder = f"Name of the player to {'kick' if what == 'kick' else 'let back in'}" \
                          " (Enter; Escape cancels)"
        ask.value = ""
        ask.display = True
        ask.focus()

    def action_toggle_view(self) -> None:
        self.frozen = not self.frozen
        if self.frozen:
            self.query_one("#status", Static).update(FROZEN)
        else:
            self._show()

    def action_cancel(self) -> None:
        self.query_one("#ask", Input).display = False
        self._asking = None

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        name, what = event.value.strip(), self._asking
        self.action_cancel()
        game = self.hub.game
        if name and what == "kick":
            await self._run(lambda now, mono: game.kick(name, mono))
        elif name and what == "allow":
            await self._run(lambda now, mono: game.allow(name))

    async def action_quit(self) -> None:
        await self.hub.stop()
        game = self.hub.game
        self.exit(message=f"Game over: scores saved in {self.hub.saves.root}"
                  if game.phase == "podium" else
                  f"Stopped: continue with quizgame host {game.quiz.quiz.id} --resume "
                  f"{game.game_id}")


def run_host_app(hub: Hub, listen: str, share: str, port: int, *,
                 theme: str | None = None, show_cursor: bool = False) -> int:
    HostApp(hub, listen, share, port, theme=theme, show_cursor=show_cursor).run()
    return 0
