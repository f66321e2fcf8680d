"""Pydantic models of the quiz TOML format (v1): the single definition of the format.

Everything a teacher can write is declared here; the JSON Schema in `schemas/` is generated from
these models, and the loader turns their validation errors into one readable line per problem.
Grounding needs the quiz's source text: validate with
`context={"normalised_source": normalise_quote(text)}` to check every question's quote. The rules
written in Python are marked `@rule`: the quiz cache skips them for an entry it signed (see
`vouched_for`); the types, keys and constraints are checked on every validation.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, ClassVar, Literal, ParamSpec, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from quizgame import slugs
from quizgame.format.cloze import Blank, split_text

QUIZ_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
QUESTION_ID_PATTERN = r"^[A-Za-z0-9_-]+$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"  # "en", "pt-BR", "zh-Hant-TW"

NonEmpty = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
ChoiceList = Annotated[list[NonEmpty], Field(min_length=2, max_length=10)]
Seconds = Annotated[int, Field(ge=0, le=3600)]
Finite = Annotated[float, Field(allow_inf_nan=False)]

P = ParamSpec("P")
T = TypeVar("T")
_VOUCHED_FOR: ContextVar[bool] = ContextVar("quizgame_vouched_for", default=False)


@contextmanager
def vouched_for() -> Iterator[None]:
    """Validation in this block skips the `@rule`s: the data is a cache entry that this
    version of quizgame wrote, and signed, after validating it in full (format/cache.py, the one
    caller). Types, keys and constraints are still checked."""
    token = _VOUCHED_FOR.set(True)
    try:
        yield
    finally:
        _VOUCHED_FOR.reset(token)


def rule(check: Callable[P, T]) -> Callable[P, T]:
    """Mark a validator written in Python as one the cache may skip (see `vouched_for`); it
    goes under `@classmethod` for a field validator."""

    @functools.wraps(check)
    def checked(*args: P.args, **kwargs: P.kwargs) -> T:
        if _VOUCHED_FOR.get():
            return args[1] if len(args) > 1 else args[0]  # type: ignore[return-value]
        return check(*args, **kwargs)

    return checked


_CURLY_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))


def normalise_quote(text: str) -> str:
    """Fold curly quotes to straight ones and runs of whitespace to one space."""
    for curly, straight in _CURLY_QUOTES:  # str.replace: far faster than translate on long texts
        text = text.replace(curly, straight)
    return " ".join(text.split())


_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def quote_excerpts(quote: str) -> list[str]:
    """The verbatim excerpts of a `source` quote: parts joined by an ellipsis (… or ...) are
    checked one by one, so that one quote can support an answer drawn from several sentences."""
    return [part for part in _ELLIPSIS.split(quote) if part.strip()] or [quote]


class FormatModel(BaseModel):
    """Base of every format model: strict types, no unknown keys."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def quoted(text: object) -> str:
    """Show a teacher's value the way TOML writes it: in double quotes."""
    return json.dumps(text, ensure_ascii=False)


def duplicate_positions(values: list[object]) -> list[tuple[int, int]]:
    """(index, index of first occurrence) for every value seen before."""
    first: dict[object, int] = {}
    repeats = []
    for index, value in enumerate(values):
        if value in first:
            repeats.append((index, first[value]))
        else:
            first[value] = index
    return repeats


def rule_error(detail: str, *, field: str | None = None, index: int | None = None) -> Exception:
    """A validation error for a rule spanning fields, naming the field it is about.

    The loader reads `field` and `index` from the error's context so that the message points at
    `questions[index].field` rather than at the whole question.
    """
    return PydanticCustomError("quiz_rule", "{detail}", {"detail": detail, "field": field, "index": index})


def _distinct(values: list[str], what: str) -> list[str]:
    for index, _ in duplicate_positions(list(values)):
        raise ValueError(f"{what} must be distinct: {quoted(values[index])} appears more than once")
    return values


class QuizSource(FormatModel):
    """Where the questions come from; `file` makes every question's quote checkable."""

    title: str | None = Field(None, description="Title of the source text.")
    author: str | None = Field(None, description="Author of the source text.")
    publisher: str | None = Field(None, description="Publisher of the source text.")
    url: str | None = Field(None, description="Where the source text can be read.")
    date: str | None = Field(None, description="Publication date, as written by the teacher.")
    file: NonEmpty | None = Field(
        None,
        description="Path of the source text, relative to the quiz file. When given, every "
        "question's `source` quote must occur in it.",
    )


