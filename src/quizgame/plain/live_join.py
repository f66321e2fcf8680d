"""`quizgame join ADDRESS --plain`: a live game line by line, for screen readers and scripts.

Prints each question as plain mode does (numbered options, how to answer), reads the answer from
stdin, says when the hub has it, then prints the verdict, the class's split, the standings and
the podium: everything the projector shows, as text. A dropped connection is retried by itself.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from typing import Any, TextIO

from quizgame import wording
from quizgame.live.client import LiveClient, QuestionView
from quizgame.plain.keys import MORE_TIME

HOW = {
    "choice": "Answer: the number or the text of your choice.",
    "poll": "Vote: the number or the text of your choice (a poll: no answer is right).",
    "multi": "Answer: pick every right one; numbers or texts separated by commas.",
    "truefalse": "Answer: true or false (t, f, yes, no).",
    "number": "Answer: a number.",
    "estimate": "Answer: your estimate, a number (closer earns more).",
    "text": "Answer: type it (case and accents do not matter).",
    "order": "Answer: all the items in the right order, first to last; numbers or texts "
             "separated by commas.",
    "match": "Answer: for each left item in order, the number or text of its partner, "
             "separated by commas.",
}


def render(view: QuestionView) -> list[str]:
    """The lines under a question's prompt: its options (lettered lefts for match) and how to
    answer, from what the hub sent (the client never has the quiz's question)."""
    lefts = [f"  {chr(65 + n)}. {left}" for n, left in enumerate(view.lefts)]
    options = [f"  {n}. {option}" for n, option in enumerate(view.options, start=1)]
    how = HOW.get(view.type, "Answer: type it.")
    if view.type in ("number", "estimate") and view.unit:
        how = how.replace("a number", f"a number (in {view.unit})", 1)
    return [*lefts, *(["with one of:"] if lefts else []), *options, how]

OUTCOMES = {**wording.VERDICTS, "not_seen": "Not seen"}
"""The verdict of a reveal in words (`quizgame.wording`'s, as in `play --plain`)."""


def ordinal(rank: int) -> str:
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def right_mark(row: dict[str, Any]) -> str:
    """The " (right)" after the right option of a split; a split by outcome already says "right"."""
    return " (right)" if row["correct"] and row["label"] != "right" else ""


def message_lines(message: dict[str, Any]) -> list[str]:
    """What a player reads for one message from the hub."""
    kind = message.get("type")
    match kind:
        case "welcome":
            game = message["game"]
            team = f", team {message['player']['team']}" if message["player"].get("team") else ""
            return [f"Joined {game['title']!r} as {message['player']['name']}{team}. "
                    f"Your rejoin code: {message['rejoin']}"]
        case "lobby":
            return [f"Waiting for the teacher to start "
                    f"({wording.count(len(message['players']), 'player')} in)."]
        case "question":
            view = QuestionView.of(message)
            timing = [] if view.remaining_ms is None else [wording.time_left(view.remaining_ms / 1000)]
            lines = [wording.question_line(view.number, view.total, view.prompt), *timing,
                     *render(view)]
            if view.more_time and not view.answered:
                lines.append("Type + for 30 seconds more.")
            return lines + (["(You already answered; wait for the reveal.)"] if view.answered
                            else [])
        case "ack":
            return ["Answer received; wait for the reveal."]
        case "reveal":
            you = message.get("you", {})
            lines = [f"{OUTCOMES.get(you.get('outcome', ''), 'Not answered')}. You answered "
                     f"{you.get('given')}; +{you.get('points', 0)} points (score "
                     f"{you.get('score', 0)}, streak {you.get('streak', 0)}).",
                     f"Right answer: {message['right_answer']}"]
            if message.get("explanation"):
                lines.append(message["explanation"])
            split = ", ".join(f"{row['label']}{right_mark(row)}: {row['count']}"
                              for row in message["split"])
            return lines + [f"The class: {split}"]
        case "standings" | "podium":
            you = message.get("you")
            head = "Final podium:" if kind == "podium" else \
                f"Standings after question {message['number']} of {message['total']}:"
            rows = [f"  {row['rank']}. {row['name']} {row['score']}" for row in message["top"]]
            teams = [f"  team {t['team']}: {t['score']}" for t in message.get("teams", [])]
            mine = [f"You are {ordinal(you['rank'])} of {you['of']} with {you['score']} points."] \
                if you else []
            return [head, *rows, *teams, *mine]
        case "error":
            return [f"{message['message']}"]
        case "kicked" | "replaced" | "gone":
            return [message["message"]]
        case "reconnecting":
            if message.get("ever_connected"):
                return ["Connection lost: reconnecting..."]
            return [f"Cannot reach the game at {message.get('url')} yet: trying again..."]
        case "paused":
            return ["The teacher paused the game."]
        case "time":
            remaining = message.get("remaining_ms")
            return [] if remaining is None else [wording.time_left(remaining / 1000)]
    return []


async def join_plain(address: str, code: str, name: str, *, stdin: TextIO,
                     stdout: TextIO, client_kind: str = "plain", rejoin_code: str = "") -> int:
    current: dict[str, Any] = {}
    outcome = {"status": 0}
    loop = asyncio.get_running_loop()
    warning: list[asyncio.TimerHandle] = []

    def say(*lines: str) -> None:
        for line in lines:
            print(line, file=stdout, flush=True)

    def warn_at(remaining_ms: int | None, seconds: int) -> None:
        """`Time left: N seconds.` once, when the player's own warning time comes (WCAG 2.2.1)."""
        for handle in warning:
            handle.cancel()
        warning.clear()
        if remaining_ms is None or not seconds or not current:
            return
        wait = max(0.0, remaining_ms / 1000 - seconds)
        number, left = current["number"], min(seconds, remaining_ms / 1000)

        def warn() -> None:
            if current.get("number") == number:  # still unanswered
                say(wording.time_left(left))

        warning.append(loop.call_later(wait, warn))

    def on_message(message: dict[str, Any]) -> None:
        say(*message_lines(message))
        kind = message.get("type")
        if kind == "question":
            current.clear()
            if not message.get("answered"):
                current.update(message)
            warn_at(message.get("remaining_ms"), message.get("warning_s", 0))
        elif kind == "time" and current:
            current["more_time"] = message.get("more_time", False)
            warn_at(message.get("remaining_ms"), current.get("warning_s", 0))
        elif kind in ("reveal", "ack"):
            current.clear()
            warn_at(None, 0)
        elif kind == "error" and client.over:
            outcome["status"] = 1

    client = LiveClient(address, code=code, name=name, on_message=on_message, client=client_kind,
                        rejoin_code=rejoin_code)
    lines: asyncio.Queue[str] = asyncio.Queue()

    def read() -> None:
        for line in stdin:
            loop.call_soon_threadsafe(lines.put_nowait, line.rstrip("\r\n"))

    threading.Thread(target=read, daemon=True).start()
    running = asyncio.create_task(client.run())
    while not running.done():
        reading = asyncio.create_task(lines.get())
        await asyncio.wait({reading, running}, return_when=asyncio.FIRST_COMPLETED)
        if not reading.done():
            reading.cancel()
            break
        line = reading.result()
        if current and line.strip().lower() in MORE_TIME:
            if current.get("more_time"):
                await client.more_time(current["number"])
            else:
                say("More time is not available on this question.")
        elif current and line.strip():
            await client.answer(current["number"], line)
    await running
    return outcome["status"]


def run_plain_join(address: str, code: str, name: str, rejoin_code: str = "") -> int:
    sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    return asyncio.run(join_plain(address, code, name, stdin=sys.stdin, stdout=sys.stdout,
                                  rejoin_code=rejoin_code))
