"""Candidate extractors. Each works on one sentence (or one article) and is a small tested unit.

Pipeline for one sentence (:func:`extract_sentence`):

1. :func:`tokens` — fast offset-keeping tokens (``U.S.``, ``Gen.``, ``Korea-US``, ``'s`` split).
2. :func:`acronym_pairs` — ``Long Form (ACR)`` and ``ACR (Long Form)`` (Schwartz–Hearst matching).
3. :func:`designators` — ``B-1B``, ``F-35A``, ``PAC-3``, ``Hwasong-15``, with the kind that follows.
4. :func:`capitalised_runs` → :func:`titles_and_names` (titles, people, linked), :func:`appositions`
   (``Gen. Martin Dempsey, chairman of …``) and :func:`named_unit` (bodies, meetings, exercises, documents).
5. :func:`noun_phrases` — lowercase domain noun phrases and their sub-phrases (scored later by C-value).

Everything returns :class:`Hit` values with offsets into the sentence text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..ko.romanize import hepburn_word
from ..text import ABBREVIATIONS, UNIT_HEAD_ABBREVIATIONS
from . import wordlists as L


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True)
class Hit:
    """One candidate occurrence in a sentence: ``text[start:end] == surface`` (surface may be normalised)."""

    surface: str
    type: str
    start: int
    end: int
    kind: str = "named"  # named | title | person | acronym | designator | np | media
    link: str = ""  # surface of a linked person/title in the same sentence
    extra: tuple[str, ...] = field(default=())  # e.g. long form of an acronym, designator head phrase


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:[-‐‑'’](?:(?:[A-Za-z]\.){2,}|[A-Za-z0-9À-ÖØ-öø-ÿ]+))*|[^\sA-Za-z0-9À-ÖØ-öø-ÿ]"
)  # letters with accents belong to the word: communiqué
_ABBREV_TOKENS = ABBREVIATIONS | {"jr", "sr", "st"} | UNIT_HEAD_ABBREVIATIONS.keys()
_MODIFIER_PREFIX = re.compile(r"^([Tt]hen|[Ee]x|[Ff]ormer|[Nn]ow)[-‐‑](?=[A-Z])")  # "Then-Defense Secretary"


def tokens(text: str) -> list[Tok]:
    """Word and punctuation tokens with offsets. ``Gen.``/``B.`` keep their period; ``'s`` is its own token."""
    out: list[Tok] = []
    n = len(text)
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        t = m.group()
        c = t[0]
        if c.isalnum():
            if e < n and text[e] == "." and (t.lower() in _ABBREV_TOKENS or (len(t) == 1 and c.isupper())):
                out.append(Tok(t + ".", s, e + 1))
                continue
            if len(t) > 2 and t[-2] in "'’" and t[-1] in "sS":
                out.append(Tok(t[:-2], s, e - 2))
                out.append(Tok(t[-2:], e - 2, e))
                continue
            mp = _MODIFIER_PREFIX.match(t)
            if mp:
                out.append(Tok(t[: mp.end()], s, s + mp.end()))
                out.append(Tok(t[mp.end() :], s + mp.end(), e))
                continue
            out.append(Tok(t, s, e))
        elif c == "." and out and out[-1].end > s:
            continue  # the period already attached to an abbreviation
        else:
            out.append(Tok(t, s, e))
    return out


def _is_acronym_text(t: str) -> bool:
    core = t[:-1] if t.endswith("s") and len(t) > 2 else t
    letters = [ch for ch in core if ch.isalpha()]
    return (
        len(letters) >= 2
        and all(ch.isupper() for ch in letters)
        and core[0].isalpha()
        and not any(ch.isdigit() for ch in core[:2])
    )


def acronym_key(t: str) -> str:
    t = t.replace(".", "")
    if t.endswith("s") and len(t) > 2 and t[:-1].isupper():
        t = t[:-1]
    return t.upper()


# --------------------------------------------------------------------------- acronyms


def _sh_long_form(acr: str, words: Sequence[str]) -> int | None:
    """Schwartz–Hearst: index into ``words`` where the shortest long form matching ``acr`` starts, or None."""
    text = " ".join(words)
    chars = [c.lower() for c in acr if c.isalnum()]
    if not chars:
        return None
    si = len(text) - 1
    for ci in range(len(chars) - 1, -1, -1):
        c = chars[ci]
        while si >= 0 and (text[si].lower() != c or (ci == 0 and si > 0 and text[si - 1].isalnum())):
            si -= 1
        if si < 0:
            return None
        si -= 1
    start_char = si + 1
    # word index containing start_char
    pos = 0
    for i, w in enumerate(words):
        if pos <= start_char < pos + len(w) + 1:
            return i if start_char == pos else None
        pos += len(w) + 1
    return None


_PAREN_ACR = re.compile(r"\(\s*([A-Z][A-Za-z0-9&./-]{1,11})\s*\)")
_ACR_PAREN = re.compile(r"\b([A-Z][A-Z0-9&-]{1,10}s?)\s+\(([^()]{4,120})\)")
_LEADING_DET = {"the", "a", "an", "its", "their", "his", "her", "our", "of", "and", "to", "for", "in", "on"}


def acronym_pairs(text: str) -> list[Hit]:
    """``Security Consultative Meeting (SCM)`` and ``THAAD (Terminal High Altitude Area Defense)`` pairs.

    Each hit's surface is the long form, ``extra=(ACRONYM,)``. Credits (``(Yonhap)``),
    years and words in parentheses are not pairs.
    """
    out: list[Hit] = []
    for m in _PAREN_ACR.finditer(text):
        acr = m.group(1)
        if not _is_acronym_text(acr) or acr.lower() in L.AGENCY_CREDITS or acr.lower() in L.NOT_ACRONYMS:
            continue
        before = text[: m.start()].rstrip()
        wm = list(re.finditer(r"[A-Za-z0-9]+(?:[-‐'’.][A-Za-z0-9]+)*\.?", before))
        n = len(acronym_key(acr))
        window = wm[-min(n + 5, 2 * n) :] if wm else []
        words = [w.group() for w in window]
        i = _sh_long_form(acronym_key(acr), words)
        if i is None:
            continue
        while i < len(words) - 1 and words[i].lower() in _LEADING_DET:
            i += 1
        long_words = words[i:]
        if len(long_words) < 2 and "-" not in long_words[0]:
            continue
        if any(w.lower() in L.VERBS or w.lower() in {"said", "is", "was", "are", "were"} for w in long_words):
            continue
        if long_words[0][0].lower() != acronym_key(acr)[0].lower():
            continue
        s = window[i].start()
        e = window[-1].end()
        out.append(Hit(text[s:e], "", s, e, kind="acronym", extra=(acr,)))
    for m in _ACR_PAREN.finditer(text):
        acr, inside = m.group(1), m.group(2).strip()
        if not _is_acronym_text(acr) or acr.lower() in L.NOT_ACRONYMS:
            continue
        words = inside.split()
        if len(words) < 2 and "-" not in inside:
            continue
        key = acronym_key(acr)
        if words[0][0].lower() != key[0].lower() or _sh_long_form(key, words) is None:
            continue
        if _sh_long_form(key, words) != 0:
            continue
        s = m.start(2) + (len(m.group(2)) - len(m.group(2).lstrip()))
        out.append(Hit(inside, "", s, s + len(inside), kind="acronym", extra=(acr,)))
    return out


def initials(words: Sequence[str]) -> set[str]:
    """Possible acronyms of a capitalised unit: ``Korea-US Integrated Defense Dialogue`` → {KUIDD, KIDD}."""
    full, short = [], []
    for w in words:
        if w.lower() in ("of", "and", "the", "for", "on", "to", "in", "&"):
            continue
        parts = [p for p in re.split(r"[-‐]", w.replace(".", "")) if p]
        if not parts:
            continue
        if len(parts[0]) > 1 and parts[0].isupper():
            full.append(parts[0])
            short.append(parts[0])
        else:
            full.append(parts[0][0])
            short.append(parts[0][0])
        for p in parts[1:]:
            full.append(p[0])
    return {"".join(full).upper(), "".join(short).upper()}


# --------------------------------------------------------------------------- designators

_DESIGNATOR = re.compile(
    r"(?<![\w/-])((?:[A-Z][A-Za-z]{0,9}|[A-Z]{1,4}(?:/[A-Z]{1,2})?)-\d{1,4}[A-Z]{0,3}|[A-Z]{1,3}\d{1,3}[A-Z]{0,2})(s)?"
    r"(?![\w-])"
)


def designators(text: str) -> list[Hit]:
    """Weapon/system designators (``B-1B``, ``F-35A``, ``PAC-3``, ``KN-23``, ``Hwasong-15``).

    ``extra`` holds the designator with the kind named after it, singular
    (``B-1B bombers`` → ``B-1B bomber``), when there is one.
    """
    out: list[Hit] = []
    for m in _DESIGNATOR.finditer(text):
        core = m.group(1)
        letters = re.match(r"[A-Za-z]+", core).group().lower()  # type: ignore[union-attr]
        if letters in L.NOT_DESIGNATORS or (len(core) < 3):
            continue
        if (
            re.fullmatch(r"[A-Z]\d{1,2}", core)
            and letters in {"a", "b", "c", "d", "e", "g", "p", "q", "s", "v", "w"}
            and not m.group(2)
        ):
            continue  # A4, B2, Q3, S1 … paper sizes, quarters, seasons
        start = m.start() - _name_before_designator(text[: m.start()], core)
        after = text[m.end() :]
        extra: tuple[str, ...] = ()
        wm = re.match(r"(\s+[A-Za-z][\w-]*){1,3}", after)
        if wm:
            words = list(re.finditer(r"[A-Za-z][\w-]*", wm.group()))
            for k, w in enumerate(words):
                if w.group().lower() in L.WEAPON_HEADS:
                    if all(
                        (x.group().islower() and x.group() not in L.STOPWORDS) or x.group().isupper() for x in words[:k]
                    ):
                        end = m.end() + w.end()
                        phrase = " ".join([core, *(x.group() for x in words[: k + 1])])
                        extra = (text[m.start() : end], _singular_phrase(phrase))
                    break
        if start < m.start():  # "Taepo Dong-2", "Patriot Advanced Capability-3": the name is the designator
            out.append(
                Hit(text[start : m.start() + len(core)], "weapon", start, m.start() + len(core), kind="designator")
            )
            continue
        out.append(Hit(core, "weapon", m.start(), m.start() + len(core), kind="designator", extra=extra))
    return out


_NAME_WORDS_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][a-z]+ ){1,3})$")


def _name_before_designator(before: str, core: str) -> int:
    """How many characters before a designator whose letters are a capitalised word (``Dong-2``,
    ``Capability-3``) belong to its name: the capitalised words right before it (``Taepo Dong-2``, ``Patriot
    Advanced Capability-3``), none of them a determiner, a place, a country or a nationality (``North Korean
    Hwasong-15`` is the Hwasong-15). 0 when there are none, or when the letters are capitals (``ROKAF FA-50``)."""
    if not re.match(r"[A-Z][a-z]+-", core):
        return 0
    m = _NAME_WORDS_BEFORE.search(before)
    if not m:
        return 0
    words = m.group(1).split()
    while words and (
        words[0].lower() in L.STOPWORDS
        or words[0].lower() in L.PLACE_NAMES
        or words[0].lower() in L.NATIONALITY_LOWER
        or words[0].lower() in L.COUNTRY_CODES
        or words[0].lower() in L.TITLE_HEADS
    ):
        words = words[1:]
    return sum(len(w) + 1 for w in words)


# --------------------------------------------------------------------------- plural / keys

