"""Import Moodle XML question banks: what maps onto quizgame's types, the rest reported by line.

Read as Moodle's `qformat_xml` reads it: `<question type="...">` elements in a `<quiz>`, texts in
`<text>` with the format on the parent (`html` texts made plain, see `html_text`), the answer's
`fraction` in percent. `category` questions set the tag of the questions that follow (the last
part of the path; not for the category quizgame's export makes for the quiz itself) and `<tags>`
are kept. The id comes from `<idnumber>`, else from `<name>`.

What quizgame has no place for is a warning with its line, never dropped silently: essays,
descriptions, calculated and other plugin types are skipped, partial credit and per-answer
feedback are dropped, extra matching answers and other accepted numbers are dropped, images
are listed. A file that is not XML, or not a Moodle `<quiz>`, is an error.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from lxml import etree

from quizgame.format.models import quoted
from quizgame.interop.common import Carried, ImportTable, NotCarried
from quizgame.interop.html_text import html_to_text
from quizgame.interop.importing import ImportResult, QuestionIds
from quizgame.interop.moodle_xml import MARK_POINTS, QUIZ_CATEGORY_INFO

_WILDCARD = re.compile(r"(?<!\\)\*")
_SKIPPED = {
    "essay": "an essay has no quizgame type",
    "description": "a description (text without answers) has no quizgame type",
    "calculated": "calculated questions (formulas with random values) have no quizgame type",
    "calculatedsimple": "calculated questions (formulas with random values) have no quizgame type",
    "calculatedmulti": "calculated questions (formulas with random values) have no quizgame type",
    "random": "a random question is drawn by Moodle from a category: no question to import",
    "randomsamatch": "a random matching question is drawn by Moodle: no question to import",
}
# Safe for files from anywhere: no entities expanded, no network, no huge trees.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_comments=True, remove_pis=True)


def read_questions(text: str, path: Path) -> ImportResult:
    """Every question of a Moodle XML file that quizgame can hold, and a problem for the rest."""
    result = ImportResult(path)
    if (doctype := text.find("<!DOCTYPE")) >= 0:
        result.error(text.count("\n", 0, doctype) + 1, "the file declares a document type "
                     "(<!DOCTYPE ...>), which a Moodle export never has: refused, as its "
                     "entities could read other files")
        return result
    try:
        root = etree.fromstring(text.removeprefix("\ufeff").encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        result.error(line, f"not valid XML: {error.msg}")
        return result
    if root.tag != "quiz":
        result.error(root.sourceline, f"the document is a <{root.tag}>, not a Moodle XML <quiz> "
                     "(export from Moodle with Question bank > Export > Moodle XML format)")
        return result
    _Reader(result).read(root)
    return result


class _Reader:
    """Reads the questions in order, keeping ids unique and the current category."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        self.ids = QuestionIds()
        self.category: str | None = None
        self.prompt = ""

    def read(self, root: etree._Element) -> None:
        for element in root.iterchildren("question"):
            qtype = element.get("type", "")
            line = element.sourceline
            if qtype == "category":
                path = _plain(element.find("category/text"))
                self.category = path.rstrip("/").rsplit("/", 1)[-1].strip() or None
                if _plain(element.find("info/text")).startswith(QUIZ_CATEGORY_INFO):
                    self.category = None  # the quiz itself, not a tag
            elif qtype in _SKIPPED:
                self.result.warning(line, f"{_SKIPPED[qtype]}: skipped")
            elif reader := getattr(self, f"_{qtype}", None):
                self._question(element, reader)
            else:
                self.result.warning(line, f"the question type {quoted(qtype)} has no quizgame "
                                    "type: skipped")

    def _question(self, element: etree._Element, reader: Any) -> None:
        line = element.sourceline
        images: list[str] = []
        self.prompt = ""  # set by readers whose prompt is not the whole question text
        fields = reader(element, line, images)
        if fields is None:
            return
        prompt = self.prompt or self._text(element.find("questiontext"), images)
        self.prompt = ""
        name = _plain(element.find("name/text"))
        given_id = _plain(element.find("idnumber"))
        data: dict[str, Any] = {"id": self._id(given_id, name or prompt, line), **fields,
                                "prompt": prompt}
        if explanation := self._text(element.find("generalfeedback"), images):
            data["explanation"] = explanation
        if hint := self._text(element.find("hint"), images):
            data["hint"] = hint
        tags = [t for t in (_plain(tag) for tag in element.iterfind("tags/tag/text")) if t]
        if self.category and self.category not in tags:
            tags.insert(0, self.category)
        if tags:
            data["tags"] = list(dict.fromkeys(tags))
        points = _number(_plain(element.find("defaultgrade")))
        if points is not None and points >= 0 and round(points * MARK_POINTS) != 1000:
            data["points"] = round(points * MARK_POINTS)
        if images:
            listed = ", ".join(quoted(name) for name in dict.fromkeys(images))
            self.result.warning(line, f"images are not carried (quizgame shows text only): "
                                f"{listed}")
        self.result.add(data, line)

    def _id(self, given: str, text: str, line: int | None) -> str:
        if given and self.ids.take(given):
            return given
        if given:
            self.result.warning(line, f"the idnumber {quoted(given)} is used twice: this "
                                "question gets another id")
        return self.ids.derive(text)

    def _text(self, element: etree._Element | None, images: list[str]) -> str:
        """A text element's content as plain text: HTML (Moodle's default) made plain."""
        if element is None:
            return ""
        raw = _plain(element.find("text"))
        if element.get("format", "html") != "html":
            return raw
        plain = html_to_text(raw)
        images.extend(plain.images)
        return plain.text

    def _answers(self, element: etree._Element, images: list[str], *, html: bool = True
                 ) -> list[tuple[str, float]]:
        """(text, fraction in percent) of each `<answer>`; feedback reported once, dropped."""
        answers = []
        for answer in element.iterfind("answer"):
            text = self._text(answer, images) if html else _plain(answer.find("text"))
            answers.append((text, _number(answer.get("fraction", "0")) or 0.0))
            if feedback := self._text(answer.find("feedback"), images):
                self.result.warning(answer.sourceline, "answer feedback dropped (quizgame shows "
                                    f"one explanation per question): {quoted(feedback)}")
        return answers

    def _multichoice(self, element: etree._Element, line: int | None, images: list[str]
                     ) -> dict[str, Any] | None:
        answers = self._answers(element, images)
        choices = [text for text, _ in answers]
        single = _plain(element.find("single")).lower() not in ("false", "0")
        right = [text for text, fraction in answers if fraction > 0]
        if not right:
            self.result.warning(line, "no answer earns credit: skipped")
            return None
        if single:
            full = [text for text, fraction in answers if fraction >= 100]
            partial = [text for text, fraction in answers if 0 < fraction < 100]
            if partial:
                self.result.warning(line, "answer weights dropped (quizgame scores this question "
                                    "right or wrong): " + ", ".join(map(quoted, partial)))
            if len(full) == 1:
                return {"type": "choice", "choices": choices, "answer": full[0]}
            if not full:
                self.result.warning(line, "no answer earns full credit: skipped")
                return None
            right = full
        elif len({fraction for _, fraction in answers if fraction > 0}) > 1:
            self.result.warning(line, "different weights of the right answers are ignored: "
                                "quizgame gives each right option the same credit")
        return {"type": "multi", "choices": choices, "answers": right}

    def _truefalse(self, element: etree._Element, line: int | None, images: list[str]
                   ) -> dict[str, Any] | None:
        answers = {text.strip().lower(): fraction
                   for text, fraction in self._answers(element, images, html=False)}
        if "true" not in answers and "false" not in answers:
            self.result.error(line, "a true/false question needs the answers 'true' and 'false'")
            return None
        truth = answers.get("true", 0) >= 100 if "true" in answers else answers["false"] < 100
        return {"type": "truefalse", "answer": truth}

    def _shortanswer(self, element: etree._Element, line: int | None, images: list[str]
                     ) -> dict[str, Any] | None:
        answers = self._answers(element, images, html=False)
        right = [text for text, fraction in answers if fraction >= 100 and text]
        partial = [text for text, fraction in answers if fraction < 100 and text]
        if not right:
            self.result.warning(line, "no answer earns full credit: skipped")
            return None
        if partial:
            self.result.warning(line, "answer weights dropped (quizgame scores this question "
                                "right or wrong): " + ", ".join(map(quoted, partial)))
        if any(_WILDCARD.search(text) for text in right):
            self.result.warning(line, "Moodle reads '*' in a short answer as any text; quizgame "
                                "accepts the '*' only as written")
        fields: dict[str, Any] = {"type": "text",
                                  "answers": [text.replace("\\*", "*") for text in right]}
        if _plain(element.find("usecase")) == "1":
            fields["exact"] = True
        return fields

    def _numerical(self, element: etree._Element, line: int | None, images: list[str]
                   ) -> dict[str, Any] | None:
        kept: tuple[float, float] | None = None
        others = []
        for answer in element.iterfind("answer"):
            text = _plain(answer.find("text"))
            value = _number(text)
            fraction = _number(answer.get("fraction", "0")) or 0.0
            tolerance = _number(_plain(answer.find("tolerance")) or "0")
            if value is None or tolerance is None:
                if text != "*":  # `*` is Moodle's "any other answer", for its feedback only
                    self.result.error(answer.sourceline, f"{quoted(text)} is not a number")
                    return None
                if feedback := self._text(answer.find("feedback"), images):
                    self.result.warning(answer.sourceline, "the feedback for any other answer "
                                        f"is dropped: {quoted(feedback)}")
                continue
            if kept is None and fraction >= 100:
                kept = (value, abs(tolerance))
            else:
                others.append(text)
        if kept is None:
            self.result.warning(line, "no answer earns full credit: skipped")
            return None
        if others:
            self.result.warning(line, "other accepted numbers dropped (quizgame keeps one number "
                                "and its tolerance): " + ", ".join(map(quoted, others)))
        fields: dict[str, Any] = {"type": "number", "answer": kept[0], "tolerance": kept[1]}
        units = [u for u in element.iterfind("units/unit")
                 if _number(_plain(u.find("multiplier")) or "1") == 1]
        if units and (unit := _plain(units[0].find("unit_name"))):
            fields["unit"] = unit
        return fields

    def _matching(self, element: etree._Element, line: int | None, images: list[str]
                  ) -> dict[str, Any] | None:
        pairs, extra = [], []
        for sub in element.iterfind("subquestion"):
            left = self._text(sub, images)
            right = _plain(sub.find("answer/text"))
            if left:
                pairs.append([left, right])
            elif right:
                extra.append(right)
        if len({right for _, right in pairs}) < len(pairs):
            # Items sharing a partner: the partners are groups, as in a categorize question.
            groups: dict[str, list[str]] = {}
            for left, right in pairs:
                groups.setdefault(right, []).append(left)
            buckets = [{"name": name, "items": items} for name, items in groups.items()]
            buckets += [{"name": name, "items": []} for name in dict.fromkeys(extra)
                        if name not in groups]
            return {"type": "categorize", "buckets": buckets}
        if extra:
            self.result.warning(line, "extra right-hand answers dropped (quizgame's match "
                                "questions have none): " + ", ".join(map(quoted, extra)))
        return {"type": "match", "pairs": pairs}

    def _match(self, element: etree._Element, line: int | None, images: list[str]
               ) -> dict[str, Any] | None:
        return self._matching(element, line, images)  # the name Moodle 1.x wrote

    def _multianswer(self, element: etree._Element, line: int | None, images: list[str]
                     ) -> dict[str, Any] | None:
        """Moodle's embedded answers (Cloze) as a quizgame cloze; the first paragraph without a
        blank, if any, is the prompt."""
        raw = _plain(element.find("questiontext/text"))
        blanks: list[str] = []
        for match in _EMBEDDED.finditer(raw):
            kind = _EMBEDDED_KINDS.get(match.group(2))
            blank = _cloze_blank(kind, match.group(3)) if kind else None
            if blank is None:
                self.result.warning(line, f"the embedded answer {quoted(match.group())[:60]} has "
                                    "no form in a quizgame cloze (multiple response, or '|' or "
                                    "brackets in an answer): skipped")
                return None
            blanks.append(blank)
        if not blanks:
            self.result.warning(line, "embedded answers without a blank: skipped")
            return None
        numbered = iter(range(len(blanks)))
        marked = _EMBEDDED.sub(lambda _: _GAP.format(next(numbered)), raw)
        plain = html_to_text(marked)
        images.extend(plain.images)
        prompt, _, text = plain.text.partition("\n\n")
        if "\ue0f0" in prompt or not text:
            prompt, text = "", plain.text
        for number, blank in enumerate(blanks):
            text = text.replace(_GAP.format(number), blank)
        self.prompt = prompt or "Fill in the blanks."
        return {"type": "cloze", "text": text}

    def _ordering(self, element: etree._Element, line: int | None, images: list[str]
                  ) -> dict[str, Any] | None:
        answers = self._answers(element, images)
        ordered = [text for text, _ in answers]  # in the right order, as Moodle reads them
        if _plain(element.find("selecttype")) not in ("", "ALL"):
            self.result.warning(line, "Moodle shows only some of the items; quizgame shows all")
        return {"type": "order", "items": ordered}


