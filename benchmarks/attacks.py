"""Re-run the attacks of issue 10 against this quizgame and print a tries/failures table.

    .venv/bin/python benchmarks/attacks.py [--tries 20]

Each attack is tried `--tries` times (with varied inputs) through the real entry points: the CLI
in a fresh process (`check`, `play --plain`, `scores`, `report`, `history`, mistakes mode), the
TUI home screen's quiz scan and the store. A try *fails* when the attack works: a raw control
character reaches the output, a traceback, a hang (20 s), a file read or written where it must
not be, a review or a game that counts when it should not (or is lost). Prints the table;
exits 1 if any try failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w

from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.store import SavesFolder

ROOT = Path(__file__).parents[1]
HOSTILE = ROOT / "tests" / "data" / "hostile"
CAPITALS = ROOT / "tests" / "data" / "classroom" / "capitals.toml"
TWELVE = ROOT / "tests" / "data" / "store" / "twelve.toml"
TIMEOUT_S = 20
CONTROLS = ["\x1b]0;pwned\x07", "\x1b[2J\x1b[H", "\x1b]52;c;ZWNobyBwd25lZA==\x07", "\x9b31m",
            "\x07", "\x08\x08", "\x7f", "\x1bP+q\x1b\\"]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
Try = Callable[[random.Random, Path], bool]  # True: the attack was stopped


def quizgame(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the CLI in a fresh process; (status, stdout + stderr), status -9 on a hang."""
    try:
        done = subprocess.run([sys.executable, "-m", "quizgame", *args], input=stdin,
                              capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=TIMEOUT_S, env=env or ENV)
    except subprocess.TimeoutExpired:
        return -9, ""
    return done.returncode, done.stdout + done.stderr


def clean(output: str) -> bool:
    return not any(char in output for char in "\x1b\x07\x9b\x7f\x08") and "Traceback" not in output


def a_game(player: str, session_id: str, score: int | None = None) -> SessionRecord:
    start = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    answers = [AnswerRecord(question_id=f"q{n}", question_type="truefalse", given=True,
                            correct=True, credit=1.0, points=1000, elapsed_ms=3000,
                            answered_at=start + timedelta(seconds=n)) for n in range(1, 5)]
    return SessionRecord(id=session_id, quiz_id="capitals", quiz_title="Capitals", player=player,
                         mode="quiz", seed=1, started_at=start,
                         finished_at=start + timedelta(minutes=1), question_count=4,
                         score=4000 if score is None else score, answers=answers)


# -- the attacks -------------------------------------------------------------------------------


def escapes_in_quizzes(rng: random.Random, folder: Path) -> bool:
    sequence = rng.choice(CONTROLS)
    field = rng.choice(["title", "prompt", "explanation", "choice", "hint"])
    question = {"id": "q1", "type": "choice", "prompt": "Which?", "choices": ["Paris", "Lyon"],
                "answer": "Paris", "explanation": "Because.", "hint": "A city."}
    meta = {"id": "esc", "title": "Escapes"}
    if field == "title":
        meta["title"] += sequence
    elif field == "choice":
        question["choices"] = ["Paris", "Lyon" + sequence]
    else:
        question[field] += sequence
    path = folder / "esc.toml"
    path.write_text(tomli_w.dumps({"quiz": meta, "questions": [question]}), encoding="utf-8")
    status, checked = quizgame("check", str(path))
    _, played = quizgame("play", str(path), "--plain", "--player", "Ana", "--saves",
                         str(folder / "saves"), stdin="?\n2\n")
    return status == 1 and "control character" in checked and clean(checked + played)


def escapes_in_saves(rng: random.Random, folder: Path) -> bool:
    record = a_game("Ana", f"s{rng.randrange(10**6)}")
    record.quiz_title = "Capitals" + rng.choice(CONTROLS)
    record.answers[0] = record.answers[0].model_copy(update={"given": rng.choice(CONTROLS)})
    saves = SavesFolder(folder / "saves").player("Ana")
    saves.save_session(record)
    outputs = [quizgame("scores", "--saves", str(folder / "saves"))[1],
               quizgame("history", "--player", "Ana", "--saves", str(folder / "saves"),
                        "--format", "json")[1]]
    return all(clean(output) for output in outputs)


