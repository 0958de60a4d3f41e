"""Glossary terms in a source segment, and what the target has for each.

For every match of the glossary in the English source (``termdesk.match``), the
target is searched for an *accepted* Korean form, spacing-insensitively
(``국방부장관`` = ``국방부 장관``) and with any particle after it
(``송영무 국방부 장관은``). Accepted, in this order:

1. ``form`` — the entry's ``ko`` or one of its ``ko_variants`` (and the matcher's
   own rendering). For a composed title+person match (``Defense Minister Song
   Young-moo`` → ``송영무 국방부 장관``): the composed form in Korean order, or
   the person's and the title's forms each present in the segment (Korean moves
   titles around: ``국방부 장관인 송영무``).
2. ``designator`` — for Latin-script entries, the Latin designator of the term
   (``B-1B``, ``THAAD``, ``KN-08``), from the source or from a Korean form,
   ignoring case, hyphens and spaces.
3. title leniencies (documented because real translations do this):
   ``rank-optional`` — a military rank alone (``Gen.``, ``Adm.``, ``Col.``: an
   abbreviated title) is not required: Korean drops it when a post is given and
   writes 장군 for foreign generals; ``speaker-label`` — a title in capitals in a
   transcript's speaker label (``AMBASSADOR KING:``) is how the transcript names the
   speaker: the Korean label gives his own post (``킹 특사:``) (a title right after
   Assistant/Deputy/Under/Vice/Associate/Principal is another post, which the matcher does not read as the
   glossary's: ``termdesk.match.lower_post_before``);
   ``other-body`` — a lower-case title after an organisation noun (``orchestra
   president``) is that body's officer;
   ``foreign-post`` — a title or an organisation right after another country's
   nationality or possessive (``Malaysian Foreign Minister``, ``Russia's Foreign
   Ministry``) is that country's, which the glossary's (South Korean) rendering
   does not cover; ``plural-title`` — a plural title names several holders, often
   of several countries: the post's head noun is enough (``foreign ministers`` →
   ``외무 장관들``), and heads of state or government are 정상 (``the Presidents of the United
   States and the Republic of Korea`` → ``한미 정상``); ``no-country-prefix`` — when
   a name goes with the title (a composed match, or a name right after it in the
   source), the title's country prefix may be dropped (``Defense Secretary Robert
   Gates`` → ``로버트 게이츠 국방장관`` for ``미 국방장관``): the name tells the country.
4. ``family-name`` — for a foreign person written with a space in Korean
   (``애슈턴 카터``), one of the name's words of two or more syllables
   (``카터``): Korean copy often gives the family name only (``카터 장관``).
5. ``surname-title`` — for a Korean-style name (``송영무``), surname + title on a
   later mention (``송 장관``), once the full name has appeared earlier in the
   same document's target.
6. ``metonym`` — a capital used for its government (``Seoul``, ``Washington``,
   ``Pyongyang``…) may be rendered as the country (``한국``, ``미국``, ``북한``,
   ``한미`` for Seoul and Washington); ``metonym-dropped`` — used possessively
   (``Seoul's defense ministry``) it may be left out: Korean copy writes ``국방부``.

7. newsroom forms (issue 18): ``compound`` — a country (or its capital) is satisfied by its
   syllable inside a country compound or a headline abbreviation (``South Korea and the
   U.S.`` ↔ ``한미``, ``Japan`` ↔ ``한미일``, ``Washington and Pyongyang`` ↔ ``북미``, ``北``;
   :func:`termdesk.ko.compounds.countries_in`); ``later-mention`` — a title on a later
   mention written as surname + the title's short form (``Foreign Minister Cho`` ↔ ``조 장관``,
   ``the Pentagon spokesperson`` ↔ ``화이트 대변인``), the name introduced earlier in the
   target; ``modifier-inside`` — the term's words with a modifier between them or a
   modifier prefix on its last word (``한반도의 평화적 비핵화``, ``미 국방부 수석대변인``; see
   :data:`MODIFIER_PREFIXES`); ``longer-title`` — a title the source continues into a longer
   post the glossary lacks (``Pentagon Chief`` in ``Pentagon Chief Spokesperson``).
8. routine omissions, reported at info level (``TermHit.dropped``): South Korea named before
   its own officials or bodies (``Republic of Korea (ROK) Minister …`` ↔ ``… 국방부 장관``,
   ``President Moon of the Republic of Korea`` ↔ ``문재인 대통령``), a country after its city and a comma
   (``Busan, South Korea`` ↔ ``부산``), and a descriptive phrase
   rendered around its head noun (``commitment to the defense of the ROK`` ↔ ``한국 방어에
   대한 … 공약``).

A person with a post English copy names as the U.S. one (``National Security Advisor Kim Kwan-jin``) is
checked against the post of the person's own country, as the draft renders it (newsroom rule
``title-foreign-holder``: 김관진 국가안보실장; the U.S. post's 국가안보보좌관 is then an error).

Matching also sees through a short bracketed gloss inside a term (``사드(THAAD)
포대`` for ``사드 포대``, ``미사일방어(MD) 체계``).

Only glossary forms (1) count as the rendering *used* (``found``), which the
inconsistency rule compares across segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..dateline import dateline
from ..glossary import form_key, period_groups
from ..ko.compounds import countries_in, country_of_name
from ..ko.forms import KoreanText, compact, designators
from ..ko.hangul import SYLLABLE_CLASS, has_syllable
from ..ko.surnames import family_syllables
from ..match import COMMANDER, RANK_BEFORE_NAME
from ..newsroom.titles import CHAMBER_CONTEXT, apply_foreign_holders, apply_vocative_chair
from ..text import in_speaker_label
from .records import AnalysedDocument, AnalysedSegment, Document, Segment, TermHit

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Entry, Glossary
    from ..match import DatedMatchers, Match, Matcher

#: Capitals used for their governments in wire copy, and the country forms Korean copy uses.
METONYMS: dict[str, tuple[str, ...]] = {
    "seoul": ("한국", "한미", "우리 정부", "우리 군", "남한", "정부"),
    "washington": ("미국", "한미", "미 정부", "미측", "정부"),
    "pyongyang": ("북한", "북측"),
    "beijing": ("중국",),
    "tokyo": ("일본",),
    "moscow": ("러시아",),
}

#: The country of each capital in :data:`METONYMS` (a capital is also satisfied by a compound).
CAPITAL_COUNTRIES: dict[str, str] = {
    "seoul": "KR",
    "washington": "US",
    "pyongyang": "KP",
    "beijing": "CN",
    "tokyo": "JP",
    "moscow": "RU",
}

#: Modifier prefixes Korean glues onto a title or noun without changing the post
#: (``수석대변인`` is still the spokesperson), each with the example that is its test.
#: ``부`` (deputy) is deliberately absent: 부대변인 is another post.
MODIFIER_PREFIXES: dict[str, tuple[str, str, str]] = {
    "수석": ("chief Pentagon spokesperson Dana W. White", "데이나 화이트 미 국방부 수석대변인", "미 국방부 대변인"),
    "신임": ("the new Defense Minister", "신임 국방부장관", "국방부 장관"),
    "요격": ("The Patriot interceptors were deployed.", "패트리엇 요격미사일", "패트리엇 미사일"),
}

#: South Korea named right before one of its own officials or bodies (``ROK Minister …``,
#: ``Republic of Korea (ROK) Minister …``, ``the ROK government``): Korean copy drops it.
_BEFORE_OWN_OFFICIAL = re.compile(
    r"^(?:\s*\((?:ROK|Republic of Korea|South Korea)\))?(?:'s|’s)?\s+(?:[A-Z][a-z]|(?:government|people|military|"
    r"forces|officials?|delegation|side|troops|navy|army|air force|defense ministry|foreign ministry|"
    # a post in lower case (DoD News style: South Korea's deputy defense minister for policy)
    r"deputy|vice|acting|first|chief|top|former|new|minister|ambassador|envoy|president|prime minister|director|"
    r"commander|chairman|spokes(?:person|man|woman)|negotiator|representative|(?:defense|foreign|unification) "
    r"minister|national security|joint chiefs)\b)"
)
#: ... or right after the official it qualifies (``President Moon Jae-in of the Republic of Korea``).
_AFTER_OWN_OFFICIAL = re.compile(r"\b[A-Z][A-Za-z.\-]*,?\s+of\s+(?:the\s+)?$")
#: A city and a comma before a country (``Busan, South Korea``; ``Camp Humphreys, South Korea``).
_CITY_BEFORE = re.compile(r"\b[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?,\s*$")
#: Plural titles of heads of state or government: Korean copy calls them 정상 (``the Presidents of the United
#: States and the Republic of Korea`` ↔ ``한미 정상``).
_LEADER_TITLES = frozenset({"presidents", "prime ministers", "heads of state"})
#: The Korean label that opens a transcript's turn (``킹 특사:``); the English one is
#: :func:`termdesk.text.in_speaker_label`.
_KO_SPEAKER = re.compile(r"\s*[^\s:]{1,12}(?:\s[^\s:]{1,12}){0,3}\s?:")
#: A word after a title that continues it into a longer post (``Pentagon Chief Spokesperson``).
_LONGER_TITLE_AFTER = re.compile(r"^\s+(?:Spokes(?:person|man|woman)|Press Secretary|of Staff)\b")
#: Words before a title noun that are not a name (``두 장관``: the two ministers; ``전 장관``: a former one).
_NOT_A_NAME = frozenset({"두", "세", "양", "각", "그", "전", "해당", "양국", "양측"})  # 이 and 현 are surnames


def dateline_end(source: str) -> int:
    """End offset of a wire dateline at the start of ``source`` (:func:`termdesk.dateline.dateline`), or 0
    when there is none. Korean copy does not carry a dateline over, so a glossary term inside it
    (``South Korea``, ``Russia``) is only worth an info finding."""
    found = dateline(source)
    return found.end if found else 0


#: Words that follow a surname on a later mention (``송 장관``, ``한 의장``, ``김 위원장``).
_TITLE_NOUNS = (
    "장관|차관|의장|대통령|총리|사령관|대사|실장|원장|청장|총장|위원장|국무위원장|부장|부부장|"
    "대변인|후보자|내정자|의원|대표|비서|총비서|외무상|국방상|방위상|제독|대장|중장|소장|준장|대령|씨|전 대통령"
)
_KOREAN_NAME = re.compile(f"^[{SYLLABLE_CLASS}]{{2,4}}$")
_RANK_TITLE = re.compile(r"^(?:[A-Z][a-z]{0,3}\.\s?)+$")  # Gen., Adm., Lt. Gen., Brig. Gen., Col.
#: An organisation noun before a lower-case title: another body's officer (orchestra president = 사장).
_OTHER_BODY_BEFORE = re.compile(
    r"\b(?:company|corporate|orchestra|university|college|club|association|federation|foundation|bank|union|"
    r"committee|council|institute|firm|society|league|network|studio)\s+$",
    re.IGNORECASE,
)
#: A nationality or a country's possessive before a title: the post is another country's.
_NATIONALITY_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:an|ese|ish|i|ch|ic)|[A-Z][A-Za-z.]+(?:'s|’s))\s+$")
_KOREAN_NATIONALITY = frozenset({"Korean", "Korea's", "Korea’s", "Seoul's", "Seoul’s", "ROK's", "ROK’s"})
#: A name right after a title (``Pentagon spokesman Brian Whitman``): the name tells the country.
_NAME_AFTER = re.compile(r"^,?\s+(?:[A-Z][a-z]+\.?\s+){0,3}[A-Z][a-z]+")
_COUNTRY_PREFIXES = ("미국", "미", "중국", "일본", "북한", "러시아", "영국", "프랑스")


def _is_rank(entry: Entry | None, text: str) -> bool:
    """A military rank, not a post: the matcher's test (``Gen.``, ``Rear Adm.``, ``Marshal``) or an
    abbreviated title (``Col.``)."""
    from ..match import is_rank

    if entry is not None and (entry.type != "title" or is_rank(entry)):
        return entry.type == "title"
    en = entry.en if entry is not None else text
    return bool(_RANK_TITLE.match(en.strip())) or bool(_RANK_TITLE.match(text.strip()))


def is_approved(entry: Entry | None) -> bool:
    return entry is None or entry.status == "approved"


def _entry_forms(entry: Entry | None, ko: str) -> tuple[str, ...]:
    forms: list[str] = []
    if entry is not None:
        forms.extend(entry.ko_forms)
        if entry.ko_first:
            forms.append(entry.ko_first)  # the first-mention form is accepted anywhere
    if ko:
        forms.append(ko)
    return tuple(dict.fromkeys(f for f in forms if f))


def _longest_present(target: KoreanText, forms: Sequence[str]) -> str | None:
    best: str | None = None
    for f in forms:
        if target.contains(f) and (best is None or len(compact(f)) > len(compact(best))):
            best = f
    return best


@dataclass
class DocState:
    """What the analysis of earlier segments of the same document found (for later mentions)."""

    full_names: set[str] = field(default_factory=set)
    earlier_words: set[str] = field(default_factory=set)  # Hangul words of earlier targets
    #: a word that is one form of an entry → that entry's other forms (사드 → 고고도미사일방어체계 …)
    siblings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the document is a chamber's copy, where ``Mr. President`` is the chair (newsroom rule title-vocative-chair)
    chamber: bool = False
    #: an undated document: an English form's key → the Korean of every period's entry for it (:func:`periods_of`)
    periods: dict[str, tuple[str, ...]] = field(default_factory=dict)


_SIBLINGS: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}


def sibling_forms(matcher: Matcher) -> dict[str, tuple[str, ...]]:
    """For every one-word Korean form of an entry with several forms, the entry's other forms.

    A term that contains another entry's rendering (``THAAD battery`` → ``사드 포대``) is also
    rendered with that entry's other forms (``고고도미사일방어체계 포대``): the first-mention and
    short forms of one entry are interchangeable inside longer terms.
    """
    cached = _SIBLINGS.get(id(matcher))
    if cached is not None and cached[0] is matcher:
        return cached[1]
    _SIBLINGS.clear()  # one matcher at a time: no growth in long-running processes
    out: dict[str, tuple[str, ...]] = {}
    for e in matcher.entries:
        forms = tuple(dict.fromkeys(f for f in (*e.ko_forms, e.ko_first) if f))
        if len(forms) < 2:
            continue
        for f in forms:
            if " " not in f.strip() and has_syllable(f):
                out.setdefault(f, ())
                out[f] = tuple(dict.fromkeys((*out[f], *(g for g in forms if g != f))))
    _SIBLINGS[id(matcher)] = (matcher, out)
    return out


def _sibling_variants(forms: Sequence[str], siblings: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Each multi-word form with one word replaced by another form of that word's entry."""
    out: list[str] = []
    for f in forms:
        words = f.split()
        if len(words) < 2:
            continue
        for i, w in enumerate(words):
            for alt in siblings.get(w, ()):
                out.append(" ".join((*words[:i], alt, *words[i + 1 :])))
    return tuple(dict.fromkeys(out))


