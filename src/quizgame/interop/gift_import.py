"""Import Moodle GIFT: the questions that map onto quizgame's types, the rest reported by line.

Questions are read the way Moodle's own importer reads them (blank lines separate questions,
`//` starts a comment line, `\\` escapes `~ = # { } :`, the type follows from the answers), so a
file Moodle accepts means the same thing here. What quizgame has no place for is reported as a
warning with its line, never dropped silently: essays and descriptions are skipped, partial
credit and per-answer feedback are dropped (the feedback of the right answer becomes the
explanation when there is no general feedback), a missing-word blank is shown as `_____`.
What Moodle itself would refuse (an unclosed `{`, a number that is not one...) is an error.
`$CATEGORY:` lines become a tag on the questions that follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgame.format.models import quoted
from quizgame.interop.common import Carried, ImportTable, NotCarried, format_number
from quizgame.interop.gift import FORMAT_MARKER, MATCH_ARROW
from quizgame.interop.html_text import html_to_text
from quizgame.interop.importing import ImportResult, QuestionIds

# Escaped characters are swapped for private-use placeholders before parsing, as Moodle does.
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate("\\~=#{}:n")}
_RESTORE = str.maketrans({p: ("\n" if c == "n" else c) for c, p in _PLACEHOLDER.items()})
_ESCAPED = re.compile(r"\\([\\~=#{}:n])")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_MARKER = re.compile(r"[=~]")
_WILDCARD = re.compile(r"(?<!\\)\*")  # an asterisk not escaped as `\*`
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
BLANK = "_____"
_GAP = "\ue0ff"  # stands for a missing word's blank while the text around it is read


@dataclass(frozen=True)
class _Answer:
    """One `=...` or `~...` entry of an answer block (escapes still protected in `raw`)."""

    marker: str
    weight: float | None
    text: str
    feedback: str
    raw: str
    line: int

    @property
    def full_credit(self) -> bool:
        return self.weight is None or self.weight == 100


@dataclass(frozen=True)
class _Block:
    """The lines of one question (comments blanked, escapes protected) and its first line."""

    text: str
    first_line: int

    def line_at(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)


# What a type's reader returns: the question's own keys, all its answers, and the right ones.
_Parsed = tuple[dict[str, Any], list[_Answer], list[_Answer]]


def read_questions(text: str, path: Path) -> ImportResult:
    """Every question of a GIFT file that quizgame can hold, and a problem for everything else."""
    reader = _Reader(ImportResult(path))
    for block in _blocks(text.removeprefix("\ufeff")):
        reader.read(block)
    return reader.result


def _blocks(text: str) -> Iterator[_Block]:
    lines: list[str] = []
    first = 0
    # Only \n ends a line, as in Moodle (str.splitlines would also split on \u2028 and others).
    for number, line in enumerate([*text.replace("\r\n", "\n").split("\n"), ""], start=1):
        if not line.strip():
            if lines:
                yield _Block(_ESCAPED.sub(lambda m: _PLACEHOLDER[m.group(1)], "\n".join(lines)),
                             first)
            lines = []
            continue
        if not lines:
            first = number
        lines.append(" " if line.lstrip().startswith("//") else line)


class _Reader:
    """Reads blocks one after the other, keeping ids unique and the current category."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        self.ids = QuestionIds()
        self.category: str | None = None
        self.html = False  # the question's text is HTML, and so are its answers by default
        self.images: list[str] = []

    def _text(self, raw: str, *, formatted: bool = True) -> str:
        """Final text of a prompt, answer or feedback: format marker dropped, escapes restored,
        HTML made plain text.

        Titles and the right side of a matching pair are not `formatted` (Moodle reads no
        marker there). Elsewhere a text without its own marker has the question text's format.
        """
        raw = raw.strip()
        is_html = False
        if formatted:
            marker = FORMAT_MARKER.match(raw)
            is_html = marker.group(1) == "html" if marker else self.html
            raw = raw[marker.end():] if marker else raw
        text = raw.translate(_RESTORE).strip()
        if not is_html:
            return text
        plain = html_to_text(text)
        self.images += plain.images
        return plain.text

    def _show(self, raw: str) -> str:
        text = self._text(raw)
        return quoted(text if len(text) <= 40 else text[:37] + "...")

    def read(self, block: _Block) -> None:
        self.html, self.images = False, []
        body = block.text
        start = len(body) - len(body.lstrip())
        if start == len(body):
            return  # only comments
        line = block.line_at(start)
        if body.startswith("$CATEGORY:", start):
            path = self._text(body[start + len("$CATEGORY:"):])
            self.category = path.rstrip("/").rsplit("/", 1)[-1].strip() or None
            return
        title, pos = None, start
        if body.startswith("::", start):
            end = body.find("::", start + 2)
            if end < 0:
                self.result.error(line, "the question title opened with '::' is not closed "
                                  "with '::'")
                return
            title, pos = self._text(body[start + 2:end], formatted=False), end + 2
        opening, closing = body.find("{", pos), body.find("}", pos)
        if opening < 0 and closing < 0:
            self.result.warning(line, "a description (text without answers) has no quizgame "
                                "type: skipped")
            return
        if opening < 0 or 0 <= closing < opening:
            self.result.error(block.line_at(closing), "'}' without an opening '{' (write \\} "
                              "for a brace in the text)")
            return
        if closing < 0:
            self.result.error(block.line_at(opening), "'{' is never closed by '}': a question's "
                              "answers must end before the next blank line")
            return
        if stray := re.search(r"[{}]", body[closing + 1:]):
            self.result.error(block.line_at(closing + 1 + stray.start()),
                              "a second '{' or '}' in one question: separate questions with a "
                              "blank line (write \\{ for a brace in the text)")
            return
        self._question(block, line, title, pos, opening, closing)

    def _question(
        self, block: _Block, line: int, title: str | None, pos: int, opening: int, closing: int
    ) -> None:
        body = block.text
        suffix = body[closing + 1:]
        missing_word = bool(suffix.strip())
        prompt_raw = body[pos:opening] + (BLANK + suffix if missing_word else "")
        marker = FORMAT_MARKER.match(prompt_raw.strip())
        self.html = marker is not None and marker.group(1) == "html"
        answers_raw = body[opening + 1:closing]
        general = ""
        if (split := answers_raw.rfind("####")) >= 0:
            general, answers_raw = self._text(answers_raw[split + 4:]), answers_raw[:split]
        parsed = self._answers(block, line, answers_raw, opening + 1)
        if parsed is None:
            return
        fields, answers, right = parsed
        explanation = general or _shared_feedback(right)
        dropped = [a.feedback for a in answers if a.feedback and a.feedback != explanation]
        if dropped:
            self.result.warning(line, "answer feedback dropped (quizgame shows one explanation "
                                "per question): " + ", ".join(quoted(d) for d in dropped))
        prompt = named = self._text(prompt_raw)  # the id comes from the text with its blank
        if missing_word and (blank := _cloze_blank(fields)) is not None:
            # Moodle's missing word is a one-blank cloze: the answer block is the blank.
            # The blank where the answers were, the spacing around it as written.
            text = self._text(body[pos:opening] + _GAP + suffix).replace(_GAP, blank)
            fields = {"type": "cloze", "text": text}
            prompt = "Fill in the blank."
        elif missing_word:
            self.result.warning(line, f"missing-word question: the blank is shown as {BLANK} "
                                "in the prompt")
        if self.images:
            listed = ", ".join(quoted(name) for name in dict.fromkeys(self.images))
            self.result.warning(line, f"images are not carried (quizgame shows text only): "
                                f"{listed}")
        data = {"id": self.ids.derive(title or named), **fields, "prompt": prompt}
        if explanation:
            data["explanation"] = explanation
        if self.category:
            data["tags"] = [self.category]
        self.result.add(data, line)

    def _answers(self, block: _Block, line: int, raw: str, offset: int) -> _Parsed | None:
        """Moodle's order of deciding the type: essay, numeric, choice, match, true/false, text."""
        content = raw.strip()
        if not content:
            self.result.warning(line, "an essay question (empty {}) has no quizgame type: skipped")
            return None
        if content.startswith("#"):
            at = raw.index("#") + 1
            return self._number(block, line, raw[at:], offset + at)
        if "~" in content:
            return self._choice(line, *self._split(block, raw, offset, weighted="~"))
        if "=" in content and MATCH_ARROW in content:
            return self._match(line, *self._split(block, raw, offset, weighted=""))
        head, *feedback = content.split("#", 2)
        if head.strip() in _TRUE_FALSE:
            # {T#feedback if wrong#feedback if right}, as Moodle reads it
            wrong_feedback, right_feedback = [*map(self._text, feedback), "", ""][:2]
            right = _Answer("=", None, "", right_feedback, "", line)
            wrong = _Answer("~", None, "", wrong_feedback, "", line)
            fields = {"type": "truefalse", "answer": _TRUE_FALSE[head.strip()]}
            return fields, [right, wrong], [right]
        return self._short_answer(line, *self._split(block, raw, offset, weighted="="))

    def _split(
        self, block: _Block, raw: str, offset: int, *, weighted: str
    ) -> tuple[str, list[_Answer]]:
        """The text before the first `=`/`~`, and the answers; `weighted` markers take `%n%`."""
        marks = [m.start() for m in _MARKER.finditer(raw)]
        answers = []
        for index, at in enumerate(marks):
            end = marks[index + 1] if index + 1 < len(marks) else len(raw)
            chunk = raw[at + 1:end].strip()
            weight = None
            if raw[at] in weighted and (match := _WEIGHT.match(chunk)):
                weight, chunk = float(match.group(1)), chunk[match.end():]
            text, _, feedback = chunk.partition("#")
            answers.append(_Answer(raw[at], weight, self._text(text), self._text(feedback),
                                   chunk, block.line_at(offset + at)))
        return raw[: marks[0]] if marks else raw, answers

    def _unmarked(self, line: int, lead: str) -> bool:
        if lead.strip():
            self.result.error(line, f"{self._show(lead)} has no '=' or '~' in front: mark each "
                              "answer right (=) or wrong (~)")
            return True
        return False

    def _choice(self, line: int, lead: str, answers: list[_Answer]) -> _Parsed | None:
        if self._unmarked(line, lead):
            return None
        if len(answers) < 2:
            self.result.error(line, "a multiple-choice question needs at least 2 answers")
            return None
        right = [a for a in answers if a.marker == "="]
        if not right:
            right = [a for a in answers if (a.weight or 0) > 0]
            if not right:
                self.result.warning(line, "no answer earns credit: skipped")
                return None
            if len({a.weight for a in right}) > 1:
                self.result.warning(line, "different weights of the right answers are ignored: "
                                    "quizgame gives each right option the same credit")
        else:
            self._drop_partial(line, [a for a in answers if a.marker == "~" and a.weight])
        fields: dict[str, Any] = {"choices": [a.text for a in answers]}
        if len(right) == 1 and right[0].marker == "=":
            fields |= {"type": "choice", "answer": right[0].text}
        else:
            fields |= {"type": "multi", "answers": [a.text for a in right]}
        return fields, answers, right

    def _short_answer(self, line: int, lead: str, answers: list[_Answer]) -> _Parsed | None:
        if self._unmarked(line, lead):
            return None
        right = [a for a in answers if a.full_credit]
        if not right:
            self.result.warning(line, "no answer earns full credit: skipped")
            return None
        self._drop_partial(line, [a for a in answers if not a.full_credit])
        if any(_WILDCARD.search(a.text) for a in right):
            self.result.warning(line, "Moodle reads '*' in a short answer as any text; quizgame "
                                "accepts the '*' only as written")
        accepted = [a.text.replace("\\*", "*") for a in right]
        return {"type": "text", "answers": accepted}, answers, right

    def _match(self, line: int, lead: str, answers: list[_Answer]) -> _Parsed | None:
        if self._unmarked(line, lead):
            return None
        pairs, extra = [], []
        for answer in answers:
            left, arrow, right = answer.raw.partition(MATCH_ARROW)
            if not arrow:
                self.result.error(answer.line, f"{self._show(answer.raw)} is not a pair: write "
                                  "'=left -> right'")
                return None
            if self._text(left):
                pairs.append([self._text(left), self._text(right, formatted=False)])
            else:
                extra.append(self._text(right, formatted=False))
        if len({right for _, right in pairs}) < len(pairs):
            # Items sharing a partner: the partners are groups, as in a categorize question.
            groups: dict[str, list[str]] = {}
            for left, right in pairs:
                groups.setdefault(right, []).append(left)
            buckets = [{"name": name, "items": items} for name, items in groups.items()]
            buckets += [{"name": name, "items": []} for name in dict.fromkeys(extra) if name not in groups]
            return {"type": "categorize", "buckets": buckets}, [], []
        if extra:
            self.result.warning(line, "extra right-hand answers dropped (quizgame's match "
                                "questions have none): " + ", ".join(quoted(e) for e in extra))
        return {"type": "match", "pairs": pairs}, [], []

    def _number(self, block: _Block, line: int, raw: str, offset: int) -> _Parsed | None:
        wrong: list[_Answer] = []
        if (tilde := raw.find("~")) >= 0:
            feedback = self._text(raw[tilde + 1:].partition("#")[2])
            wrong = [_Answer("~", None, "", feedback, "", block.line_at(offset + tilde))]
            raw = raw[:tilde]
        lead, answers = self._split(block, raw, offset, weighted="=")
        if lead.strip():
            if answers:
                self._unmarked(line, lead)
                return None
            text, _, feedback = lead.strip().partition("#")
            answers = [_Answer("=", None, self._text(text), self._text(feedback), lead, line)]
        if not answers:
            self.result.error(line, "a numerical question needs a number after '#'")
            return None
        values = []
        for answer in answers:
            value = _numeric_value(answer.text)
            if value is None:
                self.result.error(answer.line, f"{quoted(answer.text)} is not a number, "
                                  "'number:tolerance' (tolerance >= 0) or 'low..high' "
                                  "(low <= high)")
                return None
            values.append(value)
        full = [i for i, a in enumerate(answers) if a.full_credit]
        if not full:
            self.result.warning(line, "no answer earns full credit: skipped")
            return None
        kept = full[0]
        others = [a.text for i, a in enumerate(answers) if i != kept]
        if others:
            self.result.warning(line, "other accepted numbers dropped (quizgame keeps one number "
                                "and its tolerance): " + ", ".join(quoted(o) for o in others))
        kept_answer, tolerance = values[kept]
        fields = {"type": "number", "answer": kept_answer, "tolerance": tolerance}
        return fields, answers + wrong, [answers[kept]]

    def _drop_partial(self, line: int, partial: list[_Answer]) -> None:
        if partial:
            self.result.warning(line, "answer weights dropped (quizgame scores this question "
                                "right or wrong): " + ", ".join(quoted(a.text) for a in partial))


