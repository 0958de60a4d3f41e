"""Finding Korean forms in a target text: spacing-insensitive, with offsets kept.

Korean spacing varies legitimately (``국방부 장관`` / ``국방부장관``), and a
particle follows a term without a space (``송영무 국방부 장관은``). So forms are
compared on a *compact* key — whitespace removed, ASCII letters lower-cased,
hyphen-like dashes unified — and every hit is mapped back to offsets in the
original text, for highlighting and for the particle check.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
_DESIGNATOR_RE = re.compile(r"(?<![A-Za-z0-9-])((?:[A-Za-z]+-?)?\d[A-Za-z0-9-]*|[A-Z]{3,}[A-Za-z0-9-]*)(?![A-Za-z0-9])")
_LETTER_RE = re.compile("[A-Za-z]")
#: A short bracketed gloss Korean copy inserts after a word: (THAAD), (MD), (사드), (현지시간).
_GLOSS = re.compile(r"[(（][^()（）\n]{1,24}[)）]")


def compact(text: str) -> str:
    """The comparison key of a form: NFC, no whitespace, ASCII lower case, one kind of dash."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return "".join(text.split()).translate(_ASCII_LOWER)


def designators(text: str) -> tuple[str, ...]:
    """Latin-script designators in a form: ``B-1B``, ``THAAD``, ``KN-08``, ``F-35A``.

    A designator has a letter and either a digit or at least three capitals in a
    row; plain words (``bomber``), short capitals (``US``) and bare numbers are not.
    """
    out = []
    for m in _DESIGNATOR_RE.finditer(text):
        token = m.group(1).strip("-")
        if len(token) >= 2 and _LETTER_RE.search(token):
            out.append(token)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class KoreanText:
    """A target text indexed for spacing-insensitive search."""

    text: str

    @cached_property
    def nfc(self) -> str:
        # NFC can shorten the text only for decomposed input; offsets refer to the NFC text,
        # which is what the reports show.
        return unicodedata.normalize("NFC", self.text) if not self.text.isascii() else self.text

    def _build(self, *, skip_glosses: bool) -> tuple[str, tuple[int, ...]]:
        text = self.nfc
        skip: set[int] = set()
        if skip_glosses:
            for m in _GLOSS.finditer(text):
                skip.update(range(m.start(), m.end()))
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(text):
            if ch.isspace() or i in skip:
                continue
            chars.append(ch.translate(_DASHES).translate(_ASCII_LOWER))
            where.append(i)
        return "".join(chars), tuple(where)

    @cached_property
    def _index(self) -> tuple[str, tuple[int, ...]]:
        return self._build(skip_glosses=False)

    @cached_property
    def _glossless(self) -> tuple[str, tuple[int, ...]] | None:
        """The text without bracketed glosses (``사드(THAAD) 포대`` → ``사드 포대``), or None if it has none."""
        return self._build(skip_glosses=True) if _GLOSS.search(self.nfc) else None

    @property
    def key(self) -> str:
        return self._index[0]

    @staticmethod
    def _spans(index: tuple[str, tuple[int, ...]], needle: str) -> list[tuple[int, int]]:
        key, where = index
        spans = []
        pos = key.find(needle)
        while pos != -1:
            spans.append((where[pos], where[pos + len(needle) - 1] + 1))
            pos = key.find(needle, pos + 1)
        return spans

    def find_all(self, form: str) -> list[tuple[int, int]]:
        """Every occurrence of ``form`` as (start, end) offsets in the (NFC) text.

        A bracketed gloss inside the occurrence is allowed (``미사일방어(MD) 체계``): the
        span then covers the gloss too.
        """
        needle = compact(form)
        if not needle:
            return []
        spans = self._spans(self._index, needle)
        if self._glossless is not None:
            spans.extend(s for s in self._spans(self._glossless, needle) if s not in spans)
        return sorted(spans)

    def contains(self, form: str) -> bool:
        needle = compact(form)
        if not needle:
            return False
        return needle in self._index[0] or (self._glossless is not None and needle in self._glossless[0])

    def designator_present(self, designator: str) -> bool:
        """A Latin designator present, ignoring case, hyphens and spaces (``B-1B`` = ``B1B``)."""
        needle = compact(designator).replace("-", "")
        return bool(needle) and needle in self._index[0].replace("-", "")
