"""The live game's small rules, as tables: names, rate limits, protocol parsing, the journal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgame.errors import PlayerNameError, SaveError
from quizgame.live.journal import read_journal
from quizgame.live.limits import RateLimit
from quizgame.live.names import clean_name
from quizgame.live.protocol import MAX_MESSAGE_BYTES, Answer, Join, ProtocolError, parse_client

NAMES = [
    ("  Ana   Lima ", "Ana Lima"),
    ("Zoë", "Zoë"),
    ("Ben\u200b\u200bNg", "BenNg"),  # zero-width spaces
    ("\u202eevil", "evil"),  # a bidi override
    ("Z\u0300\u0301\u0302\u0303\u0304algo", "Z\u0300\u0301algo"),  # glitch marks
    ("👩\u200d🏫 Ms K", "👩\u200d🏫 Ms K"),  # the joiner inside an emoji is kept
    ("bell\x07", "bell\\u0007"),  # control characters made visible
]


@pytest.mark.parametrize(("raw", "shown"), NAMES)
def test_names_are_made_safe_to_project(raw: str, shown: str) -> None:
    assert clean_name(raw) == shown


@pytest.mark.parametrize("raw", ["", "   ", "\u200b\u200b", "\u0300\u0301", "x" * 41, 42])
def test_unusable_names_are_refused_with_a_reason(raw: object) -> None:
    with pytest.raises(PlayerNameError):
        clean_name(raw)


def test_a_rate_limit_allows_a_burst_then_the_refill_rate() -> None:
    limit = RateLimit(rate=2, burst=3, limit_loopback=True)
    assert [limit.allow("10.0.0.5", 0.0) for _ in range(4)] == [True, True, True, False]
    assert limit.allow("10.0.0.6", 0.0)  # another address has its own bucket
    assert limit.allow("10.0.0.5", 0.5) and not limit.allow("10.0.0.5", 0.5)
    assert all(RateLimit(burst=1).allow("127.0.0.1", 0.0) for _ in range(10))


MESSAGES = [
    ('{"type": "answer", "number": 2, "raw": "Lima"}', Answer(type="answer", number=2, raw="Lima")),
    ('{"type": "join", "v": 1, "code": "123456", "name": "Ana"}',
     Join(type="join", v=1, code="123456", name="Ana")),
]
BAD = [
    ("[1, 2]", "bad-message"),
    ("{", "bad-message"),
    ('{"type": "answer", "number": "2", "raw": "x"}', "bad-message"),
    ('{"type": "answer", "number": 2, "raw": "x", "extra": 1}', "bad-message"),
    ('{"type": "admin", "command": "end"}', "bad-message"),
    ('{"type": "answer", "number": 1, "raw": "' + "x" * 600 + '"}', "bad-message"),
    (" " * (MAX_MESSAGE_BYTES + 1), "too-large"),
]


@pytest.mark.parametrize(("data", "message"), MESSAGES)
def test_players_messages_are_read(data: str, message: object) -> None:
    assert parse_client(data) == message


@pytest.mark.parametrize(("data", "code"), BAD)
def test_bad_messages_get_a_clear_error(data: str, code: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_client(data)
    assert caught.value.code == code and caught.value.message


def test_a_journal_line_cut_short_by_a_crash_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "game.jsonl"
    header = json.dumps({"e": "game", "game_id": "g"})
    path.write_text(f'{header}\n{{"e": "lock", "locked": true}}\n{{"e": "ans', encoding="utf-8")
    assert [entry["e"] for entry in read_journal(path)] == ["game", "lock"]
    path.write_text(f'{header}\n{{"e": "ans\n{{"e": "lock"}}\n', encoding="utf-8")
    with pytest.raises(SaveError, match="game.jsonl:2: damaged"):
        read_journal(path)
    path.write_text('{"e": "lock"}\n', encoding="utf-8")
    with pytest.raises(SaveError, match="not a quizgame live journal"):
        read_journal(path)


# (name, score, answering time in ms) in the order joined -> (rank, name) as the podium shows them
RANKINGS = [
    ([("Ana", 899, 2100), ("Cleo", 899, 1800), ("Ben", 0, 900)],
     [(1, "Cleo"), (2, "Ana"), (3, "Ben")]),  # equal scores: less answering time first
    ([("Ana", 500, 1000), ("Ben", 500, 1000), ("Cleo", 200, 500)],
     [(1, "Ana"), (1, "Ben"), (3, "Cleo")]),  # equal scores and times share a place
    ([("bob", 0, 0), ("Al", 0, 0), ("Cy", 10, 99999)],
     [(1, "Cy"), (2, "Al"), (2, "bob")]),  # a shared place is listed by name
]


@pytest.mark.parametrize(("players", "shown"), RANKINGS)
def test_the_podium_breaks_ties_by_answering_time(players: list[tuple[str, int, int]],
                                                  shown: list[tuple[int, str]]) -> None:
    from types import SimpleNamespace

    from quizgame.live.views import ranking

    ranked = ranking(SimpleNamespace(name=name, score=score, time_ms=time_ms)
                     for name, score, time_ms in players)
    assert [(place.rank, place.player.name) for place in ranked] == shown
