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
from quizgame.format.lines import SourceMap
from quizgame.format.loader import LoadedQuiz, control_problems, read_quiz
from quizgame.format.messages import escape_slip
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
    source_map: SourceMap | None = None

    @property
    def id_line(self) -> int | None:
        """The line of `[quiz] id` (the line map is scanned only when this is asked)."""
        return self.source_map.line_of(("quiz", "id")) if self.source_map is not None else None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def valid(self) -> bool:
        return self.quiz is not None and not self.errors

    def summary(self) -> str:
        """One line: id, title and question counts by type (only for a loaded quiz)."""
        assert self.quiz is not None
        counts: Counter[str] = Counter(q.type for q in self.quiz.questions)
        by_type = ", ".join(f"{counts[t]} {t}" for t in QUESTION_TYPES if counts[t])
        total = len(self.quiz.questions)
        noun = "question" if total == 1 else "questions"
        return f"{self.quiz.quiz.id} {quoted(self.quiz.quiz.title)}: {total} {noun} ({by_type})"


def check_file(path: Path, checks: Sequence[tuple[str, QuestionCheck]] = ()) -> CheckResult:
    """Load one file and collect its errors, or its warnings when it is valid.

    `checks` adds warnings of its own: (the question key they are about, the check). Control
    characters in its texts are errors here (the file fails `check`), though the game plays
    such a quiz with them made visible: the teacher must fix the file, and a student never gets
    a raw escape sequence.
    """
    try:
        loaded = read_quiz(path)
    except QuizLoadError as error:
        return CheckResult(path, None, list(error.problems))
    if errors := control_problems(loaded):
        return CheckResult(path, None, errors)
    return CheckResult(path, loaded.quiz, lint(loaded, checks), loaded.source_map)


def shared_ids(quizzes: Iterable[tuple[Path, Quiz]]) -> dict[Path, list[Path]]:
    """For every file whose quiz id another file also has: those other files.

    Saves, best scores and `play ID` go by the quiz id, so two quizzes with one id would mix
    their players' records; neither may be taken for the other.
    """
    by_id: dict[str, list[Path]] = {}
    for path, quiz in quizzes:
        by_id.setdefault(quiz.quiz.id, []).append(path)
    return {path: [other for other in paths if other != path]
            for paths in by_id.values() if len(paths) > 1 for path in paths}


def shared_id_message(quiz_id: str, others: list[Path]) -> str:
    listed = ", ".join(str(other) for other in others)
    return (f"the quiz id {quoted(quiz_id)} is also the id of {listed}: give each quiz its own "
            "id (saves and best scores are kept by id)")


def check_files(paths: list[Path], checks: Sequence[tuple[str, QuestionCheck]] = ()
                ) -> list[CheckResult]:
    """`check_file` for each file, and an error on every quiz whose id another file also has."""
    results = [check_file(path, checks) for path in paths]
    loaded = [(r.path, r.quiz) for r in results if r.quiz is not None]
    shared = shared_ids(loaded)
    for result in results:
        if result.quiz is not None and result.path in shared:
            message = shared_id_message(result.quiz.quiz.id, shared[result.path])
            result.problems.insert(0, Problem(result.path, message, line=result.id_line,
                                              where="quiz.id"))
    return results


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
        # A cloze's question is its text: "Fill in the blanks." may well repeat.
        prompt = " ".join(f"{question.prompt} {getattr(question, 'text', '')}".casefold().split())
        if prompt in first_with_prompt:
            warn(index, "prompt", f"same prompt as questions[{first_with_prompt[prompt]}]")
        else:
            first_with_prompt[prompt] = index
        if _gives_answer_away(question):
            warn(index, "prompt", "the prompt contains the right choice and no other: "
                 "it gives the answer away")
        if not question.explanation:
            warn(index, "explanation", "no explanation: players learn more when told why")
        for key, value in question:
            texts = value if isinstance(value, list) else [value]
            slips = [escape_slip(t) for t in texts if isinstance(t, str)]
            if message := next((slip for slip in slips if slip), None):
                warn(index, key, message)
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

    prompt = question.prompt.casefold()

    def shown(choice: str) -> bool:
        # Very short choices ("A", "No") occur in prompts by chance; whole words only. The
        # substring test first spares a regex per choice of a 100,000-question quiz.
        text = choice.casefold()
        if len(choice) < 3 or text not in prompt:
            return False
        return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", prompt) is not None

    wrong = [c for c in question.choices if c not in right]
    return all(shown(c) for c in right) and not any(shown(c) for c in wrong)
