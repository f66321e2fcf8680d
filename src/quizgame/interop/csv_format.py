"""CSV: one row per question, the columns documented in `docs/import-csv.md`, both ways.

Lists (choices, accepted answers, order items, tags) are separated by `|`; a match pair is
`left -> right`. A backslash keeps the next character literal (`\\|`, `\\->`, `\\\\`). The
`answer` column holds whatever is right for the type: the choice, the right choices, true or
false, the number, the accepted answers, the items in order, or the pairs. Empty cells mean
"not given" (the format's default). Export writes every column, so a file exported by quizgame
imports back to the same questions.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizgame.format.models import QUESTION_TYPES, Question, Quiz, quoted
from quizgame.interop.common import (
    Carried,
    ExportOptions,
    ExportResult,
    ExportTable,
    ImportTable,
    NotCarried,
    format_number,
    render_each,
)
from quizgame.interop.importing import ImportResult, QuestionIds

COLUMNS = (
    "id", "type", "prompt", "choices", "answer", "tolerance", "unit", "exact", "typos",
    "explanation", "source", "hint", "tags", "time_limit", "points",
)
REQUIRED = ("type", "prompt")
# The model field each type keeps in the `answer` column.
ANSWER_FIELD: dict[str, str | None] = {
    "choice": "answer", "multi": "answers", "truefalse": "answer", "number": "answer",
    "text": "answers", "order": "items", "match": "pairs",
    "poll": None,  # choices, and no answer
}
# How a field's cell is read and written; fields not listed are plain text.
_KIND = {
    "choices": "list", "answers": "list", "items": "list", "tags": "list", "pairs": "pairs",
    "tolerance": "number", "exact": "bool", "typos": "bool", "time_limit": "int", "points": "int",
}
# A choice's answer is one item of `choices`, escaped the same way.
_ANSWER_KIND = {"choice": "item", "truefalse": "bool", "number": "number"}
LIST_SEP, PAIR_SEP = "|", "->"
# An escape (backslash and any character) or a separator, whichever comes first.
_TOKENS = {sep: re.compile(r"\\.|" + re.escape(sep), re.S) for sep in (LIST_SEP, PAIR_SEP)}
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")
_BOM = "\ufeff"


# --- export -----------------------------------------------------------------------------------

def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """Every question as a row; the UTF-8 byte-order mark lets Excel open accents correctly."""
    rows, skipped = render_each(quiz, EXPORTS, "CSV")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([cells.get(column, "") for column in COLUMNS] for cells in rows)
    return ExportResult(_BOM + out.getvalue(), len(rows), skipped)


def question_cells(quiz: Quiz, question: Question) -> dict[str, str]:
    """A question's non-default values, keyed by column."""
    cells = {}
    for name, value in question.model_dump(exclude_defaults=True).items():
        column = "answer" if name == ANSWER_FIELD[question.type] else name
        cells[column] = _write(_kind(name, question.type), value)
    return cells


def _write(kind: str, value: Any) -> str:
    if kind == "list":
        return f" {LIST_SEP} ".join(_escape(item) for item in value)
    if kind == "pairs":
        pairs = (f"{_escape(left, PAIR_SEP)} {PAIR_SEP} {_escape(right, PAIR_SEP)}"
                 for left, right in value)
        return f" {LIST_SEP} ".join(pairs)
    if kind == "item":
        return _escape(value)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "number":
        return format_number(value)
    return str(value)


def _escape(item: str, *extra: str) -> str:
    item = item.replace("\\", "\\\\").replace(LIST_SEP, "\\" + LIST_SEP)
    for separator in extra:
        item = item.replace(separator, "\\" + separator)
    return item


# --- import -----------------------------------------------------------------------------------