_HANGUL_WORD = re.compile(f"[{SYLLABLE_CLASS}]+")


def _title_heads(entry: Entry | None, forms: Sequence[str]) -> tuple[str, ...]:
    """The short forms a title takes on a later mention: the glossary's ``ko_short`` when the
    entry has one, else each form's last word and the title noun it ends with (외교장관 → 장관)."""
    heads: list[str] = []
    short = entry.ko_short if entry is not None else ""
    if short:
        heads.append(short)
    for f in forms:
        words = f.split()
        if not words:
            continue
        heads.append(words[-1])
        m = re.search(f"(?:{_TITLE_NOUNS})$", words[-1])
        if m:
            heads.append(m.group(0))
    return tuple(dict.fromkeys(h for h in heads if len(h) >= 2 and has_syllable(h)))


def _later_mention(target: KoreanText, heads: Sequence[str], state: DocState) -> bool:
    """Surname (or family name) + a short title, the name introduced earlier in the target
    (``조 장관`` after ``조현``; ``화이트 대변인`` after ``데이나 화이트``)."""
    text = target.nfc
    for head in heads:
        for m in re.finditer(rf"(?<![{SYLLABLE_CLASS}])([{SYLLABLE_CLASS}]{{1,5}})\s+{re.escape(head)}", text):
            name = m.group(1)
            if name in _NOT_A_NAME:
                continue
            before = set(_HANGUL_WORD.findall(text[: m.start()])) | state.earlier_words
            if any(w.startswith(name) and w != head for w in before):
                return True
    return False


