"""Export to Moodle XML, the format Moodle backs whole question banks up in (import: `moodle_xml_import`).

Written the way Moodle's own `qformat_xml` writes it, so its importer reads every element:

- choice: `multichoice` with `<single>true</single>`; multi: `<single>false</single>`, the right
  options sharing 100 % and each wrong one taking off what one right one gives (Moodle then
  grades every set of picks as quizgame does); truefalse: `truefalse`; text: `shortanswer`
  (`*` escaped, `exact` as case-sensitive `usecase`); number: `numerical` with its tolerance and
  unit; match: `matching`; order: `ordering` (Moodle's core ordering type since 4.4), graded by
  absolute position as quizgame grades it.
- The question id is the question's name and its `idnumber`; the explanation is the general
  feedback; the hint is a `<hint>`; tags are `<tags>`; the first tag (else the quiz title) is
  the question's category, under a category named after the quiz.
- Points become Moodle's default mark (1000 points = 1 mark). Penalties follow the quiz's
  scoring: a hint halves the points in quizgame, so a question with a hint has a penalty of 0.5
  for a second try (where the hint is shown); without a hint quizgame gives no second chance,
  so the penalty is 1.

Texts are written as HTML (escaped, line breaks as `<br>`), Moodle's editor format.
"""

from __future__ import annotations

import html

from lxml import etree

