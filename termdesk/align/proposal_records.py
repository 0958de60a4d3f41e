"""The align stage's records: where a proposal comes from, a :class:`Proposal`, the :class:`Result` for one
candidate, an :class:`Occurrence` of the term, and how the glossary already covers a candidate (:class:`Coverage`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from ..glossary import Entry
from .candidates import Candidate

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Match


class Source(str, Enum):
    """Where a proposal comes from."""

    GLOSSARY = "glossary"
    PARALLEL = "parallel"
    MT = "mt"


@dataclass(frozen=True)
class Proposal:
    """One Korean equivalent with its calibrated score (0–1), a one-line account of the evidence and the
    cross-checks it passed (:data:`termdesk.align.abstain.CHECKS` names)."""

    ko: str
    score: float
    source: str
    evidence: str
    checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Occurrence:
    """The term in English sentence ``sentence`` of article pair ``pair`` at [start, end)."""

    pair: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Result:
    """What the proposals file says about one candidate.

    ``row`` is the glossary-shaped row (``ko`` is the best proposal's, status
    proposed); ``covered`` names how the glossary already covers it (``exact``,
    ``variant``, ``inflected``, ``composed``, ``acronym``) or is empty.
    """

    candidate: Candidate
    row: Entry
    proposals: tuple[Proposal, ...]
    covered: str = ""
    entry_ids: tuple[str, ...] = ()
    occurrences: int = 0

    @property
    def best(self) -> Proposal | None:
        return self.proposals[0] if self.proposals else None


@dataclass(frozen=True)
class Coverage:
    """How the glossary already covers a candidate.

    ``how``: ``exact``, ``variant``, ``inflected``, ``composed`` (``match`` holds the
    composition) or ``acronym``; ``evidence``: the one-line account.
    """

    how: str
    entry: Entry
    match: Match | None
    evidence: str
