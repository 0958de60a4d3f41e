"""Text as the matcher sees it: invisible characters removed, odd spaces and compatibility forms folded,
with a map back to offsets in the original text.

Copy pasted from web pages and word processors hides characters a reader never sees: a zero-width
space in ``Defense\u200b Minister``, a soft hyphen in ``Def\u00adense``, a word joiner, bidi controls,
no-break and other Unicode spaces, fullwidth letters and ligatures. Each of them stops an exact match.
:func:`normalise_for_matching` returns the text with them removed or folded (``Normalised.text``),
how many characters it changed (``Normalised.changed``), and maps any span of that text back to the
original (``Normalised.span``), so that every reported offset is into the text the translator has.

Hangul (``termdesk.ko.hangul.has_hangul``) is never folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .ko.hangul import has_hangul

__all__ = ["BIDI_CONTROLS", "INVISIBLE", "Normalised", "normalise_for_matching"]

#: Bidirectional controls (marks, embeddings, overrides, isolates): invisible, and they reorder text.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Characters with no glyph that are removed for matching (and refused in glossary cells):
#: zero-width space/non-joiner/joiner, word joiner, BOM/ZWNBSP, soft hyphen, Mongolian vowel
#: separator, invisible operators, and the bidi controls.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064" + BIDI_CONTROLS
#: Spaces other than U+0020 that read as a space (no-break, en/em/thin/hair, narrow no-break, ideographic …).
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

_SPECIAL = re.compile(r"[^\x00-\x7f]+")
_INVISIBLE_SET = frozenset(INVISIBLE)
_SPACE_SET = frozenset(SPACES)


def _fold(ch: str) -> str | None:
    """What ``ch`` becomes for matching, or ``None`` when it stays as it is."""
    if ch in _INVISIBLE_SET:
        return ""
    if ch in _SPACE_SET:
        return " "
    if has_hangul(ch):
        return None
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded != ch else None


@dataclass(frozen=True)
class Normalised:
    """``text`` for matching; ``starts[j]``/``ends[j]``: the original span of its character ``j``."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    changed: int
    removed: int

    @property
    def identical(self) -> bool:
        return self.changed == 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``text[start:end]`` (an empty span maps to a point)."""
        if self.identical:
            return start, end
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


def normalise_for_matching(text: str) -> Normalised:
    """``text`` with invisible characters removed, Unicode spaces as U+0020 and compatibility forms
    folded (NFKC, except Hangul), and the map back to the original offsets."""
    if text.isascii() or not any(_fold(ch) is not None for m in _SPECIAL.finditer(text) for ch in m.group()):
        return Normalised(text, text, (), (), 0, 0)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    changed = removed = 0
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            chunk = text[pos : m.start()]
            out.append(chunk)
            starts.extend(range(pos, m.start()))
            ends.extend(range(pos + 1, m.start() + 1))
        for i in range(m.start(), m.end()):
            ch = text[i]
            folded = _fold(ch)
            if folded is None:
                out.append(ch)
                starts.append(i)
                ends.append(i + 1)
                continue
            changed += 1
            if not folded:
                removed += 1
            out.append(folded)
            starts.extend([i] * len(folded))
            ends.extend([i + 1] * len(folded))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return Normalised(text, "".join(out), tuple(starts), tuple(ends), changed, removed)
