"""Titles on official copy: modifiers, country qualifiers, DoD-style apposition.

Three tables, each entry with its example:

* :data:`TITLE_MODIFIERS` — a word before or inside a title that makes it another post
  (``Chief`` … spokesperson → 수석대변인, ``Acting`` → 대행, ``former`` → 전) or a post the
  glossary does not have (``Deputy`` before a minister: the match is blocked rather than
  rendered as the minister);
* :data:`TITLE_HEADS` — a word right after a title that continues it into a longer title
  (``Pentagon Chief`` + ``Spokesperson``): the short title is dropped, never rendered;
* :data:`COUNTRY_QUALIFIERS` — ``ROK``, ``Republic of Korea (ROK)``, ``South Korean``,
  ``Seoul's`` before a South Korean post or body are dropped (Korean copy writes no country
  for its own officials and bodies); ``U.S.`` before a post takes the glossary's U.S. entry
  of that post (``the U.S. Chairman of the Joint Chiefs of Staff`` → 미국 합참의장);
* :data:`APPOSITION_RULES` — ``the Chairman of the ROK Joint Chiefs of Staff, General NAME``
  → NAME 합참의장 (the rank is dropped when a post is given).

The matcher (``termdesk.match``) finds the glossary's titles; these functions run on its
matches, re-reading a small window of the text with a qualifier or modifier taken out
(``Pentagon Chief Spokesperson`` is read as ``Pentagon Spokesperson``) so a class of
forms is handled without listing each one in the glossary.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..glossary import Entry
from ..match import COMMANDER, FLAG_UNKNOWN_NAME, RANK_BEFORE_NAME, Match, Matcher, is_rank, normalise
from ..text import in_speaker_label
from .rules import NewsroomRule, make_match, per_matcher, replace_span, shift_match

__all__ = [
    "APPOSITION_RULES",
    "COUNTRY_QUALIFIERS",
    "TITLE_HEADS",
    "TITLE_MODIFIERS",
    "UNLISTED_POST_RANK",
    "TitleModifier",
    "apply_titles",
    "apply_vocative_chair",
]


@dataclass(frozen=True)
class TitleModifier:
    """A word that changes a title: ``kind`` is suffix-replace, append, prefix or block."""

    rule: NewsroomRule
    words: str  # regex, case-insensitive, for the English modifier
    kind: str  # "replace": old suffix → new; "append": add after the title; "prefix": before it; "block"
    old: str = ""
    new: str = ""
    us_new: str = ""  # for "append": what a U.S. title takes instead (대행 vs 직무대행)


TITLE_MODIFIERS: tuple[TitleModifier, ...] = (
    TitleModifier(
        NewsroomRule(
            "title-principal-deputy-spokesperson",
            "titles",
            "'Principal Deputy' with a spokesperson title: 수석부대변인",
            "Principal Deputy State Department Spokesperson Tommy Pigott",
            "미국 국무부 수석부대변인",
        ),
        r"principal\s+deputy",
        "replace",
        "대변인",
        "수석부대변인",
    ),
    TitleModifier(
        NewsroomRule(
            "title-chief-spokesperson",
            "titles",
            "'Chief' before or inside a spokesperson title: 수석대변인 (never the Secretary's 'Pentagon chief')",
            "Pentagon Chief Spokesperson Dana W. White",
            "미국 국방부 수석대변인",
        ),
        r"chief",
        "replace",
        "대변인",
        "수석대변인",
    ),
    TitleModifier(
        NewsroomRule(
            "title-deputy-spokesperson",
            "titles",
            "'Deputy' with a spokesperson title: 부대변인",
            "Deputy Pentagon Press Secretary Sabrina Singh",
            "미국 국방부 부대변인",
        ),
        r"deputy",
        "replace",
        "대변인",
        "부대변인",
    ),
    TitleModifier(
        NewsroomRule(
            "title-acting",
            "titles",
            "'Acting' before a post: 대행 for a U.S. post, 직무대행 for a South Korean one",
            "Acting Secretary of Defense Patrick M. Shanahan",
            "패트릭 섀너핸 미국 국방장관 대행",
        ),
        # DoD's "performing the duties of" (PTDO) is an acting post too: 차관보 대행
        r"acting|performing\s+the\s+duties\s+of(?:\s+the)?",
        "append",
        "",
        "직무대행",
        "대행",
    ),
    TitleModifier(
        NewsroomRule(
            "title-former",
            "titles",
            "'former' before a post: 전 before the title, after the name",
            "former Defense Secretary Chuck Hagel",
            "척 헤이글 전 미국 국방장관",
        ),
        r"former",
        "prefix",
        "",
        "전",
    ),
    TitleModifier(
        NewsroomRule(
            "title-deputy-blocks",
            "titles",
            "'Deputy', 'Vice', 'Assistant', 'Under' before a post the glossary has only without it: no rendering "
            "(a deputy minister is not the minister)",
            "Deputy Defense Minister Kim Seon-ho met reporters.",
            "김선호",
        ),
        # capitalised, or lower case except "under" ("under Secretary Austin's leadership"): "South Korea's deputy
        # defense minister for policy", "the two vice foreign ministers" (DoD News and State style)
        r"Deputy|Vice|Assistant|Under|Associate|deputy|vice|assistant|associate",
        "block",
    ),
)

#: Words that, right after a title, make it part of a longer title (the short one is then dropped).
TITLE_HEADS: tuple[tuple[NewsroomRule, str], ...] = (
    (
        NewsroomRule(
            "title-continues",
            "titles",
            "a title followed by a word that continues it (Spokesperson, Adviser …) is not that title",
            "Pentagon chief adviser John Doe",
            "",
        ),
        r"spokes(?:person|man|woman)|press\s+secretary|advis[eo]r|aide|deputy|nominee|counterpart",
    ),
)

_KR_QUALIFIERS = (
    r"Republic\s+of\s+Korea\s*\(ROK\)",
    r"Republic\s+of\s+Korea",
    r"ROK",
    r"South\s+Korean",
    r"South\s+Korea['’]s",
    r"S\.\s*Korean",
    r"Seoul['’]s",
)
_US_QUALIFIERS = (r"United\s+States\s*\(U\.S\.\)", r"U\.S\.", r"US", r"United\s+States", r"American")

#: Country words before a title or body: (rule, country code, regex).
COUNTRY_QUALIFIERS: tuple[tuple[NewsroomRule, str, str], ...] = (
    (
        NewsroomRule(
            "country-dropped-kr",
            "titles",
            "ROK / Republic of Korea (ROK) / South Korean / Seoul's before a South Korean post or body: "
            "no country in Korean copy",
            "Republic of Korea (ROK) Minister of National Defense Song Young-moo",
            "송영무 국방부 장관",
        ),
        "KR",
        "|".join(_KR_QUALIFIERS),
    ),
    (
        NewsroomRule(
            "country-qualified-us",
            "titles",
            "U.S. before a post: the glossary's U.S. entry of that post",
            "the U.S. Chairman of the Joint Chiefs of Staff, General Joseph F. Dunford Jr.",
            "조지프 던퍼드 미국 합참의장",
        ),
        "US",
        "|".join(_US_QUALIFIERS),
    ),
)

KR_US_POST = NewsroomRule(
    "country-kr-us-post",
    "titles",
    "ROK / South Korean before a post the glossary has only as the U.S. one (no South Korean entry): the post "
    "without the U.S. country word",
    "The ROK chief of naval operations met the delegation.",
    "해군참모총장",
)

KR_AFTER = NewsroomRule(
    "country-dropped-kr-after",
    "titles",
    "'of the Republic of Korea (ROK)' after a South Korean official: dropped",
    "President Moon Jae-in of the Republic of Korea (ROK)",
    "문재인 대통령",
)

APPOSITION_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule(
        "apposition-title-first",
        "titles",
        "DoD style 'the POST, RANK NAME': name first, then the post; the rank is dropped",
        "the Chairman of the ROK Joint Chiefs of Staff, General Jeong Kyeong-doo",
        "정경두 합참의장",
    ),
)

RANK_DROPPED = NewsroomRule(
    "title-rank-dropped",
    "titles",
    "a rank between a post and a name is dropped (Korean copy gives the post)",
    "Pentagon Spokesman Capt. Jeff Davis provided the following readout:",
    "미국 국방부 대변인",
)

_FOREIGN_PREFIXES = (
    "미국",
    "미 ",
    "미국의",
    "중국",
    "일본",
    "북한",
    "러시아",
    "영국",
    "호주",
    "유엔",
    "주한미군",
    "미",
)
_KR_KINDS = frozenset({"title", "organization"})
_RULE_BY_KIND = {m.kind: m for m in TITLE_MODIFIERS}


def _is_title(m: Match) -> bool:
    if m.composed_of:
        return any(p.entry is not None and p.entry.type == "title" for p in m.composed_of)
    return m.entry is not None and m.entry.type == "title"


def _person_ko(m: Match) -> str:
    """The name part of a composed match's Korean ('' for a bare title)."""
    if m.entry is not None and m.entry.type == "person" and m.ko.startswith(m.entry.ko + " "):
        return m.entry.ko
    return ""


