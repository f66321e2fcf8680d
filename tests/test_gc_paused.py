"""`gc_paused.without_gc`: a big build (a 10,000-question quiz, a school's summaries) runs
without collections, and what it made is not walked by the next one; the collector is left as
it was found (on or off, with what was frozen still frozen)."""

from __future__ import annotations

import gc

from quizgame.gc_paused import without_gc


def test_a_big_build_goes_to_the_oldest_generation_unwalked(freeze_restored: None) -> None:
    gc.unfreeze()  # as nothing else froze objects
    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        with without_gc():
            made = [[index] for index in range(100_000)]
        young, left_frozen = gc.get_count()[0], gc.get_freeze_count()
    finally:
        gc.callbacks.remove(seen)
    assert collections == []  # not walked on the way out...
    assert young < 700  # ...nor by the next young collection
    assert gc.isenabled() and left_frozen == 0 and len(made) > 0


def test_what_is_frozen_stays_frozen(freeze_restored: None) -> None:
    # The game's start froze its objects (resume): loading a quiz later never unfreezes them.
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    with without_gc():
        made = [[index] for index in range(100_000)]
    assert gc.isenabled() and gc.get_freeze_count() == frozen and len(made) > 0


def test_a_collector_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with without_gc():
            made = [[index] for index in range(100_000)]
        assert not gc.isenabled() and len(made) > 0
    finally:
        gc.enable()
