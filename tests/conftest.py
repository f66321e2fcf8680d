"""Every test runs with its own per-user data and cache folders: the default saves folder
(platformdirs' user data folder), the quiz cache and the summary index (the user cache folder)
are never the tester's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers a core. About a third of a serial run is waiting (real processes,
    servers, terminals, timers) that another worker's tests can use (benchmarks/bench_suite.py)."""
    return 2 * len(os.sched_getaffinity(0))


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