_IRREGULAR_SINGULAR = {
    "forces": "forces",
    "news": "news",
    "series": "series",
    "headquarters": "headquarters",
    "arms": "arms",
    "affairs": "affairs",
    "talks": "talks",
    "means": "means",
    "species": "species",
    "games": "games",
    "analysis": "analysis",
    "crisis": "crisis",
    "basis": "basis",
    "us": "us",
    "gas": "gas",
    "status": "status",
    "nucleus": "nucleus",
}


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A simple English singular (``missiles`` → ``missile``, ``batteries`` → ``battery``)."""
    low = word.lower()
    if low in _IRREGULAR_SINGULAR or len(word) < 4 or word[-1] not in "sS" or word.isupper():
        return word
    if low.endswith(("ss", "us", "is", "ics")):
        return word
    if low.endswith("ies") and len(word) > 4:
        return word[:-3] + ("y" if word[-3].islower() else "Y")
    if low.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2]
    if low.endswith("oes") and low not in ("shoes",):
        return word[:-2]
    return word[:-1]


def _singular_phrase(phrase: str) -> str:
    parts = phrase.split(" ")
    parts[-1] = singular(parts[-1])
    return " ".join(parts)


#: Accented Latin letters folded by :func:`merge_key` (Latin only: Hangul must not be decomposed).
_LATIN_ACCENTS = str.maketrans(
    "àáâäãåèéêëìíîïòóôöõùúûüýÿñçÀÁÂÄÃÅÈÉÊËÌÍÎÏÒÓÔÖÕÙÚÛÜÝÑÇ", "aaaaaaeeeeiiiiooooouuuuyyncAAAAAAEEEEIIIIOOOOOUUUUYNC"
)


@lru_cache(maxsize=1 << 16)
def merge_key(surface: str) -> str:
    """Key that merges variants: case, ``U.S.``/``US``, hyphen/space, a plural last word, Latin accents
    (``communiqué``/``communique``)."""
    s = surface.replace("’", "'").replace(".", "").translate(_LATIN_ACCENTS)
    s = re.sub(r"[-‐‑–]", " ", s)
    words = s.split()
    if not words:
        return ""
    if len(words) > 1 or not words[-1].isupper():
        words[-1] = singular(words[-1])
    elif words[-1].isupper():
        words[-1] = words[-1]
    if len(words) == 1 and _is_acronym_text(surface.replace(".", "")):
        return acronym_key(surface)
    return " ".join(words).casefold()


# --------------------------------------------------------------------------- capitalised runs

_CONNECTORS = {"of", "the", "and", "for", "to", "on", "de"}
_MONTH_DAY = L.MONTHS | L.WEEKDAYS


def _is_initial(t: Tok) -> bool:
    return len(t.text) == 2 and t.text[1] == "." and t.text[0].isupper()


#: Dotted capitals that are no one's initials besides the dotted country codes (``U.S.``: ``COUNTRY_CODES``).
_NOT_INITIALS = L.COUNTRY_CODES | {"d.c.", "e.u.", "r.o.k.", "u.s.a.", "a.m.", "p.m.", "n.k."}


def _is_initials(t: Tok) -> bool:
    """A given name written as two or three initials (``J.R. Haley``, ``B.B. Bell``), not a country's
    abbreviation (``U.S.``)."""
    return re.fullmatch(r"(?:[A-Z]\.){2,3}", t.text) is not None and t.lower not in _NOT_INITIALS


#: A French particle glued to a capitalised word inside a name (``Chargé d’Affaires``).
_ELIDED_PARTICLE = re.compile(r"d['’][A-Z]")


def _capish(t: Tok) -> bool:
    """A token that can be part of a capitalised unit."""
    x = t.text
    c = x[0]
    if _ELIDED_PARTICLE.match(x):
        return True
    if not c.isupper():
        return False
    if any(ch.isdigit() for ch in x) or _CONTRACTION.search(x):
        return False  # "I'm Kelly Olsen", "Maybe I'll": a pronoun and its verb, no part of a name
    return not (x.lower().rstrip(".") in _MONTH_DAY and not x.isupper())


#: A contracted verb or negation at a word's end (``I'm``, ``I'll``, ``We've``, ``Don't``).
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d|t)$", re.IGNORECASE)


#: A group of countries named by a letter and a number (``G7``, ``G20``, ``P5``): it opens a capitalised unit
#: when a capitalised word follows (``G7 Summit``).
_GROUP_NAME = re.compile(r"[A-Z]\d{1,2}")


#: Heads of a force that ``in`` and a place name complete (``U.S. Forces in Japan``, ``U.S. Forces in Korea``).
FORCE_HEADS: frozenset[str] = frozenset({"forces", "force", "command", "army", "navy"})
#: Diplomatic missions that ``in`` and their city complete (``U.S. Embassy in Seoul``).
MISSION_HEADS: frozenset[str] = frozenset({"embassy", "consulate"})
_YEAR = re.compile(r"(?:19|20)\d\d")


def _forces_in_place(toks: Sequence[Tok], j: int) -> bool:
    """``in`` (or the comma of the older style) at ``j`` joins a force to its place: a force head before it, one
    place name after it, and no capitalised word after that (``U.S. Forces in Japan``, ``commander of U.S. Forces,
    Korea``; not ``Forces in Japan Self-Defense Forces``)."""
    if toks[j].text not in ("in", ",") or j == 0 or j + 1 >= len(toks):
        return False
    head = toks[j - 1].lower
    if head not in FORCE_HEADS and not (head in MISSION_HEADS and toks[j].text == "in"):
        return False
    place = toks[j + 1]
    after = toks[j + 2] if j + 2 < len(toks) else None
    return place.lower in L.PLACE_NAMES and _capish(place) and (after is None or not _capish(after))


#: Heads of military units numbered by an ordinal (``2nd Infantry Division``, ``U.S. 3rd Fleet``, ``7th Air Force``).
UNIT_HEADS: frozenset[str] = frozenset(
    {"division", "fleet", "army", "force", "wing", "brigade", "regiment", "squadron", "corps", "battalion", "group"}
    | {"center", "team", "company"}
    | {"unit", "command", "battery", "detachment", "hospital"}  # 31st Marine Expeditionary Unit, 19th … Command
    | {f"{a}." for a in UNIT_HEAD_ABBREVIATIONS}  # 210th FA Bde., 6th Bn.
)
_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th)")  # 1030th Transportation Battalion
#: A battalion and its regiment in the Army's short form before the unit's name (``2-2 Assault Helicopter
#: Battalion``, ``6-52nd Air Defense Artillery``, ``2-9th Infantry``).
_UNIT_PAIR = re.compile(r"\d{1,2}-\d{1,3}(?:st|nd|rd|th)?")
#: Branch words that end a numbered regiment's name as a unit head does (``52nd Air Defense Artillery``, ``9th
#: Infantry``, ``8th Cavalry``, ``7th Marines``).
REGIMENT_BRANCHES: frozenset[str] = frozenset({"artillery", "infantry", "cavalry", "armor", "marines"})


#: Initials of the unit heads an acronym after an ordinal ends in (battalion or brigade, division, regiment, wing:
#: ``302nd BSB``, ``1st MDB``; not ``37th SCM``, ``8th APEC``, ``70th UNGA`` or a country, ``44th US``).
UNIT_INITIALS = frozenset("BDRW")


def unit_acronym(text: str) -> bool:
    """A unit's abbreviation after its ordinal: one the table has (``FW``, ``AF``:
    :data:`~termdesk.mine.wordlists.UNIT_ABBREVIATIONS`), or three to five capitals ending in a unit head's
    initial."""
    return text in L.UNIT_ABBREVIATIONS or (re.fullmatch(r"[A-Z]{3,5}", text) is not None and text[-1] in UNIT_INITIALS)


def _numbered_unit(toks: Sequence[Tok], j: int) -> bool:
    """An ordinal at ``j`` opens a military unit's name or an anniversary's: capitalised words follow it (``and``
    between two of them: ``611th Air and Space Operations Center``), the last a unit head or ``Anniversary``
    (``43rd Foundation Anniversary``); or the unit's abbreviation alone follows it
    (``8th FW``, ``7th AF``: :data:`~termdesk.mine.wordlists.UNIT_ABBREVIATIONS`; not ``37th SCM``)."""
    pair = _UNIT_PAIR.fullmatch(toks[j].text) is not None
    if _ORDINAL.fullmatch(toks[j].text) is None and not pair:
        return False
    if j + 1 < len(toks) and unit_acronym(toks[j + 1].text) and toks[j + 1].start == toks[j].end + 1:
        after = toks[j + 2] if j + 2 < len(toks) else None
        # "7th AF Commander": the unit's post after its abbreviation
        return after is None or not _capish(after) or _title_head(after)
    k = j + 1
    while k < len(toks) and toks[k].start <= toks[k - 1].end + 1:
        inner_and = toks[k].text == "and" and k > j + 1 and k + 1 < len(toks) and _capish(toks[k + 1])
        if inner_and and toks[k - 1].lower in UNIT_HEADS:  # "the 51st Fighter Wing and ROKAF FA-50 pilots"
            return True
        if not (_capish(toks[k]) or inner_and):
            break
        k += 1
    if k > j + 1 and (toks[k - 1].lower in UNIT_HEADS or toks[k - 1].lower == "anniversary"):
        return True
    if k > j + 2 and toks[j + 1].lower == "anniversary" and toks[k - 1].lower in AWARD_HEADS:
        return True  # "50th Anniversary Korean Commemorative Medal": the anniversary's medal
    if k > j + 1 and toks[k - 1].lower in REGIMENT_BRANCHES and (k == len(toks) or toks[k].text != "/"):
        return True  # "6-52nd Air Defense Artillery", "9th Infantry"; not "2nd Infantry/ROK-U.S. Combined Division"
    if pair:  # "2-2" before anything but a unit's name is a score or a range
        return False
    # a post after the unit ("8th Army Commanding General Lt. Gen. …"), or the unit's band or office ("8th Army
    # Band"): the unit ends inside the run
    return any(
        toks[m].lower in UNIT_HEADS
        and (
            any(_title_head(t) for t in toks[m + 1 : min(m + 3, k)])
            or (k - m <= 3 and toks[k - 1].lower in UNIT_OFFICES)
        )
        for m in range(j + 1, k - 1)
    )


#: A unit's own band, office, headquarters or building after its name (``8th Army Band``, ``7th Air Force Public
#: Affairs``, ``2nd Infantry Division Museum``).
UNIT_OFFICES: frozenset[str] = frozenset(
    {"band", "headquarters", "affairs", "office", "staff"}
    | {"museum", "chapel", "clinic", "hospital", "library"}  # "2nd Infantry Division Museum": the unit's own
)


def _acronym_inside(toks: Sequence[Tok], j: int) -> bool:
    """``( ACRONYM )`` at ``j`` inside a name: ``for`` or ``of`` and a capitalised word follow it, so the name goes
    on (``Deputy Assistant Secretary of Defense (DASD) for East Asia``)."""
    if j + 4 >= len(toks) or toks[j].text != "(" or toks[j + 2].text != ")":
        return False
    inner, conn, nxt = toks[j + 1], toks[j + 3], toks[j + 4]
    return _is_acronym_text(inner.text) and conn.text in ("for", "of") and _capish(nxt)


def acronym_then_place(toks: Sequence[Tok], j: int) -> int:
    """``( ACRONYM )`` at ``j`` after a body's head, then the place the body is at, of one or two capitalised words
    that end the name: a place of the gazetteer or a compass word before one (``Fleet Readiness Center (FRC)
    Western Pacific``), or a word no dictionary knows (``Fleet Logistics Center (FLC) Yokosuka``). The index after
    the place, else 0."""
    n = len(toks)
    if j == 0 or j + 3 >= n or toks[j].text != "(" or toks[j + 2].text != ")":
        return 0
    if not (_unit_head(toks[j - 1].text) and _is_acronym_text(toks[j + 1].text)):
        return 0
    k = j + 3
    m = k
    while m < n and m - k < 2 and toks[m].is_word and _capish(toks[m]) and toks[m].start <= toks[m - 1].end + 1:
        m += 1
    if m == k or (m < n and _capish(toks[m]) and toks[m].start <= toks[m - 1].end + 1):
        return 0
    place = toks[k:m]
    if any(_title_head(t) or _unit_head(t.text) or _rank_at(toks, i) for i, t in enumerate(place, start=k)):
        return 0
    words = [t.lower for t in place]
    compass = len(words) == 2 and words[0].removesuffix("ern") in L.PLACE_NAMES  # "Western Pacific"
    if compass or all(w in L.PLACE_NAMES for w in words) or (len(words) == 1 and not lemmas(words[0])):
        return m
    return 0


def _country_acronym_inside(toks: Sequence[Tok], j: int) -> bool:
    """``( ACRONYM )`` at ``j`` after a country, a capitalised word of a name right after it: the country's acronym
    inside a body's name (``U.S.-Republic of Korea (ROK) Working Group``)."""
    if j == 0 or j + 3 >= len(toks) or toks[j].text != "(" or toks[j + 2].text != ")":
        return False
    country = toks[j - 1].lower.rsplit("-", 1)[-1]
    return (
        country in L.PLACE_NAMES
        and _is_acronym_text(toks[j + 1].text)
        and _capish(toks[j + 3])
        and toks[j + 3].start == toks[j + 2].end + 1
    )


def _comma_korean_name(toks: Sequence[Tok], j: int) -> bool:
    """A comma at ``j`` between a rank and a Korean family name before it and the given name after it, in the
    style of U.S. Forces Korea releases (``Gen. Kim, Seung Kyum``, ``Gen. Ahn, Byung-Seok``; after a title or an
    honorific too: ``Minister of National Defense Kim, Kwan Jin``, ``Honorable Kim, Sung Won``): a hyphenated given
    name, or two capitalised parts of one syllable each, and no capitalised word after it."""
    if toks[j].text != "," or j < 2 or j + 1 >= len(toks) or toks[j - 1].lower not in L.KOREAN_SURNAMES:
        return False
    ranked = any(_rank_at(toks, k) and k + _rank_at(toks, k) == j - 1 for k in range(max(0, j - 4), j - 1))
    titled = _title_head(toks[j - 2]) or (toks[j - 2].text[:1].isupper() and toks[j - 2].lower in PORTFOLIO_WORDS)
    titled = titled or toks[j - 2].text in ("Honorable", "Mr.", "Mrs.", "Ms.", "Dr.")  # "Honorable Kim, Sung Won"
    if not (ranked or titled):  # "Gen. Kim, Seung Kyum", "Minister of National Defense Kim, Kwan Jin"
        return False
    given = toks[j + 1]
    if re.fullmatch(r"[A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5}", given.text):
        rest = toks[j + 2 :]
    elif j + 2 < len(toks) and all(re.fullmatch(r"[A-Z][a-z]{1,5}", t.text) for t in toks[j + 1 : j + 3]):
        rest = toks[j + 3 :]
    else:
        return False
    return not rest or not _capish(rest[0])


#: Heads of documents named by a number after them (``Executive Order 13382``, ``Resolution 2397``).
NUMBERED_DOCUMENT_HEADS: frozenset[str] = frozenset(
    {"order", "orders", "e.o.", "resolution", "resolutions", "directive", "law", "determination", "report", "form"}
)


def _numbered_document(toks: Sequence[Tok], j: int) -> bool:
    """A number at ``j`` (three to five digits, or a series and a serial) right after a capitalised document head
    names the document (``Executive Order 13382``, ``Public Law 96-72``; not ``Resolution 2397`` of a year: a number,
    not a year, after a head)."""
    if j == 0 or not _DOCUMENT_NUMBER.fullmatch(toks[j].text) or toks[j].start > toks[j - 1].end + 1:
        return False
    head = toks[j - 1]
    return head.lower in NUMBERED_DOCUMENT_HEADS and head.text[:1].isupper()


#: A document's number: ``13382``, or a congress's or a year's series and a serial (``Public Law 96-72``,
#: ``Presidential Determination 2007-32``).
_DOCUMENT_NUMBER = re.compile(r"\d{3,5}|\d{2,4}-\d{1,4}")


#: Quotes around a nickname inside a person's name (``Jondavid 'Dok' Hertzel``, ``Willard “Bill” Burleson``).
OPEN_QUOTES: frozenset[str] = frozenset({"'", '"', "“", "‘"})
CLOSE_QUOTES: frozenset[str] = frozenset({"'", '"', "”", "’"})


def _quoted_nickname(toks: Sequence[Tok], j: int) -> bool:
    """A nickname in quotes at ``j`` between a given name and a family name: ``Jondavid 'Dok' Hertzel``,
    ``Willard “Bill” Burleson``. One capitalised word in quotes, with no space inside them, a capitalised word
    right before and right after."""
    if j == 0 or j + 3 >= len(toks) or toks[j].text not in OPEN_QUOTES or toks[j + 2].text not in CLOSE_QUOTES:
        return False
    before, nick, after = toks[j - 1], toks[j + 1], toks[j + 3]
    return (
        re.fullmatch(r"[A-Z][a-z]+", before.text) is not None
        and re.fullmatch(r"[A-Z][a-z]+", nick.text) is not None
        and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", after.text) is not None
        and nick.start == toks[j].end
        and toks[j + 2].start == nick.end
        and toks[j].start == before.end + 1
        and after.start == toks[j + 2].end + 1
    )


def _second_number(toks: Sequence[Tok], j: int) -> bool:
    """``and`` and a second number at ``j`` after a plural document head and its number (``Executive Orders 13810
    and 13382``): one name for both."""
    return (
        j + 1 < len(toks)
        and j >= 2
        and toks[j].text == "and"
        and re.fullmatch(r"\d{3,5}", toks[j + 1].text) is not None
        and toks[j - 2].lower.endswith("s")
        and toks[j - 2].lower in NUMBERED_DOCUMENT_HEADS
    )


def _unit_number(toks: Sequence[Tok], j: int, *, after: Tok | None = None) -> bool:
    """A number of one to three digits at ``j`` right after a unit head names the unit (``Combat Logistics Regiment
    37``, ``Carrier Strike Group 5``, ``Task Force 70``); not a year, not a number the next word counts (``Group 5
    ships``: :func:`_counted_noun`). ``after``: the unit head when something stands between it and the number
    (the unit's acronym in brackets)."""
    head = toks[j - 1] if after is None and j else after
    if head is None or not re.fullmatch(r"[1-9]\d{0,2}", toks[j].text) or toks[j].start > toks[j - 1].end + 1:
        return False
    if head.lower not in UNIT_HEADS or not head.text[:1].isupper():
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or not _counted_noun(nxt)


def _acronym_then_number(toks: Sequence[Tok], j: int) -> bool:
    """``( ACRONYM ) N`` at ``j`` after a unit head: the unit's acronym and then its number (``Carrier Air Wing
    (CVW) 5``, ``Destroyer Squadron (DESRON) 15``); the number is part of the name."""
    if j == 0 or j + 3 >= len(toks) or toks[j].text != "(" or toks[j + 2].text != ")":
        return False
    # _unit_number checks that the word before the brackets is a unit head
    return _is_acronym_text(toks[j + 1].text) and _unit_number(toks, j + 3, after=toks[j - 1])


@lru_cache(maxsize=8192)
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """``lemminflect``'s lemmas of a word by word class (``{"NOUN": ("ship",), "VERB": ("ship",)}``; ``{}`` for a
    word its lexicon lacks, as most names are). The one place mining asks the lexicon; loaded on first use."""
    from lemminflect import getAllLemmas

    return getAllLemmas(word)


def plural_noun(word: str) -> bool:
    """A lowercase plural noun (``ships``, ``weeks``): what a number before it counts."""
    return word.islower() and word.endswith("s") and word not in lemmas(word).get("NOUN", (word,))


def _counted_noun(t: Tok) -> bool:
    """A lowercase plural noun that a number before it counts (``5 ships``, ``37 sailors``)."""
    return t.is_word and plural_noun(t.text)


#: Lowercase heads of a place that a capitalised name before them names (``Senkaku islands``).
_ISLAND_HEADS = frozenset({"islands", "island", "islets", "strait", "peninsula"})


def _lowercase_island_head(toks: Sequence[Tok], j: int) -> bool:
    """A lowercase island or strait head at ``j`` after one capitalised name that is no country or nationality:
    ``Senkaku islands``, ``Kuril islands`` (not ``Korean peninsula``: a nationality; the glossary has it)."""
    if j == 0 or toks[j].text not in _ISLAND_HEADS or toks[j].start > toks[j - 1].end + 1:
        return False
    name = toks[j - 1]
    return (
        re.fullmatch(r"[A-Z][a-z]+", name.text) is not None
        and name.lower not in L.NATIONALITY_LOWER
        and name.lower not in L.PLACE_NAMES
        and not (j >= 2 and _capish(toks[j - 2]))
    )