def _modify(ko: str, name: str, mod: TitleModifier, us: bool) -> str | None:
    """The Korean of a title changed by ``mod`` (None: the modifier does not apply to it)."""
    title = ko[len(name) + 1 :] if name else ko
    if mod.kind == "replace":
        if not title.endswith(mod.old):
            return None
        title = title[: -len(mod.old)] + mod.new
    elif mod.kind == "append":
        title = f"{title} {mod.us_new if us else mod.new}"
    elif mod.kind == "prefix":
        title = f"{mod.new} {title}"
    else:
        return None
    return f"{name} {title}" if name else title


def _us_title(ko: str) -> bool:
    return ko.startswith(("미국", "미 ", "주한미군"))


def _refind(matcher: Matcher, text: str, a: int, b: int, lo: int, hi: int) -> list[Match]:
    """Matches in ``text[lo:hi]`` read with ``text[a:b]`` taken out, offsets mapped back to ``text``."""
    sub = text[lo:a] + text[b:hi]
    found = matcher.find(sub)
    cut = a - lo
    mapping: dict[int, int] = {}
    for m in found:
        for x in _offsets(m):
            mapping[x] = x + lo if x < cut else (a if x == cut else x + lo + (b - a))
    return [shift_match(m, text, mapping) for m in found]


def _offsets(m: Match) -> list[int]:
    out = [m.start, m.end]
    if m.name_span:
        out.extend(m.name_span)
    for p in m.composed_of:
        out.extend(_offsets(p))
    return out


def _window(text: str, a: int, b: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, a) + 1
    lo = max(lo, a - 120)
    hi = text.find("\n", b)
    hi = len(text) if hi < 0 else hi
    return lo, min(hi, b + 160)


_ANY_MODIFIER = re.compile("|".join(m.words for m in TITLE_MODIFIERS), re.IGNORECASE)


@functools.cache
def _modifier_pattern(mod: TitleModifier) -> re.Pattern[str]:
    case = 0 if mod.kind == "block" else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{mod.words})(?![\w-])\s+", case)


@functools.cache
def _qualifier_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.-])(?:{pattern})(?![\w-])\s+(?:the\s+)?")


def apply_modifiers(text: str, ms: list[Match], matcher: Matcher) -> list[Match]:
    """Title modifiers (``Chief``, ``Acting``, ``former``, ``Deputy`` …) before, inside or at the start of a title."""
    if _ANY_MODIFIER.search(text) is None:
        return ms
    for mod in TITLE_MODIFIERS:
        for hit in _modifier_pattern(mod).finditer(text):
            a, b = hit.start(), hit.end()
            if a and text[a - 1] == "-":
                continue
            inside = [m for m in ms if m.start <= a and b <= m.end and _is_title(m)]
            if inside:
                m = inside[0]
                if m.rule.startswith("title-") or mod.kind == "block":
                    continue
                canon = normalise(" ".join(p.en for p in (m.composed_of or (m,)) if p.entry is not None))
                if re.search(rf"\b(?:{mod.words})\b", canon, re.IGNORECASE):
                    continue  # the glossary's own title has the word (Deputy Secretary of Defense)
                ko = _modify(m.ko, _person_ko(m), mod, _us_title(m.ko[len(_person_ko(m)) :].strip()))
                if ko is not None:
                    ms = replace_span(ms, _renamed(m, ko, mod.rule.id))
                continue
            lo, hi = _window(text, a, b)
            for m in _refind(matcher, text, a, b, lo, hi):
                if not _is_title(m) or not (m.start == a or m.start < a < m.end):
                    continue
                if any(x.start < a and x.end > b for x in ms if x is not m and _is_title(x) and x.start != m.start):
                    continue
                start = min(m.start, a)
                if mod.kind == "block":
                    person = [
                        _renamed(p, p.ko, mod.rule.id)
                        for p in m.composed_of
                        if p.entry is not None and p.entry.type == "person"
                    ]
                    ms = [x for x in ms if not (x.start < m.end and m.start < x.end)] + person
                    ms.sort(key=lambda x: x.start)
                    break
                name = _person_ko(m)
                ko = _modify(m.ko, name, mod, _us_title(m.ko[len(name) :].strip()))
                if ko is None:
                    continue
                new = make_match(text, start, m.end, ko, mod.rule.id, entry=m.entry, parts=m.composed_of or (m,))
                if m.name_span is not None:  # a title before a name the glossary lacks: keep it flagged
                    new = Match(
                        new.start, new.end, new.text, new.entry, ko, new.composed_of, m.flags, m.name_span, new.rule
                    )
                ms = replace_span(ms, new)
                break
    return ms


