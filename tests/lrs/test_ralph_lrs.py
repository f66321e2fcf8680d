"""quizgame against a real Ralph LRS: push, read back, idempotence, crashes, --watch (issue 17).

The ground truth of what Ralph stored is its fs backend's file (`Ralph.stored`), read directly.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from class_saves import QUIZ_PATH, game, write_class
from ralph_server import Ralph, validate

from conftest import HOMEPAGE, PAGE
from quizgame.cli import main
from quizgame.interop.lrs import Lrs
from quizgame.store import SavesFolder

DATA = Path(__file__).parents[1] / "data" / "classroom"
QUIZZES = str(QUIZ_PATH.parent)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def quizgame(*argv: str) -> subprocess.Popen[str]:
    """`python -m quizgame ARGV`, its output piped; faulthandler on, for `finish`."""
    return subprocess.Popen([sys.executable, "-m", "quizgame", *argv], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONFAULTHANDLER": "1"})


def finish(process: subprocess.Popen[str], timeout_s: float) -> tuple[str, str]:
    """The output of `process` once it has ended. One still running after `timeout_s` is made
    to print where each of its threads is (SIGABRT: faulthandler) and fails the test with it."""
    try:
        return process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        out, err = process.communicate()
        raise AssertionError(f"{process.args} still running after {timeout_s} s:\n{err}") from None


def exported(capsys: pytest.CaptureFixture[str], *saves: Path) -> list[dict]:
    folders = [arg for folder in saves for arg in ("--saves", str(folder))]
    status, out, _ = run(capsys, "export", "--results", "xapi", *folders, "--quizzes", QUIZZES)
    assert status == 0
    return [json.loads(line) for line in out.splitlines()]


def assert_exactly_once(lrs: Ralph, expected: list[dict]) -> None:
    """0 lost, 0 duplicated: the LRS holds each expected statement exactly once."""
    counts = Counter(statement["id"] for statement in lrs.stored())
    assert [ident for ident, n in counts.items() if n > 1] == []
    assert set(counts) == {statement["id"] for statement in expected}


@pytest.fixture
def school(tmp_path: Path) -> list[Path]:
    """Two rooms' saves: the generated class (every type) and the committed room-a."""
    write_class(tmp_path / "room-1")
    shutil.copytree(DATA / "room-a", tmp_path / "room-a")
    return [tmp_path / "room-1", tmp_path / "room-a"]


