"""`quizgame play --plain` without a quiz: the home screen as lines, for screen readers.

Who is playing (a name, or a listed player's number), then the quizzes, one line each, with
the player's best score and the practice cards due; a quiz is chosen by its number or id, then
the mode (Enter: quiz). After each game the quizzes are listed again; end of input (Ctrl-D),
Ctrl-C or `/quit` ends. `/help` lists the commands, the in-game keys and how points are
counted; `/player`, `/mode` change the player and the mode; `/quizzes` lists the quizzes again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quizgame import wording
from quizgame.classroom.standings import PlayerStandings, QuizStanding
from quizgame.engine.records import Mode
from quizgame.errors import QuizgameError
from quizgame.format.models import Quiz
from quizgame.plain.game import Console, _Stop
from quizgame.plain.help import help_lines
from quizgame.tui.catalog import QuizEntry

MODES: tuple[Mode, ...] = ("quiz", "practice", "mistakes")
MODE_WORDS: dict[str, str] = {
    "quiz": "quiz (scored)",
    "practice": "practice (spaced repetition)",
    "mistakes": "mistakes (your last game's misses)",
}


@dataclass
class Home:
    """What the plain home needs: the quizzes and players found, how to check a name, a
    player's standings, and how to play one game (`play_plain` with the command line's
    options)."""

    entries: Sequence[QuizEntry]
    players: Sequence[str]
    console: Console
    player_name: Callable[[str], str]
    """The saved name of a typed one; raises `QuizgameError` (with the reason) when refused."""
    standings: Callable[[str], PlayerStandings]
    play: Callable[[Quiz, str, Mode], object]
    roster: bool = False
    """Names come from a class list (`--roster`): only those can play."""

    def run(self, player: str | None = None, mode: Mode = "quiz") -> int:
        """The home loop; returns the exit status (0, also at end of input)."""
        console = self.console
        console.say("quizgame, plain mode: choose who plays, a quiz and a mode. "
                    "/help lists the commands.")
        try:
            chosen = self._checked(player) if player is not None else None
            while chosen is None:
                chosen = self._ask_player()
            console.say(f"Player: {chosen}.")
            self._list(chosen)
            while True:
                line = console.ask("Quiz (its number or id; /help for more)> ").strip()
                word, _, rest = line.partition(" ")
                if not line:
                    continue
                if word in ("/quit", "/q"):
                    return 0
                if word in ("/help", "/h", "?"):
                    console.say(*help_lines())
                elif word == "/player":
                    chosen = (self._checked(rest) if rest else None) or self._ask_player() or chosen
                    console.say(f"Player: {chosen}.")
                    self._list(chosen)
                elif word == "/mode":
                    mode = self._mode(rest, mode)
                elif word == "/quizzes":
                    self._list(chosen)
                elif (entry := self._entry(line)) is not None:
                    self._play(entry, chosen, mode)
                    self._list(chosen)
        except (_Stop, KeyboardInterrupt):
            return 0

    # -- players ---------------------------------------------------------------------------

    def _ask_player(self) -> str | None:
        names = self.players
        listed = ", ".join(f"{number}. {name}" for number, name in enumerate(names, start=1))
        if names:
            self.console.say(f"{'Class list' if self.roster else 'Players'}: {listed}.")
        typed = self.console.ask("Your name (or a listed player's number): ").strip()
        if not typed:
            self.console.say("Type your name first.")
            return None
        return self._checked(typed)

    def _checked(self, typed: str) -> str | None:
        """The saved name of a typed name or listed number; None (and why) when refused."""
        names = self.players
        if typed.isdecimal() and 1 <= int(typed) <= len(names):
            typed = names[int(typed) - 1]
        try:
            return self.player_name(typed)
        except QuizgameError as error:
            self.console.say(f"That name cannot be used: {error}")
            return None

    # -- quizzes ---------------------------------------------------------------------------

    def _list(self, player: str) -> None:
        try:
            standings = self.standings(player)
        except QuizgameError as error:
            standings = PlayerStandings({}, (str(error),))
        lines = ["Quizzes:" if self.entries else "No quiz files found."]
        for number, entry in enumerate(self.entries, start=1):
            lines.append(f"  {number}. {self._entry_text(entry, standings)}")
        lines += [f"Skipped: {problem}" for problem in standings.problems]
        self.console.say(*lines)

    @staticmethod
    def _entry_text(entry: QuizEntry, standings: PlayerStandings) -> str:
        if entry.quiz is None:
            return f"{entry.path.name} cannot be played: {entry.problems[0] if entry.problems else ''}"
        quiz = entry.quiz
        standing = standings.by_quiz.get(quiz.quiz.id, QuizStanding())
        best = (f"Best score: {wording.number(standing.best)}." if standing.best is not None
                else "Not played yet.")
        questions = wording.count(len(quiz.questions), "question")
        due = standing.due_text([question.id for question in quiz.questions])
        note = f" {entry.note}" if entry.note else ""
        return f"{quiz.quiz.title} (id {quiz.quiz.id}), {questions}. {best} {due}.{note}"

    def _entry(self, typed: str) -> QuizEntry | None:
        entries = self.entries
        if typed.isdecimal() and 1 <= int(typed) <= len(entries):
            return entries[int(typed) - 1]
        found = [entry for entry in entries if entry.quiz_id == typed]
        if found:
            return found[0]
        self.console.say(f"No quiz {typed!r}: type its number (1 to {len(entries)}) or its id.")
        return None

    def _mode(self, typed: str, mode: Mode) -> Mode:
        wanted = typed or self.console.ask(
            f"Mode (Enter keeps {mode}; {', '.join(MODES)})> ").strip().lower()
        for name in MODES:
            if wanted and name.startswith(wanted.lower()):
                mode = name
                break
        else:
            if wanted:
                self.console.say(f"No mode {wanted!r}: the modes are {', '.join(MODES)}.")
        self.console.say(f"Mode: {MODE_WORDS[mode]}.")
        return mode

    def _play(self, entry: QuizEntry, player: str, mode: Mode) -> None:
        if entry.quiz is None:
            self.console.say(f"{entry.path.name} cannot be played:", *entry.problems)
            return
        mode = self._mode("", mode)
        self.play(entry.quiz, player, mode)
        self.console.say("")