def _renamed(m: Match, ko: str, rule: str) -> Match:
    return Match(m.start, m.end, m.text, m.entry, ko, m.composed_of, m.flags, m.name_span, rule)


def apply_title_heads(text: str, ms: list[Match]) -> list[Match]:
    """Drop a bare title followed by a word that continues it into a longer title."""
    heads = "|".join(p for _, p in TITLE_HEADS)
    out = []
    for m in ms:
        if (
            _is_title(m)
            and not m.composed_of
            and not m.rule
            and "possessive" not in m.flags  # "the Defense Minister's aide" is about the minister
            and re.match(rf"\s+(?:{heads})\b", text[m.end : m.end + 40], re.IGNORECASE)
        ):
            continue
        out.append(m)
    return out


@per_matcher
def _us_counterparts(matcher: Matcher) -> dict[str, Entry]:
    """Normalised title form with its U.S. qualifier taken out → the U.S. title entry."""
    out: dict[str, Entry] = {}
    for e in matcher.entries:
        if e.type != "title" or not _us_title(e.ko):
            continue
        for form in e.en_forms:
            bare = re.sub(r"\b(?:U\.S\.|US|United States|American)\s+", "", form)
            if bare != form:
                out.setdefault(normalise(bare), e)
    return out


def apply_country_qualifiers(text: str, ms: list[Match], matcher: Matcher) -> list[Match]:
    """``ROK Minister …`` → the South Korean post without a country; ``U.S. Chairman of the JCS`` → the U.S. post."""
    for rule, code, pattern in COUNTRY_QUALIFIERS:
        for hit in _qualifier_pattern(pattern).finditer(text):
            a, b = hit.start(), hit.end()
            if any(m.start < a < m.end or (m.start <= a and b <= m.end and m.end > b) for m in ms):
                continue  # already inside a longer term (U.S. Secretary of Defense, ROK-U.S. alliance)
            lo, hi = _window(text, a, b)
            for m in _refind(matcher, text, a, b, lo, hi):
                if not (m.start == a or m.start < a < m.end) or m.entry is None:
                    continue
                kinds = {p.entry.type for p in (m.composed_of or (m,)) if p.entry is not None}
                if not kinds & _KR_KINDS:
                    continue
                name = _person_ko(m)
                title_ko = m.ko[len(name) :].strip()
                applied = rule
                if code == "KR":
                    posts = [
                        p.entry for p in (m.composed_of or (m,)) if p.entry is not None and p.entry.type == "title"
                    ]
                    bare = _bare_kr_post(title_ko, posts[-1], matcher) if posts else None
                    if bare is not None:  # "ROK chief of naval operations" → 해군참모총장
                        ko = m.ko.replace(title_ko, bare, 1)
                        applied = KR_US_POST
                    elif title_ko.startswith(_FOREIGN_PREFIXES):
                        continue
                    else:
                        ko = m.ko
                else:
                    if _us_title(title_ko):
                        ko = m.ko
                    else:
                        titles = [p for p in (m.composed_of or (m,)) if p.entry is not None and p.entry.type == "title"]
                        last = titles[-1].entry if titles else None
                        us = _us_counterparts(matcher).get(normalise(last.en)) if last is not None else None
                        if us is None or last is None:
                            continue
                        ko = m.ko.replace(last.ko, us.ko, 1)
                        t = titles[-1]
                        swapped = Match(t.start, t.end, t.text, us, us.ko, t.composed_of, t.flags, t.name_span, t.rule)
                        parts = tuple(swapped if p is t else p for p in (m.composed_of or (m,)))
                        entry = us if m.entry is t.entry else m.entry
                        ms = replace_span(
                            ms, make_match(text, min(a, m.start), m.end, ko, rule.id, entry=entry, parts=parts)
                        )
                        break
                start = min(a, m.start)
                ms = replace_span(
                    ms, make_match(text, start, m.end, ko, applied.id, entry=m.entry, parts=m.composed_of or (m,))
                )
                break
    # "President Moon Jae-in of the Republic of Korea (ROK)"
    out = list(ms)
    for m in ms:
        if m.entry is None or m.entry.type != "person":
            continue
        tail = re.match(r"\s+of\s+the\s+(?:Republic\s+of\s+Korea(?:\s*\(ROK\))?|ROK)(?![\w-])", text[m.end :])
        if tail and not m.ko.startswith(_FOREIGN_PREFIXES):
            new = make_match(text, m.start, m.end + tail.end(), m.ko, KR_AFTER.id, entry=m.entry, parts=(m,))
            out = replace_span(out, new)
    return out


def apply_apposition(text: str, ms: list[Match]) -> list[Match]:
    """``the Chairman of the ROK Joint Chiefs of Staff, General Jeong Kyeong-doo`` → 정경두 합참의장."""
    rule = APPOSITION_RULES[0]
    out = list(ms)
    for i, t in enumerate(ms[:-1]):
        if not _is_title(t) or (t.composed_of and _person_ko(t)):
            continue
        p = ms[i + 1]
        gap = text[t.end : p.start]
        if not re.fullmatch(rf",\s+(?:{RANK_BEFORE_NAME}\s+)?", gap) or p.entry is None or p.entry.type != "person":
            continue
        after = text[p.end : p.end + 2]
        if after and not re.match(r"[,.;)\s]", after):
            continue
        ranks = [q for q in p.composed_of if q.entry is not None and q.entry.type == "title"]

        if any(not is_rank(q.entry) for q in ranks if q.entry is not None):
            continue  # the person already has a post
        ko = f"{p.entry.ko} {t.ko}"
        out = replace_span(out, make_match(text, t.start, p.end, ko, rule.id, entry=p.entry, parts=(t, p)))
    return out


