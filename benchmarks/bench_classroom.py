"""Classroom benchmark: `scores` and `report` over generated saves (issue 5, §5).

    .venv/bin/python benchmarks/bench_classroom.py [--big-players 1000] [--keep DIR]

Generates, through the store's own writer, a class of 30 players × 20 quiz games × 60 answers of
the bundled quiz, and a school of 1,000 players × 20 games (10 answers each: `scores` reads only
the summary at the top of each session file, never the answers, so their number hardly matters
and the school is written in minutes instead of a quarter of an hour). Then times, in this
process, what the commands do (read the saves, rank or analyse, format the table) and, once, the
whole command in a fresh process (Python start-up included). Goals: class `scores` <= 0.3 s,
class `report` <= 1 s, school `scores` <= 3 s.

Each figure is given warm (the saves as written and read before, as on the machine that played)
and cold (fresh copies without any hidden `.cache/` folder: a folder collected from students, a
copy that skips hidden folders). Prints figures; asserts nothing. With `--keep DIR`, saves
already generated there are reused.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgame.classroom.leaderboard import leaderboards
from quizgame.classroom.merge import collect_games
from quizgame.classroom.report import quiz_report
from quizgame.classroom.text import report_text, scores_text
from quizgame.commands.paths import bundled_quizzes_dir
from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.format import load_quiz
from quizgame.format.models import ChoiceQuestion, MultiQuestion, Question, Quiz
from quizgame.store import SavesFolder

GAMES = 20
CLASS_ANSWERS = 60
SCHOOL_ANSWERS = 10
QUIZ = bundled_quizzes_dir() / "nato-2025.toml"
START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def given_for(question: Question, right: bool, rng: random.Random) -> object:
    """A plausible answer: the right one, or a wrong choice / wrong text."""
    if isinstance(question, ChoiceQuestion):
        wrong = [c for c in question.choices if c != question.answer]
        return question.answer if right else rng.choice(wrong)
    if isinstance(question, MultiQuestion):
        return list(question.answers) if right else [rng.choice(question.choices)]
    if question.type == "truefalse":
        return question.answer if right else not question.answer
    return "right answer" if right else "wrong answer"


def game(quiz: Quiz, player: str, number: int, ability: float, answers_per_game: int,
         rng: random.Random) -> SessionRecord:
    started = START + timedelta(days=number, minutes=rng.randrange(600))
    answers, score = [], 0
    for index, question in enumerate(quiz.questions[:answers_per_game]):
        right = rng.random() < ability
        elapsed = rng.randrange(2_000, 30_000)
        points = int(question.points * (1 - elapsed / 60_000)) if right else 0
        score += points
        answers.append(AnswerRecord(
            question_id=question.id, question_type=question.type,
            given=given_for(question, right, rng), correct=right, credit=1.0 if right else 0.0,
            points=points, elapsed_ms=elapsed, hint_used=rng.random() < 0.05,
            answered_at=started + timedelta(seconds=30 * (index + 1)),
        ))
    return SessionRecord(
        id=f"{player.lower().replace(' ', '-')}-{number:02d}", quiz_id=quiz.quiz.id,
        quiz_title=quiz.quiz.title, player=player, mode="quiz", seed=number, started_at=started,
        finished_at=started + timedelta(minutes=35), question_count=answers_per_game, score=score,
        answers=answers,
    )


def write_players(root: Path, first: int, last: int, answers_per_game: int) -> None:
    """Players first..last-1, GAMES games each, written by the store as a class would (without
    waiting for the disk: the files are the same, and written in minutes, not an hour)."""
    os.fsync = lambda _handle: None  # this worker process only
    quiz = load_quiz(QUIZ)
    folder = SavesFolder(root)
    for n in range(first, last):
        rng = random.Random(n)
        name = f"Player {n:04d}"
        saves = folder.player(name)
        ability = rng.uniform(0.3, 0.95)
        for number in range(GAMES):
            saves.save_session(game(quiz, name, number, ability, answers_per_game, rng))


def generate(root: Path, players: int, answers_per_game: int) -> None:
    """Write the saves in parallel (one process per CPU), unless a previous run left them."""
    done = root / "generated.txt"
    wanted = f"{players} {GAMES} {answers_per_game}"
    if done.exists() and done.read_text() == wanted:
        print(f"reusing {root}")
        return
    shutil.rmtree(root, ignore_errors=True)
    began = time.perf_counter()
    workers = os.cpu_count() or 1
    bounds = [players * i // workers for i in range(workers + 1)]
    with ProcessPoolExecutor(workers) as pool:
        jobs = [pool.submit(write_players, root, bounds[i], bounds[i + 1], answers_per_game)
                for i in range(workers)]
        for job in jobs:
            job.result()
    done.write_text(wanted)
    print(f"generated {players} players × {GAMES} games × {answers_per_game} answers "
          f"in {time.perf_counter() - began:.0f} s")


def clone(source: Path, root: Path, copies: int) -> None:
    """`copies` times the players of the generated folder `source`, renamed (Player 0001 becomes
    Player 1001, 2001...), their session files re-checksummed: a school written in a minute
    instead of an hour, file for file what the store would write for those players."""
    from quizgame.store.logfile import CHECKSUM, hasher
    from quizgame.store.names import player_key
    from quizgame.store.session_log import KIND

    done = root / "generated.txt"
    wanted = f"clone {copies} of {source}"
    if done.exists() and done.read_text() == wanted:
        print(f"reusing {root}")
        return
    shutil.rmtree(root, ignore_errors=True)
    began = time.perf_counter()
    for folder in sorted(source.glob("player-*")):
        old = (folder / "player.toml").read_text(encoding="utf-8").split('name = "')[1][:11]
        number = int(old.split()[1])
        for copy in range(copies):
            name = f"Player {copy * 1000 + number:04d}"
            target = root / player_key(name)
            (target / "sessions").mkdir(parents=True)
            (target / "player.toml").write_text(
                (folder / "player.toml").read_text(encoding="utf-8").replace(old, name),
                encoding="utf-8")
            old_id, new_id = old.lower().replace(" ", "-"), name.lower().replace(" ", "-")
            for session in (folder / "sessions").glob("*.toml"):
                raw = session.read_bytes().replace(old.encode(), name.encode())
                raw = raw.replace(old_id.encode(), new_id.encode())
                at = raw.rindex(f'{CHECKSUM} = "'.encode())
                digest = hasher(KIND)
                digest.update(raw[:at])
                raw = raw[:at] + f'{CHECKSUM} = "{digest.hexdigest()}"\n'.encode()
                (target / "sessions" / session.name.replace(old_id, new_id)).write_bytes(raw)
    done.write_text(wanted)
    print(f"cloned {source} {copies} times in {time.perf_counter() - began:.0f} s")


def timed(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(first run, median of the runs) in seconds."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return times[0], statistics.median(times)


def timed_cold(action: Callable[[Path], object], saves: Path, scratch: Path,
               repeats: int) -> tuple[float, float]:
    """(first, median) of `action` each time on a fresh copy of `saves` without `.cache/`."""
    times = []
    for n in range(repeats):
        copy = scratch / f"cold-{n}"
        shutil.copytree(saves, copy, ignore=shutil.ignore_patterns(".cache"))
        times.append(timed(lambda: action(copy), 1)[0])
        shutil.rmtree(copy)
    return times[0], statistics.median(times)


def command_time(*argv: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quizgame", *argv], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def scores(root: Path) -> str:
    return scores_text(leaderboards(collect_games([root]).games))


def report(root: Path, quiz: Quiz) -> str:
    return report_text(quiz_report([root], quiz.quiz.id, quiz)[0])


def line(label: str, first: float, median: float, goal: float | None = None) -> None:
    verdict = "" if goal is None else (
        f"   goal {goal * 1000:.0f} ms  {'ok' if median <= goal else 'OVER GOAL'}")
    print(f"  {label:<36} first {first * 1000:7.1f} ms   median {median * 1000:7.1f} ms{verdict}")


def command_line(label: str, *argv: str) -> None:
    print(f"  {label:<36} {command_time(*argv) * 1000:7.1f} ms (one run, Python start-up included)")


# Runs `python -m quizgame ARGS` and writes its peak memory (VmHWM: this process's own, not its
# parent's, which the rusage of a child inherits across exec) to the file named first.
_MEASURED = """
import atexit, runpy, sys
out, sys.argv = sys.argv[1], ["quizgame", *sys.argv[2:]]
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            open(out, "w").write(line.split()[1])
atexit.register(peak)
if len(sys.argv) > 1:  # without arguments: the bare interpreter, the baseline
    runpy.run_module("quizgame", run_name="__main__", alter_sys=True)
