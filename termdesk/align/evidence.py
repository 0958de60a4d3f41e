"""The one-line accounts of evidence written into the proposals file (``evidence`` column)."""

from __future__ import annotations

from ..glossary import Entry
from .scoring import RankedPhrase


def located(e: Entry) -> str:
    """Where a glossary entry is defined: ``file:line``, else the file, else ``glossary``."""
    return f"{e.path}:{e.line}" if e.path and e.line else (e.path or "glossary")


def parallel_evidence(phrase: RankedPhrase, occurrences: int, sentences_with_phrase: int) -> str:
    """Why a phrase from parallel text was proposed: aligned pairs it was in, and what spoke for or against it.

    ``sentences_with_phrase``: the Korean sentences of all pairs that hold the phrase.
    """
    a = phrase.evidence
    if a.aligned:
        ev = [f"parallel: in {a.aligned}/{occurrences} aligned sentence pair(s) ({', '.join(a.where)})"]
    else:
        ev = [f"parallel: near the term ({occurrences} occurrence(s)), not in an aligned sentence"]
    if sentences_with_phrase > a.aligned:
        ev.append(f"{sentences_with_phrase} Korean sentences in all")
    if a.gloss:
        ev.append("followed by the term in brackets")
    if a.title:
        ev.append("right before the title's Korean")
    if a.covered_in >= 0.99:
        ev.append("holds the Korean of the term's words")
    if a.explained_out >= 0.5:
        ev.append("partly the Korean of other words")
    ev.extend(phrase.notes)
    return "; ".join(ev)


def machine_evidence(backend: str, *, in_context: bool) -> str:
    """A machine translation of the term: which backend, whether its context's translation agrees."""
    return (
        f"machine translation ({backend}) of the term"
        + ("; also in its context's translation" if in_context else "")
        + "; unverified"
    )


#: Appended to a parallel-text proposal that the machine translation agrees with.
AGREES_WITH_MT = "; agrees with machine translation"
