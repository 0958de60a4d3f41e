"""The mine stage's records: a mined :class:`Candidate`, the :class:`MineResult` of a run, their vocabularies."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..text import Removed
from .name_variants import NameFinding

TYPES: tuple[str, ...] = (
    "title",
    "person",
    "organization",
    "meeting",
    "exercise",
    "weapon",
    "concept",
    "place",
    "media",
    "document",
    "acronym",
)
STATUSES: tuple[str, ...] = ("new", "variant-of-known", "known", "held-back")


@dataclass(frozen=True)
class Candidate:
    """One mined term: its forms, type, counts, score, evidence and glossary status."""

    canonical: str
    variants: tuple[str, ...]
    type: str
    freq: int
    doc_freq: int
    score: float
    contexts: tuple[str, ...]
    status: str
    entry_id: str
    linked: tuple[str, ...]
    type_confidence: str = "high"  # "low": the type is a guess from weak evidence (the reviewer checks it)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.canonical, *self.variants)


@dataclass(frozen=True)
class MineResult:
    """What a mine run found: the candidates (best first), name-consistency findings, corpus size, debris removed."""

    candidates: tuple[Candidate, ...]
    findings: tuple[NameFinding, ...]
    articles: int
    words: int
    removed: tuple[tuple[str, Removed], ...] = ()

    def counts(self) -> dict[str, dict[str, int]]:
        """``{type: {status: n}}``."""
        out: dict[str, Counter] = {}
        for c in self.candidates:
            out.setdefault(c.type, Counter())[c.status] += 1
        return {t: dict(sorted(v.items())) for t, v in sorted(out.items())}