def deep_nesting(rng: random.Random, folder: Path) -> bool:
    depth = rng.randrange(100, 3000)
    saves = SavesFolder(folder / "saves").player("Ana")
    saves.save_session(a_game("Ana", "good"))
    bad = saves.path / "sessions" / "deep.toml"
    text = (saves.path / "sessions" / "good.toml").read_text(encoding="utf-8")
    where = rng.choice(['quiz_title = "Capitals"\n', "given = true"])
    nested = "[" * depth + "]" * depth
    bad.write_text(text.replace(where, f"{where}\nx = {nested}\n" if where.endswith("\n")
                                else f"given = {nested}", 1), encoding="utf-8")
    root = str(folder / "saves")
    runs = [quizgame("scores", "--saves", root), quizgame("report", str(CAPITALS), "--saves", root),
            quizgame("history", "--player", "Ana", "--saves", root),
            quizgame("play", str(CAPITALS), "--plain", "--mode", "mistakes", "--player", "Ana",
                     "--saves", root, stdin="")]
    return all(clean(out) and status != -9 for status, out in runs) and all(
        str(bad) in out for _, out in runs[:3])


def special_files(rng: random.Random, folder: Path) -> bool:
    kind = rng.choice(["fifo", "/dev/zero", "/dev/urandom"])
    place = rng.choice(["quiz", "source", "folder"])
    target = folder / ("quiz.toml" if place != "source" else "source.txt")
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(kind)
    if place == "source":
        (folder / "quiz.toml").write_text(
            CAPITALS.read_text(encoding="utf-8").replace(
                "[[questions]]", '[quiz.source]\nfile = "source.txt"\n\n[[questions]]', 1),
            encoding="utf-8")
    path = str(folder if place == "folder" else folder / "quiz.toml")
    runs = [quizgame("check", path)]
    if place != "folder":
        runs.append(quizgame("play", path, "--plain", "--player", "Ana", "--saves",
                             str(folder / "saves")))
    scan = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                           "from quizgame.tui.catalog import scan_quizzes; "
                           "print(len(scan_quizzes(Path(sys.argv[1]))))", str(folder)],
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    return all(status not in (-9, 0) and clean(out) for status, out in runs) and scan.returncode == 0


def unreadable_player(rng: random.Random, folder: Path) -> bool:
    root = folder / "saves"
    for name in ("Ana", "Ben"):
        SavesFolder(root).player(name).save_session(a_game(name, f"{name}-1"))
    locked = SavesFolder(root).player("Ben").path
    # As root, modes do not stop reads: inject the refusal the system gives another user.
    script = ("import os, sys; locked = sys.argv[1]; real = os.stat\n"
              "def stat(p, *a, **k):\n"
              "    if os.fspath(p).startswith(locked + os.sep): raise PermissionError(13, 'Permission denied')\n"
              "    return real(p, *a, **k)\n"
              "os.stat = stat\n"
              "from quizgame.cli import main; sys.exit(main(sys.argv[2:]))")
    command = rng.choice([["scores"], ["report", str(CAPITALS)],
                          ["history", "--player", "Ben"], ["history", "--player", "Ana"]])
    done = subprocess.run([sys.executable, "-c", script, str(locked), *command, "--saves",
                           str(root)], capture_output=True, text=True, timeout=TIMEOUT_S)
    output = done.stdout + done.stderr
    return "Traceback" not in output and done.returncode in (0, 1, 2) and (
        "ermission denied" in output or command[-1] == "Ana")


PRACTICE = """
import sys
from pathlib import Path
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.store import SavesFolder
saves = SavesFolder(Path(sys.argv[1])).player("Kim")
session = GameSession.start(load_quiz(Path(sys.argv[2])), saves, "practice", new_limit=4)
for _ in range(int(sys.argv[3])):
    if session.current() is None:
        break
    session.submit(None, timed_out=True)
session.finish()
"""


def concurrent_reviews(rng: random.Random, folder: Path) -> bool:
    root = folder / "saves"
    SavesFolder(root).player("Kim")
    workers = [subprocess.Popen([sys.executable, "-c", PRACTICE, str(root), str(TWELVE), "15"])
               for _ in range(8)]
    for worker in workers:
        worker.wait(timeout=120)
    kim = SavesFolder(root).player("Kim", create=False)
    answered: dict[str, int] = {}
    for record in kim.sessions():
        for answer in record.answers:
            answered[answer.question_id] = answered.get(answer.question_id, 0) + 1
    cards = kim.load_cards("twelve") if kim.sessions() else {}
    return {qid: card.reviews for qid, card in cards.items()} == answered


