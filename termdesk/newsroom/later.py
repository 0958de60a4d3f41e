"""Later mentions: after a person is introduced with a post, Korean copy writes surname + short title.

``Secretary of Defense Jim Mattis`` … ``Secretary Mattis`` / ``Mattis`` / ``the secretary``
→ 매티스 장관; ``Minister of National Defense Song Young-moo`` … ``Minister Song`` → 송 장관;
``Acting Secretary Shanahan`` → 섀너핸 장관 대행. Korean people keep their surname in Hangul
(송, 서, 이); the short title comes from the glossary's ``ko_short`` column of the title entry,
and where a title has none, from :data:`SHORT_TITLES` (the house short forms by the ending of
the full title: 국방부 장관 → 장관, 합참의장 → 의장, 주한미군사령관 → 사령관 …).
A bare ``the secretary`` / ``the minister`` is rendered only when exactly one introduced
person holds a post with that word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from ..glossary import Entry
from ..ko.romanize import family_name
from ..match import FLAG_PLURAL, Match, Matcher, normalise
from .rules import NewsroomRule, make_match, per_matcher, replace_span
from .titles import country_qualified

__all__ = [
    "LATER_RULES",
    "SHORT_TITLES",
    "ArticleState",
    "Person",
    "apply_later",
    "apply_title_surname",
    "note_people",
    "short_title",
]

#: (ending of the full Korean title, short title, example). Longest ending first.
SHORT_TITLES: tuple[tuple[str, str, str], ...] = (
    ("수석부대변인", "부대변인", "토미 피곳 미국 국무부 수석부대변인 → 피곳 부대변인"),
    ("부대변인", "부대변인", "부대변인 → 부대변인"),
    ("대변인", "대변인", "데이나 화이트 미국 국방부 대변인 → 화이트 대변인"),
    ("직무대행", "직무대행", "김선호 국방부 장관 직무대행 → 김 직무대행"),
    ("장관 대행", "장관 대행", "패트릭 섀너핸 미국 국방장관 대행 → 섀너핸 장관 대행"),
    ("부장관", "부장관", "미국 국방부 부장관 → 부장관"),
    ("차관보", "차관보", "미국 국무부 동아시아·태평양 담당 차관보 → 차관보"),
    ("차관", "차관", "국방부 차관 → 차관"),
    ("장관", "장관", "송영무 국방부 장관 → 송 장관"),
    ("의장", "의장", "정경두 합참의장 → 정 의장"),
    ("사령관", "사령관", "주한미군사령관 → 사령관"),
    ("대통령", "대통령", "문재인 대통령 → 문 대통령"),
    ("총리", "총리", "일본 총리 → 총리"),
    ("대사", "대사", "주한 미국대사 → 대사"),
    ("실장", "실장", "국가안보실장 → 실장"),
    ("보좌관", "보좌관", "국가안보보좌관 → 보좌관"),
    ("외무상", "외무상", "일본 외무상 → 외무상"),
    ("방위상", "방위상", "일본 방위상 → 방위상"),
    ("국방부장", "부장", "중국 국방부장 → 부장"),
)

LATER_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule(
        "later-title-surname",
        "later",
        "title + surname after the person was introduced → surname + short title",
        "Secretary of Defense Jim Mattis met Minister of National Defense Song Young-moo. Secretary Mattis "
        "thanked Minister Song.",
        "송 장관",
    ),
    NewsroomRule(
        "later-surname",
        "later",
        "bare surname after the person was introduced with a post",
        "Defense Secretary Chuck Hagel spoke. Hagel said the alliance is strong.",
        "헤이글 장관",
    ),
    NewsroomRule(
        "later-title",
        "later",
        "'the secretary' when exactly one introduced person is a secretary",
        "Secretary of Defense Lloyd J. Austin III met Minister of National Defense Suh Wook. The secretary said so.",
        "오스틴 장관",
    ),
    NewsroomRule(
        "later-title",
        "later",
        "a bare glossary post when the one person introduced with it had it qualified by a foreign country: theirs, "
        "never the ROK post the bare form names",
        "Pompeo spoke with Japanese Foreign Minister Toshimitsu Motegi. Pompeo congratulated the Foreign Minister.",
        "모테기 외무상",
    ),
    NewsroomRule(
        "title-surname",
        "later",
        "a title + bare surname of a person the article names in full (a headline) → surname + the title "
        "(a Korean official: full name + the title)",
        "Readout of Secretary of Defense Mattis' Meeting\n\nSecretary of Defense Jim Mattis met reporters.",
        "매티스 미국 국방장관",
    ),
    NewsroomRule(
        "title-surname-known",
        "later",
        "a title + a surname the article does not name in full, when exactly one person of the glossary has the "
        "surname and holds that post (the glossary note says so) → that person with the post of their country",
        "The two sides discussed the principles agreed by President Biden and President Xi in Bali.",
        "시진핑 중국 국가주석",
    ),
    NewsroomRule(
        "later-group",
        "later",
        "'the two/three ministers (leaders)' when the people introduced share one short title → 두/세 + title",
        "Defense Minister Suh Wook met Secretary of Defense Lloyd Austin. The two leaders agreed.",
        "두 장관",
    ),
    NewsroomRule(
        "later-pair",
        "later",
        "'the secretary and (the) minister': two introduced people named by their posts, one short title → 두 + "
        "title (Yonhap: 두 장관은)",
        "Secretary of Defense Patrick M. Shanahan met Minister of National Defense Jeong Kyeong-doo. The secretary "
        "and minister affirmed the alliance.",
        "두 장관",
    ),
    NewsroomRule(
        "later-post",
        "later",
        "'the' + a post introduced earlier with a name the glossary does not have → the short title alone "
        "(a Korean name is never invented; the post keeps the title it was introduced with: 수석대변인 → 대변인)",
        "Pentagon spokesperson Sabrina Singh spoke. The Pentagon spokesperson said the test was reckless.",
        "대변인",
    ),
    NewsroomRule(
        "later-unnamed",
        "later",
        "a rank + the surname of a person the glossary lacks, introduced earlier with a post: the post's short "
        "title, never the rank as a title (Gen. Ryu → 의장, the name kept as written)",
        "Chairman of the Joint Chiefs of Staff Gen. Ryu Seong-min visited. Gen. Ryu left.",
        "의장",
    ),
    NewsroomRule(
        "later-acting",
        "later",
        "'Acting' + title + surname → surname + short title + 대행",
        "Acting Secretary of Defense Patrick M. Shanahan met President Moon Jae-in. Acting Secretary Shanahan spoke.",
        "섀너핸 장관 대행",
    ),
)

_TITLE_WORDS = (
    r"Secretary|Minister|Foreign\s+Minister|Defense\s+Minister|President|Chairman|General|Gen\.|Adm\.|Admiral|"
    r"Commander|Ambassador|Spokesperson|Director|Prime\s+Minister|Vice\s+President|Premier"
)


@dataclass
class Person:
    """An introduced person: English surname, Korean surname, short title, the post's English words."""

    en_surname: str
    ko_surname: str
    short: str
    post_en: str
    entry: Entry
    posts: frozenset[str] = frozenset()  # ids of the title entries they were introduced with
    #: the post without its country when that post is a foreign country's (``foreign minister`` for Japanese
    #: Foreign Minister): a later bare ``the Foreign Minister`` is theirs
    foreign_post: str = ""

    def has_post_word(self, word: str) -> bool:
        """The English of the post they were introduced with has ``word`` (``minister``, ``foreign minister``)."""
        return re.search(rf"\b{re.escape(word)}\b", self.post_en, re.IGNORECASE) is not None


