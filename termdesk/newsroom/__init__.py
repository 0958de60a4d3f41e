"""Newsroom Korean: the renderings a Korean newsroom (Yonhap, the Ministry of National Defense) writes.

The matcher (:mod:`termdesk.match`) finds the glossary's terms; these rules turn its matches
into what Korean copy writes, article by article, and add what the glossary cannot list:

=============  ===================================================================  ==================
table          what                                                                 module
=============  ===================================================================  ==================
titles         Chief/Acting/former/Deputy, ROK/U.S. qualifiers, DoD apposition,      ``titles``
               a foreign holder's own post (Foreign Minister Wang Yi → 중국 외교부장)
compounds      U.S.-ROK → 한미, coordinated pairs, shared titles, inter-Korean      ``compounds``
metonyms       the two allies → 양국; Seoul's defense ministry → 국방부               ``metonyms``/``titles``
attributive    a deterrent posture → 억제(태세), not the capability 억제력              ``attributive``
later          Secretary Mattis / Mattis / the secretary → 매티스 장관                ``later``
first          ko_first at the first occurrence (합동참모본부(합참)), ko after          ``metonyms``
ordinals       55th SCM → 제55차 한미안보협의회의; sixth nuclear test → 6차 핵실험      ``dates``
dates/numbers  Oct. 28, 2017 → 2017년 10월 28일; today → 13일; $110 million → 1억1천만 달러  ``dates``
=============  ===================================================================  ==================

Every match a rule produces carries the rule id in :attr:`Match.rule` and the rendering in
:attr:`Match.ko`: annotate shows them, the glossary backend writes them inline, the MT
backends protect and verify them like glossary terms, and an LLM backend sends them as
required forms. The API:

* :func:`render_article` — the matches of each segment of one article, in order (later
  mentions and first mentions carry across segments);
* :func:`render_text` — the same for one text;
* :func:`rule_table` — every rule with its example (``termdesk annotate --list-rules``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date as Date

from ..match import Match, Matcher
from .attributive import ATTRIBUTIVE_RULES, apply_attributive
from .compounds import COMPOUND_RULES, apply_compounds, country_code
from .dates import (
    DATE_RULES,
    FLAG_UNRESOLVED_DATE,
    NUMBER_RULES,
    ORDINAL_RULES,
    apply_dates,
    apply_numbers,
    apply_ordinals,
)
from .later import LATER_RULES, ArticleState, apply_later, apply_title_surname, glossary_surnames, note_people
from .metonyms import (
    ACRONYM_RULES,
    FIRST_MENTION_RULES,
    METONYM_RULES,
    apply_acronyms,
    apply_first_mention,
    apply_metonyms,
)
from .rules import NewsroomRule
from .titles import (
    APPOSITION_RULES,
    CHAMBER_CONTEXT,
    COMMANDER_OF,
    COUNTRY_QUALIFIERS,
    FOREIGN_HOLDER,
    HONORIFIC_DROPPED,
    KNOWN_RANK_BEFORE_POST,
    KR_AFTER,
    KR_US_POST,
    MARINE_CONTEXT,
    NAVY_CAPTAIN,
    NAVY_CONTEXT,
    QUALIFIER_ABSORBED,
    RANK_BEFORE_POST,
    RANK_DROPPED,
    RANK_DROPPED_SERVICE,
    SPEAKER_LABEL,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    UNLISTED_POST_RANK,
    VOCATIVE_CHAIR,
    absorb_kr_qualifier,
    apply_navy_captain,
    apply_titles,
    apply_vocative_chair,
)

__all__ = [
    "FLAG_UNRESOLVED_DATE",
    "NewsroomRule",
    "iter_render",
    "render_article",
    "render_text",
    "rule_table",
]


def rule_table() -> tuple[NewsroomRule, ...]:
    """Every newsroom rule with its example, table by table (each example is a test case)."""
    return (
        *(m.rule for m in TITLE_MODIFIERS),
        *(r for r, _ in TITLE_HEADS),
        *(r for r, _, _ in COUNTRY_QUALIFIERS),
        KR_US_POST,
        KR_AFTER,
        RANK_DROPPED,
        RANK_DROPPED_SERVICE,
        RANK_BEFORE_POST,
        UNLISTED_POST_RANK,
        KNOWN_RANK_BEFORE_POST,
        HONORIFIC_DROPPED,
        VOCATIVE_CHAIR,
        SPEAKER_LABEL,
        QUALIFIER_ABSORBED,
        *APPOSITION_RULES,
        COMMANDER_OF,
        FOREIGN_HOLDER,
        NAVY_CAPTAIN,
        *COMPOUND_RULES,
        *METONYM_RULES,
        *ATTRIBUTIVE_RULES,
        *LATER_RULES,
        *ACRONYM_RULES,
        *FIRST_MENTION_RULES,
        *ORDINAL_RULES,
        *DATE_RULES,
        *NUMBER_RULES,
    )


_COUNTRY_SCAN = re.compile(
    r"(?<![\w.-])(South Korea|Republic of Korea|ROK|Seoul|United States|U\.S\.|Washington|Japan|Tokyo)"
)


#: A transcript's speaker label opening a paragraph: words in capitals, perhaps a note in brackets, a colon.
_SPEAKER_LABEL = re.compile(r"^\s*[A-Z][A-Z.'’ -]{2,}(?:\s*\([^)]*\))?\s*:\s")

#: How many leading segments the article-level look-ahead reads (its date, its people, its countries):
#: the headline and the first paragraphs name them; the rest of a long article streams.
LOOKAHEAD = 8


def iter_render(
    texts: Iterable[str],
    matcher: Matcher,
    *,
    date: Date | None = None,
    unresolved: bool = True,
) -> Iterator[tuple[Match, ...]]:
    """:func:`render_article` as a generator: segments are read as they come (memory stays flat on a
    long article); only the first :data:`LOOKAHEAD` are read ahead for the date, the people a headline
    names and the countries."""
    from ..article_date import article_date

    it = iter(texts)
    head = list(itertools.islice(it, LOOKAHEAD))
    when = date if date is not None else article_date("\n".join(head))
    countries = {country_code(m.group(1)) or "" for t in head for m in _COUNTRY_SCAN.finditer(t)}
    head_found = [matcher.find(text) for text in head]
    # a transcript (speaker labels in capitals: "STAFF:", "SECRETARY AUSTIN:"): its today is the speaker's
    transcript = any(_SPEAKER_LABEL.match(t) for t in head)
    article_people = {m.entry for ms in head_found for m in ms if m.entry is not None and m.entry.type == "person"}
    # the people the first segments introduce, for a headline that names them before the body does
    # (read with the title rules, so a person is remembered with the post the body gives: 왕이 중국 외교부장)
    ahead = ArticleState()
    for text, ms in zip(head, head_found, strict=True):
        note_people(text, apply_titles(text, ms, matcher), ahead)
    state = ArticleState()
    # a story of the Navy, not the Marines': a bare Capt. is a Navy captain (a Marine captain is 대위)
    navy = any(NAVY_CONTEXT.search(t) for t in head)
    chamber = any(CHAMBER_CONTEXT.search(t) for t in head)
    marines = any(MARINE_CONTEXT.search(t) for t in head)
    for index, text in enumerate(itertools.chain(head, it)):
        ms = head_found[index] if index < len(head_found) else matcher.find(text)
        if index >= len(head):
            countries |= {country_code(m.group(1)) or "" for m in _COUNTRY_SCAN.finditer(text)}
            navy = navy or NAVY_CONTEXT.search(text) is not None
            marines = marines or MARINE_CONTEXT.search(text) is not None
            chamber = chamber or CHAMBER_CONTEXT.search(text) is not None
            article_people |= {m.entry for m in ms if m.entry is not None and m.entry.type == "person"}
        if index == 0 and ahead.people:
            cut = text.find("\n")
            if cut > 0 or len(head) > 1:
                headline = text[:cut] if cut > 0 else text
                rest = [m for m in ms if m.start >= len(headline)]
                ms = apply_later(headline, [m for m in ms if m.end <= len(headline)], ahead, headline=True)
                ms = absorb_kr_qualifier(headline, ms) + rest
        known = [*ahead.people.values(), *state.people.values()]
        ms = apply_title_surname(
            text,
            ms,
            article_people,
            introduced=known,
            before=state.people,
            glossary_people=glossary_surnames(matcher),
        )
        ms = apply_navy_captain(apply_titles(text, ms, matcher), matcher, navy=navy and not marines)
        ms = apply_vocative_chair(text, ms, chamber=chamber)
        ms = apply_compounds(text, ms, matcher)
        ms = apply_ordinals(text, ms)
        ms = apply_acronyms(text, ms)
        ms = apply_dates(text, ms, when, relative=not transcript)
        ms = apply_numbers(text, ms)
        ms = apply_metonyms(text, ms, countries)
        ms = apply_attributive(text, ms, matcher.entries)
        note_people(text, ms, state)
        ms = apply_later(text, ms, state)
        ms = absorb_kr_qualifier(text, ms)
        ms = apply_first_mention(ms, state.seen_entries)
        if not unresolved:
            ms = [m for m in ms if FLAG_UNRESOLVED_DATE not in m.flags]
        yield tuple(sorted(ms, key=lambda m: m.start))


def render_article(
    texts: Sequence[str],
    matcher: Matcher,
    *,
    date: Date | None = None,
    unresolved: bool = True,
) -> tuple[tuple[Match, ...], ...]:
    """Newsroom renderings of one article's segments (or paragraphs), in order.

    ``date`` is the article's date (``today`` and weekdays resolve against it); without it the
    dateline of the first segments is used (:func:`termdesk.article_date.article_date`), and with
    neither, ``today``/weekdays are returned flagged ``unresolved-date`` (``unresolved=False``
    leaves them out: a draft keeps the English). Each match is a glossary match or a rule's
    (``Match.rule``), sorted, non-overlapping.
    """
    return tuple(iter_render(texts, matcher, date=date, unresolved=unresolved))


def render_text(text: str, matcher: Matcher, *, date: Date | None = None, unresolved: bool = True) -> tuple[Match, ...]:
    """:func:`render_article` for one text."""
    return render_article([text], matcher, date=date, unresolved=unresolved)[0]