def read_questions(text: str, path: Path) -> ImportResult:
    """The rows of a CSV file as questions; every bad cell is reported with its line."""
    result = ImportResult(path)
    text = text.removeprefix(_BOM)
    if not text.strip():
        result.error(None, "the file is empty: the first row must name the columns "
                     f"({', '.join(COLUMNS)})")
        return result
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        rows = [r for r in _rows_with_lines(reader) if any(c.strip() for c in r[2])]
    except csv.Error as error:
        result.error(reader.line_num, f"not valid CSV: {error}")
        return result
    delimiter = reader.dialect.delimiter
    (header_line, _, header_row), *rows = rows
    header = _header(header_row, header_line, result)
    if header is None:
        return result
    ids = QuestionIds()
    given: list[tuple[int, dict[str, str]]] = []
    for line, number, row in rows:
        if len(row) != len(header):
            result.error(line, _cell_count_message(header, row, number, delimiter))
            continue
        cells = _cells(header, row, line, result)
        if cells is None:
            continue
        if "id" in cells and not ids.take(cells["id"]):
            result.error(line, f"{quoted(cells['id'])} is already the id of another row",
                         where="id")
            continue
        given.append((line, cells))
    for line, cells in given:
        data = _question_data(cells, line, result)
        if data is not None:
            if "id" not in data:
                data["id"] = ids.derive(data.get("prompt", ""))
            result.add(data, line, column=_COLUMN_OF[data["type"]])
    return result


def _delimiter(text: str) -> str:
    """`,` normally; `;` from spreadsheets set to a decimal comma; tab from pasted tables."""
    header = next(line for line in text.splitlines() if line.strip())
    return max((",", ";", "\t"), key=header.count)


def _rows_with_lines(reader: Any) -> list[tuple[int, int, list[str]]]:
    """(first line, spreadsheet row number, cells) of every row; a quoted cell may span lines."""
    rows = []
    start = 1
    for number, row in enumerate(reader, start=1):
        rows.append((start, number, row))
        start = reader.line_num + 1
    return rows


_FREE_TEXT = ("prompt", "explanation", "hint", "source", "unit")
_SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def _cell_count_message(header: list[str], row: list[str], number: int, delimiter: str) -> str:
    """Why a row does not line up with the header, and how to quote the text that split it.

    A row is never read by position when its cells do not line up: half a sentence would land
    in the next column (the hint, the tags) without a word.
    """
    name = _SEPARATOR_NAMES.get(delimiter, repr(delimiter))
    counts = f"row {number} has {len(row)} cells but the header names {len(header)} columns"
    if len(row) < len(header):
        return (f"{counts}: every row needs a cell for each column (an empty one is just "
                f"the {name}), and a text containing a {name} or a line break must be in "
                'double quotes')
    extra = len(row) - len(header)
    split = next((i for i, column in enumerate(header) if column in _FREE_TEXT
                  and i + extra < len(row) and row[i + 1].startswith(" ")), None)
    advice = f"a text containing a {name} must be in double quotes"
    if split is None:
        return f"{counts}: {advice}"
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="").writerow(
        [delimiter.join(row[split:split + extra + 1])])
    return f"{counts}: {advice}, as in {header[split]}: {out.getvalue()}"


def _header(row: list[str], line: int, result: ImportResult) -> list[str] | None:
    names = [cell.strip().lower() for cell in row]
    problems = []
    for name in names:
        if name and name not in COLUMNS:  # spreadsheets often save empty columns: no name
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"columns are: {', '.join(COLUMNS)}"
            problems.append(f"unknown column {name!r} ({hint})")
    twice = sorted({name for name in names if name and names.count(name) > 1})
    problems += [f"column {name!r} appears twice" for name in twice]
    problems += [f"column {n!r} is missing" for n in REQUIRED if n not in names]
    for problem in problems:
        result.error(line, problem, where="header")
    return None if problems else names


def _cells(
    header: list[str], row: list[str], line: int, result: ImportResult
) -> dict[str, str] | None:
    cells = {name: cell.strip() for name, cell in zip(header, row) if cell.strip()}
    if "" in cells:
        result.error(line, f"{quoted(cells[''])} is in a column with no name in the first row")
        return None
    return cells