#: The U.S. and ROK armed services as DoD copy names them before a rank.
_SERVICES = r"Army|Navy|Air\s+Force|Marine\s+Corps|Marines|Space\s+Force"
#: A service before a rank in DoD style (``Air Force Maj. Gen.``, ``Army Gen.``, ``Navy Adm.``).
_SERVICE = re.compile(rf"\s+(?:(?:U\.S\.\s+)?(?:{_SERVICES}|Marine|Coast\s+Guard)\s+)?")


def _service_rank_person(text: str, post: Match, rank: Match) -> bool:
    """``post`` is a bare post (the service taken for an unknown name) and ``rank`` a glossary person composed
    with a rank only, the two apart by nothing but a service name."""

    if post.composed_of or post.entry is None or post.entry.type != "title" or is_rank(post.entry):
        return False
    if rank.entry is None or rank.entry.type != "person" or not rank.composed_of:
        return False
    titles = [p for p in rank.composed_of if p.entry is not None and p.entry.type == "title"]
    if not titles or not all(is_rank(p.entry) for p in titles if p.entry is not None):
        return False
    gap = _SERVICE.fullmatch(text, post.end, rank.start)
    return gap is not None and (post.name_span is None or post.name_span[1] <= rank.start)


RANK_DROPPED_SERVICE = NewsroomRule(
    "title-rank-dropped",
    "titles",
    "a service and rank between a post and a known name are dropped: name + post (DoD style)",
    "Pentagon Press Secretary Air Force Maj. Gen. Pat Ryder said.",
    "패트릭 라이더 미국 국방부 대변인",
)


def apply_rank_dropped(text: str, ms: list[Match]) -> list[Match]:
    """``Pentagon Spokesman Capt. Jeff Davis``: the rank after a post is dropped (the post stays, name flagged)."""

    out = list(ms)
    for post, rank in itertools.pairwise(ms):
        if _service_rank_person(text, post, rank):
            # Pentagon Press Secretary Air Force Maj. Gen. Pat Ryder: the service and rank go, name + post
            person = rank.entry
            assert person is not None
            parts = (post, *(p for p in rank.composed_of if p.entry is not None and p.entry.type == "person"))
            new = Match(post.start, rank.end, text[post.start : rank.end], person, f"{person.ko} {post.ko}", parts,
                        (), None, RANK_DROPPED.id)  # fmt: skip
            out = replace_span(out, new)
            continue
        if (
            rank.entry is None
            or not is_rank(rank.entry)
            or rank.composed_of
            or not _is_title(post)
            or any(p.entry is not None and p.entry.type == "person" for p in post.composed_of)
            or (post.entry is not None and is_rank(post.entry))
            or not re.fullmatch(r"\s+", text[post.end : rank.start] or "x")
        ):
            continue
        flags = tuple(f for f in rank.flags if f == FLAG_UNKNOWN_NAME)
        new = Match(post.start, rank.end, text[post.start : rank.end], post.entry, post.ko, (post, rank), flags,
                    rank.name_span, RANK_DROPPED.id)  # fmt: skip
        out = replace_span(out, new)
    return out


RANK_BEFORE_POST = NewsroomRule(
    "title-rank-before-post",
    "titles",
    "a rank before a name the glossary lacks, with the post in apposition after it (RANK NAME, POST): the rank "
    "is not rendered — Korean copy gives the name and the post (에이브럼스 한미연합사령관), never the rank too",
    "Gen. Abrams, commander, Combined Forces Command (CFC), briefed the ministers.",
    "한미연합사령관",
)
_APPOSED_POST = re.compile(r",\s+(?:the\s+)?")
UNLISTED_POST_RANK = NewsroomRule(
    "title-rank-unlisted-post",
    "titles",
    "a rank before a name the glossary lacks, with a post the glossary lacks in apposition after the name or before "
    "the rank: the rank is not rendered (에릭 뷰리언 미시간함 함장, not 대령)",
    "said Capt. Erik Burian, Michigan's commanding officer.",
    "",
)


KNOWN_RANK_BEFORE_POST = NewsroomRule(
    "title-known-rank-before-post",
    "titles",
    "a rank before a name the glossary has, with a post in apposition after it (RANK NAME, POST): the name alone, "
    "the rank not rendered — Korean copy names the post (원인철 합참의장), not the rank (원인철 대장)",
    "Gen. Paul LaCamera, United Nations Command/Combined Forces Command/United States Forces Korea commander, spoke.",
    "폴 러캐머라",
)
#: A post in apposition after a name: capitalised words (a command, a body) and a post word, or a post word and
#: ``of`` (``, chairman of Korea's Joint Chiefs of Staff``, ``, UNC/CFC/USFK commander``).
_APPOSED_POST_WORDS = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.'’/-]*,?\s+){0,12}?(?i:(?:deputy|vice|acting|prospective)\s+)?"
    r"(?i:commander|commanding\s+general|commanding\s+officer|chairman|chief|director|minister|secretary"
    r"|spokesperson|ambassador)\b"
)  # only the post words in any case: the words before them are capitalised (", he told the minister" is no post)
#: A post in apposition before a rank and a name (``Michigan's prospective commanding officer, Capt. Joe Turk,``).
_POST_BEFORE_RANK = re.compile(
    r"(?i:commander|commanding\s+general|commanding\s+officer|chairman|chief|director|spokesperson),\s+$"
)