def _peoples_inside(toks: Sequence[Tok], j: int) -> bool:
    """``'s`` of ``People's`` or of another plural without ``s`` at ``j`` inside a name, a capitalised word after it
    (``Democratic People's Republic of Korea``, ``People's Liberation Army``, ``Women's History Month``,
    ``Children's Day``)."""
    return (
        0 < j < len(toks) - 1
        and toks[j].text in ("'s", "’s")
        and toks[j - 1].text in ("People", "Women", "Men", "Children")
        and toks[j].start == toks[j - 1].end
        and _capish(toks[j + 1])
    )


def _plural_possessive_inside(toks: Sequence[Tok], j: int) -> bool:
    """The apostrophe of a plural possessive at ``j`` inside a name: right after a capitalised plural noun, a unit head
    after it (``Camp David Trilateral Leaders' Summit``, ``Workers' Party of Korea``; not ``Mattis' Call``, not
    ``United States' APEC``)."""
    if j == 0 or j + 1 >= len(toks) or toks[j].text not in ("'", "’"):
        return False
    before, after = toks[j - 1], toks[j + 1]
    if not (
        toks[j].start == before.end
        and re.fullmatch(r"[A-Z][a-z]+s", before.text) is not None
        and before.lower != "states"
        and after.start == toks[j].end + 1
        and _unit_head(after.text)
    ):
        return False
    return before.lower not in lemmas(before.lower).get("NOUN", (before.lower,))  # a plural noun


#: A company's legal form after ``Co.`` and a comma (``Co., Ltd.``).
_COMPANY_FORMS = frozenset({"Ltd.", "Ltd", "Inc.", "Inc", "LLC", "Limited"})


def _company_suffix(toks: Sequence[Tok], j: int) -> bool:
    """``, Ltd.`` at ``j`` after ``Co.``/``Corp.``: the company's legal form is part of its name."""
    return (
        0 < j < len(toks) - 1
        and toks[j].text == ","
        and toks[j - 1].text in ("Co.", "Corp.", "Co", "Corp")
        and toks[j + 1].text in _COMPANY_FORMS
    )


def _act_of_year(toks: Sequence[Tok], j: int) -> bool:
    """``of`` and a year at ``j`` after ``Act`` end a statute's name (``… Enhancement Act of 2016``)."""
    return (
        0 < j < len(toks) - 1
        and toks[j].text == "of"
        and toks[j - 1].text == "Act"
        and _YEAR.fullmatch(toks[j + 1].text) is not None
    )


def _fiscal_year(toks: Sequence[Tok], j: int) -> bool:
    """A year at ``j`` after ``FY`` ends a statute's or a budget's name (``National Defense Authorization Act for FY
    2017``)."""
    return (
        1 < j < len(toks)
        and toks[j - 1].text == "FY"
        and toks[j - 2].text == "for"
        and _YEAR.fullmatch(toks[j].text) is not None
        and toks[j].start <= toks[j - 1].end + 1
    )


def _committee_number(toks: Sequence[Tok], j: int) -> bool:
    """A Security Council resolution's number at ``j`` naming its sanctions committee: capitalised words up to
    ``Committee`` follow it (``1718 Committee``, ``1718 North Korea Sanctions Committee``, ``UN 1718 Committee Panel
    of Experts``)."""
    if re.fullmatch(r"\d{3,4}", toks[j].text) is None or _YEAR.fullmatch(toks[j].text):
        return False  # "the 2023 Security Consultative Committee": a year
    k = j + 1
    while k < len(toks) and k <= j + 4 and _capish(toks[k]) and toks[k].start <= toks[k - 1].end + 1:
        if toks[k].text == "Committee":
            return True
        k += 1
    return False


def _year_in_name(toks: Sequence[Tok], j: int) -> bool:
    """A year at ``j`` inside a name, between capitalised words (``Strategic Alliance 2015 Working Group``)."""
    if _YEAR.fullmatch(toks[j].text) is None or j == 0 or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return (
        _capish(toks[j - 1]) and _capish(nxt) and nxt.start <= toks[j].end + 1 and toks[j].start <= toks[j - 1].end + 1
    )


@dataclass(frozen=True)
class Run:
    toks: tuple[Tok, ...]
    sentence_initial: bool
    prev: Tok | None
    next: Tok | None


#: Capitalised words that end a post after a lowercase ``in`` (``Special Agent in Charge``, ``Commander in Chief``,
#: ``Officer in Charge``): the ``in`` is inside the title.
IN_TITLES: frozenset[str] = frozenset({"Charge", "Chief"})
#: Capitalised words after a document's head and a lowercase ``in`` that go on with its title (``Joint Declaration
#: in Commemoration of the 60th Anniversary of the Alliance``).
IN_DOCUMENTS: frozenset[str] = frozenset({"Commemoration", "Celebration"})
#: The lowercase words a name in capitals may hold: the connectors of :func:`capitalised_runs` and the ``in`` of a
#: post in :data:`IN_TITLES`.
NAME_CONNECTORS: frozenset[str] = frozenset(_CONNECTORS | {"in"})


def _slashed_name(toks: Sequence[Tok], j: int) -> bool:
    """A slash at ``j`` joins two capitalised words inside one name: capitals touch it on both sides, and either
    the two are modifiers of the one body's head after them (``Humphreys Middle/High School``) or a letter and an
    acronym stand either side (``Humphreys M/HS``). Two names in a list (``Pyeongtaek/Osan``) and two bodies
    (``United Nations Command/Combined Forces Command``, ``2nd Infantry/ROK-U.S. Combined Division``) are not
    joined."""
    if j == 0 or j + 2 >= len(toks) or toks[j].text != "/":
        return False
    left, right = toks[j - 1], toks[j + 1]
    if left.end != toks[j].start or right.start != toks[j].end or not (_capish(left) and _capish(right)):
        return False
    if re.fullmatch(r"[A-Z]", left.text) and _is_acronym_text(right.text):
        return True
    head = toks[j + 2]
    ends_here = j + 3 >= len(toks) or not (_capish(toks[j + 3]) and toks[j + 3].start <= head.end + 1)
    return (
        _unit_head(head.text)
        and ends_here
        and head.start <= right.end + 1
        and not _unit_head(left.text)
        and left.lower not in REGIMENT_BRANCHES
    )


#: Words that name a part of a document before its number (``Article V of the U.S.-Japan Security Treaty``).
DOCUMENT_PARTS: frozenset[str] = frozenset({"Article", "Section", "Chapter", "Paragraph", "Clause", "Annex"})
#: A part's number in figures (``5``, ``40A``); a roman one (``V``) is a capitalised word of the run already.
_PART_FIGURES = re.compile(r"[0-9]+[A-Z]?")
_PART_ROMAN = re.compile(r"[IVXL]+")


#: Dashes that can join a name's parts when written with spaces (``Garrison - Yongsan``, ``Command -- Pacific``,
#: ``ROK – US``): the tokenizer cuts each out as a token of its own (``--`` as two).
_DASHES = frozenset({"-", "–", "—"})
#: Words a spaced dash may begin a run's second part with when the first part is a country: the words a country's
#: name begins with (``United States``, ``Republic of Korea``) besides the codes and one-word names.
_COUNTRY_OPENERS = frozenset({"United", "Republic", "Democratic", "People's", "People’s"})


def _after_dash(toks: Sequence[Tok], j: int) -> int:
    """The index after the dash at ``j``, a ``--`` written as two touching hyphens counting as one."""
    k = j + 1
    if toks[j].text == "-" and k < len(toks) and toks[k].text == "-" and toks[k].start == toks[j].end:
        k += 1
    return k


def _function_words(words: Sequence[Tok]) -> bool:
    """Every word is one of the dictionary or a place: the function, branch or place a post serves after a dash
    (``Operations``, ``Army``, ``Pacific``), never a person's name (``John Smith``)."""
    return all(lemmas(t.lower) or t.lower in L.PLACE_NAMES for t in words)


def _country_word(t: Tok, *, opener: bool) -> bool:
    """``t`` ends (``opener`` False) or begins (``opener`` True) a country's name: a country code (``ROK``,
    ``U.S.``), a one-word country (``Japan``) or, for ``opener``, one of :data:`_COUNTRY_OPENERS`."""
    w = t.lower.rstrip(".")
    if t.lower in L.COUNTRY_CODES or w in L.COUNTRY_CODES or w in L.STANDALONE_PLACES:
        return True
    if not opener and t.text in ("States", "Korea"):
        return True
    return opener and t.text in _COUNTRY_OPENERS


def dashed_name(toks: Sequence[Tok], start: int, j: int) -> int:
    """A dash written with spaces at ``j`` (``-``, ``--``, ``–``, ``—``) inside one name, in the run begun at
    ``start``: the index of the first word after the dash, or 0 when the dash ends the run. Two cases join:

    * two countries of a compound (``ROK – US Combined Forces Command``, ``United States - Republic of Korea
      Alliance``): the same name as ``ROK-US …``;
    * a body's or a post's head and the place, branch or function it serves, of one or two capitalised words that
      end the name (``United States Army Garrison - Yongsan``, ``Installation Management Command -- Pacific``,
      ``Deputy Commanding General – Operations``, ``Army Field Support Battalion–Northeast Asia``).

    A dash after a word in capitals throughout or a place after a comma (datelines: ``WASHINGTON -- U.S. forces``,
    ``CAMP CASEY, South Korea – United States Army Garrison …``), or before a determiner or a sentence's word
    (``Korea – The U.S. …``) ends the run."""
    n = len(toks)
    if j == start or j >= n or toks[j].text not in _DASHES:
        return 0
    k = _after_dash(toks, j)
    if k >= n:
        return 0
    left, right = toks[j - 1], toks[k]
    if not (_capish(left) and _capish(right) and right.is_word):
        return 0
    if left.text.isupper() and len(left.text) > 4 and left.lower not in L.COUNTRY_CODES:
        return 0  # "WASHINGTON --": a dateline
    if start > 1 and toks[start - 1].text == "," and all(_capish(t) or t.text == "," for t in toks[: start - 1]):
        return 0  # "CAMP CASEY, South Korea – United States Army Garrison …": a dateline's place and country
    if _country_word(left, opener=False) and _country_word(right, opener=True):
        return k  # "US" before the word list: a country code, not the pronoun
    if right.lower in L.STOPWORDS:
        return 0
    if not (_unit_head(left.text) or _title_head(left)):
        return 0
    m = k
    while m < n and _capish(toks[m]) and toks[m].is_word and (m == k or toks[m].start <= toks[m - 1].end + 1):
        m += 1
    if m - k > 2:
        return 0
    if not _unit_head(left.text) and not _function_words(toks[k:m]):
        return 0  # "Director – John Smith": after a post, a function or a place, never a person
    return k


def _commemoration(toks: Sequence[Tok]) -> bool:
    """The run so far ends a document's title with ``in`` and one of :data:`IN_DOCUMENTS` (``Joint Declaration in
    Commemoration``): an anniversary after ``of`` goes on with it."""
    return len(toks) >= 3 and toks[-2].text == "in" and toks[-1].text in IN_DOCUMENTS


#: Languages a body's name may be followed by as a modifier of the next noun (``… Institute English exam``).
LANGUAGE_WORDS: frozenset[str] = frozenset({"English", "Korean", "Japanese", "Chinese", "Russian"})


def _camp_after_acronym(toks: Sequence[Tok], j: int) -> bool:
    """``Camp``/``Fort`` at ``j`` right after a unit's acronym begins the place the unit is at, no part of its name
    (``411th CSB Camp Red Cloud``: the brigade, then the camp)."""
    prev = toks[j - 1] if j else None
    return (
        prev is not None
        and toks[j].text in ("Camp", "Fort")
        and _is_acronym_text(prev.text)
        and prev.lower not in L.COUNTRY_CODES
        and j + 1 < len(toks)
        and _capish(toks[j + 1])
    )


def _language_after_body(toks: Sequence[Tok], j: int) -> bool:
    """A language at ``j`` after a body's head, a lowercase noun after it: the language modifies that noun
    (``the Defense Language Institute English exam``), no part of the body's name."""
    return (
        j > 0
        and toks[j].text in LANGUAGE_WORDS
        and _unit_head(toks[j - 1].text)
        and j + 1 < len(toks)
        and toks[j + 1].is_word
        and toks[j + 1].text.islower()
    )


def unit_before_body(run: Run) -> Run | None:
    """The numbered unit a longer name opens with, as a run of its own, when the rest is a post of the unit, a school
    of it or a second body named by countries: ``7th Infantry Division Noncommissioned Officer Academy`` → ``7th
    Infantry Division``, ``51st Fighter Wing Chaplain`` → ``51st Fighter Wing``, ``2nd Infantry Division ROK-U.S.
    Combined Division`` → ``2nd Infantry Division``. The longer name is a term of its own; the unit is one too."""
    toks = run.toks
    if len(toks) < 3 or not _ORDINAL.fullmatch(toks[0].text):
        return None
    k = 1
    while k < len(toks) - 1 and toks[k].is_word and _capish(toks[k]):
        if toks[k].lower in UNIT_KINDS:
            break
        k += 1
    if k >= len(toks) - 1 or toks[k].lower not in UNIT_KINDS:
        return None
    rest = toks[k + 1 :]
    country = all(p.lower() in L.COUNTRY_CODES for p in re.split(r"[-/]", rest[0].text) if p)
    post = len(rest) <= 2 and _title_head(rest[-1])  # "… Wing Chaplain"
    school = rest[-1].lower in INSTITUTION_HEADS and not any(t.lower in UNIT_KINDS for t in rest)  # "… Academy"
    if not (post or school or (country and rest[-1].lower in UNIT_KINDS)):
        return None  # "1st Armored Brigade Combat Team", "302nd Brigade Support Battalion": one unit
    return Run(toks[: k + 1], run.sentence_initial, run.prev, toks[k + 1])


#: Heads of a body a post may follow in a run (:func:`body_before_post`): a named body ends with one.
POST_BODY_HEADS: frozenset[str] = frozenset(
    {"agency", "university", "guard", "council", "committee", "commission", "institute", "bureau", "department"}
    | {"office", "academy", "college", "foundation", "association", "center", "centre", "command", "house"}
)


#: Words that grade the post a run ends with, not the body before it (``Senior State Department Official``).
_POST_GRADES: frozenset[str] = frozenset({"senior", "deputy", "vice", "acting", "assistant", "principal", "former"})
_POST_OPENERS: frozenset[str] = frozenset({"deputy", "vice", "assistant", "executive", "national", "press", "chief"})


def body_before_post(run: Run) -> Run | None:
    """The body a post's run opens with, as a run of its own, when the run is the body and a post of it in one or
    two capitalised words: ``Defense POW/MIA Accounting Agency Director`` → ``Defense POW/MIA Accounting Agency``,
    ``Korea Coast Guard Deputy Commissioner`` → ``Korea Coast Guard``. The post is a term of its own (a unit's
    commander, the agency's director); the body is one too. The body has two words or more (``Army Chief``: no
    body) and no title word of its own."""
    toks = run.toks
    if len(toks) < 3 or not all((t.is_word and _capish(t)) or t.text in ("/", "-") for t in toks[1:-1]):
        return None  # "Defense POW/MIA Accounting Agency": a slash inside the body's name
    for k in (len(toks) - 1, len(toks) - 2):
        body, post = toks[:k], toks[k:]
        if len(body) < 2 or body[-1].lower not in POST_BODY_HEADS:
            continue
        if not _title_head(post[-1]) or (len(post) == 2 and post[0].lower not in _POST_OPENERS):
            continue  # "… Agency Director", "… Coast Guard Deputy Commissioner", "… House Press Secretary"
        if any(_title_head(t) or _rank_at(toks, i) for i, t in enumerate(body)) or body[0].lower in _POST_GRADES:
            return None  # "Deputy Director Agency Chief": titles all along; "Senior State Department Official"
        return Run(tuple(body), run.sentence_initial, run.prev, post[0])
    return None


#: Heads of a numbered unit (:func:`unit_before_body`): a numbered unit ends with one.
UNIT_KINDS: frozenset[str] = frozenset(
    {"division", "brigade", "battalion", "regiment", "wing", "squadron", "group", "fleet", "corps", "company"}
)


