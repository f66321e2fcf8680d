"""Export to QTI 2.1: an IMS content package (zip) that Canvas, Blackboard and Brightspace import.

The package holds `imsmanifest.xml` (IMS Content Packaging 1.1), one `assessmentItem` per
question under `items/`, and an `assessmentTest` (`assessment.xml`) that lists them in the quiz's
order with each question's time limit and its points as a weight. Every file validates against
the official IMS schemas (the tests check it).

Each item scores 0 to 1 the way quizgame grades it, with response processing written out in the
item (no external templates to fetch):

- choice, truefalse: `choiceInteraction` (one choice); 1 when the right one is picked.
- multi: `choiceInteraction` (several); a mapping that gives each right pick 1/len(right) and
  takes as much off for each wrong one, kept within 0..1.
- text: `textEntryInteraction`; every accepted answer maps to 1 (case-sensitive when `exact`).
- number: `textEntryInteraction` of a float, right within the tolerance (`equal` with an
  absolute tolerance); the unit follows the input.
- order: `orderInteraction`; 1/n for each item in its place.
- match: `matchInteraction`; 1/n for each right pair.

The explanation is the item's modal feedback, shown after the answer. Not carried: `hint`,
`source`, `tags`, and `exact = false`'s forgiveness of accents and typos.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import TypeAlias

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
    PollQuestion,
    Question,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from quizgame.interop.common import ExportOptions, ExportResult, ExportTable, format_number, render_each

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"
TEST_FILE = "assessment.xml"
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the same quiz always gives the same package
_Element: TypeAlias = etree._Element


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The quiz as a QTI 2.1 content package (zip bytes)."""
    items, skipped = render_each(quiz, EXPORTS, "QTI")
    files = {item_href(question): _xml(item) for question, item in items}
    files[TEST_FILE] = _xml(assessment_test(quiz, [q for q, _ in items]))
    files = {"imsmanifest.xml": _xml(manifest(quiz, [q for q, _ in items])), **files}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            package.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return ExportResult(buffer.getvalue(), len(items), skipped)


def item_identifier(quiz: Quiz, question: Question) -> str:
    """An XML name (cannot start with a digit, as ids may): `quizgame-<quiz>-<question>`."""
    return f"quizgame-{quiz.quiz.id}-{question.id}"


def item_href(question: Question) -> str:
    return f"items/{question.id}.xml"


def _q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def _sub(parent: _Element, tag: str, text: str | None = None, **attributes: str) -> _Element:
    element = etree.SubElement(parent, _q(tag), attributes)
    element.text = text
    return element


def _lines(parent: _Element, text: str) -> None:
    """Text with its line breaks as `<br/>` (QTI text is inline XHTML)."""
    first, *others = text.split("\n")
    parent.text = first
    for line in others:
        etree.SubElement(parent, _q("br")).tail = line


def assessment_item(quiz: Quiz, question: Question) -> _Element:
    """One question as an `assessmentItem` scoring 0..1 in `SCORE`."""
    item = etree.Element(_q("assessmentItem"), nsmap={None: QTI, "xsi": XSI})
    item.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    item.set("identifier", item_identifier(quiz, question))
    item.set("title", question.id)
    item.set("adaptive", "false")
    item.set("timeDependent", "false")
    declaration = _sub(item, "responseDeclaration", identifier="RESPONSE")
    for name, base in (("SCORE", "float"), ("MAXSCORE", "float")):
        outcome = _sub(item, "outcomeDeclaration", identifier=name, cardinality="single",
                       baseType=base)
        _sub(_sub(outcome, "defaultValue"), "value", "0" if name == "SCORE" else "1")
    if question.explanation:
        _sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single",
             baseType="identifier")
    body = _sub(item, "itemBody")
    processing = _sub(item, "responseProcessing")
    _BUILDERS[question.type](quiz, question, declaration, body, processing)
    if question.explanation:
        feedback = _sub(processing, "setOutcomeValue", identifier="FEEDBACK")
        _sub(feedback, "baseValue", "EXPLANATION", baseType="identifier")
        shown = _sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", showHide="show",
                     identifier="EXPLANATION", title="Explanation")
        _lines(shown, question.explanation)
    return item