def apply_rank_before_post(text: str, ms: list[Match]) -> list[Match]:
    """``Gen. Abrams, commander, Combined Forces Command``: the rank's rendering (대장) is dropped when a post
    follows the unknown name in apposition (:data:`RANK_BEFORE_POST`); the post keeps its own match."""

    def name_end(m: Match) -> int | None:
        """Where the unknown name after a rank ends ("Gen. Abrams"), or None: no rank before a name the glossary
        lacks."""
        if m.entry is None or not is_rank(m.entry) or m.composed_of or FLAG_UNKNOWN_NAME not in m.flags:
            return None
        return m.name_span[1] if m.name_span is not None else None

    out = list(ms)
    for rank, post in itertools.pairwise(ms):
        end = name_end(rank)
        if end is None or not _is_title(post) or (post.entry is not None and is_rank(post.entry)):
            continue
        gap = _APPOSED_POST.match(text, end)
        if gap is not None and gap.end() == post.start:
            # the post carries the rule, so the terms CSV says why the rank is missing
            out = [_renamed(post, post.ko, RANK_BEFORE_POST.id) if m is post else m for m in out if m is not rank]
    for rank in ms:
        # a post the glossary lacks in apposition after the name ("Capt. Erik Burian, Michigan's commanding
        # officer") or before the rank ("Michigan's prospective commanding officer, Capt. Joe Turk"): Korean copy
        # gives the name and the post, not the rank (:data:`UNLISTED_POST_RANK`)
        end = name_end(rank)
        if rank not in out or end is None:
            continue
        if _APPOSED_POST_WORDS.match(text, end) or _POST_BEFORE_RANK.search(text, 0, rank.start):
            out = [m for m in out if m is not rank]
    for m in list(out):
        # a known person composed with a rank only: "Gen. Won In-choul, chairman of Korea's Joint Chiefs of Staff"
        if m.entry is None or m.entry.type != "person" or not m.composed_of:
            continue
        titles = [p for p in m.composed_of if p.entry is not None and p.entry.type == "title"]
        people = [p for p in m.composed_of if p.entry is not None and p.entry.type == "person"]
        if not titles or len(people) != 1 or not all(p.entry is not None and is_rank(p.entry) for p in titles):
            continue
        if _APPOSED_POST_WORDS.match(text, m.end) is None:
            continue
        name = people[0]
        new = make_match(text, m.start, m.end, name.ko, KNOWN_RANK_BEFORE_POST.id, entry=m.entry, parts=(name,))
        out = replace_span(out, new)
    return out


HONORIFIC_DROPPED = NewsroomRule(
    "title-honorific-dropped",
    "titles",
    "an honorific (Mr., Ms., Mrs., Dr.) between a post and a name is dropped: name + post; before a name the "
    "glossary lacks, the name after it is the unknown name (not 'Ms')",
    "Pentagon Press Secretary Mr. John Kirby said.",
    "존 커비 미국 국방부 대변인",
)
_HONORIFIC = re.compile(r"\s+(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+")
_NAME_AFTER = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]*)*")


def apply_honorifics(text: str, ms: list[Match]) -> list[Match]:
    """``Deputy Pentagon Press Secretary Ms. Sabrina Singh``: the honorific is neither the name nor rendered
    (:data:`HONORIFIC_DROPPED`)."""

    out = list(ms)
    for i, post in enumerate(ms):
        if post.entry is None or post.entry.type != "title" or (post.composed_of and not post.rule):
            continue
        gap = _HONORIFIC.match(text, post.end)
        if gap is None:
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if (
            nxt is not None
            and nxt.start == gap.end()
            and nxt.entry is not None
            and nxt.entry.type == "person"
            and not nxt.composed_of
        ):
            new = Match(post.start, nxt.end, text[post.start : nxt.end], nxt.entry, f"{nxt.ko} {post.ko}",
                        (post, nxt), (), None, HONORIFIC_DROPPED.id)  # fmt: skip
            out = replace_span(out, new)
            continue
        if FLAG_UNKNOWN_NAME in post.flags and post.name_span is not None:
            name = _NAME_AFTER.match(text, gap.end())
            if name is not None:
                out = replace_span(out, Match(post.start, post.end, post.text, post.entry, post.ko, post.composed_of,
                                              post.flags, name.span(), post.rule))  # fmt: skip
    return out


VOCATIVE_CHAIR = NewsroomRule(
    "title-vocative-chair",
    "titles",
    "Mr. or Madam President addressed in a chamber's copy (the Security Council, the Senate, the General Assembly) "
    "is the presiding officer, 의장님, not a head of state",
    "Thank you, Madam President. The Security Council must act.",
    "의장님",
)
#: Words that put an article in a chamber, where ``Mr. President`` is its chair (:data:`VOCATIVE_CHAIR`).
CHAMBER_CONTEXT = re.compile(r"\b(?:Security\s+Council|Senate|General\s+Assembly)\b")
_VOCATIVE = re.compile(r"(?:(?<=^)|(?<=[\s,.:;\"“]))(?:Mr\.?|Madam|Madame)\s+$")


def apply_vocative_chair(text: str, ms: list[Match], *, chamber: bool) -> list[Match]:
    """``Thank you, Madam President.`` in a chamber's copy: the chair is addressed (:data:`VOCATIVE_CHAIR`)."""
    if not chamber:
        return ms
    out = list(ms)
    for m in ms:
        if m.text != "President" or m.entry is None or m.composed_of:
            continue
        before = _VOCATIVE.search(text[: m.start])
        if before is None or text[m.end : m.end + 1] not in (",", ".", ":", ";", ""):
            continue
        out = replace_span(out, make_match(text, before.start(), m.end, "의장님", VOCATIVE_CHAIR.id, parts=(m,)))
    return out


SPEAKER_LABEL = NewsroomRule(
    "title-speaker-label",
    "titles",
    "AMBASSADOR in a transcript's speaker label (AMBASSADOR KING:) is the courtesy title State gives its envoys and "
    "senior officials, not the post Korean copy names (특사, 대표, 차관보): not rendered. Other titles in a label "
    "(SECRETARY BLINKEN:) are the speaker's post and are rendered",
    "AMBASSADOR KING: Thank you very much for coming.",
    "",
)


def apply_speaker_label(text: str, ms: list[Match]) -> list[Match]:
    """``AMBASSADOR`` alone in a transcript's speaker label, a courtesy title, is not rendered
    (:data:`SPEAKER_LABEL`)."""
    return [
        m
        for m in ms
        if not (
            m.entry is not None
            and m.entry.type == "title"
            and not m.composed_of
            and m.text == "AMBASSADOR"
            and in_speaker_label(text, m.start, m.end)
        )
    ]