def _modifier_inside(target: KoreanText, forms: Sequence[str]) -> bool:
    """A multi-word form with a modifier between its words (``한반도의 평화적 비핵화``) or a
    modifier prefix glued to its last word (``미 국방부 수석대변인``)."""
    glued = "|".join(re.escape(p) for p in MODIFIER_PREFIXES)
    for f in forms:
        words = f.split()
        if len(words) < 2 or not all(has_syllable(w) for w in words):
            continue
        gap = rf"(?:의)?(?:\s+[{SYLLABLE_CLASS}]{{1,5}}\s+|\s*)"
        pattern = gap.join(re.escape(w) for w in words[:-1]) + gap + f"(?:{glued})?" + re.escape(words[-1])
        if re.search(pattern, target.nfc):
            return True
    return False


def _head_noun(form: str) -> str:
    """The head noun of a Korean form: its last word, or the last two syllables of a compound of
    four or more (방위공약 → 공약, 맞춤형 억제전략 → 전략, 한반도 비핵화 → 비핵화); '' for none."""
    words = form.split()
    last = re.search(f"[{SYLLABLE_CLASS}]{{2,}}$", words[-1]) if words else None
    if last is None:
        return ""
    word = last.group(0)
    return word[-2:] if len(word) >= 4 else word


#: The commander of a body named right before it, or of each body of a slashed list (``United Nations
#: Command/Combined Forces Command/United States Forces Korea commander``).
_COMMANDER_AFTER = re.compile(r"(?:\s*/\s*[A-Z][A-Za-z.\- ]*?)*\s+[Cc]ommander\b")
#: ``commanding general of United Nations Command, Combined Forces Command, and`` before a command's name.
_COMMANDER_OF_BEFORE = re.compile(
    rf"\b{COMMANDER}(?:\s+of\s+(?:the\s+)?|,\s+)"
    r"(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*\s*[,;]\s*(?:and\s+)?(?:the\s+)?)*$"
)
#: A rank and a capitalised name after a service (``U.S. Army Gen. Xavier T. Brunson``).
_RANK_NAME_AFTER = re.compile(rf"^\s+{RANK_BEFORE_NAME}\s+[A-Z]")
_SERVICE_KO = ("육군", "해군", "공군", "해병대", "우주군")


