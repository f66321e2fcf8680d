"""Card files of format 2: one quiz's cards, appended to review by review.

    format = 2
    quiz_id = "capitals"

    [[cards]]                     the card as one review left it (the fields of CardState)
    question_id = "q3"
    ...

    [[saved]]                     the commit marker of that review (logfile.py)
    cards = 1                     how many [[cards]] tables this save wrote
    checksum = "..."

A review appends its card and a marker: the last `[[cards]]` table of a question is its card.
Taking back a question's first review (undo) appends a marker alone, with `removed = ["q3"]`:
no card. So a review costs the same with 10 cards or 10,000, and a write cut short is left out
(the card as it was before that review). When the file holds more than twice as many tables as
cards (`_BLOATED`), the next review writes it anew, atomically, one table per card.

`CardCache` keeps a file's cards as this process last read or wrote them, with how the file looked
then: under the player's lock, a review reads only what other processes appended since (their
reviews are built on, never overwritten), and a file replaced meanwhile (compacted, edited) is
read again whole. Files of format 1 (the whole card file rewritten per review) are read as one
block and written anew in format 2 by their next review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgame.engine.records import CardState
from quizgame.store.documents import dump_table, read_table, unreadable, validate
from quizgame.store.files import file_error, read_bytes, write_atomic
from quizgame.store.logfile import (
    MARKER,
    Committed,
    Stamp,
    append,
    committed,
    hasher,
    marker_block,
    table_block,
)
from quizgame.store.models import CARDS

KIND = b"cards"
_MARKER_KEYS = frozenset({"cards", "removed", "checksum"})
# A file of more tables than this times its cards (and a few) is rewritten by its next review.
_BLOATED = 2
_SLACK = 64
# Card files grow with a quiz: a 100,000-question bank's cards take about 35 MB.
MAX_CARDS_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class CardCache:
    """A card file as this process last read or wrote it (`stamp`: how the file looked then;
    `digest`: the running hash of its committed bytes, None for a format-1 file)."""

    quiz_id: str
    cards: dict[str, CardState] = field(default_factory=dict)
    tables: int = 0  # [[cards]] tables in the file
    digest: Any = None
    stamp: Stamp | None = None


def read_cards(path: Path, cache: CardCache | None = None) -> CardCache:
    """The card file's cards: `cache` brought up to date with what was appended since, or the
    whole file read (`SaveError` naming it when it cannot be read)."""
    stamp = Stamp.of(path)
    if stamp is not None and cache is not None and cache.stamp is not None and (
        cache.digest is not None and stamp.inode == cache.stamp.inode
        and stamp.size >= cache.stamp.size
    ):
        if stamp == cache.stamp:
            return cache
        log = committed(_read_from(path, cache.stamp.size), KIND, cache.digest)
        if log.intact:  # reviews that other processes appended
            cards, tables = _applied(path, dict(cache.cards), _table(path, log, head=False))
            return CardCache(cache.quiz_id, cards, cache.tables + tables, log.digest,
                             Stamp(stamp.inode, cache.stamp.size + len(log.raw), stamp.mtime_ns))
    return _read_whole(path)


def write_card(path: Path, cache: CardCache, question_id: str, card: CardState | None) -> CardCache:
    """Store one card's state (None: no card) by appending to the file `cache` is up to date
    with, or by writing the whole file when it is new, of format 1 or bloated."""
    cards = dict(cache.cards)
    if card is None:
        if cards.pop(question_id, None) is None:
            return cache
    else:
        cards[question_id] = card
    if cache.digest is None or cache.stamp is None or (
        cache.tables + 1 > _BLOATED * len(cards) + _SLACK
    ):
        return write_all_cards(path, cache.quiz_id, cards)
    digest = cache.digest.copy()
    body = b"" if card is None else ("\n" + table_block("cards", _dumped(card))).encode("utf-8")
    digest.update(body)
    marker: dict[str, Any] = {"cards": 0} if card is None else {"cards": 1}
    if card is None:
        marker["removed"] = [question_id]
    stamp = append(path, body + marker_block(marker, digest), at=cache.stamp.size)
    return CardCache(cache.quiz_id, cards, cache.tables + (card is not None), digest, stamp)


def write_all_cards(path: Path, quiz_id: str, cards: dict[str, CardState]) -> CardCache:
    """Write the whole card file, one table per card, atomically."""
    digest = hasher(KIND)
    body = dump_table({"quiz_id": quiz_id}) + "".join(
        "\n" + table_block("cards", _dumped(card)) for card in cards.values()
    ).encode("utf-8")
    digest.update(body)
    write_atomic(path, body + marker_block({"cards": len(cards)}, digest))
    return CardCache(quiz_id, cards, len(cards), digest, Stamp.of(path))


def _read_whole(path: Path) -> CardCache:
    stamp = Stamp.of(path)
    log = committed(read_bytes(path, MAX_CARDS_BYTES), KIND)
    table = _table(path, log, head=True)
    quiz_id = validate(path, CARDS, {"quiz_id": table.get("quiz_id")}).quiz_id
    cards, tables = _applied(path, {}, table)
    if not log.marked or stamp is None:  # format 1: rewritten whole by its next review
        return CardCache(quiz_id, cards, tables)
    return CardCache(quiz_id, cards, tables, log.digest,
                     Stamp(stamp.inode, len(log.raw), stamp.mtime_ns))


def _table(path: Path, log: Committed, *, head: bool) -> dict[str, Any]:
    """The TOML table of a whole card file (`head`) or of blocks appended to one."""
    return read_table(path, CARDS, log.raw if head else dump_table({}) + log.raw)


def _applied(
    path: Path, cards: dict[str, CardState], table: dict[str, Any]
) -> tuple[dict[str, CardState], int]:
    """`cards` with the file's (or tail's) tables applied in order, and how many tables it had."""
    written = table.pop("cards", [])
    markers = table.pop(MARKER, None)
    if markers is None:  # format 1: the cards, one table each
        markers = [{"cards": len(written) if isinstance(written, list) else 0}]
    table.setdefault("quiz_id", "")
    document = validate(path, CARDS, {**table, "cards": written})
    used = 0
    for number, marker in enumerate(markers, 1):
        if not _valid_marker(marker, len(written) - used):
            raise unreadable(path, f"is not a valid card file: [[saved]] table {number} does not "
                             "match the [[cards]] tables before it")
        for question_id in marker.get("removed", []):
            cards.pop(question_id, None)
        for card in document.cards[used : used + marker["cards"]]:
            cards[card.question_id] = card
        used += marker["cards"]
    if used != len(written):
        raise unreadable(path, "is not a valid card file: a [[cards]] table after the last "
                         "[[saved]] table")
    return cards, len(written)


def _valid_marker(marker: object, left: int) -> bool:
    if not isinstance(marker, dict) or set(marker) - _MARKER_KEYS:
        return False
    count, removed = marker.get("cards"), marker.get("removed", [])
    return type(count) is int and 0 <= count <= left and isinstance(removed, list) and all(
        isinstance(item, str) for item in removed
    )


def _dumped(card: CardState) -> dict[str, Any]:
    return card.model_dump(exclude_none=True)


def _read_from(path: Path, offset: int) -> bytes:
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            return stream.read(MAX_CARDS_BYTES)
    except OSError as error:
        raise file_error(path, "read", error) from error