@dataclass
class ArticleState:
    """What the rules remember while reading an article, segment after segment."""

    people: dict[str, Person] = field(default_factory=dict)
    seen_entries: set[str] = field(default_factory=set)
    #: English surname → the glossary people of the article who have it (Kim Kwan-jin and Kim Jong Un)
    namesakes: dict[str, set[str]] = field(default_factory=dict)
    #: title entry id → short title, for posts introduced with a name the glossary does not have
    unnamed_posts: dict[str, str] = field(default_factory=dict)
    #: English surname of a person the glossary does not have, introduced with a post → its short title
    unnamed_people: dict[str, str] = field(default_factory=dict)


def short_title(title: Entry, ko: str) -> str:
    """The short title of a post: the glossary's ``ko_short``, else the house table by the title's ending."""
    own = title.ko_short
    if own:
        return str(own)
    for ending, short, _ in SHORT_TITLES:
        if ko.endswith(ending):
            return short
    return ""


def _korean(person: Entry) -> bool:
    return (" " not in person.ko.strip() and "-" in person.en) or (" " not in person.ko and len(person.ko) <= 4)


def surnames(person: Entry) -> tuple[str, str] | None:
    """(English surname, Korean surname), by which Korean word the English surname spells, not by position:
    ``Song Young-moo`` → (Song, 송); ``Jim Mattis`` → (Mattis, 매티스); ``Minoru Kihara`` / 기하라 미노루 →
    (Kihara, 기하라); ``Wang Yi`` / 왕이 → (Wang, 왕) (:func:`termdesk.ko.romanize.family_name`)."""
    if not person.ko.strip():
        return None
    return family_name(person.en, person.ko)


