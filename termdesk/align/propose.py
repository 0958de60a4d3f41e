"""Korean equivalents for mined candidates: glossary first, then parallel text, then MT.

:class:`Proposer` holds what every candidate needs — the glossary (its matcher
and a word lexicon), the aligned article pairs — and :meth:`Proposer.propose`
turns one :class:`~termdesk.align.candidates.Candidate` into a :class:`Result`:
ranked :class:`Proposal` values, each with a score in 0–1 and its evidence.

1. **Glossary.** A candidate the glossary already covers — exact form, variant,
   inflected (plural, possessive), composed (``Defense Minister Song Young-moo``
   → ``송영무 국방부 장관``) or an acronym of an entry (``EDSCG`` → the
   Extended Deterrence Strategy and Consultation Group entry, and the reverse) —
   gets that rendering and nothing else.
2. **Parallel text.** For every English sentence where the term occurs, the
   Korean sentence(s) aligned with it give candidate phrases
   (:mod:`termdesk.ko.phrases`). Each phrase is scored by how consistently it co-occurs
   with the term (share of occurrences, Dice against its frequency in all
   Korean sentences) and, in each sentence, by what explains it: Korean of
   the term's own words inside the phrase (glossary entries and the word
   lexicon, :mod:`.lexicon`) counts for it; Korean of the *other* English words
   and terms of the sentence counts against it; a bracketed gloss with the
   term or its acronym right after it (``확장억제전략협의체(EDSCG)``), a
   known title right after a name (``류제승 국방부 국방정책실장``), matching
   Latin tokens and digits (``KF-21``), a length prior and the position in the
   sentence break ties. Names: Korean names must be spelt compatibly
   (:func:`~termdesk.ko.romanize.name_score`); foreign names and loanwords
   are compared by transliteration, and a foreign surname the glossary already
   renders must agree.
3. **Machine translation** of the term and of one context, when a backend is
   given, marked ``mt`` and always scored below attested evidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..glossary import Entry, Glossary, form_key
from ..ko.hangul import has_hangul, is_syllable
from ..ko.phrases import Span, phrases, words
from ..ko.romanize import korean_name_shape, name_score, romanize, translit_similarity
from .bitext import Bitext, align_sentences, latin_tokens, numbers_of
from .candidates import Candidate, context_sentence
from .lexicon import CORE_PAIRS, EN_STOPWORDS, Lexicon, Unit, derive, en_tokens

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Match, Matcher
    from ..mt.base import Translator

__all__ = ["Occurrence", "Proposal", "Proposer", "Result", "Source", "acronym_of", "acronyms_of"]


class Source(str, Enum):
    """Where a proposal comes from."""

    GLOSSARY = "glossary"
    PARALLEL = "parallel"
    MT = "mt"


@dataclass(frozen=True)
class Proposal:
    """One Korean equivalent with its score (0–1) and a one-line account of the evidence."""

    ko: str
    score: float
    source: str
    evidence: str


@dataclass(frozen=True)
class Occurrence:
    """The term in English sentence ``sentence`` of article pair ``pair`` at [start, end)."""

    pair: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Result:
    """What the proposals file says about one candidate.

    ``row`` is the glossary-shaped row (``ko`` is the best proposal's, status
    proposed); ``covered`` names how the glossary already covers it (``exact``,
    ``variant``, ``inflected``, ``composed``, ``acronym``) or is empty.
    """

    candidate: Candidate
    row: Entry
    proposals: tuple[Proposal, ...]
    covered: str = ""
    entry_ids: tuple[str, ...] = ()
    occurrences: int = 0

    @property
    def best(self) -> Proposal | None:
        return self.proposals[0] if self.proposals else None


# --------------------------------------------------------------------------- helpers

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}s?$")
_SMALL = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "a", "an", "&"})


def acronym_of(form: str) -> str:
    """Initials of a multi-word form, small words skipped: ``Extended Deterrence Strategy and Consultation Group`` → ``EDSCG``."""
    words = [w for w in re.split(r"[\s\-/]+", form) if w and w.lower() not in _SMALL]
    if len(words) < 2:
        return ""
    return "".join(w[0].upper() for w in words if w[0].isalnum())


def acronyms_of(form: str) -> frozenset[str]:
    """Every plausible acronym of a form: a hyphenated word gives the initial of each part or of its first
    part only (``Korea-U.S. Integrated Defense Dialogue`` → KUSIDD, KIDD …)."""
    words = [w for w in form.split() if w and w.lower() not in _SMALL]
    if len(words) < 2 and not (words and "-" in words[0]):
        return frozenset()
    options: list[list[str]] = []
    for w in words:
        parts = [p for p in re.split(r"[-/]", w) if p and p.lower() not in _SMALL]
        letters = ["".join(c for c in p if c.isalnum()) for p in parts]
        letters = [x for x in letters if x]
        if not letters:
            continue
        each = "".join(
            x[0].upper() + ("".join(c for c in x[1:] if c.isupper()) if x.isupper() else "") for x in letters
        )
        options.append(sorted({letters[0][0].upper(), each, "".join(x[0].upper() for x in letters)}))
    out = {""}
    for opts in options:
        out = {a + o for a in out for o in opts}
        if len(out) > 64:
            break
    return frozenset(a for a in out if len(a) >= 2)


def _is_acronym(form: str) -> bool:
    return bool(_ACRONYM.match(form)) and sum(c.isupper() for c in form) >= 2


def _syllables(text: str) -> int:
    """Hangul syllables, a run of Latin letters/digits counting as one."""
    n, latin = 0, False
    for ch in text:
        if is_syllable(ch):
            n, latin = n + 1, False
        elif ch.isalnum():
            n, latin = n + (0 if latin else 1), True
        else:
            latin = False
    return n


def _digits(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+", text))


def _term_regex(forms: Iterable[str], *, case_sensitive: bool, plural: bool) -> re.Pattern[str] | None:
    alts = []
    for form in sorted(set(forms), key=len, reverse=True):
        toks = [t for t in re.split(r"[\s\-‐‑–]+", form.strip()) if t]
        if not toks:
            continue
        parts = [re.escape(t).replace(r"\.", r"\.?").replace("'", "['’]").replace("’", "['’]") for t in toks]
        alts.append(r"[\s\-‐‑–]+".join(parts))
    if not alts:
        return None
    suffix = r"(?:(?:e?s)?(?:['’]s?)?)" if plural else r"(?:['’]s)?"
    body = "|".join(alts)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{body}){suffix}(?![A-Za-z0-9])", 0 if case_sensitive else re.IGNORECASE)


def _ko_locations(sentence: str, forms: Sequence[str], *, inside_words: bool = False) -> list[tuple[int, int]]:
    """Where any of ``forms`` occurs in a Korean sentence.

    One-syllable forms (미, 군, 핵) count only as a whole word, unless
    ``inside_words``: then anywhere (used for the term's own words, where a
    Sino-Korean morpheme inside a compound is expected: 주한미군 ⊃ 미, 군).
    """
    out: list[tuple[int, int]] = []
    for form in forms:
        if not form:
            continue
        if _syllables(form) <= 1 and len(form) <= 2 and not inside_words:
            for w in words(sentence):
                if w.stem == form or w.text == form:
                    out.append((w.start, w.start + len(form)))
            continue
        for f in {form, form.replace(" ", "")}:
            at = sentence.find(f)
            while at >= 0:
                out.append((at, at + len(f)))
                at = sentence.find(f, at + 1)
    return out


_UNIT_WEIGHT = {"glossary": 1.0, "claim": 1.0, "core": 0.7, "glossary-word": 0.7}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _explain(
    sentence: str, inside: Sequence[Unit], outside: Sequence[Unit]
) -> tuple[list[tuple[float, list[tuple[int, int]]]], list[bool], list[bool], frozenset[int]]:
    """Which characters of Korean text the term's words and the sentence's other words account for.

    Returns (weighted locations of each inside unit found, out mask, in mask,
    indices of the inside units found). A Korean form wanted by an inside and an
    outside unit, with fewer places in the text than units wanting it, goes to
    the unit with the longer English (``South Korea`` beats the ``Korea`` of
    ``U.S. Forces Korea`` for the one 한국); with enough places, the term keeps it.
    """
    n = len(sentence)
    in_claims: list[tuple[int, list[tuple[int, int]]]] = []
    out_claims: list[tuple[int, list[tuple[int, int]]]] = []
    for u in inside:
        locs = _ko_locations(sentence, u.ko, inside_words=True)
        if locs:
            in_claims.append((u.end - u.start, locs))
    for u in outside:
        locs = _ko_locations(sentence, u.ko)
        if locs:
            out_claims.append((u.end - u.start, locs))
    in_mask = [False] * n
    out_mask = [False] * n
    for _, locs in out_claims:
        for a, b in locs:
            for i in range(a, b):
                out_mask[i] = True
    for length, locs in in_claims:
        for a, b in locs:
            rivals = [ln for ln, ol in out_claims if any(oa < b and a < ob for oa, ob in ol)]
            contested = rivals and len(locs) < 1 + len(rivals) and max(rivals) > length
            if contested:
                continue
            for i in range(a, b):
                in_mask[i] = True
                out_mask[i] = False
    in_locs: list[tuple[float, list[tuple[int, int]]]] = []
    found: set[int] = set()
    for i, u in enumerate(inside):
        locs = [(a, b) for a, b in _ko_locations(sentence, u.ko, inside_words=True) if any(in_mask[a:b])]
        if locs:
            in_locs.append((_unit_weight(u), locs))
            found.add(i)
    return in_locs, out_mask, in_mask, frozenset(found)


def _explain_sentences(
    sentences: Sequence[str], inside: Sequence[Unit], outside: Sequence[Unit]
) -> list[tuple[list[tuple[float, list[tuple[int, int]]]], list[bool], list[bool], frozenset[int]]]:
    """:func:`_explain` over several sentences taken as one text, split back per sentence."""
    joint = "\n".join(sentences)
    in_locs, out_mask, in_mask, _ = _explain(joint, inside, outside)
    out = []
    pos = 0
    for s in sentences:
        end = pos + len(s)
        locs_here = []
        found: set[int] = set()
        for w, locs in in_locs:
            mine = [(a - pos, b - pos) for a, b in locs if pos <= a and b <= end]
            if mine:
                locs_here.append((w, mine))
        for i, u in enumerate(inside):
            if any(in_mask[a:b] for a, b in _ko_locations(s, u.ko, inside_words=True) for a, b in [(a + pos, b + pos)]):
                found.add(i)
        out.append((locs_here, out_mask[pos:end], in_mask[pos:end], frozenset(found)))
        pos = end + 1
    return out


def _all_known(sentence: str, occ: Occurrence, inside: Sequence[Unit]) -> bool:
    """Whether every content word of the term's span is inside some unit (so extra Korean is unexplained)."""
    for a, b, key in en_tokens(sentence[occ.start : occ.end]):
        if key in EN_STOPWORDS:
            continue
        if not any(u.start <= occ.start + a and occ.start + b <= u.end for u in inside):
            return False
    return True


