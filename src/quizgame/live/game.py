"""LiveGame: the state machine of a class game, and the only place that decides anything.

    lobby -> question(1) -> reveal(1) -> standings -> question(2) -> ... -> podium

Every change is an *entry* (a small JSON-ready dict) applied by `_apply` and handed to the hub
to journal; `LiveGame.replay` applies a journal's entries again, so a killed hub comes back with
the same players, answers and question. Time comes from the caller: `now` (UTC) for the records
and `mono` (seconds, monotonic) for elapsed times, stamped when the hub receives an answer.
Methods return `Send`s: (player id or `HOST`, message); the hub delivers them once their entries
are durable. The projector (`HOST`) gets what every player gets, without anyone's own line.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

from quizgame.engine.accommodations import (
    MORE_TIME_SECONDS,
    NONE,
    Accommodations,
    warning_seconds,
)
from quizgame.engine.answers import answer_record, not_seen_record
from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders import Grade
from quizgame.engine.grading import Marking, grade, parse_response, present
from quizgame.engine.presentation import PresentedQuestion, ordered_questions
from quizgame.engine.records import SessionRecord
from quizgame.errors import PlayerNameError
from quizgame.format.models import Question, Quiz
from quizgame.live import views
from quizgame.live.names import clean_name, same_name
from quizgame.live.players import LivePlayer, new_rejoin_code, new_token, token_hash
from quizgame.live.protocol import VERSION, error, question_message
from quizgame.live.timing import QuestionClock

HOST = "@host"
Send = tuple[str, dict[str, Any]]
Phase = Literal["lobby", "question", "reveal", "standings", "podium"]
Pace = Literal["teacher", "auto", "all"]
TEAM_NAMES = ("Red", "Blue", "Green", "Yellow", "Purple", "Orange", "Teal", "Pink")


class Refused(Exception):
    """A join, rejoin, answer or command the game turns down; `code` and `message` say why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Settings:
    """How the teacher runs the game (journaled: `--resume` keeps them)."""

    pace: Pace = "teacher"
    grace_s: float = 60.0
    teams: int = 0
    roster: tuple[str, ...] = ()
    auto_delay_s: float = 6.0
    accommodations: dict[str, list[str]] = field(default_factory=dict)
    """Roster name -> the accommodation words on its line (docs/accommodations.md)."""
    wait_for_more_time: bool = True
    """Whether a question stays open for players with more time (their accommodation, the
    more-time key); without it everyone has the class's time (WCAG's real-time exception)."""
    more_time_key: bool = True
    """Whether players may add 30 s with the more-time key (only while the class waits)."""


