"""Per-article extraction: one cleaned :class:`~termdesk.text.Article` → compact, picklable counts.

This is what a worker process returns; the parent merges articles one at a time
(:mod:`termdesk.mine.corpus`), so no article is kept once counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..dateline import dateline
from ..text import (
    BYLINE_OPENING,
    BYLINE_RANK,
    OUTLET_HEADS,
    UNIT_NUMBER,
    Article,
    caption_text,
    is_headline,
    split_sentences,
)
from . import extract as X
from . import wordlists as L
from .truecase import in_capitals, truecase

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Match, Matcher

MAX_CONTEXTS = 3
CONTEXT_WIDTH = 45


_HYPHENS = re.compile("[-‐‑–]")


#: An acronym in brackets after its long form, and the space after it.
_BRACKETED_ACRONYM = r"\s*\([A-Z][A-Za-z0-9&./-]{1,11}\)\s+"
#: After an acronym's brackets, the name goes on (``… (DASD) for East Asia``).
_NAME_GOES_ON = re.compile(_BRACKETED_ACRONYM + r"(?:for|of)\s+(?:the\s+)?[A-Z]")
#: A year or an iteration number after an exercise's name (`` 2024``, `` 25``, `` 25-1``).
_ITERATION_AFTER = re.compile(r" (?:(?:19|20)\d{2}|\d{2})(?:-\d)?(?![\w-])")
#: A season's iteration after a program's name (`` 21-2``): the only iteration a name that is no exercise takes.
_SEASON_AFTER = re.compile(r" \d{2}-\d(?![\w-])")
#: An exercise's acronym with its year's two digits (``UFS24``, ``FS25``).
_ACRONYM_ITERATION = re.compile(r"(?<![\w-])(?P<acr>[A-Z]{2,5})(?P<year>\d{2})(?![\w-])")
#: A unit's number after its acronym in brackets (``Destroyer Squadron (DESRON) 15``, ``Carrier Strike Group (CSG) 5``).
_NUMBER_AFTER_ACRONYM = re.compile(_BRACKETED_ACRONYM + r"\d{1,3}(?![\w-])")
#: A unit's number before its abbreviation (``8th FW``, ``51 FW``).
_UNIT_NUMBER = re.compile(UNIT_NUMBER)


#: A document named by its date (Korean copy names it so too: 9·19 공동성명, 2·13 합의): a month, a day or a year,
#: up to three words that give no other name and a document's head — capitalised (``September 19, 2005 Joint
#: Statement``), a joint statement (``June 2009 joint presidential vision statement``) or an agreement (``the Feb. 13
#: agreement``). A lowercase statement alone after a date is any statement (``in a May 2 statement``), and a name
#: after the date is the document's own (``April 2023 Washington Declaration``: the Washington Declaration).
_DATED_DOCUMENT = re.compile(
    r"(?<![\w.])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?:\d{1,2}(?:, \d{4})?|\d{4}) "
    r"(?P<words>(?:(?:[Jj]oint|presidential|vision|inter-Korean|Six-Party|[Tt]rilateral) ){0,3})"
    r"(?P<head>Statement|Declaration|Communiqu[eé]|Agreement|Accord|agreement|accord|statement)(?![\w-])"
)

#: ``Commander, UNIT``: a command's commander as DoD and the Navy write the post (``Commander, U.S. 3rd Fleet``,
#: ``Commander, Pacific Air Forces``), the unit capitalised words that end in a unit head and the unit's number
#: after it (``Commander, Task Force 70``).
_COMMANDER_COMMA = re.compile(
    r"\b(?:Deputy\s+)?Commander,\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+|\d{1,3}(?:st|nd|rd|th)\s+|\([A-Z]{2,8}\)\s+){0,9}"
    r"(?:Forces\s+(?:Korea|Japan)|Fleet|Command|Forces|Force|Army|Navy|Division|Wing|Group|Squadron)\b"
    r"(?:\s[1-9]\d{0,2}\b(?![.,]\d|\s+[a-z]))?"  # "Commander, Task Force 70": the number names the unit
)
#: A title in quotes (a report's, an executive order's): capitalised first word, no quote inside.
_QUOTED_TITLE = re.compile(r"[“\"](?P<t>[A-Z][^“”\"]{14,300}?)[”\"]")


def _heading(index: int, text: str, *, deck: bool) -> bool:
    """The headline, a section heading in capitals anywhere (``HIGH-LEVEL TRILATERAL CONSULTATIONS``) or a deck
    (``deck``: :func:`_deck` of the text): cut for space, so no source of phrases unless the body uses them too."""
    return is_headline(text) and (index == 0 or (text.isupper() and len(text.split()) >= 2) or deck)


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _deck(text: str) -> bool:
    """A subheadline in title case with a capitalised verb (``Action Follows New Executive Order Issued Today;
    Implements …``): a headline's second line, whose capitals name nothing. A byline or a dateline has no verb
    (``By Staff Sgt. …``, ``DoD News, Defense Media Activity``); a verb is a word that ``lemminflect``'s lexicon
    knows only as a verb."""
    if not _title_case(text):
        return False
    return any(set(X.lemmas(w.lower())) == {"VERB"} for w in _CAPITALISED_WORD.findall(text))


#: The fewest consecutive title-case lines that make a topic index (:func:`topic_index`).
TOPIC_INDEX_LINES = 3


def topic_index(texts: Sequence[str]) -> frozenset[int]:
    """The positions of ``texts`` (an article's paragraphs, in order) that belong to a topic index: at least
    :data:`TOPIC_INDEX_LINES` consecutive short title-case lines not ended like a sentence (a briefing
    transcript's list of topics: ``North Korean Requests for Non-Aggression Pact``, ``Channels of Communication
    With North Korea``, ``U.S. Food Aid to North Korea``). Like a deck, their capitals name nothing by themselves.
    Lines after a sentence ending in a colon are the body's list (``The meetings included:`` then ``Commander, ROK
    Fleet, Vice Adm. Choi Sung-hyeok`` …), no index."""
    out: set[int] = set()
    run: list[int] = []
    for i, text in enumerate([*texts, ""]):
        if text and is_headline(text, max_words=12) and _title_case(text):
            run.append(i)
            continue
        if len(run) >= TOPIC_INDEX_LINES and not (run[0] > 0 and texts[run[0] - 1].rstrip().endswith(":")):
            out.update(run)
        run = []
    return frozenset(out)


def _slashed_to_a_word(toks: Sequence[X.Tok], i: int) -> bool:
    """The token at ``i`` is joined by a slash to a capitalised word that is no acronym (``POW/Missing`` in ``Defense
    POW/Missing Personnel Office``): it is a word of that name, not an acronym of its own. Two acronyms joined
    (``POW/MIA``) are not."""

    def word(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].text[:1].isupper() and not toks[k].text.isupper()

    return (i + 2 < len(toks) and toks[i + 1].text == "/" and word(i + 2)) or (
        i >= 2 and toks[i - 1].text == "/" and word(i - 2)
    )


def _headline_verb(word: str) -> bool:
    """A headline's verb in the third person (``holds``, ``meets``, ``says``): an inflected form of a verb."""
    verbs = X.lemmas(word).get("VERB", ())
    return word.endswith("s") and bool(verbs) and word not in verbs


def _no_dictionary_word(toks: Sequence[X.Tok]) -> bool:
    """No word of the name (initials aside) is a word of ``lemminflect``'s lexicon: ``Adrienne Watson``, not
    ``Discuss Changing``."""
    return not any(X.lemmas(t.lower) for t in toks if not X._is_initial(t))


def _caps_word(t: X.Tok) -> bool:
    """A word in capitals that is a word of ``lemminflect``'s lexicon (``FACT``, ``SHEET``), four letters or more."""
    if not (t.text.isalpha() and t.text.isupper() and len(t.text) >= 4):
        return False
    return bool(X.lemmas(t.text.lower()))


