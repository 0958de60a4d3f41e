"""Name consistency: probable variant spellings of one person, in the corpus and against the glossary."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..glossary import Entry, Glossary, Severity
from . import wordlists as L


@dataclass(frozen=True)
class NameFinding:
    """A probable misspelling or variant spelling of a person's name. A value, never raised."""

    id: str  # name-variant | name-glossary
    severity: Severity
    message: str
    evidence: tuple[str, ...]  # "article:line: surface"


def name_parts(name: str) -> tuple[str, ...]:
    """Lowercase name syllables: ``Song Young-moo`` → (song, young, moo); periods dropped."""
    return tuple(p for p in re.split(r"[\s\-‐‑]+", name.replace(".", "").casefold()) if p)


def surname(parts: Sequence[str]) -> str:
    if len(parts) >= 2 and parts[0] in L.KOREAN_SURNAMES and len(parts) <= 3:
        return parts[0]
    if parts and parts[-1] in ("jr", "sr", "ii", "iii") and len(parts) > 2:
        return parts[-2]
    return parts[-1] if parts else ""


def similar_names(a: Sequence[str], b: Sequence[str], *, threshold: float = 0.6) -> bool:
    """Same number of parts, all equal but one, and that one a near spelling (``myoung``/``young``)."""
    if len(a) != len(b) or tuple(a) == tuple(b) or len(a) < 2:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if len(x) < 2 or len(y) < 2:
        return False
    return SequenceMatcher(None, x, y).ratio() >= threshold


def _evidence(mentions: Iterable[tuple[str, str, int]]) -> list[str]:
    return [f"{path}:{line}: {surface}" if line else f"{path}: {surface}" for surface, path, line in mentions]


def name_findings(
    persons: dict[str, list[tuple[str, str, int]]], glossary: Glossary | None = None, *, known: set[str] | None = None
) -> list[NameFinding]:
    """Findings for person keys that look like one person spelled two ways, and for spellings that
    differ from a glossary person's. ``persons`` maps a person key to ``(surface, article, line)`` mentions;
    ``known`` holds keys already in the glossary (never reported against it)."""
    out: list[NameFinding] = []
    keys = sorted(persons)
    by_surname: dict[str, list[str]] = {}
    for k in keys:
        by_surname.setdefault(surname(name_parts(k)), []).append(k)
    for group in by_surname.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if similar_names(name_parts(a), name_parts(b)):
                    sa, sb = persons[a][0][0], persons[b][0][0]
                    arts = {p for _, p, _ in persons[a]} & {p for _, p, _ in persons[b]}
                    where = "in one article" if arts else "in the corpus"
                    out.append(
                        NameFinding(
                            "name-variant",
                            Severity.WARNING,
                            f"{sa!r} and {sb!r} {where}: probably one person spelled two ways — check which "
                            "spelling is right",
                            tuple(_evidence(persons[a][:3]) + _evidence(persons[b][:3])),
                        )
                    )
    if glossary is not None:
        index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for e in glossary:
            if e.type != "person":
                continue
            for form in e.en_forms:
                parts = name_parts(form)
                if parts:
                    index.setdefault(surname(parts), []).append((parts, e))
        for k in keys:
            parts = name_parts(k)
            if known and k in known:
                continue
            if any(parts == gp for gp, _ in index.get(surname(parts), [])):
                continue
            for gp, e in index.get(surname(parts), []):
                if similar_names(parts, gp):
                    s = persons[k][0][0]
                    out.append(
                        NameFinding(
                            "name-glossary",
                            Severity.WARNING,
                            f"{s!r} differs from the glossary's {e.en!r} ({e.id}): "
                            "a misspelling, or a variant to add to en_variants",
                            tuple(_evidence(persons[k][:3])),
                        )
                    )
                    break
    return out