from quizgame.format.models import (
    CategorizeQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from quizgame.interop.common import (
    ExportOptions,
    ExportResult,
    ExportTable,
    NotCarried,
    format_number,
    render_each,
)
from quizgame.interop.gift import escape_wildcard

MARK_POINTS = 1000  # quizgame points per Moodle mark
HINT_PENALTY = 0.5  # using a hint halves the points
CATEGORY_ROOT = "$course$/top"
QUIZ_CATEGORY_INFO = "quizgame quiz"


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The quiz as a Moodle XML `<quiz>`: a category before each run of questions in it."""
    rendered, skipped = render_each(quiz, EXPORTS, "Moodle XML")
    root = etree.Element("quiz")
    root.append(etree.Comment(f" {_comment(quiz.quiz.title)} (quizgame quiz {quiz.quiz.id}) "))
    current = None
    for question, element in rendered:
        category = category_path(quiz, question)
        if category != current:
            root.append(_category(category, None if question.tags else quiz.quiz.id))
            current = category
        root.append(element)
    text = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return ExportResult(text.decode("utf-8"), len(rendered), skipped)


def category_path(quiz: Quiz, question: Question) -> str:
    """`$course$/top/<quiz title>/<first tag>`; Moodle's path separator `/` doubled in names."""
    parts = [quiz.quiz.title, *question.tags[:1]]
    return "/".join([CATEGORY_ROOT, *(" ".join(p.split()).replace("/", "//") for p in parts)])


def question_element(quiz: Quiz, question: Question) -> etree._Element:
    """One `<question type="...">` with the parts every type has, then its own."""
    element = etree.Element("question", type=moodle_type(question))
    _text_child(element, "name", question.id, plain=True, bare=True)
    _text_child(element, "questiontext", question.prompt)
    _text_child(element, "generalfeedback", question.explanation or "")
    _child(element, "defaultgrade", format_number(question.points / MARK_POINTS))
    _bookkeeping(element, question)
    _type_parts(quiz, question, element)
    _hint_and_tags(element, question)
    return element


_MOODLE_TYPES = {"choice": "multichoice", "multi": "multichoice", "truefalse": "truefalse",
                 "text": "shortanswer", "number": "numerical", "estimate": "numerical",
                 "match": "matching", "categorize": "matching", "order": "ordering",
                 "cloze": "multianswer"}


def moodle_type(question: Question) -> str:
    return _MOODLE_TYPES[question.type]


def _type_parts(quiz: Quiz, question: Question, element: etree._Element) -> None:
    if isinstance(question, (ChoiceQuestion, MultiQuestion)):
        single = isinstance(question, ChoiceQuestion)
        _child(element, "single", "true" if single else "false")
        _child(element, "shuffleanswers", "true" if quiz.quiz.shuffle_choices else "false")
        _child(element, "answernumbering", "abc")
        _child(element, "showstandardinstruction", "1")
        _combined_feedback(element)
        right = [question.answer] if isinstance(question, ChoiceQuestion) else question.answers
        for choice in question.choices:
            if choice in right:
                weight = 100 / len(right)
            else:  # a wrong pick cancels a right one, as in quizgame; `choice` scores 0
                weight = 0 if single else -100 / len(right)
            _answer(element, choice, weight)
    elif isinstance(question, TrueFalseQuestion):
        _answer(element, "true", 100 if question.answer else 0, plain=True)
        _answer(element, "false", 0 if question.answer else 100, plain=True)
    elif isinstance(question, TextQuestion):
        _child(element, "usecase", "1" if question.exact else "0")
        for accepted in question.answers:
            _answer(element, escape_wildcard(accepted), 100, plain=True)
    elif isinstance(question, (NumberQuestion, EstimateQuestion)):
        answer = _answer(element, format_number(question.answer), 100, plain=True)
        _child(answer, "tolerance", format_number(question.tolerance))
        if isinstance(question, EstimateQuestion):
            # Half credit where quizgame's straight fall-off gives half (a Moodle numerical
            # question grades by bands, not by a line).
            half = question.tolerance + (question.max - question.min) / 8
            band = _answer(element, format_number(question.answer), 50, plain=True)
            _child(band, "tolerance", format_number(half))
        if question.unit:
            unit = _child(_child(element, "units"), "unit")
            _child(unit, "multiplier", "1")
            _child(unit, "unit_name", question.unit)
        _child(element, "unitgradingtype", "0")  # a unit is shown, and optional in the answer
        _child(element, "unitpenalty", "0")
        _child(element, "showunits", "0" if question.unit else "3")
        _child(element, "unitsleft", "0")
    elif isinstance(question, MatchQuestion):
        _child(element, "shuffleanswers", "true")
        _combined_feedback(element)
        for left, partner in question.pairs:
            _subquestion(element, left, partner)
    elif isinstance(question, CategorizeQuestion):
        # Moodle's matching lets several items share a partner: the buckets are the partners.
        _child(element, "shuffleanswers", "true")
        _combined_feedback(element)
        for item, bucket in question.bucket_of().items():
            _subquestion(element, item, bucket)
        for empty in (b.name for b in question.buckets if not b.items):
            _subquestion(element, "", empty)  # an extra answer: a bucket nothing belongs to
    elif isinstance(question, OrderQuestion):
        for name, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"),
                            ("selectcount", str(len(question.items))),
                            ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW")):
            _child(element, name, value)
        _combined_feedback(element)
        for rank, item in enumerate(question.items, start=1):
            _answer(element, item, rank)  # Moodle keeps the right order in `fraction`
    else:
        raise TypeError(f"no Moodle XML form for {question.type}")


def _subquestion(element: etree._Element, left: str, partner: str) -> None:
    subquestion = _text_child(element, "subquestion", left)
    _text_child(subquestion, "answer", partner, plain=True, bare=True)


def cloze_element(quiz: Quiz, question: ClozeQuestion) -> etree._Element:
    """A cloze as Moodle's embedded answers (`multianswer`): the prompt, then the text with a
    `{1:SHORTANSWER:...}`, `{1:NUMERICAL:...}` or `{1:MULTICHOICE:...}` per blank."""
    element = etree.Element("question", type="multianswer")
    _text_child(element, "name", question.id, plain=True, bare=True)
    text = [as_html(question.pieces[0])]
    for blank, piece in zip(question.blanks, question.pieces[1:]):
        if blank.kind == "number":
            inner = f"NUMERICAL:={format_number(blank.number)}:{format_number(blank.tolerance)}"
        elif blank.kind == "choice":
            inner = "MULTICHOICE:" + "~".join(
                f"{'=' if option == blank.answers[0] else ''}{cloze_escape(as_html(option))}"
                for option in blank.choices)
        else:
            inner = "SHORTANSWER:" + "~".join(f"={cloze_escape(as_html(escape_wildcard(answer)))}"
                                                 for answer in blank.answers)
        text += [f"{{1:{inner}}}", as_html(piece)]
    body = f"<p>{as_html(question.prompt)}</p>\n<p>{''.join(text)}</p>"
    etree.SubElement(element, "questiontext", format="html").append(_text(body))
    _text_child(element, "generalfeedback", question.explanation or "")
    _bookkeeping(element, question)
    _hint_and_tags(element, question)
    return element


_CLOZE_SPECIAL = {c: "\\" + c for c in "\\}#~/\""}


def cloze_escape(text: str) -> str:
    """An answer inside Moodle's embedded-answer syntax: `} # ~ / " \\` escaped."""
    return "".join(_CLOZE_SPECIAL.get(char, char) for char in text)


def _text(content: str) -> etree._Element:
    element = etree.Element("text")
    element.text = content
    return element


def _render(quiz: Quiz, question: Question) -> tuple[Question, etree._Element]:
    if isinstance(question, ClozeQuestion):
        return question, cloze_element(quiz, question)
    return question, question_element(quiz, question)


EXPORTS: ExportTable[tuple[Question, etree._Element]] = {
    **{qtype: _render for qtype in _MOODLE_TYPES},
    "poll": NotCarried("Moodle's question bank has no poll (every question has a right "
                       "answer): use Moodle's Choice activity"),
}


def _category(path: str, quiz_id: str | None) -> etree._Element:
    """A category; the quiz's own one says so in its info, so an import makes no tag of it."""
    element = etree.Element("question", type="category")
    _text_child(element, "category", path, plain=True, bare=True)
    if quiz_id is not None:
        _text_child(element, "info", f"{QUIZ_CATEGORY_INFO} {quiz_id}")
    return element


def _combined_feedback(element: etree._Element) -> None:
    for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text_child(element, name, "")


def _answer(element: etree._Element, text: str, fraction: float, *, plain: bool = False
            ) -> etree._Element:
    answer = _text_child(element, "answer", text, plain=plain)
    answer.set("fraction", _fraction(fraction))
    _text_child(answer, "feedback", "")
    return answer


def _fraction(percent: float) -> str:
    """Moodle's grade list has five decimals (33.33333): written the same way."""
    return f"{percent:.5f}".rstrip("0").rstrip(".") or "0"


def _child(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text = text
    return element


def _text_child(parent: etree._Element, tag: str, text: str, *, plain: bool = False,
                bare: bool = False) -> etree._Element:
    """`<tag format="html"><text>...</text></tag>`; `plain` texts are not HTML; `bare` elements
    have no format attribute (names, tags, matching answers)."""
    element = etree.SubElement(parent, tag)
    if not bare:
        element.set("format", "plain_text" if plain else "html")
    _child(element, "text", text if plain else as_html(text))
    return element


def as_html(text: str) -> str:
    """Plain text as the HTML Moodle's editor would hold: escaped, line breaks as `<br>`."""
    return html.escape(text, quote=False).replace("\n", "<br>\n") if text else ""


def _comment(text: str) -> str:
    return " ".join(text.replace("--", "- -").split())


def _bookkeeping(element: etree._Element, question: Question) -> None:
    """The penalty (from the hint rule), visibility and ID number every exported question has."""
    _child(element, "penalty", format_number(HINT_PENALTY if question.hint else 1.0))
    _child(element, "hidden", "0")
    _child(element, "idnumber", question.id)


def _hint_and_tags(element: etree._Element, question: Question) -> None:
    """The question's hint as Moodle's hint, and its tags, closing every exported question."""
    if question.hint:
        _text_child(element, "hint", question.hint)
    if question.tags:
        tags = _child(element, "tags")
        for tag in question.tags:
            _text_child(tags, "tag", tag, plain=True, bare=True)
