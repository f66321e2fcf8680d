"""The line map: where each table, key and array element of a TOML text starts."""

from __future__ import annotations

import inspect
import sys
import tomllib

import pytest

from quizgame.format.lines import SourceMap


def scan(text: str) -> SourceMap:
    return SourceMap.scan(text, tomllib.loads(text))


TEXT = '''\
[quiz]  # comment
id = "a"
description = """
[[questions]]
answer = "not a key"
"""
"quoted key".x = 1
source = { file = "a.txt", title = 'say "hi"' }

[[ questions ]]
id = 'q1'
choices = [
    "a",  # comment
    # "b",
    "c, d",
]

[questions.extra]
k = 1

[[questions]]
"id" = "q2"
pairs = [["a", "b"], [
    "c", "d"]]
text = "a\u2028b"
after = 1
'''


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("quiz",), 1),
        (("quiz", "id"), 2),
        (("quiz", "description"), 3),
        (("quiz", "quoted key", "x"), 7),
        (("quiz", "source", "title"), 8),
        (("questions", 0), 10),
        (("questions", 0, "id"), 11),
        (("questions", 0, "choices"), 12),
        (("questions", 0, "choices", 1), 15),
        (("questions", 0, "extra", "k"), 19),
        (("questions", 1), 21),
        (("questions", 1, "id"), 22),
        (("questions", 1, "pairs", 1, 0), 24),
        (("questions", 1, "after"), 26),
    ],
)
def test_lines_of_tables_keys_and_elements(loc: tuple, line: int) -> None:
    assert scan(TEXT).line_of(loc) == line


def test_a_missing_key_falls_back_to_its_table() -> None:
    source_map = scan(TEXT)
    assert source_map.line_of(("questions", 1, "answer")) == 21
    assert source_map.line_of(("quiz", "source", "url")) == 8


def test_nothing_known_means_no_line() -> None:
    assert scan(TEXT).line_of(("other",)) is None
    assert scan(TEXT).line_of(()) is None


def test_fake_headers_and_keys_inside_strings_are_not_counted() -> None:
    source_map = scan(TEXT)
    assert ("quiz", "answer") not in source_map.lines
    assert ("questions", 0, "answer") not in source_map.lines
    assert source_map.line_of(("questions", 2)) is None


def test_crlf_and_unicode_line_separators_do_not_shift_lines() -> None:
    text = 'a = "x\u2028y\u0085z"\r\n[[questions]]\r\nid = 1\r\n'
    assert scan(text).line_of(("questions", 0, "id")) == 3


def test_nested_arrays_of_tables() -> None:
    text = "[[a]]\n[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[[a]]\n[[a.b]]\nx = 3\n"
    source_map = scan(text)
    assert source_map.line_of(("a", 0, "b", 1, "x")) == 5
    assert source_map.line_of(("a", 1, "b", 0, "x")) == 8


def test_a_map_that_disagrees_with_the_parser_is_empty() -> None:
    """Never a wrong line: if the tokenizer and the parser disagree, no line at all."""
    text = '[[questions]]\nid = "a"\n[[questions]]\nid = "b"\n'
    data = tomllib.loads(text)
    assert SourceMap.scan(text, data).line_of(("questions", 1, "id")) == 4
    data["questions"].append({"id": "c"})  # one more question than headers
    assert SourceMap.scan(text, data).lines == {}
    assert SourceMap.scan(text, {"other": 1}).lines == {}


def test_text_the_tokenizer_cannot_follow_gives_an_empty_map() -> None:
    assert SourceMap.scan("a = [1,\n", {"a": [1]}).lines == {}  # the array never closes


def test_deep_nesting_gives_an_empty_map_not_a_crash() -> None:
    text = "a = " + "[" * 200 + "]" * 200 + "\n"
    data = tomllib.loads(text)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 100)  # too shallow for the tokenizer
    try:
        lines = SourceMap.scan(text, data).lines  # the scan runs when the lines are asked for
    finally:
        sys.setrecursionlimit(limit)
    assert lines == {}
