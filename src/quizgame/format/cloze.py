"""The blanks of a cloze text: `{{...}}` inline, in a syntax that TOML leaves alone.

    text = "Colombia became a NATO {{global partner | partner}} in {{2018}}, the only one in
            {{[Latin America] | Africa | Asia}}."

- `{{a | b}}`: a text blank; any of the answers is accepted (the first is the one shown as right).
- `{{2018}}`, `{{3.14 ± 0.01}}` (or `+-`): a number blank, right within the tolerance.
- `{{[right] | wrong | wrong}}`: a choice blank; the option in square brackets is the right one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MAX_BLANKS = 10
_BLANK = re.compile(r"\{\{(.*?)\}\}", re.S)
_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:(?:±|\+-|\+/-)\s*(\d+(?:\.\d+)?))?\s*$")


@dataclass(frozen=True, slots=True)
class Blank:
    """One blank: what kind, and what is right in it."""

    kind: Literal["text", "number", "choice"]
    answers: tuple[str, ...] = ()
    """text: the accepted answers; choice: the one right option."""
    number: float = 0.0
    tolerance: float = 0.0
    choices: tuple[str, ...] = ()

    @property
    def shown_answer(self) -> str:
        """The right answer as shown after answering and in answer keys."""
        if self.kind == "number":
            text = _number_text(self.number)
            return f"{text} (± {_number_text(self.tolerance)})" if self.tolerance else text
        return self.answers[0]


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def blank_of(inner: str, number: int) -> Blank:
    """The blank written `{{inner}}` (the `number`th, for messages); ValueError when unreadable."""
    shown = f"blank {number} {{{{{inner}}}}}"
    parts = [part.strip() for part in inner.split("|")]
    if not any(parts):
        raise ValueError(f"{shown} is empty: write the answer between the braces")
    if "" in parts:
        raise ValueError(f"{shown} has an empty answer between '|' signs")
    marked = [part for part in parts if part.startswith("[") and part.endswith("]")]
    if marked:
        if len(marked) > 1:
            raise ValueError(f"{shown} marks {len(marked)} options right: put only the right one in [ ]")
        if len(parts) < 2:
            raise ValueError(f"{shown} is a choice with one option: add the wrong ones after '|'")
        options = tuple(part[1:-1].strip() if part in marked else part for part in parts)
        if len(set(options)) < len(options):
            raise ValueError(f"{shown} lists an option twice")
        return Blank("choice", answers=(marked[0][1:-1].strip(),), choices=options)
    if len(parts) == 1 and (match := _NUMBER.match(parts[0])):
        return Blank("number", number=float(match[1]), tolerance=float(match[2] or 0))
    return Blank("text", answers=tuple(parts))


def split_text(text: str) -> tuple[list[str], list[Blank]]:
    """The text around the blanks (one piece more than blanks) and the blanks; ValueError with a
    message in the checker's words when the text has no blank, too many, or one unreadable."""
    pieces = _BLANK.split(text)
    words, inners = pieces[0::2], pieces[1::2]
    for piece in words:
        if "{{" in piece or "}}" in piece:
            raise ValueError("a '{{' without its '}}' (or the other way round): each blank is "
                             "written {{answer}}")
    if not inners:
        raise ValueError("has no blank: write each blank as {{answer}} in the text")
    if len(inners) > MAX_BLANKS:
        raise ValueError(f"has {len(inners)} blanks, at most {MAX_BLANKS} allowed")
    return words, [blank_of(inner, number) for number, inner in enumerate(inners, start=1)]


def with_gaps(pieces: list[str], gap: str = "___({n})___") -> str:
    """The text with each blank shown as `gap` (its `{n}` is the blank's number from 1)."""
    out = [pieces[0]]
    for number, piece in enumerate(pieces[1:], start=1):
        out += [gap.format(n=number), piece]
    return "".join(out)