def _caps_words(toks: Sequence[X.Tok], i: int) -> bool:
    """Token ``i`` and a neighbour are both dictionary words in capitals (``FACT SHEET``, ``PRESS RELEASE``): a
    heading's words, not two acronyms. An acronym alone that is also a word (``SOFA``) is not affected."""
    if not _caps_word(toks[i]):
        return False
    return any(0 <= k < len(toks) and _caps_word(toks[k]) for k in (i - 1, i + 1))


#: Capitalised words after a designator that name the system (``Thunderbolt II``, ``Woongbi``, ``Fighting Falcon``).
_DESIGNATOR_NAME = re.compile(r"[ \t]+((?:[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+)?(?:[ \t]+(?:II|III|IV))?)(?![\w-])")


def _designator_name_end(sent: str, end: int) -> int:
    """The end of a system's name right after its designator (``A-10 Thunderbolt II``), or 0: one or two capitalised
    words, a Roman numeral after them, none of them a head of a unit, a title or a place, a country or a month."""
    m = _DESIGNATOR_NAME.match(sent, end)
    if m is None:
        return 0
    for w in m.group(1).split():
        low = w.lower()
        if (
            low in L.TITLE_HEADS
            or low in L.ORG_HEADS
            or low in L.PLACE_NAMES
            or low in L.NATIONALITY_LOWER
            or low in L.MONTHS
            or low in L.STOPWORDS
            or low in X.UNIT_HEADS
        ):
            return 0
    return m.end(1)


def _spelled_out_unit(words: Sequence[str]) -> str | None:
    """The key of a numbered unit written with its kind's abbreviation (``8th FW`` → ``8th fighter wing``), so that it
    and the spelled-out name are one candidate (:data:`~termdesk.mine.wordlists.UNIT_ABBREVIATIONS`)."""
    if len(words) == 2 and X._ORDINAL.fullmatch(words[0]) and words[1] in L.UNIT_ABBREVIATIONS:
        return X.merge_key(f"{words[0]} {L.UNIT_ABBREVIATIONS[words[1]]}")
    return None


def _opens_a_title(word: str) -> bool:
    """A word a title begins with: a title head or modifier, a country or an acronym (``NSC Spokesperson``,
    ``Secretary of Defense``), not a headline's noun (``Readout of Secretary of Defense``)."""
    w = word.lower()
    return (
        w in L.TITLE_HEADS
        or w in L.TITLE_MODIFIERS
        or _country_part(word)
        or (word.isupper() and len(word) >= 2)
        or word in X.KEPT_MODIFIERS
    )


#: A relative named before a person (``Chaplain Kapaun's nephew, Ray Kapaun``): the person shares the family name of
#: someone the article names, and is someone else.
_RELATIVE_BEFORE = re.compile(
    r"\b(?:nephew|niece|son|daughter|wife|husband|brother|sister|father|mother|widow|widower|grandson|granddaughter"
    r"|grandfather|grandmother|cousin|uncle|aunt|spouse)s?,?\s+$"
)


def _title_like(word: str) -> bool:
    """A title head or a common noun (``Minster`` misspelled), not a given name (``Barron``)."""
    if word in L.TITLE_HEADS:
        return True
    return "NOUN" in X.lemmas(word)


def _whole_unit(sent: str, start: int) -> str:
    """The capitalised unit of ``sent`` that begins at ``start``, as the run extractor cuts it (an acronym in
    brackets inside it: ``Deputy Assistant Secretary of Defense (DASD) for East Asia``)."""
    runs = X.capitalised_runs(X.tokens(sent[start:]))
    if not runs:
        return sent[start:]
    run = X.split_connectors(runs[0])[0]
    return sent[start + run.toks[0].start : start + run.toks[-1].end]


#: A country's acronym in brackets inside or at the end of a name (``U.S.-Republic of Korea (ROK) Working Group``).
_COUNTRY_ACRONYM_INSIDE = re.compile(
    r"\s\((?:" + "|".join(re.escape(c.upper()) for c in sorted(L.COUNTRY_CODES)) + r")\)(?=\s|$)"
)

#: Words of a country's formal name besides the place (``Republic of Korea``, ``Democratic People's Republic``).
_COUNTRY_NAME_WORDS = frozenset(
    {"of", "the", "republic", "democratic", "people's", "people’s", "federation", "kingdom"}
)


def _country_part(word: str) -> bool:
    """A country, region or compass word, a nationality or a country code (``U.S.``, ``ROK``, ``S.``)."""
    w = word.lower()
    return w in L.COUNTRY_CODES or w in L.NATIONALITY_LOWER or w.rstrip(".") in L.PLACE_NAMES


#: Compass words and the regions (not countries) they name a part of: ``Northeast Asia``, ``Southeast Asia``.
COMPASS_WORDS = frozenset({"east", "west", "north", "south", "northeast", "southeast", "northwest", "southwest"})
REGION_WORDS = frozenset({"asia", "europe", "africa", "pacific", "atlantic", "america"})


def compass_region(words: Sequence[str]) -> bool:
    """A compass word before a region (``Northeast Asia``): a place name of its own, unlike ``North Korea``."""
    return len(words) == 2 and words[0].lower() in COMPASS_WORDS and words[1].lower() in REGION_WORDS


#: Title modifiers that begin a body's or a policy's own name when capitalised (``New Southern Policy``).
NAME_MODIFIERS = frozenset({"New"})


@dataclass
class TermCount:
    """Counts of one merge key in one article (mutable while the article is read)."""

    freq: int = 0
    surfaces: Counter = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)  # evidence weights (a weak default adds 0.01)
    contexts: list[str] = field(default_factory=list)
    linked: set[str] = field(default_factory=set)
    kind: str = "named"
    words: tuple[str, ...] = ()

    def absorb(self, other: TermCount) -> None:
        """Add ``other``'s counts, surfaces, types and links to these, and its contexts up to MAX_CONTEXTS."""
        self.freq += other.freq
        self.surfaces.update(other.surfaces)
        for s in other.surfaces:
            self.surfaces.setdefault(s, 0)
        self.types.update(other.types)
        for c in other.contexts:
            if len(self.contexts) >= MAX_CONTEXTS:
                break
            if c not in self.contexts:
                self.contexts.append(c)
        self.linked |= other.linked
        if other.kind == "person":
            self.kind = "person"


@dataclass
class ArticleTerms:
    """Everything mined from one article."""

    path: str
    name: str
    words: int
    terms: dict[str, TermCount]
    pairs: list[tuple[str, str, str, str]]  # (acronym key, long-form key, acronym surface, long-form surface)
    persons: dict[str, list[tuple[str, int]]]  # person key -> [(surface, line)]
    removed: tuple = ()


_END_CREDIT = re.compile(r"\(([A-Z][\w&'-]{1,20}(?:[ -][A-Z][\w&'-]{1,20}){0,2})\)\s*$")
_TITLE_CASE_WORD = re.compile(r"\b[A-Za-z][\w'-]*")


#: A country named just before a title (``Republic of Korea (ROK)``, ``the U.S.``): the prefixed title is a
#: form of it as written.
_COUNTRY_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(Republic of Korea \(ROK\)|Republic of Korea|United States \(U\.S\.\)|ROK|U\.S\.|US)\s+$"
)

#: The body a title is held at, right after it (``… at the U.S. National Security Council (NSC)``).
_AT_BODY = re.compile(
    r",?\s+at\s+the\s+(?:(?:U\.S\.|ROK|[A-Z][\w-]*)\s+){0,5}"
    r"(?:Council|Department|Ministry|Office|Command|Agency|Staff|Embassy|Pentagon|NSC)\b(?:\s+\([A-Z]{2,6}\))?"
)

