"""A QR code of the join address as text (segno draws it; half blocks, two rows a line)."""

from __future__ import annotations

import io

import segno


def qr_text(data: str) -> str:
    """The QR code as lines of `█▀▄ ` (light modules drawn: show it light on dark)."""
    out = io.StringIO()
    segno.make(data, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue().rstrip("\n")