def capitalised_runs(toks: Sequence[Tok]) -> list[Run]:
    """Maximal runs of capitalised tokens, joined by of/the/and/for/to/on when a capital follows."""
    runs: list[Run] = []
    n = len(toks)
    first_word = next((i for i, t in enumerate(toks) if t.is_word), 0)
    i = 0
    while i < n:
        group = _GROUP_NAME.fullmatch(toks[i].text) is not None and i + 1 < n and _capish(toks[i + 1])
        if not _capish(toks[i]) and not group and not _numbered_unit(toks, i) and not _committee_number(toks, i):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = toks[j]
            if _camp_after_acronym(toks, j) or _language_after_body(toks, j):
                break  # "411th CSB | Camp Red Cloud", "Defense Language Institute | English exam"
            if _capish(t) and t.start <= toks[j - 1].end + 1:
                j += 1
                continue
            if t.text in _RANK_INNER:  # "Sgt. 1st Class Aaron Kerns": the rank's ordinal is inside the name's run
                rank = next((end for k in range(max(i, j - 2), j) if (end := k + _rank_at(toks, k)) > j), 0)
                if rank:
                    j = rank
                    continue
            if (
                t.text == "/"
                and j + 1 < n
                and _is_acronym_text(toks[j - 1].text)
                and _is_acronym_text(toks[j + 1].text)
                and toks[j - 1].end == t.start
                and toks[j + 1].start == t.end
            ):  # "Defense POW/MIA Accounting Agency": two acronyms joined by a slash inside a name
                j += 2
                continue
            if _slashed_name(toks, j):  # "Humphreys Middle/High School", "Humphreys M/HS": one school
                j += 2
                continue
            if (
                t.text == "-"
                and j == i + 1
                and toks[i].lower in L.COUNTRY_CODES
                and j + 1 < n
                and toks[j - 1].end == t.start
                and toks[j + 1].start == t.end
                and _capish(toks[j + 1])
            ):  # "U.S.-Republic of Korea": the tokenizer cuts the hyphen after a country's periods out
                j += 2
                continue
            if (
                j == i + 1
                and toks[i].text in DOCUMENT_PARTS
                and _PART_FIGURES.fullmatch(t.text)
                and j + 1 < n
                and toks[j + 1].text == "of"
            ):  # "Article 5 of the Mutual Defense Treaty": the part's number is in its name
                j += 1
                continue
            if dashed := dashed_name(toks, i, j):  # "United States Army Garrison - Yongsan", "ROK – US …"
                j = dashed
                continue
            if _forces_in_place(toks, j) or _year_in_name(toks, j):
                j += 2
                continue
            if _committee_number(toks, j) and t.start <= toks[j - 1].end + 1:  # "UN 1718 Committee"
                j += 1
                continue
            if placed := acronym_then_place(toks, j):  # "Fleet Readiness Center (FRC) Western Pacific"
                j = placed
                break
            if _acronym_inside(toks, j) or _country_acronym_inside(toks, j):
                # "Deputy Assistant Secretary of Defense (DASD) for East Asia", "U.S.-Republic of Korea (ROK) Working
                # Group"
                j += 3
                continue
            if t.text == "in" and j + 1 < n and toks[j + 1].text in IN_TITLES:  # "Special Agent in Charge"
                j += 2
                continue
            if (
                t.text == "in"
                and j + 1 < n
                and toks[j + 1].text in IN_DOCUMENTS
                and (toks[j - 1].lower in L.DOCUMENT_HEADS or toks[j - 1].lower in ("statement", "vision"))
            ):  # "Joint Statement in Commemoration of the 70th Anniversary …": the title goes on
                j += 2
                continue
            if _comma_korean_name(toks, j):  # "Gen. Kim, Seung Kyum": the USFK style of a Korean name
                j += 1
                continue
            if _quoted_nickname(toks, j):  # "Jondavid 'Dok' Hertzel": the nickname belongs to the name
                j += 4
                continue
            if _plural_possessive_inside(toks, j) or _peoples_inside(toks, j):
                j += 1  # "Trilateral Leaders' Summit", "Workers' Party of Korea", "Democratic People's Republic"
                continue
            if _numbered_unit(toks, j) and t.start <= toks[j - 1].end + 1:  # "U.S. 3rd Fleet"
                j += 1
                continue
            if _numbered_document(toks, j):  # "Executive Order 13382", "Resolution 2397"
                j += 1
                if _second_number(toks, j):  # "Executive Orders 13810 and 13382"
                    j += 2
                break
            if _unit_number(toks, j):  # "Combat Logistics Regiment 37", "Carrier Strike Group 5"
                j += 1
                break
            if _acronym_then_number(toks, j):  # "Carrier Air Wing (CVW) 5": the number after the acronym names it
                j += 4
                break
            if _lowercase_island_head(toks, j):  # "Senkaku islands"
                j += 1
                break
            if _company_suffix(toks, j):  # "Yanbian Silverstar Network Technology Co., Ltd."
                j += 2
                break
            if _act_of_year(toks, j):  # "North Korea Sanctions and Policy Enhancement Act of 2016"
                j += 2
                break
            if _fiscal_year(toks, j):  # "National Defense Authorization Act for FY 2017"
                j += 1
                break
            if t.lower in _CONNECTORS and t.text.islower():
                k = j + 1
                while k < n and toks[k].lower == "the":
                    k += 1
                if k < n and _capish(toks[k]) and toks[k].text != "I":
                    j = k
                    continue
                if k < n and t.text == "of" and _numbered_unit(toks, k) and _commemoration(toks[i:j]):
                    j = k  # "… in Commemoration of the 60th Anniversary of the Alliance"
                    continue
            break
        runs.append(Run(tuple(toks[i:j]), i == first_word, toks[i - 1] if i else None, toks[j] if j < n else None))
        i = j
    return runs


def _split_at(run: Run, idx: int, skip: int = 1) -> tuple[Run, Run]:
    a = Run(run.toks[:idx], run.sentence_initial, run.prev, run.toks[idx])
    b = Run(run.toks[idx + skip :], False, run.toks[idx + skip - 1], run.next)
    return a, b


def _unit_head(word: str) -> bool:
    w = word.lower().rstrip(".")
    served = re.fullmatch(r"(.+)[-–]([^-–]+)", w)
    if served is not None and served.group(2) in L.PLACE_NAMES:
        w = served.group(1)  # "Services-Korea", "Battalion–Japan": the head and the place it serves
    return (
        w in L.ORG_HEADS or w in L.MEETING_HEADS or w in L.DOCUMENT_HEADS or w in L.EXERCISE_HEADS or w in L.MEDIA_HEADS
    )


#: Heads an award's subject follows with ``for`` (``Army Award for Maintenance Excellence``).
AWARD_HEADS: frozenset[str] = frozenset({"award", "awards", "medal", "prize", "trophy", "commendation"})


def _title_head(t: Tok) -> bool:
    w = t.lower
    if w in L.TITLE_HEADS or t.text in CAPITALISED_TITLE_HEADS:
        return True
    return bool("-" in w and w.rsplit("-", 1)[-1] in L.TITLE_HEADS)


def _in_title_complement(toks: Sequence[Tok], i: int) -> bool:
    """``for`` at ``i`` continues a title's ``of`` complement (``Assistant Secretary of Defense for Space
    Policy``, ``Under Secretary of the Treasury for Terrorism …``): a title head, ``of`` (``the``) and capitalised
    words only before it, and a capitalised word after it."""
    k = i - 1
    while k >= 0 and ((toks[k].text[:1].isupper() and not _title_head(toks[k])) or toks[k].text == "the"):
        k -= 1
    if k < 1 or toks[k].text != "of" or not _title_head(toks[k - 1]) or k == i - 1:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and nxt.text[:1].isupper()


#: Last words of a title's portfolio (``Coordinator for Defense Policy and Arms Control``, ``Minister of Foreign
#: Affairs and Trade``): ``and`` between two of them joins one portfolio.
PORTFOLIO_WORDS: frozenset[str] = frozenset(
    {
        *("policy", "control", "affairs", "trade", "security", "planning", "strategy", "programs", "technology"),
        *("acquisition", "sustainment", "readiness", "logistics", "plans", "operations", "capabilities"),
        *("unification", "defense", "cooperation", "nonproliferation", "intelligence", "research", "engineering"),
        *("analysis", "personnel"),
    }
)


#: Most words the second part of a portfolio may take up to its portfolio word (``Nuclear and Missile Defense
#: Policy``, ``Nuclear and Countering Weapons of Mass Destruction Policy``); what follows it may be the holder's name
#: (``… Policy Bradley Roberts``).
PORTFOLIO_SPAN = 6


def _portfolio_pair(toks: Sequence[Tok], i: int, *, after_of: bool = False) -> bool:
    """``and`` at ``i`` joins two parts of one title's portfolio.

    After a title head or a document head with ``of``/``for`` (``Coordinator for Defense Policy and Arms Control``,
    ``Deputy Assistant Secretary of Defense for Nuclear and Missile Defense Policy Bradley Roberts``,
    ``Director General for Asian and Oceanian Affairs Bureau``, ``Treaty of Mutual Cooperation and Security``): the
    capitalised words after it (through ``of``/``the`` inside them), none a title head and the first no country or
    nationality, reach a portfolio word within :data:`PORTFOLIO_SPAN` words. With no such head in the run
    (``director of Seventh Air Force Operations and Plans``: the run follows a lowercase ``of``), both sides of
    ``and`` are portfolio words and one to three capitalised words after it end the run."""
    after = toks[i + 1 :]
    before = toks[:i]
    # a title's portfolio, or a document's subject (``Treaty of Mutual Cooperation and Security``)
    heads = [k for k, t in enumerate(before) if _title_head(t) or t.lower in L.DOCUMENT_HEADS]
    # the first head with "of"/"for" after it ("Vice Foreign Minister for Strategy [and] Intelligence": Strategy is
    # a document's head too, but the title's portfolio runs on)
    if heads and any(t.text in ("of", "for") for t in before[heads[0] + 1 :]):
        # the capitalised words after "and", through "of"/"the" inside them (``Countering Weapons of Mass
        # Destruction Policy``)
        stretch: list[Tok] = []
        for k, t in enumerate(after):
            inner = t.text in ("of", "the") and k + 1 < len(after) and after[k + 1].text[:1].isupper()
            if not (t.text[:1].isupper() or inner):
                break
            stretch.append(t)
        if any(_title_head(t) for t in stretch):  # a second post (``… and Japanese Defense Minister …``)
            return False
        if stretch and (stretch[0].lower in L.NATIONALITY_LOWER or stretch[0].lower in L.COUNTRY_CODES):
            return False  # another country's body or post (``… and ROK Joint Chiefs …``)
        return any(t.lower in PORTFOLIO_WORDS for t in stretch[:PORTFOLIO_SPAN])
    if not after_of or not 1 <= len(after) <= 3:
        return False
    if not all(t.text[:1].isupper() and not _title_head(t) for t in after):
        return False
    return after[-1].lower in PORTFOLIO_WORDS and before[-1].lower in PORTFOLIO_WORDS


#: Heads of institutions whose field after ``for``/``of``/``on`` may be two fields joined by ``and`` (``Center for
#: Strategic and International Studies``, ``Institute for Foreign Affairs and National Security``).
INSTITUTION_HEADS: frozenset[str] = frozenset(
    {"center", "centre", "institute", "foundation", "council", "school", "college", "university", "academy"}
)


#: Government bodies named by their portfolio, whose portfolio may be two fields joined by ``and`` (``Ministry of
#: Patriots and Veterans Affairs``, ``Department of Health and Human Services``, ``Ministry of Economy and Finance``).
PORTFOLIO_BODIES: frozenset[str] = frozenset({"ministry", "department"})


def _closing_field(toks: Sequence[Tok], i: int) -> bool:
    """``and`` at ``i`` is followed by one last word that names no thing alone, a common noun of English
    (``Bureau of Industry and Security``, ``Cooperation Afloat Readiness and Training``): a field of the one name
    before it, not a second name. Not after a title or a one-word first part, nor before a body's head, a place, a
    nationality or a surname (``Japan and Korea``, ``Mattis and Song``)."""
    if i < 2 or i + 2 != len(toks) or any(_title_head(t) for t in toks):
        return False
    word = toks[i + 1]
    w = word.lower
    if not word.text[:1].isupper() or word.text.isupper() or not word.text.isalpha():
        return False
    if w in L.ORG_HEADS or w in L.PLACE_NAMES or w in L.NATIONALITY_LOWER or w in L.KOREAN_SURNAMES or _unit_head(w):
        return False
    return "NOUN" in lemmas(w)


def _program_fields(toks: Sequence[Tok], i: int) -> bool:
    """``and`` at ``i`` joins two fields of one program's or system's name: two capitalised words after it end the
    run, the second a head of :data:`PROGRAM_HEADS`, and the words before it hold no title or body head and no
    country or nationality (``Integrated Personnel and Pay System``; not ``Japan and the Missile Defense System``)."""
    before, after = toks[:i], toks[i + 1 :]
    if not before or len(after) != 2 or after[-1].lower not in PROGRAM_HEADS:
        return False
    if not all(t.text[:1].isupper() and t.is_word for t in (*before, *after)):
        return False
    return not any(
        _title_head(t) or _unit_head(t.text) or t.lower in L.PLACE_NAMES or t.lower in L.NATIONALITY_LOWER
        for t in (*before, after[0])
    )


def _institution_fields(toks: Sequence[Tok], i: int) -> bool:
    """``and`` at ``i`` joins two fields of one institution: the run opens with an institution head or a body named
    by its portfolio (:data:`PORTFOLIO_BODIES`) and ``for``/``of``/``on``, and one to three capitalised words after
    ``and`` end it, the first no country or nationality, none a title or unit head (``… and Japan Self-Defense
    Forces`` is another body)."""
    before, after = toks[:i], toks[i + 1 :]
    opens = before[0].lower if before else ""
    if (
        len(before) < 3
        or opens not in INSTITUTION_HEADS | PORTFOLIO_BODIES
        or before[1].text not in ("for", "of", "on")
    ):
        return False
    if not 1 <= len(after) <= 3 or not all(t.text[:1].isupper() for t in after):
        return False
    first = after[0].lower
    if first in L.NATIONALITY_LOWER or first in L.COUNTRY_CODES or first in L.PLACE_NAMES:
        return False
    return not any(_title_head(t) or t.lower in L.ORG_HEADS for t in after)


#: Heads of a joint document's title whose subject after ``on``/``for``/``of`` may join two things with ``and``.
_TITLED_DOCUMENTS = frozenset({"declaration", "vision", "statement", "communique", "communiqué"})


def _joint_document(toks: Sequence[Tok]) -> bool:
    """The run is a joint document's title with its subject: ``Joint`` and a document head, then ``on``/``for``/``of``
    or ``in`` and a word of :data:`IN_DOCUMENTS` (``Joint Vision for the Alliance …``, ``Joint Declaration on the
    ROK-U.S. Alliance …``, ``Joint Declaration in Commemoration of …``)."""
    return (
        len(toks) >= 4
        and toks[0].text == "Joint"
        and toks[1].lower in _TITLED_DOCUMENTS
        and (toks[2].text in ("on", "for", "of") or (toks[2].text == "in" and toks[3].text in IN_DOCUMENTS))
    )


def _document_subject_pair(toks: Sequence[Tok], i: int) -> bool:
    """``and`` at ``i`` inside a joint document's subject: the run opens with ``Joint`` and a document head, its
    subject follows after ``on``/``for``/``of``, and no other document or title comes after ``and`` (``Joint
    Declaration on the ROK-U.S. Alliance and Peace on the Korean Peninsula``, ``Joint Vision for the Alliance of
    the Republic of Korea and the United States of America``; not ``… Statement and the Joint Vision``)."""
    if not _joint_document(toks) or i < 4:
        return False
    return not any(t.lower in _TITLED_DOCUMENTS or t.lower in L.DOCUMENT_HEADS or _title_head(t) for t in toks[i + 1 :])


