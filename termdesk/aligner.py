"""The one bilingual aligner: English and Korean units (sentences or paragraphs) in order.

:func:`align_units` is a dynamic programme in the manner of Gale & Church (1993):
beads 1-1, 1-2, 2-1, 1-0, 0-1 and 2-2, costed by length (Korean length predicted
from English length with the ratio of the two whole texts) and by shared
*anchors* — numbers, Latin-script tokens (THAAD, B-1B, SCM) and, for the align
stage, glossary/lexicon terms whose Korean appears on the other side.

Used by both stages, each with its own records:

* ``align`` (:mod:`termdesk.align.bitext`) aligns the *sentences* of a whole
  article pair into a ``Bitext``'s beads, to propose Korean for mined terms;
* ``qa`` (:mod:`termdesk.qa.alignment`) aligns *paragraphs* when the English
  and Korean paragraph counts differ, with :data:`PAIRED_BEADS` only, so that every
  paragraph is checked against its counterpart instead of the whole article as one block.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "BEADS",
    "PAIRED_BEADS",
    "Bead",
    "align_units",
    "anchor_keys",
    "latin_tokens",
    "numbers_of",
]


# --------------------------------------------------------------------------- anchors

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*")
_KO_BIG = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}


def numbers_of(text: str, *, korean: bool = False) -> frozenset[str]:
    """Numbers in a sentence, normalised (``1,000`` → ``1000``; Korean ``1천``/``3천700`` read too)."""
    out: set[str] = set()
    if korean:
        for m in re.finditer(r"\d[\d,.]*(?:[조억만천백]\d*)*", text):
            out.add(_korean_number(m.group()))
    for m in _NUMBER.finditer(text):
        out.add(m.group().replace(",", "").rstrip("."))
    out.discard("")
    return frozenset(out)


def _korean_number(s: str) -> str:
    total = 0.0
    cur = ""
    units = {"천": 1000, "백": 100, "만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}
    section = 0.0
    for ch in s.replace(",", ""):
        if ch.isdigit() or ch == ".":
            cur += ch
        elif ch in ("천", "백"):
            section += (float(cur) if cur else 1) * units[ch]
            cur = ""
        elif ch in _KO_BIG:
            section += float(cur) if cur else 0
            total += (section or 1) * units[ch]
            section, cur = 0.0, ""
    section += float(cur) if cur else 0
    total += section
    return str(int(total)) if total == int(total) else str(total)


_EN_ONLY = frozenset({"SEOUL", "Yonhap", "KST", "EST", "GMT", "US", "AM", "PM"})


def latin_tokens(text: str) -> frozenset[str]:
    """Latin-script tokens that Korean copy keeps: acronyms and designators (THAAD, B-1B, F-35A, SCM)."""
    out = set()
    for m in _LATIN.finditer(text):
        tok = m.group()
        if tok in _EN_ONLY:
            continue
        if sum(c.isupper() for c in tok) >= 2 or any(c.isdigit() for c in tok):
            out.add(tok.upper())
    return frozenset(out)


def anchor_keys(text: str, *, korean: bool = False) -> frozenset[str]:
    """The anchors of one unit for :func:`align_units`: its numbers (``n:1000``) and kept Latin tokens (``l:THAAD``)."""
    return frozenset({f"n:{x}" for x in numbers_of(text, korean=korean)} | {f"l:{x}" for x in latin_tokens(text)})


# --------------------------------------------------------------------------- the DP


@dataclass(frozen=True)
class Bead:
    """Aligned English sentences ``en`` and Korean sentences ``ko`` (indices; either may be empty)."""

    en: tuple[int, ...]
    ko: tuple[int, ...]
    cost: float


#: (English sentences, Korean sentences, prior cost) of each bead kind.
BEADS: tuple[tuple[int, int, float], ...] = (
    (1, 1, 0.0),
    (1, 2, 2.0),
    (2, 1, 2.0),
    (1, 0, 4.0),
    (0, 1, 4.0),
    (2, 2, 7.0),
)
#: The bead kinds that pair something on both sides (QA: no paragraph is left out of the check).
PAIRED_BEADS: tuple[tuple[int, int, float], ...] = tuple(b for b in BEADS if b[0] and b[1])

_LENGTH_VARIANCE = 2.5
_ANCHOR_GAIN = 2.5
_ANCHOR_MISS = 0.8


def _phi(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def _length_cost(len_en: int, len_ko: int, ratio: float) -> float:
    if len_en == 0 and len_ko == 0:
        return 0.0
    mean = (len_en * ratio + len_ko) / 2
    delta = (len_ko - len_en * ratio) / math.sqrt(_LENGTH_VARIANCE * max(mean, 1.0))
    p = 2 * (1 - _phi(abs(delta)))
    return -math.log(max(p, 1e-12))


def align_units(
    en: Sequence[str],
    ko: Sequence[str],
    *,
    en_anchors: Sequence[frozenset[str]] | None = None,
    ko_anchors: Sequence[frozenset[str]] | None = None,
    beads: Sequence[tuple[int, int, float]] = BEADS,
) -> list[Bead]:
    """Beads covering both lists of units (sentences or paragraphs) in order (Gale–Church DP plus anchors).

    ``beads`` are the bead kinds allowed (default :data:`BEADS`; QA uses
    :data:`PAIRED_BEADS`, which never leaves a unit out). ``ValueError`` when the
    allowed kinds cannot cover both lists (only possible without 1-0/0-1 beads).

    ``en_anchors[i]`` / ``ko_anchors[j]`` are comparable keys (``num:31``,
    ``lat:THAAD``, ``g:weapon:…``); a key present on one side of a bead and absent
    from the other costs, one shared gains. Keys that never occur on the other
    side of the whole text are ignored.
    """
    n, m = len(en), len(ko)
    ea = list(en_anchors) if en_anchors is not None else [frozenset()] * n
    ka = list(ko_anchors) if ko_anchors is not None else [frozenset()] * m
    all_en = frozenset().union(*ea) if ea else frozenset()
    all_ko = frozenset().union(*ka) if ka else frozenset()
    shared = all_en & all_ko
    ea = [a & shared for a in ea]
    ka = [a & shared for a in ka]
    le = [len(s.replace(" ", "")) for s in en]
    lk = [len(s.replace(" ", "")) for s in ko]
    ratio = (sum(lk) / sum(le)) if sum(le) and sum(lk) else 0.4
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            base = cost[i][j]
            if base == inf:
                continue
            for de, dk, prior in beads:
                ni, nj = i + de, j + dk
                if ni > n or nj > m:
                    continue
                a_en = frozenset().union(*ea[i:ni]) if de else frozenset()
                a_ko = frozenset().union(*ka[j:nj]) if dk else frozenset()
                c = prior
                if de and dk:
                    c += _length_cost(sum(le[i:ni]), sum(lk[j:nj]), ratio)
                    both = len(a_en & a_ko)
                    c -= _ANCHOR_GAIN * both
                    c += _ANCHOR_MISS * len(a_en ^ a_ko)
                else:
                    c += _ANCHOR_MISS * (len(a_en) + len(a_ko))
                total = base + c
                if total < cost[ni][nj]:
                    cost[ni][nj] = total
                    back[ni][nj] = (de, dk)
    if cost[n][m] == inf:
        raise ValueError(f"{n} and {m} units cannot be covered with beads {[(de, dk) for de, dk, _ in beads]}")
    out: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        de, dk = step
        out.append(Bead(tuple(range(i - de, i)), tuple(range(j - dk, j)), cost[i][j] - cost[i - de][j - dk]))
        i, j = i - de, j - dk
    out.reverse()
    return out
