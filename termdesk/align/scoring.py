"""Scoring Korean phrases as equivalents of a term: per occurrence, per phrase, and calibrated to 0–1.

* :func:`profile` — what the scorer knows about a candidate (:class:`TermProfile`);
* :func:`allowed` — which phrases may be proposed at all;
* :func:`local_score` — one occurrence of a phrase in one aligned Korean sentence
  (the term's own units inside it count for it, other units against it, a bracketed
  gloss or a title right after it, how it was cut, where it sits);
* :func:`global_score` — what does not depend on the sentence (names, transliteration,
  Latin tokens, digits, a length prior);
* :class:`PhraseEvidence` — one phrase's evidence over the term's occurrences, and
  :func:`rank` — the ranked, calibrated phrases.

Where an occurrence's Korean comes from is a :class:`Reach`: the aligned sentences,
their neighbours (a misaligned rewrite) or the rest of the article (a gloss or a name only).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..glossary import Entry, has_hangul
from ..ko.hangul import is_syllable, syllable_count
from ..ko.phrases import LATIN_INITIAL, Span
from ..ko.romanize import family_first, korean_name_shape, name_score, romanize, translit_similarity
from .acronyms import SMALL_WORDS, acronym_of, is_acronym
from .bitext import latin_tokens
from .candidates import Candidate
from .lexicon import EN_STOPWORDS, en_tokens


class Reach(Enum):
    """Where a Korean sentence stands relative to an occurrence of the term, and how much it counts."""

    ALIGNED = 1.0  # the sentence(s) aligned with the English sentence
    ARTICLE = 0.6  # elsewhere in the article: only a gloss or a name counts there
    NEIGHBOUR = 0.4  # next to the aligned sentence(s): a misaligned rewrite

    @property
    def weight(self) -> float:
        return float(self.value)


@dataclass
class PhraseEvidence:
    """Evidence for one Korean phrase across the term's occurrences."""

    hits: float = 0.0
    aligned: int = 0
    local: float = 0.0
    where: list[str] = field(default_factory=list)
    gloss: bool = False
    title: bool = False
    covered_in: float = 0.0
    explained_out: float = 0.0
    unexplained: float | None = None  # least share of the phrase no unit of a fully known term explains
    raw: bool = True  # every placement reads a word whole, particle and all (합동참모본부에)

    def add(self, reach: Reach, local: float, feats: Mapping[str, Any], where: str) -> None:
        """One occurrence's best placement of the phrase (``feats`` from :func:`local_score`)."""
        self.hits += reach.weight
        self.local += reach.weight * local
        self.gloss = self.gloss or bool(feats.get("gloss"))
        self.title = self.title or bool(feats.get("title"))
        self.covered_in = max(self.covered_in, feats.get("in", 0.0))
        self.explained_out = max(self.explained_out, feats.get("out", 0.0))
        self.raw = self.raw and bool(feats.get("raw"))
        if "extra" in feats:
            self.unexplained = feats["extra"] if self.unexplained is None else min(self.unexplained, feats["extra"])
        if reach is Reach.ALIGNED:
            self.aligned += 1
            if len(self.where) < 3:
                self.where.append(where)


@dataclass(frozen=True)
class TermProfile:
    """A candidate as the scorer sees it: forms, type, acronyms, Latin tokens, digits, name shape."""

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


@dataclass(frozen=True)
class RankedPhrase:
    """A phrase as ranked: its raw score, its calibrated score (0–1), the notes of :func:`global_score`."""

    text: str
    raw: float
    score: float
    notes: tuple[str, ...]
    evidence: PhraseEvidence


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def digits_of(text: str) -> frozenset[str]:
    """The runs of digits in a text."""
    return frozenset(re.findall(r"\d+", text))


