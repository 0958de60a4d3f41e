"""Metonyms and self-reference, and first-mention forms.

* ``Seoul's defense ministry`` → 국방부, ``South Korea's Joint Chiefs of Staff`` → 합동참모본부:
  handled by the country qualifiers in :mod:`termdesk.newsroom.titles` (no country prefix for
  South Korean bodies);
* ``the two allies`` / ``both allies`` / ``the two countries`` when the article is about Seoul and
  Washington → 양국 (:data:`METONYM_RULES`);
* first mention (:data:`FIRST_MENTION_RULES`): an entry with a ``ko_first`` form
  (합동참모본부(합참), 고고도미사일방어체계(사드)) is written that way at its first occurrence in
  the article and as ``ko`` afterwards.
"""

from __future__ import annotations

import re

from ..match import Match
from .rules import NewsroomRule, make_match, replace_span

__all__ = ["FIRST_MENTION_RULES", "METONYM_RULES", "apply_first_mention", "apply_metonyms"]

METONYM_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule(
        "metonym-two-allies",
        "metonyms",
        "'the two allies' / 'both countries' for Seoul and Washington → 양국 ('the two sides' → 양측)",
        "The United States and the Republic of Korea held talks. The two allies agreed.",
        "양국",
    ),
    NewsroomRule(
        "metonym-the-allies",
        "metonyms",
        "'the allies' in an article about Seoul and Washington only (no third ally named) → 한미 양국",
        "South Korea and the United States held talks. The allies agreed to expand drills.",
        "한미 양국",
    ),
    NewsroomRule(
        "country-dropped-kr",
        "metonyms",
        "a South Korean body named with its country (Seoul's, South Korea's, South Korean) → the body alone",
        "Seoul's Ministry of National Defense said",
        "국방부",
    ),
)

FIRST_MENTION_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule(
        "first-mention",
        "first",
        "an entry's ko_first form at its first occurrence in the article, ko afterwards",
        "The Joint Chiefs of Staff said. The JCS added.",
        "합동참모본부(합참)",
    ),
)

_THE_ALLIES = re.compile(r"(?<![\w-])[Tt]he\s+allies(?![\w'’-])")
_TWO = re.compile(r"(?<![\w-])(?:the\s+two|both)\s+(?P<what>allies|countries|nations|sides)(?![\w-])", re.IGNORECASE)


def apply_metonyms(text: str, ms: list[Match], countries: set[str]) -> list[Match]:
    """``the two allies`` → 양국 when the article names both South Korea and the U.S."""
    if not {"KR", "US"} <= countries:
        return ms
    if "JP" not in countries:
        for hit in _THE_ALLIES.finditer(text):
            a, b = hit.span()
            if any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in ms):
                continue
            ms = replace_span(ms, make_match(text, a, b, "한미 양국", "metonym-the-allies"))
    for hit in _TWO.finditer(text):
        a, b = hit.span()
        if any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in ms):
            continue
        ko = "양측" if hit.group("what").lower() == "sides" else "양국"
        ms = replace_span(ms, make_match(text, a, b, ko, "metonym-two-allies"))
    return ms


def apply_first_mention(ms: list[Match], seen: set[str]) -> list[Match]:
    """The first occurrence of an entry with ``ko_first`` takes that form (``seen`` carries across segments)."""
    out = []
    for m in ms:
        entry = m.entry
        if entry is not None and not m.composed_of and not m.rule:
            first = entry.ko_first
            if entry.id not in seen:
                seen.add(entry.id)
                if first and m.ko == entry.ko:
                    m = Match(
                        m.start, m.end, m.text, entry, first, m.composed_of, m.flags, m.name_span, "first-mention"
                    )
        elif entry is not None:
            seen.add(entry.id)
        out.append(m)
    return out
