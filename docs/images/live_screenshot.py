"""Render docs/images/live-lobby.png and live-reveal.png: the projector screen of a live game.

    python docs/images/live_screenshot.py        (needs Chromium: it turns Textual's SVG into PNG)

Runs the real HostApp with a hub on 127.0.0.1 and six scripted players answering a choice question
of the bundled quiz, saves Textual's SVG screenshot, and has headless Chromium draw it as a PNG.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import aiohttp

from quizgame.format.loader import load_quiz
from quizgame.live.game import Settings
from quizgame.live.hub import Hub
from quizgame.tui.live.host_app import HostApp

HERE = Path(__file__).parent
QUIZ = HERE.parents[1] / "quizzes" / "nato-2025.toml"
NAMES = ["Ana", "Ben", "Chloé", "Dev", "Eun-ji", "Farah"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


async def shoot(folder: Path, phase: str) -> Path:
    quiz = load_quiz(QUIZ)
    # Choice questions only (the hub shuffles the order), so the reveal shows how the class
    # split between options.
    choices = [q for q in quiz.questions if q.type == "choice"]
    quiz = quiz.model_copy(update={"questions": choices})
    hub = Hub.new(quiz, folder / "saves", Settings(teams=2))
    app = HostApp(hub, "127.0.0.1", "192.168.1.20", 0)
    async with app.run_test(size=(100, 34)) as pilot, aiohttp.ClientSession() as session:
        while hub.port == 0:
            await pilot.pause(0.05)
        sockets = []
        for name in NAMES:
            socket = await session.ws_connect(f"ws://127.0.0.1:{hub.port}/ws")
            await socket.send_str(json.dumps({"type": "join", "v": 1, "code": hub.game.code,
                                              "name": name}))
            sockets.append(socket)
        await pilot.pause(0.5)
        if phase == "reveal":
            await pilot.press("s")
            await pilot.pause(0.3)
            for n, socket in enumerate(sockets):
                await socket.send_str(json.dumps({"type": "answer", "number": 1,
                                                  "raw": "2" if n % 3 else str(1 + n % 4)}))
            await pilot.pause(0.8)
            if hub.game.phase != "reveal":  # the hub reveals by itself once everyone answered
                await pilot.press("r")
                await pilot.pause(0.8)
        svg = folder / f"{phase}.svg"
        app.save_screenshot(str(svg))
        for socket in sockets:
            await socket.close()
        await pilot.press("ctrl+q")
    return svg


def to_png(svg: Path, png: Path) -> None:
    subprocess.run(["chromium", *FLAGS, f"--screenshot={png}", "--window-size=1240,900",
                    "--hide-scrollbars", svg.as_uri()], check=True, capture_output=True,
                   timeout=120)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="live-shot-"))
    for phase in ("lobby", "reveal"):
        svg = asyncio.run(shoot(folder, phase))
        to_png(svg, HERE / f"live-{phase}.png")
        print(HERE / f"live-{phase}.png")


if __name__ == "__main__":
    sys.exit(main())
