"""The record every newsroom rule table entry is, and the helpers the rules share.

A :class:`NewsroomRule` names one rule (its ``id`` is what a :class:`~termdesk.match.Match`
carries in ``rule`` and what the terms CSV shows in its ``rule`` column), says what it does,
and carries its example: English as it occurs in copy and the Korean the rule gives. Every
example is a test case (``tests/test_newsroom.py`` renders each ``example_en`` with the
repository glossary and expects ``example_ko`` among the renderings).
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..match import Match, Matcher

_T = TypeVar("_T")

__all__ = ["NewsroomRule", "make_match", "overlaps", "per_matcher", "replace_span", "shift_match"]


@dataclass(frozen=True)
class NewsroomRule:
    """One rule of a newsroom table, with its example (a test case)."""

    id: str
    table: str  # titles, compounds, metonyms, later, first, ordinals, dates, numbers
    description: str
    example_en: str
    example_ko: str


def make_match(
    text: str,
    start: int,
    end: int,
    ko: str,
    rule: str,
    *,
    entry: object | None = None,
    parts: Sequence[Match] = (),
    flags: tuple[str, ...] = (),
) -> Match:
    """A Match produced by a rule: ``text[start:end]`` rendered ``ko``, carrying the rule id."""
    return Match(
        start=start,
        end=end,
        text=text[start:end],
        entry=entry,  # type: ignore[arg-type]
        ko=ko,
        composed_of=tuple(parts),
        flags=flags,
        rule=rule,
    )


def shift_match(m: Match, text: str, mapping: dict[int, int] | None = None, delta: int = 0) -> Match:
    """``m`` with offsets moved (``mapping`` of old → new offsets, else ``+delta``), ``text`` re-sliced."""

    def mv(x: int) -> int:
        return mapping[x] if mapping is not None and x in mapping else x + delta

    s, e = mv(m.start), mv(m.end)
    parts = tuple(shift_match(p, text, mapping, delta) for p in m.composed_of)
    span = (mv(m.name_span[0]), mv(m.name_span[1])) if m.name_span else None
    return Match(s, e, text[s:e], m.entry, m.ko, parts, m.flags, span, m.rule)


def overlaps(m: Match, start: int, end: int) -> bool:
    return m.start < end and start < m.end


def replace_span(ms: list[Match], new: Match) -> list[Match]:
    """``ms`` without the matches overlapping ``new``, with ``new`` in order."""
    out = [m for m in ms if not overlaps(m, new.start, new.end)]
    out.append(new)
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so ``South Korea`` wins over ``Korea``)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def per_matcher(build: Callable[[Matcher], _T]) -> Callable[[Matcher], _T]:
    """``build(matcher)`` — a table read off the matcher's glossary — computed once per matcher; the
    matcher is held weakly, so a matcher that is dropped drops its table."""
    tables: weakref.WeakKeyDictionary[Matcher, _T] = weakref.WeakKeyDictionary()

    @functools.wraps(build)
    def table(matcher: Matcher) -> _T:
        found = tables.get(matcher)
        if found is None:
            found = tables[matcher] = build(matcher)
        return found

    return table
