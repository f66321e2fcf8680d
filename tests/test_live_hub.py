"""The live hub over real websockets on 127.0.0.1: the key stays on the hub, nobody is lost.

Each test runs its own hub on a free port with scripted players (tests/live_helpers.py) and the
five questions of tests/data/live/class.toml, in order: capital (choice), river (text), legs
(number), sun (truefalse), primes (multi).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from live_helpers import QUIZ, RIGHT, WRONG, Player, players, question_id, running_hub, step, url
from quizgame.cli import main
from quizgame.format.loader import load_quiz
from quizgame.live.game import Settings
from quizgame.live.limits import RateLimit
from quizgame.live.protocol import VERSION
from quizgame.store.folder import scan_sessions

KEY_FIELDS = {"answer", "answers", "accept", "accepted", "right_answer", "explanation",
              "correct", "tolerance"}


async def play_question(hub, everyone: list[Player], answers: dict[str, str], number: int) -> None:
    """Each player answers question `number` (by name: RIGHT or WRONG), acknowledged."""
    qid = question_id(hub, number)
    for player in everyone:
        await player.expect("question")
        table = RIGHT if answers[player.name] == "right" else WRONG
        ack = await player.answer(number, table[qid])  # texts: each player's shuffle is moot
        assert ack["type"] == "ack", ack


def keys_of(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in keys_of(item)}
    if isinstance(value, list):
        return {k for item in value for k in keys_of(item)}
    return set()


async def test_no_message_before_a_reveal_holds_its_key_or_explanation(tmp_path: Path) -> None:
    names = [f"P{n}" for n in range(6)]
    async with running_hub(tmp_path) as hub, players(hub, names) as everyone:
        await step(hub, "start")
        for number in range(1, 6):
            await play_question(hub, everyone, {n: "right" if i % 2 else "wrong"
                                                for i, n in enumerate(names)}, number)
            for player in everyone:
                await player.expect("reveal")
            await step(hub, "next")  # standings
            await step(hub, "next")  # the next question, or the podium after the last
        for player in everyone:
            await player.expect("podium")
        quiz = load_quiz(QUIZ)
        for player in everyone:
            for number, question in enumerate(hub.game.order, start=1):
                reveal_at = next(i for i, m in enumerate(player.messages)
                                 if m["type"] == "reveal" and m["number"] == number)
                before = player.messages[:reveal_at]
                raw_before = "".join(player.raw[:reveal_at])
                assert question.explanation and question.explanation not in raw_before
                questions = [m for m in before if m["type"] == "question" and m["number"] == number]
                assert questions, f"question {number} never reached {player.name}"
                for message in questions:
                    assert not keys_of(message) & KEY_FIELDS, message
                # Since the previous reveal, nothing but question n's own messages.
                previous = max((i for i, m in enumerate(before) if m["type"] == "reveal"),
                               default=-1)
                assert not keys_of(before[previous + 1:]) & KEY_FIELDS, number
            assert "Nile" not in "".join(player.raw[:next(
                i for i, m in enumerate(player.messages) if m["type"] == "reveal" and
                m["number"] == 2)])
            assert any(m["type"] == "reveal" and m.get("explanation") for m in player.messages)
        # Choices are shuffled per player: six players do not all see one order.
        orders = {tuple(next(m["options"] for m in p.messages
                             if m["type"] == "question" and m["number"] == 1)) for p in everyone}
        assert len(orders) > 1
        assert quiz.questions[0].id == "capital"


async def test_a_dropped_player_rejoins_with_score_and_streak(tmp_path: Path) -> None:
    async with running_hub(tmp_path) as hub, players(hub, ["Ana", "Ben"]) as (ana, ben):
        await step(hub, "start")
        for number in (1, 2):
            for player in (ana, ben):
                await player.expect("question")
                qid = question_id(hub, number)
                assert (await player.answer(number, RIGHT[qid]))["type"] == "ack"
            reveal = await ana.expect("reveal")
            await ben.expect("reveal")
            await step(hub, "next")
            await step(hub, "next")
        assert reveal["you"]["streak"] == 2
        score = reveal["you"]["score"]
        assert score > 0
        await ana.expect("question")
        await ana.drop()  # mid-question, before answering
        await asyncio.sleep(0.05)
        assert not hub.game.players["p1"].connected
        await ana.connect()
        welcome = await ana.rejoin()
        assert welcome["type"] == "welcome" and welcome["player"]["name"] == "Ana"
        back = await ana.expect("question")
        assert back["number"] == 3 and back["answered"] is False
        assert (await ana.answer(3, RIGHT[question_id(hub, 3)]))["type"] == "ack"
        await ben.expect("question")
        await ben.answer(3, WRONG[question_id(hub, 3)])
        reveal = await ana.expect("reveal")
        assert reveal["you"]["streak"] == 3 and reveal["you"]["score"] > score
        assert reveal["you"]["outcome"] == "correct"
        # One answer per player per question, also after a rejoin.
        await step(hub, "next")
        await step(hub, "next")
        await ana.expect("question")
        assert (await ana.answer(4, "true"))["type"] == "ack"
        await ana.drop()
        await ana.connect()
        await ana.rejoin()
        assert (await ana.expect("question"))["answered"] is True
        again = await ana.answer(4, "false")
        assert again["type"] == "error" and again["code"] == "already-answered"


async def test_a_late_joiner_has_the_missed_questions_saved_as_not_seen(tmp_path: Path,
                                                                        capsys) -> None:
    async with running_hub(tmp_path) as hub, players(hub, ["Ana"]) as (ana,):
        await step(hub, "start")
        for number in (1, 2, 3):
            await ana.expect("question")
            await ana.answer(number, RIGHT[question_id(hub, number)])
            await ana.expect("reveal")
            await step(hub, "next")  # standings
            if number < 3:
                await step(hub, "next")
        async with aiohttp.ClientSession() as session:
            cy = await Player(session, url(hub)).connect()
            assert (await cy.join(hub.game.code, "Cy"))["type"] == "welcome"
            standings = await cy.expect("standings")
            assert standings["you"]["score"] == 0
            await step(hub, "next")
            for number in (4, 5):
                for player in (ana, cy):
                    await player.expect("question")
                    await player.answer(number, WRONG[question_id(hub, number)])
                await ana.expect("reveal")
                await step(hub, "next")
                await step(hub, "next")
            await cy.expect("podium")
            await cy.socket.close()
    records = {found.player: found.record for found in scan_sessions(tmp_path).items}
    cy_record = records["Cy"]
    assert cy_record.mode == "live" and cy_record.finished
    assert [a.not_seen for a in cy_record.answers] == [True, True, True, False, False]
    assert all(a.points == 0 and not a.correct for a in cy_record.answers[:3])
    assert cy_record.game_id == records["Ana"].game_id == hub.game.game_id
    assert main(["report", str(QUIZ), "--saves", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    attempts = {item["question_id"]: item["attempts"] for item in report["items"]}
    assert attempts == {"capital": 1, "river": 1, "legs": 1, "sun": 2, "primes": 2}
    assert report["players"] == 2


async def test_500_joins_against_a_locked_lobby_admit_nobody(tmp_path: Path) -> None:
    async with running_hub(tmp_path, limit=RateLimit(limit_loopback=True)) as hub, \
            players(hub, ["Ana"]) as (ana,):
        await hub.command(lambda now, mono: hub.game.lock(True, mono))
        refused: list[str] = []

        async def intruder(session: aiohttp.ClientSession, n: int) -> None:
            async with session.ws_connect(url(hub)) as socket:
                await socket.send_str(json.dumps(
                    {"type": "join", "v": VERSION, "code": hub.game.code, "name": f"bot{n}"}))
                frame = await socket.receive(timeout=10)
                refused.append(json.loads(frame.data)["type"] == "error" and
                               json.loads(frame.data)["code"])

        async with aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=100)) as session:
            storm = asyncio.gather(*(intruder(session, n) for n in range(500)))
            # The hub answers its player during the storm.
            await ana.send({"type": "ping", "id": 7})
            pong = await ana.expect("pong")
            await asyncio.wait_for(storm, 60)
        assert pong["id"] == 7
        assert len(refused) == 500 and set(refused) <= {"locked", "rate-limited"}
        assert [p.name for p in hub.game.players.values()] == ["Ana"]
        await ana.send({"type": "ping", "id": 8})
        assert (await ana.expect("pong"))["id"] == 8


async def test_a_live_games_saves_read_like_solo_games(tmp_path: Path, capsys) -> None:
    async with running_hub(tmp_path) as hub, players(hub, ["Ana", "Ben"]) as (ana, ben):
        await step(hub, "start")
        for number in range(1, 6):
            qid = question_id(hub, number)
            await ana.expect("question")
            await ana.answer(number, RIGHT[qid])
            await ben.expect("question")
            await ben.answer(number, RIGHT[qid] if number < 3 else WRONG[qid])
            await ana.expect("reveal")
            await step(hub, "next")
            await step(hub, "next")
        await ana.expect("podium")
    # A solo game of the same quiz, in the same saves folder.
    # Plain mode waits for Enter after each feedback, so each answer is followed by an empty line.
    typed = "".join(f"{RIGHT[q]}\n\n" for q in ("capital", "river", "legs", "sun", "primes"))
    solo = subprocess.run([sys.executable, "-m", "quizgame", "play", str(QUIZ), "--plain",
                           "--player", "Solo", "--saves", str(tmp_path)],
                          input=typed, capture_output=True, text=True, timeout=60)
    assert solo.returncode == 0, solo.stderr
    assert main(["scores", "--saves", str(tmp_path), "--format", "json"]) == 0
    rows = {row["player"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(rows) == {"Ana", "Ben", "Solo"}
    assert rows["Ana"]["accuracy_pct"] == rows["Solo"]["accuracy_pct"] == 100.0
    assert rows["Ben"]["accuracy_pct"] == 40.0
    assert rows["Ana"]["rank"] < rows["Ben"]["rank"]
    assert main(["report", str(QUIZ), "--saves", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["players"] == 3
    facility = {item["question_id"]: item["facility_pct"] for item in report["items"]}
    assert facility["capital"] == 100.0 and round(facility["sun"]) == 67
    assert main(["history", "--player", "Ana", "--saves", str(tmp_path)]) == 0
    assert "live" in capsys.readouterr().out


async def test_refusals_say_why(tmp_path: Path) -> None:
    roster = Settings(roster=("Ana Lima", "Ben Ng"))
    async with running_hub(tmp_path, roster) as hub, aiohttp.ClientSession() as session:
        player = await Player(session, url(hub)).connect()
        assert (await player.join("000000" if hub.game.code != "000000" else "1",
                                  "Ana Lima"))["code"] == "wrong-code"
        assert (await player.join(hub.game.code, "Zed"))["code"] == "not-on-roster"
        await player.send({"type": "roster", "v": VERSION, "code": hub.game.code})
        assert (await player.expect("roster"))["names"] == ["Ana Lima", "Ben Ng"]
        await player.send({"type": "join", "v": 99, "code": hub.game.code, "name": "Ben Ng"})
        assert (await player.expect("error"))["code"] == "version"
        await player.send({"type": "answer", "number": 1})
        assert (await player.expect("error"))["code"] == "bad-message"
        await player.socket.send_str("not json")
        assert (await player.expect("error"))["code"] == "bad-message"
        assert (await player.join(hub.game.code, " ana  lima "))["type"] == "welcome"
        other = await Player(session, url(hub)).connect()
        assert (await other.join(hub.game.code, "ANA LIMA"))["code"] == "name-taken"
        await player.socket.close()
        await other.socket.close()



async def test_another_sites_page_cannot_open_a_socket_to_the_hub(tmp_path: Path) -> None:
    async with running_hub(tmp_path) as hub, aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(url(hub), origin="http://evil.example")
        assert refused.value.status == 403
        own = await session.ws_connect(url(hub), origin=f"http://127.0.0.1:{hub.port}")
        await own.send_str(json.dumps({"type": "ping", "id": 3}))
        assert (await own.receive_json(timeout=10))["id"] == 3
        await own.close()