#: A byline: ``By NAME[, OUTLET]`` (a name of two to four capitalised words; the outlet up to the line's end).
_BYLINE = re.compile(
    rf"^{BYLINE_OPENING}(?P<rank>{BYLINE_RANK})(?P<name>[A-Z][\w'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'-]+)){{1,3}}(?:,?\s+(?:Jr|Sr)\.)?)"
    r"(?P<outlets>(?:\s*,\s*[A-Z0-9][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,5})*)\s*$"
)

#: A byline whose outlet follows the name with no comma: a given name (an initial), a family name, then the outlet
#: or the writer's unit, ending in one of :data:`~termdesk.text.OUTLET_HEADS` (``By Eric Durr New York National
#: Guard``, ``By Jim Garamone DoD News, Defense Media Activity``).
_BYLINE_RUN_ON = re.compile(
    rf"^{BYLINE_OPENING}(?P<rank>{BYLINE_RANK})(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'-]+)"
    rf"(?P<outlets>\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,5}}\s+{OUTLET_HEADS}"
    r"(?:\s*,\s*[A-Z0-9][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,5})*)\s*$"
)


def _outlet_in_name(name: str) -> bool:
    """A byline's name that ran on into its outlet: a word in capitals (``DoD``) or an outlet's head after the
    first two words (``Jim Garamone DoD News``)."""
    words = name.split()
    return any(sum(c.isupper() for c in w) >= 2 or re.fullmatch(OUTLET_HEADS, w) for w in words[2:])


#: One numbered unit of a chain: an ordinal, up to five capitalised words and a unit head
#: (:data:`~termdesk.mine.extract.UNIT_HEADS`) or a regiment's branch (``52nd Air Defense Artillery``).
_UNIT_LINK = (
    X._ORDINAL.pattern
    + r" (?:[A-Z][\w.-]* ){0,5}(?:"
    + "|".join(sorted(re.escape(h.title()) for h in X.UNIT_HEADS | X.REGIMENT_BRANCHES))
    + r")(?!\w)"
)
#: A numbered unit and its parent units after commas (``3rd Battalion, 3rd Marine Regiment, 3rd Marine Division``).
_UNIT_CHAIN = re.compile(rf"(?<![\w-]){_UNIT_LINK}(?:, {_UNIT_LINK})+")

#: A garrison and its place after a comma, the place ending the name (``U.S. Army Garrison, Yongsan, and …``); not a
#: list (``… Garrison Red Cloud, Camp Walker, Wonju``: no comma right after Garrison).
_GARRISON_COMMA = re.compile(
    r"(?<![\w-])(?P<body>(?:U\.S\. )?Army Garrison|USAG),\s+(?P<place>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?=[,.;]|\s+(?:and|in|on|to|where|with)\b)"
)

#: A generational suffix after a person's name (``Joseph F. Fil, Jr.``, ``Walter T. Ham IV``).
_NAME_SUFFIX = re.compile(r",?\s(?:Jr\.|Sr\.|II|III|IV)(?![\w'’-])")

#: A unit's public affairs office after the unit's name, in a byline (``8th Fighter Wing Public Affairs``).
_PUBLIC_AFFAIRS = re.compile(r"\s+Public Affairs(?:\s+Office)?$")

#: What a byline says the writer is, after the name: no outlet (``By Merle David Kellerhals Jr., Staff Writer``).
_WRITER_LABELS = frozenset({"writer", "correspondent", "reporter", "editor", "photographer", "contributor"})

#: A document a headline names: one to three capitalised words before its head, after a country compound that
#: ends in ``Republic of`` (``U.S.-Japan-Republic of Korea Trilateral Joint Statement``).
_HEADLINE_DOCUMENT = re.compile(
    r"(?:^|(?<=[\s)]))((?:(?:[A-Z][\w.]*\s)?(?:[A-Z][\w.]*-)+Republic\s+of\s+)?(?:[A-Z][\w’'-]*\s+){1,3}"
    r"(?:Communiqu[eé]|Statement|Readout|Declaration|Fact Sheet))\b"
)


def _headline_document_start(words: Sequence[str]) -> int:
    """Where a headline's document title starts among ``words`` before its head: after the last verb
    (``South Korea Unveil [Joint Declaration]``)."""
    return max((k + 1 for k, w in enumerate(words) if set(X.lemmas(w.lower())) == {"VERB"}), default=0)