def _choice_ids(count: int) -> list[str]:
    return [f"choice_{n}" for n in range(1, count + 1)]


def _prompt(interaction: _Element, question: Question) -> None:
    _lines(_sub(interaction, "prompt"), question.prompt)


def _choices(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
             processing: _Element) -> None:
    """choice, multi and truefalse: a `choiceInteraction`."""
    if isinstance(question, TrueFalseQuestion):
        texts, right, shuffle = ["True", "False"], ["True" if question.answer else "False"], False
    elif isinstance(question, ChoiceQuestion):
        texts, right, shuffle = question.choices, [question.answer], quiz.quiz.shuffle_choices
    elif isinstance(question, MultiQuestion):
        texts, right, shuffle = question.choices, question.answers, quiz.quiz.shuffle_choices
    else:
        raise TypeError(question.type)
    ids = dict(zip(texts, _choice_ids(len(texts))))
    several = isinstance(question, MultiQuestion)
    declaration.set("cardinality", "multiple" if several else "single")
    declaration.set("baseType", "identifier")
    _correct(declaration, [ids[text] for text in right])
    interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE",
                       shuffle="true" if shuffle else "false",
                       maxChoices="0" if several else "1")
    _prompt(interaction, question)
    for text, identifier in ids.items():
        _lines(_sub(interaction, "simpleChoice", identifier=identifier), text)
    if several:
        share = 1 / len(right)
        _mapping(declaration, {ids[t]: share if t in right else -share for t in texts})
        _score_mapped(processing)
    else:
        _score_if_correct(processing)


def _text(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
          processing: _Element) -> None:
    assert isinstance(question, TextQuestion)
    declaration.set("cardinality", "single")
    declaration.set("baseType", "string")
    _correct(declaration, question.answers[:1])
    _mapping(declaration, dict.fromkeys(question.answers, 1.0),
             case_sensitive=question.exact)
    _entry(body, question, longest=max(map(len, question.answers)))
    _score_mapped(processing)


def _number(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
            processing: _Element) -> None:
    assert isinstance(question, NumberQuestion)
    declaration.set("cardinality", "single")
    declaration.set("baseType", "float")
    _correct(declaration, [format_number(question.answer)])
    _entry(body, question, longest=len(format_number(question.answer)) + 2, unit=question.unit)
    tolerance = format_number(question.tolerance)
    mode = {"toleranceMode": "absolute", "tolerance": f"{tolerance} {tolerance}"} if (
        question.tolerance) else {"toleranceMode": "exact"}
    condition = _sub(_sub(processing, "responseCondition"), "responseIf")
    equal = _sub(condition, "equal", **mode)
    _sub(equal, "variable", identifier="RESPONSE")
    _sub(equal, "correct", identifier="RESPONSE")
    _set_score(condition, "1")