def _unit_weight(u: Unit) -> float:
    w = _UNIT_WEIGHT.get(u.source, 0.7)
    return w * 0.5 if all(_syllables(k) <= 1 for k in u.ko if has_hangul(k)) else w


def _present_weight(inside: Sequence[Unit], found: Sequence[frozenset[int]]) -> float:
    """Total weight of the inside units whose Korean appears in any of the sentences considered."""
    idx = frozenset().union(*found) if found else frozenset()
    return sum(_unit_weight(inside[i]) for i in idx)


# --------------------------------------------------------------------------- scoring records


@dataclass
class _Acc:
    """Evidence for one Korean phrase across the term's occurrences."""

    hits: float = 0.0
    aligned: int = 0
    local: float = 0.0
    where: list[str] = field(default_factory=list)
    gloss: bool = False
    title: bool = False
    covered_in: float = 0.0
    explained_out: float = 0.0
    mt: bool = False


@dataclass(frozen=True)
class _Term:
    forms: tuple[str, ...]
    type: str
    person: bool
    korean_name: bool
    acronyms: frozenset[str]
    latin: frozenset[str]
    digits: frozenset[str]
    content_words: int
    all_latin: bool
    name_tokens: tuple[str, ...]


class Proposer:
    """Proposes Korean equivalents from a glossary and aligned article pairs.

    ``hidden``: entry ids left out of the glossary (the benchmark hides the
    terms it evaluates). ``translator``: an MT backend (``translate_batch``),
    used for a marked, low-scored proposal.
    """

    def __init__(
        self,
        glossary: Glossary | Iterable[Entry],
        bitexts: Sequence[Bitext] = (),
        *,
        translator: Translator | None = None,
        hidden: Iterable[str] = (),
        align: bool = True,
    ) -> None:
        from ..match import Matcher

        hide = frozenset(hidden)
        entries = [e for e in glossary if e.id not in hide and e.status != "deprecated"]
        self.glossary = Glossary(entries)
        self.matcher: Matcher = Matcher.from_glossary(self.glossary, statuses=("approved", "proposed"))
        self.lexicon = Lexicon([*CORE_PAIRS, *derive(entries)])
        self.translator = translator
        self._units: dict[tuple[int, int], list[Unit]] = {}
        self._claims: dict[tuple[int, int], list[Unit]] = defaultdict(list)
        self._df: Counter[str] | None = None
        self._name_tokens = self._foreign_name_tokens(entries)
        self._by_acronym: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            for a in {a for form in e.en_forms if not _is_acronym(form) for a in acronyms_of(form)}:
                self._by_acronym[a].append(e)
        self.bitexts: list[Bitext] = [self.align(b) if align and not b.beads else b for b in bitexts]

    # ------------------------------------------------------------------ units and alignment

    def units(self, sentence: str) -> list[Unit]:
        """Glossary terms (with their Korean) and lexicon words in an English sentence."""
        out: list[Unit] = []
        taken: list[tuple[int, int]] = []
        for m in self.matcher.find(sentence):
            parts = m.composed_of or (m,)
            for p in parts:
                if p.entry is None:
                    continue
                kos = tuple(dict.fromkeys((p.entry.ko, *p.entry.ko_variants)))
                out.append(Unit(p.start, p.end, p.entry.id, kos, "glossary"))
                taken.append((p.start, p.end))
        for u in self.lexicon.units(sentence):
            if any(s <= u.start and u.end <= e for s, e in taken):
                continue
            out.append(u)
        return out

    def _sentence_units(self, pair: int, index: int) -> list[Unit]:
        key = (pair, index)
        if key not in self._units:
            self._units[key] = self.units(self.bitexts[pair].en[index])
        return self._units[key] + self._claims.get(key, [])

    def align(self, bitext: Bitext) -> Bitext:
        """The pair with its sentence alignment (anchors: numbers, Latin tokens, glossary/lexicon Korean)."""
        en_units = [self.units(s) for s in bitext.en]
        forms: dict[str, tuple[str, ...]] = {}
        for us in en_units:
            for u in us:
                if u.source == "glossary" or any(_syllables(k) >= 2 for k in u.ko):
                    forms.setdefault(u.key, tuple(k for k in u.ko if _syllables(k) >= 2 or u.source == "glossary"))
        en_keys = []
        for s, us in zip(bitext.en, en_units):
            keys = {f"n:{x}" for x in numbers_of(s)} | {f"l:{x}" for x in latin_tokens(s)}
            keys.update(f"u:{u.key}" for u in us if u.key in forms)
            en_keys.append(keys)
        ko_keys = []
        for s in bitext.ko:
            keys = {f"n:{x}" for x in numbers_of(s, korean=True)} | {f"l:{x}" for x in latin_tokens(s)}
            keys.update(f"u:{k}" for k, fs in forms.items() if fs and _ko_locations(s, fs))
            ko_keys.append(keys)
        # keys in most sentences of either side do not tell sentences apart
        counts = Counter(k for ks in en_keys for k in ks) + Counter(k for ks in ko_keys for k in ks)
        limit = max(3, (len(bitext.en) + len(bitext.ko)) * 0.4)
        common = {k for k, c in counts.items() if c > limit}
        beads = align_sentences(
            bitext.en,
            bitext.ko,
            en_anchors=[frozenset(k - common) for k in en_keys],
            ko_anchors=[frozenset(k - common) for k in ko_keys],
        )
        return bitext.with_beads(beads)

    def _ko_df(self) -> Counter[str]:
        if self._df is None:
            df: Counter[str] = Counter()
            for b in self.bitexts:
                for s in b.ko:
                    df.update(phrases(s).keys())
            self._df = df
        return self._df

    # ------------------------------------------------------------------ glossary resolution

    def resolve(self, cand: Candidate) -> tuple[str, Entry | None, Match | None, str]:
        """(how, entry, match, evidence) when the glossary covers the candidate, else ('', None, None, '')."""
        g = self.glossary
        if cand.entry_id:
            e = g.get(cand.entry_id)
            if e is not None:
                how = "exact" if form_key(cand.canonical) == e.form_keys[0] else "variant"
                return how, e, None, f"glossary {how}: {e.id} ({_at(e)})"
        for form in cand.forms:
            hits = g.lookup(form)
            if hits:
                e = hits[0]
                how = "exact" if form_key(form) == e.form_keys[0] else "variant"
                return how, e, None, f"glossary {how}: {form!r} is a form of {e.id} ({_at(e)})"
        for form in cand.forms:
            ms = self.matcher.find(form)
            if len(ms) == 1 and ms[0].start == 0 and ms[0].end >= len(form.rstrip(".")) - 0:
                m = ms[0]
                if m.composed_of:
                    parts = " + ".join(p.entry_id for p in m.composed_of)
                    return "composed", m.entry, m, f"glossary composed: {parts} → {m.ko}"
                if m.entry is not None:
                    flags = f" ({', '.join(m.flags)})" if m.flags else ""
                    return (
                        "inflected",
                        m.entry,
                        m,
                        f"glossary inflected{flags}: {form!r} → {m.entry.id} ({_at(m.entry)})",
                    )
        expanded = any(not _is_acronym(f) for f in cand.forms)  # a candidate with its own expansion is that body
        for form in cand.forms:
            if _is_acronym(form) and not expanded:
                key = form.rstrip("s") if form.endswith("s") and form[:-1].isupper() else form
                hits = [e for e in self._by_acronym.get(key, []) if e.type not in ("person",)]
                if len(hits) == 1:
                    e = hits[0]
                    return "acronym", e, None, f"glossary acronym: {form} = initials of {e.en!r} ({e.id}, {_at(e)})"
            else:
                for a in sorted(acronyms_of(form), key=len):
                    if len(a) < 3:
                        continue
                    # only an entry known by the acronym alone: one with its own expansion is another body
                    hits = [
                        e
                        for e in g.lookup(a)
                        if any(f == a for f in e.en_forms) and all(_is_acronym(f) for f in e.en_forms)
                    ]
                    if len(hits) == 1:
                        e = hits[0]
                        return "acronym", e, None, f"glossary acronym: initials {a} are a form of {e.id} ({_at(e)})"
        return "", None, None, ""

    # ------------------------------------------------------------------ occurrences

    def occurrences(self, cand: Candidate) -> list[Occurrence]:
        """Where the candidate's forms occur in the English sentences of the pairs.

        The canonical form's matches come first; a variant's match is kept only
        where it does not overlap one (``F-5 fighters`` counts as ``F-5`` there).
        """
        person = cand.type in ("person",)
        groups = [[cand.canonical], [f for f in cand.forms[1:]]]
        pats: list[re.Pattern[str]] = []
        for forms in groups:
            acr = [f for f in forms if _is_acronym(f)]
            rest = [f for f in forms if not _is_acronym(f)]
            for fs, cs in ((rest, person), (acr, True)):
                if fs:
                    p = _term_regex(fs, case_sensitive=cs, plural=not person)
                    if p is not None:
                        pats.append(p)
        out: list[Occurrence] = []
        for bi, b in enumerate(self.bitexts):
            for si, s in enumerate(b.en):
                spans: list[tuple[int, int]] = []
                for pat in pats:
                    for m in pat.finditer(s):
                        if not any(a < m.end() and m.start() < e for a, e in spans):
                            spans.append((m.start(), m.end()))
                for a, e in sorted(spans):
                    out.append(Occurrence(bi, si, a, e))
        return out

    # ------------------------------------------------------------------ the term

    def _term(self, cand: Candidate) -> _Term:
        forms = cand.forms
        person = cand.type == "person"
        acronyms = {f.upper() for f in forms if _is_acronym(f)}
        acronyms.update(a for f in forms if (a := acronym_of(f)) and len(a) >= 2)
        latin: set[str] = set()
        for f in forms:
            latin.update(latin_tokens(f))
        digits = frozenset().union(*(_digits(f) for f in forms))
        words = [key for _, _, key in en_tokens(cand.canonical) if key not in EN_STOPWORDS]
        all_latin = all(_is_acronym(t) or any(c.isdigit() for c in t) for t in cand.canonical.split())
        name_tokens = tuple(t for t in re.findall(r"[A-Za-z]+", cand.canonical) if len(t) > 1 and not t.endswith("."))
        return _Term(
            forms=forms,
            type=cand.type,
            person=person,
            korean_name=person and korean_name_shape(cand.canonical),
            acronyms=frozenset(acronyms),
            latin=frozenset(latin),
            digits=digits,
            content_words=max(1, len(words)),
            all_latin=all_latin,
            name_tokens=name_tokens,
        )

    @staticmethod
    def _foreign_name_tokens(entries: Iterable[Entry]) -> dict[str, set[str]]:
        """English name token → Korean renderings, from people whose names have as many words on both sides."""
        out: dict[str, set[str]] = defaultdict(set)
        for e in entries:
            if e.type != "person":
                continue
            for form in e.en_forms:
                en = [t for t in form.replace(",", " ").split() if not re.fullmatch(r"[A-Z]\.|Jr\.?|Sr\.?|I{2,3}", t)]
                for ko in e.ko_forms:
                    parts = ko.split()
                    if len(parts) == len(en) and len(parts) >= 2:
                        for a, b in zip(en, parts):
                            out[a.lower()].add(b)
        return out

    @staticmethod
    def _strong_name(t: _Term, text: str) -> bool:
        """A Korean name spelt compatibly, or a foreign name that transliterates well."""
        if t.korean_name:
            return max((name_score(f, text.replace(" ", "")) for f in t.forms), default=0.0) >= 0.95
        return max((translit_similarity(f, text) for f in t.forms), default=0.0) >= 0.75

    def _allowed(self, t: _Term, text: str, span: Span) -> bool:
        hangul = has_hangul(text)
        if t.person:
            if not hangul or span.light_verb or span.number or (span.part and t.korean_name):
                return False
            if any(not (is_syllable(c) or c == " ") for c in text):
                return False
            if t.korean_name:
                return 2 <= len(text.replace(" ", "")) <= 4 and span.words <= 2
            return span.words <= 3
        if not hangul and not t.all_latin and not t.digits:
            return False
        return True

    def _local(
        self,
        t: _Term,
        sentence: str,
        span: Span,
        inside: Sequence[tuple[float, list[tuple[int, int]]]],
        present: float,
        out_mask: Sequence[bool],
        in_mask: Sequence[bool],
        shift: float,
        titles: Sequence[tuple[str, ...]],
        known: bool,
    ) -> tuple[float, dict[str, Any]]:
        """Score of one occurrence of a phrase in one aligned Korean sentence."""
        feats: dict[str, Any] = {}
        score = 0.0
        chars = [i for i in range(span.start, span.end) if not sentence[i].isspace()]
        if present:
            got = sum(w for w, locs in inside if any(span.start <= a and b <= span.end for a, b in locs))
            cov = min(1.0, got / present)
            score += 1.6 * cov - 0.6
            feats["in"] = cov
            if cov >= 0.99 and chars and known:
                extra = sum(1 for i in chars if not in_mask[i]) / len(chars)
                score -= 1.0 * extra
        if chars:
            out = sum(1 for i in chars if out_mask[i]) / len(chars)
            score -= 1.5 * out
            feats["out"] = out
        if span.gloss_after:
            g = {x.upper().replace(" ", "") for x in span.gloss_after}
            forms = {f.upper().replace(" ", "") for f in t.forms} | t.acronyms
            if g & forms:
                score += 0.8
                feats["gloss"] = True
            elif any(a and x.endswith(a) for x in g for a in t.acronyms if len(a) >= 3):
                score += 0.4
                feats["gloss"] = True
        if titles and any(span.followed_by.lstrip().startswith(k) for ks in titles for k in ks):
            score += 0.6
            feats["title"] = True
        if span.raw:
            score -= 0.3
        if span.part:
            score -= 0.2
        if span.light_verb:
            score -= 0.3
        if span.inner_particle:
            score -= 0.35
        if span.adnominal:
            score -= 0.1
        if span.number and not t.digits:
            score -= 0.5
        score -= 0.3 * shift  # relative position in the sentence(s): a weak prior
        return score, feats

    def _global(self, t: _Term, text: str) -> tuple[float, list[str]]:
        """Features of a phrase that do not depend on the sentence: names, transliteration, Latin, length."""
        notes: list[str] = []
        score = 0.0
        hangul_only = text.replace(" ", "")
        if t.person:
            if t.korean_name:
                ns = max((name_score(f, hangul_only) for f in t.forms), default=0.0)
                if ns >= 0.95:
                    score += 1.6
                    notes.append(f"romanisation {romanize(text, sep='-')} ~ {t.forms[0]}")
                else:
                    score -= 1.0 - ns
            else:
                ts = max((translit_similarity(f, text) for f in t.forms), default=0.0)
                score += 1.6 * ts - 0.5
                if ts >= 0.6:
                    notes.append(f"transliteration {ts:.2f}")
                parts = text.split()
                for tok in t.name_tokens:
                    known = self._name_tokens.get(tok.lower())
                    if not known:
                        continue
                    if any(k in parts for k in known):
                        score += 0.4
                        notes.append(f"glossary spells {tok} {'/'.join(sorted(known))}")
                    elif parts and len(parts) >= len(t.name_tokens):
                        score -= 0.4
        else:
            proper = any(w[:1].isupper() for w in t.forms[0].split() if w.lower() not in _SMALL) and not t.all_latin
            if (
                proper
                and has_hangul(text)
                and any(name_score(f, hangul_only) >= 0.95 for f in t.forms if not _is_acronym(f))
            ):
                score += 1.2  # a Korean name read in Hangul: Pyongyang ~ 평양, Rodong Sinmun ~ 노동신문
                notes.append(f"romanisation {romanize(text, sep='-')} ~ {t.forms[0]}")
            weight = 1.5 if t.type == "place" and proper else 0.8 if proper else 0.35
            if has_hangul(text) and t.type not in ("title",):
                ts = max((translit_similarity(f, text) for f in t.forms), default=0.0)
                if ts >= 0.7:
                    score += weight * ts
                    notes.append(f"transliteration {ts:.2f}")
        cand_latin = latin_tokens(text)
        if cand_latin:
            if cand_latin <= t.latin or cand_latin & t.latin:
                score += 0.5
            else:
                score -= 0.5 * len(cand_latin - t.latin)
        if t.digits:
            d = _digits(text)
            if t.digits <= d:
                score += 0.6
            elif not d:
                score -= 0.6
        if not has_hangul(text) and not t.digits and not t.all_latin:
            score -= 0.8
        if not has_hangul(text) and t.all_latin and not t.digits:
            score -= 0.3  # an acronym: Korean copy usually names the body in Korean (SCM → 한미안보협의회의)
        # length prior: about two syllables per English content word
        if not t.person:
            expected = 2.0 * t.content_words
            if t.all_latin and t.acronyms and not t.digits:
                kept = bool(cand_latin & t.latin)  # the acronym kept in Latin script (BBC, AP통신)
                expected = 2.0 if kept else 2.5 * len(min(t.acronyms, key=len))
            if t.digits:
                expected = max(1.0, float(len(t.forms[0].split())))
            syl = max(1, _syllables(text))
            score -= 0.35 * abs(math.log(syl / expected))
        return score, notes

    # ------------------------------------------------------------------ parallel text

    def parallel(
        self, cand: Candidate, occs: Sequence[Occurrence] | None = None
    ) -> tuple[list[tuple[str, float, float, str]], int]:
        """Ranked (ko, raw score, score 0–1, evidence) from the aligned pairs, and the aligned occurrences used."""
        t = self._term(cand)
        occs = self.occurrences(cand) if occs is None else occs
        acc: dict[str, _Acc] = defaultdict(_Acc)
        n = 0
        used_files: list[str] = []
        for occ in occs:
            b = self.bitexts[occ.pair]
            ko_idx = b.ko_for(occ.sentence)
            if not ko_idx:
                continue
            n += 1
            en_s = b.en[occ.sentence]
            own = f"claim:{cand.canonical}"
            units = [u for u in self._sentence_units(occ.pair, occ.sentence) if u.key != own]
            inside = [u for u in units if occ.start <= u.start and u.end <= occ.end]
            outside = [u for u in units if u.end <= occ.start or u.start >= occ.end]
            titles = [
                u.ko
                for u in outside
                if u.key.startswith("title:") and (0 <= occ.start - u.end <= 3 or 0 <= u.start - occ.end <= 4)
            ]
            rel_en = (occ.start + occ.end) / 2 / max(1, len(en_s))
            # the aligned sentences (weight 1), their neighbours (a misaligned rewrite: 0.4),
            # the rest of the article (only for a gloss or a name: 0.6)
            near = [k for k in (ko_idx[0] - 1, ko_idx[-1] + 1) if 0 <= k < len(b.ko)]
            rest = [k for k in range(len(b.ko)) if k not in ko_idx and k not in near]
            explained = _explain_sentences([b.ko[k] for k in (*ko_idx, *near)], inside, outside)
            explained = dict(zip((*ko_idx, *near), explained))
            present = _present_weight(inside, [explained[k][3] for k in explained])
            known = _all_known(en_s, occ, inside)
            total = sum(len(b.ko[k]) for k in ko_idx) or 1
            offset = 0
            best: dict[str, tuple[float, float, dict[str, Any]]] = {}
            for k in (*ko_idx, *near, *rest):
                ks = b.ko[k]
                weight = 1.0 if k in ko_idx else 0.4 if k in near else 0.6
                if k in explained:
                    in_locs, out_mask, in_mask, _ = explained[k]
                else:
                    in_locs, out_mask, in_mask = [], [False] * len(ks), [False] * len(ks)
                for text, spans in phrases(ks).items():
                    if not self._allowed(t, text, spans[0]):
                        continue
                    for sp in spans:
                        if k in ko_idx:
                            rel_ko = (offset + (sp.start + sp.end) / 2) / total
                            shift = abs(rel_ko - rel_en)
                        else:
                            shift = 0.5
                        local, feats = self._local(t, ks, sp, in_locs, present, out_mask, in_mask, shift, titles, known)
                        if weight == 0.6 and not (feats.get("gloss") or (t.person and self._strong_name(t, text))):
                            continue
                        cur = best.get(text)
                        if cur is None or (weight, local) > (cur[0], cur[1]):
                            best[text] = (weight, local, feats)
                if k in ko_idx:
                    offset += len(ks)
            where = f"{b.name}:{occ.sentence + 1}"
            if b.ko_path not in used_files:
                used_files.append(b.ko_path)
            for text, (weight, local, feats) in best.items():
                a = acc[text]
                a.hits += weight
                a.local += weight * local
                a.gloss = a.gloss or bool(feats.get("gloss"))
                a.title = a.title or bool(feats.get("title"))
                a.covered_in = max(a.covered_in, feats.get("in", 0.0))
                a.explained_out = max(a.explained_out, feats.get("out", 0.0))
                if weight == 1.0:
                    a.aligned += 1
                    if len(a.where) < 3:
                        a.where.append(where)
        if not n:
            return [], 0
        df = self._ko_df()
        scored: list[tuple[str, float, list[str], _Acc]] = []
        for text, a in acc.items():
            cons = a.hits / n
            dice = min(1.0, 2 * a.hits / (n + max(df.get(text, 0), a.hits)))
            g, notes = self._global(t, text)
            raw = 1.0 * min(1.0, cons) + dice * n / (n + 2) + a.local / a.hits + g
            scored.append((text, raw, notes, a))
        scored.sort(key=lambda x: (-x[1], len(x[0]), x[0]))
        top = scored[:12]
        if not top:
            return [], n
        mx = top[0][1]
        z = sum(math.exp((s - mx) / 0.5) for _, s, _, _ in top)
        strength = 1 - math.exp(-(n + 0.5) / 1.5)
        out = []
        for text, raw, notes, a in top:
            p = math.exp((raw - mx) / 0.5) / z
            score = round(min(0.99, p * strength + 0.1 * _sigmoid(raw - 2.0)), 2)
            if a.aligned:
                ev = [f"parallel: in {a.aligned}/{n} aligned sentence pair(s) ({', '.join(a.where)})"]
            else:
                ev = [f"parallel: near the term ({n} occurrence(s)), not in an aligned sentence"]
            if df.get(text, 0) > a.aligned:
                ev.append(f"{df[text]} Korean sentences in all")
            if a.gloss:
                ev.append("followed by the term in brackets")
            if a.title:
                ev.append("right before the title's Korean")
            if a.covered_in >= 0.99:
                ev.append("holds the Korean of the term's words")
            if a.explained_out >= 0.5:
                ev.append("partly the Korean of other words")
            ev.extend(notes)
            out.append((text, raw, score, "; ".join(ev)))
        return out, n

    # ------------------------------------------------------------------ machine translation

    def machine(self, cand: Candidate, occs: Sequence[Occurrence]) -> tuple[str, str] | None:
        """(Korean, evidence) from the MT backend for the term alone (its context is translated too), or None."""
        tr = self.translator
        if tr is None or tr.inline:
            return None
        context = ""
        if occs:
            o = occs[0]
            context = self.bitexts[o.pair].en[o.sentence]
        elif cand.contexts:
            context = context_sentence(cand.contexts[0])
        segments = [cand.canonical] + ([context] if context else [])
        outputs = tr.translate_batch(segments)
        ko = outputs[0].strip().rstrip(".").strip() if outputs else ""
        if not ko or (not has_hangul(ko) and not cand.canonical.isupper()):
            return None
        name = getattr(tr, "name", "mt")
        in_ctx = len(outputs) > 1 and ko.replace(" ", "") in outputs[1].replace(" ", "")
        ev = (
            f"machine translation ({name}) of the term"
            + ("; also in its context's translation" if in_ctx else "")
            + "; unverified"
        )
        return ko, ev

    # ------------------------------------------------------------------ one candidate

    def propose(self, cand: Candidate, *, top: int = 3) -> Result:
        """The ranked proposals for one candidate."""
        how, entry, match, evidence = self.resolve(cand)
        if how:
            return self._covered(cand, how, entry, match, evidence)
        occs = self.occurrences(cand)
        ranked, n = self.parallel(cand, occs)
        proposals = [Proposal(ko, score, Source.PARALLEL.value, ev) for ko, _, score, ev in ranked[:top]]
        mt = self.machine(cand, occs)
        if mt is not None:
            ko, ev = mt
            same = [i for i, p in enumerate(proposals) if p.ko.replace(" ", "") == ko.replace(" ", "")]
            if same:
                i = same[0]
                p = proposals[i]
                proposals[i] = Proposal(p.ko, p.score, p.source, p.evidence + "; agrees with machine translation")
            else:
                floor = min((p.score for p in proposals), default=0.35)
                proposals.append(Proposal(ko, round(max(0.01, min(0.3, floor - 0.01)), 2), Source.MT.value, ev))
        # attested proposals first (at most ``top``), then the MT one, never above them
        proposals.sort(key=lambda p: (p.source == Source.MT.value, -p.score))
        best = proposals[0] if proposals else None
        kind = cand.type if cand.type else ""
        latin = best is not None and not has_hangul(best.ko)
        row = Entry(
            en=cand.canonical,
            ko=best.ko if best else "",
            type=kind,
            en_variants=tuple(v for v in cand.variants if form_key(v) != form_key(cand.canonical)),
            note="[keep-latin] Korean copy keeps it in Latin script." if latin else "",
            source=self._source(best, ranked),
            status="proposed",
        )
        return Result(cand, row, tuple(proposals), "", (), n)

    def _source(self, best: Proposal | None, ranked: Sequence[tuple[str, float, float, str]]) -> str:
        if best is None:
            return ""
        if best.source == Source.MT.value:
            return f"machine translation ({self.translator.name if self.translator else 'mt'})"
        files = sorted({b.ko_path.rsplit("/", 1)[-1] for b in self.bitexts if any(best.ko in s for s in b.ko)})
        return "parallel text: " + ", ".join(files[:3]) if files else "parallel text"

    def _covered(self, cand: Candidate, how: str, entry: Entry | None, match: Match | None, evidence: str) -> Result:
        assert entry is not None
        if how == "composed" and match is not None:
            ids = tuple(p.entry_id for p in match.composed_of)
            row = Entry(
                en=cand.canonical,
                ko=match.ko,
                type=cand.type or entry.type,
                status="proposed",
                note=f"composed of {' + '.join(ids)}: nothing to add to the glossary",
            )
            return Result(cand, row, (Proposal(match.ko, 1.0, Source.GLOSSARY.value, evidence),), how, ids)
        new_forms = [f for f in cand.forms if form_key(f) not in entry.form_keys]
        if how == "inflected":
            new_forms = []
        variants = entry.en_variants + tuple(f for f in new_forms if f)
        note = entry.note
        row = Entry(
            en=entry.en,
            ko=entry.ko,
            type=entry.type,
            en_variants=variants,
            ko_variants=entry.ko_variants,
            ko_avoid=entry.ko_avoid,
            note=note,
            source=entry.source,
            status="proposed",
            match=entry.match,
        )
        ev = evidence + (f"; adds English variant(s) {', '.join(new_forms)} (merge with --update)" if new_forms else "")
        return Result(cand, row, (Proposal(entry.ko, 1.0, Source.GLOSSARY.value, ev),), how, (entry.id,))

    # ------------------------------------------------------------------ many candidates

    def propose_all(self, candidates: Sequence[Candidate], *, top: int = 3, rounds: int = 2) -> list[Result]:
        """Proposals for every candidate; a second round uses the confident first-round answers as anchors."""
        results = [self.propose(c, top=top) for c in candidates]
        for _ in range(rounds - 1):
            if not self.bitexts:
                break
            self._claims.clear()
            for r in results:
                if r.covered or not r.best or r.best.source != Source.PARALLEL.value or r.best.score < 0.5:
                    continue
                for occ in self.occurrences(r.candidate):
                    self._claims[(occ.pair, occ.sentence)].append(
                        Unit(occ.start, occ.end, f"claim:{r.candidate.canonical}", (r.best.ko,), "claim")
                    )
            if not self._claims:
                break
            results = [self.propose(c, top=top) if not r.covered else r for c, r in zip(candidates, results)]
        self._claims.clear()
        return results


def _at(e: Entry) -> str:
    return f"{e.path}:{e.line}" if e.path and e.line else (e.path or "glossary")