def _dropped_reason(m: Match, source: str, target: KoreanText, forms: Sequence[str]) -> str:
    """Why a missing term is a routine omission of Korean copy (reported as info), or ''."""
    entry = m.entry
    if (
        m.type == "organization"
        and any(f.endswith(_SERVICE_KO) for f in forms)
        and _RANK_NAME_AFTER.match(source[m.end :])
    ):
        return "a service before a rank and a name: Korean copy gives the name and the post"
    own = entry is not None and m.type == "place" and country_of_name(entry.ko) == "KR"
    if own and (_BEFORE_OWN_OFFICIAL.match(source[m.end :]) or _AFTER_OWN_OFFICIAL.search(source[: m.start])):
        return "South Korea is not named before or after its own officials and bodies"
    if (
        entry is not None
        and m.type == "place"
        and country_of_name(entry.ko) is not None
        and _CITY_BEFORE.search(source[: m.start])
        and source[m.end : m.end + 2] not in ("'s", "’s")
    ):
        return "a country after its city: Korean copy names the city alone"
    if m.type == "concept" and " " in m.text and m.text[:1].islower():
        for head in sorted({_head_noun(f) for f in forms} - {""}, key=len, reverse=True):
            if target.contains(head):
                return f"a descriptive phrase, rendered around its head noun {head}"
    return ""


