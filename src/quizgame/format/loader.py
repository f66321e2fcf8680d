"""Load a quiz file: read, decode, parse, validate, and report every problem on its own line.

Nothing but `QuizLoadError` leaves this module for a bad file: syntax errors keep the parser's
line and column, validation errors name the question and field, and the line when it is known
(see `lines.py`; a line is never guessed). Problems are sorted by line, file-wide ones first.

A quiz comes from a teacher, or from anyone who sends one, so reading it is defensive: only
regular files are read (a FIFO or `/dev/zero` named `*.toml` is refused before a byte is read),
at most `max_quiz_bytes()` of them; `[quiz.source] file` must stay inside the quiz's folder; and
every control character in the quiz's texts (other than newlines and tabs) is made visible
(`safe_text.visible`) and listed in `LoadedQuiz.control_characters`, which `check` reports as
errors. Files are parsed with rtoml (toml_read.parse_toml, about eight times faster than
tomllib); a file rtoml refuses is parsed again by tomllib, whose messages (line and column) the
teacher sees. The line map is scanned only when a message needs a line.

A quiz that loaded cleanly is remembered for the rest of the process and cached on disk
(`cache.py`): opening it again, unchanged, validates its cached form instead of parsing it.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizgame.bounded_read import MB, NotRegularFileError, TooLargeError, read_limited
from quizgame.errors import Problem, QuizLoadError
from quizgame.format import cache
from quizgame.format.lines import Loc, SourceMap
from quizgame.format.models import Quiz, normalise_quote, quoted
from quizgame.gc_paused import without_gc
from quizgame.safe_text import control_characters, visible
from quizgame.toml_read import parse_toml

MAX_QUIZ_MB = 8  # quiz files and their source texts; QUIZGAME_MAX_QUIZ_MB raises it
MAX_QUIZ_MB_VARIABLE = "QUIZGAME_MAX_QUIZ_MB"

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")
@dataclass(frozen=True)
class LoadedQuiz:
    """A valid quiz with what the checker needs to point at its lines."""

    quiz: Quiz
    path: Path
    source_map: SourceMap
    # Where the file's texts held control characters (now shown as \u001b...): (place, U+XXXX).
    control_characters: list[tuple[Loc, str]] = field(default_factory=list)


def max_quiz_bytes() -> int:
    """The size limit of quiz and source files: `MAX_QUIZ_MB`, or `$QUIZGAME_MAX_QUIZ_MB`."""
    setting = os.environ.get(MAX_QUIZ_MB_VARIABLE, "")
    try:
        megabytes = float(setting) if setting else MAX_QUIZ_MB
    except ValueError:
        megabytes = MAX_QUIZ_MB
    return int(megabytes * MB) if megabytes > 0 else MAX_QUIZ_MB * MB


def size_limit_message(what: str) -> str:
    """What a file over the limit is told: the limit and how to raise it."""
    limit = max_quiz_bytes() / MB
    return (f"{what} is larger than {limit:g} MB, the limit for quiz files (set "
            f"{MAX_QUIZ_MB_VARIABLE} to allow more)")


def quiz_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their `*.toml` files (sorted); files are kept as given, each once."""
    found: dict[Path, None] = {}
    for path in paths:
        for file in sorted(path.glob("*.toml")) if path.is_dir() else [path]:
            found.setdefault(file)
    return list(found)


def load_quiz(path: Path) -> Quiz:
    """Load and validate one quiz file, raising `QuizLoadError` with every problem found."""
    return read_quiz(path).quiz


def read_quiz(path: Path) -> LoadedQuiz:
    """Like `load_quiz`, keeping the line map for later warnings."""
    path = Path(path)
    try:
        raw = read_limited(path, max_quiz_bytes())
    except NotRegularFileError as error:
        raise _fail(path, f"is {error.kind}, not a quiz file") from None
    except TooLargeError:
        raise _fail(path, size_limit_message("the file")) from None
    except IsADirectoryError:
        raise _fail(path, "is a folder, not a quiz file") from None
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except PermissionError:
        raise _fail(path, "cannot be read: permission denied") from None
    except OSError as error:
        raise _fail(path, f"cannot be read: {error.strerror or error}") from None
    key = cache.key_for(path, raw)
    cached = cache.remembered(key) if key is not None else None
    if cached is not None and _source_unchanged(cached, path):
        # Decoded and parsed only if a line is asked for (check's warnings): these very bytes
        # (their SHA-256 is in the key) decoded cleanly when they were cached.
        return LoadedQuiz(cached.quiz, path, SourceMap.scan(raw), cached.controls)
    text = _decode(raw, path).removeprefix("\ufeff")
    loaded, source = _validated(text, path)
    if key is not None:
        cache.remember(key, cache.CachedQuiz(loaded.quiz, source, loaded.control_characters))
    return loaded


def load_quiz_text(text: str, path: Path) -> LoadedQuiz:
    """Validate quiz TOML text; `path` names it in messages and anchors `source.file`."""
    return _validated(text, Path(path))[0]


