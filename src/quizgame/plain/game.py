"""The plain game loop: one question at a time on stdout, one answer per line from stdin.

For screen readers, scripts and tests. Verdicts are always words ("Correct", "Incorrect",
"Partly right", from `quizgame.wording`); colour is added only on a terminal without NO_COLOR.
`?` shows the hint; on a timed question `+` (or `/more`) adds 30 seconds, up to ten times, and a
line `Time left: 20 seconds.` warns (WCAG 2.2.1; docs/accommodations.md). The feedback of each
answer waits for Enter, with no clock running; `!!` there says "I was right" about a typed
answer marked wrong (a claim for the teacher in quiz mode), and in practice and mistakes modes
`/sure` and `/guessed` say how sure the answer was and `/undo` takes it back. Every answer is
saved as it is given, so end of input or Ctrl-C simply stops the game (exit status 0).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from quizgame import wording
from quizgame.classroom.polls import split_lines
from quizgame.engine.accommodations import Accommodations
from quizgame.engine.errors import AnswerFormatError, NothingToPlayError, NotNowError
from quizgame.engine.exam import ExamGoal
from quizgame.engine.feedback import Feedback, Results, due_in_words, nothing_due
from quizgame.engine.grading import answer_prompts, parse_response
from quizgame.engine.ports import PlayerStore
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Mode, SessionRecord
from quizgame.engine.scheduling import Clock, utc_now
from quizgame.engine.session import GameSession, PollVotes
from quizgame.errors import PlayerNameError
from quizgame.format.models import Quiz
from quizgame.plain.keys import MORE_TIME
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
    live_clock: bool = False
    """Whether a timer may print the time warning while an answer is being typed (a real
    terminal or pipe on the real clock; tests feeding lines at once check it between lines)."""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _prompt: str | None = field(default=None, repr=False)
    """The prompt a terminal shows while a line is being read (None: not reading)."""

    def say(self, *lines: str) -> None:
        with self._lock:  # the time warning comes from another thread: whole lines only
            if self._prompt is not None:
                print(file=self.stdout)  # below the prompt, not after it
            for line in lines:
                print(line, file=self.stdout)
            if self._prompt is not None:
                print(self._prompt, end="", file=self.stdout)  # and the prompt again
            self.stdout.flush()

    def ask(self, prompt: str) -> str:
        """One line of input without its newline; raises _Stop at end of input.

        A terminal shows the prompt and echoes the typing; from a pipe or file the line read is
        written after the prompt instead, so a transcript shows every answer.
        """
        interactive = self.stdin.isatty()
        if interactive:
            with self._lock:
                print(prompt, end="", file=self.stdout, flush=True)
                self._prompt = prompt
        try:
            line = self.stdin.readline()
        finally:
            self._prompt = None
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
    round_size: int | None = None,
    clock: Clock = utc_now,
    monotonic: Callable[[], float] = time.monotonic,
    poll_votes: PollVotes | None = None,
    accommodations: Callable[[PlayerStore], Accommodations] | None = None,
) -> int:
    """Play one game in plain mode; returns the exit status (0, also when stopped early).

    `open_store` opens a player's saves by name (raising `PlayerNameError` for a bad one);
    `accommodations` gives a player's (default: their profile's); the clocks are injectable
    for tests.
    """
    try:
        store = open_store(player) if player is not None else _ask_player(console, open_store)
        left = GameSession.unfinished(quiz, store, mode)
        if left is not None and _continues(console, left):
            session = GameSession.resume(quiz, store, left, clock=clock, monotonic=monotonic,
                                         poll_votes=poll_votes)
        else:
            session = GameSession.start(
                quiz, store, mode, seed=seed, new_limit=new_limit, clock=clock,
                monotonic=monotonic, exam=exam, easy_within=easy_within, round_size=round_size,
                poll_votes=poll_votes,
                accommodations=accommodations(store) if accommodations else None,
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
    if session.accommodations.any:
        console.say(f"Accommodations: {session.accommodations.describe()}.")
    console.say(f"{quiz.quiz.title} ({mode} mode), player {store.name}.",
                "Answers are saved as you go; end the input (Ctrl-D) or press Ctrl-C to stop.")
    if session.timed:
        console.say("On a timed question, type + for 30 seconds more (up to ten times).")
    _say_exam_status(session, console)
    try:
        _play(session, console)
    except (_Stop, KeyboardInterrupt):
        answered = len(session.record.answers)
        if not answered:
            console.say("", "Stopped before the first answer.")
            return 0
        console.say("", f"Stopped. {wording.count(answered, 'answer')} saved"
                    + ("; start this quiz again to continue." if not session.is_over else "."))
        _summary(console, session, session.results(), clock)
        return 0
    _summary(console, session, session.finish(), clock)
    return 0


def _continues(console: Console, left: SessionRecord) -> bool:
    """Offer to continue an unfinished game; Enter (or c) continues, n starts again."""
    answered = len(left.answers)
    planned = max(left.questions_asked, answered + 1)
    console.say(f"You have an unfinished game of this quiz ({left.mode} mode, started "
                f"{left.started_at:%Y-%m-%d %H:%M} UTC): {wording.count(answered, 'answer')} saved.")
    while True:
        line = console.ask(f"Enter or c: continue (question {answered + 1} of {planned}); "
                           "n: start again> ").strip().casefold()
        if line in ("", "c", "continue"):
            return True
        if line in ("n", "new", "start again"):
            return False
        console.say("Type c (or just Enter) to continue, n to start a new game.")


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
        warner = _TimeWarning(session, console)
        try:
            _answer(session, console, shown, warner)
        finally:
            warner.stop()


def _answer(
    session: GameSession, console: Console, shown: PresentedQuestion, warner: _TimeWarning
) -> None:
    """Read lines until one answers the question on screen (hints and more time between)."""
    while True:
        prompts = answer_prompts(shown)
        warner.check()
        line = console.ask(prompts[0]).strip()
        if line == HINT:
            hint = session.use_hint()
            console.say(f"Hint: {hint}" if hint else "This question has no hint.")
        elif line.lower() in MORE_TIME:
            _more_time(session, console)
        elif line == OVERRIDE or line.lower() in SURE + GUESSED + UNDO:
            console.say(f"{line} goes on the feedback of an answer, before Enter.")
        else:
            lines = [line, *(console.ask(prompt).strip() for prompt in prompts[1:])]
            try:
                response = parse_response(shown, "\n".join(lines))
            except AnswerFormatError as error:
                console.say(str(error))
                continue
            warner.stop()  # answered: no warning may come after the verdict
            feedback = session.submit(response)
            console.say(*_feedback_lines(feedback, shown, console, claims=session.claims,
                                         scored=session.mode != "practice", now=session.now()))
            _read_feedback(session, console)
            return


def _more_time(session: GameSession, console: Console) -> None:
    try:
        before = session.time_limit
        session.more_time()
    except NotNowError as error:
        console.say(str(error))
        return
    left = session.time_left()
    console.say(wording.more_time(session.time_limit - before, left or 0.0))


class _TimeWarning:
    """Says `Time left: N seconds.` once when a timed question reaches its warning time (again
    after more time was added and ran down), and `Time's up.` at the limit. With a live clock a
    timer thread says it while the player types; `check` says it between lines either way."""

    def __init__(self, session: GameSession, console: Console) -> None:
        self._session = session
        self._console = console
        self._warned = False
        self._up = False
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        if console.live_clock and session.time_limit:
            self._thread = threading.Thread(target=self._watch, daemon=True)
            self._thread.start()

    def check(self) -> None:
        if self._stopped.is_set():
            return
        left = self._session.time_left()
        if left is None:
            return
        warn = self._session.warning_seconds
        if left > warn:
            self._warned = False  # more time was added: warn again when it runs down
        elif left > 0 and not self._warned:
            self._warned = True
            self._console.say(wording.time_left(left))
        elif left <= 0 and not self._up:
            self._up = self._warned = True
            self._console.say(f"{wording.verdict('timed_out')}: an answer now counts as timed "
                              "out.")

    def _watch(self) -> None:
        while not self._stopped.is_set():
            self.check()
            self._stopped.wait(0.2)

    def stop(self) -> None:
        self._stopped.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()


def _read_feedback(session: GameSession, console: Console) -> None:
    """Wait for Enter after the feedback (or !!, /sure, /guessed, /undo); no question, so no
    clock, is running. After /undo the same question is asked again."""
    more = "the next question" if not session.is_over else "your results"
    while True:
        line = console.ask(f"Enter for {more}> ").strip()
        if line == OVERRIDE:
            _override(session, console)
        elif line.lower() in SURE + GUESSED:
            _rate(session, console, sure=line.lower() in SURE)
        elif line.lower() in UNDO:
            if _undo(session, console):
                return
        elif line == HINT or line.lower() in MORE_TIME:
            console.say(f"{line} works while a question is on screen; this is the feedback of "
                        "the last answer.")
        else:
            return


def _override(session: GameSession, console: Console) -> None:
    if not session.can_override:
        console.say("!! says a typed answer marked wrong was right; it only works on its "
                    "feedback.")
        return
    feedback = session.override()
    if feedback.record.claim is not None:
        console.say("Claim filed: your teacher will check it. It earns nothing unless accepted.")
        return
    console.say(f"{console.paint('Correct', 'correct')} ({wording.OVERRIDDEN}). "
                f"+{wording.count(feedback.points, 'point')}. Score: {wording.number(feedback.score)}.")


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


def _question_lines(shown: PresentedQuestion) -> list[str]:
    # One line per state, each with its prefix (wording.PLAIN_PREFIXES).
    timed = [wording.time_limit(shown.time_limit)] if shown.time_limit else []
    lines = [wording.question_line(shown.number, shown.total, shown.question.prompt), *timed,
             *render(shown)]
    if shown.hint:
        lines.append("Type ? for a hint (it halves the points).")
    return lines


def _feedback_lines(
    feedback: Feedback,
    shown: PresentedQuestion,
    console: Console,
    *,
    claims: bool,
    scored: bool,
    now: datetime,
) -> list[str]:
    if not feedback.scored:
        lines = [f"Thanks for voting ({feedback.given}): a poll has no right answer and no points."]
        if split := split_lines(feedback.split, bars=False):
            lines += ["How everyone voted:", *split]
        return lines
    record = feedback.record
    verdict = wording.verdict(feedback.outcome, feedback.credit)
    if feedback.outcome == "timed_out":
        verdict += f" ({wording.seconds(shown.time_limit)})"
    bonus = (f" including a streak bonus of {wording.number(record.streak_bonus)}"
             if record.streak_bonus else "")
    points = (f" +{wording.count(feedback.points, 'point')}{bonus}. "
              f"Score: {wording.number(feedback.score)}." if scored else "")
    lines = [f"{console.paint(verdict, feedback.outcome)}.{points}"]
    if feedback.late_words:
        lines.append(feedback.late_words)
    if feedback.canonical:
        lines.append(f"(Accepted with a small typo: it is spelled {feedback.canonical}.)")
    if not feedback.correct:
        lines.append(f"You answered: {feedback.given}")
    lines.append(f"Right answer: {feedback.right_answer}")
    if feedback.explanation:
        lines.append(f"Explanation: {feedback.explanation}")
    if feedback.source:
        lines.append(f"Source: {wording.quoted(feedback.source)}")
    if feedback.comes_back is not None:
        lines.append(f"This card comes back {due_in_words(feedback.comes_back, now)}.")
    if feedback.can_override:
        lines.append("If you were right, type !! now"
                     + (" to file a claim for your teacher." if claims else "."))
    if feedback.can_rate:
        lines.append("How sure were you? Type /sure or /guessed now "
                     "(/undo within 10 s takes the answer back).")
    return lines


def _summary(console: Console, session: GameSession, results: Results, clock: Clock) -> None:
    lines = [
        "",
        f"Results: {results.quiz_title} ({results.mode} mode)",
        *([] if results.mode == "practice" else [f"Score: {wording.number(results.score)}"]),
        f"Correct: {results.correct} of {results.total}",
        f"Time: {wording.duration(results.elapsed_ms)}",
        f"Best streak: {results.best_streak}",
        *([f"Accommodations: {results.accommodations}."] if results.accommodations else []),
    ]
    for number, row in enumerate(results.rows, start=1):
        verdict = "Poll" if not row.scored else wording.verdict(row.outcome, row.credit)
        marks = [mark for mark, on in (("hint", row.hint_used), (wording.OVERRIDDEN, row.overridden),
                                       (wording.CLAIMED, row.claim == "open"),
                                       (wording.extra_time(row.extra_seconds), row.extra_seconds))
                 if on]
        extra = f" [{', '.join(marks)}]" if marks else ""
        lines.append(f"  {number}. {verdict}{extra}: {row.prompt} You: {row.given}."
                     + ("" if row.correct or not row.scored else f" Right: {row.right_answer}."))
    if results.mode == "practice":
        lines.append(f"Cards reviewed: {wording.number(results.reviewed)}.")
        if results.next_due:
            lines.append(f"Next card due {due_in_words(results.next_due, clock())}.")
    console.say(*lines)
    _say_exam_status(session, console)


def _nothing_due(session: GameSession, clock: Clock) -> str:
    text = nothing_due(session.quiz.quiz.title, session.next_due, session.unseen(), clock())
    if session.unseen():
        text += " To learn more today, play again with a higher daily limit: --new N."
    return text

