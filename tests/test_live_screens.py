"""The live game's Textual screens, driven with Pilot against a real hub on 127.0.0.1.

The projector (HostApp) starts its hub in its own event loop; the student client (JoinApp) joins
a hub like any player. Both only show what the hub says.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
from textual.widgets import Digits, OptionList, Static

from live_helpers import QUIZ, RIGHT, Player, players, question_id, running_hub, step
from quizgame.format.loader import load_quiz
from quizgame.live.game import Settings
from quizgame.live.hub import Hub
from quizgame.tui.live.host_app import HostApp
from quizgame.tui.live.join_app import JoinApp

WAIT_S = 10.0


def shown(app: Any, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def until(pilot: Any, condition: Any) -> None:
    async with asyncio.timeout(WAIT_S):
        while not condition():
            await pilot.pause(0.05)


async def test_the_projector_shows_code_qr_lobby_question_split_standings_podium(
        tmp_path: Path) -> None:
    hub = Hub.new(load_quiz(QUIZ), tmp_path, Settings(teams=2))
    app = HostApp(hub, "127.0.0.1", "127.0.0.1", 0)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: hub.port != 0)
        assert app.query_one("#code", Digits).value == hub.game.code
        assert "█" in shown(app, "#qr")
        assert f"127.0.0.1:{hub.port}" in shown(app, "#address")
        async with aiohttp.ClientSession() as session:
            ana = await Player(session, f"ws://127.0.0.1:{hub.port}/ws").connect()
            await ana.join(hub.game.code, "Ana")
            await until(pilot, lambda: "Ana" in shown(app, "#main"))
            assert "1 in the lobby" in shown(app, "#main")
            await pilot.press("s")
            await until(pilot, lambda: "Capital of Peru?" in shown(app, "#main"))
            assert "1 connected" in shown(app, "#status")
            await ana.expect("question")
            await ana.answer(1, RIGHT[question_id(hub, 1)])
            await until(pilot, lambda: "Answer: Lima" in shown(app, "#main"))
            assert "EXPLAIN-CAPITAL" in shown(app, "#main")
            await pilot.press("n")
            await until(pilot, lambda: "Standings after 1/5" in shown(app, "#main"))
            assert "Team Red" in shown(app, "#main")
            await pilot.press("x")
            await pilot.press(*"Nobody", "enter")
            await until(pilot, lambda: "No player called" in shown(app, "#status"))
            await pilot.press("e")
            await until(pilot, lambda: "Podium" in shown(app, "#main"))
            assert "1st Ana" in shown(app, "#main")
            await ana.socket.close()
        await pilot.press("ctrl+q")
    assert any(tmp_path.rglob("sessions/*.toml"))


async def test_the_student_client_joins_answers_and_reads_the_verdict(tmp_path: Path) -> None:
    async with running_hub(tmp_path) as hub, players(hub, ["Ben"]) as (ben,):
        app = JoinApp(f"127.0.0.1:{hub.port}", code=hub.game.code, name="Zoë")
        async with app.run_test(size=(80, 30)) as pilot:
            await until(pilot, lambda: "Zoë" in shown(app, "#me"))
            assert "rejoin code" in shown(app, "#me")
            await step(hub, "start")
            await until(pilot, lambda: "Capital of Peru?" in shown(app, "#prompt"))
            options = app.query_one("#options", OptionList)
            lima = next(i for i in range(options.option_count)
                        if str(options.get_option_at_index(i).prompt) == "Lima")
            options.highlighted = lima
            await pilot.press("enter")
            await until(pilot, lambda: "Answer received" in shown(app, "#status"))
            await ben.expect("question")
            await ben.answer(1, "Quito")
            await until(pilot, lambda: "Correct" in shown(app, "#status"))
            assert "Answer: Lima" in shown(app, "#board")
            await step(hub, "next")
            await until(pilot, lambda: "1st of 2" in shown(app, "#status"))
            await step(hub, "next")
            await until(pilot, lambda: "Which river" in shown(app, "#prompt"))
            await pilot.press(*"nile", "enter")
            await until(pilot, lambda: "Answer received" in shown(app, "#status"))
            await pilot.press("ctrl+q")


async def test_the_student_pauses_the_reveal_and_standings_but_still_gets_questions(
        tmp_path: Path) -> None:
    """WCAG 2.2.2: F2 holds what updates by itself (reveal, standings, the countdown) until
    F2 again; a new question still shows, so a paused player can answer."""
    async with running_hub(tmp_path) as hub:
        app = JoinApp(f"127.0.0.1:{hub.port}", code=hub.game.code, name="Zoë")
        async with app.run_test(size=(80, 30)) as pilot:
            await until(pilot, lambda: "Zoë" in shown(app, "#me"))
            assert "F2 pauses updates" in shown(app, "#me")  # the key is stated on screen
            await pilot.press("f2")
            assert "Updates paused" in shown(app, "#status")
            await step(hub, "start")
            await until(pilot, lambda: "Capital of Peru?" in shown(app, "#prompt"))
            options = app.query_one("#options", OptionList)
            options.highlighted = next(i for i in range(options.option_count)
                                       if str(options.get_option_at_index(i).prompt) == "Lima")
            await pilot.press("enter")
            # Everyone has answered: the hub reveals by itself, and the paused view holds it.
            await until(pilot, lambda: "1 waiting" in shown(app, "#status"))
            assert "Answer: Lima" not in shown(app, "#board")
            await pilot.press("f2")
            await until(pilot, lambda: "Answer: Lima" in shown(app, "#board"))
            assert "Correct" in shown(app, "#status")
            await pilot.press("ctrl+q")


async def test_the_projector_view_freezes_and_follows_the_game_again(tmp_path: Path) -> None:
    hub = Hub.new(load_quiz(QUIZ), tmp_path, Settings())
    app = HostApp(hub, "127.0.0.1", "127.0.0.1", 0)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: hub.port != 0)
        footer = [key.description for key in app.screen.query("FooterKey")]
        assert "Freeze view" in footer  # the key is stated on screen
        await pilot.press("v")
        assert "View frozen" in shown(app, "#status")
        async with aiohttp.ClientSession() as session:
            ana = await Player(session, f"ws://127.0.0.1:{hub.port}/ws").connect()
            await ana.join(hub.game.code, "Ana")
            await until(pilot, lambda: hub.game.active)
            await pilot.pause(0.6)  # past the status line's own refresh
            assert "Ana" not in shown(app, "#main")
            assert "View frozen" in shown(app, "#status")
            await pilot.press("f2")
            await until(pilot, lambda: "Ana" in shown(app, "#main"))
            assert "1 connected" in shown(app, "#status")
            await ana.socket.close()
        await pilot.press("ctrl+q")