def _order(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
           processing: _Element) -> None:
    assert isinstance(question, OrderQuestion)
    ids = _choice_ids(len(question.items))
    declaration.set("cardinality", "ordered")
    declaration.set("baseType", "identifier")
    _correct(declaration, ids)
    interaction = _sub(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
    _prompt(interaction, question)
    for identifier, item in zip(ids, question.items):
        _lines(_sub(interaction, "simpleChoice", identifier=identifier), item)
    share = format_number(1 / len(ids))
    for position in range(1, len(ids) + 1):  # 1/n for each item in its place, as quizgame does
        condition = _sub(_sub(processing, "responseCondition"), "responseIf")
        match = _sub(condition, "match")
        for operand in ("variable", "correct"):
            _sub(_sub(match, "index", n=str(position)), operand, identifier="RESPONSE")
        added = _sub(_sub(condition, "setOutcomeValue", identifier="SCORE"), "sum")
        _sub(added, "variable", identifier="SCORE")
        _sub(added, "baseValue", share, baseType="float")


def _match(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
           processing: _Element) -> None:
    assert isinstance(question, MatchQuestion)
    count = len(question.pairs)
    pairs = [f"left_{n} right_{n}" for n in range(1, count + 1)]
    declaration.set("cardinality", "multiple")
    declaration.set("baseType", "directedPair")
    _correct(declaration, pairs)
    _mapping(declaration, dict.fromkeys(pairs, 1 / count))
    interaction = _sub(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                       maxAssociations=str(count))
    _prompt(interaction, question)
    for side, texts in (("left", [p[0] for p in question.pairs]),
                        ("right", [p[1] for p in question.pairs])):
        match_set = _sub(interaction, "simpleMatchSet")
        for n, text in enumerate(texts, start=1):
            _lines(_sub(match_set, "simpleAssociableChoice", identifier=f"{side}_{n}",
                        matchMax="1"), text)
    _score_mapped(processing)


def _poll(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
          processing: _Element) -> None:
    """A survey item: choices, no right one, nothing scored (its maximum score is 0)."""
    assert isinstance(question, PollQuestion)
    declaration.set("cardinality", "single")
    declaration.set("baseType", "identifier")
    item = declaration.getparent()
    assert item is not None
    item.find(f"{_q('outcomeDeclaration')}[@identifier='MAXSCORE']/{_q('defaultValue')}/{_q('value')}").text = "0"
    interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE",
                       shuffle="true" if quiz.quiz.shuffle_choices else "false", maxChoices="1")
    _prompt(interaction, question)
    for identifier, text in zip(_choice_ids(len(question.choices)), question.choices):
        _lines(_sub(interaction, "simpleChoice", identifier=identifier), text)


def _categorize(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
                processing: _Element) -> None:
    """A `matchInteraction` from items to buckets (a bucket takes any number): 1/n per item."""
    assert isinstance(question, CategorizeQuestion)
    bucket_of = question.bucket_of()
    items = {item: f"item_{n}" for n, item in enumerate(bucket_of, start=1)}
    buckets = {b.name: f"bucket_{n}" for n, b in enumerate(question.buckets, start=1)}
    pairs = [f"{items[item]} {buckets[bucket]}" for item, bucket in bucket_of.items()]
    declaration.set("cardinality", "multiple")
    declaration.set("baseType", "directedPair")
    _correct(declaration, pairs)
    _mapping(declaration, dict.fromkeys(pairs, 1 / len(pairs)))
    interaction = _sub(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                       maxAssociations=str(len(items)))
    _prompt(interaction, question)
    for choices, most in ((items, "1"), (buckets, "0")):
        match_set = _sub(interaction, "simpleMatchSet")
        for text, identifier in choices.items():
            _lines(_sub(match_set, "simpleAssociableChoice", identifier=identifier, matchMax=most),
                   text)
    _score_mapped(processing)


def _estimate(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
              processing: _Element) -> None:
    """A float entry: 1 within the tolerance, 0.5 within the band where quizgame's straight
    fall-off gives half (QTI's `equal` tests bands, not a line)."""
    assert isinstance(question, EstimateQuestion)
    declaration.set("cardinality", "single")
    declaration.set("baseType", "float")
    _correct(declaration, [format_number(question.answer)])
    _entry(body, question, longest=len(format_number(question.max)) + 2, unit=question.unit)
    condition = _sub(processing, "responseCondition")
    half = question.tolerance + (question.max - question.min) / 8
    for branch, tolerance, score in (("responseIf", question.tolerance, "1"),
                                     ("responseElseIf", half, "0.5")):
        arm = _sub(condition, branch)
        _equal(arm, "RESPONSE", tolerance)
        _set_score(arm, score)


def _equal(parent: _Element, identifier: str, tolerance: float) -> None:
    text = format_number(tolerance)
    mode = {"toleranceMode": "absolute", "tolerance": f"{text} {text}"} if tolerance else {
        "toleranceMode": "exact"}
    equal = _sub(parent, "equal", **mode)
    _sub(equal, "variable", identifier=identifier)
    _sub(equal, "correct", identifier=identifier)