def source_outside(rng: random.Random, folder: Path) -> bool:
    (folder / "secret").mkdir()
    (folder / "secret" / "passwd").write_text("root:x:0:0\n")
    quizzes = folder / "quizzes"
    quizzes.mkdir()
    name = rng.choice([str(folder / "secret" / "passwd"), "../secret/passwd", "link"])
    if name == "link":
        (quizzes / "link").symlink_to(folder / "secret" / "passwd")
    (quizzes / "q.toml").write_text(
        f'[quiz]\nid = "q"\ntitle = "Q"\n\n[quiz.source]\nfile = {json.dumps(name)}\n\n'
        '[[questions]]\nid = "q1"\ntype = "truefalse"\nprompt = "Root?"\nanswer = true\n'
        f'source = "{rng.choice(["root:x:0:0", "nobody:x"])}"\n', encoding="utf-8")
    _, out = quizgame("check", str(quizzes / "q.toml"))
    return "outside the quiz's folder" in out and "not found in the source" not in out


def serve_origin_and_cap(rng: random.Random, folder: Path) -> bool:
    import asyncio
    import socket

    import aiohttp

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "quizgame", "serve", "--port", str(port),
                               "--max-players", "1", "--quizzes", str(CAPITALS.parent),
                               "--saves", str(folder / "saves")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"ws://127.0.0.1:{port}/ws?width=80&height=24"

    async def attack() -> bool:
        async with aiohttp.ClientSession() as client:
            for _ in range(100):
                try:
                    async with client.get(f"http://127.0.0.1:{port}/"):
                        break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.2)
            evil = rng.choice(["http://evil.example", "null", f"http://127.0.0.1:{port + 1}"])
            try:
                async with client.ws_connect(url, headers={"Origin": evil}):
                    return False
            except aiohttp.WSServerHandshakeError as error:
                if error.status != 403:
                    return False
            origin = f"http://127.0.0.1:{port}"
            async with client.ws_connect(url, origin=origin) as first:
                await first.receive(timeout=TIMEOUT_S)
                async with client.ws_connect(url, origin=origin) as second:
                    data = b""
                    async for message in second:
                        if message.type == aiohttp.WSMsgType.BINARY:
                            data += message.data
                return b"The game is full" in data

    try:
        return asyncio.run(attack())
    finally:
        server.terminate()
        server.wait(timeout=TIMEOUT_S)


def leaderboard_integrity(rng: random.Random, folder: Path) -> bool:
    root = folder / "saves"
    ana = SavesFolder(root).player("Ana")
    ana.save_session(a_game("Ana", "ana-1"))
    bob = SavesFolder(root).player("Bob")
    bob.save_session(a_game("Bob", "bob-1", score=3000))
    how = rng.choice(["copy", "score", "counts"])
    if how == "copy":
        shutil.copyfile(bob.path / "sessions" / "bob-1.toml", ana.path / "sessions" / "bob-1.toml")
    else:
        path = ana.path / "sessions" / "ana-1.toml"
        old, new = ("score = 4000\n", "score = 99999999\n") if how == "score" else (
            "correct = 4\n", "correct = 40\n")
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _, out = quizgame("scores", "--saves", str(root), "--format", "json")
    rows = json.loads(out[: out.rindex("]") + 1]) if "[" in out else []
    scores = {row["player"]: (row["best_score"], row["attempts"]) for row in rows}
    if how == "copy":
        return scores.get("Ana") == (4000, 1)
    return "Ana" not in scores or scores["Ana"][0] <= 4000


LOOK_ALIKES = ["\u0410na", "An\u0430", "An\u200ba", "A\u00adna", "A\u3164na", "\u2060Ana",
               "Ana\u200f", "\u0391na", "An\u200da", "ANA", "Ａｎａ", "A\ufe0fna", "An\ufeffa"]


def look_alike_names(rng: random.Random, folder: Path) -> bool:
    root = folder / "saves"
    SavesFolder(root).player("Ana")
    name = rng.choice(LOOK_ALIKES)
    try:
        SavesFolder(root).player(name)
    except Exception:  # refused (PlayerNameError): stopped
        pass
    return len(SavesFolder(root).players()) == 1


def line_map_memory(rng: random.Random, folder: Path) -> bool:
    size = rng.choice([10, 30, 50]) * 1_000_000
    path = folder / "long.toml"
    path.write_text('[quiz]\nid = "long"\ntitle = "Long"\n\n[[questions]]\nid = "q1"\n'
                    'type = "truefalse"\nanswer = true\nprompt = "' + "x" * size + '"\n',
                    encoding="utf-8")
    script = ("import resource, sys; from pathlib import Path; "
              "from quizgame.format.checker import check_file; check_file(Path(sys.argv[1])); "
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, timeout=120, env={**ENV, "QUIZGAME_MAX_QUIZ_MB": "64"})
    took = time.monotonic() - start
    return done.returncode == 0 and int(done.stdout) < 8 * size / 1_000_000 + 150 and took < 15


