"""Questions as xAPI `cmi.interaction` activities, and answers as interaction responses.

Every question type maps to an `interactionType`. With the quiz at hand the definition also
carries the prompt, the components (choices, steps, source/target) and `correctResponsesPattern`;
a question without an answer key (a poll) simply has no pattern. Component ids are the
percent-encoded texts (xAPI ids hold no whitespace), so a response stays readable without the
quiz, and the patterns use xAPI's delimiters: `[,]` between items, `[.]` inside a matching pair,
`[:]` for a numeric range.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from quizgame.engine.records import AnswerRecord
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
    TextQuestion,
    TrueFalseQuestion,
)
from quizgame.interop.common import format_number

INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
INTERACTION_TYPES = {
    "choice": "choice",
    "multi": "choice",
    "truefalse": "true-false",
    "text": "fill-in",
    "number": "numeric",
    "order": "sequencing",
    "match": "matching",
    "poll": "choice",
    "estimate": "numeric",
    "categorize": "matching",
    "cloze": "fill-in",
}
"""Question type -> xAPI interactionType (`tests/test_question_types.py` keeps it complete)."""
ITEMS = "[,]"
PAIR = "[.]"


def component_id(text: str) -> str:
    return quote(text, safe="")


def interaction_definition(question_type: str, question: Question | None,
                           language: str) -> dict[str, Any]:
    """The activity definition of a question (of `question_type`, as answered)."""
    definition: dict[str, Any] = {
        "type": INTERACTION,
        "interactionType": INTERACTION_TYPES.get(question_type, "other"),
    }
    if question is None:
        return definition
    definition["name"] = {language: question.prompt}
    pattern = correct_pattern(question)
    if pattern:
        definition["correctResponsesPattern"] = pattern
    definition.update(_components(question, language))
    return definition


def correct_pattern(question: Question) -> list[str]:
    """xAPI `correctResponsesPattern`: every fully correct response (empty without a key)."""
    if isinstance(question, ChoiceQuestion):
        return [component_id(question.answer)]
    if isinstance(question, MultiQuestion):
        return [ITEMS.join(component_id(choice) for choice in question.answers)]
    if isinstance(question, TrueFalseQuestion):
        return [str(question.answer).lower()]
    if isinstance(question, NumberQuestion | EstimateQuestion):
        if question.tolerance:
            low, high = question.answer - question.tolerance, question.answer + question.tolerance
            return [f"{format_number(float(low))}[:]{format_number(float(high))}"]
        return [format_number(float(question.answer))]
    if isinstance(question, TextQuestion):
        case = "" if question.exact else "{case_matters=false}"
        return [case + answer for answer in question.answers]
    if isinstance(question, OrderQuestion):
        return [ITEMS.join(component_id(item) for item in question.items)]
    if isinstance(question, MatchQuestion):
        return [ITEMS.join(f"{component_id(left)}{PAIR}{component_id(right)}"
                           for left, right in question.pairs)]
    if isinstance(question, CategorizeQuestion):
        return [ITEMS.join(f"{component_id(item)}{PAIR}{component_id(bucket)}"
                           for item, bucket in question.bucket_of().items())]
    if isinstance(question, ClozeQuestion):
        return [ITEMS.join(blank.answers[0] if blank.kind != "number" else format_number(blank.number)
                           for blank in question.blanks)]
    return []


def _components(question: Question, language: str) -> dict[str, Any]:
    def listed(texts: list[str]) -> list[dict[str, Any]]:
        return [{"id": component_id(text), "description": {language: text}} for text in texts]

    if isinstance(question, ChoiceQuestion | MultiQuestion):
        return {"choices": listed(question.choices)}
    if isinstance(question, OrderQuestion):
        return {"steps": listed(question.items)}
    if isinstance(question, MatchQuestion):
        return {"source": listed([pair[0] for pair in question.pairs]),
                "target": listed([pair[1] for pair in question.pairs])}
    if isinstance(question, CategorizeQuestion):
        return {"source": listed(list(question.bucket_of())),
                "target": listed([bucket.name for bucket in question.buckets])}
    if isinstance(question, PollQuestion):
        return {"choices": listed(question.choices)}
    return {}


def response_of(answer: AnswerRecord, question: Question | None) -> str:
    """The xAPI response for what the player gave ('' when nothing can be said)."""
    given = answer.given
    if given is None:
        return ""
    if isinstance(given, bool):
        return str(given).lower()
    if isinstance(given, float):
        return format_number(given)
    if isinstance(given, list):
        if answer.question_type == "categorize":
            # `given` holds the bucket chosen for each item, in the quiz's order of items.
            if not isinstance(question, CategorizeQuestion) or len(question.bucket_of()) != len(given):
                return ""
            return ITEMS.join(f"{component_id(item)}{PAIR}{component_id(bucket)}"
                              for item, bucket in zip(question.bucket_of(), given))
        if answer.question_type == "cloze":
            return ITEMS.join(given)  # fill-in: the words typed, blank by blank
        if answer.question_type == "match":
            # `given` holds the right items in the quiz's order of left items.
            if not isinstance(question, MatchQuestion) or len(question.pairs) != len(given):
                return ""
            return ITEMS.join(f"{component_id(pair[0])}{PAIR}{component_id(right)}"
                              for pair, right in zip(question.pairs, given))
        return ITEMS.join(component_id(item) for item in given)
    return given if answer.question_type in ("text", "number") else component_id(given)