NAVY_CAPTAIN = NewsroomRule(
    "title-navy-captain",
    "titles",
    "a bare Capt. in a story of the Navy (a ship, a fleet, an admiral, sailors: :data:`NAVY_CONTEXT`) and not of "
    "the Marines is a Navy captain, O-6: the glossary's Navy Capt. (해군 대령), never the Army captain's 대위",
    "Capt. John Smith welcomed the sailors aboard the USS George Washington.",
    "해군 대령",
)
#: Words that make a story the Navy's, for a bare ``Capt.`` (:data:`NAVY_CAPTAIN`).
NAVY_CONTEXT = re.compile(r"\b(?:Navy|Naval|USS|ROKS|USNS|Adm\.|sailors?|Sailors?|Fleet|warship|destroyer|carrier)\b")
#: Words of a Marine Corps story: a Marine captain is O-3 (대위), so a bare ``Capt.`` stays the glossary's.
MARINE_CONTEXT = re.compile(r"\bMarines?\b")


def apply_navy_captain(ms: list[Match], matcher: Matcher, *, navy: bool) -> list[Match]:
    """A bare ``Capt.`` in a Navy story takes the glossary's ``Navy Capt.`` (:data:`NAVY_CAPTAIN`)."""
    if not navy:
        return ms
    navy_capt = next((e for e in matcher.entries if e.en == "Navy Capt."), None)
    if navy_capt is None:
        return ms
    out = []
    for m in ms:
        parts = m.composed_of or (m,)
        bare = next((p for p in parts if p.entry is not None and p.entry.en == "Capt."), None)
        if bare is None:
            out.append(m)
            continue
        new_part = replace(bare, entry=navy_capt, ko=navy_capt.ko, rule=NAVY_CAPTAIN.id)
        if not m.composed_of:
            out.append(new_part)
            continue
        ko = m.ko.replace(bare.ko, navy_capt.ko, 1)
        out.append(replace(m, ko=ko, composed_of=tuple(new_part if p is bare else p for p in m.composed_of)))
    return out


def apply_titles(text: str, ms: Sequence[Match], matcher: Matcher) -> list[Match]:
    """All title rules on one text's matches, in order: qualifiers, modifiers, heads, ranks, apposition,
    foreign holders."""
    out = apply_country_qualifiers(text, apply_speaker_label(text, list(ms)), matcher)
    out = apply_modifiers(text, out, matcher)
    out = apply_title_heads(text, out)
    out = apply_rank_dropped(text, out)
    out = apply_rank_before_post(text, out)
    out = apply_honorifics(text, out)
    out = apply_apposition(text, out)
    out = apply_commander_of(text, out, matcher)
    return apply_foreign_holders(out, matcher)


COMMANDER_OF = NewsroomRule(
    "title-commander-of",
    "titles",
    "DoD style 'commander (commanding general) of COMMAND, COMMAND and COMMAND': each command's commander post from "
    "the glossary, joined with 겸; a name in apposition before it goes first, its service and rank dropped",
    "Gen. Paul LaCamera, commander of United Nations Command, Combined Forces Command and U.S. Forces Korea, said.",
    "폴 러캐머라 유엔군사령관 겸 한미연합사령관 겸 주한미군사령관",
)
_COMMANDER_OF = re.compile(rf"(?<![\w-])(?:the\s+)?{COMMANDER}\s+of\s+(?:the\s+)?")
_COMMAND_SEP = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_COMMAND_POST = re.compile(r"^(?:Commander(?:,|\s+of)\s+(?:the\s+)?(?P<a>.+)|(?P<b>.+?)\s+Commander)$", re.IGNORECASE)


@per_matcher
def _commanders(matcher: Matcher) -> dict[str, Entry]:
    """Organisation entry id → the glossary title of its commander (``Commander of U.S. Forces Korea`` for
    ``U.S. Forces Korea``), read from the title entries' own forms."""
    out: dict[str, Entry] = {}
    for e in matcher.entries:
        if e.type != "title":
            continue
        for form in e.en_forms:
            hit = _COMMAND_POST.match(form)
            if hit is None:
                continue
            body = hit.group("a") or hit.group("b") or ""
            found = [m for m in matcher.find(body) if m.entry is not None and m.entry.type == "organization"]
            if len(found) == 1 and found[0].start == 0 and found[0].end == len(body):
                out.setdefault(found[0].entry.id, e)  # type: ignore[union-attr]
    return out


#: A service (and country) before a rank: ``U.S. Army Gen.``, ``ROK Navy Adm.`` — dropped with the rank.
_SERVICE_BEFORE = re.compile(rf"(?:(?:U\.S\.|US|ROK|Republic\s+of\s+Korea)\s+)?(?:{_SERVICES})\s+$")


def apply_commander_of(text: str, ms: list[Match], matcher: Matcher) -> list[Match]:
    """``commander of United Nations Command, Combined Forces Command and U.S. Forces Korea`` →
    유엔군사령관 겸 한미연합사령관 겸 주한미군사령관 (:data:`COMMANDER_OF`); a glossary person in apposition
    before it (``U.S. Army Gen. Xavier T. Brunson, commanding general of …``) is composed with it, name first."""

    if "ommand" not in text:
        return ms
    posts = _commanders(matcher)
    out = list(ms)
    for hit in _COMMANDER_OF.finditer(text):
        pos, titles, parts = hit.end(), [], []
        while True:
            org = next((m for m in out if m.start == pos and m.entry is not None and m.entry.id in posts), None)
            if org is None or any(m.start < org.end and pos < m.end and m is not org for m in out):
                break
            titles.append(posts[org.entry.id])  # type: ignore[union-attr]
            parts.append(org)
            sep = _COMMAND_SEP.match(text, org.end)
            if sep is None:
                break
            pos = sep.end()
        if not titles or any(m.start < hit.end() and hit.start() < m.end for m in out):
            continue
        ko = " 겸 ".join(t.ko for t in titles)
        end = parts[-1].end
        post = make_match(text, hit.start(), end, ko, COMMANDER_OF.id, entry=titles[0], parts=tuple(parts))
        out = [m for m in out if m not in parts]
        # a person (with only a rank) in apposition just before: name first, rank and service dropped
        before = [m for m in out if m.end <= hit.start() and re.fullmatch(r",\s+", text[m.end : hit.start()])]
        person = before[-1] if before else None
        ranks = [p for p in person.composed_of if p.entry is not None and p.entry.type == "title"] if person else []
        if (
            person is not None
            and person.entry is not None
            and person.entry.type == "person"
            and all(r.entry is not None and is_rank(r.entry) for r in ranks)
        ):
            start = person.start
            service = _SERVICE_BEFORE.search(text, max(0, start - 40), start)
            dropped = [m for m in out if service is not None and service.start() <= m.start and m.end <= start]
            if service is not None:
                start = service.start()
            names = tuple(p for p in person.composed_of if p.entry is not None and p.entry.type == "person")
            composed = Match(start, end, text[start:end], person.entry, f"{person.entry.ko} {ko}",
                             (*(names or (person,)), post), (), None, COMMANDER_OF.id)  # fmt: skip
            out = [m for m in out if m is not person and m not in dropped]
            out = replace_span(out, composed)
        else:
            out = replace_span(out, post)
    return out