def _and_the_body(toks: Sequence[Tok], i: int) -> bool:
    """``and the`` at ``i`` opens a second body: two or more capitalised words after ``the`` end the run with a unit
    head of their own, and the words before ``and`` do not end with one (``Armistice and the United Nations
    Command``; not ``Islamic State of Iraq and the Levant``)."""
    after = toks[i + 2 :] if i + 1 < len(toks) and toks[i + 1].text == "the" else ()
    if len(after) < 2 or not all(t.text[:1].isupper() or _ORDINAL.fullmatch(t.text) for t in after):
        return False
    if not _unit_head(after[-1].text):
        return False
    # both sides a document or a body of its own ("Mutual Defense Treaty and the Armistice Agreement")
    return not _unit_head(toks[i - 1].text) or (
        toks[i - 1].lower in L.DOCUMENT_HEADS and after[-1].lower in L.DOCUMENT_HEADS
    )


def _name_end(toks: Sequence[Tok]) -> int:
    """The index of a name's last word: a statute's year after it ends no name (``… Enhancement Act of 2016`` ends
    in Act)."""
    return len(toks) - 3 if len(toks) >= 3 and _act_of_year(toks, len(toks) - 2) else len(toks) - 1


def _statute_title(toks: Sequence[Tok], i: int) -> bool:
    """``for`` at ``i`` inside a statute's short title: the run ends with ``Act`` (or ``Act of`` a year), no title
    head in it, capitalised words on both sides (``Fairness for Korean DMZ Veterans Act of 2017``)."""
    last = _name_end(toks)
    return (
        toks[last].text == "Act"
        and i < last
        and not any(_title_head(t) for t in toks)
        and all(t.text[:1].isupper() or t.text in _CONNECTORS for t in toks[: last + 1] if t.is_word)
    )


def split_connectors(run: Run) -> list[Run]:
    """Split a run at ``and``/``for``/``to``/``on`` that do not belong to one name.

    ``and`` stays only inside a body whose last word is a unit head and that has no
    title head (``Extended Deterrence Strategy and Consultation Group``); ``for``/``to``/
    ``on`` stay after a title or unit head (``Ambassador to Seoul``); ``de`` is a name particle and stays
    (``Rio de Janeiro``).
    """
    toks = run.toks
    has_title = any(_title_head(t) for t in toks)
    for i, t in enumerate(toks):
        if t.text in ("and", "for", "to", "on", "de"):
            left = toks[i - 1]
            if t.text == "de":  # a name particle between capitalised words: "Rio de Janeiro"
                ok = True
            elif t.text == "and" and _document_subject_pair(toks, i):
                ok = True  # "Joint Declaration on the ROK-U.S. Alliance and Peace on the Korean Peninsula": one title
            elif t.text == "and" and _and_the_body(toks, i):
                ok = False  # "the Armistice and the United Nations Command": two things
            elif t.text == "and":
                after_of = run.prev is not None and run.prev.text in ("of", "for")
                last = toks[_name_end(toks)]  # "… Enhancement Act of 2016" ends in Act
                ok = (
                    (_unit_head(last.text) and not has_title)
                    or _portfolio_pair(toks, i, after_of=after_of)
                    or _institution_fields(toks, i)
                    or _closing_field(toks, i)
                    or _program_fields(toks, i)
                    or _second_number(toks, i)
                )
            else:
                # after an acronym in brackets, the word before the brackets decides ("… Defense (DASD) for East Asia")
                bracket = left.text == ")" and i >= 3 and toks[i - 3].text == "("
                at = i - 3 if bracket else i
                if bracket and i >= 4:
                    left = toks[i - 4]
                ok = (
                    _title_head(left)
                    or _unit_head(left.text)
                    or (left.text.endswith("s") and left.lower[:-1] in L.ORG_HEADS)  # "Centers for Disease Control"
                    or (t.text == "for" and left.lower in AWARD_HEADS)  # "Army Award for Maintenance Excellence"
                    or (t.text == "for" and _statute_title(toks, i))  # "Fairness for Korean DMZ Veterans Act"
                    or ((t.text == "for" or bracket) and _in_title_complement(toks, at))
                    or _joint_document(toks)  # "Joint Vision for the Alliance of …", "… and Peace on the Korean …"
                )
            if not ok:
                a, b = _split_at(run, i)
                # drop "the" that followed the connector
                while b.toks and b.toks[0].text == "the":
                    b = Run(b.toks[1:], False, b.toks[0], b.next)
                return [r for r in (a, *split_connectors(b)) if r.toks]
    return [run]


def document_of_part(run: Run) -> Run | None:
    """The document a run names a numbered part of, as a run of its own: ``Article V of the U.S.-Japan Security
    Treaty`` → ``U.S.-Japan Security Treaty``, ``Section 36(b) of the Arms Export Control Act`` → ``Arms Export
    Control Act``. The part is a term (kept whole); the document is one too, and the one a glossary lists."""
    toks = run.toks
    if len(toks) < 5 or toks[0].text not in DOCUMENT_PARTS:
        return None
    k = 1
    while k < len(toks) and toks[k].text != "of" and k <= 8:
        k += 1  # the number: "V", "5", "40A", "36(b)(1)"
    number = toks[1].text
    if (
        k == 1
        or k >= len(toks)
        or toks[k].text != "of"
        or not (_PART_FIGURES.fullmatch(number) or _PART_ROMAN.fullmatch(number))
    ):
        return None
    k += 1
    while k < len(toks) and toks[k].lower == "the":
        k += 1
    if len(toks) - k < 2:
        return None
    return Run(toks[k:], False, toks[k - 1], run.next)


def _strip_run(run: Run, zipf: ZipfCache) -> Run:
    toks = list(run.toks)
    initial = run.sentence_initial
    while toks and (
        toks[0].text in ("The", "A", "An")
        or _LED.match(toks[0].text)
        or (initial and _common_sentence_word(toks[0], zipf) and not _under_secretary(toks))
    ):
        toks.pop(0)
        initial = False
    while toks and toks[-1].lower in _CONNECTORS and toks[-1].text.islower():
        toks.pop()
    if len(toks) >= 2 and toks[-1].lower in SERVICE_MEMBERS:
        toks.pop()  # "Ralph Johnson Sailors", "U.S. Airmen": the people of a ship, unit or country, not a name
    if (
        len(toks) >= 4
        and toks[0].lower in SPEECH_HEADS
        and toks[1].lower in ("of", "by", "from")
        and (_title_head(toks[2]) or _rank_at(toks, 2))
    ):
        del toks[:2]  # "Testimony of Admiral John Aquilino", "Statement by Ambassador …": the speaker is the name
    if (
        len(toks) >= 4
        and toks[1].lower in PEOPLE_OF
        and toks[2].text == "of"
        and zipf(toks[0].lower) >= 3.0
        and toks[0].lower not in L.TITLE_HEADS
        and toks[0].lower not in L.DOMAIN_WORDS
    ):
        del toks[0]  # "Distinguished Members of the Committee": a salutation's adjective before the people of a body
    if len(toks) >= 3 and (toks[0].lower in SERVICE_MEMBERS or toks[0].lower in PEOPLE_OF) and toks[1].text == "of":
        del toks[:2]  # "Marines of Combat Logistics Regiment 37", "Members of the …": the unit is the name
        while toks and toks[0].text == "the":
            del toks[0]
    cut = next((k for k, t in enumerate(toks[:-1]) if HYPHEN_ADJECTIVE.search(t.text)), None)
    if cut is not None:
        del toks[: cut + 1]  # "South Korea-based 2nd Infantry Division": the adjective is no part of the name
    return Run(tuple(toks), initial and bool(toks) and toks[0] is run.toks[0], run.prev, run.next)


#: Endings of a hyphenated adjective made from a name (``South Korea-based``, ``U.S.-led``, ``North Korea-related``,
#: ``UNSC-wide``): the one list for a run's leading token, a token inside a run and a whole candidate.
HYPHEN_ADJECTIVES: tuple[str, ...] = (
    *("based", "led", "backed", "owned", "flagged", "made", "funded", "built", "sponsored", "style", "born"),
    *("bound", "controlled", "friendly", "related", "linked", "associated", "wide"),
    *("speaking", "stationed", "deployed", "supplied", "provided"),  # Korean-speaking monitors, ROK-provided fuel
)

#: A token or a candidate ending in a hyphenated adjective (``South Korea-based``, ``U.S.-led``, ``DPRK-associated``).
HYPHEN_ADJECTIVE = re.compile(rf"[-‐‑](?:{'|'.join(HYPHEN_ADJECTIVES)})$")
#: A run's leading token that is such an adjective (``U.S.-led``): a capitalised name and the hyphenated ending.
_LED = re.compile(rf"^[A-Z][\w.]*[-‐‑](?:{'|'.join(HYPHEN_ADJECTIVES)})$")

#: What an official says or sends, before ``of``/``by`` and the speaker's title (``Testimony of Admiral …``,
#: ``Statement by Ambassador …``): no part of a title.
SPEECH_HEADS: frozenset[str] = frozenset(
    {"statement", "testimony", "remarks", "address", "message", "letter", "speech", "interview", "transcript"}
)

#: Plural words for people of a body before ``of`` (``Members of the U.S. Army Garrison Humphreys``,
#: ``Representatives of the United States``): the body is the name.
PEOPLE_OF: frozenset[str] = frozenset({"members", "representatives", "leaders", "officials", "residents", "families"})

#: Plural words for service members, capitalised by U.S. military style after the ship, unit or country they serve
#: (``Ralph Johnson Sailors``, ``U.S. Airmen``, ``III MEF Marines``): they end no name.
SERVICE_MEMBERS: frozenset[str] = frozenset(
    {"sailors", "airmen", "soldiers", "marines", "guardians", "troops", "servicemembers", "midshipmen", "nco", "ncos"}
)


def _under_secretary(toks: Sequence[Tok]) -> bool:
    """``Under Secretary of State …`` opening a sentence: ``Under`` is the title's first word, no preposition."""
    return len(toks) >= 2 and toks[0].text == "Under" and toks[1].text in ("Secretary", "Secretary-General")


def _common_sentence_word(t: Tok, zipf: ZipfCache) -> bool:
    w = t.lower
    if w in TITLE_OPENERS:
        return False  # "Special Representative for the DPRK …" opening a sentence
    if w.endswith(("ing", "ed")) and w not in L.DOMAIN_WORDS and w not in L.PLACE_NAMES and len(w) > 4:
        return True
    if w in L.STOPWORDS or w in L.GENERIC_ADJECTIVES or w in L.VERBS:
        return True
    if t.text.isupper() or w in L.PLACE_NAMES or w in L.DOMAIN_WORDS:
        return False
    if w in L.TITLE_HEADS or w in TITLE_OPENERS or w.rstrip(".") in {r.lower().rstrip(".") for r in L.RANKS}:
        return False
    return zipf(w) >= 5.5


#: Common words that open an official title or a body's name at a sentence's start, no sentence word to strip
#: (``National Security Advisor Jake Sullivan spoke …``, ``Foreign Minister Park Jin said …``).
TITLE_OPENERS: frozenset[str] = frozenset(
    {"national", "foreign", "deputy", "vice", "chief", "senior", "principal", "special", "prime", "acting"}
    | {"assistant", "executive", "joint", "supreme", "permanent", "presidential"}
)


class ZipfCache:
    """Cached ``wordfreq.zipf_frequency`` for English; hyphenated words scored as one rare word."""

    def __init__(self) -> None:
        from wordfreq import zipf_frequency  # heavy import: only here

        self._z = zipf_frequency
        self._cache: dict[str, float] = {}

    def __call__(self, word: str) -> float:
        c = self._cache.get(word)
        if c is None:
            if "-" in word:
                parts = [p for p in word.split("-") if p]
                c = max(0.0, min((self._z(p, "en") for p in parts), default=0.0) - 1.0)
            else:
                c = self._z(word, "en")
            self._cache[word] = c
        return c


# --------------------------------------------------------------------------- titles and names

_RANK_SEQS: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(r.split()) for r in L.RANKS), key=len, reverse=True))
#: The words a rank has after its first (``1st`` of ``Sgt. 1st Class``): only there can a rank go on past a word.
_RANK_INNER: frozenset[str] = frozenset(w for seq in _RANK_SEQS for w in seq[1:])
_NAME_SUFFIX = {"jr.", "sr.", "ii", "iii", "iv"}


#: The rank sequences by their first word, longest first.
_RANKS_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(seq for seq in _RANK_SEQS if seq[0] == first) for first in {seq[0] for seq in _RANK_SEQS}
}


def _rank_at(toks: Sequence[Tok], i: int) -> int:
    """Length of the rank abbreviation starting at toks[i] (0 if none)."""
    if i >= len(toks):
        return 0
    for seq in _RANKS_BY_FIRST.get(toks[i].text, ()):
        if tuple(t.text for t in toks[i : i + len(seq)]) == seq:
            return len(seq)
    return 0


def _without_nickname_quotes(toks: Sequence[Tok]) -> Sequence[Tok]:
    """The name's words without the quotes around a nickname (``Willard “Bill” Burleson``)."""
    if not any(t.text in OPEN_QUOTES or t.text in CLOSE_QUOTES for t in toks):
        return toks
    return [t for t in toks if t.text not in OPEN_QUOTES and t.text not in CLOSE_QUOTES]


def _surname_in_capitals(toks: Sequence[Tok]) -> bool:
    """A Japanese official's name as Japan's Ministry of Defense writes it, the family name in capitals first
    (``SAITO Akira``, ``HAMADA Yasukazu``): two words that read as Japanese (Hepburn syllables), the first in
    capitals and not a country code; an acronym before a word (``USA Today``, ``NATO Allies``) is not one."""
    return (
        len(toks) == 2
        and re.fullmatch(r"[A-Z]{3,10}", toks[0].text) is not None
        and re.fullmatch(r"[A-Z][a-z]{2,}", toks[1].text) is not None
        and toks[0].lower not in L.COUNTRY_CODES
        and all(hepburn_word(t.lower) for t in toks)
    )


def _name_like(toks: Sequence[Tok]) -> bool:
    toks = _without_nickname_quotes(toks)
    if not 1 <= len(toks) <= 4:
        return False
    if _surname_in_capitals(toks):
        return True
    for t in toks:
        x = t.text
        if _is_initial(t) or x.lower() in _NAME_SUFFIX or (t is toks[0] and len(toks) >= 2 and _is_initials(t)):
            continue
        if not x[0].isupper() or (x.isupper() and len(x) > 1) or "." in x:
            return False
        w = x.lower()
        if t is toks[-1] and len(toks) >= 2 and x in SURNAME_HEADS:
            continue  # "Travis T. King": the family name
        if w in L.TITLE_HEADS or w in L.ORG_HEADS or w in L.MEETING_HEADS or w in L.STOPWORDS or w in L.PLACE_NAMES:
            return False
        if w in L.NATIONALITY_LOWER:
            return False
    return not (_is_initial(toks[-1]))


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)?")
#: Particles written in lowercase inside a family name (``Daniel de La Fe``, ``Ursula von der Leyen``).
_LOWER_PARTICLES = frozenset({"de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den"})


def _name_after_rank(toks: Sequence[Tok]) -> bool:
    """A name right after a rank, read more freely than :func:`_name_like`: only a person follows ``Gen.``, ``Lt.
    Col.`` or ``Corporal``, so a word that is also an English word or a place is a name's word there (``Gen. Gary
    North``, ``Lt. Col. Will Freds``, ``Col. Choong Soon Kang``). Two to four capitalised words or initials, one of
    them no common word; no word that heads a title, a body or a meeting."""
    words = [t for t in toks if t.text != ","]
    if not 2 <= len(words) <= 4 or _is_initial(words[-1]):
        return False
    plain = 0
    for k, t in enumerate(words):
        if _is_initial(t) or t.lower in _NAME_SUFFIX or (0 < k < len(words) - 1 and t.text in _LOWER_PARTICLES):
            continue  # "Lt. Daniel de La Fe"
        if _NAME_WORD.fullmatch(t.text) is None:
            return False
        w = t.lower
        if w in L.TITLE_HEADS or w in L.ORG_HEADS or w in L.MEETING_HEADS or w in L.NATIONALITY_LOWER:
            return False
        if _unit_head(w) or w in PROGRAM_HEADS:
            return False
        plain += w not in L.STOPWORDS and w not in L.PLACE_NAMES
    return plain > 0


