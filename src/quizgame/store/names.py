"""Player names and the file names derived from them (and from quiz and session ids).

A display name is any Unicode text, trimmed, 1-40 characters (code points), without control
characters, and without the invisible (default-ignorable) characters that would let two names
look alike: those are removed as the name is read (store/lookalike.py). Two names are the same
player when they are equal after NFKC normalisation, case
folding and collapsing of whitespace ("Ana", " ana ", "ＡＮＡ" are one player; "Zoë" and "Zoe" are
two). The player's folder name, the *player key*, is a short ASCII slug of the name plus a hash of
the normalised name: `zoe-3f2a91c07b`. It matches `[a-z0-9]+(-[a-z0-9]+)*`, so it is never empty,
`.` or `..`, never absolute, never contains a separator and is never a Windows device name; it is
at most 35 characters. The key is derived the same way on every machine, so saves folders
collected from several machines can be merged by key.

Changing anything in `player_key` orphans existing saves: `tests/test_store_names.py` pins it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from quizgame.errors import PlayerNameError, SaveError
from quizgame.slugs import slug

MAX_NAME_LENGTH = 40
KEY_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SLUG_LENGTH = 24
_HASH_LENGTH = 10

# Categories that are never part of a name: C0/C1 controls, lone surrogates (not encodable as
# UTF-8), and line/paragraph separators (a name is shown on one line).
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
# Bidirectional embeddings, overrides and isolates can make a name display as another one on a
# leaderboard. Marks (LRM, RLM, ALM) and joiners (ZWJ in emoji) are allowed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt): code points that
# draw nothing. Python's unicodedata does not expose it.
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# Ignorables a name keeps: joiners and variation selectors build emoji ("👩‍👩‍👧") and some
# scripts' spellings. They still count as nothing when names are compared for look-alikes.
IGNORABLE_KEPT = frozenset("\u200c\u200d" + "".join(map(chr, range(0xFE00, 0xFE10))))

# Ids become file stems; Windows refuses these stems whatever the extension.
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)
_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")


def display_name(name: str) -> str:
    """The trimmed display name, or `PlayerNameError` saying what is wrong with it."""
    if not isinstance(name, str):
        raise PlayerNameError(f"a player name must be text, not {type(name).__name__}")
    trimmed = without_ignorables(name).strip()
    if not trimmed:
        raise PlayerNameError("a player name cannot be empty")
    if len(trimmed) > MAX_NAME_LENGTH:
        raise PlayerNameError(
            f"a player name has at most {MAX_NAME_LENGTH} characters; this one has {len(trimmed)}"
        )
    for position, char in enumerate(trimmed, start=1):
        if unicodedata.category(char) in _FORBIDDEN_CATEGORIES or char in _BIDI_CONTROLS:
            raise PlayerNameError(
                f"a player name cannot contain control characters "
                f"(U+{ord(char):04X} at position {position})"
            )
    return trimmed


def is_default_ignorable(char: str) -> bool:
    """Whether the character draws nothing (Unicode's Default_Ignorable_Code_Point)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _DEFAULT_IGNORABLE)


def without_ignorables(name: str) -> str:
    """`name` without the default-ignorable characters a name does not keep (bidirectional
    controls stay, for `display_name` to refuse: removing them would change the display)."""
    if name.isascii():
        return name
    return "".join(
        c for c in name
        if c in IGNORABLE_KEPT or c in _BIDI_CONTROLS or not is_default_ignorable(c)
    )


def normalised_name(name: str) -> str:
    """The form under which two display names are the same player (after `display_name`)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def player_key(name: str) -> str:
    """The player's folder name (validates the name first; see the module docstring)."""
    normal = normalised_name(display_name(name))
    digest = hashlib.sha256(normal.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{slug(normal, _SLUG_LENGTH, 'player')}-{digest}"


def is_player_key(text: str) -> bool:
    """Whether a folder name has the shape of a player key."""
    return KEY_PATTERN.fullmatch(text) is not None


def file_stem(identifier: str, what: str) -> str:
    """The file stem for a quiz or session id: the id itself, `_`-prefixed if Windows reserves it.

    Valid ids start with a letter or digit, so an escaped stem never collides with another id.
    Anything else (separators, dots, spaces, too long) is a `SaveError`: ids come from quiz files
    and the engine, and a file name must never be able to leave its folder.
    """
    if not _ID_PATTERN.fullmatch(identifier):
        raise SaveError(
            f"cannot save: {what} id {identifier!r} is not usable as a file name "
            "(letters, digits, '-' and '_', at most 128, starting with a letter or digit)"
        )
    return f"_{identifier}" if identifier.lower() in _WINDOWS_DEVICES else identifier