def _unnamed_post(m: Match) -> bool:
    """A title followed by a name the glossary does not have (``Pentagon spokesperson Sabrina Singh``)."""
    from ..match import FLAG_UNKNOWN_NAME

    return m.entry is not None and m.entry.type == "title" and FLAG_UNKNOWN_NAME in m.flags


def _en_surname(name: str) -> str:
    """The surname of an English-written name: the first word of a Korean-style name (``Jin Young-seung``),
    else the last (``Dana W. White``)."""
    words = name.split()
    if len(words) >= 2 and "-" in words[1]:
        return words[0]
    return words[-1] if words else ""


def note_people(text: str, ms: Sequence[Match], state: ArticleState) -> None:
    """Record the people introduced with a post in ``ms`` (composed matches), and every person's surname."""
    for m in ms:
        if _unnamed_post(m):
            assert m.entry is not None
            short = short_title(m.entry, m.ko)
            if short:
                state.unnamed_posts.setdefault(m.entry.id, short)
                if m.name_span is not None:
                    state.unnamed_people.setdefault(_en_surname(text[m.name_span[0] : m.name_span[1]]), short)
        if m.entry is not None and m.entry.type == "person" and not m.rule.startswith("later"):
            names = surnames(m.entry)
            if names is not None:
                state.namesakes.setdefault(names[0], set()).add(m.entry.en)
        if m.entry is None or m.entry.type != "person" or not m.composed_of:
            continue
        titles = [p for p in m.composed_of if p.entry is not None and p.entry.type == "title"]
        if not titles or m.entry.en in state.people:
            continue
        names = surnames(m.entry)
        if names is None:
            continue
        title_ko = m.ko[len(m.entry.ko) :].strip()
        base = titles[-1].entry
        assert base is not None
        short = short_title(base, title_ko)
        if not short:
            continue
        if title_ko.endswith("직무대행"):
            short = "직무대행"  # an acting South Korean minister: 김 직무대행
        elif title_ko.endswith(" 대행") and not short.endswith("대행"):
            short = f"{short} 대행"  # an acting U.S. secretary: 섀너핸 장관 대행
        post_en = " ".join(text[t.start : t.end] for t in titles) + " " + base.en
        posts = frozenset(t.entry.id for t in titles if t.entry is not None)
        foreign = country_qualified(base.en)
        state.people[m.entry.en] = Person(
            names[0], names[1], short, post_en, m.entry, posts, foreign[1] if foreign is not None else ""
        )


#: A full name in capitals after a speaker label's post (``… SHIN WON-SIK (THROUGH TRANSLATOR):``).
_CAPS_FULL_NAME = re.compile(r"\s+[A-Z][A-Z'’]+(?:[ -][A-Z][A-Z'’]+)+\b")


