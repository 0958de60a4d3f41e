"""What explains a Korean sentence: the units of its English side and where their Korean appears.

A *unit* (:class:`~termdesk.align.lexicon.Unit`) is a glossary term or a lexicon word
found in an English sentence, with the Korean that may render it. :class:`UnitFinder`
finds them and aligns an article pair's sentences on them; :func:`explain` marks which
characters of the aligned Korean the term's own units (inside) and the sentence's
other units (outside) account for — the evidence the scorer (:mod:`.scoring`) weighs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..glossary import has_hangul
from ..ko.hangul import syllable_count
from ..ko.phrases import words
from .bitext import Bitext, align_sentences, latin_tokens, numbers_of
from .lexicon import EN_STOPWORDS, Lexicon, Unit, en_tokens

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Matcher
    from .propose import Occurrence


def ko_locations(sentence: str, forms: Sequence[str], *, inside_words: bool = False) -> list[tuple[int, int]]:
    """Where any of ``forms`` occurs in a Korean sentence.

    One-syllable forms (미, 군, 핵) count only as a whole word, unless
    ``inside_words``: then anywhere (used for the term's own words, where a
    Sino-Korean morpheme inside a compound is expected: 주한미군 ⊃ 미, 군).
    """
    out: list[tuple[int, int]] = []
    for form in forms:
        if not form:
            continue
        if syllable_count(form) <= 1 and len(form) <= 2 and not inside_words:
            for w in words(sentence):
                if w.stem == form or w.text == form:
                    out.append((w.start, w.start + len(form)))
            continue
        for f in {form, form.replace(" ", "")}:
            at = sentence.find(f)
            while at >= 0:
                out.append((at, at + len(f)))
                at = sentence.find(f, at + 1)
    return out


@dataclass(frozen=True)
class Explanation:
    """Which characters of a Korean text the units account for.

    ``locations``: (weight, places) of each inside unit found; ``out_mask`` / ``in_mask``:
    per character, explained by an outside / inside unit; ``found``: indices of the inside
    units whose Korean is there.
    """

    locations: list[tuple[float, list[tuple[int, int]]]]
    out_mask: list[bool]
    in_mask: list[bool]
    found: frozenset[int]


#: How much a unit's Korean counts, by where the unit comes from (a one-syllable rendering counts half).
UNIT_WEIGHT = {"glossary": 1.0, "claim": 1.0, "core": 0.7, "glossary-word": 0.7}


def explain(
    sentence: str, inside: Sequence[Unit], outside: Sequence[Unit], *, glued: Sequence[Unit] = ()
) -> Explanation:
    """Which characters of Korean text the term's words and the sentence's other words account for.

    A Korean form wanted by an inside and an outside unit, with fewer places in
    the text than units wanting it, goes to the unit with the longer English
    (``South Korea`` beats the ``Korea`` of ``U.S. Forces Korea`` for the one
    한국); with enough places, the term keeps it. ``glued``: outside units right next to the term in the
    English (``Office`` of ``Office of the Spokesperson``), whose one-syllable Korean counts inside words
    too, as Korean glues it to the term's (대변인실).
    """
    n = len(sentence)
    in_claims: list[tuple[int, list[tuple[int, int]]]] = []
    out_claims: list[tuple[int, list[tuple[int, int]]]] = []
    for u in inside:
        locs = ko_locations(sentence, u.ko, inside_words=True)
        if locs:
            in_claims.append((u.end - u.start, locs))
    for u in outside:
        locs = ko_locations(sentence, u.ko, inside_words=any(u is g for g in glued))
        if locs:
            out_claims.append((u.end - u.start, locs))
    in_mask = [False] * n
    out_mask = [False] * n
    for _, locs in out_claims:
        for a, b in locs:
            for i in range(a, b):
                out_mask[i] = True
    for length, locs in in_claims:
        for a, b in locs:
            rivals = [ln for ln, ol in out_claims if any(oa < b and a < ob for oa, ob in ol)]
            contested = rivals and len(locs) < 1 + len(rivals) and max(rivals) > length
            if contested:
                continue
            for i in range(a, b):
                in_mask[i] = True
                out_mask[i] = False
    in_locs: list[tuple[float, list[tuple[int, int]]]] = []
    found: set[int] = set()
    for i, u in enumerate(inside):
        locs = [(a, b) for a, b in ko_locations(sentence, u.ko, inside_words=True) if any(in_mask[a:b])]
        if locs:
            in_locs.append((unit_weight(u), locs))
            found.add(i)
    return Explanation(in_locs, out_mask, in_mask, frozenset(found))


def explain_sentences(
    sentences: Sequence[str], inside: Sequence[Unit], outside: Sequence[Unit], *, glued: Sequence[Unit] = ()
) -> list[Explanation]:
    """:func:`explain` over several sentences taken as one text, split back per sentence."""
    joint = "\n".join(sentences)
    whole = explain(joint, inside, outside, glued=glued)
    in_locs, out_mask, in_mask = whole.locations, whole.out_mask, whole.in_mask
    out = []
    pos = 0
    for s in sentences:
        end = pos + len(s)
        locs_here = []
        found: set[int] = set()
        for w, locs in in_locs:
            mine = [(a - pos, b - pos) for a, b in locs if pos <= a and b <= end]
            if mine:
                locs_here.append((w, mine))
        for i, u in enumerate(inside):
            if any(in_mask[a:b] for a, b in ko_locations(s, u.ko, inside_words=True) for a, b in [(a + pos, b + pos)]):
                found.add(i)
        out.append(Explanation(locs_here, out_mask[pos:end], in_mask[pos:end], frozenset(found)))
        pos = end + 1
    return out


def all_known(sentence: str, occ: Occurrence, inside: Sequence[Unit]) -> bool:
    """Whether every content word of the term's span is inside some unit (so extra Korean is unexplained)."""
    for a, b, key in en_tokens(sentence[occ.start : occ.end]):
        if key in EN_STOPWORDS:
            continue
        if not any(u.start <= occ.start + a and occ.start + b <= u.end for u in inside):
            return False
    return True


