"""Reading import files and writing exports safely: clear messages, no half-written files.

An existing file is never replaced unless asked (`force`), and a write goes to a temporary file
renamed into place, so an interrupted export leaves the old file intact.
"""

from __future__ import annotations

import os
from pathlib import Path

from quizgame.bounded_read import NotRegularFileError, TooLargeError, read_limited
from quizgame.errors import Problem
from quizgame.format.loader import max_quiz_bytes, size_limit_message
from quizgame.interop.common import InteropError


def read_input(path: Path) -> str | Problem:
    """The text of an import file, or the problem that makes it unreadable as UTF-8 text.

    A missing or unreadable file raises `InteropError` (a usage error), and so does anything but
    a regular file or a file over the quiz size limit (format/loader.py); bytes that are not
    UTF-8 are a problem of the file's content, reported at their line like any other. (Control
    characters are made visible in the questions built from it: `ImportResult.add`.)
    """
    try:
        raw = read_limited(path, max_quiz_bytes())
    except NotRegularFileError as error:
        raise InteropError(f"{path} is {error.kind}, not a file to import") from None
    except TooLargeError:
        raise InteropError(f"{path}: {size_limit_message('the file')}") from None
    except IsADirectoryError:
        raise InteropError(f"{path} is a folder, not a file to import") from None
    except FileNotFoundError:
        raise InteropError(f"{path}: no such file") from None
    except OSError as error:
        raise InteropError(f"{path} cannot be read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return Problem(
            path,
            f"is not UTF-8 text (bad byte 0x{raw[error.start]:02x}); save it as UTF-8 "
            "(in Excel: 'CSV UTF-8')",
            line=line,
        )
    return text


def check_writable(path: Path, *, force: bool) -> None:
    """Refuse early, before any work, to replace a file or to write over a folder."""
    if path.is_dir():
        raise InteropError(f"{path} is a folder: give a file name")
    if path.exists() and not force:
        raise InteropError(f"{path} already exists: use --force to replace it")


def write_output(path: Path, content: str | bytes, *, force: bool) -> None:
    """Write `content` to `path` atomically (UTF-8 for text)."""
    check_writable(path, force=force)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InteropError(f"cannot write {path}: {error.strerror or error}") from None