class QuizMeta(FormatModel):
    """The `[quiz]` table: identity and game settings of one quiz."""

    id: Annotated[str, Field(pattern=QUIZ_ID_PATTERN, max_length=64)] = Field(
        description="Stable id (lowercase letters, digits, '-'); saves refer to it."
    )
    title: NonEmpty = Field(description="Title shown to players.")
    description: str | None = Field(None, description="A sentence or two about the quiz.")
    author: str | None = Field(None, description="Who wrote the quiz.")
    language: Annotated[str, Field(pattern=LANGUAGE_PATTERN)] | None = Field(
        None,
        description="BCP 47 language tag, e.g. 'en' or 'pt-BR'. Typed answers may then start "
        "with the language's articles and give numbers in its words (English always works).",
    )
    typos: bool = Field(
        True,
        description="Forgive likely typos in text answers (see docs/scoring.md); a question's "
        "own `typos` overrides this.",
    )
    time_limit: Seconds = Field(
        0, description="Seconds per question in quiz mode; 0 means untimed."
    )
    shuffle: bool = Field(True, description="Shuffle the order of the questions.")
    round: Annotated[int, Field(ge=1)] | None = Field(
        None,
        description="Quiz mode plays a round of this many questions drawn at random from the "
        "bank (a different draw each game); absent plays every question.",
    )
    shuffle_choices: bool = Field(
        True, description="Shuffle the choices of choice and multi questions."
    )
    scoring: Literal["speed", "accuracy"] = Field(
        "speed",
        description="'speed': faster answers earn more (Kahoot's rule); "
        "'accuracy': points for correctness, time only breaks ties.",
    )
    streak: bool = Field(True, description="Give a bonus for consecutive correct answers.")
    source: QuizSource | None = Field(None, description="The text the questions are drawn from.")
    exam_date: dt.date | None = Field(
        None,
        description="Practice mode schedules every card to reach `exam_target` recall on this "
        "day (a TOML date, e.g. 2027-01-15; `play --exam` overrides it).",
    )
    exam_target: Annotated[float, Field(ge=0.7, le=0.99)] = Field(
        0.9, description="Predicted recall wanted on the exam day, 0.7 to 0.99."
    )
    easy_within: Annotated[int, Field(ge=1, le=3600)] | None = Field(
        None,
        description="Practice: a right answer the player was sure of, given within this many "
        "seconds, is rated Easy (longer intervals); absent: never Easy.",
    )


class QuestionBase(FormatModel):
    """Keys every question type has."""

    scored: ClassVar[bool] = True
    """False for a type that has no right answer (poll): never scored, scheduled or analysed."""

    id: Annotated[str, Field(pattern=QUESTION_ID_PATTERN, max_length=64)] = Field(
        description="Unique in the quiz (letters, digits, '-', '_'); the stable key for saves."
    )
    prompt: NonEmpty = Field(description="The question as shown to the player.")
    explanation: str | None = Field(None, description="Shown after the player answers.")
    source: str | None = Field(
        None,
        description="A verbatim quote from the source text that supports the answer; "
        "excerpts joined by an ellipsis (…) are each checked.",
    )
    hint: str | None = Field(None, description="A hint; using it halves the points.")
    tags: list[NonEmpty] = Field(default_factory=list, description="Free-form labels.")
    time_limit: Seconds | None = Field(
        None, description="Seconds for this question, overriding the quiz's time_limit."
    )
    points: Annotated[int, Field(ge=0, le=100_000)] = Field(
        1000, description="Maximum points for this question."
    )

    @field_validator("source")
    @classmethod
    def _source_is_grounded(cls, quote: str | None, info: ValidationInfo) -> str | None:
        # The loader passes the source file's text, normalised once for all the questions.
        text = (info.context or {}).get("normalised_source")
        if quote is not None and text is not None:
            for excerpt in quote_excerpts(quote):
                if normalise_quote(excerpt) not in text:
                    shown = excerpt if len(excerpt) <= 60 else excerpt[:57] + "..."
                    raise ValueError(f"quote {quoted(shown)} was not found in the source file")
        return quote


class ChoiceQuestion(QuestionBase):
    """Pick exactly one of the choices."""

    type: Literal["choice"]
    choices: ChoiceList = Field(description="2 to 10 distinct options.")
    answer: str = Field(description="The correct option, written exactly as in `choices`.")

    @field_validator("choices")
    @classmethod
    @rule
    def _choices_distinct(cls, choices: list[str]) -> list[str]:
        return _distinct(choices, "choices")

    @model_validator(mode="after")
    @rule
    def _answer_is_a_choice(self) -> ChoiceQuestion:
        if self.answer not in self.choices:
            close = difflib.get_close_matches(self.answer, self.choices, n=1)
            hint = f" (did you mean {quoted(close[0])}?)" if close else ""
            raise rule_error(
                f"{quoted(self.answer)} is not one of the choices{hint}", field="answer"
            )
        return self


