"""Fuzzing the readers with what an attacker would send (issue 10): control characters, deep
nesting, huge strings and special files, in quizzes and in saves.

Whatever comes, the quiz loader answers with a quiz or a `QuizLoadError`, the save readers with a
record or a `SaveError` (a scan: a problem line), never another exception, never a hang, and no
text that comes out holds a control character other than newline and tab.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgame.engine.records import SessionRecord
from quizgame.errors import QuizLoadError, SaveError
from quizgame.format.loader import load_quiz, load_quiz_text
from quizgame.format.models import Quiz
from quizgame.safe_text import control_characters
from quizgame.store import SavesFolder, scan_sessions, scan_summaries
from quizgame.store.sessions import read_record, read_summary
from test_classroom_merge import game

MINIMAL = Path(__file__).parent / "data" / "valid" / "minimal.toml"
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Texts rich in what terminals interpret: C0, DEL, C1, ESC sequences, and ordinary letters.
HOSTILE_TEXT = st.lists(
    st.one_of(st.characters(min_codepoint=0, max_codepoint=0x9F),
              st.sampled_from(["\x1b[2J", "\x1b]0;t\x07", "\x1b]52;c;eA==\x07", "é", "ы"])),
    min_size=1, max_size=20,
).map("".join)


def texts_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_of(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in texts_of(item)]
    return []


def assert_no_control_characters(value: Any) -> None:
    for text in texts_of(value):
        assert control_characters(text) == [], repr(text)


def a_quiz(**changes: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        "quiz": {"id": "fuzz", "title": "Fuzz"},
        "questions": [{"id": "q1", "type": "choice", "prompt": "Which?",
                       "choices": ["Paris", "Lyon"], "answer": "Paris"}],
    }
    for field, value in changes.items():
        where = table["quiz"] if field == "title" else table["questions"][0]
        where[field] = value
    return table


@FUZZ
@given(field=st.sampled_from(["title", "prompt", "explanation", "hint", "answer"]),
       text=HOSTILE_TEXT)
def test_control_characters_never_come_out_of_a_quiz(field: str, text: str) -> None:
    changes: dict[str, Any] = {field: text}
    if field == "answer":
        changes["choices"] = [text, "Lyon"]
    try:
        loaded = load_quiz_text(tomli_w.dumps(a_quiz(**changes)), Path("fuzz.toml"))
    except QuizLoadError as error:
        assert "\x1b" not in str(error)
        return
    assert_no_control_characters(loaded.quiz.model_dump())


def nested(depth: int, kind: str) -> str:
    return "[" * depth + "]" * depth if kind == "array" else "{a=" * depth + "1" + "}" * depth


@FUZZ
@given(depth=st.integers(min_value=1, max_value=3000), kind=st.sampled_from(["array", "table"]))
def test_deep_nesting_is_an_error_or_a_value_never_a_crash(depth: int, kind: str) -> None:
    text = MINIMAL.read_text(encoding="utf-8") + f"\n[extra]\nx = {nested(depth, kind)}\n"
    with pytest.raises(QuizLoadError):
        load_quiz_text(text, Path("deep.toml"))  # [extra] is no quiz key, if it parses at all
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "session.toml"
        session = tomli_w.dumps(game("Ana", "s1", 1, finished=True).model_dump(exclude_none=True))
        path.write_text(session.replace('quiz_title = "Capitals"\n',
                                        f'quiz_title = "Capitals"\nx = {nested(depth, kind)}\n'),
                        encoding="utf-8")
        for reader in (read_record, read_summary):
            with pytest.raises(SaveError, match="left as it is"):
                reader(path)


@settings(max_examples=6, deadline=None)
@given(size=st.integers(min_value=100_000, max_value=3_000_000),
       where=st.sampled_from(["prompt", "explanation", "title"]))
def test_a_huge_string_loads_or_is_refused_by_size(size: int, where: str) -> None:
    quiz = load_quiz_text(tomli_w.dumps(a_quiz(**{where: "x" * size})), Path("big.toml")).quiz
    assert isinstance(quiz, Quiz)


@FUZZ
@given(title=HOSTILE_TEXT, given_text=HOSTILE_TEXT)
def test_control_characters_never_come_out_of_a_save(title: str, given_text: str) -> None:
    record = game("Ana", "s1", 2, finished=True)
    record.quiz_title = title
    record.answers[0] = record.answers[0].model_copy(update={"given": given_text})
    with tempfile.TemporaryDirectory() as folder:
        saves = SavesFolder(Path(folder)).player("Ana")
        saves.save_session(record)
        (read,) = saves.sessions()
        assert_no_control_characters(read.model_dump())
        assert_no_control_characters(saves.summaries()[0].model_dump())


SPECIAL = ["fifo", "dev-zero", "dev-urandom", "dev-null", "folder", "dangling"]


def make_special(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind.startswith("dev-"):
        path.symlink_to(f"/dev/{kind.removeprefix('dev-')}")
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(path.parent / "nowhere")


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                    reason="needs FIFOs and /dev")
@settings(max_examples=24, deadline=None)
@given(kind=st.sampled_from(SPECIAL), name=st.sampled_from(["quiz.toml", "source.txt", "save"]))
def test_special_files_are_refused_without_reading_them(kind: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as base:
        folder = Path(base)
        if name == "save":
            root = folder / "saves"
            ana = SavesFolder(root).player("Ana")
            ana.save_session(game("Ana", "good", 1, finished=True))
            make_special(ana.path / "sessions" / "trap.toml", kind)
            for scan in (scan_sessions(root), scan_summaries(root)):
                assert len(scan.items) == 1
                assert all("trap.toml" in problem for problem in scan.problems)
            return
        quiz = folder / "quiz.toml"
        if name == "source.txt":
            text = MINIMAL.read_text(encoding="utf-8").replace(
                "[[questions]]", '[quiz.source]\nfile = "source.txt"\n\n[[questions]]', 1)
            quiz.write_text(text, encoding="utf-8")
            make_special(folder / "source.txt", kind)
        else:
            make_special(quiz, kind)
        with pytest.raises(QuizLoadError):
            load_quiz(quiz)


def test_a_committed_session_fuzzed_with_controls_still_validates() -> None:
    # The fuzzers above write through the store; this one reads a file as an attacker wrote it.
    path = Path(__file__).parent / "data" / "hostile" / "control-characters.save.toml"
    record = read_record(path)
    assert isinstance(record, SessionRecord)
    assert_no_control_characters(record.model_dump())