def _validated(text: str, path: Path) -> tuple[LoadedQuiz, tuple[str, str] | None]:
    """The quiz in `text`, and (its source file as written, that file's digest) when it names
    one (for the cache)."""
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors add; TOML has no use for it
    data = _parse(text, path)
    if not data:
        raise _fail(path, "the file is empty: a quiz needs a [quiz] table and [[questions]] tables")
    source_map = SourceMap.scan(text, data)  # scanned only if a line is asked for
    problems: list[Problem] = []
    context: dict[str, Any] = {}
    # Messages about the file name quote it as written (quoted() escapes controls TOML's way).
    source_text = _read_source_text(data, path, source_map, problems)
    source = cache.source_fields(data, source_text)
    controls = _make_visible(data)
    if source_text is not None:
        context["normalised_source"] = normalise_quote(source_text)
    try:
        with without_gc():
            quiz = Quiz.model_validate(data, context=context)
    except ValidationError as error:
        from quizgame.format.messages import describe  # only a quiz with problems needs it

        problems.extend(describe(error, data, path, source_map, context))
    if problems:
        problems.sort(key=lambda p: p.line if p.line is not None else 0)
        raise QuizLoadError(path, problems)
    loaded = LoadedQuiz(quiz=quiz, path=path, source_map=source_map, control_characters=controls)
    return loaded, source


def _source_unchanged(cached: cache.CachedQuiz, path: Path) -> bool:
    """Whether the source file a cached quiz's quotes were checked in still reads the same."""
    if cached.source is None:
        return True
    name, digest = cached.source
    problems: list[Problem] = []
    text = _read_source_text({"quiz": {"source": {"file": name}}}, path, SourceMap({}), problems)
    return text is not None and cache.digest_of(text.encode("utf-8", "surrogatepass")) == digest


def control_problems(loaded: LoadedQuiz) -> list[Problem]:
    """One error per text that held control characters, at its line (for `check`)."""
    problems = []
    for loc, codes in loaded.control_characters:
        problems.append(Problem(
            loaded.path,
            f"control character{'s' if ',' in codes else ''} {codes} in this text: quizgame "
            "shows them as \\uXXXX instead of sending them to the terminal; remove them",
            line=loaded.source_map.line_of(loc),
            where=_where(loc),
        ))
    return problems


def _where(loc: Loc) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def _make_visible(data: Any, loc: Loc = ()) -> list[tuple[Loc, str]]:
    """Make every control character in `data`'s texts visible, in place; where they were."""
    found: list[tuple[Loc, str]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, item in items:
        if isinstance(item, str):
            if not item.isprintable() and (codes := control_characters(item)):
                data[key] = visible(item)
                found.append(((*loc, key), ", ".join(dict.fromkeys(c for _, c in codes))))
        elif isinstance(item, (dict, list)):
            found += _make_visible(item, (*loc, key))
    return found


def _fail(path: Path, message: str, line: int | None = None) -> QuizLoadError:
    return QuizLoadError(path, [Problem(path, message, line=line)])


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, "is UTF-16 text: save it as UTF-8")
    if b"\x00" in raw:
        raise _fail(path, "is not a text file (it contains NUL bytes): a quiz is UTF-8 text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _fail(path, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} on this line): "
                    "save it as UTF-8", line=line) from None


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        from quizgame.format.messages import syntax_message  # only a broken file needs it

        message = str(error)
        position = _TOML_POSITION.search(message)
        line = column = None
        if position and position.group(1):
            line, column = int(position.group(1)), int(position.group(2))
        detail = _TOML_POSITION.sub("", message)
        line_text = text.split("\n")[line - 1] if line else ""
        problem = Problem(path, f"TOML syntax error: {syntax_message(detail, line_text, column)}",
                          line=line, column=column)
        raise QuizLoadError(path, [problem]) from None


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, symlinks followed, is in `folder` (ValueError for a NUL in the name)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False


def _read_source_text(
    data: dict[str, Any],
    path: Path,
    source_map: SourceMap,
    problems: list[Problem],
) -> str | None:
    """The text named by `[quiz.source].file`, or None (with a problem when it cannot be read)."""
    quiz = data.get("quiz")
    source = quiz.get("source") if isinstance(quiz, dict) else None
    name = source.get("file") if isinstance(source, dict) else None
    if not isinstance(name, str) or not name.strip():
        return None  # absent, empty or not text: the model reports the last two
    source_path = path.parent / name
    try:
        if not _inside(source_path, path.parent):
            # Never read it: "quote not found" would tell whether a text is in /etc/passwd.
            reason = (f"source file {quoted(name)} is outside the quiz's folder: give a path "
                      "relative to the quiz file, inside its folder")
        else:
            return read_limited(source_path, max_quiz_bytes()).decode("utf-8")
    except NotRegularFileError as error:
        reason = f"source file {quoted(name)} is {error.kind}"
        if error.kind != "a folder":
            reason += ", not a text file"
    except TooLargeError:
        reason = size_limit_message(f"source file {quoted(name)}")
    except FileNotFoundError:
        reason = f"source file {quoted(name)} not found (looked for {source_path})"
    except IsADirectoryError:
        reason = f"source file {quoted(name)} is a folder"
    except UnicodeDecodeError:
        reason = f"source file {quoted(name)} is not UTF-8 text"
    except OSError as error:
        reason = f"source file {quoted(name)} cannot be read ({error.strerror or error})"
    except ValueError:  # the name holds a NUL character ("\u0000" in TOML)
        reason = f"source file {quoted(name)} is not a usable file name"
    line = source_map.line_of(("quiz", "source", "file"))
    problems.append(Problem(path, reason, line=line, where="quiz.source.file"))
    return None
