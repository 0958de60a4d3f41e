"""Searching the glossary by any form, English or Korean (``termdesk glossary search``).

Every form of an entry is searched: canonical English and its variants, the Korean
rendering, its variants, the short title, the first-mention form and the avoided
renderings; the hit says which one matched and how. Comparison ignores case,
punctuation and spacing (``한미 안보협의회의`` finds ``한미안보협의회의``; ``u.s. forces
korea`` finds ``U.S. Forces Korea``). Exact matches rank first, then prefixes, then
forms containing the query, then fuzzy matches (:mod:`difflib`, standard library).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from .glossary import Entry, Glossary, form_key


class Field(str, Enum):
    """Which form of an entry matched."""

    EN = "en"
    EN_VARIANT = "en_variant"
    KO = "ko"
    KO_VARIANT = "ko_variant"
    KO_SHORT = "ko_short"
    KO_FIRST = "ko_first"
    KO_AVOID = "ko_avoid"


class How(str, Enum):
    """How the query matched the form."""

    EXACT = "exact"
    PREFIX = "prefix"
    CONTAINS = "contains"
    FUZZY = "fuzzy"


_RANK = {How.EXACT: 4.0, How.PREFIX: 3.0, How.CONTAINS: 2.0, How.FUZZY: 1.0}
_FIELD_ORDER = {f: i for i, f in enumerate(Field)}


@dataclass(frozen=True)
class SearchHit:
    """One entry found: the form that matched, in which column, how, and a score for ranking (higher first)."""

    entry: Entry
    form: str
    field: Field
    how: How
    score: float

    def as_dict(self) -> dict[str, object]:
        e = self.entry
        return {
            "id": e.id,
            "en": e.en,
            "ko": e.ko,
            "type": e.type,
            "status": e.status,
            "matched": {"form": self.form, "field": self.field.value, "how": self.how.value},
            "score": round(self.score, 3),
            "en_variants": list(e.en_variants),
            "ko_variants": list(e.ko_variants),
            "ko_avoid": list(e.ko_avoid),
            "ko_short": e.ko_short,
            "ko_first": e.ko_first,
            "valid_from": e.valid_from,
            "valid_to": e.valid_to,
            "note": e.note,
            "source": e.source,
        }


def squeeze(text: str) -> str:
    """The comparison key: case-, punctuation- and spacing-insensitive (``U.S.-ROK`` → ``usrok``)."""
    return "".join(form_key(text).split()).replace("·", "").replace("/", "")


def entry_forms(e: Entry) -> Iterator[tuple[Field, str]]:
    """Every searchable form of an entry with the column it comes from."""
    yield Field.EN, e.en
    for v in e.en_variants:
        yield Field.EN_VARIANT, v
    yield Field.KO, e.ko
    for v in e.ko_variants:
        yield Field.KO_VARIANT, v
    if e.ko_short:
        yield Field.KO_SHORT, e.ko_short
    if e.ko_first:
        yield Field.KO_FIRST, e.ko_first
    for v in e.ko_avoid:
        yield Field.KO_AVOID, v


def search(
    glossary: Glossary | Iterable[Entry], query: str, *, limit: int = 20, fuzzy_cutoff: float = 0.75
) -> tuple[SearchHit, ...]:
    """Entries having a form that equals, starts with, contains or resembles ``query``; best first.

    One hit per entry (its best form). Fuzzy matching runs only when the other kinds
    find fewer than ``limit`` entries. An empty query finds nothing.
    """
    q = squeeze(query)
    if not q:
        return ()
    best: dict[int, SearchHit] = {}
    entries = list(glossary)
    for i, e in enumerate(entries):
        for field, form in entry_forms(e):
            key = squeeze(form)
            if not key:
                continue
            if key == q:
                how = How.EXACT
            elif key.startswith(q):
                how = How.PREFIX
            elif q in key:
                how = How.CONTAINS
            else:
                continue
            # shorter forms rank higher among prefixes and containers: the query covers more of them
            score = _RANK[how] + len(q) / len(key) - _FIELD_ORDER[field] * 0.001
            _keep(best, i, SearchHit(e, form, field, how, score))
    if len(best) < limit and len(q) >= 3:
        _fuzzy(entries, q, best, fuzzy_cutoff)
    hits = sorted(best.values(), key=lambda h: (-h.score, h.entry.en.casefold(), h.entry.id))
    return tuple(hits[:limit])


def _keep(best: dict[int, SearchHit], i: int, hit: SearchHit) -> None:
    old = best.get(i)
    if old is None or hit.score > old.score:
        best[i] = hit


def _fuzzy(entries: list[Entry], q: str, best: dict[int, SearchHit], cutoff: float) -> None:
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(q)
    for i, e in enumerate(entries):
        if i in best:
            continue
        for field, form in entry_forms(e):
            key = squeeze(form)
            if not key:
                continue
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            ratio = matcher.ratio()
            if ratio >= cutoff:
                _keep(
                    best,
                    i,
                    SearchHit(e, form, field, How.FUZZY, _RANK[How.FUZZY] + ratio - _FIELD_ORDER[field] * 0.001),
                )
