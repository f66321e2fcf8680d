"""Fixtures for the tests against a real Ralph LRS (see ralph_server.py).

Without Ralph's venv, and no way to make it, the tests skip with the reason, unless `CI` is
set: in CI they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import ralph_server as ralph

HOMEPAGE = "https://school.example"
PAGE = 7


@pytest.fixture(scope="session")
def ralph_venv() -> None:
    reason = ralph.ensure_venv()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and Ralph is missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def ralph_server(ralph_venv: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ralph.Ralph]:
    """One Ralph per test module and worker: starting one takes a second or two of CPU, and
    every test empties it first (`lrs`).

    Its pages hold 7 statements (Ralph's default: 100), so that every read follows `more` links.
    """
    server = ralph.Ralph(tmp_path_factory.mktemp("ralph"), HOMEPAGE,
                         RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT=str(PAGE))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def lrs(ralph_server: ralph.Ralph, monkeypatch: pytest.MonkeyPatch) -> ralph.Ralph:
    """A running Ralph that holds no statement; quizgame's environment points at it
    (credentials, homePage). A test may stop, kill and restart it."""
    ralph_server.clear()
    monkeypatch.setenv("QUIZGAME_LRS_AUTH", ralph_server.auth)
    monkeypatch.setenv("QUIZGAME_XAPI_HOMEPAGE", HOMEPAGE)
    monkeypatch.delenv("QUIZGAME_LRS_CREDENTIALS", raising=False)
    return ralph_server
