"""One player's saves: the `PlayerStore` the engine writes to, and what history and reports read.

    <saves>/<player key>/
        player.toml             PlayerProfile: display name, created_at, accommodations, theme
        sessions/<id>.toml      one SessionRecord per game, appended to after every answer
        cards/<quiz id>.toml    CardsFile: card states of one quiz, appended to per review
        .lock                   the OS lock serialising read-modify-writes of this player

Saving an answer appends to that game's session file only (session_log.py); a review appends
one card to that quiz's card file (card_log.py), under the lock, built on the card as it is on
disk then. A file that cannot be read is never written over: the call raises `SaveError`
naming it. Reading methods take an optional `problems` list: without it the first unreadable
file raises, with it each one is reported there and skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

from quizgame.engine.accommodations import Accommodations
from quizgame.engine.records import CardState, SessionRecord
from quizgame.errors import SaveError
from quizgame.store.card_log import CardCache, read_cards, write_card
from quizgame.store.documents import load, report, save
from quizgame.store.files import (
    check_inside,
    check_writable,
    player_lock,
    read_bytes,
    toml_files,
)
from quizgame.store.logfile import Stamp
from quizgame.store.models import PLAYER, SessionSummary
from quizgame.store.names import file_stem, normalised_name
from quizgame.store.sessions import (
    SessionLog,
    append_session,
    read_record,
    read_summary,
    write_session,
)
from quizgame.store.tuned import load_tuned

PLAYER_FILE = "player.toml"
SESSIONS_DIR = "sessions"
CARDS_DIR = "cards"

Session = TypeVar("Session", SessionRecord, SessionSummary)


@dataclass(frozen=True, slots=True)
class PlayerInfo:
    """A player found in a saves folder."""

    name: str
    key: str
    created_at: datetime
    path: Path


class PlayerSaves:
    """The saves of one player (implements `quizgame.engine.ports.PlayerStore`).

    Get one from `SavesFolder.player(name)`. Several instances, in several processes, may write
    as the same player at once: session files are unique per game and cards merge under a lock.
    """

    def __init__(self, info: PlayerInfo) -> None:
        self.info = info
        # Session file name -> what this object last wrote there (session_log.SessionLog): the
        # next save of that game appends to it; a file that changed behind our back is checked
        # before being replaced.
        self._written: dict[str, SessionLog] = {}
        # Card file name -> its cards as last read or written (card_log.CardCache).
        self._cards: dict[str, CardCache] = {}

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def key(self) -> str:
        return self.info.key

    @property
    def path(self) -> Path:
        return self.info.path

    # -- the profile ------------------------------------------------------------------------

    def accommodations(self) -> Accommodations:
        """The accommodations in the player's profile (none in a profile older than them)."""
        return Accommodations.parse(load(self.path / PLAYER_FILE, PLAYER).accommodations or ())

    def set_accommodations(self, accommodations: Accommodations) -> None:
        """Write the player's accommodations into their profile, under the player's lock."""
        self._update_profile(accommodations=accommodations.words or None)

    def theme(self) -> str | None:
        """The name of the theme the player chose (None: none chosen, or a profile older than
        themes); the front-end checks that it still exists."""
        return load(self.path / PLAYER_FILE, PLAYER).theme

    def set_theme(self, theme: str | None) -> None:
        """Keep `theme` as the player's own (None forgets it), under the player's lock."""
        self._update_profile(theme=theme)

    def _update_profile(self, **changes: object) -> None:
        path = check_inside(self.path / PLAYER_FILE, self.path.parent)
        with player_lock(self.path):
            profile = load(path, PLAYER)
            # Validated as a new profile would be: a theme name is checked like a typed one.
            save(path, PLAYER.model.model_validate({**profile.model_dump(), **changes}))

    # -- sessions ---------------------------------------------------------------------------

    def check_writable(self) -> None:
        """`SaveError` now when no answer could be saved (read-only or full disk, a link out
        of the saves folder)."""
        folder = self.path / SESSIONS_DIR
        check_inside(folder / "probe", self.path.parent)
        check_writable(folder)

    def save_session(self, record: SessionRecord) -> None:
        """Save the session (durable when it returns): what changed since this object last saved
        it is appended to its file; the first save of a game in this process, or a change that
        cannot be appended, writes the whole file atomically."""
        if normalised_name(record.player) != normalised_name(self.name):
            raise ValueError(f"session of {record.player!r} given to the saves of {self.name!r}")
        path = check_inside(self._session_path(record.id), self.path.parent)
        log = self._written.pop(path.name, None)
        appended = None if log is None else append_session(path, log, record)
        if appended is None:
            self._check_replaceable(path, log)
            appended = write_session(path, record)
        self._written[path.name] = appended

    def sessions(
        self, quiz_id: str | None = None, problems: list[str] | None = None, *,
        checked: bool = False,
    ) -> list[SessionRecord]:
        """Sessions (of one quiz when given), oldest first, answers included. `checked` (the
        classroom) refuses files whose figures disagree with their answers (sessions.py)."""

        def read(path: Path) -> SessionRecord | None:
            raw = read_bytes(path)
            if quiz_id is not None and read_summary(path, raw).quiz_id != quiz_id:
                return None  # another quiz's game: no need to parse its answers
            return read_record(path, raw, checked=checked)

        return self._each_session(read, problems)

    def latest_session(
        self, quiz_id: str, mode: str, problems: list[str] | None = None, *,
        with_answers: bool = True,
    ) -> SessionRecord | None:
        """The latest game of this quiz in this mode (with answers, when `with_answers`), read
        whole; the others are only summarised (mistakes mode, continuing a game: fast with any
        history)."""
        candidates = [s for s in self.summaries(problems) if s.quiz_id == quiz_id and s.mode == mode]
        for summary in reversed(candidates):
            try:
                record = self.session(summary.id)
            except SaveError as error:
                report(problems, error)
                continue
            if record.answers or not with_answers:
                return record
        return None

    def session(self, session_id: str) -> SessionRecord:
        """One session by id, answers included (`SaveError` when missing or unreadable)."""
        path = self._session_path(session_id)
        record = read_record(path)
        self._check_owner(path, record.player)
        return record

    def summaries(
        self, problems: list[str] | None = None, *, checked: bool = False
    ) -> list[SessionSummary]:
        """Every session without its answers, oldest first (fast: see sessions.py)."""
        return self._each_session(partial(read_summary, checked=checked), problems)

    def summary(self, path: Path) -> SessionSummary:
        """The checked summary of one of this player's session files (summary_index.py)."""
        summary = read_summary(path, checked=True)
        self._check_owner(path, summary.player)
        return summary

    def _session_path(self, session_id: str) -> Path:
        return self.path / SESSIONS_DIR / f"{file_stem(session_id, 'session')}.toml"

    def _each_session(
        self, read: Callable[[Path], Session | None], problems: list[str] | None
    ) -> list[Session]:
        """What `read` makes of each session file (None: skip it), oldest first."""
        try:
            paths = toml_files(self.path / SESSIONS_DIR)
        except SaveError as error:  # the folder itself cannot be listed
            report(problems, error)
            return []
        found = []
        for path in paths:
            try:
                item = read(path)
                if item is not None:
                    self._check_owner(path, item.player)
            except SaveError as error:
                report(problems, error)
                continue
            if item is not None:
                found.append(item)
        return sorted(found, key=lambda item: (item.started_at, item.id))

    def _check_owner(self, path: Path, player: str) -> None:
        """A session file naming another player (copied into this folder) is not this player's."""
        if normalised_name(player) != normalised_name(self.name):
            raise SaveError(
                f"{path}: is a game of player {player!r}, not of {self.name!r} whose folder it "
                "is in (copied by hand?); skipped (the file was left as it is)"
            )

    @staticmethod
    def _check_replaceable(path: Path, log: SessionLog | None) -> None:
        """Refuse to replace a session file that changed since we wrote it and is unreadable."""
        if not path.exists() or log is not None and Stamp.of(path) == log.stamp:
            return
        read_record(path, read_bytes(path))

    # -- cards ------------------------------------------------------------------------------

    def load_cards(self, quiz_id: str) -> dict[str, CardState]:
        """Card states of one quiz by question id (empty when never practised)."""
        path = self._cards_path(quiz_id)
        if not path.exists():
            return {}
        return dict(self._cards_of(path).cards)

    def save_card(self, quiz_id: str, card: CardState) -> None:
        """Store one card's new state, leaving the quiz's other cards as they are on disk."""
        self.restore_card(quiz_id, card.question_id, card)

    def restore_card(self, quiz_id: str, question_id: str, card: CardState | None) -> None:
        """Store one card's state, or remove the card when None (an undone first review)."""
        self._change_card(quiz_id, question_id, lambda _stored: card)

    def update_card(
        self, quiz_id: str, question_id: str, change: Callable[[CardState | None], CardState]
    ) -> CardState:
        """Under the lock: read the quiz's cards, replace this one by `change(it as stored, or
        None)` and write them back. A review made by another game since this one last read the
        card is in `it`, so `change` builds on it instead of overwriting it."""
        card = self._change_card(quiz_id, question_id, change)
        assert card is not None
        return card

    def _change_card(
        self, quiz_id: str, question_id: str,
        change: Callable[[CardState | None], CardState | None],
    ) -> CardState | None:
        """The one read-modify-write of a card file: under the player's lock, `change` maps the
        stored card (or None) to its new state (None: no card)."""
        path = check_inside(self._cards_path(quiz_id), self.path.parent)
        with player_lock(self.path):
            cache = self._cards_of(path) if path.exists() else CardCache(quiz_id)
            card = change(cache.cards.get(question_id))
            self._cards.pop(path.name, None)  # should the write fail, read the file again
            self._cards[path.name] = write_card(path, cache, question_id, card)
        return card

    def fsrs_parameters(self, quiz_id: str) -> list[float] | None:
        """The FSRS parameters `quizgame tune` adopted for this quiz in this saves folder (the
        player's own when fitted), or None for the defaults (see tuned.py)."""
        tuned = load_tuned(self.path.parent, quiz_id)
        return None if tuned is None else tuned.parameters_for(self.key)

    def all_cards(self, problems: list[str] | None = None) -> dict[str, dict[str, CardState]]:
        """Card states of every practised quiz: quiz id -> question id -> card."""
        found = {}
        for path in toml_files(self.path / CARDS_DIR):
            try:
                cache = self._cards_of(path)
            except SaveError as error:
                report(problems, error)
                continue
            found[cache.quiz_id] = dict(cache.cards)
        return found

    def _cards_path(self, quiz_id: str) -> Path:
        return self.path / CARDS_DIR / f"{file_stem(quiz_id, 'quiz')}.toml"

    def _cards_of(self, path: Path) -> CardCache:
        """The card file's cards, as up to date as the file (card_log.read_cards)."""
        cache = read_cards(path, self._cards.get(path.name))
        if path != self._cards_path(cache.quiz_id):
            raise SaveError(
                f"{path}: holds the cards of quiz {cache.quiz_id!r}, whose file is "
                f"{self._cards_path(cache.quiz_id).name} (the file was left as it is)"
            )
        self._cards[path.name] = cache
        return cache