def _misspelt_word(target: KoreanText, words: Sequence[str]) -> bool:
    """A word of the name missing from the target while a word of the same length that differs in
    one syllable is there (메티스 for 매티스): the name is misspelt, not shortened."""
    present = set(_HANGUL_WORD.findall(target.nfc))
    for w in words:
        if len(w) < 2 or target.contains(w):
            continue
        for p in present:
            head = p[: len(w)]
            if len(head) == len(w) and sum(a != b for a, b in zip(head, w, strict=True)) == 1:
                return True
    return False


def _person_alternate(target: KoreanText, form: str, state: DocState) -> str:
    """How a person's name is accepted without its glossary form, or '' (rules 4 and 5)."""
    words = form.split()
    if len(words) > 1:
        if _misspelt_word(target, words):
            return ""  # 제임스 메티스: the full name written, one word of it misspelt
        for w in words:
            if len(w) >= 2 and has_syllable(w) and target.contains(w):
                return "family-name"
        return ""
    if _KOREAN_NAME.match(form) and form in state.full_names:
        pattern = re.compile(re.escape(family_syllables(form, short_given=True)) + rf"\s+(?:{_TITLE_NOUNS})")
        if pattern.search(target.text):
            return "surname-title"
    return ""


def _foreign(before: str) -> bool:
    nat = _NATIONALITY_BEFORE.search(before)
    return nat is not None and nat.group(1) not in _KOREAN_NATIONALITY


