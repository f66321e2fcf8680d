"""A cache of validated quizzes, so that opening a big quiz again skips parsing and most checks.

A quiz that loaded cleanly is written to one file per quiz path in the per-user cache folder
(`quizzes/` in quizgame's cache folder, `quizgame.cache_folder`: `$QUIZGAME_CACHE` or
platformdirs'; `QUIZGAME_CACHE=off` turns the cache off). Deleting the folder is always safe:
it only costs the next open its time.

An entry is used only when everything it was made from is unchanged: the quiz file's resolved
path, size, modification time and SHA-256 of its bytes, its `[quiz.source] file` (re-read,
under the loader's rules, and compared by SHA-256), and this quizgame (its version and the
size and modification time of every module of `quizgame.format`, so an edited checkout never
trusts what an older one validated). Anything else is a miss, and the quiz is loaded from its
file as if there were no cache.

The cache folder is treated as untrusted input. An entry is JSON, never pickle: reading it
cannot run code. It is signed with a keyed BLAKE2b MAC whose 32-byte random key is kept in the
folder (mode 0600), so a file that someone else wrote, or that was cut short, fails the check
and is ignored. An entry that passes was written by this version after a full validation: it
is validated again by the quiz models' types, keys and constraints (pydantic's compiled part),
but not by the rules written in Python (`models.rule`; answers among the choices, distinct
ids...), nor its quotes searched in the source (the source file's digest stands for that).
Its texts are refused if they hold a control character. Nothing here raises: a cache that
cannot be read or written is skipped.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizgame.cache_folder import cache_root, modules_stamp, read_signed, write_signed
from quizgame.format.models import Quiz, vouched_for
from quizgame.gc_paused import without_gc

_MAGIC = b"quizgame-quiz-cache 1 "
# A control character escaped by JSON (\u0000-\u001f but for \t and \n, \u007f-\u009f, \b \f \r),
# or DEL and C1 written as they are (`_C1`, in UTF-8): such an entry is not one this module wrote.
_ESCAPED_CONTROL = rb"\\(?:u00(?:0[0-8b-fB-F]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|[bfr])"
_C1 = re.compile(rb"\xc2[\x80-\x9f]")  # a literal first byte: searched at C speed
# The exact reading, for when the quick search found one: every other escape (`\\` above all)
# is matched too, so that scanning resumes after it, never inside it.
_JSON_ESCAPE = rb"(?P<control>" + _ESCAPED_CONTROL + rb")|\\."


@dataclass(frozen=True)
class CacheKey:
    """What a quiz was loaded from: its file and the source file its quotes were checked in."""

    path: str
    size: int
    mtime_ns: int
    digest: str


@dataclass(frozen=True)
class CachedQuiz:
    """An entry that matched: the quiz, the source file it names, and its control characters."""

    quiz: Quiz
    source: tuple[str, str] | None
    """(the `[quiz.source] file` as written, SHA-256 of its text), when it names one."""
    controls: list[tuple[tuple[str | int, ...], str]]


def cache_dir() -> Path | None:
    """The folder of cached quizzes, or None when `$QUIZGAME_CACHE` is `off`."""
    root = cache_root()
    return None if root is None else root / "quizzes"


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_for(path: Path, raw: bytes) -> CacheKey | None:
    """The key of the quiz file `path` whose bytes are `raw` (None when it cannot be stat'ed)."""
    try:
        resolved = path.resolve()
        status = resolved.stat()
    except (OSError, RuntimeError, ValueError):
        return None
    return CacheKey(str(resolved), status.st_size, status.st_mtime_ns, digest_of(raw))


_MEMORY: dict[CacheKey, CachedQuiz] = {}
"""The quizzes this process loaded last, by key (a quiz is frozen: sharing one is safe)."""
_MEMORY_SIZE = 8


def remembered(key: CacheKey) -> CachedQuiz | None:
    """The quiz under `key` this process loaded already, else the cache folder's."""
    found = _MEMORY.get(key)
    if found is None and (found := lookup(key)) is not None:
        _keep(key, found)
    return found


def remember(key: CacheKey, cached: CachedQuiz) -> None:
    """Keep a quiz that loaded cleanly, for this process and in the cache folder."""
    _keep(key, cached)
    store(key, cached)


def forget_remembered() -> None:
    """Forget the quizzes this process loaded (the cache folder is left as it is)."""
    _MEMORY.clear()


def _keep(key: CacheKey, cached: CachedQuiz) -> None:
    _MEMORY.pop(key, None)
    _MEMORY[key] = cached
    while len(_MEMORY) > _MEMORY_SIZE:
        del _MEMORY[next(iter(_MEMORY))]


def lookup(key: CacheKey) -> CachedQuiz | None:
    """The quiz cached under `key` (its source file still to be compared), or None."""
    folder = cache_dir()
    body = None if folder is None else read_signed(folder, _entry_path(folder, key), _MAGIC)
    if body is None:
        return None
    header_text, _, quiz_json = body.partition(b"\n")
    try:
        header = json.loads(header_text)
        if header.get("key") != _key_fields(key) or _has_control(quiz_json):
            return None
        source = header["source"]
        controls = [(tuple(_place(part) for part in loc), str(codes)) for loc, codes in header["controls"]]
        with vouched_for(), without_gc():
            quiz = Quiz.model_validate_json(quiz_json)
        return CachedQuiz(quiz, None if source is None else (str(source[0]), str(source[1])), controls)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, ValidationError, RecursionError):
        return None


