"""`quizgame join --plain`: a player whose client died comes back with `--rejoin CODE`.

A restarted client has no token, and joining again by name is refused (the name is taken), so
the rejoin code on the player's screen is the only way back from the command line.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest

from live_helpers import WAIT_S, players, running_hub, step, url
from quizgame.cli import build_parser
from quizgame.plain.live_join import join_plain, message_lines


async def lines_once(stdout: io.StringIO, text: str) -> None:
    async with asyncio.timeout(WAIT_S):
        while text not in stdout.getvalue():
            await asyncio.sleep(0.01)


@pytest.mark.parametrize("how", ["rejoin code", "lower-case rejoin code"])
async def test_a_restarted_plain_client_rejoins_with_the_rejoin_code(tmp_path: Path,
                                                                      how: str) -> None:
    async with running_hub(tmp_path) as hub, players(hub, ["Ana"]) as (ana,):
        code = ana.messages[0]["rejoin"]
        await step(hub, "start")
        await ana.expect("question")
        await ana.drop()  # the client process is killed mid-question
        await asyncio.sleep(0.05)
        stdout = io.StringIO()
        address = url(hub).removeprefix("ws://").removesuffix("/ws")
        rejoin = code.lower() if how.startswith("lower") else code
        playing = asyncio.create_task(join_plain(address, hub.game.code, "Ana",
                                                 stdin=io.StringIO(""), stdout=stdout,
                                                 rejoin_code=rejoin))
        await lines_once(stdout, "Question 1 of ")
        assert "already playing" not in stdout.getvalue()
        assert f"as Ana. Your rejoin code: {code}" in stdout.getvalue()
        assert hub.game.players["p1"].connected
        await step(hub, "end")
        await lines_once(stdout, "Final podium:")
    assert await asyncio.wait_for(playing, WAIT_S) == 0  # the hub has stopped: the client ends


def test_join_takes_a_rejoin_code() -> None:
    args = build_parser().parse_args(["join", "127.0.0.1:8765", "--code", "123456",
                                      "--name", "Ana", "--rejoin", "T5MQ", "--plain"])
    assert args.rejoin == "T5MQ"


@pytest.mark.parametrize(("split", "shown"), [
    ([{"label": "right", "count": 2, "correct": True},
      {"label": "wrong", "count": 1, "correct": False}], "The class: right: 2, wrong: 1"),
    ([{"label": "Morally", "count": 1, "correct": True},
      {"label": "Militarily", "count": 1, "correct": False}],
     "The class: Morally (right): 1, Militarily: 1"),
])
def test_the_class_split_marks_the_right_option_once(split: list[dict[str, object]],
                                                      shown: str) -> None:
    reveal = {"type": "reveal", "right_answer": "40", "split": split,
              "you": {"outcome": "correct", "given": "40", "points": 900, "score": 900,
                      "streak": 1}}
    assert message_lines(reveal)[-1] == shown


@pytest.mark.parametrize(("names", "shown"), [
    (["Ana"], "Waiting for the teacher to start (1 player in)."),
    (["Ana", "Bo"], "Waiting for the teacher to start (2 players in)."),
])
def test_the_lobby_counts_its_players_in_words(names: list[str], shown: str) -> None:
    lobby = {"type": "lobby", "players": [{"name": name} for name in names]}
    assert message_lines(lobby) == [shown]