class MultiQuestion(QuestionBase):
    """Pick every correct option; partial credit for partly right picks."""

    type: Literal["multi"]
    choices: ChoiceList = Field(description="2 to 10 distinct options.")
    answers: Annotated[list[str], Field(min_length=1)] = Field(
        description="The correct options: a non-empty subset of `choices`."
    )

    @field_validator("choices")
    @classmethod
    @rule
    def _choices_distinct(cls, choices: list[str]) -> list[str]:
        return _distinct(choices, "choices")

    @field_validator("answers")
    @classmethod
    @rule
    def _answers_distinct(cls, answers: list[str]) -> list[str]:
        return _distinct(answers, "answers")

    @model_validator(mode="after")
    @rule
    def _answers_are_choices(self) -> MultiQuestion:
        missing = [a for a in self.answers if a not in self.choices]
        if missing:
            listed = ", ".join(quoted(a) for a in missing)
            verb = "is" if len(missing) == 1 else "are"
            raise rule_error(f"{listed} {verb} not among the choices", field="answers")
        return self


class TrueFalseQuestion(QuestionBase):
    """A statement that is either true or false."""

    type: Literal["truefalse"]
    answer: bool = Field(description="true or false (TOML booleans, not strings).")


class NumberQuestion(QuestionBase):
    """A numeric answer, right within a tolerance."""

    type: Literal["number"]
    answer: Finite = Field(description="The correct number.")
    tolerance: Annotated[Finite, Field(ge=0)] = Field(
        0, description="Accepted distance from the answer (>= 0)."
    )
    unit: str | None = Field(None, description="Unit shown after the input, e.g. 'km'.")


class ClozeQuestion(QuestionBase):
    """A text with 1 to 10 blanks, each a text, a number or a choice (see `format.cloze`);
    partial credit per blank."""

    type: Literal["cloze"]
    text: NonEmpty = Field(
        description="The text, each blank written inline: {{answer | also accepted}}, "
        "{{2018}} or {{3.14 ± 0.01}} for a number, {{[right] | wrong | wrong}} for a choice."
    )

    @field_validator("text")
    @classmethod
    @rule
    def _blanks_readable(cls, text: str) -> str:
        split_text(text)  # its ValueError is the checker's message
        return text

    @property
    def blanks(self) -> list[Blank]:
        """The blanks, in the text's order."""
        return split_text(self.text)[1]

    @property
    def pieces(self) -> list[str]:
        """The text around the blanks: one piece before each blank, and the last after them."""
        return split_text(self.text)[0]


class Bucket(FormatModel):
    """One bucket of a categorize question: its name and the items that belong in it."""

    name: NonEmpty = Field(description="The bucket's name, shown to the player.")
    items: Annotated[list[NonEmpty], Field(max_length=20)] = Field(
        description="The items that belong in this bucket (may be empty: a bucket nothing "
        "belongs to)."
    )


class CategorizeQuestion(QuestionBase):
    """Sort items into named buckets; credit = items in the right bucket / items."""

    type: Literal["categorize"]
    buckets: Annotated[list[Bucket], Field(min_length=2, max_length=6)] = Field(
        description="2 to 6 buckets, one `[[questions.buckets]]` table each; the items are "
        "shown shuffled."
    )

    @field_validator("buckets")
    @classmethod
    @rule
    def _names_and_items_distinct(cls, buckets: list[Bucket]) -> list[Bucket]:
        _distinct([bucket.name for bucket in buckets], "bucket names")
        items = [item for bucket in buckets for item in bucket.items]
        for index, _ in duplicate_positions(list(items)):
            raise ValueError(f"{quoted(items[index])} is in more than one bucket: an item belongs in one")
        count = sum(len(bucket.items) for bucket in buckets)
        if count < 2:
            raise ValueError(f"needs at least 2 items to sort, has {count}")
        return buckets

    def bucket_of(self) -> dict[str, str]:
        """Item -> the name of the bucket it belongs in, items in the quiz's order."""
        return {item: bucket.name for bucket in self.buckets for item in bucket.items}


class PollQuestion(QuestionBase):
    """Choices with no right answer: how the class splits. Never scored or scheduled."""

    scored: ClassVar[bool] = False
    type: Literal["poll"]
    choices: ChoiceList = Field(description="2 to 10 distinct options; none is right.")

    @field_validator("choices")
    @classmethod
    @rule
    def _choices_distinct(cls, choices: list[str]) -> list[str]:
        return _distinct(choices, "choices")

    @model_validator(mode="after")
    @rule
    def _nothing_to_score(self) -> PollQuestion:
        for key, why in (("points", "a poll is never scored"),
                         ("hint", "a poll has no right answer to hint at")):
            if key in self.model_fields_set:
                raise rule_error(f"does not apply to poll questions: {why}", field=key)
        return self


