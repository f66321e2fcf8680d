"""The tests' shared bytecode cache, for an environment that sets PYTHONDONTWRITEBYTECODE.

Python reads bytecode from PYTHONPYCACHEPREFIX *instead of* the `__pycache__` folders beside
the sources, so a fresh prefix would make every test process compile the standard library,
Textual, pydantic and Ralph's packages as well as quizgame: about 3 s of CPU for each worker
on a first run (a CI run always is one). Seeding the prefix with the bytecode those folders
already hold leaves only quizgame itself to compile, once.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

TAG = f".{sys.implementation.cache_tag}.pyc"


def use_shared_cache(prefix: Path, more_roots: Iterable[Path] = ()) -> None:
    """Point this process and every process it starts at `prefix`, seeded from the standard
    library's, this environment's and `more_roots`' own bytecode.

    This process reads the environment only at its start, so its own settings change too: it
    imports more after the tests ran (Hypothesis's pytest plugin imports Hypothesis for its
    summary, about a second compiled and assertion-rewritten anew, while the workers' copies
    are in the cache)."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(prefix)
    paths = sysconfig.get_paths()
    roots = {paths["stdlib"], paths["purelib"], paths["platlib"], *map(str, more_roots)}
    for root in sorted(roots):
        seed(prefix, Path(root))


def seed(prefix: Path, root: Path) -> None:
    """Copy `root`'s `__pycache__/NAME.TAG.pyc` files to where the prefix keeps NAME.py's
    bytecode, once per root (a marker file records it). A copy still compiled for its source
    is used as it is; one gone stale is compiled again, as it would be beside its source."""
    if not root.is_dir():
        return
    # Python looks a module's bytecode up by its path as imported, symbolic links and all.
    mirror = prefix / root.absolute().relative_to(root.anchor)
    marker = mirror / ".seeded"
    if marker.exists():
        return
    for cached in root.rglob(f"__pycache__/*{TAG}"):
        target = mirror / cached.parent.parent.relative_to(root) / cached.name
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(cached, target)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(cached, target)
    mirror.mkdir(parents=True, exist_ok=True)
    marker.touch()