"""


def run_command(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak RSS in MiB) of `quizgame ARGV` in a fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak:
        began = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", _MEASURED, peak.name, *argv],
                                   stdout=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        took = time.perf_counter() - began
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"quizgame {argv} failed")
        rss = int(Path(peak.name).read_text() or 0) / 1024
    return took, usage.ru_utime + usage.ru_stime, rss


def spread(values: list[float], unit: str = "ms", scale: float = 1000) -> str:
    return (f"{min(values) * scale:7.1f} / {statistics.median(values) * scale:7.1f} / "
            f"{max(values) * scale:7.1f} {unit}")


def evict(root: Path) -> str:
    """Take `root`'s files out of the page cache: all caches dropped when this process may,
    else each file's pages dropped (posix_fadvise DONTNEED; inodes and folders stay cached)."""
    os.sync()
    with contextlib.suppress(OSError):
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return "page cache dropped"
    for folder, _, files in os.walk(root):
        for name in files:
            with contextlib.suppress(OSError):
                handle = os.open(os.path.join(folder, name), os.O_RDONLY)
                os.posix_fadvise(handle, 0, 0, os.POSIX_FADV_DONTNEED)
                os.close(handle)
    return "files' pages evicted (fadvise)"


def bench_scores_command(label: str, root: Path, runs: int, cold: bool) -> None:
    """`quizgame scores` as a command, with and without a summary index, run by run in turns:
    without one (a fresh cache folder each run: every file read, as before the index) and with
    the index the previous run left. `cold`: the saves' pages evicted before every run."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    warm_cache = scratch / "kept"
    argv = ["scores", "--saves", str(root)]
    run_command(argv, {**os.environ, "XDG_CACHE_HOME": str(warm_cache)})  # builds the index
    results: dict[str, list[tuple[float, float, float]]] = {"no index": [], "index": []}
    how = ""
    for n in range(runs):
        for kind in results:
            cache = warm_cache if kind == "index" else scratch / f"fresh-{n}"
            if cold:
                how = evict(root)
            results[kind].append(run_command(argv, {**os.environ, "XDG_CACHE_HOME": str(cache)}))
    shutil.rmtree(scratch)
    print(f"  {label}{' (' + how + ')' if how else ''}: time and CPU time min / median / max, "
          "peak RSS max")
    for kind, figures in results.items():
        times, cpu, peaks = ([f[n] for f in figures] for n in range(3))
        print(f"    {kind:<10} {spread(times)}   CPU {spread(cpu)}   peak RSS "
              f"{max(peaks):6.1f} MiB")


def bench_fixed_cost(empty: Path, runs: int = 9) -> None:
    """The fixed cost of `scores` as a command: on an empty saves folder, against a bare
    `python -c pass` (both through the same measuring wrapper), run by run in turns, as wall
    time and as CPU time (which the other programs on a shared machine disturb less); goal:
    <= 100 ms more."""
    bare: list[tuple[float, float, float]] = []
    scores_runs: list[tuple[float, float, float]] = []
    for _ in range(runs):
        bare.append(run_command([]))  # the interpreter (and the measuring wrapper) alone
        scores_runs.append(run_command(["scores", "--saves", str(empty)]))
    print("`quizgame scores` fixed cost (empty saves folder), min / median / max:")
    for label, n in (("wall", 0), ("CPU", 1)):
        extra = [s[n] - b[n] for s, b in zip(scores_runs, bare, strict=True)]
        print(f"  {label:<5} bare python {spread([b[n] for b in bare])}   scores "
              f"{spread([s[n] for s in scores_runs])}   difference {spread(extra)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-players", type=int, default=1000)
    parser.add_argument("--huge-players", type=int, default=0,
                        help="also a folder of this many players × 20 games (10,000: the goal "
                        "of <= 5 s and <= 200 MiB), cloned from the school's players")
    parser.add_argument("--keep", type=Path, help="generate into (and keep, and reuse) this folder")
    args = parser.parse_args()
    quiz = load_quiz(QUIZ)
    with contextlib.ExitStack() as stack:
        base = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        small, big = base / "class", base / "school"
        generate(small, 30, CLASS_ANSWERS)
        generate(big, args.big_players, SCHOOL_ANSWERS)

        print(f"class: 30 players × {GAMES} games × {CLASS_ANSWERS} answers")
        line("scores, warm", *timed(lambda: scores(small), 5), goal=0.3)
        line("scores, cold (no .cache/)", *timed_cold(scores, small, scratch, 3), goal=0.3)
        line("report, warm", *timed(lambda: report(small, quiz), 5), goal=1.0)
        line("report, cold (no .cache/)",
             *timed_cold(lambda root: report(root, quiz), small, scratch, 3), goal=1.0)
        bench_scores_command("`quizgame scores` (goal <= 0.3 s)", small, 5, cold=False)
        command_line("`quizgame report`, warm", "report", str(QUIZ), "--saves", str(small))

        print(f"school: {args.big_players} players × {GAMES} games × {SCHOOL_ANSWERS} answers")
        line("scores, warm (in process, no index)", *timed(lambda: scores(big), 3), goal=3.0)
        bench_scores_command("`quizgame scores`, cold page cache (goal <= 3 s)", big, 3, cold=True)
        bench_scores_command("`quizgame scores`, warm page cache", big, 3, cold=False)
        empty = scratch / "empty"
        empty.mkdir()
        bench_fixed_cost(empty)
        if args.huge_players:
            huge = base / "huge"
            clone(big, huge, args.huge_players // args.big_players)
            print(f"huge: {args.huge_players} players × {GAMES} games × {SCHOOL_ANSWERS} answers")
            bench_scores_command("`quizgame scores`, warm page cache (goal <= 5 s, 200 MiB)",
                                 huge, 2, cold=False)


if __name__ == "__main__":
    main()
