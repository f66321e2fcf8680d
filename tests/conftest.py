"""Every test runs with its own per-user data and cache folders: the default saves folder
(platformdirs' user data folder), the quiz cache and the summary index (the user cache folder)
are never the tester's own."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from pilot_pace import pace_pilot

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    """A shell starts a background job (`pytest &`, a CI step run that way) with Ctrl-C ignored,
    and every process it starts inherits that: `quizgame push --watch`, which the tests stop
    with Ctrl-C as a teacher does, would then never stop. The tests' processes take Ctrl-C as
    Python does by default.

    Where the environment asks Python not to write bytecode (PYTHONDONTWRITEBYTECODE, as on
    this project's shared machine), the workers and the commands the tests start would each
    compile quizgame's modules again: 4 workers and some 70 `python -m quizgame` processes a run.
    They share one bytecode cache instead, kept in pytest's own git-ignored folder rather than
    beside the sources (tests/bytecode_cache.py). Runs before xdist starts its workers, which
    inherit it; Ralph's interpreter (tests/lrs) does too."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if os.environ.get("PYTHONDONTWRITEBYTECODE") and not hasattr(config, "workerinput"):
        from bytecode_cache import use_shared_cache

        use_shared_cache(REPO / ".pytest_cache" / "bytecode",
                         REPO.glob(".ralph-venv/lib/python*/site-packages"))


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers a core. About a third of a serial run is waiting (real processes,
    servers, terminals, timers) that another worker's tests can use; but each worker more also
    costs CPU: its own start and collection, and the others' share of the caches. Whole suites on
    this project's two quiet cores (benchmarks/bench_suite.py's way, run alternately): 3 workers
    55.0 and 56.1 s, 4 workers 51.2, 50.0 and 52.0 s, 5 workers 50.2 s, 6 workers 51.4 s, the
    CPU time growing with each worker (80, 84, 87, 91 s). An earlier count favouring 3 (64-75 s
    against 76-83 s for 4) was muddled by the LRS kill test, which took 45 s instead of 4 one run
    in three (tests/lrs/ralph_fs_fixes.py)."""
    return max(2, 2 * len(os.sched_getaffinity(0)))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Each test process, once its tests are collected, hands what it holds for good (Textual,
    pydantic, hypothesis, every test's parameters) to the permanent generation, and collects
    young objects every 10,000 allocations rather than 700. A Textual test leaves its app's
    cycles behind, and each full collection walked the whole process again: 12.5 s of the
    Textual tests' 62 s of CPU on four workers was the collector (benchmarks/bench_suite.py).
    Garbage is still collected, in fewer, longer young collections; the game's own start has
    its own pause (quizgame.startup_gc), which the tests of it exercise."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """At the end, pytest collects garbage five times over, to report what the last tests left
    behind; each collection walked everything the tests made that is still alive, a second or
    more for each worker while the others wait. One collection reports that garbage, and what
    is left alive is then frozen as at the start, so the next four find nothing to walk."""
    gc.collect()
    gc.freeze()


@pytest.fixture
def freeze_restored() -> Iterator[None]:
    """For a test that freezes or unfreezes the collector's objects: afterwards, everything is
    frozen again if the test process had frozen its own (`pytest_collection_finish`), else
    nothing is. Left unfrozen, they were walked again by every later full collection of that
    worker's run."""
    frozen = gc.get_freeze_count()
    yield
    if frozen:
        gc.freeze()
    else:
        gc.unfreeze()


pace_pilot()  # tests/pilot_pace.py: Pilot's waits at the tests' pace


@pytest.fixture(autouse=True)
def _own_user_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.delenv("QUIZGAME_SAVES", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("QUIZGAME_CACHE", str(home / "quizgame-cache"))
    from quizgame.format.cache import forget_remembered

    forget_remembered()  # each test loads its quizzes as a fresh process would
    return home
