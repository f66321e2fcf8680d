"""Property tests: whatever a file holds, the loader answers with a quiz or a `QuizLoadError`.

Random bytes, random text, random TOML documents (any shape, and quiz-shaped with random keys
and values), and valid quizzes with random edits: never another exception, and the problems are
single lines, sorted by line, pointing only at lines the file has. And the line map agrees
with the parser on any document.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgame.errors import QuizLoadError
from quizgame.format import load_quiz_text
from quizgame.format.lines import SourceMap
from quizgame.format.loader import LoadedQuiz, read_quiz
from quizgame.format.models import QUESTION_TYPES, QuestionBase, QuizMeta
from quizgame.format.question_types import MODEL_BY_TYPE

DATA = Path(__file__).parent / "data"
VALID_TEXTS = [p.read_text(encoding="utf-8-sig") for p in sorted((DATA / "valid").glob("*.toml"))]

SCALARS = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, dt.UTC])),
    st.times(),
)
KEYS = st.one_of(st.text(max_size=8), st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True))
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=12,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=5)

QUESTION_KEYS = sorted(
    {name for model in (QuestionBase, *MODEL_BY_TYPE.values()) for name in model.model_fields}
    | {"explaination", "answers_"}
)
WORDS = st.sampled_from(["Paris", "Lyon", "Rome", "", "  ", "x"])
PLAUSIBLE = st.one_of(
    WORDS,
    st.sampled_from(QUESTION_TYPES),
    st.lists(WORDS, max_size=11),
    st.lists(st.lists(WORDS, max_size=3), max_size=4),
    st.integers(min_value=-5, max_value=5000),
    st.floats(min_value=-5, max_value=5),
    st.booleans(),
    VALUES,
)
RANDOM_QUESTIONS = st.fixed_dictionaries(
    {"id": st.from_regex(r"[a-z]{1,3}", fullmatch=True) | KEYS, "type": st.sampled_from(QUESTION_TYPES),
     "prompt": WORDS},
    optional={key: PLAUSIBLE for key in QUESTION_KEYS if key not in ("id", "type", "prompt")},
)
CHOICES = st.lists(st.sampled_from(["Paris", "Lyon", "Rome", "Oslo"]), min_size=2, max_size=4,
                   unique=True)
TYPED_KEYS = st.one_of(
    CHOICES.flatmap(lambda c: st.fixed_dictionaries(
        {"type": st.just("choice"), "choices": st.just(c), "answer": st.sampled_from(c)})),
    CHOICES.flatmap(lambda c: st.fixed_dictionaries(
        {"type": st.just("multi"), "choices": st.just(c),
         "answers": st.lists(st.sampled_from(c), min_size=1, unique=True)})),
    st.fixed_dictionaries({"type": st.just("truefalse"), "answer": st.booleans()}),
    st.fixed_dictionaries({"type": st.just("number"), "answer": st.integers() | st.floats()},
                          optional={"tolerance": st.floats(min_value=-1, max_value=5),
                                    "unit": WORDS}),
    st.fixed_dictionaries({"type": st.just("text"), "answers": st.lists(WORDS, min_size=1)},
                          optional={"exact": st.booleans()}),
    st.fixed_dictionaries({"type": st.just("order"), "items": CHOICES}),
    CHOICES.map(lambda c: {"type": "match", "pairs": [[x, x.upper()] for x in c]}),
)
NEARLY_VALID_QUESTIONS = st.builds(
    lambda qid, typed, common: {"id": qid, "prompt": "Which?", **typed, **common},
    st.from_regex(r"[a-z][a-z0-9_-]{0,5}", fullmatch=True),
    TYPED_KEYS,
    st.fixed_dictionaries({}, optional={
        "explanation": WORDS, "hint": WORDS, "tags": st.lists(WORDS, max_size=2),
        "points": st.integers(min_value=-1, max_value=5000),
        "time_limit": st.integers(min_value=-1, max_value=60),
    }),
)
QUESTIONS = NEARLY_VALID_QUESTIONS | RANDOM_QUESTIONS
RANDOM_QUIZZES = st.fixed_dictionaries(
    {
        "quiz": st.fixed_dictionaries(
            {"id": st.sampled_from(["geo", "Geo", ""]), "title": WORDS},
            optional={key: PLAUSIBLE for key in [*QuizMeta.model_fields, "lang"]
                      if key not in ("id", "title")},
        ),
        "questions": st.lists(QUESTIONS, max_size=4) | PLAUSIBLE,
    }
)
NEARLY_VALID_QUIZZES = st.fixed_dictionaries(
    {
        "quiz": st.fixed_dictionaries(
            {"id": st.just("geo"), "title": st.just("Geography")},
            optional={"time_limit": st.integers(min_value=-1, max_value=60),
                      "scoring": st.sampled_from(["speed", "accuracy", "fast"]),
                      "shuffle": st.booleans(), "language": st.sampled_from(["en", "pt-BR"])},
        ),
        "questions": st.lists(NEARLY_VALID_QUESTIONS, min_size=1, max_size=4,
                              unique_by=lambda q: q["id"]),
    }
)
QUIZ_SHAPED = NEARLY_VALID_QUIZZES | RANDOM_QUIZZES

FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


def load_or_error(text: str) -> LoadedQuiz | QuizLoadError:
    """Load `text`; on a `QuizLoadError`, check the shape of its problems and return it."""
    try:
        return load_quiz_text(text, Path("fuzz.toml"))
    except QuizLoadError as error:
        assert error.problems
        line_count = text.count("\n") + 1
        lines = [p.line or 0 for p in error.problems]
        assert lines == sorted(lines)
        assert all(0 <= line <= line_count for line in lines)
        assert all("\n" not in str(problem) for problem in error.problems)
        return error


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_in_a_file(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(raw)
        try:
            read_quiz(path)
        except QuizLoadError as error:
            assert all("\n" not in str(p) for p in error.problems)


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    load_or_error(text)


@FUZZ
@given(DOCUMENTS, st.booleans())
def test_random_toml_documents(document: dict, multiline: bool) -> None:
    load_or_error(tomli_w.dumps(document, multiline_strings=multiline))


@FUZZ
@given(QUIZ_SHAPED, st.booleans())
def test_quiz_shaped_documents(document: dict, multiline: bool) -> None:
    result = load_or_error(tomli_w.dumps(document, multiline_strings=multiline))
    if isinstance(result, LoadedQuiz):
        assert len(result.quiz.questions) == len(document["questions"])


@FUZZ
@given(st.sampled_from(VALID_TEXTS), st.integers(min_value=0), st.text(max_size=3),
       st.integers(min_value=0, max_value=3))
def test_valid_quizzes_with_random_edits(text: str, at: int, insert: str, delete: int) -> None:
    at %= len(text) + 1
    load_or_error(text[:at] + insert + text[at + delete :])


@FUZZ
@given(DOCUMENTS, st.booleans())
def test_the_line_map_agrees_with_the_parser(document: dict, multiline: bool) -> None:
    """On any document, the tokenizer finds every key on a line that holds it."""
    text = tomli_w.dumps(document, multiline_strings=multiline)
    data = tomllib.loads(text)
    source_map = SourceMap.scan(text, data)
    assert bool(source_map.lines) == bool(data)
    lines = text.split("\n")
    for loc, line in source_map.lines.items():
        key = loc[-1]
        if isinstance(key, str) and re.fullmatch(r"[A-Za-z0-9_-]+", key):
            assert re.search(rf"(?<![A-Za-z0-9_-]){re.escape(key)}(?![A-Za-z0-9_-])", lines[line - 1])
