"""What a front-end draws of a question: `Shown`, plain data and nothing of the quiz models.

`PresentedQuestion.shown` makes one from a question as the engine presents it; the Textual
question screen and its answer widgets draw only this. Because it holds plain values it can be
written to a file and read back without pydantic, which is how a game's first question is drawn
before the quiz models have loaded (engine/openings.py).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from quizgame.safe_text import control_characters


class Shown(NamedTuple):
    """One question as drawn: its words, its options in the order shown and its time limit.

    `options` and `lefts` are the presented question's (`PresentedQuestion`). `unit` is a typed
    number's or estimate's; `scale` an estimate's (min, max); `cloze_text` a cloze's text with
    its blanks written inline (read with `format.cloze.split_text`).
    A NamedTuple, not a dataclass: making a dataclass costs every start a millisecond or two, on
    the way to the game's first frame.
    """

    question_id: str
    type: str
    prompt: str
    number: int
    total: int
    options: tuple[str, ...] = ()
    lefts: tuple[str, ...] = ()
    time_limit: int = 0
    has_hint: bool = False
    unit: str | None = None
    scale: tuple[float, float] | None = None
    cloze_text: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The fields as JSON values (tuples as lists)."""
        return self._asdict()

    @classmethod
    def from_json(cls, data: object) -> Shown:
        """Read back what `to_json` wrote; ValueError for anything else (a file is input)."""
        if not isinstance(data, dict) or set(data) != set(cls._fields):
            raise ValueError("not a shown question")
        scale = data["scale"]
        if scale is not None:
            if not (isinstance(scale, list) and len(scale) == 2
                    and all(_is_number(value) for value in scale)):
                raise ValueError("scale")
            scale = (float(scale[0]), float(scale[1]))
        return cls(
            question_id=_text(data["question_id"]),
            type=_text(data["type"]),
            prompt=_text(data["prompt"]),
            number=_whole(data["number"]),
            total=_whole(data["total"]),
            options=_texts(data["options"]),
            lefts=_texts(data["lefts"]),
            time_limit=_whole(data["time_limit"]),
            has_hint=_flag(data["has_hint"]),
            unit=None if data["unit"] is None else _text(data["unit"]),
            scale=scale,
            cloze_text=None if data["cloze_text"] is None else _text(data["cloze_text"]),
        )


def _text(value: object) -> str:
    # A loaded quiz holds no control character (the loader makes each one visible): one here
    # is in a file we did not write, refused rather than shown.
    if not isinstance(value, str) or control_characters(value):
        raise ValueError("text")
    return value


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError("texts")
    return tuple(_text(item) for item in value)


def _whole(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("whole number")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("flag")
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