@functools.lru_cache(maxsize=256)
def _later_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(s) for s in names)
    return re.compile(rf"(?<![\w.-])(?P<sur>{alternation})(?![\w-])(?!\s+[A-Z][a-z])")


#: What may stand before a surname in a later mention: ``Acting Secretary``, ``Minister``, ``Gen.`` …
_BEFORE = re.compile(rf"(?:(?P<acting>Acting)\s+)?(?:(?P<title>{_TITLE_WORDS})\s+)?$")


_GROUP = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+)?(?P<n>two|three|both)\s+(?:ministers|secretaries|leaders|defense\s+chiefs|chiefs)(?![\w-])",
    re.IGNORECASE,
)
_GROUP_COUNT = {"two": "두", "both": "두", "three": "세"}
_PAIR_WORD = r"(?:acting\s+)?(?:(?:foreign|defense|defence)\s+)?(?:secretary|minister)"
_THE_PAIR = re.compile(
    rf"(?<![\w-])[Tt]he\s+(?P<w1>{_PAIR_WORD})\s+and\s+(?:the\s+)?(?P<w2>{_PAIR_WORD})(?![\w-])(?!\s+of\b)", re.I
)
_THE_TITLE = re.compile(
    r"(?<![\w-])[Tt]he\s+(?:acting\s+)?(?P<word>secretary|minister|president|chairman)(?![\w-])", re.I
)


class _Hit:
    """A later-mention hit: the surname found, with the title (and Acting) just before it."""

    def __init__(self, text: str, found: re.Match[str]) -> None:
        before = _BEFORE.search(text, max(0, found.start() - 40), found.start())
        self._groups = {"sur": found.group("sur"), "title": None, "acting": None}
        self._start = found.start()
        if before is not None and before.start() < found.start():
            self._groups["title"] = before.group("title")
            self._groups["acting"] = before.group("acting")
            if before.group("title") or before.group("acting"):
                self._start = before.start()
        self._end = found.end()

    def group(self, name: str) -> str | None:
        return self._groups[name]

    def span(self) -> tuple[int, int]:
        return self._start, self._end


def _title_before_name(m: Match, start: int, end: int) -> bool:
    """``m`` is a bare glossary title whose unknown name is exactly ``text[start:end]``."""
    from ..match import FLAG_UNKNOWN_NAME

    return (
        m.entry is not None
        and m.entry.type == "title"
        and not m.composed_of
        and not m.rule
        and FLAG_UNKNOWN_NAME in m.flags
        and m.name_span == (start, end)
    )