class FrozenNow(datetime):
    """The report's forgetting forecast is dated: one moment for every report compared."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[no-untyped-def]
        return datetime(2026, 1, 5, 12, 0, tzinfo=tz)


def test_scores_and_report_from_the_lrs_are_the_folders(lrs: Ralph, school: list[Path],
                                                        capsys, monkeypatch) -> None:
    monkeypatch.setattr("quizgame.classroom.report.datetime", FrozenNow)
    folders = [arg for folder in school for arg in ("--saves", str(folder))]
    status, out, err = run(capsys, "push", "--lrs", lrs.url, *folders, "--quizzes", QUIZZES)
    assert status == 0 and "sent" in out, err
    for command in (["scores"], ["scores", "--first-attempt"], ["scores", "--quiz", "capitals"],
                    ["report", "nato-2025", "--quizzes", QUIZZES],
                    ["report", "capitals", "--quizzes", str(DATA)],
                    ["report", "nato-2025", "--quizzes", QUIZZES, "--first-attempt"]):
        for output in ("json", "table"):
            shown = [*command, "--format", output]
            _, from_folders, _ = run(capsys, *shown, *folders)
            status, from_lrs, err = run(capsys, *shown, "--lrs", lrs.url)
            assert status == 0 and err == "", err
            assert from_lrs == from_folders, shown
            # Alongside: the LRS and a folder it already holds merge into the same games.
            _, both, _ = run(capsys, *shown, "--lrs", lrs.url, "--saves", str(school[0]))
            assert both == from_folders, shown
    assert "Late Comer" not in from_lrs  # unfinished and practice games never count


def test_every_statement_validates_against_ralphs_models(lrs: Ralph, school: list[Path],
                                                         capsys) -> None:
    statements = exported(capsys, *school)
    types = {s["object"]["definition"].get("interactionType") for s in statements}
    assert types == {None, "choice", "true-false", "fill-in", "numeric", "sequencing",
                     "matching"}
    assert run(capsys, "push", "--lrs", lrs.url, "--saves", str(school[0]),
               "--quizzes", QUIZZES)[0] == 0
    stored = lrs.stored()
    # The validator can fail: a statement Ralph's models refuse is reported.
    broken = dict(statements[1], object={"id": "not an IRI"})
    exported_verdict, stored_verdict, broken_verdict = validate(statements, stored, [broken])
    for batch, verdict in ((statements, exported_verdict), (stored, stored_verdict)):
        assert verdict == {"checked": len(batch), "invalid": []}
    assert broken_verdict["invalid"][0]["id"] == broken["id"]


def test_pushing_three_times_stores_every_statement_once(lrs: Ralph, school: list[Path],
                                                         capsys) -> None:
    folders = [arg for folder in school for arg in ("--saves", str(folder))]
    outputs = [run(capsys, "push", "--lrs", lrs.url, *folders, "--quizzes", QUIZZES)[1]
               for _ in range(3)]
    assert "nothing new" not in outputs[0]
    assert outputs[1].count("nothing new") == outputs[2].count("nothing new") == 2
    assert_exactly_once(lrs, exported(capsys, *school))
    # A lost cursor (a fresh copy of the folder) sends everything again: the LRS keeps one.
    for folder in school:
        (folder / ".xapi-push.json").unlink()
    status, out, _ = run(capsys, "push", "--lrs", lrs.url, *folders, "--quizzes", QUIZZES)
    assert status == 0 and "it already had" in out
    assert_exactly_once(lrs, exported(capsys, *school))


def test_a_statement_the_lrs_holds_in_another_version_is_kept_as_it_is(
        lrs: Ralph, tmp_path: Path, capsys) -> None:
    """The quiz was edited between two pushes of one game (two copies of a folder): 409."""
    room = tmp_path / "room-a"
    shutil.copytree(DATA / "room-a", room)
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    assert run(capsys, "push", "--lrs", lrs.url, "--saves", str(room), "--quizzes",
               str(DATA))[0] == 0
    before = {s["id"]: s for s in lrs.stored()}
    edited = (DATA / "capitals.toml").read_text().replace("Capital of France?",
                                                          "Which city is the capital of France?")
    (quizzes / "capitals.toml").write_text(edited)
    (room / ".xapi-push.json").unlink()
    status, out, err = run(capsys, "push", "--lrs", lrs.url, "--saves", str(room),
                           "--quizzes", str(quizzes))
    assert status == 0, err
    assert f"({len(before)} it already had)" in out
    assert {s["id"]: s for s in lrs.stored()} == before  # the stored versions stay


def test_the_lrs_pages_are_followed(lrs: Ralph, school: list[Path], capsys) -> None:
    statements = exported(capsys, school[1])
    client = Lrs(lrs.url, lrs.auth)
    assert client.post(statements) == len(statements) > 3 * PAGE
    assert sorted(s["id"] for s in client.statements()) == sorted(s["id"] for s in statements)


def wait_until(condition, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_the_lrs_keeps_no_history_file_a_kill_could_tear(lrs: Ralph, school: list[Path],
                                                         capsys) -> None:
    """Ralph's fs backend rewrites a history file whole at each read and write (ralph_fs_fixes):
    a server killed mid-write left it torn, and every POST after the restart failed with HTTP
    500 until the push's backoff ran out (the kill test took 45 s one run in three, not 4)."""
    assert run(capsys, "push", "--lrs", lrs.url, "--saves", str(school[0]))[0] == 0
    assert run(capsys, "scores", "--lrs", lrs.url)[0] == 0
    assert lrs.stored(), "nothing was pushed"
    assert not list((lrs.root / "app").rglob("history.json"))


def test_killing_the_lrs_mid_push_loses_and_duplicates_nothing(lrs: Ralph, tmp_path: Path,
                                                               capsys) -> None:
    saves = tmp_path / "big"
    write_class(saves, players=10, games=4, answers=20)
    expected = exported(capsys, saves)
    push = quizgame("push", "--lrs", lrs.url, "--saves", str(saves), "--batch", "10",
                    "--quizzes", QUIZZES)
    wait_until(lambda: lrs.written() >= 100)
    lrs.stop(kill=True)
    assert len(lrs.stored()) < len(expected)
    lrs.start()  # the push is retrying with backoff meanwhile: it may well finish
    finish(push, 120)
    status, _, err = run(capsys, "push", "--lrs", lrs.url, "--saves", str(saves),
                         "--quizzes", QUIZZES)
    assert status == 0, err
    assert_exactly_once(lrs, expected)


