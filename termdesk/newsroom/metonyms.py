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

import itertools
import re

from ..match import Match
from .rules import NewsroomRule, make_match, replace_span

__all__ = [
    "ACRONYM_RULES",
    "CAPITALS",
    "FIRST_MENTION_RULES",
    "METONYM_RULES",
    "apply_acronyms",
    "apply_first_mention",
    "apply_metonyms",
]

#: A capital standing for its government (the subject of a verb) → the country (Korean copy: 한국, 미국 …).
CAPITALS: dict[str, str] = {
    "Seoul": "한국",
    "Washington": "미국",
    "Pyongyang": "북한",
    "Tokyo": "일본",
    "Beijing": "중국",
    "Moscow": "러시아",
}

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
        "metonym-the-allies",
        "metonyms",
        "the possessive 'the allies'' in such an article → 한미 양국 (not 동맹국: the two allies, not allies at large)",
        "South Korea and the United States held talks. They praised the allies' combined exercises.",
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

METONYM_RULES += (
    NewsroomRule(
        "metonym-capital",
        "metonyms",
        "a capital as the subject of a verb stands for its government → the country",
        "Under the agreement, Seoul will pay $1.1 billion.",
        "한국",
    ),
    NewsroomRule(
        "metonym-capital",
        "metonyms",
        "a capital's possessive before a common noun → the country",
        "ways to strengthen Washington's implementation of extended deterrence",
        "미국",
    ),
    NewsroomRule(
        "metonym-capital",
        "metonyms",
        "a capital after 'with' (a partner in talks) → the country",
        "It said that it would consult with Washington over the deployment.",
        "미국",
    ),
)

ACRONYM_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule(
        "acronym-parenthetical",
        "first",
        "a term followed by its own acronym in parentheses → one rendering with the acronym (no repetition)",
        "the 52nd Security Consultative Meeting (SCM)",
        "제52차 한미안보협의회의(SCM)",
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

_VERBS = (
    r"will|would|has|have|had|is|was|said|says|agreed|announced|plans|wants|must|should|could|can|did|does|urged|"
    r"called|condemned|warned|rejected|welcomed|hopes|expects|insists|demanded|demands|remains|pledged|vowed"
)
_CITY = "|".join(CAPITALS)
#: a capital as a government: the subject of a verb (``Seoul will``), the partner of ``with``
#: (``consult with Washington``), or a possessive before a common noun (``Washington's implementation``;
#: not ``Seoul's Gangnam district``). The possessive is part of the span: the Korean is the country.
_CAPITAL = re.compile(rf"(?<![\w.-])(?P<city>{_CITY})(?:(?=\s+(?:{_VERBS})\b)|['’]s(?=\s+[a-z]))")
_CAPITAL_WITH = re.compile(rf"(?<=\bwith\s)(?P<city>{_CITY})(?![\w'’-])")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|into|near|around|visit(?:s|ed|ing)?)\s+$", re.IGNORECASE)
#: ``the allies`` and its possessive ``the allies'`` (not ``the allies's``, not ``the allies-led``)
_THE_ALLIES = re.compile(r"(?<![\w-])[Tt]he\s+allies(?:['’](?![\w'’-]))?(?![\w'’-])")
_TWO = re.compile(r"(?<![\w-])(?:the\s+two|both)\s+(?P<what>allies|countries|nations|sides)(?![\w-])", re.IGNORECASE)


def apply_metonyms(text: str, ms: list[Match], countries: set[str]) -> list[Match]:
    """``the two allies`` → 양국 when the article names both South Korea and the U.S.; ``Seoul will`` → 한국."""
    hits = sorted([*_CAPITAL.finditer(text), *_CAPITAL_WITH.finditer(text)], key=lambda h: h.start())
    for hit in hits:
        a, b = hit.span()
        if _PLACE_BEFORE.search(text, max(0, a - 12), a):
            continue  # "the talks in Seoul will end": the city
        if any(m.start < b and a < m.end and not (m.start == a and m.end == b and not m.rule) for m in ms):
            continue
        ms = replace_span(ms, make_match(text, a, b, CAPITALS[hit.group("city")], "metonym-capital"))
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
        acronym = m.rule == "acronym-parenthetical"
        if entry is not None and (acronym or (not m.composed_of and not m.rule)):
            first = entry.ko_first
            if entry.id not in seen:
                seen.add(entry.id)
                if first and acronym and "(" in first and entry.ko in m.ko:
                    # 제52차 + 한미안보협의회의(SCM): the first-mention form replaces the term and its acronym
                    ko = m.ko[: m.ko.index(entry.ko)] + first
                    m = Match(m.start, m.end, m.text, entry, ko, m.composed_of, m.flags, m.name_span, m.rule)
                elif first and m.ko == entry.ko and not acronym:
                    m = Match(
                        m.start, m.end, m.text, entry, first, m.composed_of, m.flags, m.name_span, "first-mention"
                    )
        elif entry is not None:
            seen.add(entry.id)
        out.append(m)
    return out


#: Entry types whose Latin acronym Korean copy keeps after the Korean name at first mention.
_ACRONYM_KEPT = frozenset({"meeting", "exercise", "document"})


def apply_acronyms(text: str, ms: list[Match]) -> list[Match]:
    """``Security Consultative Meeting (SCM)``: the term and its own acronym in parentheses are one rendering."""
    out = list(ms)
    for m, n in itertools.pairwise(ms):
        if m.entry is None or n.entry is None or n.entry.id != m.entry.id or n.composed_of or "(" in m.ko:
            continue
        if not re.fullmatch(r"\s*\(", text[m.end : n.start]) or text[n.end : n.end + 1] != ")":
            continue
        # meetings and the like keep their Latin acronym in Korean copy (한미안보협의회의(SCM)); a place or
        # body is written once (북한, not 북한(DPRK)); a first-mention form, where the entry has one, wins
        ko = f"{m.ko}({n.text})" if m.entry.type in _ACRONYM_KEPT and n.text.isascii() else m.ko
        new = Match(m.start, n.end + 1, text[m.start : n.end + 1], m.entry, ko, (m, n), m.flags, m.name_span,
                    "acronym-parenthetical")  # fmt: skip
        out = replace_span(out, new)
    return out