FOREIGN_HOLDER = NewsroomRule(
    "title-foreign-holder",
    "titles",
    "a post named without a country, held by a person of another country (the glossary note says whose): that "
    "country's post from the glossary (Foreign Minister Wang Yi → 왕이 중국 외교부장, Prime Minister Kishida → "
    "기시다 일본 총리); a South Korean holder of a post English copy names as the U.S. one takes the South Korean "
    "entry (National Security Advisor Kim Kwan-jin → 김관진 국가안보실장), or the post without the U.S. country "
    "word when there is none (ROK Chief of Naval Operations, Adm. Yang Yong-mo → 양용모 해군참모총장); a South Korean "
    "cabinet post with no such entry is not given a foreigner (the name alone)",
    "Secretary of State Antony Blinken met Foreign Minister Wang Yi.",
    "왕이 중국 외교부장",
)

#: Title entries whose Korean is a South Korean cabinet post (국방부 장관, 외교부 장관, 국무총리): never a
#: foreigner's title, even where the glossary has no entry for that country's post.
KR_CABINET_POSTS: frozenset[str] = frozenset(
    {"title:defense-minister", "title:foreign-minister", "title:prime-minister"}
)

#: A person's country, from the opening words of the glossary note (people's notes begin with it:
#: "Japanese defense minister …", "Chairman of the U.S. Joint Chiefs of Staff …"): the earliest word wins.
_NOTE_COUNTRIES: tuple[tuple[str, str], ...] = (
    (r"North\s+Korea(?:n|['’]s)|DPRK|KPA|WPK", "KP"),
    (r"Japan(?:ese|['’]s)", "JP"),
    (r"Chin(?:ese|a['’]s)|PRC|CPC|CCP", "CN"),
    (r"Russia(?:n|['’]s)", "RU"),
    (r"ROK|South\s+Korea(?:n|['’]s)", "KR"),
    (r"U\.S\.|USFK|Pentagon|White\s+House|State\s+Department|CIA|American", "US"),
)
_NOTE_COUNTRY = re.compile("|".join(f"(?P<{code}>(?<![\\w.])(?:{words})(?![\\w]))" for words, code in _NOTE_COUNTRIES))
#: A title form qualified by a country: ``Japanese Defense Minister``, ``Minister of Defense of Japan``.
_QUALIFIED_FORM = (
    (r"(?:Japanese|Japan['’]s)\s+(?P<rest>.+)|(?P<rest2>.+?)\s+of\s+Japan", "JP"),
    (r"(?:Chinese|China['’]s)\s+(?P<rest>.+)|(?P<rest2>.+?)\s+of\s+China", "CN"),
    (r"(?:North\s+Korean|North\s+Korea['’]s|DPRK)\s+(?P<rest>.+)|(?P<rest2>.+?)\s+of\s+the\s+DPRK", "KP"),
    (r"(?:Russian|Russia['’]s)\s+(?P<rest>.+)|(?P<rest2>.+?)\s+of\s+Russia", "RU"),
)


#: A title form qualified as South Korea's: ``South Korean National Security Adviser``, ``ROK National Security
#: Adviser``. Not a foreign post (:func:`country_qualified`), but the post a South Korean holder has where English
#: copy uses the U.S. post's name (:func:`apply_foreign_holders`).
_KR_QUALIFIED_FORM = (
    r"(?:South\s+Korean|South\s+Korea['’]s|ROK|Republic\s+of\s+Korea)\s+(?P<rest>.+)"
    r"|(?P<rest2>.+?)\s+of\s+(?:the\s+)?(?:ROK|Republic\s+of\s+Korea|South\s+Korea)"
)


def country_qualified(form: str) -> tuple[str, str] | None:
    """``(country code, the post without its country)`` of a title form qualified by a foreign country
    (``Japanese Defense Minister`` → ``("JP", "defense minister")``), or None."""
    for pattern, code in _QUALIFIED_FORM:
        hit = re.fullmatch(pattern, form)
        if hit is not None:
            return code, normalise(hit.group("rest") or hit.group("rest2"))
    return None


def person_country(person: Entry) -> str:
    """The country code of a glossary person by the note's first country word (``""`` when it names none)."""
    found = _NOTE_COUNTRY.search((person.note or "")[:80])
    return found.lastgroup or "" if found else ""


@per_matcher
def _country_counterparts(matcher: Matcher) -> dict[tuple[str, str], Entry]:
    """(country, normalised title form without the country) → that country's title entry."""
    out: dict[tuple[str, str], Entry] = {("US", form): e for form, e in _us_counterparts(matcher).items()}
    for e in matcher.entries:
        if e.type != "title":
            continue
        for form in e.en_forms:
            qualified = country_qualified(form)
            if qualified is not None:
                out.setdefault(qualified, e)
            kr = re.fullmatch(_KR_QUALIFIED_FORM, form)
            if kr is not None:
                out.setdefault(("KR", normalise(kr.group("rest") or kr.group("rest2"))), e)
    return out


def _counterpart_of(post: Entry, matcher: Matcher, country: str) -> Entry | None:
    """``country``'s title entry for ``post``'s forms (KR: ``National Security Advisor`` → 국가안보실장), or None."""
    counterparts = _country_counterparts(matcher)
    return next(
        (counterparts[(country, normalise(f))] for f in post.en_forms if (country, normalise(f)) in counterparts),
        None,
    )


#: A leading U.S. country word in a post's Korean (미국 해군참모총장, 미 해군장관).
_US_WORD = re.compile(r"(?:미국|미) (?=\S)")


