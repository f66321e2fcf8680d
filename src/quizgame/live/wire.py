"""The protocol's version and encoding: all a live client needs to import (no pydantic, no quiz
format, so that a join client or a browser tab starts fast)."""

from __future__ import annotations

import json
from typing import Any

VERSION = 1


def encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
