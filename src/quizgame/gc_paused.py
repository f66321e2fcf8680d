"""Python's cyclic garbage collector paused while a big structure is built: a quiz of 10,000
questions from the cache, a school's 200,000 game summaries (the game's own start is
`startup_gc`'s)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

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
    one again. Not when something is frozen already (the game's start, `startup_gc.resume`): unfreezing
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
