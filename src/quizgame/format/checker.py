"""`quizgame check`: load quiz files, add the warnings a teacher should see, summarise.

Warnings are things that load fine but probably are not what the teacher meant: a prompt used
twice, a choice question whose prompt gives its answer away, a question with no explanation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizgame.errors import Problem, QuizLoadError
from quizgame.format.loader import LoadedQuiz, read_quiz
from quizgame.format.models import (
    QUESTION_TYPES,
    ChoiceQuestion,
    MultiQuestion,
    Question,
    Quiz,
    quoted,
)


# An extra check of one question (e.g. engine.support's): warning messages, [] when fine.
QuestionCheck = Callable[[Question, Quiz], list[str]]


@dataclass
class CheckResult:
    """What checking one file found: the quiz when it loaded, and every problem."""

    path: Path
    quiz: Quiz | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def summary(self) -> str:
        """One line: id, title and question counts by type (only for a loaded quiz)."""
        assert self.quiz is not None
        counts = Counter(q.type for q in self.quiz.questions)
        by_type = ", ".join(f"{counts[t]} {t}" for t in QUESTION_TYPES if counts[t])
        total = len(self.quiz.questions)
        noun = "question" if total == 1 else "questions"
        return f"{self.quiz.quiz.id} {quoted(self.quiz.quiz.title)}: {total} {noun} ({by_type})"


def quiz_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their `*.toml` files (sorted); files are kept as given, each once."""
    found: dict[Path, None] = {}
    for path in paths:
        for file in sorted(path.glob("*.toml")) if path.is_dir() else [path]:
            found.setdefault(file)
    return list(found)


def check_file(path: Path, checks: Sequence[tuple[str, QuestionCheck]] = ()) -> CheckResult:
    """Load one file and collect its errors, or its warnings when it is valid.

    `checks` adds warnings of its own: (the question key they are about, the check).
    """
    try:
        loaded = read_quiz(path)
    except QuizLoadError as error:
        return CheckResult(path, None, list(error.problems))
    return CheckResult(path, loaded.quiz, lint(loaded, checks))


def lint(loaded: LoadedQuiz, checks: Sequence[tuple[str, QuestionCheck]] = ()) -> list[Problem]:
    """Warnings for a valid quiz, sorted by line like the loader's errors."""
    questions = loaded.quiz.questions
    warnings: list[Problem] = []

    def warn(index: int, key: str, message: str) -> None:
        loc = ("questions", index, key)
        where = f"questions[{index}] (id {quoted(questions[index].id)}).{key}"
        line = loaded.source_map.line_of(loc)
        warnings.append(Problem(loaded.path, message, line=line, where=where, severity="warning"))

    first_with_prompt: dict[str, int] = {}
    for index, question in enumerate(questions):
        prompt = " ".join(question.prompt.casefold().split())
        if prompt in first_with_prompt:
            warn(index, "prompt", f"same prompt as questions[{first_with_prompt[prompt]}]")
        else:
            first_with_prompt[prompt] = index
        if _gives_answer_away(question):
            warn(index, "prompt", "the prompt contains the right choice and no other: "
                 "it gives the answer away")
        if not question.explanation:
            warn(index, "explanation", "no explanation: players learn more when told why")
        for key, check in checks:
            for message in check(question, loaded.quiz):
                warn(index, key, message)
    return sorted(warnings, key=lambda p: p.line or 0)


def _gives_answer_away(question: Question) -> bool:
    """True when every right choice, and no wrong one, appears as words in the prompt."""
    if isinstance(question, ChoiceQuestion):
        right = [question.answer]
    elif isinstance(question, MultiQuestion):
        right = list(question.answers)
    else:
        return False

    def shown(choice: str) -> bool:
        # Very short choices ("A", "No") occur in prompts by chance; whole words only.
        pattern = rf"(?<!\w){re.escape(choice.casefold())}(?!\w)"
        return len(choice) >= 3 and re.search(pattern, question.prompt.casefold()) is not None

    wrong = [c for c in question.choices if c not in right]
    return all(shown(c) for c in right) and not any(shown(c) for c in wrong)
