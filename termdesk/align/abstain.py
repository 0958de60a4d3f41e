"""Proposals that abstain: a calibrated score, cross-checks, and what is never proposed.

A parallel-text phrase is offered as the row's ``ko`` only when its calibrated score
(:func:`calibrate`) reaches :data:`OFFER_THRESHOLD`; below it the phrase stays in the
alternatives column with its score, so nothing is lost. The score rises with the
cross-checks the phrase passes (:data:`CHECKS`): a common word that nothing ties to the
term (``위험성`` for United Nations) passes none and stays below the threshold.

Vetoes (:data:`VETOES`), each with its example: a title never receives a phrase holding a
person's name (``송 장관`` for Secretary); a person's name is proposed whole (``미노루``
alone for Kihara Minoru is a given name, not the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..glossary import Entry, has_hangul
from ..ko.surnames import is_surname
from .scoring import RankedPhrase, TermProfile

#: A parallel proposal is offered as ``ko`` from this calibrated score on.
OFFER_THRESHOLD = 0.4


@dataclass(frozen=True)
class Check:
    """One cross-check a phrase can pass: its name, what it means, an example (term, phrase)."""

    name: str
    meaning: str
    example: tuple[str, str]


CHECKS: tuple[Check, ...] = (
    Check(
        "words",
        "the phrase holds the glossary's or the lexicon's Korean of the term's words",
        ("nuclear weapons", "핵무기"),
    ),
    Check(
        "gloss",
        "the term or its acronym follows the phrase in brackets",
        ("Nuclear Consultative Group", "핵협의그룹"),
    ),
    Check(
        "name",
        "a name read or transliterated consistently with the English, in an aligned sentence",
        ("Kabul", "카불"),
    ),
    Check(
        "title", "the phrase stands right before the Korean of a title next to the term", ("Song Young-moo", "송영무")
    ),
    Check(
        "consistent",
        "the phrase is in every aligned sentence of three or more occurrences",
        ("Indo-Pacific", "인도·태평양"),
    ),
)


@dataclass(frozen=True)
class Veto:
    """A rule that removes or caps a phrase: its name, the example it refuses (term, type, phrase)."""

    name: str
    meaning: str
    example: tuple[str, str, str]


VETOES: tuple[Veto, ...] = (
    Veto(
        "title-with-name",
        "a title entry never receives a phrase with a person's name in it",
        ("Secretary", "title", "송 장관"),
    ),
    Veto(
        "partial-name",
        "a person's name is proposed whole, not a given name or a surname alone",
        ("Kihara Minoru", "person", "미노루"),
    ),
    Veto(
        "latin-for-words", "Latin script for a term of ordinary English words", ("United Nations", "organization", "UN")
    ),
)

_INITIAL = re.compile(r"^(?:[A-Z]\.?|Jr\.?|Sr\.?|I{1,3}|IV)$")


def checks_of(t: TermProfile, phrase: RankedPhrase, occurrences: int) -> tuple[str, ...]:
    """The cross-checks (:data:`CHECKS` names) a ranked phrase passes."""
    a = phrase.evidence
    out: list[str] = []
    if a.covered_in >= 0.99 and a.explained_out < 0.2:
        out.append("words")
    if a.gloss:
        out.append("gloss")
    if a.aligned and any(n.startswith(("romanisation", "transliteration", "glossary spells")) for n in phrase.notes):
        out.append("name")  # a sound-alike outside the aligned sentences is chance (포함 for Burma)
    if a.title:
        out.append("title")
    if occurrences >= 3 and a.aligned >= occurrences:
        out.append("consistent")
    return tuple(out)


def people_words(entries: Iterable[Entry]) -> frozenset[str]:
    """The Korean words (two syllables or more) of the people in the glossary."""
    return frozenset(w for e in entries if e.type == "person" for ko in e.ko_forms for w in ko.split() if len(w) >= 2)


def name_words(term: str) -> int:
    """How many words a person's name has, initials and suffixes left out (``Dana W. White`` → 2)."""
    return sum(1 for w in term.replace(",", " ").split() if not _INITIAL.match(w))


def veto(t: TermProfile, ko: str, *, people: frozenset[str] = frozenset()) -> str:
    """The name of the :data:`VETOES` rule that refuses ``ko`` for the term, or ``""``.

    ``people``: the Korean words of the glossary's people (``송영무``, ``매티스``), so that a title is never
    given ``송영무 국방부 장관``."""
    words = ko.split()
    if t.type == "title" and words and (any(is_surname(w) for w in words[:-1]) or any(w in people for w in words)):
        return "title-with-name"
    if t.person and not t.korean_name and has_hangul(ko) and len(words) < min(2, name_words(t.forms[0])):
        return "partial-name"
    if not t.person and not has_hangul(ko) and not t.all_latin and not t.digits:
        return "latin-for-words"
    return ""


def calibrate(score: float, checks: Sequence[str]) -> float:
    """The calibrated score of a parallel phrase: its ranking score lifted by each cross-check it passes.

    Tuned on the development set (``benchmarks/mining_eval.py``): a phrase with no cross-check stays
    below :data:`OFFER_THRESHOLD` unless it is nearly certain on ranking alone (score ≥ 0.8).
    """
    if not checks:
        return round(min(0.99, 0.5 * score), 2)
    return round(min(0.99, 0.3 + 0.5 * score + 0.1 * len(checks)), 2)


def offered(score: float, source: str) -> bool:
    """Whether a proposal is offered as the row's ``ko`` (glossary and MT proposals keep their own rules)."""
    return source != "parallel" or score >= OFFER_THRESHOLD