def _cloze_blank(fields: dict[str, Any]) -> str | None:
    """The `{{...}}` blank of a missing-word question's answers, when a cloze can hold them."""
    if fields["type"] == "choice":
        words = [f"[{c}]" if c == fields["answer"] else c for c in fields["choices"]]
        texts = list(fields["choices"])
    elif fields["type"] == "text":
        words = texts = list(fields["answers"])
    elif fields["type"] == "number":
        tolerance = fields.get("tolerance") or 0
        number = format_number(fields["answer"])
        return f"{{{{{number} ± {format_number(tolerance)}}}}}" if tolerance else f"{{{{{number}}}}}"
    else:
        return None  # several right choices: no blank takes them
    if any(re.search(r"[|\[\]{}]", text) for text in texts):
        return None  # the cloze syntax's own characters
    return "{{" + " | ".join(words) + "}}"


def _shared_feedback(right: list[_Answer]) -> str:
    """The feedback of the right answer(s), when they all say the same thing."""
    feedback = {a.feedback for a in right}
    return feedback.pop() if len(feedback) == 1 else ""


def _numeric_value(text: str) -> tuple[float, float] | None:
    """`1822`, `3.1415:0.0005` or `3.141..3.142` as (answer, tolerance)."""
    low, dots, high = text.partition("..")
    if dots:
        if not (_NUMBER.fullmatch(low.strip()) and _NUMBER.fullmatch(high.strip())):
            return None
        lo, hi = float(low), float(high)
        if lo > hi:
            return None
        return _tidy((lo + hi) / 2), _tidy((hi - lo) / 2)
    value, colon, margin = text.partition(":")
    if not _NUMBER.fullmatch(value.strip()) or (colon and not _NUMBER.fullmatch(margin.strip())):
        return None
    tolerance = float(margin) if colon else 0.0
    return (float(value), tolerance) if tolerance >= 0 else None


def _tidy(value: float) -> float:
    """Drop binary noise from a midpoint: (3.141 + 3.142) / 2 is 3.1415, not 3.1415000000000002."""
    return float(f"{value:.12g}")


# What each question type is read from; `tests/test_question_types.py` keeps it complete.
IMPORTS: ImportTable = {
    "choice": Carried("multiple choice with one right answer (`=right ~wrong`)"),
    "multi": Carried("multiple choice with weights (`~%50%right ~%-100%wrong`)"),
    "truefalse": Carried("true/false (`{T}`, `{FALSE}`)"),
    "number": Carried("numerical (`{#answer:tolerance}`, `{#min..max}`)"),
    "text": Carried("short answer (`{=accepted =also}`)"),
    "order": NotCarried("GIFT has no ordering question type"),
    "match": Carried("matching (`{=left -> right}`)"),
    "cloze": Carried("missing word (`text {=answer} text`), one blank"),
    "categorize": Carried("matching whose right answers repeat (`=item -> group`)"),
    "poll": NotCarried("GIFT has no poll (a Moodle choice question always has a right answer)"),
    "estimate": NotCarried("GIFT's numerical questions have no scale: they are read as number"),
}
