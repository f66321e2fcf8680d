"""The plain game loop: one question at a time on stdout, one answer per line from stdin.

For screen readers, scripts and tests. Verdicts are always words ("Correct", "Incorrect",
"Partly correct"); colour is added only on a terminal without NO_COLOR. `?` shows the hint, `!!`
overrides a wrong text answer ("I was right"); in practice and mistakes modes `/sure` and
`/guessed` say how sure the last answer was and `/undo` takes it back. Every answer is saved as it is given, so end of
input or Ctrl-C simply stops the game (exit status 0).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from quizgame.classroom.polls import split_lines
from quizgame.engine.errors import AnswerFormatError, NothingToPlayError
from quizgame.engine.exam import ExamGoal
from quizgame.engine.feedback import Feedback, Results, due_in_words
from quizgame.engine.grading import answer_prompts, parse_response
from quizgame.engine.ports import PlayerStore
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Mode
from quizgame.engine.scheduling import Clock, utc_now
from quizgame.engine.session import GameSession, PollVotes
from quizgame.errors import PlayerNameError
from quizgame.format.models import Quiz
from quizgame.plain.renderers import render

HINT, OVERRIDE = "?", "!!"
SURE, GUESSED, UNDO = ("/sure", "/s"), ("/guessed", "/g"), ("/undo", "/u")
_COLOURS = {"correct": "32", "partial": "33", "incorrect": "31", "timed_out": "31", "unscored": "36"}


class _Stop(Exception):
    """End of input: the player is done."""


def wants_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


@dataclass
class Console:
    """Lines in, lines out."""

    stdin: TextIO
    stdout: TextIO
    colour: bool = False

    def say(self, *lines: str) -> None:
        for line in lines:
            print(line, file=self.stdout)
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        """One line of input without its newline; raises _Stop at end of input.

        A terminal shows the prompt and echoes the typing; from a pipe or file the line read is
        written after the prompt instead, so a transcript shows every answer.
        """
        interactive = self.stdin.isatty()
        if interactive:
            print(prompt, end="", file=self.stdout, flush=True)
        line = self.stdin.readline()
        if not line:
            raise _Stop
        line = line.rstrip("\r\n")
        if not interactive:
            print(prompt + line, file=self.stdout)
        return line

    def paint(self, text: str, outcome: str) -> str:
        return f"\x1b[1;{_COLOURS[outcome]}m{text}\x1b[0m" if self.colour else text


def play_plain(
    quiz: Quiz,
    open_store: Callable[[str], PlayerStore],
    console: Console,
    *,
    player: str | None = None,
    mode: Mode = "quiz",
    seed: int | None = None,
    new_limit: int = 10,
    exam: ExamGoal | None = None,
    easy_within: int | None = None,
    clock: Clock = utc_now,
    monotonic: Callable[[], float] = time.monotonic,
    poll_votes: PollVotes | None = None,
) -> int:
    """Play one game in plain mode; returns the exit status (0, also when stopped early).

    `open_store` opens a player's saves by name (raising `PlayerNameError` for a bad one); the
    clocks are injectable for tests.
    """
    try:
        store = open_store(player) if player is not None else _ask_player(console, open_store)
        session = GameSession.start(
            quiz, store, mode, seed=seed, new_limit=new_limit, clock=clock, monotonic=monotonic,
            exam=exam, easy_within=easy_within, poll_votes=poll_votes,
        )
    except NothingToPlayError as error:
        console.say(str(error))
        return 0
    except (_Stop, KeyboardInterrupt):
        return 0
    for problem in session.problems:
        print(f"quizgame: skipped: {problem}", file=sys.stderr)
    if session.is_over:
        console.say(_nothing_due(session, clock))
        return 0
    console.say(f"{quiz.quiz.title} ({mode} mode), player {store.name}.",
                "Answers are saved as you go; end the input (Ctrl-D) or press Ctrl-C to stop.")
    _say_exam_status(session, console)
    try:
        _play(session, console)
        while _last_chance(session, console):  # the last answer was undone: ask it again
            _play(session, console)
    except (_Stop, KeyboardInterrupt):
        answered = len(session.record.answers)
        if not answered:
            console.say("", "Stopped before the first answer.")
            return 0
        console.say("", f"Stopped. {answered} answer{'s' if answered != 1 else ''} saved.")
        _summary(console, session, session.results(), clock)
        return 0
    _summary(console, session, session.finish(), clock)
    return 0


def _ask_player(console: Console, open_store: Callable[[str], PlayerStore]) -> PlayerStore:
    while True:
        name = console.ask("Your name: ")
        try:
            return open_store(name)
        except PlayerNameError as error:
            console.say(str(error))


def _play(session: GameSession, console: Console) -> None:
    while (shown := session.current()) is not None:
        console.say("", *_question_lines(shown))
        while True:
            prompts = answer_prompts(shown)
            line = console.ask(prompts[0]).strip()
            if line == HINT:
                hint = session.use_hint()
                console.say(f"Hint: {hint}" if hint else "This question has no hint.")
            elif line == OVERRIDE:
                _override(session, console)
            elif line.lower() in SURE + GUESSED:
                _rate(session, console, sure=line.lower() in SURE)
            elif line.lower() in UNDO:
                if _undo(session, console):
                    break
            else:
                lines = [line, *(console.ask(prompt).strip() for prompt in prompts[1:])]
                try:
                    response = parse_response(shown, "\n".join(lines))
                except AnswerFormatError as error:
                    console.say(str(error))
                    continue
                console.say(*_feedback_lines(session.submit(response), shown, console))
                break


def _override(session: GameSession, console: Console) -> None:
    if not session.can_override:
        console.say("!! counts a text answer marked wrong as right; it only works just after one.")
        return
    feedback = session.override()
    console.say(f"{console.paint('Correct', 'correct')} (you said you were right). "
                f"+{feedback.points} points. Score: {feedback.score}.")


def _rate(session: GameSession, console: Console, *, sure: bool) -> None:
    if not session.can_rate:
        console.say("/sure and /guessed say how sure you were of the answer just given, in "
                    "practice and mistakes modes.")
        return
    session.rate(sure)
    console.say("Saved: you were sure." if sure else "Saved: you guessed (it comes back sooner).")


def _undo(session: GameSession, console: Console) -> bool:
    """Take back the last answer; True when it was (its question is asked again)."""
    if not session.can_undo:
        console.say("/undo takes back the answer just given, within 10 seconds, in practice and "
                    "mistakes modes.")
        return False
    session.undo()
    console.say("Answer undone; here is the question again.")
    return True


def _say_exam_status(session: GameSession, console: Console) -> None:
    status = session.exam_status()
    if status is not None:
        console.say(status.summary() + ".")


def _last_chance(session: GameSession, console: Console) -> bool:
    """After the last question: "I was right", how sure, or undo; True when it was undone."""
    if not (session.can_override or session.can_rate):
        return False
    console.say("", "Type !! if you were right, or press Enter for your results."
                if not session.can_rate else
                "Type /sure or /guessed about that last answer (/undo takes it back), or press "
                "Enter for your results.")
    try:
        line = console.ask("> ").strip().lower()
    except _Stop:
        return False
    if line == OVERRIDE and session.can_override:
        _override(session, console)
    elif line in SURE + GUESSED:
        _rate(session, console, sure=line in SURE)
    elif line in UNDO:
        return _undo(session, console)
    return False


def _question_lines(shown: PresentedQuestion) -> list[str]:
    timed = f" ({shown.time_limit} seconds)" if shown.time_limit else ""
    lines = [f"Question {shown.number} of {shown.total}{timed}", shown.question.prompt, *render(shown)]
    if shown.hint:
        lines.append("Type ? for a hint (it halves the points).")
    return lines


def _feedback_lines(feedback: Feedback, shown: PresentedQuestion, console: Console) -> list[str]:
    if not feedback.scored:
        lines = [f"Thanks for voting ({feedback.given}): a poll has no right answer and no points."]
        if split := split_lines(feedback.split):
            lines += ["How everyone voted:", *split]
        return lines
    record = feedback.record
    verdict = {
        "correct": "Correct",
        "partial": f"Partly correct ({feedback.credit:.0%})",
        "incorrect": "Incorrect",
        "timed_out": f"Incorrect: time's up ({_seconds(record.elapsed_ms)}, "
        f"limit {shown.time_limit} s)",
    }[feedback.outcome]
    bonus = f" including a streak bonus of {record.streak_bonus}" if record.streak_bonus else ""
    lines = [f"{console.paint(verdict, feedback.outcome)}. +{feedback.points} points{bonus}. "
             f"Score: {feedback.score}."]
    if feedback.canonical:
        lines.append(f"(Accepted with a small typo: it is spelled {feedback.canonical}.)")
    if not feedback.correct:
        lines.append(f"You answered: {feedback.given}")
    lines.append(f"Right answer: {feedback.right_answer}")
    if feedback.explanation:
        lines.append(f"Explanation: {feedback.explanation}")
    if feedback.source:
        lines.append(f"Source: “{feedback.source}”")
    if feedback.can_override:
        lines.append("If you were right, type !! as your next line.")
    if feedback.can_rate:
        lines.append("How sure were you? Type /sure or /guessed as your next line "
                     "(/undo within 10 s takes the answer back).")
    return lines


def _summary(console: Console, session: GameSession, results: Results, clock: Clock) -> None:
    lines = [
        "",
        f"Results: {results.quiz_title} ({results.mode} mode)",
        f"Score: {results.score}",
        f"Correct: {results.correct} of {results.total}",
        f"Time: {_seconds(results.elapsed_ms)}",
        f"Best streak: {results.best_streak}",
    ]
    for number, row in enumerate(results.rows, start=1):
        verdict = ("Poll" if not row.scored else "Correct" if row.correct
                   else "Partly correct" if row.credit > 0 else "Incorrect")
        marks = [mark for mark, on in (("hint", row.hint_used), ("time's up", row.timed_out),
                                       ("overridden", row.overridden)) if on]
        extra = f" [{', '.join(marks)}]" if marks else ""
        lines.append(f"  {number}. {verdict}{extra}: {row.prompt} You: {row.given}."
                     + ("" if row.correct or not row.scored else f" Right: {row.right_answer}."))
    if results.mode == "practice":
        lines.append(f"Cards reviewed: {results.reviewed}.")
        if results.next_due:
            lines.append(f"Next card due {due_in_words(results.next_due, clock())}.")
    console.say(*lines)
    _say_exam_status(session, console)


def _nothing_due(session: GameSession, clock: Clock) -> str:
    title = session.quiz.quiz.title
    if session.next_due is None:
        return f"Nothing to practise in {title} right now (no new cards left for today)."
    return f"Nothing is due in {title}. Next card due {due_in_words(session.next_due, clock())}."


def _seconds(milliseconds: int) -> str:
    seconds = round(milliseconds / 1000)
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60} s"