#: Particles that open a family name (``Carlos Del Toro``, ``Ursula von der Leyen``).
SURNAME_PARTICLES = frozenset({"Del", "De", "Della", "Da", "Von", "Dos", "Das"})


def family_name_alone(toks: Sequence[Tok]) -> bool:
    """A family name with its particle and no given name (``Secretary Del Toro``): a later mention of the
    holder, as ``Secretary Austin`` is, not a full name."""
    return len(toks) == 2 and toks[0].text in SURNAME_PARTICLES


def korean_name(toks: Sequence[Tok]) -> bool:
    """``Song Young-moo``, ``Kim Jong-un``: a Korean surname and a hyphenated given name."""
    return (
        len(toks) == 2
        and toks[0].lower in L.KOREAN_SURNAMES
        and toks[0].text[0].isupper()
        and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", toks[1].text) is not None
    )


def korean_three_part(toks: Sequence[Tok]) -> bool:
    """``Kim Seon Ho``, ``Han Min Koo``: a Korean surname and two capitalised one-syllable given-name parts."""
    return (
        len(toks) == 3
        and toks[0].lower in L.KOREAN_SURNAMES
        and toks[0].text[:1].isupper()
        and all(re.fullmatch(r"[A-Z][a-z]{1,5}", t.text) is not None for t in toks[1:])
    )


def _name_length(toks: Sequence[Tok]) -> int:
    """How many trailing tokens of a title run are the name, after a complement (``… of Defense Ashton Carter``)."""
    k = 2
    if len(toks) >= 5 and toks[-2].text in CLOSE_QUOTES and toks[-4].text in OPEN_QUOTES:
        return 5  # "… of Defense Willard “Bill” Burleson": the nickname and the given name belong to the name
    if len(toks) >= 3 and toks[-1].lower in _NAME_SUFFIX:
        k = 3
    elif len(toks) >= 4 and korean_three_part(toks[-3:]):
        k = 3  # "Minister of National Defense Kim Seon Ho": the surname belongs to the name
    if len(toks) >= k + 3 and toks[-k - 1].text == "," and toks[-k - 2].lower in L.KOREAN_SURNAMES:
        return k + 2  # "Minister of National Defense Kim, Kwan Jin": the USFK comma style
    if len(toks) >= k + 1 and _is_initial(toks[-k]):
        k += 1
    return k


@dataclass(frozen=True)
class TitleName:
    """A title (and rank) with the name it precedes: token index ranges into the run."""

    titles: tuple[tuple[int, int], ...]
    name: tuple[int, int] | None
    complement: tuple[int, int] | None


#: Honorifics written before a name (``Dr. Vipin Narang``, ``Mr. Anka Lee``), without their period.
HONORIFICS: tuple[str, ...] = ("Dr", "Mr", "Ms", "Mrs", "Prof", "Hon", "Honorable")  # Hon.: the Honorable
_HONORIFIC_TOKENS: frozenset[str] = frozenset(f"{h}." for h in HONORIFICS)


def _initials_and_surname(toks: Sequence[Tok]) -> bool:
    """``GP Ingersoll``: initials run together and a family name (a Marine Corps byline's style)."""
    return (
        len(toks) == 2
        and re.fullmatch(r"[A-Z]{2,3}", toks[0].text) is not None
        and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", toks[1].text) is not None
    )


def _unit_after_name(toks: Sequence[Tok]) -> int:
    """Index of the ordinal that opens a numbered unit after a name at the start of ``toks`` (``GP Ingersoll [1st
    Marine Division]``), or 0."""
    return next((k for k in range(1, min(len(toks), 5)) if _numbered_unit(toks, k)), 0)


#: Heads that open a body named by its field or its place (``Ministry of …``, ``Department of …``, ``District of …``).
_BODY_OF_HEADS: frozenset[str] = frozenset({"ministry", "department", "district", "bureau", "office", "agency"})


def _body_after_of(toks: Sequence[Tok]) -> bool:
    """The words after a holder's ``of`` name a body, not a country (``the Ministry of Patriots and Veterans
    Affairs``; not ``the United Kingdom``)."""
    words = [t for t in toks if t.text != "the"]
    return len(words) >= 2 and any(t.lower in L.ORG_HEADS or t.lower in _BODY_OF_HEADS for t in words)


def _of_country(toks: Sequence[Tok]) -> int:
    """Index of ``of`` before a country or a body that ends ``toks`` (``Akiba Takeo [of Japan]``, ``Cho Taeyong [of
    the Republic of Korea]``, ``John C. Demers [of the Justice Department]``, ``Robert J. Holley [of the FBI]``), or
    0: the holder's country or body after the name is no part of the name."""
    for i, t in enumerate(toks):
        if t.text != "of" or i == 0:
            continue
        after = [x for x in toks[i + 1 :] if x.text != "the"]
        words = [x.lower for x in after]
        if words and (
            " ".join(words) in L.PLACE_NAMES
            or all(w in L.PLACE_NAMES or w in ("republic", "of", "people's", "democratic") for w in words)
        ):
            return i
        if (
            i >= 2
            and after
            and (
                after[-1].text.isupper()
                or _unit_head(after[-1].lower)
                or after[-1].lower in L.ORG_HEADS
                or any(x.lower in _BODY_OF_HEADS for x in after[:3])
            )
            and all(x.text[:1].isupper() or x.text in _CONNECTORS for x in after)
        ):
            # a body after a full name: "… of the Justice Department", "… of the FBI", "… of the Ministry of Patriots
            # and Veterans Affairs", "… of the U.S. Department of Commerce", "… of the Northern District of Illinois"
            return i
        return 0
    return 0


#: Heads that make a post only capitalised (``U.S. Senior Official for the DPRK``, ``Public Affairs Officer``); in
#: lowercase they are people of a body (``U.S. officials said``).
CAPITALISED_TITLE_HEADS: frozenset[str] = frozenset(
    {"Official", "Officer", "Charge", "Member"}  # "Special Agent in Charge", "Ranking Member"
)
#: Titles written right before a name that end a longer post's complement (``Special Representative for the DPRK
#: Ambassador Sung Kim``): a title of their own.
NAME_TITLES: frozenset[str] = frozenset({"Ambassador", "Senator", "Governor"})


#: Spelt-out ranks a service word may stand before (``Army Corporal``, ``Air Force General``).
_SERVICE_RANKS: frozenset[str] = L.SPELT_RANKS | {"General"}


def _service_before(toks: Sequence[Tok], s: int, start: int) -> int:
    """Index where the service words before the rank at ``s`` begin (``s`` when there are none), not before
    ``start``."""
    k = s
    while k > start and toks[k - 1].lower in L.SERVICE_WORDS and toks[k - 1].text[:1].isupper():
        k -= 1
    return k


def _complement_before(toks: Sequence[Tok], start: int, s: int) -> bool:
    """A ``for``/``of``/``to`` complement between ``start`` and ``s`` that does not end in ``the`` or a connector."""
    return any(t.text in ("for", "of", "to", "on") for t in toks[start:s]) and toks[s - 1].lower not in _CONNECTORS


#: Heads of a program's or a system's name (``Warrior Leader Course``, ``Integrated Personnel and Pay System``): no
#: body, but a name whose words are no title and no person.
PROGRAM_HEADS: frozenset[str] = frozenset({"course", "courses", "program", "programme", "system", "initiative"})


#: Title heads that are family names too (``Travis T. King``).
SURNAME_HEADS: frozenset[str] = frozenset({"King"})


def _surname_king(toks: Sequence[Tok], i: int) -> bool:
    """The title head at ``i`` ends the run after a given name or an initial: a family name (``Pvt. Travis T.
    King``), not a title (``King Salman``, ``Jordan's King``)."""
    if toks[i].text not in SURNAME_HEADS or i != len(toks) - 1 or i == 0:
        return False
    prev = toks[i - 1]
    return _is_initial(prev) or (
        prev.is_word
        and prev.text[:1].isupper()
        and not _title_head(prev)
        and not _rank_at(toks, i - 1)
        and prev.lower not in L.STOPWORDS
        and not lemmas(prev.lower)
    )


def _past_the(toks: Sequence[Tok], k: int, end: int) -> int:
    """The index of the first word at or after ``k`` (and before ``end``) that is no ``the``: where a title's
    complement or a service's name begins after ``of``/``to`` (``Commander of [the] United Nations Command``)."""
    while k < end and toks[k].text == "the":
        k += 1
    return k


def _rank_post(toks: Sequence[Tok], e: int, title_end: int) -> bool:
    """The rank or rank word ending at ``e`` goes on, through one more spelt rank word (``Sergeant [Major]``), with
    ``of`` and the service it is the senior enlisted post of (``Sgt. Maj. of the Army``, ``Sergeant Major of the
    Army``, ``Chief Master Sgt. of the Air Force``, ``Master Chief Petty Officer of the Navy``): one post, not a
    rank before a title."""
    k = e + 1 if e < title_end and toks[e].text in _POST_RANK_WORDS else e
    if k >= title_end or toks[k].text != "of":
        return False
    k = _past_the(toks, k + 1, title_end)
    rest = [t.lower for t in toks[k:title_end]]
    return bool(rest) and " ".join(rest) in SERVICE_NAMES


#: Rank words a senior enlisted post's rank may end in before ``of`` (``Sergeant [Major]``, ``Sgt. [Maj.]``).
_POST_RANK_WORDS: frozenset[str] = L.SPELT_RANKS | {"Maj."}
#: The services a senior enlisted post is of (``Sergeant Major of the Army``).
SERVICE_NAMES: frozenset[str] = frozenset({"army", "navy", "air force", "marine corps", "space force", "coast guard"})


#: Country prefixes that open a second post after a name (``… Linda Thomas-Greenfield [U.S.] Representative …``).
_POST_COUNTRIES: frozenset[str] = frozenset({"U.S.", "US", "ROK", "UN", "U.N."})
#: Words that open a second post after a name (``… Robert A. Wood [Permanent] Representative to the Conference …``).
_SECOND_POST_OPENERS: frozenset[str] = frozenset({"permanent", "deputy", "special", "acting", "principal"})


def _two_posts(toks: Sequence[Tok]) -> TitleName | None:
    """A title, a name and the holder's second post opened by a country, as a statement's header gives them once its
    lines are joined (``Ambassador Linda Thomas-Greenfield U.S. Representative to the United Nations``): two titles
    with the name between them, the second post's body its complement."""
    n = len(toks)
    h = _rank_at(toks, 0) or (1 if toks and _title_head(toks[0]) else 0)
    if not h:
        return None
    for c in range(h + 2, min(h + 5, n - 1)):
        opens = toks[c].text in _POST_COUNTRIES or toks[c].lower in _SECOND_POST_OPENERS
        if not opens or not _name_like(toks[h:c]):
            continue
        head = next((k for k in range(c + 1, min(c + 4, n)) if _title_head(toks[k])), 0)
        if not head:
            return None
        complement = None
        k = head + 1
        if k < n and toks[k].text in ("to", "of", "for"):
            k = _past_the(toks, k + 1, n)
            complement = (k, n) if k < n else None
        return TitleName(titles=((0, h), (c, n)), name=(h, c), complement=complement)
    return None


def parse_title_run(toks: Sequence[Tok]) -> TitleName | None:
    """Split a capitalised run into titles, a name and a title's complement.

    ``U.S. Secretary of Defense Ashton Carter`` → titles [0,4), name [4,6), complement [3,4);
    ``Lt. Gen. Paul LaCamera`` → titles [0,2), name [2,4); ``Defense Minister`` → titles [0,2), no name.
    """
    two = _two_posts(toks)
    if two is not None:
        return two  # "Ambassador Linda Thomas-Greenfield U.S. Representative to the United Nations"
    n = len(toks)
    heads: list[tuple[int, int]] = []  # (start, end) of each head (rank abbreviations are multi-token)
    i = 0
    while i < n:
        r = _rank_at(toks, i)
        if r:
            heads.append((i, i + r))
            i += r
            continue
        if _title_head(toks[i]) and not _surname_king(toks, i):
            heads.append((i, i + 1))
        i += 1
    if not heads:
        return None
    _hs, he = heads[-1]
    rest = toks[he:]
    complement = None
    if rest and rest[0].text in ("of", "to", "for", "on"):
        k = _name_length(toks)
        name_start = n - k
        # "… for Space Policy Dr. Vipin Narang": an honorific between the title and the name is neither
        honorific = name_start - 1 > he and toks[name_start - 1].text in _HONORIFIC_TOKENS
        if (
            name_start - he >= 2
            and _name_like([t for t in toks[name_start:] if t.text != ","])
            and toks[name_start - 1].text not in _CONNECTORS  # "… Policy and [Arms Control]": no name after "and"
            and toks[-1].lower not in PORTFOLIO_WORDS  # "… of Mass [Destruction Policy]": a portfolio ends no name
        ):
            c0 = _past_the(toks, he + 1, name_start)
            title_end = name_start - 1 if honorific else name_start
            complement = (c0, title_end)
            name = (name_start, n)
        else:
            c0 = _past_the(toks, he + 1, n)
            complement = (c0, n) if c0 < n else None
            title_end, name = n, None
    elif rest:
        of = _of_country(rest)
        if (
            len(rest) <= 2
            and all(t.is_word for t in rest)
            and (_unit_head(rest[-1].text) or rest[-1].lower in PROGRAM_HEADS)
        ):
            return None  # "Warrior Leader Course": a body's or a program's head ends the run, no name after a title
        if rest[0].text in _DASHES and _served_function(toks, he) == n:
            title_end, name = n, None  # "Deputy Commanding General – Operations": the function it serves is in it
        elif _name_like([t for t in rest if t.text != ","]):  # "Gen. Kim, Seung Kyum": the comma of USFK style
            title_end, name = he, (he, n)
        elif (_rank_at(toks, _hs) or toks[_hs].text in L.SPELT_RANKS) and _name_after_rank(rest):
            title_end, name = he, (he, n)  # "Gen. Gary North": only a person follows a rank abbreviation
        elif len(rest) >= 3 and rest[0].text in _HONORIFIC_TOKENS and _name_like(rest[1:]):
            title_end, name = he, (he + 1, n)  # "Defense Secretary Dr. Mark T. Esper": the honorific is neither
        elif of and (_name_like(rest[:of]) or korean_three_part(rest[:of])):
            # "Secretary General Akiba Takeo of Japan": the holder's country after the name is no part of either
            title_end, name = he, (he, he + of)
            if _body_after_of(rest[of + 1 :]):
                # "Director Park Jong Wang of the Ministry of Patriots and Veterans Affairs": the body, its complement
                complement = (_past_the(toks, he + of + 1, n), n)
        elif (unit := _unit_after_name(rest)) and (_name_like(rest[:unit]) or _initials_and_surname(rest[:unit])):
            # "Cpl. GP Ingersoll 1st Marine Division" (a byline): the rank, the name and the writer's unit
            title_end, name, complement = he, (he, he + unit), (he + unit, n)
        else:
            return None
    else:
        title_end, name = he, None
    # split the title tokens at rank abbreviations: "USFK Commander Gen." → two titles
    titles: list[tuple[int, int]] = []
    start = 0
    for s, e in heads:
        if e > title_end:
            break
        if _rank_post(toks, e, title_end):
            # "Sgt. Maj. of the Army", "Chief Master Sgt. of the Air Force": the rank and its service, a post; a
            # service before it is no part of it ("ROK [Army] Sergeant Major of the Army")
            service = _service_before(toks, s, start)
            if service < s:
                if service > start:
                    titles.append((start, service))
                start = s
            continue
        if _rank_at(toks, s):
            service = _service_before(toks, s, start)
            if service > start:
                titles.append((start, service))  # "… Joint Chiefs of Staff [Navy] Adm. Mike Mullen": the service is
            titles.append((s, e))  # the rank's, no part of the title before it
            start = e
        elif toks[s].text in _SERVICE_RANKS and s > start and _service_before(toks, s, start) == start:
            titles.append((s, e))  # "Army Corporal Luther H. Story": the service is no part of the rank
            start = e
        elif s == title_end - 1 and s > start and toks[s].text in NAME_TITLES and _complement_before(toks, start, s):
            titles.append((start, s))  # "Special Representative for the DPRK | Ambassador Sung Kim": two titles
            start = s
    if start < title_end:
        titles.append((start, title_end))
    titles = [
        t
        for t in titles
        if any(_title_head(x) or _rank_at(toks, j) for j, x in enumerate(toks[t[0] : t[1]], start=t[0]))
    ]
    if not titles:
        return None
    return TitleName(tuple(titles), name, complement)