def test_killing_the_push_itself_loses_and_duplicates_nothing(lrs: Ralph, tmp_path: Path,
                                                              capsys) -> None:
    saves = tmp_path / "big"
    write_class(saves, players=10, games=4, answers=20)
    expected = exported(capsys, saves)
    for _ in range(2):  # killed twice, at different points
        push = quizgame("push", "--lrs", lrs.url, "--saves", str(saves), "--batch", "7",
                        "--quizzes", QUIZZES)
        already = lrs.written()
        wait_until(lambda already=already: lrs.written() >= already + 60)
        push.send_signal(signal.SIGKILL)
        finish(push, 30)
    assert lrs.written() < len(expected)  # the LRS may still be writing the last batch sent
    assert run(capsys, "push", "--lrs", lrs.url, "--saves", str(saves),
               "--quizzes", QUIZZES)[0] == 0
    assert_exactly_once(lrs, expected)


def test_an_unreachable_lrs_is_a_clear_error_and_the_next_push_catches_up(
        lrs: Ralph, school: list[Path], capsys) -> None:
    from quizgame.interop.lrs import LrsError, Retry
    from quizgame.interop.xapi import XapiConfig
    from quizgame.interop.xapi_push import Outbox

    impatient = Lrs(lrs.url, lrs.auth, retry=Retry(tries=2, first_s=0.05))
    outbox = Outbox(school[1], impatient, XapiConfig(HOMEPAGE), lambda quiz_id: None)
    lrs.stop()
    with pytest.raises(LrsError, match=r"cannot reach the LRS at .* after 2 tries; nothing is "
                                       r"lost: run it again later"):
        outbox.push()
    lrs.start()
    assert outbox.push().sent == len(exported(capsys, school[1]))
    assert_exactly_once(lrs, exported(capsys, school[1]))


def test_wrong_credentials_are_refused_with_a_clear_message(lrs: Ralph, school: list[Path],
                                                            capsys, monkeypatch) -> None:
    monkeypatch.setenv("QUIZGAME_LRS_AUTH", "quizgame:wrong")
    status, _, err = run(capsys, "push", "--lrs", lrs.url, "--saves", str(school[1]))
    assert status == 2 and "refused the credentials (HTTP 401)" in err
    status, _, err = run(capsys, "scores", "--lrs", lrs.url)
    assert status == 2 and "HTTP 401" in err
    # --watch does not retry a refusal forever: it will not mend itself.
    watch = quizgame("push", "--lrs", lrs.url, "--saves", str(school[1]), "--watch",
                     "--interval", "0.1")
    _, err = finish(watch, 60)
    assert watch.returncode == 2 and "refused the credentials (HTTP 401)" in err
    assert lrs.stored() == [] and not (school[1] / ".xapi-push.json").exists()


def test_watch_keeps_pushing_as_games_are_played(lrs: Ralph, tmp_path: Path, capsys) -> None:
    saves = tmp_path / "room"
    saves.mkdir()
    watch = quizgame("push", "--lrs", lrs.url, "--saves", str(saves), "--watch",
                     "--interval", "0.2", "--quizzes", QUIZZES)
    try:
        ana = SavesFolder(saves).player("Ana")
        first = game("Ana", 1, 5, random.Random(1))
        ana.save_session(first)
        wait_until(lambda: lrs.written() == 7)  # attempted, 5 answers, completed
        ana.save_session(game("Ana", 2, 5, random.Random(2)))
        wait_until(lambda: lrs.written() == 14)
        # Stopped once that round has written its cursor too (the next push sends nothing).
        wait_until(lambda: sum(json.loads((saves / ".xapi-push.json").read_text())
                               ["endpoints"][lrs.url + "statements"]["sent"].values()) == 14)
    finally:
        watch.send_signal(signal.SIGINT)
        out, err = finish(watch, 30)
    assert watch.returncode == 0, err
    assert "stopped; nothing is lost" in out, (out, err)
    assert "sent 7 statements of 1 game to" in out, (out, err)  # the second may be cut short
    assert_exactly_once(lrs, exported(capsys, saves))
    assert "nothing new" in run(capsys, "push", "--lrs", lrs.url, "--saves", str(saves))[1]
