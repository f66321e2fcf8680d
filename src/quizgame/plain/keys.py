"""Lines typed at a plain-mode prompt that are commands, not answers, shared by `play --plain`
and `join --plain` (a module of its own: `join` starts without importing the engine).

`+` alone can never be an answer: punctuation is ignored in typed answers (docs/scoring.md), so
`+` matches no text or number answer, and choices are picked by number or text.
"""

from __future__ import annotations

MORE_TIME = ("+", "/more")
"""30 more seconds on a timed question (WCAG 2.2.1; docs/accommodations.md)."""
