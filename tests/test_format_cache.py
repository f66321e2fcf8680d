"""The quiz cache (format/cache.py): a repeat open uses it, anything changed or damaged is a miss,
and a hostile cache file is ignored, never a traceback and never taken over the quiz file."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import quizgame
from quizgame.cache_folder import CACHE_VARIABLE, signature
from quizgame.errors import QuizLoadError
from quizgame.format import cache, loader
from quizgame.format.checker import check_file
from quizgame.format.loader import load_quiz, read_quiz
from quizgame.format.models import ChoiceQuestion, vouched_for

VALID = Path(__file__).parent / "data" / "valid"


@pytest.fixture
def quiz_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "quizzes"
    folder.mkdir()
    for name in ("grounded.toml", "grounded.source.txt", "all-types.toml", "minimal.toml"):
        shutil.copy(VALID / name, folder / name)
    return folder


def entries() -> list[Path]:
    folder = cache.cache_dir()
    assert folder is not None
    return sorted(folder.glob("*.quiz"))


def from_cache_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget this process' quizzes and make parsing a quiz file fail the test."""
    cache.forget_remembered()

    def no_parse(text: str, path: Path) -> None:
        raise AssertionError(f"{path} was parsed: the cache was not used")

    monkeypatch.setattr(loader, "_parse", no_parse)


