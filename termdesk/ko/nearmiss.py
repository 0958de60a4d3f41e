"""Deformed renderings of a Korean term: a word that looks like a glossary form but is not it.

A translator (or an MT system) who half-remembers a term writes a word that keeps the term's
first syllable and its head (the last two syllables) but changes or drops the middle:
고고도방어체계 for 고고도미사일방어체계, 합참본부 for 합동참모본부 (a blend of the short form 합참
and the full form), 핵자문그룹 for 핵협의그룹. Such a word is read as the term by a quick eye
and by a substring search (it may even carry the right acronym in brackets), so it needs its
own test. Every example is a test case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .compounds import countries_of_compound
from .hangul import SYLLABLE_CLASS

__all__ = ["DEFORMED_IN_TEXT_EXAMPLES", "NEAR_MISS_EXAMPLES", "deformed_forms", "is_near_miss"]

#: (word, glossary form, is a deformed rendering) — each one a test.
NEAR_MISS_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("고고도방어체계", "고고도미사일방어체계", True),  # the middle dropped
    ("합참본부", "합동참모본부", True),  # short and full form blended
    ("핵자문그룹", "핵협의그룹", True),  # the middle replaced, same length
    ("고고도미사일방어체계", "고고도미사일방어체계", False),  # the form itself
    ("대남미사일", "대륙간탄도미사일", False),  # another term: too different in length, not a subsequence
    ("핵협의그룹", "핵협의그룹", False),
    ("한미연합훈련", "한미연합사령부", False),  # a different head
    ("미사일방어체계", "고고도미사일방어체계", False),  # a different first syllable: a more general term
)

#: (text, forms, deformed words found) for :func:`deformed_forms` — each one a test.
DEFORMED_IN_TEXT_EXAMPLES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("한미핵자문그룹(NCG) 회의", ("핵협의그룹",), ("핵자문그룹",)),  # after a country compound
    ("고고도미사일방어체계(사드)를", ("고고도미사일방어체계",), ()),  # the form itself, not its tail 고도미사일…
    ("합참본부는 밝혔다", ("합동참모본부",), ("합참본부",)),  # a particle cut off
)

_WORD = re.compile(f"[{SYLLABLE_CLASS}]+")
#: Shortest glossary form checked (shorter forms have too many look-alikes).
MIN_FORM = 4


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def is_near_miss(word: str, form: str) -> bool:
    """True when ``word`` (a whole word, particles cut off) is a deformed rendering of ``form``.

    Same first syllable and same last two syllables, not the form itself, not containing it,
    and either a subsequence of it (syllables dropped: 고고도방어체계) or of the same length
    within one syllable (syllables replaced: 핵자문그룹).
    """
    if len(form) < MIN_FORM or len(word) < 3 or word == form or form in word:
        return False
    if word[0] != form[0] or word[-2:] != form[-2:]:
        return False
    return _subsequence(word, form) or abs(len(word) - len(form)) <= 1


def deformed_forms(text: str, forms: Iterable[str], accepted: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(word in ``text``, the form it deforms) for each deformed rendering of one of ``forms``.

    A word is cut after the form's last two syllables (dropping a particle: 핵자문그룹은 →
    핵자문그룹); words equal to an ``accepted`` form are never reported.
    """
    keys = [f for f in {"".join(f.split()) for f in forms} if len(f) >= MIN_FORM and _WORD.fullmatch(f)]
    if not keys:
        return []
    ok = {"".join(a.split()) for a in accepted}
    out: list[tuple[str, str]] = []
    for run in _WORD.findall(text):
        for form in keys:
            found = _in_run(run, form, ok)
            if found:
                out.append((found, form))
    return list(dict.fromkeys(out))


def _in_run(run: str, form: str, ok: set[str]) -> str:
    """The first deformed rendering of ``form`` inside one Hangul run (it may follow a compound
    prefix, 한미핵자문그룹), or ''."""
    for start, ch in enumerate(run):
        if ch != form[0] or (start and countries_of_compound(run[:start]) is None):
            continue  # a word starts the run or follows a country compound (한미핵자문그룹)
        end = run.find(form[-2:], start + 1)
        while end != -1:
            word = run[start : end + 2]
            if word not in ok and is_near_miss(word, form):
                return word
            end = run.find(form[-2:], end + 1)
    return ""