def _title_leniency(m: Match, target: KoreanText, forms: Sequence[str], source: str, *, named: bool) -> str:
    """How a title is accepted without its glossary form, or '' (rule 3)."""
    before = source[: m.start]
    if _is_rank(m.entry, m.text):
        return "rank-optional"
    if in_speaker_label(source, m.start, m.end) and _KO_SPEAKER.match(target.nfc):
        return "speaker-label"  # "AMBASSADOR KING:" ↔ "킹 특사:": a transcript's label gives the speaker's own post
    if _LONGER_TITLE_AFTER.match(source[m.end :]):
        return "longer-title"
    if m.text.islower() and _OTHER_BODY_BEFORE.search(before):
        return "other-body"
    if _foreign(before):
        return "foreign-post"
    if "plural" in m.flags:
        heads = {f.split()[-1] for f in forms if f.split()}
        if any(len(h) >= 2 and target.contains(h) for h in heads):
            return "plural-title"
        if m.text.casefold() in _LEADER_TITLES and target.contains("정상"):
            return "plural-title"  # the two presidents ↔ 두 정상
    if named or "unknown-name" in m.flags or _NAME_AFTER.match(source[m.end :]):
        for f in forms:
            head, _, rest = f.partition(" ")
            if rest and head in _COUNTRY_PREFIXES and target.contains(rest):
                return "no-country-prefix"
    return ""