def _question_data(cells: dict[str, str], line: int, result: ImportResult) -> dict[str, Any] | None:
    qtype = cells.get("type", "").lower()
    if qtype not in QUESTION_TYPES:
        close = difflib.get_close_matches(qtype, QUESTION_TYPES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        shown = quoted(qtype) if qtype else "empty"
        result.error(line, f"{shown} is not one of {', '.join(QUESTION_TYPES)}{hint}", where="type")
        return None
    entry = IMPORTS[qtype]
    if isinstance(entry, NotCarried):
        result.error(line, f"{qtype} questions cannot be imported from CSV: {entry.reason} "
                     "(write them in the quiz file)", where="type")
        return None
    data: dict[str, Any] = {"type": qtype}
    ok = True
    for column, cell in cells.items():
        if column == "type":
            continue
        name = ANSWER_FIELD[qtype] if column == "answer" else column
        if name is None:
            result.error(line, f"{qtype} questions have no answer: leave the cell empty", where=column)
            ok = False
            continue
        try:
            data[name] = _READ[_kind(name, qtype)](cell)
        except ValueError as error:
            result.error(line, str(error), where=column)
            ok = False
    return data if ok else None


def _kind(field: str, qtype: str) -> str:
    if field == "answer":
        return _ANSWER_KIND.get(qtype, "text")
    return _KIND.get(field, "text")


def _split(cell: str, separator: str) -> list[str]:
    """Split on unescaped separators; escapes are kept for a later split or `_unescape`."""
    parts, start = [], 0
    for match in _TOKENS[separator].finditer(cell):
        if match.group() == separator:  # not an escape such as `\|`
            parts.append(cell[start:match.start()])
            start = match.end()
    return [*parts, cell[start:]]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def _read_list(cell: str) -> list[str]:
    items = [_unescape(part) for part in _split(cell, LIST_SEP)]
    if not all(items):
        raise ValueError(f"an empty item in {quoted(cell)} (items are separated by '{LIST_SEP}')")
    return items


def _read_pairs(cell: str) -> list[list[str]]:
    pairs = []
    for part in _split(cell, LIST_SEP):
        sides = [_unescape(side) for side in _split(part, PAIR_SEP)]
        if len(sides) != 2 or not all(sides):
            raise ValueError(f"{quoted(_unescape(part))} is not a pair: write 'left {PAIR_SEP} "
                             f"right', pairs separated by '{LIST_SEP}'")
        pairs.append(sides)
    return pairs


def _read_bool(cell: str) -> bool:
    if cell.lower() in ("true", "false"):
        return cell.lower() == "true"
    raise ValueError(f"expected true or false, got {quoted(cell)}")


def _read_number(cell: str) -> float | int:
    text = cell.replace(",", ".") if _DECIMAL_COMMA.fullmatch(cell) else cell
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"expected a number, got {quoted(cell)}") from None
    if not math.isfinite(value):
        raise ValueError(f"expected a number, got {quoted(cell)}")
    return int(value) if value.is_integer() else value


def _read_int(cell: str) -> int:
    if re.fullmatch(r"-?\d+", cell):
        return int(cell)
    raise ValueError(f"expected a whole number, got {quoted(cell)}")


_READ: dict[str, Callable[[str], Any]] = {
    "text": str, "item": _unescape, "list": _read_list, "pairs": _read_pairs, "bool": _read_bool,
    "number": _read_number, "int": _read_int,
}
# Messages about a model field name the column the teacher typed it in.
_COLUMN_OF = {qtype: {field: "answer"} if field else {} for qtype, field in ANSWER_FIELD.items()}

# Both ways, CSV carries the types with an answer column, and only those; the others have keys
# that no column holds.
_NO_COLUMNS = {"estimate": "min and max (the scale)", "categorize": "buckets", "cloze": "text"}
EXPORTS: ExportTable[dict[str, str]] = {
    **{qtype: question_cells for qtype in ANSWER_FIELD},
    **{qtype: NotCarried(f"CSV has no columns for its {keys}") for qtype, keys in _NO_COLUMNS.items()},
}
IMPORTS: ImportTable = {
    **{qtype: Carried(f"a row of type {qtype}" + (f", its {field} in the answer column" if field else ""))
       for qtype, field in ANSWER_FIELD.items()},
    **{qtype: NotCarried(f"CSV has no columns for its {keys}") for qtype, keys in _NO_COLUMNS.items()},
}