def absurd_save(rng: random.Random, folder: Path) -> bool:
    saves = SavesFolder(folder / "saves").player("Ana")
    saves.save_session(a_game("Ana", "ok"))
    (saves.path / "sessions" / "huge.toml").write_bytes(b"format = 1\n" + b"#" * rng.choice(
        [5, 20, 100]) * 1_000_000 + b"\n")
    start = time.monotonic()
    status, out = quizgame("report", str(CAPITALS), "--saves", str(folder / "saves"))
    return status == 0 and "larger than 4 MB" in out and time.monotonic() - start < 10


def umask_and_links(rng: random.Random, folder: Path) -> bool:
    root, elsewhere = folder / "saves", folder / "elsewhere"
    elsewhere.mkdir()
    zoe = SavesFolder(root).player("Zoë")
    os.umask(0o022)
    zoe.save_session(a_game("Zoë", "a"))
    readable = (zoe.path / "sessions" / "a.toml").stat().st_mode & 0o044 == 0o044
    shutil.rmtree(zoe.path / "sessions")
    (zoe.path / "sessions").symlink_to(elsewhere, target_is_directory=True)
    try:
        zoe.save_session(a_game("Zoë", "b"))
    except Exception:
        pass
    return readable and not any(elsewhere.iterdir())


def failed_save_stops(rng: random.Random, folder: Path) -> bool:
    saves = SavesFolder(folder / "saves").player("Zoë")
    (saves.path / "sessions").write_text("not a folder")
    status, out = quizgame("play", str(CAPITALS), "--plain", "--player", "Zoë", "--saves",
                           str(folder / "saves"), stdin="1\n" * 5)
    return status == 2 and "cannot be saved" in out and "Question 1" not in out


def stale_temporaries(rng: random.Random, folder: Path) -> bool:
    saves = SavesFolder(folder / "saves").player("Zoë")
    (saves.path / "sessions").mkdir(exist_ok=True)
    stale = saves.path / "sessions" / f".x.toml.{rng.randrange(10**6)}.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    saves.save_session(a_game("Zoë", f"g{rng.randrange(10**6)}"))
    return not stale.exists()


def flaky_format_test(rng: random.Random, folder: Path) -> bool:
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests" / "test_store_files.py"), "-k", "unusable",
                           str(ROOT / "tests" / "test_store_files.py") + "::"
                           "test_unusable_format_versions_are_refused"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    return done.returncode == 0


ATTACKS: list[tuple[str, Try, int]] = [
    ("1 escapes in quizzes (check, play --plain)", escapes_in_quizzes, 1),
    ("1 escapes in saves (scores, history)", escapes_in_saves, 1),
    ("2 deep nesting in a save (4 readers)", deep_nesting, 1),
    ("3 FIFO, /dev/zero, /dev/urandom", special_files, 1),
    ("4 unreadable player folder", unreadable_player, 1),
    ("5 8 concurrent practice games", concurrent_reviews, 4),
    ("6 source.file outside the folder", source_outside, 1),
    ("7 serve: forged Origin, over the cap", serve_origin_and_cap, 2),
    ("8 copied session, edited score/counts", leaderboard_integrity, 1),
    ("9 look-alike names of Ana", look_alike_names, 1),
    ("10 line map of a 10-50 MB prompt", line_map_memory, 4),
    ("low: 5-100 MB session file", absurd_save, 2),
    ("low: umask, symlinked sessions/", umask_and_links, 1),
    ("low: unwritable saves folder", failed_save_stops, 1),
    ("low: stale .tmp files", stale_temporaries, 1),
    ("low: repeated format-version test", flaky_format_test, 4),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=20)
    parser.add_argument("--only", default="", help="run the attacks whose name contains this")
    args = parser.parse_args()
    rng = random.Random(10)
    failed_any = False
    print(f"{'attack':<46} {'tries':>5} {'failures':>8}")
    for name, attack, cost in ATTACKS:
        if args.only not in name:
            continue
        tries = max(1, args.tries // cost)
        failures = 0
        for _ in range(tries):
            with tempfile.TemporaryDirectory() as folder:
                try:
                    stopped = attack(rng, Path(folder))
                except Exception as error:  # the attack broke something: a failure
                    print(f"  {name}: {type(error).__name__}: {error}", file=sys.stderr)
                    stopped = False
            failures += not stopped
        failed_any |= failures > 0
        print(f"{name:<46} {tries:>5} {failures:>8}", flush=True)
    sys.exit(1 if failed_any else 0)


if __name__ == "__main__":
    main()
