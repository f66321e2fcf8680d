"""Python's cyclic garbage collector paused while the game starts, and while a big structure is
built (`without_gc`: a quiz of 10,000 questions, a school's 200,000 game summaries).

Starting the game creates a few hundred thousand objects (modules, classes, pydantic's
schemas, Textual's styles) and hardly any garbage; every collection during the start walks
them again (~15% of the time to the first frame). `pause()` stops collecting from the command
line's first step; `resume()`, once the first frame is drawn (or when the start fails), moves
everything alive to the permanent generation (`gc.freeze()`: these objects live as long as the
process, and later collections no longer walk them) and collects again as usual.

Only the process's entry point pauses: `resume()` is a no-op unless `pause()` was called, so an
app made by a test never touches the collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class _State:
    paused = False


def pause() -> None:
    """Stop cyclic collection until `resume()` (nothing when it is already off)."""
    if gc.isenabled():
        gc.disable()
        _State.paused = True


def resume() -> None:
    """Collect again, the start-up's objects frozen, when `pause()` stopped collecting."""
    if _State.paused:
        _State.paused = False
        gc.freeze()
        gc.enable()


_PROMOTED_OVER = 20_000
"""Young objects left by a `without_gc` block beyond which they go straight to the oldest
generation (about a 1,500-question quiz)."""


@contextmanager
def without_gc() -> Iterator[None]:
    """No cyclic garbage collection in this block: building a big quiz, or a school's game
    summaries, makes hundreds of thousands of objects and no cycle, and a collection every 700
    of them costs a third of the time.

    The objects it leaves are then moved to the oldest generation without being walked
    (`gc.freeze()` then `gc.unfreeze()`: two list splices). Else the first young collection
    after it walks them all to find no garbage (~25 ms for 10,000 questions), and the middle
    one again. Not when something is frozen already (the game's start, `resume`): unfreezing
    would hand its objects back to the collector."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_count()[0] > _PROMOTED_OVER and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
