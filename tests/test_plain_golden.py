"""Plain output is read aloud, or on a braille display, line by line (issue 16): golden files of
every screen's plain transcript, no decoration in them, and each change of state one line with
a documented prefix.

`UPDATE_GOLDEN=1 python -m pytest tests/test_plain_golden.py` rewrites the golden files after an
intended change (then read the diff)."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from plain_transcripts import TRANSCRIPTS
from quizgame import wording

GOLDEN = Path(__file__).parent / "data" / "plain" / "golden"
DOCS = Path(__file__).parents[1] / "docs" / "accessibility.md"

# What plain output may contain, character by character: any letter, digit or combining mark
# (quizzes are written in every language), the space, ASCII punctuation, typographic quotes and
# dashes, and the signs of numbers. And marks that always stand beside their words, so a screen
# reader that skips them loses nothing: ✔ ✘ ◑ (the TUI's verdicts), ✓ (a taken partner), ⚑ (a
# flag in the teacher's report), → (between the items of an order, a match's left and right;
# read "right arrow", it says "then").
ALLOWED_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") | set("“”‘’«»„…–—")
ALLOWED_SIGNS = set("°±×÷−€£%²³")
MARKS_BESIDE_WORDS = set("✔✘◑✓⚑→")
ALLOWED_CATEGORIES = ("L", "N", "M")  # letters, numbers, marks (accents) of any script
RULE = re.compile(r"^\s*([-=_~*#.·]\s*){3,}$")
"""A line of only dashes, dots or stars: a rule drawn under a heading."""


def disallowed(text: str) -> list[str]:
    """Each character of `text` outside the allowed set, named."""
    found = []
    for char in set(text):
        if char in " \n" or char in ALLOWED_PUNCTUATION | ALLOWED_SIGNS | MARKS_BESIDE_WORDS:
            continue
        if unicodedata.category(char)[0] in ALLOWED_CATEGORIES:
            continue
        found.append(f"{char!r} {unicodedata.name(char, '?')}")
    return sorted(found)


@pytest.fixture(scope="module")
def transcripts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    made = {}
    for name, make in TRANSCRIPTS.items():
        made[name] = make(tmp_path_factory.mktemp(name))
    return made


@pytest.mark.parametrize("name", list(TRANSCRIPTS))
def test_the_transcript_is_the_golden_file(transcripts: dict[str, str], name: str) -> None:
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(transcripts[name], encoding="utf-8")
    assert transcripts[name] == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(TRANSCRIPTS))
def test_plain_output_has_no_decoration(transcripts: dict[str, str], name: str) -> None:
    text = transcripts[name]
    assert disallowed(text) == []
    assert [line for line in text.splitlines() if RULE.match(line)] == []
    assert "\t" not in text and "\x1b" not in text  # no tabs, no colour codes


@pytest.mark.parametrize("text", ["┌──┐", "████", "▁▂▃", "⣿", "■ item", "▶ next", "★", "----",
                                  "· · ·", "\x1b[1m"])
def test_the_decoration_check_catches_boxes_blocks_arrows_and_rules(text: str) -> None:
    assert disallowed(text) or RULE.match(text) or "\x1b" in text


def test_a_question_and_its_verdict_are_one_line_each_with_their_prefix(
        transcripts: dict[str, str]) -> None:
    lines = transcripts["question"].splitlines()
    questions = [line for line in lines if line.startswith("Question ")]
    assert [line.split(":")[0] for line in questions] == [
        f"Question {n} of 13" for n in range(1, 14)]
    assert questions[0] == "Question 1 of 13: What is the capital of France?"
    verdicts = [line for line in lines
                if re.match(r"(Correct|Incorrect|Partly right \(\d+%\))\. |Thanks for voting", line)]
    assert len(verdicts) == 13  # one verdict line per answer
    assert "Time limit: 30 seconds." in lines


def test_the_documented_prefixes_are_the_ones_printed(transcripts: dict[str, str]) -> None:
    printed = "".join(transcripts.values())
    never_in_these_transcripts = {"Time's up"}  # (tests/test_plain.py has a timed-out answer)
    for prefix, _ in wording.PLAIN_PREFIXES:
        stem = re.sub(r"\d+", r"\\d+", re.escape(prefix))
        if prefix not in never_in_these_transcripts:
            assert re.search(f"^{stem}", printed, re.MULTILINE), prefix


def test_docs_list_every_prefix() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for prefix, _ in wording.PLAIN_PREFIXES:
        assert f"`{prefix}`" in docs, prefix
