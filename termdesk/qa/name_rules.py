"""The source-name-variant rule: one person spelled two ways in the English source.

Wire copy misspells names (the Korea Herald seed has both ``Song Myoung-moo`` and
``Song Young-moo``); a translator who transliterates the misspelling propagates
it. Reported, once per document and spelling:

* two Korean-style names (``Surname Given-name``) in the run that the mining
  detector calls similar (``termdesk.mine.name_variants.similar_names``: all parts equal
  but one, and that one a near spelling), unless both are glossary forms of people;
* a name (Korean-style, or a two-word Western name with a glossary person's given
  name) similar in the same way to a glossary person's English form but equal to
  none (for a Western name, only one edit away: Christopher Hill is not Christopher
  Miller). Without the glossary spelling in the run this is reported only when the
  differing part is one edit away and the surname is not one of the ten most
  common Korean ones (Kim Yong-chol and Kim Jong-chol are different people).

* an English variant of a glossary person that the entry's note calls a
  misspelling (kept in en_variants only so the matcher finds it: ``Song
  Myoung-moo``), wherever it appears.

The message gives the glossary's Korean when there is one, and whether the
target has it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..glossary import Severity
from ..ko.forms import KoreanText
from ..match import _gc_paused
from .base import Rule, Run
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Entry, Glossary

_KOREAN_STYLE = re.compile(r"\b([A-Z][a-z]{1,6})\s+([A-Z][a-z]+)-([a-z]+)\b")
_WESTERN = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
COMMON_SURNAMES = frozenset({"Kim", "Lee", "Park", "Choi", "Jung", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim"})


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, capped at ``limit`` (enough to tell 1 from 2 from 'far')."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= limit:
            return limit
        prev = cur
    return min(prev[-1], limit)


def similarity(a: str, b: str) -> int:
    """0: the same name; 1: one part one edit apart; 2: similar; 3: different.

    "Similar" is the mining detector's test (``termdesk.mine.name_variants.similar_names``: same
    number of parts, all equal but one, and that one a near spelling), so ``termdesk mine``
    and the QA agree on what a variant spelling is.
    """
    from ..mine.name_variants import name_parts, similar_names

    pa, pb = name_parts(a), name_parts(b)
    if pa == pb:
        return 0
    if not similar_names(pa, pb):
        return 3
    x, y = next((x, y) for x, y in zip(pa, pb, strict=False) if x != y)
    return 1 if edit_distance(x, y) <= 1 else 2


@dataclass(frozen=True)
class NameUse:
    text: str
    surname: str
    given: str
    doc: AnalysedDocument
    seg: AnalysedSegment


def names_in(doc: AnalysedDocument) -> Iterator[NameUse]:
    for seg in doc.segments:
        for m in _KOREAN_STYLE.finditer(seg.segment.source):
            yield NameUse(m.group(0), m.group(1), f"{m.group(2)}-{m.group(3)}", doc, seg)


class _Person(NamedTuple):  # a tuple: 10,000 of them are made per 100,000-entry glossary
    en: str
    ko: str
    surname: str
    given: str
    western: bool
    entry: Entry
    canonical: str  # the entry's en
    misspelling: bool = False  # an en_variant the entry's note calls a misspelling

    @property
    def entry_id(self) -> str:
        return self.entry.id


def _is_misspelling(form: str, entry: Entry) -> bool:
    """An English variant kept only so the matcher finds it: the note says it misspells the name."""
    note = entry.note.casefold()
    return form != entry.en and "misspell" in note and form.casefold() in note


def _people(run: Run) -> list[_Person]:
    return people_index(run.glossary).people


@dataclass
class PeopleIndex:
    """A glossary's people (non-deprecated), indexed once so a run looks up only the names that occur.

    ``near``: for Korean-style forms, the name's parts with one part left out → the people having
    them (a name :func:`similarity` calls 1 or 2 differs from the person in exactly one part,
    so it shares one of these keys). ``by_given``: Western given name → surname length → the
    people (a two-part Western name one edit from ``Given Surname`` has the same given name and
    a surname at most one letter longer or shorter).
    """

    people: list[_Person]
    near: dict[tuple[int, int, tuple[str, ...]], list[int]]
    by_given: dict[str, dict[int, list[int]]]
    by_en: dict[str, _Person]
    owner: dict[str, _Person]
    known: frozenset[str]

    @classmethod
    def build(cls, glossary: Glossary) -> PeopleIndex:
        people: list[_Person] = []
        parts_of: list[tuple[str, ...]] = []  # name_parts of each person's form, from the regex groups
        for e in [e for e in glossary if e.type == "person" and e.status != "deprecated"]:
            for form in (e.en, *e.en_variants) if e.en_variants else (e.en,):
                bad = bool(e.note) and _is_misspelling(form, e)
                m = _KOREAN_STYLE.fullmatch(form)
                if m:
                    people.append(_Person(form, e.ko, m.group(1), f"{m.group(2)}-{m.group(3)}", False, e, e.en, bad))
                    parts_of.append((m.group(1).casefold(), m.group(2).casefold(), m.group(3).casefold()))
                    continue
                w = _WESTERN.fullmatch(form)
                # a Western name is written with a space in Korean (로이드 오스틴); a Korean or Chinese name
                # written unhyphenated in English (Kim Song → 김성, Wang Yi → 왕이) is not "Given Surname"
                if w and " " in e.ko.strip():
                    people.append(_Person(form, e.ko, w.group(2), w.group(1), True, e, e.en, bad))
                    parts_of.append((w.group(1).casefold(), *w.group(2).casefold().split("-")))
        near: dict[tuple[int, int, tuple[str, ...]], list[int]] = {}
        by_given: dict[str, dict[int, list[int]]] = {}
        for i, (p, parts) in enumerate(zip(people, parts_of, strict=True)):
            if p.western:
                if len(parts) == 2:  # a hyphenated surname (three parts) is never one edit from Given Surname
                    by_given.setdefault(p.given, {}).setdefault(len(parts[1]), []).append(i)
                continue
            for j in range(len(parts)):
                near.setdefault((len(parts), j, parts[:j] + parts[j + 1 :]), []).append(i)
        by_en: dict[str, _Person] = {}
        for p in people:
            by_en.setdefault(p.en, p)
        owner = {p.en: p for p in people}  # ids are compared only for the few similar pairs
        known = frozenset(p.en for p in people if not p.misspelling)
        return cls(people, near, by_given, by_en, owner, known)

    def near_korean(self, text: str) -> list[int]:
        """Indices of the Korean-style people whose form differs from ``text`` in at most one part."""
        from ..mine.name_variants import name_parts

        parts = name_parts(text)
        out: set[int] = set()
        for j in range(len(parts)):
            out.update(self.near.get((len(parts), j, parts[:j] + parts[j + 1 :]), ()))
        return sorted(out)


_PEOPLE: weakref.WeakKeyDictionary[Glossary, PeopleIndex] = weakref.WeakKeyDictionary()


def people_index(glossary: Glossary) -> PeopleIndex:
    """The (cached) :class:`PeopleIndex` of ``glossary``."""
    index = _PEOPLE.get(glossary)
    if index is None:
        with _gc_paused():  # many small acyclic objects on a large heap: the collector finds nothing
            index = _PEOPLE[glossary] = PeopleIndex.build(glossary)
    return index


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _given_pattern(given: str) -> re.Pattern[str]:
    """A Western given name followed by a capitalised surname of four letters or more."""
    return re.compile(rf"\b{re.escape(given)}\s+([A-Z][a-z]{{3,}})\b")


class SourceNameVariant(Rule):
    id = "source-name-variant"
    severity = Severity.WARNING
    summary = (
        "A person spelled two ways in the source (Song Myoung-moo / Song Young-moo), or a spelling near a "
        "glossary person's: check which is right and do not transliterate the misspelling."
    )
    examples = (
        RuleExample(
            "Defense Minister Song Myoung-moo met him.\n\nDefense Minister Song Young-moo spoke.",
            "송영무 국방부 장관이 그를 만났다.\n\n송영무 국방부 장관이 말했다.",
            True,
            "two spellings in one article",
        ),
        RuleExample("Defense Minister Song Young-moo spoke.", "송영무 국방부 장관이 말했다.", False),
        RuleExample(
            "Defense Minister Song Myoung-moo spoke.",
            "송영무 국방부 장관이 말했다.",
            True,
            "a misspelling the glossary note names",
        ),
        RuleExample(
            "Kim Jong-un met Kim Jong-il's widow.", "김정은은 김정일의 미망인을 만났다.", False, "two glossary people"
        ),
        RuleExample("Ashton Cartor arrived.", "애슈턴 카터가 도착했다.", True, "near a glossary person"),
        RuleExample("Ashton Carson arrived.", "애슈턴 카슨이 도착했다.", False, "another person: more than one edit"),
        RuleExample(
            "Minister Kim Yong-hyun spoke.",
            "김용현 장관이 말했다.",
            False,
            "an unhyphenated Korean glossary name (Kim Song, 김성) is not 'Given Surname'",
        ),
        RuleExample(
            "Kim Jong-eun spoke.", "김정은이 말했다.", False, "common surname, glossary spelling not in the run"
        ),
        RuleExample(
            "Kim Jong-un spoke.\n\nKim Jong-eun left.",
            "김정은이 말했다.\n\n김정은이 떠났다.",
            True,
            "both spellings in the run",
        ),
    )

    def check(self, run: Run) -> Iterator[Finding]:
        index = people_index(run.glossary)
        people = index.people
        owner = index.owner
        known = index.known
        uses = [u for d in run.documents for u in names_in(d)]
        reported: set[tuple[str, str]] = set()
        spellings_in_run = {u.text for u in uses}
        uses_of: dict[str, list[NameUse]] = {}
        for u in uses:
            uses_of.setdefault(u.text, []).append(u)
        # 0. a spelling the glossary itself calls a misspelling
        for p in (p for p in people if p.misspelling):
            for u in uses_of.get(p.en, ()):
                key = (u.doc.document.name, u.text)
                if key not in reported:
                    reported.add(key)
                    yield self._finding(u, p.canonical, p.ko, "the glossary has")
        # 1. two spellings in the run
        texts = list(uses_of)
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                if similarity(a, b) in (0, 3):
                    continue
                if a in owner and b in owner and owner[a].entry_id != owner[b].entry_id:
                    continue  # two different people in the glossary (Kim Jong-un, Kim Jong-il)
                wrong, right = (a, b) if b in known else (b, a)
                for u in uses_of[wrong]:
                    key = (u.doc.document.name, u.text)
                    if key not in reported:
                        reported.add(key)
                        right_person = index.by_en.get(right)
                        yield self._finding(u, right, right_person.ko if right_person else "", "elsewhere")
        # 2. near a glossary person: only the people indexed under a name that occurs (in glossary order)
        near: dict[int, list[int]] = {}  # person index → indices into uses
        for k, u in enumerate(uses):
            if u.text in known:
                continue
            for i in index.near_korean(u.text):
                near.setdefault(i, []).append(k)
        western: dict[int, list[tuple[AnalysedDocument, AnalysedSegment, re.Match[str]]]] = {}
        if index.by_given:
            for doc in run.documents:
                for seg in doc.segments:
                    for word in dict.fromkeys(_WORD.findall(seg.segment.source)):
                        lengths = index.by_given.get(word)
                        if lengths is None:
                            continue
                        for m in _given_pattern(word).finditer(seg.segment.source):
                            n = len(m.group(1))
                            for i in (*lengths.get(n - 1, ()), *lengths.get(n, ()), *lengths.get(n + 1, ())):
                                western.setdefault(i, []).append((doc, seg, m))
        for i in sorted({*near, *western}):
            p = people[i]
            if p.western:
                # one given name per person: its matches are in document, segment, offset order
                yield from self._near_western(western[i], p, known, reported)
                continue
            for u in (uses[k] for k in near[i]):
                d = similarity(u.text, p.en)
                if d in (0, 3):
                    continue
                if p.en not in spellings_in_run and (d > 1 or u.surname in COMMON_SURNAMES):
                    continue
                key = (u.doc.document.name, u.text)
                if key not in reported:
                    reported.add(key)
                    yield self._finding(u, p.en, p.ko, "the glossary has")

    def _near_western(
        self,
        matches: list[tuple[AnalysedDocument, AnalysedSegment, re.Match[str]]],
        p: _Person,
        known: frozenset[str],
        reported: set[tuple[str, str]],
    ) -> Iterator[Finding]:
        for doc, seg, m in matches:
            text = m.group(0)
            if text in known or similarity(text, p.en) != 1:  # Hill ≠ Miller: one edit only
                continue
            key = (doc.document.name, text)
            if key not in reported:
                reported.add(key)
                yield self._finding(NameUse(text, m.group(1), p.given, doc, seg), p.en, p.ko, "the glossary has")

    def _finding(self, use: NameUse, right: str, ko: str, basis: str) -> Finding:
        if ko:
            has = KoreanText(use.seg.segment.target).contains(ko)
            tail = f"render {ko}" + (" (the target has it)" if has else " — the target does not have it")
        else:
            tail = "check which spelling is right before transliterating"
        return self.finding(
            use.doc,
            use.seg.segment.index,
            f"source spells '{use.text}', {basis} '{right}': {tail}",
            use.text,
        )