def _cloze(quiz: Quiz, question: Question, declaration: _Element, body: _Element,
           processing: _Element) -> None:
    """The text with a `textEntryInteraction` (text or number) or an `inlineChoiceInteraction`
    per blank, each its own response `RESPONSE_n`; 1/n for each right blank."""
    assert isinstance(question, ClozeQuestion)
    item = declaration.getparent()
    assert item is not None
    position = item.index(declaration)
    item.remove(declaration)
    _lines(_sub(body, "p"), question.prompt)
    paragraph = _sub(body, "p")
    _append_text(paragraph, question.pieces[0])
    share = format_number(1 / len(question.blanks))
    for number, (blank, piece) in enumerate(zip(question.blanks, question.pieces[1:]), start=1):
        identifier = f"RESPONSE_{number}"
        declared = etree.Element(_q("responseDeclaration"), identifier=identifier, cardinality="single")
        item.insert(position + number - 1, declared)
        if blank.kind == "choice":
            declared.set("baseType", "identifier")
            ids = {option: f"blank_{number}_{n}" for n, option in enumerate(blank.choices, start=1)}
            _correct(declared, [ids[blank.answers[0]]])
            inline = _sub(paragraph, "inlineChoiceInteraction", responseIdentifier=identifier,
                          shuffle="false")
            for option, option_id in ids.items():
                _sub(inline, "inlineChoice", option, identifier=option_id)
        else:
            number_blank = blank.kind == "number"
            declared.set("baseType", "float" if number_blank else "string")
            shown = format_number(blank.number) if number_blank else blank.answers[0]
            _correct(declared, [shown])
            if not number_blank:
                mapping = _sub(declared, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
                for accepted in blank.answers:
                    _sub(mapping, "mapEntry", mapKey=accepted, mappedValue="1", caseSensitive="false")
            longest = max(len(shown), *(len(a) for a in blank.answers)) if blank.answers else len(shown)
            _sub(paragraph, "textEntryInteraction", responseIdentifier=identifier,
                 expectedLength=str(max(longest, 5)))
        condition = _sub(_sub(processing, "responseCondition"), "responseIf")
        if blank.kind == "number":
            _equal(condition, identifier, blank.tolerance)
        elif blank.kind == "choice":
            match = _sub(condition, "match")
            _sub(match, "variable", identifier=identifier)
            _sub(match, "correct", identifier=identifier)
        else:
            above = _sub(condition, "gt")  # an accepted answer maps to 1, anything else to 0
            _sub(above, "mapResponse", identifier=identifier)
            _sub(above, "baseValue", "0", baseType="float")
        added = _sub(_sub(condition, "setOutcomeValue", identifier="SCORE"), "sum")
        _sub(added, "variable", identifier="SCORE")
        _sub(added, "baseValue", share, baseType="float")
        _append_text(paragraph, piece)


def _append_text(parent: _Element, text: str) -> None:
    """Text after the parent's last child (as its tail), line breaks as `<br/>`."""
    first, *others = text.split("\n")
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + first
    else:
        parent.text = (parent.text or "") + first
    for line in others:
        etree.SubElement(parent, _q("br")).tail = line


_Builder = Callable[[Quiz, Question, _Element, _Element, _Element], None]
_BUILDERS: dict[str, _Builder] = {
    "choice": _choices, "multi": _choices, "truefalse": _choices, "text": _text,
    "number": _number, "order": _order, "match": _match, "poll": _poll,
    "categorize": _categorize, "estimate": _estimate, "cloze": _cloze,
}


def _render(quiz: Quiz, question: Question) -> tuple[Question, _Element]:
    return question, assessment_item(quiz, question)


EXPORTS: ExportTable[tuple[Question, _Element]] = dict.fromkeys(_BUILDERS, _render)


def _entry(body: _Element, question: Question, *, longest: int, unit: str | None = None) -> None:
    """The prompt, then a paragraph with the text entry (and the unit after it)."""
    _lines(_sub(body, "p"), question.prompt)
    line = _sub(body, "p")
    _sub(line, "textEntryInteraction", responseIdentifier="RESPONSE",
         expectedLength=str(max(longest, 10)))
    if unit:
        line[-1].tail = f" {unit}"


def _correct(declaration: _Element, values: list[str]) -> None:
    correct = _sub(declaration, "correctResponse")
    for value in values:
        _sub(correct, "value", value)


def _mapping(declaration: _Element, values: dict[str, float], *, case_sensitive: bool = True
             ) -> None:
    mapping = _sub(declaration, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
    for key, value in values.items():
        entry = _sub(mapping, "mapEntry", mapKey=key, mappedValue=format_number(value))
        if not case_sensitive:
            entry.set("caseSensitive", "false")


def _set_score(parent: _Element, value: str) -> None:
    _sub(_sub(parent, "setOutcomeValue", identifier="SCORE"), "baseValue", value, baseType="float")


def _score_if_correct(processing: _Element) -> None:
    condition = _sub(_sub(processing, "responseCondition"), "responseIf")
    match = _sub(condition, "match")
    _sub(match, "variable", identifier="RESPONSE")
    _sub(match, "correct", identifier="RESPONSE")
    _set_score(condition, "1")


def _score_mapped(processing: _Element) -> None:
    _sub(_sub(processing, "setOutcomeValue", identifier="SCORE"), "mapResponse",
         identifier="RESPONSE")


def assessment_test(quiz: Quiz, questions: list[Question]) -> _Element:
    """The quiz: one section in the quiz's order, time limits, points as weights (1000 = 1)."""
    test = etree.Element(_q("assessmentTest"), nsmap={None: QTI, "xsi": XSI})
    test.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    test.set("identifier", f"quizgame-{quiz.quiz.id}")
    test.set("title", quiz.quiz.title)
    outcome = _sub(test, "outcomeDeclaration", identifier="SCORE", cardinality="single",
                   baseType="float")
    _sub(_sub(outcome, "defaultValue"), "value", "0")
    part = _sub(test, "testPart", identifier="part", navigationMode="linear",
                submissionMode="individual")
    section = _sub(part, "assessmentSection", identifier="questions", title=quiz.quiz.title,
                   visible="true")
    if quiz.quiz.shuffle:
        _sub(section, "ordering", shuffle="true")
    for question in questions:
        ref = _sub(section, "assessmentItemRef", identifier=item_identifier(quiz, question),
                   href=item_href(question))
        if seconds := quiz.time_limit_for(question):
            _sub(ref, "timeLimits", maxTime=str(seconds))
        _sub(ref, "weight", identifier="W", value=format_number(question.points / 1000))
    processing = _sub(test, "outcomeProcessing")
    total = _sub(_sub(processing, "setOutcomeValue", identifier="SCORE"), "sum")
    _sub(total, "testVariables", variableIdentifier="SCORE", weightIdentifier="W")
    return test


def manifest(quiz: Quiz, questions: list[Question]) -> _Element:
    """`imsmanifest.xml`: a resource per item, and the test depending on them all."""
    root = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    root.set("identifier", f"manifest-{quiz.quiz.id}")

    def sub(parent: _Element, tag: str, text: str | None = None, **attributes: str) -> _Element:
        element = etree.SubElement(parent, f"{{{CP}}}{tag}", attributes)
        element.text = text
        return element

    metadata = sub(root, "metadata")
    sub(metadata, "schema", "QTIv2.1 Package")
    sub(metadata, "schemaversion", "1.0.0")
    sub(root, "organizations")
    resources = sub(root, "resources")
    test = sub(resources, "resource", identifier=f"test-{quiz.quiz.id}", type=TEST_TYPE,
               href=TEST_FILE)
    sub(test, "file", href=TEST_FILE)
    for question in questions:
        sub(test, "dependency", identifierref=f"item-{question.id}")
    for question in questions:
        resource = sub(resources, "resource", identifier=f"item-{question.id}", type=ITEM_TYPE,
                       href=item_href(question))
        sub(resource, "file", href=item_href(question))
    return root


def _xml(element: _Element) -> bytes:
    return etree.tostring(element, pretty_print=True, xml_declaration=True, encoding="UTF-8")