def store(key: CacheKey, cached: CachedQuiz) -> None:
    """Write the entry of a quiz that loaded cleanly (atomically; nothing when it cannot)."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        header = {"key": _key_fields(key), "source": cached.source,
                  "controls": [[list(loc), codes] for loc, codes in cached.controls]}
        body = (json.dumps(header, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"
                + cached.quiz.model_dump_json(exclude_defaults=True).encode())
        write_signed(folder, _entry_path(folder, key), _MAGIC, body)
    except (OSError, ValueError):
        return


def code_version() -> str:
    """quizgame's version and the state of the modules that decide what a valid quiz is."""
    return modules_stamp(Path(__file__).parent)


def _key_fields(key: CacheKey) -> list[object]:
    return [code_version(), key.path, key.size, key.mtime_ns, key.digest]


def _has_control(text: bytes) -> bool:
    # DEL and C1 are never part of an escape (one byte, a lead byte): found, they are controls.
    if b"\x7f" in text or (b"\xc2" in text and _C1.search(text) is not None):
        return True
    # A search for one byte runs at memchr's speed: a big entry often has no backslash at all.
    # Else a search for the escapes alone (a literal first byte, so fast too: ~3 ms for 7 MB,
    # where four searches for two-byte strings took 25 ms); only a match, which may be inside
    # an escaped backslash (JSON's `\\b` is the text `\b`), is then read exactly. Compiled
    # here, when used: compiling at import would cost every start.
    if b"\\" not in text or re.search(_ESCAPED_CONTROL, text) is None:
        return False
    return any(match["control"] for match in re.finditer(_JSON_ESCAPE, text))


def _place(part: object) -> str | int:
    if isinstance(part, (str, int)) and not isinstance(part, bool):
        return part
    raise ValueError(part)


def _entry_path(folder: Path, key: CacheKey) -> Path:
    # One entry per quiz file: editing a quiz replaces its entry instead of adding one.
    return folder / f"{digest_of(key.path.encode('utf-8', 'surrogatepass'))[:40]}.quiz"


def source_fields(data: dict[str, Any], text: str | None) -> tuple[str, str] | None:
    """The cache's record of the source file a loaded quiz names (its text was read)."""
    quiz = data.get("quiz")
    source = quiz.get("source") if isinstance(quiz, dict) else None
    name = source.get("file") if isinstance(source, dict) else None
    if not isinstance(name, str) or text is None:
        return None
    return name, digest_of(text.encode("utf-8", "surrogatepass"))
