"""Python's cyclic garbage collector paused while the game starts.

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