_EMBEDDED = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^}\\])*)\}")
_EMBEDDED_KINDS = {
    **dict.fromkeys(("SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"), "text"),
    **dict.fromkeys(("NUMERICAL", "NM"), "number"),
    **dict.fromkeys(("MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH",
                     "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS",
                     "MCHS"), "choice"),
}
_GAP = "\ue0f0{}\ue0f1"  # stands for blank n while the HTML around the blanks is made plain
_ANSWER_SPLIT = re.compile(r"(?<!\\)~")


def _embedded_answers(inner: str) -> list[tuple[float, str]]:
    """(fraction in percent, text) of `=right#feedback~%50%half~wrong` (escapes undone)."""
    answers = []
    for raw in _ANSWER_SPLIT.split(inner):
        fraction = 0.0
        if raw.startswith("="):
            fraction, raw = 100.0, raw[1:]
        elif match := re.match(r"%(-?\d+(?:\.\d+)?)%", raw):
            fraction, raw = float(match.group(1)), raw[match.end():]
        text = re.split(r"(?<!\\)#", raw, maxsplit=1)[0]
        answers.append((fraction, html_to_text(re.sub(r"\\(.)", r"\1", text)).text))
    return answers


def _cloze_blank(kind: str, inner: str) -> str | None:
    """The blank in quizgame's cloze syntax, or None when it cannot be written there."""
    answers = _embedded_answers(inner)
    right = [text for fraction, text in answers if fraction >= 100 and text]
    if not right or any("|" in t or "{{" in t or "}}" in t or "[" in t for _, t in answers):
        return None
    if kind == "number":
        value, _, tolerance = right[0].partition(":")
        if _number(value) is None or (tolerance and _number(tolerance) is None):
            return None
        if _number(tolerance or "0"):
            return f"{{{{{value.strip()} ± {tolerance.strip()}}}}}"
        return f"{{{{{value.strip()}}}}}"
    if kind == "choice":
        options = [f"[{text}]" if text == right[0] else text for _, text in answers if text]
        return "{{" + " | ".join(options) + "}}"
    return "{{" + " | ".join(right) + "}}"


def _plain(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", ".")) if text else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


IMPORTS: ImportTable = {
    "choice": Carried("multichoice with `<single>true</single>` and one answer at 100 %"),
    "multi": Carried("multichoice with `<single>false</single>`"),
    "truefalse": Carried("truefalse"),
    "number": Carried("numerical (the first answer at 100 %, its tolerance and unit)"),
    "text": Carried("shortanswer (the answers at 100 %; `usecase` 1 as exact)"),
    "order": Carried("ordering"),
    "match": Carried("matching"),
    "categorize": Carried("matching whose answers repeat (items sharing a group)"),
    "cloze": Carried("multianswer (embedded short answer, numerical and multiple choice)"),
    "poll": NotCarried("Moodle's question bank has no poll"),
    "estimate": NotCarried("Moodle's numerical questions have no scale: they are read as number"),
}