#: Title modifiers that, capitalised, belong to the official title (kept by :func:`_title_surface`).
KEPT_MODIFIERS: frozenset[str] = frozenset({"Acting"})


def _title_surface(toks: Sequence[Tok], text: str) -> tuple[str, int, int]:
    """Surface of a title with leading determiners/modifiers removed (``former``, ``then-``); a capitalised
    ``Acting`` is part of the official title (``Acting Secretary of Defense``: 국방장관 대행) and stays."""
    i = 0
    while i < len(toks) - 1 and (
        (toks[i].lower.rstrip("-") in L.TITLE_MODIFIERS and toks[i].text not in KEPT_MODIFIERS)
        or toks[i].lower in ("the", "a", "an")
    ):
        i += 1
    s, e = toks[i].start, toks[-1].end
    return text[s:e], s, e


# --------------------------------------------------------------------------- apposition

_APPOS_DET = {"a", "an", "the", "his", "her", "its", "their", "who", "is", "was"}
_APPOS_STOP = {",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "--"}


def _body_after_post(toks: Sequence[Tok], j: int) -> int | None:
    """End of the body in ``…, commander, U.S. Naval Forces Korea[,.]`` when ``j`` is the comma after the post:
    capitalised words or an ordinal, the last a unit's or a command's head (``31st Marine Expeditionary Unit``,
    ``ROK Fleet``) or ``Forces`` and a place; then the sentence or the apposition ends."""
    if j >= len(toks) or toks[j].text != ",":
        return None
    k = j + 1
    while k < len(toks) and (_capish(toks[k]) or _ORDINAL.fullmatch(toks[k].text)) and toks[k].is_word:
        k += 1
    if k - (j + 1) < 2 or (k < len(toks) and toks[k].text not in (",", ".", ";", ")")):
        return None
    last, before = toks[k - 1].lower, toks[k - 2].lower
    if last in UNIT_HEADS or last in FORCE_HEADS or (before == "forces" and last in L.PLACE_NAMES):
        return k
    return None


def _served_function(toks: Sequence[Tok], j: int) -> int:
    """After a post's head, a dash at ``j`` and one or two capitalised words of the dictionary or places that end
    the title before a comma, a full stop or the sentence's end (``Deputy Commanding General – Operations,``,
    ``Assistant Adjutant General - Army.``): the index after them, else 0."""
    n = len(toks)
    k = _after_dash(toks, j)
    m = k
    while m < n and m - k < 2 and toks[m].is_word and _capish(toks[m]):
        m += 1
    if m == k or (m < n and toks[m].text not in (",", ".", ";")):
        return 0
    return m if _function_words(toks[k:m]) else 0


def apposition(toks: Sequence[Tok], after: int) -> tuple[int, int] | None:
    """Token range of a title phrase in ``NAME, [a former] TITLE,`` starting after index ``after`` (the comma)."""
    n = len(toks)
    i = after
    if i >= n or toks[i].text != ",":
        return None
    i += 1
    while i < n and toks[i].lower in ("a", "an", "the", "his", "her", "its", "their"):
        i += 1
    while i < n and (toks[i].lower.rstrip("-") in L.TITLE_MODIFIERS):
        i += 1
    start = i
    head = None
    while i < n and i - start < 12 and toks[i].text not in _APPOS_STOP:
        t = toks[i]
        w = t.lower
        if head is not None and t.text in _DASHES and (served := _served_function(toks, i)):
            i = served  # "…, Deputy Commanding General – Operations, Eighth Army": the function is in the title
            break
        if not t.is_word:
            return None
        if t.text.islower() and (w in L.VERBS or (w in L.STOPWORDS and w not in _CONNECTORS)):
            return None
        if _title_head(t) and head is None:
            head = i
        i += 1
    body_end = _body_after_post(toks, i) if head is None and i - start >= 2 and toks[i - 1].lower == "officer" else None
    if body_end is not None:
        return start, body_end  # "commanding officer, 31st Marine Expeditionary Unit"
    if head is None or i == start or (i < n and toks[i].text not in (",", ".", ";", "—", "--", ")")):
        return None
    end = i
    while end > start and toks[end - 1].lower in _CONNECTORS:
        end -= 1
    if end == i and _title_head(toks[end - 1]):
        body_end = _body_after_post(toks, i)
        if body_end is not None:  # "commanding officer, 31st Marine Expeditionary Unit": the post of that unit
            return start, body_end
    # "…, US President Joe Biden, …": a name after the title makes it the next item of a list
    # of TITLE NAME pairs, not a title describing the name before the comma.
    for k in range(head + 1, end - 1):
        if _name_like(toks[k:end]):
            return None
    if end - 1 == head + 1 and _name_like(toks[end - 1 : end]) and toks[end - 1].lower not in L.DOMAIN_WORDS:
        return None  # "Chairman Reed, Ranking Member Inhofe, and …": a title and a family name, the next item
    return (start, end) if end > start else None


# --------------------------------------------------------------------------- named units


def type_named_unit(words: Sequence[str], next_word: str = "") -> str:
    """Type of a capitalised unit from its last word, first word and the word after it."""
    low = [w.lower().rstrip(".") for w in words]
    last = low[-1]
    nxt = next_word.lower()
    following = nxt.split()[:2]
    head = next((w for w in reversed(words) if not w.isdigit() and w != "and"), "")
    if last.isdigit() and head.lower() in NUMBERED_DOCUMENT_HEADS:
        return "document"  # "Executive Order 13382", "E.O. 13551", "Executive Orders 13810 and 13382"
    if any(w in L.EXERCISE_HEADS for w in following) or low[0] in L.EXERCISE_PREFIXES:
        return "exercise"
    if any(w in L.MEETING_HEADS for w in following):
        return "meeting"
    if low[0] in ("uss", "hms", "roks", "js", "ins"):
        return "weapon"
    if last in REGIMENT_BRANCHES and (_ORDINAL.fullmatch(low[0]) or _UNIT_PAIR.fullmatch(low[0])):
        return "organization"  # "52nd Air Defense Artillery": a regiment, not the weapon
    if last in L.MEDIA_HEADS and (len(low) < 2 or low[-2] not in {"defense", "foreign"}):
        return "media"
    if last == "agency" and len(low) >= 2 and low[-2] == "news":
        return "media"
    if last in ("group", "groups") and len(low) >= 2 and low[-2] in L.MEETING_GROUP_MODIFIERS:
        return "meeting"
    if last in L.MEETING_HEADS:
        return "meeting"
    if last in L.EXERCISE_HEADS:
        return "exercise"
    if last in ("defense", "defence", "system", "systems") and any(w in L.WEAPON_WORDS for w in low[:-1]):
        return "weapon"
    if last in L.WEAPON_HEADS or (following and following[0] in L.WEAPON_HEADS):
        return "weapon"
    if last in L.DOCUMENT_HEADS:
        return "document"
    if last in L.ORG_HEADS:
        return "organization"
    if (
        last in L.PLACE_HEADS
        or low[0] in L.PLACE_PREFIXES
        or all(w in L.PLACE_NAMES or w in {"the", "of"} for w in low)
    ):
        return "place"
    if last in L.PLACE_NAMES and low[0] in L.PLACE_NAMES:
        return "place"
    if _all_title(low):
        return "title"
    return ""


def _all_title(low: Sequence[str]) -> bool:
    return low[-1] in L.TITLE_HEADS


# --------------------------------------------------------------------------- noun phrases

_DETERMINERS = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "these",
    "those",
    "'s",
    "’s",
    "any",
    "no",
    "some",
    "more",
    "new",
    "every",
    "each",
}
_PREPOSITIONS = {
    "of",
    "for",
    "to",
    "in",
    "on",
    "with",
    "by",
    "from",
    "at",
    "into",
    "over",
    "against",
    "about",
    "as",
    "between",
    "under",
    "amid",
    "without",
    "through",
    "and",
    "or",
}
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})
_MODALS = {
    "to",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "did",
    "does",
    "do",
    "cannot",
    "not",
}
#: Words after which a verb's base form opens a clause (``they undermine …``, ``to promote …``).
_CLAUSE_BEFORE_VERB = _SUBJECT_PRONOUNS | _MODALS | {"and", "or", ","}
_ADVERBS = {"only", "also", "not", "never", "still", "even", "further", "soon", "then", "jointly", "again", "first"}
_WORD_RE = re.compile(r"[a-zà-öø-ÿ][a-zà-öø-ÿ-]*[a-zà-öø-ÿ]$")
#: A lowercase prefix joined to a proper adjective is a lowercase word of a phrase (``inter-Korean relations``,
#: ``trans-Pacific partnership``, ``anti-American protests``).
_PREFIXED_PROPER = re.compile(r"(?:inter|intra|trans|anti|pro|pan|non|extra|sub)[-‐‑][A-Z][a-z]+$")


def ly_adverb(w: str) -> bool:
    """A word in ``-ly`` that is an adverb or an adjective (``jointly``, ``friendly``, an unknown ``-ly`` word), not a
    noun or verb that the lexicon knows only as such (``apply``, ``supply``, ``family``) nor one of
    :data:`~termdesk.mine.wordlists.NOUN_EXCEPTIONS`."""
    if not w.endswith("ly") or w in L.NOUN_EXCEPTIONS:
        return False
    found = lemmas(w) if w.isalpha() else {}
    return not found or not set(found) <= {"NOUN", "VERB"}


def ing_adjective(w: str) -> bool:
    """An ``-ing`` word the lexicon knows as an adjective (``lasting``, ``ongoing``): it can open a noun phrase
    (``lasting peace``) where a verb's participle cannot."""
    return w.endswith("ing") and w.isalpha() and "ADJ" in lemmas(w)


def nominal_gerund(toks: Sequence[Tok], words: Sequence[str | None], chunk: Sequence[int], j: int) -> bool:
    """An ``-ing`` word after a singular noun of the chunk, with no object of a verb after it, heads a compound noun
    (``information sharing``, ``missile warning data``, ``burden sharing``): the noun before it is its object. Not
    after a plural (``forces remaining``) or before ``to`` (``the alliance continuing to …``)."""
    w = words[j]
    if not chunk or w is None or not w.endswith("ing") or w in L.VERBS:
        return False
    prev = words[chunk[-1]]
    if prev is None or chunk[-1] != j - 1 or prev.endswith("'") or singular(prev) != prev or not _noun_like_end(prev):
        return False
    after = toks[j + 1] if j + 1 < len(toks) else None
    if after is None or not after.is_word or after.lower in ("and", "or"):
        return True
    nxt = words[j + 1]
    return nxt is not None and singular(nxt) == nxt and _noun_like_end(nxt)


def _adjective_like(w: str) -> bool:
    return w.endswith(L.ADJ_SUFFIXES) and w not in L.NOUN_EXCEPTIONS


#: Participles that end a hyphenated adjective (``rules-based``, ``future-oriented``): the compound is no verb.
COMPOUND_PARTICIPLES: frozenset[str] = frozenset(
    {"based", "led", "oriented", "related", "backed", "driven", "centered", "centred", "focused", "owned", "linked"}
)


def _verbal(w: str) -> bool:
    if "-" in w and w.rsplit("-", 1)[1] in COMPOUND_PARTICIPLES:
        return False  # "international rules-based order"
    return (
        w in L.VERBS
        or (w.endswith("ed") and len(w) > 4)
        or (w.endswith("ing") and w not in L.ING_NOUNS and len(w) > 4)
        or irregular_past(w)
    )


def irregular_past(w: str) -> bool:
    """A verb's irregular past form and nothing else in ``lemminflect``'s lexicon (``upheld``, ``fought``, ``sent``;
    not ``spoke``, a noun too, nor ``forces``)."""
    found = lemmas(w) if w.isalpha() and w.islower() and not w.endswith(("s", "ing", "ed")) else {}
    return set(found) == {"VERB"} and w not in found["VERB"]


def _noun_like_end(w: str) -> bool:
    if w in HEAD_STOPWORDS:
        return True  # read as a word of a phrase only where it is a noun (:func:`_content_words`)
    if w in L.STOPWORDS or w in L.VERBS or w in L.GENERIC_ADJECTIVES or w in L.NUMBER_WORDS:
        return False
    if ly_adverb(w):
        return False
    if w.endswith("ing"):
        return w in L.ING_NOUNS
    if w.endswith("ed") and len(w) > 4:
        return False
    pos = lemmas(w)
    if pos and "NOUN" not in pos and "PROPN" not in pos and "ADJ" not in pos and w not in L.DOMAIN_WORDS:
        return False  # "crew aboard", "acquisition aligns": an adverb or a verb form the lexicon knows as no noun
    return not _adjective_like(w)


def _content(t: Tok, initial: bool) -> str | None:
    """The lowercase word if the token can be part of a noun phrase, else None."""
    x = t.text
    if not x[0].isalpha():
        return None
    if _PREFIXED_PROPER.match(x):
        return x.lower()  # "inter-Korean"
    if x[0].isupper():
        if not initial or x.isupper():
            return None
        x = x.lower()
        if x in L.ORG_HEADS or x in L.PLACE_NAMES or x in L.MEDIA_HEADS:
            return None
    if not _WORD_RE.match(x) or len(x) < 2:
        return None
    if x in L.STOPWORDS or x in L.NUMBER_WORDS or x in L.MONTHS or x in L.WEEKDAYS:
        return None
    if ly_adverb(x):
        return None
    if "-" in x and any(p in L.NUMBER_WORDS for p in x.split("-")):
        return None  # three-day, two-way
    return x


def _content_words(toks: Sequence[Tok], blocked: set[int] | None) -> list[str | None]:
    """Each token's lowercase word when it can be part of a noun phrase (:func:`_content`), None when not or blocked."""
    first_word = next((i for i, t in enumerate(toks) if t.is_word), -1)
    words = [None if blocked and i in blocked else _content(t, i == first_word) for i, t in enumerate(toks)]
    for i, t in enumerate(toks[:-1]):
        if (
            t.lower in NOUN_STOPWORDS
            and words[i] is None
            and words[i + 1] is not None
            and not (blocked and i in blocked)
            and toks[i + 1].text.islower()
            and not _verbal(toks[i + 1].lower)
        ):
            words[i] = t.lower  # "mine countermeasure operations": a naval mine, no pronoun, before a noun
    for i, t in enumerate(toks[1:], start=1):
        if (
            t.lower in HEAD_STOPWORDS
            and t.text.islower()
            and words[i] is None
            and words[i - 1] is not None
            and toks[i - 1].text.islower()
            and not (blocked and i in blocked)
            and not (i + 1 < len(toks) and toks[i + 1].lower == "to")
            and not (t.lower == "plans" and i + 1 < len(toks) and words[i + 1] is not None)
        ):
            words[i] = t.lower  # "a contingency plan", "operational plans": a noun after a noun, no verb
            # ("the ministry plans new drills": a verb before its object)
    return words


#: Stopwords that are the verb after a subject (``Seoul plans to …``) and a compound's head after a noun or an
#: adjective (``contingency plan``, ``operational plans``): a noun there, unless ``to`` or (after ``plans``) the
#: verb's object follows.
HEAD_STOPWORDS: frozenset[str] = frozenset({"plan", "plans"})
#: Stopwords that are nouns of the beat before another noun (``mine warfare``, ``mine countermeasure ships``): the
#: pronoun ``mine`` stands alone, never before a noun.
NOUN_STOPWORDS: frozenset[str] = frozenset({"mine"})