class EstimateQuestion(QuestionBase):
    """A number on a stated scale: full credit within the tolerance, less the further off."""

    type: Literal["estimate"]
    answer: Finite = Field(description="The right number, on the scale.")
    min: Finite = Field(description="The low end of the scale the player answers on.")
    max: Finite = Field(description="The high end of the scale (above `min`).")
    tolerance: Annotated[Finite, Field(ge=0)] = Field(
        0, description="Full credit within this distance of the answer (>= 0)."
    )
    unit: str | None = Field(None, description="Unit shown after the input, e.g. 'km'.")

    @model_validator(mode="after")
    @rule
    def _answer_on_the_scale(self) -> EstimateQuestion:
        if self.max <= self.min:
            raise rule_error(
                f"must be above min ({_number(self.min)}), got {_number(self.max)}", field="max"
            )
        if not self.min <= self.answer <= self.max:
            raise rule_error(
                f"{_number(self.answer)} is not on the scale from {_number(self.min)} to "
                f"{_number(self.max)}",
                field="answer",
            )
        if self.tolerance >= self.max - self.min:
            raise rule_error(
                f"{_number(self.tolerance)} covers the whole scale: every answer would get full "
                "credit",
                field="tolerance",
            )
        return self


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


class TextQuestion(QuestionBase):
    """A typed answer compared with the accepted answers."""

    type: Literal["text"]
    answers: Annotated[list[NonEmpty], Field(min_length=1)] = Field(
        description="Accepted answers; the first is the canonical spelling."
    )
    exact: bool = Field(
        False,
        description="Compare exactly (only surrounding spaces ignored). By default case, "
        "accents, punctuation and spaces are ignored, qualifiers a marker accepts (a leading "
        "article, a title, a fuller name, ', place', a parenthetical) are read past, and likely "
        "typos are forgiven (docs/scoring.md).",
    )
    typos: bool | None = Field(
        None,
        description="Forgive likely typos in this question's answers; unset: the quiz's "
        "`typos`. Set false when a one-letter change makes another word (coal, goal).",
    )


class OrderQuestion(QuestionBase):
    """Arrange items in the right order; they are shown shuffled."""

    type: Literal["order"]
    items: Annotated[list[NonEmpty], Field(min_length=2, max_length=10)] = Field(
        description="At least 2 distinct items, in the correct order."
    )

    @field_validator("items")
    @classmethod
    @rule
    def _items_distinct(cls, items: list[str]) -> list[str]:
        return _distinct(items, "items")


Pair = Annotated[list[NonEmpty], Field(min_length=2, max_length=2)]


class MatchQuestion(QuestionBase):
    """Pair each left item with its right item; the right items are shown shuffled."""

    type: Literal["match"]
    pairs: Annotated[list[Pair], Field(min_length=2, max_length=10)] = Field(
        description="[left, right] pairs; lefts distinct, rights distinct."
    )

    @field_validator("pairs")
    @classmethod
    @rule
    def _sides_distinct(cls, pairs: list[list[str]]) -> list[list[str]]:
        _distinct([p[0] for p in pairs], "left items")
        _distinct([p[1] for p in pairs], "right items")
        return pairs


AnyQuestion = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | NumberQuestion
    | TextQuestion
    | OrderQuestion
    | MatchQuestion
    | EstimateQuestion
    | PollQuestion
    | CategorizeQuestion
    | ClozeQuestion
)
"""The question models: this union is the one list of question types (see `question_types`)."""

Question = Annotated[AnyQuestion, Field(discriminator="type")]
"""Any question, told apart by its `type` key."""

QUESTION_MODELS: tuple[type[QuestionBase], ...] = get_args(AnyQuestion)
QUESTION_TYPES: tuple[str, ...] = tuple(
    get_args(model.model_fields["type"].annotation)[0] for model in QUESTION_MODELS
)


class Quiz(FormatModel):
    """One quiz file: the `[quiz]` table and its `[[questions]]`."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        json_schema_extra={"title": "quizgame quiz (format v1)"},
    )

    quiz: QuizMeta = Field(description="The quiz's identity and settings.")
    questions: Annotated[list[Question], Field(min_length=1)] = Field(
        description="The questions, one `[[questions]]` table each."
    )

    @field_validator("questions")
    @classmethod
    @rule
    def _ids_unique(cls, questions: list[Question]) -> list[Question]:
        for index, first in duplicate_positions([q.id for q in questions]):
            raise rule_error(
                f"{quoted(questions[index].id)} is already the id of questions[{first}]",
                field="id",
                index=index,
            )
        return questions

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError when there is none)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def time_limit_for(self, question: Question) -> int:
        """Seconds allowed for a question in quiz mode (0 = untimed)."""
        if question.time_limit is not None:
            return question.time_limit
        return self.quiz.time_limit


def slug(text: str, max_length: int = 48) -> str:
    """A question-id-safe slug of free text (used for imported questions and quizzes)."""
    return slugs.slug(text, max_length, "q")