def _bare_kr_post(ko: str, post: Entry, matcher: Matcher) -> str | None:
    """For a South Korean holder of ``post``, a post the glossary has only as the U.S. one (no South Korean entry):
    its Korean ``ko`` without the leading U.S. country word (미국 해군참모총장 → 해군참모총장). None when ``ko`` has no
    such word or the glossary has the South Korean post (:data:`KR_US_POST`, :data:`FOREIGN_HOLDER`)."""
    us = _US_WORD.match(ko)
    if us is None or _counterpart_of(post, matcher, "KR") is not None:
        return None
    return ko[us.end() :]


def apply_foreign_holders(ms: list[Match], matcher: Matcher) -> list[Match]:
    """A person + a post named without a country: the post of the person's own country (:data:`FOREIGN_HOLDER`)."""
    out = []
    for m in ms:
        posts = [
            p
            for p in m.composed_of
            if p.entry is not None and p.entry.type == "title" and not is_rank(p.entry) and p.entry.ko in m.ko
        ]
        if m.entry is None or m.entry.type != "person" or not posts:
            out.append(m)
            continue
        country = person_country(m.entry)
        post = posts[-1]
        assert post.entry is not None
        bare = _bare_kr_post(post.entry.ko, post.entry, matcher) if country == "KR" else None
        if bare is not None:  # "ROK Chief of Naval Operations, Adm. Yang Yong-mo" → 양용모 해군참모총장
            cut = m.ko.rfind(post.entry.ko)
            ko = m.ko[:cut] + bare + m.ko[cut + len(post.entry.ko) :]
            out.append(replace(m, ko=" ".join(ko.split()), rule=m.rule or FOREIGN_HOLDER.id))
            continue
        if not country or _us_title(post.entry.ko) or re.match(r"(?:중국|일본|북한|러시아)\b", post.entry.ko):
            out.append(m)
            continue
        own = _counterpart_of(post.entry, matcher, country)
        cut = m.ko.rfind(post.entry.ko)
        if country == "KR" and (own is None or own.id == post.entry.id):
            out.append(m)  # a South Korean post already, or no South Korean entry for the post
            continue
        if own is not None:
            ko = m.ko[:cut] + own.ko + m.ko[cut + len(post.entry.ko) :]
            part = Match(
                post.start, post.end, post.text, own, own.ko, (post,), post.flags, post.name_span, FOREIGN_HOLDER.id
            )
        elif post.entry.id in KR_CABINET_POSTS:
            ko = (m.ko[:cut] + m.ko[cut + len(post.entry.ko) :]).strip()
            part = None
        else:
            out.append(m)
            continue
        parts = (
            tuple(p for p in m.composed_of if p is not post)
            if part is None
            else tuple(part if p is post else p for p in m.composed_of)
        )
        out.append(
            Match(
                m.start,
                m.end,
                m.text,
                m.entry,
                " ".join(ko.split()),
                parts,
                m.flags,
                m.name_span,
                m.rule or FOREIGN_HOLDER.id,
            )
        )
    return out


__all__ += [
    "KNOWN_RANK_BEFORE_POST",
    "KR_AFTER",
    "KR_US_POST",
    "RANK_BEFORE_POST",
    "absorb_kr_qualifier",
    "apply_apposition",
    "apply_country_qualifiers",
    "apply_modifiers",
    "apply_navy_captain",
    "apply_rank_before_post",
    "apply_title_heads",
]
_ = _RULE_BY_KIND


_KR_BEFORE = re.compile(rf"(?:{'|'.join(_KR_QUALIFIERS)})\s+$")
#: A Korean post of another country (its country first): never a South Korean official's.
_FOREIGN_KO = re.compile(r"(?:^|\s)(?:미국|미|중국|일본|북한|러시아|주한미군)\s")


def absorb_kr_qualifier(text: str, ms: list[Match]) -> list[Match]:
    """``Republic of Korea Minister Song`` (a later mention of a South Korean official), ``South Korea's
    acting Defense Minister Kim Seon-ho`` (a modified South Korean post): the country is dropped with the
    mention (송 장관, 김선호 국방부 장관 직무대행), not rendered apart as 한국."""
    out = list(ms)
    for m in ms:
        if not m.rule.startswith(("later", "title-acting", "title-former")) or m.entry is None:
            continue
        hit = _KR_BEFORE.search(text, max(0, m.start - 40), m.start)
        if hit is None or not m.entry.ko or _us_title(m.ko) or _FOREIGN_KO.search(m.ko):
            continue
        new = Match(hit.start(), m.end, text[hit.start() : m.end], m.entry, m.ko, m.composed_of or (m,), m.flags,
                    m.name_span, m.rule)  # fmt: skip
        out = replace_span(out, new)
    return _absorb_foreign_qualifier(text, out)


QUALIFIER_ABSORBED = NewsroomRule(
    "country-qualifier-absorbed",
    "titles",
    "a country word before a post whose Korean already names that country (a rank between them, DoD style): "
    "one rendering, not the country twice (미국 + 찰스 브라운 미국 합참의장)",
    "U.S. Chairman of the Joint Chiefs of Staff Gen. CQ Brown, Jr. spoke.",
    "찰스 브라운 미국 합참의장",
)
#: A country word (the glossary place it is) before a post, and the Korean the post then starts with.
_FOREIGN_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"U\.S\.|US|United\s+States|American", "미국"),
    (r"Japan|Japanese|Japan['’]s", "일본"),
    (r"China|Chinese|China['’]s", "중국"),
)


def _absorb_foreign_qualifier(text: str, ms: list[Match]) -> list[Match]:
    out = list(ms)
    for place, m in itertools.pairwise(ms):
        if place.entry is None or place.entry.type != "place" or place.composed_of or place.rule:
            continue
        if not _is_title(m) or not re.fullmatch(r"\s+", text[place.end : m.start] or "x"):
            continue
        for words, ko in _FOREIGN_QUALIFIERS:
            if re.fullmatch(words, place.text) and re.search(rf"(?:^|\s){ko}\s", m.ko):
                new = Match(place.start, m.end, text[place.start : m.end], m.entry, m.ko, m.composed_of or (m,),
                            m.flags, m.name_span, QUALIFIER_ABSORBED.id)  # fmt: skip
                out = replace_span(out, new)
                break
    return out