def _simple_hit(
    m: Match, target: KoreanText, state: DocState, source: str, *, start: int, end: int, named: bool = False
) -> TermHit:
    entry = m.entry
    forms = _entry_forms(entry, m.ko)
    found = _longest_present(target, forms)
    how = "form" if found else ""
    if not how and m.type == "title":
        how = _title_leniency(m, target, forms, source, named=named)
    if not how and m.type == "organization" and _foreign(source[: m.start]):
        how = "foreign-post"
    if (
        not how
        and m.type == "organization"
        and entry is not None
        and (_COMMANDER_OF_BEFORE.search(source[: m.start]) or _COMMANDER_AFTER.match(source, m.end))
        and any(f.endswith("사령부") and target.contains(f[:-1] + "관") for f in forms)
    ):
        # commander of United Nations Command ↔ 유엔군사령관; "United Nations Command/Combined Forces Command
        # commander" ↔ 유엔군사령관 겸 한미연합사령관
        how = "commander-of"
    if not how:
        latin = designators(m.text) + tuple(d for f in forms for d in designators(f))
        if any(target.designator_present(d) for d in latin):
            how = "designator"
    if not how and state.siblings and _longest_present(target, _sibling_variants(forms, state.siblings)):
        how = "sibling-form"
    if not how and _modifier_inside(target, forms):
        how = "modifier-inside"
    if not how and state.periods and _longest_present(target, state.periods.get(form_key(m.text), ())):
        how = "other-period"  # an undated article: 외교통상부 장관 (1998–2013) for "Foreign Minister" is right too
    if not how and m.type == "title" and _later_mention(target, _title_heads(entry, forms), state):
        how = "later-mention"
    if not how and m.type == "person":
        for f in forms:
            how = _person_alternate(target, f, state)
            if how:
                break
    if not how and m.type == "place":
        key = m.text.casefold().removesuffix("'s").removesuffix("’s")
        if key in METONYMS:
            possessive = m.text.endswith(("'s", "’s")) or source[m.end : m.end + 2] in ("'s", "’s")
            if any(target.contains(a) for a in METONYMS[key]):
                how = "metonym"
            elif possessive:
                how = "metonym-dropped"
    if not how and m.type == "place":
        key = m.text.casefold().removesuffix("'s").removesuffix("’s")
        code = CAPITAL_COUNTRIES.get(key) or (country_of_name(entry.ko) if entry is not None else None)
        if code and code in countries_in(target.nfc):
            how = "compound"
    dropped = "" if how else _dropped_reason(m, source, target, forms)
    if found and m.type == "person":
        state.full_names.add(found)
    spans = tuple(target.find_all(found)) if found else ()
    return TermHit(
        start=start,
        end=end,
        en=m.text,
        entry_id=entry.id if entry is not None else "",
        type=m.type,
        expected=m.ko or (entry.ko if entry is not None else ""),
        accepted=forms,
        found=found,
        ok=bool(how),
        approved=is_approved(entry),
        target_spans=spans,
        how=how,
        dropped=dropped,
        entry=entry,
    )


def _composed_hit(m: Match, target: KoreanText, state: DocState, source: str) -> TermHit:
    parts = tuple(_simple_hit(p, target, state, source, start=p.start, end=p.end, named=True) for p in m.composed_of)
    persons = [p for p in parts if p.type == "person"]
    titles = [p for p in parts if p.type != "person"]
    combos: list[str] = []
    if m.ko:
        combos.append(m.ko)
    for person in persons:
        for title in titles:
            combos.extend(f"{pf} {tf}" for pf in person.accepted for tf in title.accepted)
    combos = list(dict.fromkeys(combos))
    found = _longest_present(target, combos)
    if found:
        how, ok = "form", True
    else:
        person_ok = all(p.ok for p in persons)
        ok = person_ok and all(t.ok for t in titles)
        how = "parts" if ok else ""
    spans: list[tuple[int, int]] = []
    if found:
        spans.extend(target.find_all(found))
    else:
        for p in parts:
            spans.extend(p.target_spans)
    entry = m.entry
    return TermHit(
        start=m.start,
        end=m.end,
        en=m.text,
        entry_id=entry.id if entry is not None else "+".join(p.entry_id for p in parts),
        type=m.type,
        expected=m.ko,
        accepted=tuple(combos),
        found=found,
        ok=ok,
        approved=all(p.approved for p in parts) and is_approved(entry),
        target_spans=tuple(sorted(spans)),
        parts=parts,
        how=how,
        entry=entry,
    )


