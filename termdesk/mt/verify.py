"""Checking a Korean draft segment against the glossary terms of its source.

The check QA does (``termdesk.qa``), made strict for drafting: each required
Korean form must be present as often as its term occurs in the source, found
spacing-insensitively (``국방부장관`` for ``국방부 장관``) with any particle after it;
no avoided rendering of those entries may appear (except inside an accepted form
that contains it). A passing segment is then *normalised*: each term written
exactly as the glossary writes it and the particle after it made to agree
(``송영무 국방부 장관를`` → ``송영무 국방부 장관을``) by the Korean particle rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..ko.forms import KoreanText, compact

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Match


@dataclass(frozen=True)
class Requirement:
    """A Korean form the segment must contain ``count`` times, and forms it must not use."""

    en: str
    ko: str
    count: int = 1
    avoid: tuple[str, ...] = ()

    def describe(self) -> str:
        times = f" ({self.count} times)" if self.count > 1 else ""
        return f'"{self.en}" → {self.ko}{times}'


def requirements_for(matches: Sequence[Match]) -> tuple[Requirement, ...]:
    """One requirement per distinct Korean form, counting its occurrences in the source."""
    counts: Counter[str] = Counter(m.ko for m in matches if m.ko)
    first: dict[str, Match] = {}
    avoid: dict[str, list[str]] = {}
    for m in matches:
        if not m.ko:
            continue
        first.setdefault(m.ko, m)
        entries = [p.entry for p in m.composed_of] if m.composed_of else [m.entry]
        for e in entries:
            if e is not None:
                avoid.setdefault(m.ko, []).extend(a for a in e.ko_avoid if a and compact(a) != compact(m.ko))
    return tuple(
        Requirement(first[ko].text, ko, n, tuple(dict.fromkeys(avoid.get(ko, ())))) for ko, n in counts.items()
    )


@dataclass(frozen=True)
class Verification:
    """What the check found, and the normalised text (terms as the glossary writes them)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    missing: tuple[Requirement, ...] = ()
    avoided: tuple[tuple[Requirement, str], ...] = ()
    particles_fixed: int = 0

    @property
    def ok(self) -> bool:
        return not self.missing and not self.avoided

    def problems(self) -> list[str]:
        """One line per problem, as the retry prompt and the translator comment state it."""
        out = [f"missing {r.describe()}" for r in self.missing]
        out.extend(f'avoided rendering {form} used for "{r.en}" (write {r.ko})' for r, form in self.avoided)
        return out


def _overlaps(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _plausible(text: str, span: tuple[int, int], form: str) -> bool:
    """A spacing-insensitive hit is the term only if it is written as the form, or starts a word:
    ``북한`` is not in ``남북 한국`` (the hit would straddle two words)."""
    start, end = span
    if text[start:end] == form:
        return True
    return start == 0 or not text[start - 1].isalnum()


def verify_terms(target: str, requirements: Sequence[Requirement]) -> Verification:
    """Check ``target`` for every requirement; normalise and repair particles when nothing is missing."""
    from ..ko.particles import repair_particles

    text = KoreanText(target)
    nfc = text.nfc
    claimed: list[tuple[int, int, str]] = []  # (start, end, exact form) in nfc offsets
    missing: list[Requirement] = []
    # Longest forms first: 국방부 inside 송영무 국방부 장관 is not an occurrence of 국방부.
    for req in sorted(requirements, key=lambda r: -len(compact(r.ko))):
        spans = [
            s
            for s in text.find_all(req.ko)
            if not _overlaps(s, [(a, b) for a, b, _ in claimed]) and _plausible(nfc, s, req.ko)
        ]
        found = 0
        for s in spans:
            if found == req.count:
                break
            if _overlaps(s, [(a, b) for a, b, _ in claimed]):
                continue
            claimed.append((s[0], s[1], req.ko))
            found += 1
        if found < req.count:
            missing.append(req)
    taken = [(a, b) for a, b, _ in claimed]
    avoided: list[tuple[Requirement, str]] = []
    for req in requirements:
        for form in req.avoid:
            if any(not _overlaps(s, taken) for s in text.find_all(form)):
                avoided.append((req, form))
                break
    # Normalise: each claimed occurrence written exactly as the glossary writes it.
    claimed.sort()
    parts: list[str] = []
    spans_out: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for start, end, form in claimed:
        before = nfc[pos:start]
        parts.append(before)
        length += len(before)
        parts.append(form)
        spans_out.append((length, length + len(form)))
        length += len(form)
        pos = end
    parts.append(nfc[pos:])
    normal = "".join(parts)
    order = {r.ko: i for i, r in enumerate(requirements)}
    missing.sort(key=lambda r: order[r.ko])
    if missing or avoided:
        return Verification(normal, tuple(spans_out), tuple(missing), tuple(avoided))
    repaired = repair_particles(normal, spans_out)
    return Verification(repaired.text, tuple(repaired.spans), particles_fixed=len(repaired.changes))