def profile(cand: Candidate) -> TermProfile:
    """What the scorer needs to know about a candidate, computed once."""
    forms = cand.forms
    person = cand.type == "person"
    acronyms = {f.upper() for f in forms if is_acronym(f)}
    acronyms.update(a for f in forms if (a := acronym_of(f)) and len(a) >= 2)
    latin: set[str] = set()
    for f in forms:
        latin.update(latin_tokens(f))
    digits = frozenset().union(*(digits_of(f) for f in forms))
    words = [key for _, _, key in en_tokens(cand.canonical) if key not in EN_STOPWORDS]
    all_latin = all(is_acronym(t) or any(c.isdigit() for c in t) for t in cand.canonical.split())
    name_tokens = tuple(t for t in re.findall(r"[A-Za-z]+", cand.canonical) if len(t) > 1 and not t.endswith("."))
    return TermProfile(
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


def foreign_name_tokens(entries: Iterable[Entry]) -> dict[str, set[str]]:
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
                    for a, b in zip(en, parts, strict=True):
                        out[a.lower()].add(b)
    return out


def name_orders(forms: Sequence[str]) -> list[str]:
    """The forms of a name and, for a Japanese or Chinese name, each in family-first order (Korean copy's)."""
    return [*forms, *(r for f in forms if (r := family_first(f)))]


def strong_name(t: TermProfile, text: str) -> bool:
    """A Korean name spelt compatibly, or a foreign name that transliterates well."""
    if t.korean_name:
        return max((name_score(f, text.replace(" ", "")) for f in t.forms), default=0.0) >= 0.95
    return max((translit_similarity(f, text) for f in name_orders(t.forms)), default=0.0) >= 0.75


_BRACKETS = {")": "(", "]": "[", "}": "{", "」": "「", "』": "『"}
_OPENING = frozenset(_BRACKETS.values())


def _balanced(text: str) -> bool:
    """Every bracket of ``text`` is closed inside it."""
    stack: list[str] = []
    for ch in text:
        if ch in _OPENING:
            stack.append(ch)
        elif ch in _BRACKETS and (not stack or stack.pop() != _BRACKETS[ch]):
            return False
    return not stack


def allowed(t: TermProfile, text: str, span: Span) -> bool:
    """Whether a Korean phrase may be proposed for the term at all (a person's name is Hangul words only, a
    phrase with a bracket it does not open or close is cut out of a gloss: ``이슬람국가]``, …)."""
    if not _balanced(text):
        return False
    hangul = has_hangul(text)
    if t.person:
        if not hangul or span.light_verb or span.number or (span.part and t.korean_name):
            return False
        name = "".join(w for w in text.split(" ") if not LATIN_INITIAL.fullmatch(w))
        if not all(is_syllable(c) for c in name):
            return False  # Hangul words, and Latin initials between them (존 D. 존슨)
        if not is_syllable(text[0]) or not is_syllable(text[-1]):
            return False  # an initial opens or ends no name (H. 조 is cut out of 에드워드 H. 조)
        if t.korean_name:
            return 2 <= len(text.replace(" ", "")) <= 4 and span.words <= 2
        return span.words <= 3
    return not (not hangul and not t.all_latin and not t.digits)


def local_score(
    t: TermProfile,
    sentence: str,
    span: Span,
    inside: Sequence[tuple[float, list[tuple[int, int]]]],
    present: float,
    out_mask: Sequence[bool],
    in_mask: Sequence[bool],
    shift: float,
    titles: Sequence[tuple[str, ...]],
    known: bool,
    complete: bool = False,
) -> tuple[float, dict[str, Any]]:
    """Score of one occurrence of a phrase in one aligned Korean sentence.

    ``known``: every content word of the term is a unit; ``complete``: besides, each unit's Korean is in the
    aligned text, so a part of the phrase no unit explains renders nothing of the term (feature ``extra``).
    """
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
            if complete:
                feats["extra"] = extra
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
        feats["raw"] = True
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


def global_score(t: TermProfile, text: str, name_tokens: dict[str, set[str]]) -> tuple[float, list[str]]:
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
            ts = max((translit_similarity(f, text) for f in name_orders(t.forms)), default=0.0)
            score += 1.6 * ts - 0.5
            if ts >= 0.6:
                notes.append(f"transliteration {ts:.2f}")
            parts = text.split()
            for tok in t.name_tokens:
                known = name_tokens.get(tok.lower())
                if not known:
                    continue
                if any(k in parts for k in known):
                    score += 0.4
                    notes.append(f"glossary spells {tok} {'/'.join(sorted(known))}")
                elif parts and len(parts) >= len(t.name_tokens):
                    score -= 0.4
    else:
        capitalised = any(w[:1].isupper() for w in t.forms[0].split() if w.lower() not in SMALL_WORDS)
        proper = capitalised and not t.all_latin
        if (
            proper
            and has_hangul(text)
            and any(name_score(f, hangul_only) >= 0.95 for f in t.forms if not is_acronym(f))
        ):
            score += 1.2  # a Korean name read in Hangul: Pyongyang ~ 평양, Rodong Sinmun ~ 노동신문
            notes.append(f"romanisation {romanize(text, sep='-')} ~ {t.forms[0]}")
        weight = 1.5 if t.type == "place" and proper else 0.8 if proper else 0.35
        if has_hangul(text) and t.type not in ("title",):
            # an acronym is not transliterated (USA is 유에스에이, and no sound-alike of 아시아)
            spoken = [f for f in t.forms if not is_acronym(f.replace(".", ""))]
            ts = max((translit_similarity(f, text) for f in spoken), default=0.0)
            if ts >= 0.7:
                score += weight * ts
                if capitalised:  # a sound-alike of ordinary words is chance (패트리어트 for interceptor missile)
                    notes.append(f"transliteration {ts:.2f}")
    cand_latin = latin_tokens(text)
    if cand_latin:
        if cand_latin <= t.latin or cand_latin & t.latin:
            score += 0.5
        else:
            score -= 0.5 * len(cand_latin - t.latin)
    if t.digits:
        d = digits_of(text)
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
        syl = max(1, syllable_count(text))
        score -= 0.35 * abs(math.log(syl / expected))
    return score, notes


def rank(
    t: TermProfile,
    acc: Mapping[str, PhraseEvidence],
    occurrences: int,
    df: Mapping[str, int],
    name_tokens: dict[str, set[str]],
) -> list[RankedPhrase]:
    """The best 12 phrases, best first, with a calibrated score.

    Raw score: consistency (share of the aligned occurrences), Dice against the
    phrase's frequency in all Korean sentences, the mean local score and the
    global score. The calibrated score is a softmax over the raw scores, damped
    when there are few occurrences.
    """
    n = occurrences
    scored: list[tuple[str, float, list[str], PhraseEvidence]] = []
    for text, a in acc.items():
        cons = a.hits / n
        dice = min(1.0, 2 * a.hits / (n + max(df.get(text, 0), a.hits)))
        g, notes = global_score(t, text, name_tokens)
        raw = 1.0 * min(1.0, cons) + dice * n / (n + 2) + a.local / a.hits + g
        scored.append((text, raw, notes, a))
    scored.sort(key=lambda x: (-x[1], len(x[0]), x[0]))
    top = scored[:12]
    if not top:
        return []
    mx = top[0][1]
    z = sum(math.exp((s - mx) / 0.5) for _, s, _, _ in top)
    strength = 1 - math.exp(-(n + 0.5) / 1.5)
    out = []
    for text, raw, notes, a in top:
        p = math.exp((raw - mx) / 0.5) / z
        score = round(min(0.99, p * strength + 0.1 * _sigmoid(raw - 2.0)), 2)
        out.append(RankedPhrase(text, raw, score, tuple(notes), a))
    return out