def apply_later(text: str, ms: list[Match], state: ArticleState, *, headline: bool = False) -> list[Match]:
    """Render later mentions of the people already introduced (in earlier segments or earlier in this one).

    ``headline``: ``text`` is the article's headline and ``state`` holds the people the whole article
    introduces (``Secretary Rubio's Call with …`` names him in full only below): mentions may refer ahead.
    """
    ms = _apply_later_posts(text, ms, state)
    ms = _apply_later_unnamed(text, ms, state)
    if not state.people:
        return ms
    by_surname: dict[str, Person] = {}
    for p in state.people.values():
        by_surname.setdefault(p.en_surname, p)
    pattern = _later_pattern(tuple(sorted(by_surname, key=len, reverse=True)))
    intro_end: dict[str, int] = {}
    for m in ms:
        if m.entry is not None and m.entry.en in state.people and m.entry.en not in intro_end:
            intro_end[m.entry.en] = m.end
    for found in pattern.finditer(text):
        hit = _Hit(text, found)
        a, b = hit.span()
        sur = found.group("sur")
        person = by_surname[sur]
        if len(state.namesakes.get(sur, ())) > 1:
            # two people of the article share the surname: only a title that one of them holds decides
            word = hit.group("title")
            holders = [p for p in state.people.values() if p.en_surname == sur and word and p.has_post_word(word)]
            if len(holders) != 1:
                continue
            person = holders[0]
        if intro_end.get(person.entry.en, -1) > a and not headline:
            continue
        # a glossary title the matcher found before the surname, taking it for an unknown name
        # (``President Xi`` → 대통령 + Xi): the person's own post decides (시 주석), not the word
        # (a headline naming the person's own post keeps it whole: title-surname, 매티스 미국 국방장관)
        titled = [
            m
            for m in ms
            if _title_before_name(m, found.start("sur"), found.end("sur"))
            and not (headline and m.entry is not None and m.entry.id in person.posts)
        ]
        if titled:
            a = min(a, *(m.start for m in titled))
        if any(m.start < b and a < m.end for m in ms if m not in titled):
            continue
        if (
            a
            and text[a - 1 : a] == " "
            and re.search(r"[A-Z][a-z]+\s$", text[max(0, a - 20) : a])
            and not hit.group("title")
        ):
            continue  # a given name before it: another person (Kim Jong Un is not Minister Kim)
        short = person.short
        if hit.group("acting") and not short.endswith("대행"):
            short = f"{short} 대행"
        rule = "later-title-surname" if hit.group("title") or titled else "later-surname"
        if hit.group("acting"):
            rule = "later-acting"
        ms = replace_span(ms, make_match(text, a, b, f"{person.ko_surname} {short}", rule, entry=person.entry))
    ms = _apply_pairs(text, ms, state, intro_end)
    for bare in _THE_TITLE.finditer(text):
        a, b = bare.span()
        if any(m.start < b and a < m.end for m in ms):
            continue
        if re.match(r"\s+(?:of|for|and\s+the\s+two)\b", text[b : b + 14]):
            continue
        word = bare.group("word").lower()
        holders = [p for p in state.people.values() if p.has_post_word(word)]
        if len(holders) != 1 or intro_end.get(holders[0].entry.en, -1) > a:
            continue
        p = holders[0]
        ms = replace_span(ms, make_match(text, a, b, f"{p.ko_surname} {p.short}", "later-title", entry=p.entry))
    # "the two leaders" when everyone introduced shares one short title: 두 장관
    shorts = {p.short for p in state.people.values()}
    if len(shorts) == 1:
        short = next(iter(shorts))
        for group in _GROUP.finditer(text):
            a, b = group.span()
            count = _GROUP_COUNT[group.group("n").lower()]
            wanted = 3 if count == "세" else 2
            if len(state.people) == wanted and not any(m.start < b and a < m.end for m in ms):
                ms = replace_span(ms, make_match(text, a, b, f"{count} {short}", "later-group"))
    # a bare glossary title (``Foreign Minister``, ``the defense minister``) held by exactly one introduced person;
    # never a plural (``the foreign ministers' meeting`` is not 조 장관)
    for m in list(ms):
        if m.entry is None or m.entry.type != "title" or m.composed_of or m.rule or m.name_span is not None:
            continue
        if FLAG_PLURAL in m.flags or (m.text.isupper() and _CAPS_FULL_NAME.match(text, m.end)):
            continue  # a plural; a speaker label with the full name (MINISTER OF NATIONAL DEFENSE SHIN WON-SIK:)
        bare_forms = {normalise(f) for f in m.entry.en_forms}
        holders = [p for p in state.people.values() if m.entry.id in p.posts] or [
            p for p in state.people.values() if p.foreign_post in bare_forms
        ]
        if len(holders) != 1 or (intro_end.get(holders[0].entry.en, -1) > m.start and not headline):
            continue
        p = holders[0]
        # a headline names the post in full (카터 미국 국방장관), the body the short title (카터 장관); a Korean
        # official keeps the full name in a headline (이종섭 국방부 장관, never 이 국방부 장관)
        if headline:
            ko = f"{p.entry.ko if _korean(p.entry) else p.ko_surname} {m.ko}"
        else:
            ko = f"{p.ko_surname} {p.short}"
        new = make_match(text, m.start, m.end, ko, "later-title", entry=p.entry, parts=(m,))
        ms = replace_span(ms, new)
    return ms


