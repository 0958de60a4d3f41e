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
from bisect import bisect_right
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
    """``text`` for matching, and where each of its characters came from in ``original``.

    The map is kept sparse — runs of ``text`` that are a verbatim copy of ``original``, and
    characters folded from one original character — so building it costs the special
    characters, not the whole text. ``starts[j]``/``ends[j]`` (built on demand) give the original
    span of ``text[j]``; :meth:`span` maps a span.
    """

    original: str
    text: str
    #: Per run: (start in ``text``, start in ``original``, verbatim?). A run that is not verbatim is the
    #: expansion of the single original character at its start.
    runs: tuple[tuple[int, int, bool], ...]
    changed: int
    removed: int

    @property
    def identical(self) -> bool:
        return self.changed == 0

    def _at(self, j: int) -> tuple[int, int]:
        """The original span of ``text[j]``."""
        runs = self.runs
        k = bisect_right(runs, (j, len(self.original) + 1, True)) - 1
        norm_start, orig_start, verbatim = runs[k]
        if verbatim:
            o = orig_start + (j - norm_start)
            return o, o + 1
        return orig_start, orig_start + 1

    @property
    def starts(self) -> tuple[int, ...]:
        return tuple(self._at(j)[0] for j in range(len(self.text)))

    @property
    def ends(self) -> tuple[int, ...]:
        return tuple(self._at(j)[1] for j in range(len(self.text)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``text[start:end]`` (an empty span maps to a point)."""
        if self.identical:
            return start, end
        if end <= start:
            at = self._at(start)[0] if start < len(self.text) else len(self.original)
            return at, at
        return self._at(start)[0], self._at(end - 1)[1]


_FOLDED: dict[str, str | None] = {}
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def normalise_for_matching(text: str) -> Normalised:
    """``text`` with invisible characters removed, Unicode spaces as U+0020 and compatibility forms
    folded (NFKC, except Hangul), and the map back to the original offsets."""
    if text.isascii():
        return Normalised(text, text, (), 0, 0)
    folded_of = _FOLDED
    distinct = set(_ASCII_RUN.sub("", text))  # each distinct non-ASCII character, folded once per process
    for ch in distinct:
        if ch not in folded_of:
            folded_of[ch] = _fold(ch)
    changing = sorted(ch for ch in distinct if folded_of[ch] is not None)
    if not changing:
        return Normalised(text, text, (), 0, 0)
    where = re.compile("[" + "".join(re.escape(ch) for ch in changing) + "]")
    specials = [(m.start(), folded_of[m.group()]) for m in where.finditer(text)]
    out: list[str] = []
    runs: list[tuple[int, int, bool]] = []
    n = 0  # length of the normalised text so far
    pos = 0  # next original character not yet copied
    removed = 0
    for i, folded in specials:
        if i > pos:
            runs.append((n, pos, True))
            out.append(text[pos:i])
            n += i - pos
        if folded:
            runs.append((n, i, False))
            out.append(folded)
            n += len(folded)
        else:
            removed += 1
        pos = i + 1
    if pos < len(text):
        runs.append((n, pos, True))
        out.append(text[pos:])
    return Normalised(text, "".join(out), tuple(runs), len(specials), removed)