def analyse_segment(segment: Segment, matcher: Matcher, state: DocState | None = None) -> AnalysedSegment:
    """Match the glossary in the source and look for each term's Korean in the target."""
    state = state if state is not None else DocState()
    target = KoreanText(segment.target)
    hits: list[TermHit] = []
    # a South Korean holder of a post English copy names as the U.S. one holds the ROK post (newsroom rule
    # title-foreign-holder: "National Security Advisor Kim Kwan-jin" ↔ 김관진 국가안보실장)
    found = apply_foreign_holders(matcher.find(segment.source), matcher)
    # "Thank you, Madam President" in a chamber's copy addresses the chair, 의장님: no 대통령 to look for (newsroom
    # rule title-vocative-chair)
    for m in apply_vocative_chair(segment.source, found, chamber=state.chamber):
        if m.entry is None:
            continue
        if m.composed_of:
            hits.append(_composed_hit(m, target, state, segment.source))
        else:
            hits.append(_simple_hit(m, target, state, segment.source, start=m.start, end=m.end))
    state.earlier_words.update(_HANGUL_WORD.findall(target.nfc))
    return AnalysedSegment(segment=segment, terms=tuple(hits))


def periods_of(entries: Iterable[Entry]) -> dict[str, tuple[str, ...]]:
    """For each English form that entries of different periods share with different Korean
    (:func:`~termdesk.glossary.period_groups`), the Korean forms of all of them. An article with no date may be of
    any period: each of them is a right rendering there."""
    return {
        k: tuple(dict.fromkeys(f for e in group for f in e.ko_forms if f))
        for k, group in period_groups(entries).items()
    }


def analyse_document(
    document: Document,
    matcher: Matcher,
    *,
    day: date | None = None,
    periods: dict[str, tuple[str, ...]] | None = None,
) -> AnalysedDocument:
    """The document's segments with their term hits. ``periods`` (:func:`periods_of`) is used when ``day`` is None."""
    chamber = any(CHAMBER_CONTEXT.search(s.source) for s in document.segments)
    state = DocState(siblings=sibling_forms(matcher), chamber=chamber, periods=(periods or {}) if day is None else {})
    return AnalysedDocument(document, tuple(analyse_segment(s, matcher, state) for s in document.segments), day)


def document_date(document: Document) -> date | None:
    """The article's date: its dateline (first segments' source), else ``document.date``."""
    from ..article_date import article_date

    head = "\n\n".join(s.source for s in document.segments[:4])
    return article_date(head, default=document.date)


def build_matcher(glossary: Glossary) -> Matcher:
    """A matcher over the entries that are not deprecated."""
    return build_matchers(glossary).for_date(None)


def build_matchers(glossary: Glossary) -> DatedMatchers:
    """Matchers over the entries that are not deprecated, one per article date that matters."""
    from ..match import DatedMatchers

    return DatedMatchers(e for e in glossary if e.status != "deprecated")


def leaf_hits(hits: Iterable[TermHit]) -> Iterable[TermHit]:
    """Simple hits, with composed matches replaced by their parts."""
    for h in hits:
        if h.parts:
            yield from h.parts
        else:
            yield h
