"""Packages whose names are imported on first use (PEP 562), so that importing one of their light
modules does not import the heavy ones with the package (`quizgame.format`, `quizgame.store`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, homes: Mapping[str, str], namespace: dict[str, Any]
                 ) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name of `homes` comes from the submodule it
    names, imported the first time the name is asked for (then kept in `namespace`)."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    return __getattr__