_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")
#: What follows a post that is the subject of the sentence (a reporting or stating verb).
_SUBJECT_AFTER = re.compile(
    r"\s+(?:also\s+|further\s+)?(?:said|says|added|told|noted|stressed|emphasized|underscored|stated|announced|"
    r"confirmed|declined|reiterated|warned|called|urged|welcomed|condemned)\b"
)
_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)


def _apply_later_unnamed(text: str, ms: list[Match], state: ArticleState) -> list[Match]:
    """``Gen. Ryu`` after ``Chairman of the Joint Chiefs of Staff Gen. Ryu Seong-min`` (a name the glossary
    lacks): the rank is not rendered as a title (대장) — the person's short post is (의장; the name stays as
    written, flagged): ``later-unnamed``."""
    from ..match import FLAG_UNKNOWN_NAME, is_rank

    if not state.unnamed_people:
        return ms
    out = list(ms)
    for m in ms:
        if (
            m.entry is None
            or not is_rank(m.entry)
            or m.composed_of
            or m.rule
            or FLAG_UNKNOWN_NAME not in m.flags
            or m.name_span is None
        ):
            continue
        name = text[m.name_span[0] : m.name_span[1]]
        short = state.unnamed_people.get(name) or state.unnamed_people.get(_en_surname(name))
        if short and " " not in name.strip():
            new = Match(m.start, m.end, m.text, m.entry, short, (), m.flags, m.name_span, "later-unnamed")
            out = replace_span(out, new)
    return out


def _apply_later_posts(text: str, ms: list[Match], state: ArticleState) -> list[Match]:
    """``the Pentagon spokesperson`` after ``chief Pentagon spokesperson Dana W. White`` → 대변인: the
    short title of a post introduced with a name the glossary lacks (never a Korean name invented, never
    the full post again, which would read as another, lesser post)."""
    if not state.unnamed_posts:
        return ms
    here: dict[str, int] = {}
    for m in ms:
        if _unnamed_post(m) and m.entry is not None:
            here.setdefault(m.entry.id, m.start)
    for m in list(ms):
        if m.entry is None or m.entry.type != "title" or m.composed_of or m.rule or m.name_span is not None:
            continue
        short = state.unnamed_posts.get(m.entry.id)
        if not short or here.get(m.entry.id, -1) > m.start:
            continue
        if any(m.entry.id in p.posts for p in state.people.values()):
            continue  # a named holder of the post too: which one is meant is the later-title rule's to decide
        the = _THE_BEFORE.search(text, max(0, m.start - 8), m.start)
        if the is None or not _SUBJECT_AFTER.match(text, m.end) or _AS_BEFORE.search(text, 0, the.start()):
            continue  # only the post as the subject that speaks (the Pentagon spokesperson said), not a role
        ms = replace_span(ms, make_match(text, the.start(), m.end, short, "later-post", entry=m.entry, parts=(m,)))
    return ms


def _core_short(short: str) -> str:
    """The short title without 대행/직무대행: an acting secretary and a minister are 두 장관 together."""
    return re.sub(r"\s*(?:직무대행|대행)$", "", short)


def _apply_pairs(text: str, ms: list[Match], state: ArticleState, intro_end: Mapping[str, int]) -> list[Match]:
    """``The Secretary and the Minister`` (:data:`LATER_RULES` ``later-pair``): 두 장관 when each post word is held by
    exactly one introduced person, the two differ and share one short title. Only bare glossary titles may stand
    inside the span (``Foreign Minister`` matched alone); anything else there leaves the mention as it is."""
    for pair in _THE_PAIR.finditer(text):
        a, b = pair.span()
        inside = [m for m in ms if m.start < b and a < m.end]
        if any(
            m.start < a or m.end > b or m.entry is None or m.entry.type != "title" or m.composed_of or m.rule
            for m in inside
        ):
            continue
        people = []
        for word in (pair.group("w1"), pair.group("w2")):
            head = word.split()[-1].lower()
            holders = [p for p in state.people.values() if p.has_post_word(head)]
            if len(holders) == 2 and head != word.lower():  # "foreign minister" decides between two ministers
                holders = [p for p in holders if p.has_post_word(word)]
            if len(holders) != 1 or intro_end.get(holders[0].entry.en, -1) > a:
                break
            people.append(holders[0])
        if len(people) != 2 or people[0] is people[1]:
            continue
        shorts = {_core_short(p.short) for p in people}
        if len(shorts) != 1:
            continue
        ms = replace_span(ms, make_match(text, a, b, f"두 {shorts.pop()}", "later-pair"))
    return ms


