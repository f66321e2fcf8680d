"""`quizgame host --plain`: the teacher's controls as lines on stdin, one line per event on stdout.

The first line names the address students use and the join code. Commands (one a line): start,
next, reveal, pause, resume, more [SECONDS], skip, kick NAME, lock, unlock, allow NAME,
team NAME TEAM, players, end. End of input changes nothing (the game goes on until `end`,
Ctrl+C or a signal; a stopped game continues with `host --resume`).
"""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from quizgame.live.addresses import is_loopback, join_url
from quizgame.live.game import Refused, Send
from quizgame.live.hub import Hub

EXTRA_S = 15
Action = Callable[[datetime, float], list[Send]]


def event_line(message: dict[str, Any]) -> str | None:
    """The line an event of the hub prints (None: nothing worth a line)."""
    kind = message["type"]
    match kind:
        case "joined" | "left":
            team = f" [{message['team']}]" if message.get("team") else ""
            return f"{kind}: {message['name']}{team} ({message['players']} connected)"
        case "question":
            limit = f" ({message['time_limit']} s)" if message["time_limit"] else " (untimed)"
            return f"question {message['number']}/{message['total']}: {message['prompt']}{limit}"
        case "count":
            return f"answers: {message['answered']}/{message['players']}"
        case "reveal":
            split = ", ".join(f"{row['label']} {row['count']}" for row in message["split"])
            return (f"reveal {message['number']}: right answer: {message['right_answer']}; "
                    f"split: {split}")
        case "standings" | "podium":
            rows = message["top"] if kind == "standings" else message["ranking"]
            ranking = ", ".join(f"{row['rank']}. {row['name']} {row['score']}" for row in rows)
            teams = "; teams: " + ", ".join(f"{t['team']} {t['score']}" for t in message["teams"]) \
                if message["teams"] else ""
            what = f"standings after {message['number']}/{message['total']}" \
                if kind == "standings" else "podium"
            return f"{what}: {ranking or '(nobody)'}{teams}"
        case "lock":
            return "lobby locked" if message["locked"] else "lobby open"
        case "kicked" | "allowed":
            return f"{kind}: {message['name']}"
        case "rejoin_request":
            return f"rejoin request: {message['name']} (type: allow {message['name']})"
        case "skipped":
            return f"skipped question {message['number']}"
        case "paused":
            return "paused"
        case "time":
            remaining = message["remaining_ms"]
            return "running" if remaining is None else f"time left: {remaining // 1000} s"
        case "save_error":
            return f"warning: {message['message']}"
        case "waiting":
            return (f"time is up; waiting for {message['players']} with more time "
                    "(reveal: now)")
    return None


def parse_command(hub: Hub, line: str) -> Action | str | None:
    """The action a command line asks for, or a line to print (help, players, a problem)."""
    game = hub.game
    word, _, rest = line.strip().partition(" ")
    rest = rest.strip()
    simple: dict[str, Action] = {
        "start": game.start, "next": game.next, "reveal": game.reveal, "skip": game.skip,
        "end": game.end,
    }
    if not word:
        return None
    if word in simple:
        return simple[word]
    if word in ("pause", "resume"):
        return lambda now, mono: getattr(game, word)(mono)
    if word in ("more", "+15"):
        seconds = int(rest) if rest.isdecimal() else EXTRA_S
        return lambda now, mono: game.extend(seconds, mono)
    if word in ("lock", "unlock"):
        return lambda now, mono: game.lock(word == "lock", mono)
    if word in ("kick", "allow") and rest:
        return (lambda now, mono: game.kick(rest, mono)) if word == "kick" \
            else (lambda now, mono: game.allow(rest))
    if word == "team" and " " in rest:
        name, team = rest.rsplit(" ", 1)
        return lambda now, mono: game.assign_team(name, team, mono)
    if word == "players":
        return "players: " + (", ".join(
            f"{p.name}{'' if p.connected else ' (away)'} {p.score}" for p in game.active)
            or "(none)")
    return ("commands: start, next, reveal, pause, resume, more [SECONDS], skip, kick NAME, "
            "lock, unlock, allow NAME, team NAME TEAM, players, end")


def _lines(loop: asyncio.AbstractEventLoop, stream: TextIO, queue: asyncio.Queue[str]) -> None:
    for line in stream:
        loop.call_soon_threadsafe(queue.put_nowait, line)


async def host_plain(hub: Hub, listen: str, share: str, port: int, *,
                     stdin: TextIO, stdout: TextIO) -> int:
    def say(line: str) -> None:
        print(line, file=stdout, flush=True)

    def on_event(message: dict[str, Any]) -> None:
        line = event_line(message)
        if line is not None:
            say(line)

    hub.listen(on_event)
    await hub.start(listen, port)
    game = hub.game
    say(f"quizgame host: join at {join_url(share, hub.port)} with code {game.code} "
        f"(game {game.game_id}; quiz {game.quiz.quiz.title!r}; {len(game.order)} questions)")
    if not is_loopback(listen):
        say(f"listening on {listen} port {hub.port}: anyone on this network with the code can join")
    else:
        say("listening on this machine only (127.0.0.1): use --lan to let the class in")
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    commands: asyncio.Queue[str] = asyncio.Queue()
    threading.Thread(target=_lines, args=(loop, stdin, commands), daemon=True).start()
    stopping = asyncio.create_task(stop.wait())
    try:
        while game.phase != "podium" and not stop.is_set():
            reading = asyncio.create_task(commands.get())
            await asyncio.wait({reading, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not reading.done():
                reading.cancel()
                break
            action = parse_command(hub, reading.result())
            if isinstance(action, str):
                say(action)
            elif action is not None:
                try:
                    await hub.command(action)
                except Refused as problem:
                    say(f"cannot: {problem.message}")
        await asyncio.sleep(0.2)  # the last messages reach the players
    finally:
        stopping.cancel()
        await hub.stop()
    if game.phase == "podium":
        say(f"game over: scores saved in {hub.saves.root}")
    else:
        say(f"stopped: continue with quizgame host {game.quiz.quiz.id} --resume {game.game_id}")
    return 0


def run_plain_host(hub: Hub, listen: str, share: str, port: int) -> int:
    sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    return asyncio.run(host_plain(hub, listen, share, port, stdin=sys.stdin, stdout=sys.stdout))