@dataclass
class LiveGame:
    """One hosted game of one quiz (see the module docstring)."""

    quiz: Quiz
    game_id: str
    code: str
    seed: int
    settings: Settings = field(default_factory=Settings)
    phase: Phase = "lobby"
    index: int = -1
    locked: bool = False
    players: dict[str, LivePlayer] = field(default_factory=dict)
    journal_out: list[dict[str, Any]] = field(default_factory=list)
    clock: QuestionClock | None = None
    profile: Callable[[str], Accommodations] = field(default=lambda _name: NONE, repr=False)
    """A player's own accommodations by name (the hub reads their profile in its saves)."""

    def __post_init__(self) -> None:
        self.order: list[Question] = ordered_questions(
            self.quiz.questions, seed=self.seed, shuffle=self.quiz.quiz.shuffle)
        self._by_token: dict[str, LivePlayer] = {}
        self._waiting_told = 0  # how many players with more time the projector was told of
        self._marking = Marking.for_quiz(self.quiz)  # typed answers are read as in solo play

    # -- creating and replaying --------------------------------------------------------

    @classmethod
    def new(cls, quiz: Quiz, settings: Settings, now: datetime) -> LiveGame:
        game_id = f"{now:%Y%m%dT%H%M%SZ}-{quiz.quiz.id}-{secrets.token_hex(3)}"
        game = cls(quiz, game_id, f"{secrets.randbelow(10**6):06d}", secrets.randbelow(2**31),
                   settings)
        game.journal_out.append(game.header(now))
        return game

    def header(self, now: datetime) -> dict[str, Any]:
        return {"e": "game", "v": VERSION, "game_id": self.game_id, "quiz_id": self.quiz.quiz.id,
                "code": self.code, "seed": self.seed, "at": now.isoformat(),
                "settings": {**asdict(self.settings), "roster": list(self.settings.roster)}}

    @classmethod
    def replay(cls, quiz: Quiz, entries: list[dict[str, Any]], mono: float) -> LiveGame:
        """The game a journal describes, at the same question; its clock restarts at `mono`."""
        header = entries[0]
        settings = dict(header["settings"])
        settings["roster"] = tuple(settings.get("roster", ()))
        settings["accommodations"] = dict(settings.get("accommodations", {}))
        game = cls(quiz, header["game_id"], header["code"], header["seed"], Settings(**settings))
        for entry in entries[1:]:
            game._apply(entry, mono)
        return game

    # -- joining -------------------------------------------------------------------------

    def join(self, name: str, code: str, now: datetime, mono: float) -> tuple[str, list[Send]]:
        """Admit a new player: their id and the messages (the welcome carries their token)."""
        if code.strip() != self.code:
            raise Refused("wrong-code", "That is not this game's join code.")
        if self.locked:
            raise Refused("locked", "The game is locked: ask your teacher to let you in.")
        if self.phase == "podium":
            raise Refused("over", "This game is over.")
        try:
            shown = clean_name(name)
        except PlayerNameError as problem:
            raise Refused("bad-name", f"{str(problem).capitalize()}.") from None
        if self.settings.roster:
            listed = next((n for n in self.settings.roster if same_name(n, shown)), None)
            if listed is None:
                raise Refused("not-on-roster", "Pick your name from the class list.")
            shown = listed
        if any(same_name(player.name, shown) for player in self.players.values()):
            raise Refused("name-taken", f"{shown} is already playing: pick another name, or "
                          "rejoin with your rejoin code.")
        token = new_token()
        player_id = f"p{len(self.players) + 1}"
        entry = {"e": "join", "id": player_id, "name": shown, "token_hash": token_hash(token),
                 "rejoin": new_rejoin_code(), "seed": secrets.randbelow(2**31),
                 "session": f"{now:%Y%m%dT%H%M%SZ}-{self.quiz.quiz.id}-{secrets.token_hex(3)}",
                 "team": self._balanced_team(), "at": now.isoformat(),
                 "accommodations": self._accommodations_of(shown).words}
        sends = self._record(entry, mono)
        return player_id, sends + self.connect(player_id, mono, token=token)

    def roster_free(self, code: str) -> list[str]:
        """Roster names nobody has taken yet (for the join form)."""
        if code.strip() != self.code:
            raise Refused("wrong-code", "That is not this game's join code.")
        taken = [player.name for player in self.players.values()]
        return [name for name in self.settings.roster if not any(same_name(name, t) for t in taken)]

    def find_rejoin(self, *, token: str = "", name: str = "", rejoin: str = "",
                    code: str = "") -> LivePlayer:
        """The player a rejoin names (by token, or by name + rejoin code + join code)."""
        player = self._by_token.get(token_hash(token)) if token else None
        if player is None and name and rejoin and code.strip() == self.code:
            player = next((p for p in self.players.values()
                           if same_name(p.name, name) and p.rejoin == rejoin.strip().upper()), None)
        if player is None:
            raise Refused("unknown-player", "No such player in this game: check the rejoin code.")
        if player.kicked:
            raise Refused("kicked", "You were removed from this game.")
        return player

    def rejoin(self, player: LivePlayer, mono: float) -> list[Send]:
        """A player back within the grace period (or after it, with the teacher's OK)."""
        away = player.away_since
        late = away is not None and mono - away > self.settings.grace_s
        if late and not player.allowed_back and self.phase != "podium":
            return [(HOST, {"type": "rejoin_request", "name": player.name})]
        player.allowed_back = False
        return self.connect(player.id, mono)

    def connect(self, player_id: str, mono: float, *, token: str | None = None) -> list[Send]:
        """The player's connection is up: tell them where the game is."""
        player = self.players[player_id]
        player.connected, player.away_since = True, None
        welcome = {"type": "welcome", "v": VERSION, "token": token, "rejoin": player.rejoin,
                   "player": {"id": player.id, "name": player.name, "team": player.team},
                   "game": {"id": self.game_id, "title": self.quiz.quiz.title,
                            "questions": len(self.order), "pace": self.settings.pace}}
        sends: list[Send] = [(player_id, welcome), *self._host_lobby("joined", player)]
        if self.phase == "lobby":
            sends.append((player_id, self._lobby()))
        elif self.phase == "question":
            if self.index not in player.seen:
                sends += self._record({"e": "seen", "id": player_id, "index": self.index}, mono)
            sends.append((player_id, self._question_for(player, mono)))
        else:
            sends += self._phase_message_for(player)
        return sends

    def disconnect(self, player_id: str, mono: float) -> list[Send]:
        player = self.players.get(player_id)
        if player is None or not player.connected:
            return []
        player.connected, player.away_since = False, mono
        return self._host_lobby("left", player)

    # -- answering -----------------------------------------------------------------------

    def answer(self, player_id: str, number: int, raw: str, now: datetime,
               mono: float) -> list[Send]:
        """Take a player's one answer to the question on screen, stamped on the hub's clock."""
        player = self.players[player_id]
        if self.phase != "question" or number != self.index + 1 or self.clock is None:
            raise Refused("not-now", "That question is not open for answers.")
        if player.pending is not None:
            raise Refused("already-answered", "You already answered this question.")
        if self.clock.paused_at is not None:
            raise Refused("paused", "The game is paused.")
        if self.clock.remaining_for(player, mono) == 0:
            raise Refused("too-late", "Time is up for this question.")
        shown = self._shown(player, self.index)
        try:
            parse_response(shown, raw)
        except AnswerFormatError as problem:
            raise Refused("bad-answer", str(problem)) from None
        entry = {"e": "answer", "id": player_id, "index": self.index, "raw": raw,
                 "elapsed_ms": self.clock.elapsed_ms(mono),
                 "time_limit": self._scoring_limit(), "at": now.isoformat()}
        sends = self._record(entry, mono)
        sends.append((player_id, {"type": "ack", "number": number,
                                  "elapsed_ms": entry["elapsed_ms"]}))
        sends.append((HOST, self._count()))
        if self._everyone_answered():
            sends += self.reveal(now, mono)
        return sends

    def more_time(self, player_id: str, number: int, mono: float) -> list[Send]:
        """The player's more-time key: 30 s more on their own deadline (WCAG 2.2.1)."""
        player = self.players[player_id]
        if self.phase != "question" or number != self.index + 1 or self.clock is None:
            raise Refused("not-now", "That question is not open for answers.")
        if not self._more_time_allowed():
            raise Refused("no-more-time", "Your teacher turned more time off for this game.")
        if player.pending is not None:
            raise Refused("already-answered", "You already answered this question.")
        if not self.clock.can_have_more_time(player, mono):
            raise Refused("no-more-time", "No more time can be added to this question.")
        sends = self._record({"e": "more_time", "id": player_id, "index": self.index}, mono)
        return sends + [(player_id, self._time_for(player, mono))]

    # -- the teacher's controls ------------------------------------------------------------

    def start(self, now: datetime, mono: float) -> list[Send]:
        if self.phase != "lobby":
            raise Refused("not-now", "The game has already started.")
        return self._next_question(now, mono)

    def next(self, now: datetime, mono: float) -> list[Send]:
        """One step on: question -> reveal -> standings -> next question (or podium)."""
        match self.phase:
            case "lobby":
                return self.start(now, mono)
            case "question":
                return self.reveal(now, mono)
            case "reveal":
                return self._record({"e": "standings"}, mono)
            case "standings":
                return self._next_question(now, mono)
        raise Refused("not-now", "The game is over.")

    def reveal(self, now: datetime, mono: float) -> list[Send]:
        if self.phase != "question":
            raise Refused("not-now", "No question is open.")
        return self._record({"e": "reveal", "index": self.index, "at": now.isoformat()}, mono)

    def skip(self, now: datetime, mono: float) -> list[Send]:
        """Drop the question on screen: nobody is scored on it (saved as not seen)."""
        if self.phase != "question":
            raise Refused("not-now", "No question is open.")
        self._record({"e": "skip", "index": self.index, "at": now.isoformat()}, mono)
        return self._next_question(now, mono)

    def pause(self, mono: float) -> list[Send]:
        if self.phase != "question" or self.clock is None or self.clock.paused_at is not None:
            raise Refused("not-now", "No running question to pause.")
        self.clock.paused_at = mono
        return self._everyone({"type": "paused"})

    def resume(self, mono: float) -> list[Send]:
        if self.clock is None or self.clock.paused_at is None:
            raise Refused("not-now", "The game is not paused.")
        self.clock.paused_total += mono - self.clock.paused_at
        self.clock.paused_at = None
        return self._time_everyone(mono)

    def extend(self, seconds: int, mono: float) -> list[Send]:
        if self.phase != "question" or self.clock is None or self.clock.limit_s == 0:
            raise Refused("not-now", "No timed question is open.")
        self.clock.extra_s += seconds
        return self._time_everyone(mono)

    def _time_everyone(self, mono: float) -> list[Send]:
        """Everyone's time left: the class's on the projector, each player's own."""
        assert self.clock is not None
        host: Send = (HOST, {"type": "time", "remaining_ms": self.clock.remaining_ms(mono)})
        return [host] + [(p.id, self._time_for(p, mono)) for p in self.active if p.connected]

    def _time_for(self, player: LivePlayer, mono: float) -> dict[str, Any]:
        assert self.clock is not None
        return {"type": "time", "remaining_ms": self.clock.remaining_for(player, mono),
                "more_time": (self._more_time_allowed()
                              and self.clock.can_have_more_time(player, mono))}

    def lock(self, locked: bool, mono: float) -> list[Send]:
        sends = self._record({"e": "lock", "locked": locked}, mono)
        return sends + [(HOST, {"type": "lock", "locked": locked})]

    def kick(self, name: str, mono: float) -> list[Send]:
        player = self.named(name)
        sends = [(player.id, {"type": "kicked", "message": "Your teacher removed you."})]
        return sends + self._record({"e": "kick", "id": player.id}, mono)

    def allow(self, name: str) -> list[Send]:
        """The teacher's OK for a player back after the grace period."""
        self.named(name).allowed_back = True
        return [(HOST, {"type": "allowed", "name": name})]

    def assign_team(self, name: str, team: str, mono: float) -> list[Send]:
        player = self.named(name)
        return self._record({"e": "team", "id": player.id, "team": clean_name(team)}, mono)

    def end(self, now: datetime, mono: float) -> list[Send]:
        if self.phase == "podium":
            return []
        sends: list[Send] = []
        if self.phase == "question":
            sends += self.reveal(now, mono)
        return sends + self._record({"e": "end", "at": now.isoformat()}, mono)

    def tick(self, now: datetime, mono: float) -> list[Send]:
        """Time passing: reveal at the deadline (the last one of the players the class waits
        for); in auto pace, move on after a pause."""
        clock = self.clock
        if self.phase == "question" and clock is not None and clock.remaining_ms(mono) == 0:
            waiting = len(clock.still_answering([p for p in self.active if p.connected], mono))
            if not waiting:
                return self.reveal(now, mono)
            if waiting != self._waiting_told:
                self._waiting_told = waiting
                return [(HOST, {"type": "waiting", "players": waiting})]
            return []
        if (self.settings.pace == "auto" and self.phase in ("reveal", "standings")
                and clock is not None and mono - clock.phase_since >= self.settings.auto_delay_s):
            return self.next(now, mono)
        return []

    def named(self, name: str) -> LivePlayer:
        player = next((p for p in self.players.values()
                       if same_name(p.name, name) and not p.kicked), None)
        if player is None:
            raise Refused("unknown-player", f"No player called {name!r}.")
        return player

    # -- state for the front-ends ------------------------------------------------------------

    @property
    def active(self) -> list[LivePlayer]:
        return [player for player in self.players.values() if not player.kicked]

    def current_question(self) -> Question | None:
        return self.order[self.index] if 0 <= self.index < len(self.order) else None

    def records(self) -> list[SessionRecord]:
        """Every record worth saving: players who saw at least one question."""
        return [p.record for p in self.players.values()
                if any(not answer.not_seen for answer in p.record.answers)]

    # -- applying entries ----------------------------------------------------------------

    def _record(self, entry: dict[str, Any], mono: float) -> list[Send]:
        self.journal_out.append(entry)
        return self._apply(entry, mono)

    def _apply(self, entry: dict[str, Any], mono: float) -> list[Send]:
        kind = entry["e"]
        if kind == "join":
            return self._apply_join(entry)
        if kind == "seen":
            self.players[entry["id"]].seen.add(entry["index"])
        elif kind == "question":
            return self._apply_question(entry, mono)
        elif kind == "answer":
            self._apply_answer(entry)
        elif kind in ("reveal", "skip"):
            return self._apply_reveal(entry, mono, skipped=kind == "skip")
        elif kind == "standings":
            self._set_phase("standings", mono)
            return self._everyone_each(self._standings_for)
        elif kind == "more_time":
            self.players[entry["id"]].extra_s += MORE_TIME_SECONDS
        elif kind == "lock":
            self.locked = entry["locked"]
        elif kind == "kick":
            self.players[entry["id"]].kicked = True
            self.players[entry["id"]].connected = False
            return [(HOST, {"type": "kicked", "name": self.players[entry["id"]].name})]
        elif kind == "team":
            self.players[entry["id"]].team = entry["team"]
        elif kind == "end":
            return self._apply_end(entry, mono)
        return []

    def _apply_join(self, entry: dict[str, Any]) -> list[Send]:
        record = SessionRecord(
            id=entry["session"], quiz_id=self.quiz.quiz.id, quiz_title=self.quiz.quiz.title,
            player=entry["name"], mode="live", game_id=self.game_id, seed=entry["seed"],
            started_at=datetime.fromisoformat(entry["at"]), question_count=len(self.order),
            accommodations=entry.get("accommodations") or None)
        player = LivePlayer(entry["id"], entry["name"], entry["token_hash"], entry["rejoin"],
                            entry["team"], record, accommodations=record.accommodated)
        self.players[player.id] = player
        self._by_token[player.token_hash] = player
        # A late joiner never saw the questions already asked: saved as not seen, not wrong.
        at = datetime.fromisoformat(entry["at"])
        missed = self.index + (0 if self.phase == "question" else 1)
        for question in self.order[:max(0, missed)]:
            record.answers.append(not_seen_record(question, at))
        return []

    def _apply_question(self, entry: dict[str, Any], mono: float) -> list[Send]:
        self.index = entry["index"]
        question = self.order[self.index]
        limit = 0 if self.settings.pace == "all" else self.quiz.time_limit_for(question)
        self.clock = QuestionClock(started=mono, limit_s=limit, phase_since=mono)
        self.phase = "question"
        self._waiting_told = 0
        for player in self.players.values():
            player.pending = None
            player.extra_s = 0
        for player_id in entry["shown"]:
            self.players[player_id].seen.add(self.index)
        sends = [(HOST, self._host_question(mono))]
        for player in self.active:
            if player.connected:
                sends.append((player.id, self._question_for(player, mono)))
        return sends

    def _apply_answer(self, entry: dict[str, Any]) -> None:
        player = self.players[entry["id"]]
        question = self.order[entry["index"]]
        shown = self._shown(player, entry["index"])
        verdict = grade(question, parse_response(shown, entry["raw"]), self._marking)
        player.seen.add(entry["index"])
        player.pending = answer_record(
            question, self.quiz.quiz, verdict, elapsed_ms=entry["elapsed_ms"],
            time_limit=entry["time_limit"], timed_out=False, streak_before=player.streak,
            answered_at=datetime.fromisoformat(entry["at"]),
            accommodations=player.accommodations, extra_seconds=player.extra_s)

    def _apply_reveal(self, entry: dict[str, Any], mono: float, *, skipped: bool) -> list[Send]:
        index, at = entry["index"], datetime.fromisoformat(entry["at"])
        question = self.order[index]
        for player in self.players.values():
            if player.kicked or len(player.record.answers) > index:
                continue
            answer = player.pending
            if skipped or index not in player.seen:
                answer = not_seen_record(question, at)
            elif answer is None:
                own = self.clock.limit_for(player) if self.clock is not None else 0
                answer = answer_record(
                    question, self.quiz.quiz, Grade(False, 0.0),
                    elapsed_ms=own * 1000 or self._limit_ms(),
                    time_limit=self._scoring_limit(), timed_out=True,
                    streak_before=player.streak, answered_at=at,
                    accommodations=player.accommodations, extra_seconds=player.extra_s)
            if not answer.not_seen:
                player.streak = player.streak + 1 if answer.correct else 0
            player.record.answers.append(answer)
            player.record.score += answer.points
            player.pending = None
        if skipped:
            return [(HOST, {"type": "skipped", "number": index + 1})]
        self._set_phase("reveal", mono)
        return self._everyone_each(self._reveal_for)

    def _apply_end(self, entry: dict[str, Any], mono: float) -> list[Send]:
        at = datetime.fromisoformat(entry["at"])
        # A game the teacher ends early was a game of the questions asked: counting the quiz's
        # unasked questions would rank a perfect 2 of 2 at 3 % on the leaderboard.
        asked = self.index + 1
        for player in self.players.values():
            player.record.question_count = asked
            if not player.kicked:
                player.record.finished_at = at
        self._set_phase("podium", mono)
        return self._everyone_each(self._podium_for)

    # -- helpers -----------------------------------------------------------------------------

    def _next_question(self, now: datetime, mono: float) -> list[Send]:
        if self.index + 1 >= len(self.order):
            return self._record({"e": "end", "at": now.isoformat()}, mono)
        shown = [player.id for player in self.active if player.connected]
        return self._record({"e": "question", "index": self.index + 1, "shown": shown}, mono)

    def _set_phase(self, phase: Phase, mono: float) -> None:
        self.phase = phase
        if self.clock is not None:
            self.clock.phase_since = mono

    def _shown(self, player: LivePlayer, index: int) -> PresentedQuestion:
        return self._present(index, seed=player.record.seed,
                             shuffle=self.quiz.quiz.shuffle_choices)

    def _present(self, index: int, *, seed: int, shuffle: bool) -> PresentedQuestion:
        """Question `index` laid out by its grader (each player's seed: their own shuffle)."""
        return present(self.order[index], number=index + 1, total=len(self.order), seed=seed,
                       shuffle_choices=shuffle, time_limit=self._scoring_limit(),
                       language=self.quiz.quiz.language)

    def _limit_ms(self) -> int:
        return self._scoring_limit() * 1000

    def _scoring_limit(self) -> int:
        """Seconds the question on screen allows, extra time included (0 when untimed)."""
        if self.clock is None or self.clock.limit_s == 0:
            return 0
        return self.clock.limit_s + self.clock.extra_s

    def _everyone_answered(self) -> bool:
        present = [p for p in self.active if p.connected]
        return bool(present) and all(p.pending is not None for p in present)

    def _everyone(self, message: dict[str, Any]) -> list[Send]:
        return [(HOST, message)] + [(p.id, message) for p in self.active if p.connected]

    def _everyone_each(self, build: Any) -> list[Send]:
        """The host's message (`build(None)`) and each connected player's own."""
        return [(HOST, build(None))] + [(p.id, build(p)) for p in self.active if p.connected]

    def _phase_message_for(self, player: LivePlayer) -> list[Send]:
        build = {"reveal": self._reveal_for, "standings": self._standings_for,
                 "podium": self._podium_for}[self.phase]
        return [(player.id, build(player))]

    def _question_for(self, player: LivePlayer, mono: float) -> dict[str, Any]:
        assert self.clock is not None
        return {**question_message(self._shown(player, self.index),
                                   remaining_ms=self.clock.remaining_for(player, mono),
                                   answered=player.pending is not None),
                **self._time_for(player, mono), "type": "question",
                "time_limit": self.clock.limit_for(player),
                "warning_s": warning_seconds(self.clock.limit_for(player))}

    def _accommodations_of(self, name: str) -> Accommodations:
        """A joining player's accommodations: their profile's and their roster line's; without
        more time when the class does not wait for it."""
        listed = Accommodations.parse(self.settings.accommodations.get(name, ()))
        accommodations = self.profile(name).merged(listed)
        return accommodations if self.settings.wait_for_more_time else accommodations.but_timed()

    def _more_time_allowed(self) -> bool:
        return self.settings.more_time_key and self.settings.wait_for_more_time

    def _host_question(self, mono: float) -> dict[str, Any]:
        assert self.clock is not None
        shown = self._present(self.index, seed=self.seed, shuffle=False)  # the quiz's order
        return {**question_message(shown, remaining_ms=self.clock.remaining_ms(mono),
                                   answered=False), "players": self._count()["players"]}

    def _count(self) -> dict[str, Any]:
        return {"type": "count", "answered": sum(p.pending is not None for p in self.active),
                "players": sum(p.connected for p in self.active)}

    def _lobby(self) -> dict[str, Any]:
        return {"type": "lobby", "players": [p.name for p in self.active], "locked": self.locked}

    def _host_lobby(self, what: str, player: LivePlayer) -> list[Send]:
        return [(HOST, {"type": what, "name": player.name, "team": player.team,
                        "players": sum(p.connected for p in self.active)})]

    def _reveal_for(self, player: LivePlayer | None) -> dict[str, Any]:
        return views.reveal_message(self.order[self.index], self.index, len(self.order),
                                    self.active, player)

    def _standings_for(self, player: LivePlayer | None) -> dict[str, Any]:
        return views.standings_message(self.index + 1, len(self.order), self.active, player)

    def _podium_for(self, player: LivePlayer | None) -> dict[str, Any]:
        return views.podium_message(self.active, player)

    def _balanced_team(self) -> str | None:
        if self.settings.teams < 1:
            return None
        names = TEAM_NAMES[: self.settings.teams] if self.settings.teams <= len(TEAM_NAMES) \
            else tuple(f"Team {n}" for n in range(1, self.settings.teams + 1))
        sizes = {name: 0 for name in names}
        for player in self.active:
            if player.team in sizes:
                sizes[player.team] += 1
        return min(names, key=lambda name: sizes[name])


def refusal(problem: Refused) -> dict[str, Any]:
    return error(problem.code, problem.message)