def _holds(person: Entry, title: Entry) -> bool:
    """Whether the glossary note of ``person`` names the post ``title`` (``Chinese president (국가주석)``)."""
    note = (person.note or "").casefold()
    return any(form.casefold() in note for form in title.en_forms)


@per_matcher
def glossary_surnames(matcher: Matcher) -> dict[str, list[tuple[Entry, str]]]:
    """English surname → (person, Korean surname) for every person of the matcher's glossary."""
    out: dict[str, list[tuple[Entry, str]]] = {}
    for e in matcher.entries:
        if e.type == "person" and (names := surnames(e)) is not None:
            out.setdefault(names[0], []).append((e, names[1]))
    return out


def apply_title_surname(
    text: str,
    ms: Sequence[Match],
    people: Collection[Entry],
    *,
    introduced: Collection[Person] = (),
    before: Collection[str] = (),
    glossary_people: Mapping[str, list[tuple[Entry, str]]] | None = None,
) -> list[Match]:
    """``Secretary of Defense Mattis' Meeting``: a title before a bare surname that exactly one person of
    the article (named in full elsewhere) has → surname + the title (매티스 미국 국방장관).

    A person the article ``introduced`` (anywhere) with another post is left to the later mentions:
    ``President Xi`` of 시진핑 중국 국가주석 is 시 주석, never 시진핑 대통령; so is one already introduced
    ``before`` this text (English names) or earlier in it: ``Prime Minister Kishida`` after
    ``Prime Minister Kishida Fumio`` is 기시다 총리."""
    from ..match import FLAG_UNKNOWN_NAME

    posts = {p.entry.en: p.posts for p in introduced}
    earlier: dict[str, int] = {}
    for m in ms:
        if m.entry is not None and m.entry.type == "person" and m.composed_of:
            earlier.setdefault(m.entry.en, m.start)

    out = list(ms)
    by_surname: dict[str, list[tuple[Entry, str]]] = {}
    for person in people:
        names = surnames(person)
        if names is not None:
            by_surname.setdefault(names[0], []).append((person, names[1]))
    for m in ms:
        if FLAG_UNKNOWN_NAME not in m.flags or m.name_span is None or m.composed_of:
            continue
        name = text[m.name_span[0] : m.name_span[1]]
        holders = by_surname.get(name, [])
        rule = "title-surname"
        if not holders and m.entry is not None:
            # not named in the article: the one person of the glossary with the surname who holds the post
            # (``President Xi`` → 시진핑, the Chinese president; ``Minister Kim`` is anyone: left alone)
            holders = [(p, k) for p, k in (glossary_people or {}).get(name, []) if _holds(p, m.entry)]
            if len(holders) == 1 and len((glossary_people or {}).get(name, [])) == 1:
                rule = "title-surname-known"
            else:
                holders = []
        if len(holders) != 1:
            continue
        person, ko_surname = holders[0]
        if person.en in posts and m.entry is not None and m.entry.id not in posts[person.en]:
            continue
        if person.en in before or earlier.get(person.en, len(text)) < m.start:
            continue
        flags = tuple(f for f in m.flags if f != FLAG_UNKNOWN_NAME)
        # a Korean official in full (정의용 외교부 장관), a foreign one by surname (매티스 미국 국방장관)
        ko = f"{person.ko if _korean(person) else ko_surname} {m.ko}"
        new = Match(m.start, m.name_span[1], text[m.start : m.name_span[1]], person, ko, (m,), flags, None,
                    rule)  # fmt: skip
        out = replace_span(out, new)
    return out
