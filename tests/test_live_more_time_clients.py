"""The live clients' more-time key and warning (issue 16): `join --plain` (`+`), the Textual
client (ctrl+g), against a real hub on 127.0.0.1 whose roster gives Zoë twice the time."""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path
from typing import Any

from live_helpers import WAIT_S, running_hub, step, url
from quizgame.live.game import Settings
from quizgame.plain.live_join import join_plain
from quizgame.tui.live.join_app import JoinApp
from test_live_join_plain import lines_once
from test_live_screens import shown, until

ZOE = Settings(roster=("Zoë", "Ana"), accommodations={"Zoë": ["time=2"]})


async def test_plain_join_offers_more_time_and_adds_it(tmp_path: Path) -> None:
    async with running_hub(tmp_path, ZOE) as hub:
        read, write = os.pipe()
        stdout = io.StringIO()
        address = url(hub).removeprefix("ws://").removesuffix("/ws")
        with open(read, encoding="utf-8") as stdin, open(write, "w", encoding="utf-8") as typed:
            playing = asyncio.create_task(join_plain(address, hub.game.code, "Zoë",
                                                     stdin=stdin, stdout=stdout))
            await lines_once(stdout, "as Zoë")
            await step(hub, "start")
            await lines_once(stdout, "Type + for 30 seconds more.")
            assert "Time left: 60 seconds." in stdout.getvalue()  # her own time: twice 30 s
            typed.write("+\n")
            typed.flush()
            await lines_once(stdout, "Time left: 90 seconds.")
            assert hub.game.players["p1"].extra_s == 30
            await step(hub, "end")
            await lines_once(stdout, "Final podium:")
    assert await asyncio.wait_for(playing, WAIT_S) == 0  # the hub has stopped: the client ends


async def test_plain_join_warns_at_the_warning_time(tmp_path: Path) -> None:
    async with running_hub(tmp_path, ZOE) as hub:
        stdout = io.StringIO()
        address = url(hub).removeprefix("ws://").removesuffix("/ws")
        playing = asyncio.create_task(join_plain(address, hub.game.code, "Ana",
                                                 stdin=io.StringIO(""), stdout=stdout))
        await lines_once(stdout, "as Ana")
        await step(hub, "start")
        await lines_once(stdout, "Question 1 of 5:")
        hub.game.clock.started -= 11  # type: ignore[union-attr]  # 11 s of the 30 s gone
        # The teacher adds nothing: the hub tells Ana her time left, 19 s, past the warning.
        await hub.command(lambda _now, mono: hub.game.extend(0, mono))
        await lines_once(stdout, "Time left: 19 seconds.")
        await step(hub, "end")
        await lines_once(stdout, "Final podium:")
    await asyncio.wait_for(playing, WAIT_S)
    assert stdout.getvalue().count("Time left: 19 seconds.") == 2  # the time, then the warning


async def test_the_textual_client_adds_time_with_ctrl_g(tmp_path: Path) -> None:
    async with running_hub(tmp_path, ZOE) as hub:
        app = JoinApp(f"127.0.0.1:{hub.port}", code=hub.game.code, name="Zoë")
        async with app.run_test(size=(80, 30)) as pilot:
            await until(pilot, lambda: "Zoë" in shown(app, "#me"))
            await step(hub, "start")
            await until(pilot, lambda: "ctrl+g: 30 s more" in shown(app, "#status"))
            await pilot.press("ctrl+g")
            await until(pilot, lambda: "Time left: 90 seconds." in shown(app, "#status"))
            player: Any = hub.game.players["p1"]
            assert player.extra_s == 30
            await pilot.press("ctrl+q")


async def test_the_textual_client_warns_at_the_warning_time(tmp_path: Path) -> None:
    async with running_hub(tmp_path, ZOE) as hub:
        app = JoinApp(f"127.0.0.1:{hub.port}", code=hub.game.code, name="Ana")
        async with app.run_test(size=(80, 30)) as pilot:
            await until(pilot, lambda: "Ana" in shown(app, "#me"))
            await step(hub, "start")
            await until(pilot, lambda: "ctrl+g: 30 s more" in shown(app, "#status"))
            hub.game.clock.started -= 11  # type: ignore[union-attr]  # 11 s of the 30 s gone
            await hub.command(lambda _now, mono: hub.game.extend(0, mono))
            await until(pilot, lambda: "Time left: 19 seconds. Press ctrl+g for 30 seconds more."
                        in shown(app, "#status"))
            await pilot.press("down", "enter")
            await until(pilot, lambda: "Time left" not in shown(app, "#status"))  # answered
            assert app.warning is None  # and no warning comes later
            await pilot.press("ctrl+q")