def _title_case(text: str) -> bool:
    words = [w for w in _TITLE_CASE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _kwic(sentence: str, s: int, e: int, where: str) -> str:
    left = sentence[max(0, s - CONTEXT_WIDTH) : s]
    right = sentence[e : e + CONTEXT_WIDTH]
    if s > CONTEXT_WIDTH:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if e + CONTEXT_WIDTH < len(sentence):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    snippet = f"{left}[{sentence[s:e]}]{right}".replace("|", "¦").replace("\n", " ")
    return f"{where}: {snippet}"


class _Article:
    """Collects hits for one article."""

    def __init__(self, doc: Article, zipf: X.ZipfCache) -> None:
        self.doc = doc
        self.zipf = zipf
        self.terms: dict[str, TermCount] = {}
        self.pairs: list[tuple[str, str, str, str]] = []
        self.persons: dict[str, list[tuple[str, int]]] = {}
        self.surname_mentions: list[
            tuple[str, int, str, str, int, int]
        ] = []  # (surname, line, title key, sentence, s, e)
        self.maybe_person: list[tuple[str, str, bool]] = []  # (key, surname, named as someone's relative)
        self.single_caps: Counter = Counter()
        self.singles: list[tuple[str, str, int, int, int]] = []  # (surface, sentence, s, e, line)
        # headline phrases, kept only when the body uses them too (a headline is cut for space)
        self.headline_phrases: list[tuple[str, str, str, int, int, int, str, tuple[str, ...]]] = []
        # people a title-case headline names with their title, kept when the body names them too
        self.headline_persons: list[tuple[str, int, tuple[X.Tok, ...], X.TitleName]] = []
        self.acronyms: set[str] = set()
        # acronyms of a title, defined in the article (``Deputy Minister (DEPMIN) for …``): acronym → title key
        self.title_acronyms: dict[str, str] = {}
        self.units: dict[str, tuple[str, ...]] = {}
        self.chained: set[str] = set()  # bare units named only with their parents ("3rd Battalion, 3rd Marine …")

    # -- recording
    def add(
        self,
        surface: str,
        type_: str,
        sentence: str,
        s: int,
        e: int,
        line: int,
        *,
        kind: str = "named",
        key: str | None = None,
        words: tuple[str, ...] = (),
    ) -> str:
        plain = _COUNTRY_ACRONYM_INSIDE.sub("", surface) if key is None else surface
        if plain != surface:  # "Republic of Korea (ROK) Navy": the country's acronym is no part of the name's form
            surface = plain
        key = key or X.merge_key(surface)
        if not key:
            return key
        tc = self.terms.get(key)
        if tc is None:
            tc = self.terms[key] = TermCount(kind=kind, words=words)
        tc.freq += 1
        tc.surfaces[surface] += 1
        if type_:
            tc.types[type_] += 1
        if type_ in ("title", "organization"):
            m = _COUNTRY_BEFORE.search(sentence, 0, s)
            if m:  # "Republic of Korea (ROK) Acting Minister of National Defense", "the U.S. National Security
                tc.surfaces[m.group(1) + " " + surface] += 0  # Council": the prefixed form as written
        if len(tc.contexts) < MAX_CONTEXTS:
            ctx = _kwic(sentence, s, e, f"{self.doc.name}:{line}")
            if ctx not in tc.contexts:
                tc.contexts.append(ctx)
        return key

    def link(self, a: str, b: str) -> None:
        if a and b and a != b:
            self.terms[a].linked.add(b)
            self.terms[b].linked.add(a)

    def person(self, surface: str, sentence: str, s: int, e: int, line: int) -> str:
        key = person_key(surface)
        self.add(surface, "person", sentence, s, e, line, kind="person", key=key)
        suffix = _NAME_SUFFIX.match(sentence, e)
        if suffix:  # "Joseph F. Fil, Jr.": the generational suffix is part of the name as written (조지프 필 2세)
            self.terms[key].surfaces[surface + suffix.group()] += 0
        self.persons.setdefault(key, [])
        if len(self.persons[key]) < 5:
            self.persons[key].append((surface, line))
        return key

    def byline(self, text: str, line: int) -> None:
        """``By Karen Parrish, American Forces Press Service``: the writer and the outlet are names the Korean
        version renders (캐런 패리시 미군 보도국 기자); the line is no source of phrases."""
        m = _BYLINE.match(text.strip())
        run_on = _BYLINE_RUN_ON.match(text.strip())
        if run_on is not None and (m is None or _outlet_in_name(m.group("name"))):
            m = run_on  # "By Jim Garamone DoD News, …", "By Eric Durr New York National Guard": no comma after the name
        if not m:
            return
        self.person(m.group("name"), m.string, m.start("name"), m.end("name"), line)
        rank = m.group("rank").strip()
        if rank:  # "Story by Spc. Jacqueline Dowland": the writer's rank is a title of the copy
            self.add(rank, "title", m.string, m.start("rank"), m.start("rank") + len(rank), line)
        base = m.start("outlets")
        for part in re.finditer(r"[^,]+", m.group("outlets")):  # "DoD News, Defense Media Activity": two outlets
            outlet = part.group().strip()
            if outlet.split()[-1].lower() in _WRITER_LABELS:
                continue  # "Staff Writer": what the writer is, no outlet
            s = base + part.start() + part.group().index(outlet)
            office = _PUBLIC_AFFAIRS.search(outlet)
            unit = outlet[: office.start()] if office else outlet
            if X._ORDINAL.match(unit) or (office and unit.split()[-1].lower() in X.UNIT_HEADS):
                # the writer's unit ("1st Armored Brigade Combat Team") or its public affairs office ("8th U.S. Army
                # Public Affairs": the office, and the unit, 미8군 공보실): names of the beat, not media
                self.add(outlet, "organization", m.string, s, s + len(outlet), line)
                if office and len(unit.split()) >= 2:
                    self.add(unit, "organization", m.string, s, s + len(unit), line)
            elif outlet[:1].isupper():
                self.add(outlet, "media", m.string, s, s + len(outlet), line, kind="media")

    # -- one sentence
    def headline_document(self, text: str, line: int) -> None:
        """The document a headline names ("Joint Communique of the 49th SCM" → Joint Communique): the
        headline is no source of phrases, but a document title at its start is a term."""
        m = _HEADLINE_DOCUMENT.search(text)
        if m:
            words = m.group(1).split()
            head = 2 if words[-1] == "Sheet" else 1  # "Fact Sheet" is a head of two words
            cut = _headline_document_start(words[:-head])
            start = m.start(1) + len(" ".join(words[:cut])) + (1 if cut else 0)
            self.add(text[start : m.end(1)], "document", text, start, m.end(1), line, kind="named")

    def sentence(
        self, sent: str, line: int, *, title_case: bool, para_start: bool, para_end: bool, phrases: bool = True
    ) -> None:
        toks = X.tokens(sent)
        if not toks:
            return
        blocked: set[int] = set()
        span_block: list[tuple[int, int]] = []

        if para_start:
            found = dateline(sent)
            if found is not None and found.agency_span is not None:  # SEOUL, Oct. 28 (Yonhap) --: a media name
                a, b = found.agency_span
                self.add(sent[a:b], "media", sent, a, b, line, kind="media")
                span_block.append((0, found.end))
        if para_end:
            m = _END_CREDIT.search(sent)
            if (
                m
                and (m.group(1).lower() in L.AGENCY_CREDITS or " " not in m.group(1))
                and not X._is_acronym_text(m.group(1))
            ) or (m and m.group(1).lower() in L.AGENCY_CREDITS):
                self.add(m.group(1), "media", sent, m.start(1), m.end(1), line, kind="media")
                span_block.append((m.start(), m.end()))

        for chain in _UNIT_CHAIN.finditer(sent):
            # "3rd Battalion, 3rd Marine Regiment, 3rd Marine Division": a unit named with its parents is one name,
            # written whole or with its parent; a bare "3rd Battalion" names nothing alone
            links = [u.strip() for u in chain.group().split(",")]
            if len(links[0].split()) != 2:
                continue  # "302nd Brigade Support Battalion, 1st Armored Brigade Combat Team": names of their own
            key = self.add(chain.group(), "organization", sent, chain.start(), chain.end(), line)
            self.terms[key].surfaces[f"{links[0]}, {links[1]}"] += 0
            self.chained.add(X.merge_key(links[0]))
            # a regiment named by its branch ("52nd Air Defense Artillery") is named here as the battalion's parent
            self.chained.update(X.merge_key(k) for k in links[1:] if k.split()[-1].lower() in X.REGIMENT_BRANCHES)
        for g in _GARRISON_COMMA.finditer(sent):
            # "U.S. Army Garrison, Yongsan": a garrison named with its place after a comma is one name
            name = f"{g.group('body')} {g.group('place')}"
            key = self.add(name, "organization", sent, g.start(), g.end(), line)
            if key:
                self.terms[key].surfaces[g.group(0)] += 0  # the form as written, comma and all
            span_block.append((g.start(), g.end()))
        for c in _COMMANDER_COMMA.finditer(sent):
            # "Commander, U.S. 3rd Fleet": the Navy's and DoD's style of a commander's post is one title
            self.add(c.group(0), "title", sent, c.start(), c.end(), line, kind="title")

        for d in _DATED_DOCUMENT.finditer(sent):
            if d.group("head") == "statement" and "joint" not in d.group("words"):
                continue  # "in a May 2 statement": any statement of that day
            # "the September 19, 2005 Joint Statement", "the Feb. 13 agreement": a document named by its date
            self.add(d.group(0), "document", sent, d.start(), d.end(), line, kind="named")
            span_block.append((d.start(), d.end()))
        for q in _QUOTED_TITLE.finditer(sent):
            title = q.group("t").rstrip(",.;: ")
            if len(title.split()) >= 4 and _title_case(title) and not title.isupper():
                # "Blocking Property of the Government of North Korea …": a quoted title is one name, no pieces
                a = q.start("t")
                self.add(title, "document", sent, a, a + len(title), line)
                span_block.append((a, a + len(title)))

        for h in X.designators(sent):
            key = self.add(h.surface, "weapon", sent, h.start, h.end, line, kind="designator")
            if h.extra:
                self.terms[key].surfaces[h.extra[0]] += 0  # record the phrase as a surface form
                self.terms[key].surfaces[h.extra[1]] += 0
            span_block.append((h.start, h.end))
            name_end = _designator_name_end(sent, h.end)
            if name_end:  # "A-10 Thunderbolt II", "KA-1 Woongbi": the system's name is a form of it, no name alone
                self.terms[key].surfaces[sent[h.start : name_end]] += 0
                span_block.append((h.end, name_end))

        long_units: list[tuple[int, int]] = []
        for h in X.acronym_pairs(sent):
            acr = h.extra[0]
            if _NAME_GOES_ON.match(sent, h.end):
                # "Deputy Minister (DEPMIN) for National Defense Policy": the whole title is the unit, and the
                # acronym a form of it (a bare "Deputy Minister" is no term)
                whole = _whole_unit(sent, h.start)
                self.pairs.append((X.acronym_key(acr), X.merge_key(whole), acr, whole))
                if any(X._title_head(t) for t in X.tokens(h.surface)):
                    self.title_acronyms[acr] = X.merge_key(whole)
                continue
            self.pairs.append((X.acronym_key(acr), X.merge_key(h.surface), acr, h.surface))
            numbered = _NUMBER_AFTER_ACRONYM.match(sent, h.end)
            if numbered and h.surface.split()[-1].lower() in X.UNIT_HEADS:
                # "Destroyer Squadron (DESRON) 15": the kind of unit and its number name one unit
                self.add(sent[h.start : numbered.end()], "organization", sent, h.start, numbered.end(), line)
            if any(X._title_head(t) for t in X.tokens(h.surface)):
                self.title_acronyms[acr] = X.merge_key(h.surface)
            head_words = h.surface.split()
            country = all(
                _country_part(p) or p.lower() in _COUNTRY_NAME_WORDS for w in head_words for p in _HYPHENS.split(w) if p
            )
            if (
                head_words[0][0].isupper()
                and all(w[0].isupper() or w in ("of", "and", "the", "for", "on", "to") for w in head_words)
                and not country  # "U.S.-Republic of Korea (ROK) Working Group": the country is part of a name
            ):
                long_units.append((h.start, h.end))

        if span_block:
            for i, t in enumerate(toks):
                if any(t.start < e and t.end > s for s, e in span_block):
                    blocked.add(i)

        all_caps = sum(1 for t in toks if t.is_word and t.text.isupper() and len(t.text) > 1) > 0.5 * max(
            1, sum(1 for t in toks if t.is_word)
        )
        for i, t in enumerate(toks):
            if i in blocked or all_caps:
                continue
            if i > 0 and _UNIT_NUMBER.fullmatch(toks[i - 1].text) and t.text in L.UNIT_ABBREVIATIONS:
                continue  # "8th FW", "51 FW": the unit's abbreviation, no acronym of its own
            if i > 1 and t.text in L.POSTAL_CODES and toks[i - 1].text == "," and toks[i - 2].text[:1].isupper():
                continue  # "Arlington, VA": a state's postal code after a place, no acronym
            if _slashed_to_a_word(toks, i):
                continue  # "Defense POW/Missing Personnel Office": the acronym is a word of the name
            if _caps_words(toks, i) or (_caps_word(t) and i + 1 < len(toks) and toks[i + 1].text == ":"):
                continue  # "FACT SHEET:", a transcript's "STAFF:": words in capitals, no acronyms
            if t.text in L.SPEAKER_HONORIFICS and i + 1 < len(toks) and toks[i + 1].text.isupper():
                continue  # "MS PORTER:": a transcript's honorific before the speaker's family name
            if (
                X._is_acronym_text(t.text)
                and t.text.lower() not in L.NOT_ACRONYMS
                and t.text.replace(".", "").lower() not in L.NOT_ACRONYMS
                and "." not in t.text
                and not ("-" in t.text and all(p.lower() in L.COUNTRY_CODES for p in t.text.split("-")))
            ):
                key = self.add(t.text, "", sent, t.start, t.end, line, kind="acronym", key=X.acronym_key(t.text))
                self.acronyms.add(key)

        for s0, e0 in long_units:  # "Korea Air and Missile Defense (KAMD)": the long form is one unit
            idx = [i for i, t in enumerate(toks) if t.start >= s0 and t.end <= e0 and i not in blocked]
            if len(idx) >= 2:
                nxt = _following(toks, idx[-1] + 1)
                self._unit([toks[i] for i in idx], sent, line, next_word=nxt)
                blocked.update(idx)

        if not title_case:
            self._runs(toks, sent, line, blocked)
        elif not sent.isupper():
            self._headline_persons(toks, sent, line)

        for words, a, b in [*X.noun_phrases(toks, blocked), *X.coordinated_phrases(toks, blocked)]:
            s, e = toks[a].start, toks[b - 1].end
            surface = sent[s:e]
            if a == next((i for i, t in enumerate(toks) if t.is_word), -1) and surface[0].isupper():
                surface = surface[0].lower() + surface[1:]
            key = "np:" + " ".join(X.singular(w) if k == len(words) - 1 else w for k, w in enumerate(words))
            hit = (surface, X.np_type(words), sent, s, e, line, key, words)
            if phrases:
                self._phrase(*hit)
            else:
                self.headline_phrases.append(hit)
        if phrases and not title_case:
            for a, j, b in X.proper_headed_phrases(toks, blocked):
                # "DPRK policy review", "Kim regime": a proper modifier and its lowercase phrase, held back whole
                s, e = toks[a].start, toks[b - 1].end
                tail = tuple(t.lower for t in toks[j:b])
                self.add(
                    sent[s:e], X.np_type(tail), sent, s, e, line, kind="proper", key="pp:" + X.merge_key(sent[s:e])
                )

    def _phrase(
        self, surface: str, type_: str, sent: str, s: int, e: int, line: int, key: str, words: tuple[str, ...]
    ) -> None:
        self.add(surface, type_, sent, s, e, line, kind="np", key=key, words=words)

    def _headline_persons(self, toks: list[X.Tok], sent: str, line: int) -> None:
        """A title and a full name in a title-case headline (``Press Availability with Secretary of Defense Donald
        Rumsfeld and Minister of Defense Yoon Kwang-Ung``): its capitals name nothing by themselves, but a title
        before a name does; kept by :meth:`keep_headline_persons` when the body names the person too."""
        for raw in X.capitalised_runs(toks):
            for run in X.split_connectors(raw):
                rt = run.toks
                if len(rt) >= 3 and _headline_verb(rt[-1].lower):
                    rt = rt[:-1]  # "… Press Secretary Sabrina Singh Holds a Press Briefing": the verb ends the name
                tn = X.parse_title_run(rt)
                if tn is None or tn.name is None:
                    continue
                na, nb = tn.name
                if nb - na >= 2 and not X.family_name_alone(rt[na:nb]):
                    self.headline_persons.append((sent, line, rt, tn))

    def keep_headline_persons(self, body: str) -> None:
        """The headline's people whose family name the body uses (``Secretary Rumsfeld``), or whose name has no
        word of the dictionary (``Statement from NSC Spokesperson Adrienne Watson``; not ``Minister Discuss Changing
        …``), with their titles where the body writes the title too. The family name counts as written
        (``Rumsfeld``), not in lowercase."""
        words = set(re.findall(r"[A-Z][A-Za-z'-]*", body))
        lowered = " ".join(body.split()).lower()
        for sent, line, rt, tn in self.headline_persons:
            na, nb = tn.name or (0, 0)
            ntoks = [t for t in rt[na:nb] if t.text not in X.OPEN_QUOTES]
            named = ntoks[-1].text in words or ntoks[0].text in words
            if not 2 <= len(ntoks) <= 3 or not (named or _no_dictionary_word(ntoks)):
                continue
            s, e = rt[na].start, rt[nb - 1].end
            name_key = self.person(sent[s:e], sent, s, e, line)
            for a, b in tn.titles:
                surface, ts, te = X._title_surface(rt[a:b], sent)
                if (
                    (b - a == 1 and X._rank_at(rt, a))
                    or not _opens_a_title(surface.split()[0])
                    or not (surface.lower() in lowered or len(surface.split()) <= 5)
                ):
                    continue  # a headline's capitals do not bound a title ("Readout of Secretary of Defense")
                self.link(self.add(surface, "title", sent, ts, te, line, kind="title"), name_key)

    def _runs(self, toks: list[X.Tok], sent: str, line: int, blocked: set[int]) -> None:
        index = {id(t): i for i, t in enumerate(toks)}
        runs = X.capitalised_runs([t for i, t in enumerate(toks) if i not in blocked] if blocked else toks)
        for raw in runs:
            for run in X.split_connectors(raw):
                run = X._strip_run(run, self.zipf)
                if not run.toks:
                    continue
                idxs = [index[id(t)] for t in run.toks]
                if any(i in blocked for i in idxs):
                    continue  # already taken (an apposition's title, a lowercase title before a name)
                inner = X.document_of_part(run) or X.unit_before_body(run) or X.body_before_post(run)
                self._run(run, toks, idxs, sent, line, blocked)
                if inner is not None:  # "Article V of the U.S.-Japan Security Treaty", "7th Infantry Division …",
                    # "Defense POW/MIA Accounting Agency [Director]"
                    self._run(inner, toks, [index[id(t)] for t in inner.toks], sent, line, set())

    def _run(self, run: X.Run, toks: list[X.Tok], idxs: list[int], sent: str, line: int, blocked: set[int]) -> None:
        rt = run.toks
        if len(rt) == 2 and rt[0].text in self.title_acronyms and X._name_like(rt[1:]):
            # "DEPMIN Cho": the title's acronym before the holder's family name is a later mention of him
            title_key = self.title_acronyms[rt[0].text]
            self.surname_mentions.append((rt[1].lower, line, title_key, sent, rt[1].start, rt[1].end))
            blocked.update(idxs)
            return
        last_i = idxs[-1]
        name_key = ""
        name_surname: tuple[str, ...] = ()
        tn = X.parse_title_run(rt)
        if tn is not None:
            title_keys = []
            for a, b in tn.titles:
                if b - a == 1 and not X._rank_at(rt, a) and tn.name is None:
                    continue  # a bare "President" with no name: too generic alone
                surface, s, e = X._title_surface(rt[a:b], sent)
                if a == 0 and idxs[0] > 0 and toks[idxs[0] - 1].text in X.KEPT_MODIFIERS:
                    s = toks[idxs[0] - 1].start  # "Acting Secretary of Defense" opening a sentence
                    surface = sent[s:e]
                key = self.add(surface, "title", sent, s, e, line, kind="title")
                title_keys.append(key)
                at = _AT_BODY.match(sent, e) if b == len(rt) or (tn.name is not None and b == tn.name[0]) else None
                if key and at:  # "Coordinator for the Indo-Pacific at the U.S. National Security Council (NSC)"
                    self.terms[key].surfaces[surface + sent[e : at.end()]] += 0
            if tn.name is not None:
                na, nb = tn.name
                ntoks = rt[na:nb]
                s, e = ntoks[0].start, ntoks[-1].end
                if nb - na >= 2 and not X.family_name_alone(ntoks):
                    name_key = self.person(sent[s:e], sent, s, e, line)
                    for tk in title_keys:
                        self.link(tk, name_key)
                else:
                    surname = sent[s:e]
                    name_surname = (surname, *title_keys)
                    self.surname_mentions.append((surname.lower(), line, ",".join(title_keys), sent, s, e))
            if tn.complement is not None:
                ca, cb = tn.complement
                ctoks = rt[ca:cb]
                portfolio = ctoks[-1].lower in X.PORTFOLIO_WORDS and not any(X._unit_head(t.text) for t in ctoks)
                if len(ctoks) >= 2 and not X._title_head(ctoks[-1]) and not portfolio:
                    # a body ("Commander of U.S. Forces Korea"), not a post's portfolio ("Minister of Patriots and
                    # Veterans Affairs": the ministry's field, no name of its own)
                    self._unit(ctoks, sent, line, next_word="")
            for i in idxs:
                blocked.add(i)
        else:
            prev_i = idxs[0] - 1
            prev = toks[prev_i] if prev_i >= 0 else None
            if (
                prev is not None
                and prev.text.islower()
                and (X._title_head(prev) or prev.lower in L.NON_TITLE_HEADS)
                and X._name_like(rt)
                and (len(rt) >= 2 or True)
            ):
                s, e = rt[0].start, rt[-1].end
                if len(rt) >= 2:
                    name_key = self.person(sent[s:e], sent, s, e, line)
                else:
                    self.surname_mentions.append((rt[0].lower, line, "", sent, s, e))
                if prev.lower not in L.NON_TITLE_HEADS:
                    k = prev_i
                    while k - 1 >= 0 and prev_i - k < 3:
                        t = toks[k - 1]
                        if (
                            t.is_word
                            and t.text.islower()
                            and t.lower not in L.STOPWORDS
                            and t.lower not in L.TITLE_MODIFIERS
                            and not X._verbal(t.lower)
                        ) or (
                            t.is_word
                            and t.text[0].isupper()
                            and (
                                t.lower in L.NATIONALITY_LOWER
                                or t.lower in L.PLACE_NAMES
                                or t.text in ("U.S.", "US", "ROK", "N.", "S.")
                            )
                        ):
                            k -= 1
                        else:
                            break
                    ts, te = toks[k].start, prev.end
                    tkey = self.add(sent[ts:te], "title", sent, ts, te, line, kind="title")
                    if name_key:
                        self.link(tkey, name_key)
                    for i in range(k, prev_i + 1):
                        blocked.add(i)
                for i in idxs:
                    blocked.add(i)
            elif X.korean_name(rt):
                s, e = rt[0].start, rt[-1].end
                name_key = self.person(sent[s:e], sent, s, e, line)
                for i in idxs:
                    blocked.add(i)
            elif len(rt) >= 2:
                self._unit(rt, sent, line, next_word=_following(toks, last_i + 1))
                for i in idxs:
                    blocked.add(i)
            elif len(rt) == 1 and not run.sentence_initial and rt[0].text[0].isupper() and not rt[0].text.isupper():
                self.single_caps[rt[0].lower] += 1
                self.singles.append((rt[0].text, sent, rt[0].start, rt[0].end, line))
                if last_i + 1 < len(toks) and toks[last_i + 1].text == ",":
                    self.surname_mentions.append((rt[0].lower, line, "", sent, rt[0].start, rt[0].end))
            elif len(rt) == 1 and run.sentence_initial and last_i + 1 < len(toks) and toks[last_i + 1].text == ",":
                self.surname_mentions.append((rt[0].lower, line, "", sent, rt[0].start, rt[0].end))
        # apposition: NAME, [a former] TITLE,
        if last_i + 1 < len(toks) and toks[last_i + 1].text == ",":
            ap = X.apposition(toks, last_i + 1)
            if ap is not None:
                a, b = ap
                ptoks = toks[a:b]
                surface, s, e = X._title_surface(ptoks, sent)
                tkey = self.add(surface, "title", sent, s, e, line, kind="title")
                for i in range(a, b):
                    blocked.add(i)
                if name_key:
                    self.link(tkey, name_key)
                elif len(rt) == 1 or name_surname:
                    surname = rt[0].lower if len(rt) == 1 else name_surname[0].lower()
                    self.surname_mentions.append((surname, line, tkey, sent, rt[0].start, rt[-1].end))
                # a body inside the title: "chairman of the U.S. Joint Chiefs of Staff"
                for sub in X.capitalised_runs(ptoks):
                    for r in X.split_connectors(sub):
                        inner = [t for t in r.toks]
                        if len(inner) >= 2 and not X._title_head(inner[-1]) and X.parse_title_run(inner) is None:
                            self._unit(inner, sent, line, next_word="")

    def _unit(self, rt: tuple[X.Tok, ...] | list[X.Tok], sent: str, line: int, *, next_word: str) -> None:
        words = [t.text for t in rt]
        last = words[-1].lower()
        if last in L.NATIONALITY_LOWER or (last.endswith("s") and last[:-1] in L.NATIONALITY_LOWER):
            return  # "North Korean", "North Koreans", "South Americans": people of a country, no body
        if all(_country_part(p) for w in words for p in _HYPHENS.split(w) if p) and not compass_region(words):
            return  # "North Korean", "South Korea-U.S." (combined defense posture): countries, not a body
        if (
            X._is_acronym_text(words[-1])
            and all(_country_part(p) for w in words[:-1] for p in _HYPHENS.split(w) if p)
            and (
                (next_word[:1].islower() and next_word not in L.STOPWORDS and not X._verbal(next_word))
                or any(w.lower() in L.NATIONALITY_LOWER for w in words[:-1])
            )
        ):
            # "North Korean IT (workers)", "its North Korean CEO,": an acronym after a country's adjective or before a
            # noun, a modifier, is mined alone; "U.S. INDOPACOM (has assessed)" stays a name
            return
        while words and (
            words[0].lower() in ("the", "a", "an")
            or (words[0].lower().rstrip("-") in L.TITLE_MODIFIERS and words[0] not in NAME_MODIFIERS)
        ):
            rt = rt[1:]
            words = words[1:]
        if len(words) < 2:
            return
        type_ = "document" if X._joint_document(rt) else X.type_named_unit(words, next_word)
        s, e = rt[0].start, rt[-1].end
        surface = sent[s:e]
        if not type_:
            if X._name_like(rt) and len(rt) <= 3:
                key = self.add(surface, "", sent, s, e, line, kind="named")
                self.maybe_person.append((key, rt[-1].lower, _RELATIVE_BEFORE.search(sent[:s]) is not None))
                self.units[key] = tuple(words)
                return
            type_ = "organization"
        spelled = _spelled_out_unit(words)
        key = self.add(surface, type_ or "organization", sent, s, e, line, kind="named", key=spelled)
        self.units[key] = tuple(words)
        if spelled:  # the spelled-out name is a form too: the glossary may have it ("7th Air Force")
            self.terms[key].surfaces[f"{words[0]} {L.UNIT_ABBREVIATIONS[words[1]]}"] += 0

    def glossary_terms(self, blocks: list[tuple[int, int, str]], matcher: Matcher) -> None:
        """Glossary terms of the article that no extractor mined, as ``known`` units (see :func:`extract_article`)."""
        have = {X.merge_key(" ".join(tc.words)) if tc.kind == "np" else k for k, tc in self.terms.items()}
        found: dict[str, list[tuple[str, str, int, int, int, str]]] = {}
        matched = [(line, text, matcher.find(text)) for _, line, text in blocks]
        for line, text, ms in matched:
            for m in ms:
                for part in m.composed_of or (m,):
                    if part.entry is None or (part.entry.type == "person" and " " not in part.text):
                        continue
                    surface = re.sub(r"['’]s?$", "", part.text)  # North Korea's → North Korea
                    key = X.merge_key(surface)
                    if key and key not in have:
                        end = part.start + len(surface)
                        found.setdefault(key, []).append((surface, text, part.start, end, line, part.entry.type))
        for key, hits in found.items():
            for surface, text, s, e, line, type_ in hits:
                self.add(surface, type_, text, s, e, line, kind="known", key=key)
        for line, text, ms in matched:
            self._iterations(text, line, ms, matcher)

    def _iterations(self, text: str, line: int, ms: Sequence[Match], matcher: Matcher) -> None:
        """A known exercise with its year or iteration number (``Ulchi Freedom Shield 2024``, ``Freedom Shield
        25``, ``UFS24``) is a form of the exercise, not a term of its own: the written form joins the exercise.
        ``ms``: the glossary's matches in ``text``."""
        for m in ms:
            if m.entry is None or m.entry.type != "exercise" or m.composed_of:
                continue
            after = _ITERATION_AFTER.match(text, m.end)
            if after:
                key = X.merge_key(m.text)
                if key not in self.terms:
                    self.add(m.text, "exercise", text, m.start, m.end, line, kind="known", key=key)
                self.terms[key].surfaces[text[m.start : after.end()]] += 0
        for joined in _ACRONYM_ITERATION.finditer(text):
            hits = matcher.find(joined.group("acr"))
            entry = hits[0].entry if len(hits) == 1 and hits[0].text == joined.group("acr") else None
            if entry is None or entry.type != "exercise":
                continue
            self.retire([X.merge_key(joined.group())])  # "UFS24" read as a weapon's designator
            key = X.merge_key(joined.group("acr"))
            self.add(joined.group(), "exercise", text, joined.start(), joined.end(), line, kind="known", key=key)
            self.terms[key].surfaces[joined.group("acr")] += 0  # the glossary's form, for its status

    def exercise_forms(self, blocks: Sequence[tuple[int, int, str]]) -> None:
        """``Exercise Max Thunder`` is the exercise ``Max Thunder`` of the article (the word ``Exercise`` before a
        name is the newsroom's label, no part of it), and an exercise's year or iteration after its name (``Max
        Thunder 15-1``, ``Exercise Max Thunder 15-1``) is a written form of it, not a term of its own."""
        for key in list(self.terms):
            tc = self.terms.get(key)
            if tc is None:
                continue
            for surface in list(tc.surfaces):
                if surface.startswith("Exercise ") and len(surface.split()) >= 3:
                    base = X.merge_key(surface[len("Exercise ") :])
                    if base != key and base in self.terms:
                        self.retire([key], into=base)
                        for form in tc.surfaces:  # forms of the name as written, not forms a glossary lacks
                            self.terms[base].surfaces[form] = 0
                        break
        text = "\n".join(t for _, _, t in blocks)
        for tc in self.terms.values():
            if tc.kind not in ("named", "known"):
                continue
            # an exercise takes a year or a number; any name a season's number (Korean Marine Exchange Program 21-2)
            iteration = _ITERATION_AFTER.pattern if tc.types.get("exercise") else _SEASON_AFTER.pattern
            for surface in list(tc.surfaces):
                label = "" if surface.startswith("Exercise ") else r"(?:Exercise\s+)?"
                pattern = rf"(?<![\w-]){label}{re.escape(surface)}{iteration}"
                for m in re.finditer(pattern, text):
                    tc.surfaces[" ".join(m.group().split())] += 0

    # -- end of article
    def abbreviated_units(self) -> None:
        """A unit written as its ordinal and an acronym of its kind joins the unit of the article spelled out with the
        same ordinal (``302nd BSB`` = ``302nd Brigade Support Battalion``); the bare acronym is a form of it too."""
        for key, words in list(self.units.items()):
            if len(words) != 2 or not X._ORDINAL.fullmatch(words[0]) or words[1] in L.UNIT_ABBREVIATIONS:
                continue
            full = [
                k
                for k, w in self.units.items()
                if k != key and len(w) > 2 and w[0] == words[0] and words[1] in X.initials(w[1:])
            ]
            if len(full) != 1 or key not in self.terms:
                continue
            self.retire([key, X.merge_key(words[1])], into=full[0])
            del self.units[key]

    def retire(self, keys: Sequence[str], *, into: str = "") -> None:
        """Take the terms of ``keys`` out of the article: their counts and links go to the term ``into`` when one is
        given (a form of it), and the links of other terms to them follow; without ``into`` they are dropped."""
        gone = set(keys)
        for k in keys:
            tc = self.terms.pop(k, None)
            if tc is not None and into:
                self.terms[into].absorb(tc)
        for tc in self.terms.values():
            if tc.linked & gone:
                tc.linked -= gone
                if into:
                    tc.linked.add(into)
        if into:
            self.terms[into].linked.discard(into)

    def finish(self) -> None:
        self.abbreviated_units()
        self.retire(sorted(k for k in self.chained if k in self.terms))
        full = {k: v for k, v in self.persons.items()}
        by_surname: dict[str, set[str]] = {}
        for key in full:
            parts = key.split()
            if parts[0] in L.KOREAN_SURNAMES and len(parts) >= 2:
                by_surname.setdefault(parts[0], set()).add(key)
            last = parts[-1] if parts[-1] not in ("jr", "sr", "ii", "iii") or len(parts) < 3 else parts[-2]
            by_surname.setdefault(last, set()).add(key)
        for surname, _line, tkeys, _sent, _s, _e in self.surname_mentions:
            owners = by_surname.get(surname, set())
            if len(owners) == 1:
                owner = next(iter(owners))
                self.terms[owner].freq += 1
                for tk in filter(None, tkeys.split(",")):
                    if tk in self.terms:
                        self.link(tk, owner)
        for key, surname, relative in self.maybe_person:
            tc = self.terms.get(key)
            if tc is None:
                continue
            owners = by_surname.get(surname, set())
            first = key.split()[0]
            owner_parts = next(iter(owners)).split() if len(owners) == 1 else []
            if (
                len(key.split()) == 2
                and not relative  # "his nephew, Ray Kapaun": another person of the family, not a later mention
                and owner_parts
                and first not in owner_parts
                and (owner_parts[0] == surname or _title_like(first))
            ):
                # "Minster Yoon" beside "Yoon Kwang-Ung": a word and the family name of a person the article names
                # in full is a later mention of that person, not a name of its own, when the word is a title or a
                # noun, or when the person's name puts the family name first (a Korean name: the word is no given
                # name of it)
                owner = next(iter(owners))
                if owner != key:
                    self.terms[owner].freq += tc.freq
                    del self.terms[key]
                    continue
            if self.single_caps.get(surname) or surname in by_surname:
                tc.types["person"] += tc.freq
                tc.kind = "person"
                pkey = key
                for surface in tc.surfaces:
                    self.persons.setdefault(pkey, [])
                    if len(self.persons[pkey]) < 5:
                        self.persons[pkey].append((surface, 0))
            else:
                words = self.units.get(key, ())
                # a weak default: any real evidence elsewhere ("Freedom Shield exercise") outweighs it
                weak = "place" if words and all(w.lower() in L.PLACE_NAMES for w in words) else "organization"
                tc.types[weak] += 0.01  # type: ignore[assignment]  # a float weight below any real count
        # single capitalised words (Singapore, Kabul, Pentagon): names, unless a person's surname or a common word
        for surface, sent, s, e, line in self.singles:
            w = surface.lower()
            if (
                w in by_surname
                or not _single_name(surface, self.zipf)
                or (_vocative(sent, s, e) and w not in L.STANDALONE_PLACES)
            ):
                continue
            self.add(surface, "place", sent, s, e, line, kind="single")  # most often; type_confidence says low
        # acronyms defined only implicitly: "the SCM" and "Security Consultative Meeting" in one article
        explicit = {p[0] for p in self.pairs}
        for acr in self.acronyms:
            # not one paired explicitly, nor one retired ("403rd AFSB" joined 403rd Army Field Support Brigade)
            if acr in explicit or acr not in self.terms:
                continue
            matches = [k for k, words in self.units.items() if acr in X.initials(words)]
            if len(matches) == 1:
                surface = next(iter(self.terms[acr].surfaces))
                long_surface = self.terms[matches[0]].surfaces.most_common(1)[0][0]
                self.pairs.append((acr, matches[0], surface, long_surface))


#: Thanks that a speaker addresses to someone by name (``thank you very much, Jalina.``, ``thank you for that
#: introduction, Katie, and …``).
_THANKS = re.compile(r"\b(?:[Tt]hank\s+you|[Tt]hanks)\b[^.!?]{0,60},\s*$")


def _vocative(sent: str, s: int, e: int) -> bool:
    """The single word at ``sent[s:e]`` is the name a speaker thanks, set off by a comma after the thanks and a
    comma or the sentence's end after it: a given name in a vocative, no place or term."""
    return _THANKS.search(sent, 0, s) is not None and re.match(r"\s*(?:[,.!]|$)", sent[e:]) is not None


#: A single capitalised word is a name candidate only below this general-English frequency (``wordfreq``
#: Zipf, lowercase): "Singapore" (4.4) and "Kabul" are, "Tuesday"-like and "Secretary"-like words are not.
SINGLE_NAME_ZIPF = 4.7


def _single_name(surface: str, zipf: X.ZipfCache) -> bool:
    w = surface.lower()
    if len(w) < 3 or not surface.replace("-", "").isalpha():
        return False
    if w in L.STOPWORDS or w in L.TITLE_HEADS or w in L.NATIONALITY_LOWER or w in L.COUNTRY_CODES:
        return False
    if w in L.MONTHS or w in L.WEEKDAYS:
        return False
    return w in L.STANDALONE_PLACES or zipf(w) < SINGLE_NAME_ZIPF


def _following(toks: list[X.Tok], i: int) -> str:
    """Up to two lowercase words after a unit, skipping a parenthesised acronym.

    "Ulchi Freedom Shield (UFS) exercise".
    """
    if i < len(toks) and toks[i].text == "(":
        j = i
        while j < len(toks) and toks[j].text != ")":
            j += 1
        i = j + 1
    out: list[str] = []
    while i < len(toks) and len(out) < 2 and toks[i].is_word and toks[i].text.islower():
        out.append(toks[i].text)
        i += 1
    return " ".join(out)


def person_key(surface: str) -> str:
    """Key for a person's name: case-, period-, comma- and hyphen-insensitive (``Kim Jong-un`` = ``Kim Jong Un``,
    ``Kim, Seung Kyum`` = ``Kim Seung-kyum``)."""
    s = surface.replace(".", "").replace(",", " ").replace("’", "'")
    s = re.sub(r"[-‐‑]", " ", s)
    return " ".join(s.split()).casefold()


_DUP = re.compile(r"^(?P<x>.{20,}?)\s+(?P=x)$", re.DOTALL)


def extract_article(doc: Article, zipf: X.ZipfCache, *, matcher: Matcher | None = None) -> ArticleTerms:
    """Mine one cleaned article (story paragraphs and the photo captions removed from it).

    With a glossary ``matcher``, the glossary terms in the article that the extractors did not mine
    (country names, single words such as ``readiness``, ``sixth nuclear test``) are added too: the
    terms list then shows what the glossary already covers (status ``known``).
    """
    art = _Article(doc, zipf)
    words = 0
    blocks: list[tuple[int, int, str]] = [(p.index, p.line, p.text) for p in doc.paragraphs]
    for r in doc.removed:
        if r.reason == "photo-caption":
            m = _DUP.match(r.text)
            blocks.append(
                (-1, r.line, re.sub(r"(?<=[A-Za-z])`(?=[A-Za-z])", "'", caption_text(m.group("x") if m else r.text)))
            )
    as_written = list(blocks)  # the glossary is matched on the text as written (its case rules read capitals)
    if in_capitals(p.text for p in doc.paragraphs):  # a cable in capitals: the case English writes it in, first
        acronyms = frozenset(
            f for e in (matcher.entries if matcher is not None else ()) for f in e.en_forms if f.isupper()
        )
        blocks = [(i, line, truecase(text, zipf, acronyms=acronyms)) for i, line, text in blocks]
    for r in doc.removed:
        if r.reason == "byline":
            art.byline(r.text, r.line)
    body_parts: list[str] = []  # the blocks that are no heading: a headline phrase counts when they have it
    listed = topic_index([p.text for p in doc.paragraphs])
    for index, line, text in blocks:
        words += len(text.split())
        deck = is_headline(text) and not text.isupper() and (_deck(text) or index in listed)
        headline = _heading(index, text, deck=deck)
        if not headline:
            body_parts.append(text)
        # a heading in capitals names nothing by its capitals (its names count when the body has them)
        title_case = (index == 0 and _title_case(text)) or (headline and (text.isupper() or deck))
        if index == 0:
            art.headline_document(text, line)
        spans = split_sentences(text)
        for k, (s, e) in enumerate(spans):
            art.sentence(
                text[s:e],
                line,
                title_case=title_case,
                para_start=k == 0,
                para_end=k == len(spans) - 1,
                phrases=not headline,  # a headline is cut for space: its phrases count only if the body has them
            )
    body = " ".join(body_parts).lower()
    for hit in art.headline_phrases:
        if hit[0].lower() in body:
            art._phrase(*hit)
    art.keep_headline_persons(" ".join(body_parts))
    art.finish()
    if matcher is not None:  # a byline's outlet may hold a known name too (CNFK Public Affairs)
        art.glossary_terms(as_written + [(-1, r.line, r.text) for r in doc.removed if r.reason == "byline"], matcher)
    art.exercise_forms(blocks)
    return ArticleTerms(doc.path, doc.name, words, art.terms, art.pairs, art.persons, doc.removed)
