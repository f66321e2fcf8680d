"""quizgame.wording: one way to write numbers, durations, verdicts and quotes, tested once."""

from __future__ import annotations

import pytest

from quizgame import wording

CASES = [
    (wording.number, (70995,), "70,995"),
    (wording.number, (0,), "0"),
    (wording.number, (2.5,), "2.5"),
    (wording.number, (3.0,), "3"),
    (wording.count, (1, "answer"), "1 answer"),
    (wording.count, (14, "answer"), "14 answers"),
    (wording.count, (1200, "card"), "1,200 cards"),
    (wording.count, (2, "quiz", "quizzes"), "2 quizzes"),
    (wording.percent, (0.6,), "60%"),
    (wording.percent, (None,), "n/a"),
    (wording.duration, (0,), "0:00"),
    (wording.duration, (4_300,), "0:04"),
    (wording.duration, (159_000,), "2:39"),
    (wording.duration, (3_723_000,), "1:02:03"),
    (wording.duration, (None,), "n/a"),
    (wording.seconds, (20,), "20 s"),
    (wording.verdict, ("correct",), "Correct"),
    (wording.verdict, ("partial", 0.6), "Partly right (60%)"),
    (wording.verdict, ("incorrect",), "Incorrect"),
    (wording.verdict, ("timed_out",), "Time's up"),
    (wording.quoted, ("Israel commits…",), "“Israel commits…”"),
    (wording.quoted, ("“Israel commits…”",), "“Israel commits…”"),
    (wording.quoted, ('"Israel commits…"',), "“Israel commits…”"),
    (wording.quoted, ("'tis the season",), "“'tis the season”"),
    (wording.quoted, ("“If Europe wants,” he said, “they must stop”—a stark reference.",),
     "“‘If Europe wants,’ he said, ‘they must stop’—a stark reference.”"),
    (wording.quoted, ("“A,” he said, “B”",), "“‘A,’ he said, ‘B’”"),
    (wording.quoted, ('uphold the principle that "no state is above the law."',),
     "“uphold the principle that ‘no state is above the law.’”"),
]


@pytest.mark.parametrize(("function", "arguments", "expected"), CASES,
                         ids=[f"{f.__name__}-{a}" for f, a, _ in CASES])
def test_each_figure_has_one_wording(function, arguments, expected) -> None:
    assert function(*arguments) == expected
