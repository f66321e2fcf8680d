"""A game's opening (engine/openings.py): kept by one start, read by the next without pydantic,
and never used once anything it was computed from has changed, or when it is not one we wrote."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from quizgame.cache_folder import signature
from quizgame.engine import openings
from quizgame.engine.openings import Opening, OpeningRequest, forget_opening, read_opening, write_opening
from quizgame.engine.shown import Shown

ROOT = Path(__file__).parents[1]
QUIZ = ROOT / "tests" / "data" / "valid" / "all-types.toml"

SHOWN = Shown(question_id="capital", type="choice", prompt="Capital of France?", number=1, total=11,
              options=("Lyon", "Paris", "Nice"), time_limit=30, has_hint=True)


@pytest.fixture
def world(tmp_path: Path) -> tuple[OpeningRequest, Opening]:
    """A quizzes folder holding one quiz, a player with a saves folder, and an opening for them."""
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    shutil.copy(QUIZ, quizzes / "all-types.toml")
    player = tmp_path / "saves" / "ana-key"
    (player / "sessions").mkdir(parents=True)
    (player / "player.toml").write_text('name = "Ana"\n', encoding="utf-8")
    request = OpeningRequest("all-types", (quizzes,), tmp_path / "saves", "ana-key")
    return request, Opening((quizzes / "all-types.toml").resolve(), 7, "All the types", SHOWN)


def test_an_opening_reads_back_as_written(world: tuple[OpeningRequest, Opening]) -> None:
    request, opening = world
    write_opening(request, opening)
    assert read_opening(request, None) == opening
    assert read_opening(request, 7) == opening


def test_nothing_is_kept_while_the_cache_is_off(world: tuple[OpeningRequest, Opening],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    request, opening = world
    monkeypatch.setenv("QUIZGAME_CACHE", "off")
    write_opening(request, opening)
    assert read_opening(request, None) is None


def test_a_forgotten_opening_is_gone(world: tuple[OpeningRequest, Opening]) -> None:
    request, opening = world
    write_opening(request, opening)
    forget_opening(request)
    assert read_opening(request, None) is None


def _touch(path: Path) -> None:
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


# What changes between two starts, and makes the opening kept at the first one unusable.
CHANGES: dict[str, Callable[[OpeningRequest, Path], object]] = {
    "the quiz file edited": lambda r, q: _append(q, "\n# a comment\n"),
    "the quiz file touched": lambda r, q: _touch(q),
    "a quiz added to the folder of the id": lambda r, q: (q.parent / "other.toml").write_text(""),
    "the player's profile edited (accommodations)": lambda r, q: _append(
        r.saves_dir / r.player_key / "player.toml", 'accommodations = ["time=2"]\n'),
    "a game saved (its first answer)": lambda r, q: (
        r.saves_dir / r.player_key / "sessions" / "20261201T100000Z-all-types-abc123.toml"
    ).write_text("[session]\n"),
    "the player's folder removed": lambda r, q: shutil.rmtree(r.saves_dir / r.player_key),
}


@pytest.mark.parametrize("change", CHANGES)
def test_an_opening_is_not_used_once_what_it_came_from_changed(
    world: tuple[OpeningRequest, Opening], change: str
) -> None:
    request, opening = world
    write_opening(request, opening)
    CHANGES[change](request, opening.quiz_path)
    assert read_opening(request, None) is None


def test_the_checks_that_a_game_can_be_saved_leave_it_usable(
    world: tuple[OpeningRequest, Opening]
) -> None:
    """Every start probes the sessions folder (a dot file made and removed) and writes atomically
    through dot files: neither is a game saved."""
    from quizgame.store.files import check_writable

    request, opening = world
    write_opening(request, opening)
    sessions = request.saves_dir / request.player_key / "sessions"
    check_writable(sessions)
    (sessions / ".session.toml.tmp").write_text("")
    assert read_opening(request, None) == opening


def test_an_edited_roster_makes_it_stale(world: tuple[OpeningRequest, Opening], tmp_path: Path) -> None:
    request, opening = world
    roster = tmp_path / "roster.txt"
    roster.write_text("Ana\n", encoding="utf-8")
    request = OpeningRequest(request.reference, request.quizzes_dirs, request.saves_dir,
                             request.player_key, roster=roster)
    write_opening(request, opening)
    assert read_opening(request, None) == opening
    _append(roster, "Zoë  time=2\n")
    assert read_opening(request, None) is None


def test_another_quizgame_never_trusts_it(world: tuple[OpeningRequest, Opening],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    request, opening = world
    write_opening(request, opening)
    monkeypatch.setattr(openings, "modules_stamp", lambda *folders: "an edited checkout")
    assert read_opening(request, None) is None


def test_another_seed_asked_for_is_not_this_opening(world: tuple[OpeningRequest, Opening]) -> None:
    request, opening = world
    write_opening(request, opening)
    assert read_opening(request, 8) is None


def test_each_request_keeps_its_own(world: tuple[OpeningRequest, Opening]) -> None:
    request, opening = world
    write_opening(request, opening)
    for other in (OpeningRequest(request.reference, request.quizzes_dirs, request.saves_dir, "zoe-key"),
                  OpeningRequest(request.reference, request.quizzes_dirs, request.saves_dir,
                                 request.player_key, round_size=3),
                  OpeningRequest(str(opening.quiz_path), request.quizzes_dirs, request.saves_dir,
                                 request.player_key)):
        assert read_opening(other, None) is None


def _entry(request: OpeningRequest) -> Path:
    folder = openings._folder()
    assert folder is not None
    return openings._path(folder, request)


def _resigned(request: OpeningRequest, body: bytes) -> bytes:
    folder = openings._folder()
    assert folder is not None
    return b"quizgame-opening 1 " + signature((folder / "key").read_bytes(), body).encode() + b"\n" + body


def _with_shown(request: OpeningRequest, **changes: object) -> bytes:
    body = json.loads(_entry(request).read_bytes().split(b"\n", 1)[1])
    body["shown"].update(changes)
    return _resigned(request, json.dumps(body).encode())


# Entries this module did not write, or that were damaged: each is ignored (None), never raised.
HOSTILE: dict[str, Callable[[OpeningRequest, bytes], bytes]] = {
    "cut short": lambda r, entry: entry[: len(entry) // 2],
    "empty": lambda r, entry: b"",
    "another magic": lambda r, entry: entry.replace(b"quizgame-opening 1", b"quizgame-opening 9", 1),
    "a byte changed, not re-signed": lambda r, entry: entry.replace(b"Paris", b"Parix"),
    "signed with another key": lambda r, entry: b"quizgame-opening 1 " + signature(
        b"k" * 32, entry.split(b"\n", 1)[1]).encode() + b"\n" + entry.split(b"\n", 1)[1],
    "not JSON, signed": lambda r, entry: _resigned(r, b"\x00\xff not json"),
    "JSON of another shape, signed": lambda r, entry: _resigned(r, b"[1, 2, 3]"),
    "a seed that is not a number, signed": lambda r, entry: _resigned(
        r, entry.split(b"\n", 1)[1].replace(b'"seed":7', b'"seed":"7"')),
    "an option that is not a text, signed": lambda r, entry: _with_shown(r, options=["Paris", 3]),
    "a question number below zero, signed": lambda r, entry: _with_shown(r, number=-1),
    "an unknown field, signed": lambda r, entry: _with_shown(r, colour="red"),
    "an escape sequence in the prompt, signed": lambda r, entry: _with_shown(
        r, prompt="\x1b]0;pwned\x07Capital?"),
    "a theme that is not a theme's name, signed": lambda r, entry: _resigned(
        r, entry.split(b"\n", 1)[1].replace(b'"theme":null', b'"theme":"\\u001b]0;pwned"')),
    "a theme that is not a text, signed": lambda r, entry: _resigned(
        r, entry.split(b"\n", 1)[1].replace(b'"theme":null', b'"theme":7')),
    "no theme at all (an older entry), signed": lambda r, entry: _resigned(
        r, entry.split(b"\n", 1)[1].replace(b',"theme":null', b"")),
    "over a mebibyte": lambda r, entry: entry + b" " * (1 << 20),
    "deeply nested, signed": lambda r, entry: _resigned(r, b"[" * 100_000 + b"]" * 100_000),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_an_entry_we_did_not_write_is_ignored(world: tuple[OpeningRequest, Opening], kind: str) -> None:
    request, opening = world
    write_opening(request, opening)
    path = _entry(request)
    path.write_bytes(HOSTILE[kind](request, path.read_bytes()))
    assert read_opening(request, None) is None


SHOWN_TABLE = [
    SHOWN,
    Shown(question_id="eta", type="estimate", prompt="How far?", number=2, total=2, unit="km",
          scale=(0.0, 1e6)),
    Shown(question_id="gap", type="cloze", prompt="Fill in", number=1, total=1,
          cloze_text="The {{cat}} sat."),
    Shown(question_id="pairs", type="match", prompt="Pair them", number=3, total=9,
          options=("b", "a"), lefts=("1", "2")),
]


@pytest.mark.parametrize("shown", SHOWN_TABLE, ids=lambda shown: shown.type)
def test_a_shown_question_survives_json(shown: Shown) -> None:
    assert Shown.from_json(json.loads(json.dumps(shown.to_json()))) == shown


def test_reading_an_opening_needs_no_quiz_models() -> None:
    """The point of it: the first frame is drawn before pydantic is imported."""
    import subprocess
    import sys

    code = ("import sys, quizgame.engine.openings, quizgame.tui.screens.question; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' "
            "or m.startswith(('quizgame.format.models', 'quizgame.store.models'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=60)
    assert done.stdout.strip() == "[]"