def test_the_tests_cache_is_their_own(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = cache.cache_dir()
    assert folder is not None
    assert folder.is_relative_to(tmp_path_factory.getbasetemp())


def test_a_repeat_open_reads_the_cache(quiz_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = quiz_folder / "all-types.toml"
    first = load_quiz(path)
    assert len(entries()) == 1
    from_cache_only(monkeypatch)
    assert load_quiz(path) == first
    assert cache.cache_dir().stat().st_mode & 0o777 == 0o700  # type: ignore[union-attr]
    assert all(entry.stat().st_mode & 0o777 == 0o600 for entry in entries())


def test_a_quiz_is_remembered_in_the_process(quiz_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = quiz_folder / "all-types.toml"
    first = load_quiz(path)
    monkeypatch.setenv(CACHE_VARIABLE, "off")
    monkeypatch.setattr(loader, "_parse", lambda text, path: pytest.fail("parsed again"))
    assert load_quiz(path) is first


def test_check_of_a_cached_quiz_still_places_its_warnings(quiz_folder: Path) -> None:
    path = quiz_folder / "minimal.toml"  # no explanation: a warning at line 6
    before = check_file(path)
    cache.forget_remembered()
    after = check_file(path)  # from the cache: the line map parses the text itself
    assert after.problems == before.problems
    assert [problem.line for problem in after.problems] == [6]


def test_an_edit_that_keeps_size_and_time_is_seen(quiz_folder: Path) -> None:
    path = quiz_folder / "all-types.toml"
    load_quiz(path)
    status = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace('title = "Every type of question"', 'title = "Every type of questioN"')
    assert len(edited) == len(text) and edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    cache.forget_remembered()
    assert load_quiz(path).quiz.title == "Every type of questioN"


def test_a_changed_source_file_is_checked_again(quiz_folder: Path) -> None:
    path = quiz_folder / "grounded.toml"
    load_quiz(path)
    (quiz_folder / "grounded.source.txt").write_text("Nothing that the questions quote.\n",
                                                     encoding="utf-8")
    cache.forget_remembered()
    with pytest.raises(QuizLoadError, match="was not found in the source file"):
        load_quiz(path)


def test_a_removed_source_file_is_reported(quiz_folder: Path) -> None:
    path = quiz_folder / "grounded.toml"
    load_quiz(path)
    (quiz_folder / "grounded.source.txt").unlink()
    with pytest.raises(QuizLoadError, match="not found"):
        load_quiz(path)  # remembered in this process, and still the source is looked at


def test_another_version_never_trusts_the_entry(quiz_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = quiz_folder / "all-types.toml"
    load_quiz(path)
    cache.forget_remembered()
    monkeypatch.setattr(quizgame, "__version__", "99.0")
    parsed: list[Path] = []
    parse = loader._parse
    monkeypatch.setattr(loader, "_parse", lambda text, path: parsed.append(path) or parse(text, path))
    load_quiz(path)
    assert parsed == [path]


def test_the_cache_can_be_turned_off(quiz_folder: Path, monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "off")
    load_quiz(quiz_folder / "all-types.toml")
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "elsewhere"))
    assert not (tmp_path / "elsewhere").exists()
    assert cache.cache_dir() == tmp_path / "elsewhere" / "quizzes"


def test_a_cache_folder_that_cannot_be_written_is_skipped(quiz_folder: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocker / "cache"))
    assert load_quiz(quiz_folder / "all-types.toml").quiz.id == "all-types-2025"


def _resigned(change: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    """Change an entry's body, and sign it again with the folder's key (a key that leaked)."""

    def corrupt(entry: bytes) -> bytes:
        folder = cache.cache_dir()
        assert folder is not None
        body = change(entry.partition(b"\n")[2])
        return cache._MAGIC + signature((folder / "key").read_bytes(), body).encode() + b"\n" + body

    return corrupt


def _quiz_json(change: Callable[[dict[str, object]], None]) -> Callable[[bytes], bytes]:
    def edit(body: bytes) -> bytes:
        header, _, quiz = body.partition(b"\n")
        data = json.loads(quiz)
        change(data)
        return header + b"\n" + json.dumps(data, ensure_ascii=False).encode()

    return edit


def _set_title(text: str) -> Callable[[dict[str, object]], None]:
    return lambda data: data["quiz"].update(title=text)  # type: ignore[attr-defined]


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda entry: b"",
    "cut short": lambda entry: entry[: len(entry) // 2],
    "not ours": lambda entry: b"\x80\x00 garbage \xff" * 10,
    "one byte changed, not re-signed": lambda entry: entry[:-5] + bytes([entry[-5] ^ 1]) + entry[-4:],
    "another quiz, not re-signed": lambda entry: entry.replace(b"Every type of question", b"Forged quiz title here"),
    "header not JSON, re-signed": _resigned(lambda body: b"{" + body),
    "controls not a list, re-signed": _resigned(
        lambda body: body.replace(b'"controls":[]', b'"controls":{"a":1}', 1)),
    "a control character, re-signed": _resigned(_quiz_json(_set_title("\x1b]0;pwned\x07"))),
    "a C1 control, re-signed": _resigned(_quiz_json(_set_title("bad \x9b text"))),
    "a DEL, re-signed": _resigned(_quiz_json(_set_title("bad \x7f text"))),
    "a backspace, re-signed": _resigned(_quiz_json(_set_title("bad \b text"))),
    "a carriage return, re-signed": _resigned(_quiz_json(_set_title("bad \r text"))),
    "a NUL, re-signed": _resigned(_quiz_json(_set_title("bad \x00 text"))),
    "an unknown key, re-signed": _resigned(_quiz_json(lambda data: data.update(extra=1))),
    "a wrong type, re-signed": _resigned(_quiz_json(lambda data: data["quiz"].update(shuffle="yes"))),  # type: ignore[attr-defined]
    "nested too deep, re-signed": _resigned(lambda body: body.partition(b"\n")[0] + b"\n"
                                            + b"[" * 100_000 + b"]" * 100_000),
}


@pytest.mark.parametrize("damage", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_damaged_or_hostile_entry_is_ignored_and_rebuilt(
        quiz_folder: Path, damage: Callable[[bytes], bytes]) -> None:
    path = quiz_folder / "all-types.toml"
    good = load_quiz(path)
    [entry] = entries()
    written = entry.read_bytes()
    entry.write_bytes(damage(written))
    cache.forget_remembered()
    assert load_quiz(path) == good
    assert entry.read_bytes() == written  # rebuilt from the quiz file


def test_a_damaged_key_makes_every_entry_a_miss(quiz_folder: Path) -> None:
    path = quiz_folder / "all-types.toml"
    good = load_quiz(path)
    folder = cache.cache_dir()
    assert folder is not None
    (folder / "key").write_bytes(b"short")
    cache.forget_remembered()
    assert load_quiz(path) == good
    assert len((folder / "key").read_bytes()) == 32


def test_the_python_rules_are_skipped_only_for_the_cache() -> None:
    # An answer that is not a choice: refused, unless the cache vouches for the data.
    data = {"id": "q", "type": "choice", "prompt": "?", "choices": ["a", "b"], "answer": "c"}
    with pytest.raises(ValueError, match="not one of the choices"):
        ChoiceQuestion.model_validate(data)
    with vouched_for():
        assert ChoiceQuestion.model_validate(data).answer == "c"
        with pytest.raises(ValueError, match="choices"):  # types and lengths are still checked
            ChoiceQuestion.model_validate({**data, "choices": ["a"]})
    with pytest.raises(ValueError, match="not one of the choices"):
        ChoiceQuestion.model_validate(data)


def test_read_quiz_from_the_cache_keeps_control_character_places(tmp_path: Path) -> None:
    path = tmp_path / "controls.toml"
    path.write_text('[quiz]\nid = "c"\ntitle = "Bell \\u0007"\n\n[[questions]]\nid = "q"\n'
                    'type = "truefalse"\nprompt = "Yes?"\nanswer = true\n', encoding="utf-8")
    first = read_quiz(path)
    cache.forget_remembered()
    again = read_quiz(path)
    assert again.control_characters == first.control_characters == [(("quiz", "title"), "U+0007")]
    assert again.quiz.quiz.title == "Bell \\u0007"


@pytest.mark.parametrize("title", ["C:\\bin\\run", "a \\u0007 b", "\\\\r", "tab\tand\nline", "«quoted» 10 °C"])
def test_texts_that_only_look_like_controls_are_served_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str) -> None:
    # A backslash before b, r, u0007... in a text is escaped in JSON, and C2 leads « and °.
    path = tmp_path / "backslashes.toml"
    path.write_text('[quiz]\nid = "b"\ntitle = ' + json.dumps(title) + '\n\n[[questions]]\n'
                    'id = "q"\ntype = "truefalse"\nprompt = "Yes?"\nanswer = true\n', encoding="utf-8")
    assert load_quiz(path).quiz.title == title
    from_cache_only(monkeypatch)
    assert load_quiz(path).quiz.title == title



@pytest.mark.parametrize("name", ["bom.toml", "crlf.toml", "unicode-and-comments.toml", "minimal.toml"])
def test_check_places_the_same_lines_from_the_cache(tmp_path: Path, name: str) -> None:
    # A cached quiz's bytes are decoded only when a line is asked for: a byte-order mark, CRLF
    # line ends and non-ASCII text must place every warning as the first read did.
    path = tmp_path / name
    shutil.copy(VALID / name, path)
    before = check_file(path)
    cache.forget_remembered()
    assert check_file(path).problems == before.problems