def unit_weight(u: Unit) -> float:
    w = UNIT_WEIGHT.get(u.source, 0.7)
    return w * 0.5 if all(syllable_count(k) <= 1 for k in u.ko if has_hangul(k)) else w


def present_weight(inside: Sequence[Unit], found: Sequence[frozenset[int]]) -> float:
    """Total weight of the inside units whose Korean appears in any of the sentences considered."""
    idx = frozenset().union(*found) if found else frozenset()
    return sum(unit_weight(inside[i]) for i in idx)


def glued_units(sentence: str, start: int, end: int, outside: Sequence[Unit]) -> list[Unit]:
    """The outside units joined to ``sentence[start:end]`` in one noun phrase: next to it, or with ``of the``
    between (``Office`` of ``Office of the Spokesperson``); never across a comma or ``and``."""
    out = []
    for u in outside:
        gap = sentence[u.end : start] if u.end <= start else sentence[end : u.start]
        if re.fullmatch(r"\s*(?:(?:of|for)\s+(?:the\s+)?)?", gap, flags=re.I):
            out.append(u)
    return out


# --------------------------------------------------------------------------- scoring records


class UnitFinder:
    """Finds units in English sentences (glossary terms first, then lexicon words outside them)."""

    def __init__(self, matcher: Matcher, lexicon: Lexicon) -> None:
        self.matcher = matcher
        self.lexicon = lexicon

    def units(self, sentence: str) -> list[Unit]:
        """Glossary terms (with their Korean) and lexicon words in an English sentence."""
        out: list[Unit] = []
        taken: list[tuple[int, int]] = []
        for m in self.matcher.find(sentence):
            parts = m.composed_of or (m,)
            for p in parts:
                if p.entry is None:
                    continue
                kos = tuple(dict.fromkeys((p.entry.ko, *p.entry.ko_variants)))
                out.append(Unit(p.start, p.end, p.entry.id, kos, "glossary"))
                taken.append((p.start, p.end))
        for u in self.lexicon.units(sentence):
            if any(s <= u.start and u.end <= e for s, e in taken):
                continue
            out.append(u)
        return out

    def align(self, bitext: Bitext) -> Bitext:
        """The pair with its sentence alignment (anchors: numbers, Latin tokens, glossary/lexicon Korean)."""
        en_units = [self.units(s) for s in bitext.en]
        forms: dict[str, tuple[str, ...]] = {}
        for us in en_units:
            for u in us:
                if u.source == "glossary" or any(syllable_count(k) >= 2 for k in u.ko):
                    forms.setdefault(u.key, tuple(k for k in u.ko if syllable_count(k) >= 2 or u.source == "glossary"))
        en_keys = []
        for s, us in zip(bitext.en, en_units, strict=True):
            keys = {f"n:{x}" for x in numbers_of(s)} | {f"l:{x}" for x in latin_tokens(s)}
            keys.update(f"u:{u.key}" for u in us if u.key in forms)
            en_keys.append(keys)
        ko_keys = []
        for s in bitext.ko:
            keys = {f"n:{x}" for x in numbers_of(s, korean=True)} | {f"l:{x}" for x in latin_tokens(s)}
            keys.update(f"u:{k}" for k, fs in forms.items() if fs and ko_locations(s, fs))
            ko_keys.append(keys)
        # keys in most sentences of either side do not tell sentences apart
        counts = Counter(k for ks in en_keys for k in ks) + Counter(k for ks in ko_keys for k in ks)
        limit = max(3, (len(bitext.en) + len(bitext.ko)) * 0.4)
        common = {k for k, c in counts.items() if c > limit}
        beads = align_sentences(
            bitext.en,
            bitext.ko,
            en_anchors=[frozenset(k - common) for k in en_keys],
            ko_anchors=[frozenset(k - common) for k in ko_keys],
        )
        return bitext.with_beads(beads)
