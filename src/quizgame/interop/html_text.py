"""HTML from Moodle's editor as the plain text quizgame shows: a real parser, not tag stripping.

Moodle's editor saves every text as HTML (`<p>`, `<strong>`, `&nbsp;`, lists, `<br>`). The text
is parsed with lxml and laid out with inscriptis: entities decoded, paragraphs separated by a
blank line, list items on their own lines (`*` or numbers), line breaks kept, emphasis kept as
its plain words. Images cannot be shown in a terminal: they are listed so the teacher is told.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from inscriptis import get_text
from inscriptis.model.config import ParserConfig
from lxml import etree, html

_BLANK_LINES = re.compile(r"\n{3,}")
_MARKUP = re.compile(r"[<&]")
_CONFIG = ParserConfig(display_images=False, display_links=False)


@dataclass(frozen=True)
class PlainText:
    """The text of an HTML fragment, and the images it showed (file name or alt text)."""

    text: str
    images: tuple[str, ...] = ()


def html_to_text(markup: str) -> PlainText:
    """Plain text of an HTML fragment: lines trimmed on the right, at most one blank line."""
    if not _MARKUP.search(markup):  # no tag, no entity: HTML only folds the spaces
        return PlainText(" ".join(markup.split()))
    images: tuple[str, ...] = ()
    if "<img" in markup.lower():
        try:
            tree = html.fragment_fromstring(markup, create_parent="div")
        except (etree.ParserError, ValueError):
            tree = None
        images = tuple(_image_name(img) for img in tree.iter("img")) if tree is not None else ()
    text = get_text(markup, _CONFIG)
    lines = "\n".join(line.rstrip() for line in text.replace("\xa0", " ").split("\n"))
    return PlainText(_BLANK_LINES.sub("\n\n", lines).strip("\n").strip(), images)


def _image_name(img: html.HtmlElement) -> str:
    """`map.png`, from Moodle's `@@PLUGINFILE@@/map.png`; the alt text when there is no file."""
    source = posixpath.basename(unquote(img.get("src") or ""))
    alt = (img.get("alt") or "").strip()
    if source and alt:
        return f"{source} ({alt})"
    return source or alt or "an image"
