"""Save figures of issue 3 §8: answer-save latency against history size, and player load time.

    .venv/bin/python benchmarks/bench_saves.py [--dir DIR]

Goals: saving one answer <= 10 ms median, flat with 0, 500 and 5,000 earlier answers; loading a
player with 500 cards and 5,000 answers <= 50 ms. Saves are fsynced, so the figures depend on
the disk under --dir (default: the system's temporary folder). Reads are timed warm (on the
saves as written and read before) and cold (on fresh copies without hidden `.cache/` folders, as
a folder collected from a student's machine would be).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizgame.engine.records import AnswerRecord, CardState, SessionRecord
from quizgame.store import SavesFolder
from quizgame.store.card_log import write_all_cards
from quizgame.store.documents import load, save
from quizgame.store.models import CARDS, CardsFile
from quizgame.store.player import PlayerSaves
from quizgame.store.sessions import write_session

PLAYER = "Zoë Benchmark"
ANSWERS_PER_SESSION = 20
QUIZZES = [f"quiz-{n}" for n in range(10)]
START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
# Hidden folders of derived files (earlier versions kept JSON copies and an index there; this
# one keeps none): cold runs read copies of the saves without them.
DERIVED = ".cache"


def answer(number: int, moment: datetime) -> AnswerRecord:
    right = number % 3 != 0
    return AnswerRecord(
        question_id=f"q{number % 50}",
        question_type="choice",
        given="Some choice text",
        correct=right,
        credit=1.0 if right else 0.0,
        points=812 if right else 0,
        streak_bonus=100 if right else 0,
        elapsed_ms=4321,
        answered_at=moment,
    )


def session(number: int, quizzes: list[str] = QUIZZES) -> SessionRecord:
    started = START + timedelta(hours=number)
    quiz_id = quizzes[number % len(quizzes)]
    return SessionRecord(
        id=f"{started:%Y%m%dT%H%M%SZ}-{quiz_id}-{number:06x}",
        quiz_id=quiz_id,
        quiz_title="A benchmark quiz",
        player=PLAYER,
        mode="quiz",
        seed=number,
        started_at=started,
        question_count=ANSWERS_PER_SESSION,
    )


def play(saves: PlayerSaves, number: int, on_save: Callable[[float], None]) -> None:
    """One finished game, saved after every answer and once more when it finishes."""
    record = session(number)
    for n in range(ANSWERS_PER_SESSION):
        record.answers.append(answer(n, record.started_at + timedelta(seconds=5 * n)))
        record.score += record.answers[-1].points
        on_save(timed(lambda: saves.save_session(record)))
    record.finished_at = record.started_at + timedelta(minutes=5)
    on_save(timed(lambda: saves.save_session(record)))


def write_history(saves: PlayerSaves, answers: int, quizzes: list[str] = QUIZZES) -> int:
    """Finished games totalling `answers` answers, each written once in its final state."""
    games = answers // ANSWERS_PER_SESSION
    for number in range(games):
        record = session(number, quizzes)
        for n in range(ANSWERS_PER_SESSION):
            record.answers.append(answer(n, record.started_at + timedelta(seconds=5 * n)))
        record.finished_at = record.started_at + timedelta(minutes=5)
        saves.save_session(record)
    # A real history was written long ago: it is on disk, not still being written back, which
    # would slow the fsyncs measured next.
    if hasattr(os, "sync"):
        os.sync()
    return games


def write_cards(saves: PlayerSaves, count: int) -> None:
    per_quiz = count // len(QUIZZES)
    for quiz_id in QUIZZES:
        for n in range(per_quiz):
            saves.save_card(
                quiz_id,
                CardState(
                    question_id=f"q{n}",
                    card_id=10_000 + n,
                    state=2,
                    stability=12.345678901234,
                    difficulty=5.4321098765,
                    due=START + timedelta(days=n),
                    last_review=START,
                    reviews=4,
                    lapses=1,
                    introduced=START - timedelta(days=30),
                ),
            )


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def bench_answer_saves(base: Path) -> None:
    print(f"Per-answer save ({ANSWERS_PER_SESSION}-answer games; goal: median <= 10 ms, flat)")
    print("  history        saves   median     p95     max")
    play(SavesFolder(base / "warm-up").player(PLAYER), 0, lambda took: None)  # first-use costs
    for history in (0, 500, 5_000):
        root = base / f"answers-{history}"
        saves = SavesFolder(root).player(PLAYER)
        games = write_history(saves, history)
        times: list[float] = []
        for n in range(5):
            play(saves, games + n, times.append)
        print(
            f"  {history:>5} answers {len(times):>5}   {statistics.median(times):6.2f}  "
            f"{p95(times):6.2f}  {max(times):6.2f} ms"
        )
        shutil.rmtree(root)


def spread(values: list[float]) -> str:
    """min / median / max, in milliseconds."""
    return (f"{min(values):6.2f} / {statistics.median(values):6.2f} / {max(values):6.2f} ms")


def bench_growing_game(base: Path, answers: int = 1_000) -> None:
    """One game of `answers` answers saved after each one: appended (how quizgame saves) and,
    on the same answers, the whole file rewritten (how format 1 saved). Each way plays the game
    through on its own: a 30 ms rewrite just before each append would time the append with the
    processor's caches emptied by it."""
    print(f"Per-answer save as the current game grows to {answers:,} answers "
          "(min / median / max; goal: flat)")
    saves = SavesFolder(base / "growing").player(PLAYER)
    rewritten = base / "growing-rewritten.toml"

    def played(save: Callable[[SessionRecord], object]) -> list[float]:
        record = session(0).model_copy(update={"question_count": answers + 1})
        times = []
        for n in range(answers):
            record.answers.append(answer(n, record.started_at + timedelta(seconds=5 * n)))
            record.score += record.answers[-1].points
            times.append(timed(lambda: save(record)))
        return times

    appended = played(saves.save_session)
    rewrites = played(lambda record: write_session(rewritten, record))
    print("  answers          appended (format 2)            rewritten whole (format 1's way)")
    for first in (0, answers // 2 - 10, answers - 10):
        window = slice(first, first + 10)
        print(f"  {first + 1:>5}-{first + 10:<5}  {spread(appended[window])}   "
              f"{spread(rewrites[window])}")


def bench_practice(base: Path, bank: int = 10_000, answers: int = 1_000) -> None:
    """A practice game on a quiz whose `bank` questions all have cards: per answer, the session
    save and the card's review, as quizgame does them and, in the same run on the same records,
    the format-1 way (the session file and the whole card file rewritten)."""
    print(f"Per-answer practice save (session + review), {bank:,} cards, {answers:,} answers "
          "(min / median / max; goal: flat)")
    saves = SavesFolder(base / "practice").player(PLAYER)
    quiz_id = QUIZZES[0]
    cards = [card_state(n) for n in range(bank)]
    old_way = base / "practice-cards-format-1.toml"
    save(old_way, CardsFile(quiz_id=quiz_id, cards=cards))
    folder = saves.path / "cards"
    folder.mkdir()
    write_all_cards(folder / f"{quiz_id}.toml", quiz_id, {c.question_id: c for c in cards})
    saves.load_cards(quiz_id)  # as a practice game does when it starts
    record = session(1).model_copy(update={"mode": "practice", "question_count": bank})
    rewritten = base / "practice-rewritten.toml"
    new: list[float] = []
    old: list[float] = []
    for n in range(answers):
        record.answers.append(answer(n, record.started_at + timedelta(seconds=5 * n)))
        reviewed = cards[n].model_copy(update={"reviews": cards[n].reviews + 1})

        def appended() -> None:
            saves.save_session(record)
            saves.update_card(quiz_id, reviewed.question_id, lambda _stored: reviewed)

        def rewrite() -> None:
            write_session(rewritten, record)
            stored = {c.question_id: c for c in load(old_way, CARDS).cards}
            stored[reviewed.question_id] = reviewed
            save(old_way, CardsFile(quiz_id=quiz_id, cards=list(stored.values())))

        new.append(timed(appended))
        if n < 10 or n >= answers - 10:  # the old way takes seconds per ten answers at this size
            old.append(timed(rewrite))
    print("  answers          appended (format 2)            rewritten whole (format 1's way)")
    for label, window, old_window in (("1-10", slice(0, 10), slice(0, 10)),
                                      (f"{answers - 9}-{answers}", slice(answers - 10, answers),
                                       slice(10, 20))):
        print(f"  {label:<15} {spread(new[window])}   {spread(old[old_window])}")
    print(f"  all {answers:,}       {spread(new)}")


def card_state(n: int) -> CardState:
    return CardState(question_id=f"q{n}", card_id=10_000 + n, state=2, stability=12.345678901234,
                     difficulty=5.4321098765, due=START + timedelta(days=n % 30),
                     last_review=START, reviews=4, lapses=1, introduced=START - timedelta(days=30))


def bench_mistakes(base: Path, history: int = 50_000) -> None:
    """Finding the last quiz-mode game of a quiz (mistakes mode, continuing a game) with
    `history` answers of that quiz saved: from the summaries (now) and, in the same run, by
    reading every game of the quiz whole (before)."""
    import tracemalloc

    root = base / "mistakes"
    saves = SavesFolder(root).player(PLAYER)
    quiz_id = QUIZZES[0]
    write_history(saves, history, [quiz_id])

    def before() -> object:
        games = [s for s in player(root).sessions(quiz_id) if s.mode == "quiz" and s.answers]
        return games[-1]

    def now() -> object:
        return player(root).latest_session(quiz_id, "quiz")

    assert before() == now()
    print(f"Mistakes mode's last game, {history:,} answers of history "
          "(min / median / max; peak Python memory)")
    for label, action in (("from summaries (now)", now), ("every game read whole (before)", before)):
        times = [timed(action) for _ in range(5)]
        tracemalloc.start()
        action()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  {label:<32} {spread(times)}   peak {peak / 2**20:6.1f} MiB")


def player(saves_root: Path) -> PlayerSaves:
    return SavesFolder(saves_root).player(PLAYER, create=False)


def bench_load(base: Path) -> None:
    root = base / "load"
    saves = SavesFolder(root).player(PLAYER)
    write_history(saves, 5_000)
    write_cards(saves, 500)

    def load(saves_root: Path) -> None:
        loaded = player(saves_root)
        loaded.summaries()
        loaded.all_cards()

    print("Loading a player: profile + session summaries + all cards (goal <= 50 ms)")
    print("  with 500 cards in 10 quizzes and 5,000 answers in 250 games")
    report("  warm", load, root)
    report("  cold (no .cache/)", load, root, cold=True)
    report("    of which the summaries", lambda at: player(at).summaries(), root, cold=True)
    report("    of which the cards", lambda at: player(at).all_cards(), root, cold=True)
    print("  the 25 full sessions of one quiz (as mistakes mode reads them)")
    report("    warm", lambda at: player(at).sessions(QUIZZES[0]), root)
    report("    cold (no .cache/)", lambda at: player(at).sessions(QUIZZES[0]), root, cold=True)
    print("  all 250 full sessions (history as JSON, the progress view)")
    report("    warm", lambda at: player(at).sessions(), root, runs=5)
    report("    cold (no .cache/)", lambda at: player(at).sessions(), root, cold=True, runs=3)


def report(
    label: str, action: Callable[[Path], object], root: Path, cold: bool = False, runs: int = 0
) -> None:
    """Median and max of `action(root)`; `cold`: each run on a copy without `.cache/` folders."""
    times = []
    for _ in range(runs or (5 if cold else 15)):
        if not cold:
            times.append(timed(lambda: action(root)))
            continue
        copy = root.with_name(f"{root.name}-cold")
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(DERIVED))
        times.append(timed(lambda: action(copy)))
        shutil.rmtree(copy)
    print(f"{label:<30} median {statistics.median(times):7.2f} ms, max {max(times):7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="bench-saves-") as base:
        bench_answer_saves(Path(base))
        print()
        bench_growing_game(Path(base))
        print()
        bench_practice(Path(base))
        print()
        bench_mistakes(Path(base))
        print()
        bench_load(Path(base))


if __name__ == "__main__":
    main()