def noun_phrases(
    toks: Sequence[Tok], blocked: set[int] | None = None, *, max_len: int = 5
) -> list[tuple[tuple[str, ...], int, int]]:
    """Lowercase noun phrases and their sub-phrases: ``(words, first token, last token + 1)``.

    A chunk is a run of content words (``of`` allowed between two); a verb-like word
    (``sent``, ``launched``) starts a chunk only after a determiner or preposition;
    a phrase ends with a noun-like word and does not start with a general adjective.
    """
    out: list[tuple[tuple[str, ...], int, int]] = []
    n = len(toks)
    words = _content_words(toks, blocked)
    nominal: set[int] = set()  # -ing words that head a compound noun here ("information sharing")
    i = 0
    while i < n:
        if words[i] is None:
            i += 1
            continue
        j = i
        chunk: list[int] = []
        while j < n:
            w = words[j]
            if w is None and _plural_possessive(toks, words, chunk, j):
                # "foreign ministers' meeting": the possessive plural modifies the head after it
                words[chunk[-1]] = f"{words[chunk[-1]]}'"
                j += 1
                continue
            if w is None:
                if (
                    toks[j].text == "of"
                    and chunk
                    and j + 1 < n
                    and words[j + 1] is not None
                    and "of" not in [toks[c].text for c in chunk]
                ):
                    chunk.append(j)
                    j += 1
                    continue
                break
            if nominal_gerund(toks, words, chunk, j):
                nominal.add(j)  # "information sharing"
            elif _verbal(w) and w not in L.TERM_PARTICIPLES and not (not chunk and ing_adjective(w)):
                prev = toks[j - 1].lower if j else ""
                allowed = (
                    j == 0 or prev in _DETERMINERS or (w.endswith("ed") and w not in L.VERBS and prev in _PREPOSITIONS)
                )
                if chunk or w in L.VERBS or not allowed:
                    break
            elif not chunk and j and toks[j - 1].lower in _SUBJECT_PRONOUNS:
                break  # "they promote …", "we support …": the word after a subject pronoun is its verb
            elif (
                not chunk
                and _after_modal(toks, j)
                and w not in L.DOMAIN_WORDS
                and singular(w) == w
                and not _adjective_like(w)
            ):
                break  # "to deploy strategic assets", "would only heighten tensions": a verb
            chunk.append(j)
            j += 1
        if not chunk:
            i += 1
            continue
        coordinated = _shared_head_after(toks, words, j)
        _subphrases(chunk, toks, words, out, max_len, coordinated=coordinated, nominal=nominal)
        i = max(j, i + 1)
    return out


#: The most words (not counting ``and``, ``or`` and ``of``) of a coordinated phrase (:func:`coordinated_phrases`).
COORDINATED_MAX_WORDS = 6


def coordinated_phrases(toks: Sequence[Tok], blocked: set[int] | None = None) -> list[tuple[tuple[str, ...], int, int]]:
    """Lowercase phrases that coordinate words or phrases of one term: ``(words, first token, last token + 1)``,
    ``and``/``or`` among the words, commas left out of them. The conjuncts share a modifier or a head
    (``nuclear and missile programs``, ``humanitarian assistance and disaster relief``, ``freedom of navigation and
    overflight``) or list them (``complete, verifiable, and irreversible denuclearization``, ``tactics, techniques
    and procedures``). Each conjunct is a bare run of content words — no determiner, no verb — and the phrase ends
    where the noun run after the conjunction ends; a general adjective does not open it. One phrase per
    conjunction, the longest: the mine holds such phrases back (a coordination is offered only by a reviewer)."""
    n = len(toks)
    first_word = next((i for i, t in enumerate(toks) if t.is_word), -1)
    words = _content_words(toks, blocked)

    def plain(i: int) -> bool:
        w = words[i]
        return w is not None and (not _verbal(w) or w in L.TERM_PARTICIPLES) and not w.endswith("'")

    def verb_only(i: int) -> bool:  # "and promotes …", "they undermine …"
        w = words[i]
        return w is not None and w.isalpha() and set(lemmas(w)) == {"VERB"}

    out: list[tuple[tuple[str, ...], int, int]] = []
    for j, t in enumerate(toks):
        if t.text not in ("and", "or") or j == 0 or j + 1 >= n:
            continue
        r = j + 1
        while r < n and plain(r):
            r += 1
        if r == j + 1 or verb_only(j + 1) or (r < n and words[r] is not None) or not _noun_like_end(words[r - 1] or ""):
            continue  # no bare conjunct after it, or a verb ends it ("security and stability remain")
        if r < n and toks[r].text in ("and", "or") and r == j + 2:
            continue  # a chain of coordinations ("… peace and security and stability"): where one ends is unclear
        if r + 1 < n and toks[r].text == "of" and not (toks[r + 1].text[:1].isupper() or toks[r + 1].lower == "the"):
            continue  # a lowercase complement follows: a longer phrase than a coordination of terms
        oxford = toks[j - 1].text == ","
        k = j - 1 if oxford else j
        left: list[int] = []
        while k - 1 >= 0 and plain(k - 1):
            k -= 1
            left.insert(0, k)
        if (
            not left
            or (k - 1 >= 0 and (words[k - 1] or "").endswith("ing"))
            or (k - 1 >= 0 and toks[k - 1].text in ("and", "or") and len(left) == 1)
        ):
            continue  # none, cut after a participle ("emerging …"), or one word of an earlier coordination
        if (
            k - 2 >= 0
            and toks[k - 1].text == "of"
            and plain(k - 2)
            and r == j + 2
            and _noun_like_end(words[left[-1]] or "")
        ):  # "freedom of [navigation] and overflight": two nouns after "of" (not "pursuit of [nuclear] and …")
            k -= 2
            while k - 1 >= 0 and plain(k - 1):
                k -= 1
        listed = k
        while listed - 2 >= 0 and toks[listed - 1].text == "," and plain(listed - 2) and len(left) == 1:
            listed -= 2  # "complete, verifiable, and irreversible …": single words listed before the last pair
            if not (listed - 1 >= 0 and plain(listed - 1)):
                k = listed
            else:
                break
        while left and verb_only(left[0]) and left[0] - 1 >= 0 and toks[left[0] - 1].lower in _CLAUSE_BEFORE_VERB:
            left.pop(0)  # "they [undermine] peace and security"
            k = left[0] if left else j
        if len(left) == 0 or (
            k - 1 >= 0 and (toks[k - 1].text == "of" or (toks[k - 1].text[:1].isupper() and k - 1 != first_word))
        ):
            continue  # cut from a longer name: "weapons of [mass destruction] and …", "ROK [people] and …"
        if oxford and k == left[0]:
            continue  # a comma before "and" with no list: two clauses ("… threats, and promotes …")
        a = k
        while a < j and (words[a] is None or words[a] in L.GENERIC_ADJECTIVES):
            a += 1
        span = [i for i in range(a, r) if words[i] is not None or toks[i].text in ("and", "or", "of")]
        content = [i for i in span if toks[i].text not in ("and", "or", "of")]
        if a >= j or not 2 <= len(content) <= COORDINATED_MAX_WORDS:
            continue
        phrase = tuple(words[i] or toks[i].lower for i in span)
        out.append((phrase, a, r))
    return out


def _shared_head_after(toks: Sequence[Tok], words: Sequence[str | None], j: int) -> bool:
    """``and``/``or`` at ``j`` may join a modifier to a second conjunct whose head both share (``regional security
    and alliance issues``, ``senior defense and foreign affairs officials``, ``combined deterrence and response
    posture``): the singular word before it is then no head. The second conjunct is read as a phrase of its own
    when its head is singular and it is longer than two words (``combat readiness and combined defense posture``),
    when it ends in an ``-ing`` word (``information sharing agreement and burden sharing``) or when it repeats the
    first word of the chunk (``freedom of navigation and freedom of commerce``: ``first``)."""
    if j + 1 >= len(toks) or toks[j].text not in ("and", "or") or words[j + 1] is None:
        return False
    end = j + 1
    while end < len(toks) and words[end] is not None:
        end += 1
    head = words[end - 1] or ""
    if (end < len(toks) and toks[end].text == "of") or head.endswith("ing"):
        return False
    if end - (j + 1) < 2 and "VERB" not in lemmas(head):
        return False  # "psychological warfare and subversion": one noun after "and" is a conjunct, no shared head
    return singular(head) != head or end - (j + 1) <= 2


def _plural_possessive(toks: Sequence[Tok], words: Sequence[str | None], chunk: Sequence[int], j: int) -> bool:
    """An apostrophe joined to the plural before it and followed by a content word (``ministers' meeting``)."""
    if not chunk or toks[j].text not in ("'", "’") or j + 1 >= len(toks) or words[j + 1] is None:
        return False
    prev = words[chunk[-1]]
    return prev is not None and prev.endswith("s") and chunk[-1] == j - 1 and toks[j].start == toks[j - 1].end


def _after_modal(toks: Sequence[Tok], j: int) -> bool:
    k = j - 1
    while k >= 0 and (toks[k].lower in _ADVERBS or ly_adverb(toks[k].lower)):
        k -= 1
    return k >= 0 and toks[k].lower in _MODALS


def _subphrases(
    chunk: list[int],
    toks: Sequence[Tok],
    words: Sequence[str | None],
    out: list,
    max_len: int,
    *,
    coordinated: bool = False,
    nominal: frozenset[int] | set[int] = frozenset(),
) -> None:
    m = len(chunk)
    last = words[chunk[-1]]
    open_end = coordinated and last is not None and singular(last) == last
    for a in range(m):
        wa = words[chunk[a]]
        if wa is None or wa in L.GENERIC_ADJECTIVES or chunk[a] in nominal:
            continue  # no phrase opens with a compound's -ing head ("[information] sharing agreement")
        for b in range(a + 2, min(m, a + max_len) + 1):
            wb = words[chunk[b - 1]]
            if (
                wb is None
                or wb.endswith("'")
                or not (_noun_like_end(wb) or chunk[b - 1] in nominal)
                or (open_end and b == m)
                or (b < m and chunk[b] in nominal)  # "trilateral information [sharing]": the object is no head
            ):
                continue
            ws = tuple("of" if (w := words[c]) is None else w for c in chunk[a:b])
            if ws.count("of") > 1:
                continue
            if any(_verbal(w) and chunk[a + k] not in nominal for k, w in enumerate(ws) if k):
                continue
            if any(
                w != "of"
                and singular(w) != w
                and w not in L.PLURAL_MODIFIERS
                and ws[k + 1] != "of"
                and not w.endswith("'")
                and not (singular(w) in L.TITLE_HEADS and ws[k + 1] in L.MEETING_HEADS)
                for k, w in enumerate(ws[:-1])
            ):
                # "opponents claim": a plural before the head is a subject, not a modifier; the holders of a post
                # before a meeting are ("national security advisors meeting", "defense ministers meeting")
                continue
            out.append((ws, chunk[a], chunk[b - 1] + 1))


def np_type(words: Sequence[str]) -> str:
    """Type of a lowercase noun phrase from its head (last word)."""
    head = singular(words[-1])
    if "of" in words:
        head = singular(words[words.index("of") - 1])
    if head in L.WEAPON_HEADS or words[-1] in L.WEAPON_HEADS:
        return "weapon"
    if head in L.DOCUMENT_HEADS and head not in (
        "plan",
        "report",
        "review",
        "strategy",
        "paper",
        "statement",
        "act",
        "bill",
        "code",
    ):
        return "document"
    if head in L.EXERCISE_HEADS:
        return "exercise"
    if head in L.MEETING_HEADS:
        return "meeting"
    if head in L.TITLE_HEADS:
        return "title"
    if head in ("ministry", "department", "command", "agency", "forces", "office"):
        return "organization"
    return "concept"


def iter_nonempty(items: Iterable[str]) -> list[str]:
    return [x for x in items if x]


#: The most words of a proper modifier (:func:`proper_headed_phrases`): ``U.S.-South Korean``, ``DPRK IT``.
PROPER_MODIFIER_MAX_WORDS = 3
#: The most lowercase words after it (``policy review``, ``sanctions committee``).
PROPER_TAIL_MAX_WORDS = 2


def _proper_modifier_word(t: Tok) -> bool:
    """A word of a proper modifier: capitalised or an acronym, no title word (``Secretary Austin``), no month or
    weekday (``Monday morning``)."""
    low = t.lower
    return (
        t.is_word
        and (t.cap or any(ch.isdigit() for ch in t.text[:1]))
        and any(ch.isupper() for ch in t.text)
        and not _title_head(t)
        and low not in L.MONTHS
        and low not in L.WEEKDAYS
        and (low not in L.STOPWORDS or (t.text.isupper() and len(t.text) > 1))  # "IT workers", not "It"
    )


def _tail_word(w: str | None, t: Tok) -> bool:
    """A word of the lowercase phrase after a proper modifier: a content word in lowercase, no verb form, no
    adverb (``… workers abroad``) and no general adjective (``… review last year``)."""
    if w is None or not t.text.islower() or w in L.GENERIC_ADJECTIVES or (_verbal(w) and w not in L.TERM_PARTICIPLES):
        return False
    found = lemmas(w) if w.isalpha() else {}
    return not found or "NOUN" in found or "ADJ" in found


def proper_headed_phrases(toks: Sequence[Tok], blocked: set[int] | None = None) -> list[tuple[int, int, int]]:
    """A proper modifier — a country, a people, a place, a body's acronym or a leader's name, of up to
    :data:`PROPER_MODIFIER_MAX_WORDS` words, hyphens and slashes between them — and the lowercase noun phrase it
    modifies, of up to :data:`PROPER_TAIL_MAX_WORDS` words, whole (``DPRK policy review``, ``U.S.-Japan alliance``,
    ``COVID-19 pandemic``, ``Kim regime``): ``(first token, first lowercase token, last token + 1)``.

    Neither part is a term the other extractors form: the capitalised run names something else, and the lowercase
    phrase alone is too general. The phrase is whole: nothing capitalised before the modifier (a longer name), no
    content word or ``of`` after the head (a longer phrase), no verb in it."""
    n = len(toks)
    words = _content_words(toks, blocked)
    first_word = next((i for i, x in enumerate(toks) if x.is_word), -1)
    out: list[tuple[int, int, int]] = []
    for j in range(1, n):
        t = toks[j]
        if words[j] is None or not t.text.islower() or (blocked and j in blocked):
            continue
        if not (_proper_modifier_word(toks[j - 1]) and toks[j - 1].end == t.start - 1):
            continue
        # the lowercase phrase: a whole run of content words, no verb in it, a noun at its end
        k = j
        while k < n and _tail_word(words[k], toks[k]):
            k += 1
        if k == j:
            continue
        if k - j > PROPER_TAIL_MAX_WORDS or (k < n and toks[k].lower == "of"):
            continue
        tail = [words[i] or "" for i in range(j, k)]
        found = lemmas(tail[-1]) if tail[-1].isalpha() else {}
        if ("NOUN" not in found if found else not _noun_like_end(tail[-1])) or tail[-1] in L.STOPWORDS:
            continue  # "Humphreys alone", "U.S.-ROK nuclear": no noun ends it ("COVID-19 pandemic" does)
        if any(w.isalpha() and set(lemmas(w)) == {"VERB"} for w in tail):
            continue  # "ROK Marines strengthen alliance": a subject and its verb
        # the modifier: capitalised words, hyphens and slashes joining them
        a = j - 1
        count = 1
        while a - 1 >= 0 and not (blocked and a - 1 in blocked):
            prev = toks[a - 1]
            if prev.text in ("-", "/", "–") and a - 2 >= 0 and _proper_modifier_word(toks[a - 2]):
                a -= 2
                count += 1
            elif _proper_modifier_word(prev) and prev.end < toks[a].start:
                a -= 1
                count += 1
            else:
                break
        if count > PROPER_MODIFIER_MAX_WORDS:
            continue
        if a == first_word and count == 1 and _content(toks[a], True) is not None:
            continue  # "Senior leaders", "Service members": a sentence's first word, capitalised as such
        if a - 1 >= 0 and toks[a - 1].is_word and toks[a - 1].cap and toks[a - 1].lower not in L.STOPWORDS:
            continue  # "Minister of National Defense [spokesman]": a longer name before it
        if a - 1 >= 0 and toks[a - 1].text in ("'s", "’s", "of", "-"):
            continue  # "Korea's [Navy] ships", "Republic of [Korea] forces": the modifier is cut from a name
        out.append((a, j, k))
    return out
