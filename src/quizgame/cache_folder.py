"""quizgame's per-user cache folder: everything kept there is safe to delete.

`$QUIZGAME_CACHE` names another folder, or `off` for none; otherwise platformdirs' user cache
folder. The quiz cache (`quizzes/`) and the classroom's summary indexes (`summaries/`) live in it.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_VARIABLE = "QUIZGAME_CACHE"


def cache_root() -> Path | None:
    """The cache folder, or None when `$QUIZGAME_CACHE` is `off`."""
    setting = os.environ.get(CACHE_VARIABLE, "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting).absolute()
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizgame", appauthor=False))
