"""Merging articles into corpus counts, scoring (C-value × domain specificity) and glossary status."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import extract as X
from . import wordlists as L
from .article import ArticleTerms, TermCount

#: How much each type's evidence counts in the common score (concept phrases are scored by C-value).
TYPE_WEIGHT: dict[str, float] = {
    "title": 1.2,
    "person": 1.2,
    "organization": 1.0,
    "meeting": 1.15,
    "exercise": 1.1,
    "weapon": 1.1,
    "document": 1.1,
    "media": 0.8,
    "place": 0.55,
    "concept": 1.0,
    "acronym": 0.9,
}
#: Phrases this general (domain specificity below) are not listed.
MIN_SPECIFICITY = 0.2


@dataclass
class Agg(TermCount):
    """A term's counts over the corpus: its per-article counts added up, and its document frequency."""

    doc_freq: int = 0


class Corpus:
    """Aggregated counts over articles, added one at a time (nothing per-article is kept)."""

    def __init__(self) -> None:
        self.terms: dict[str, Agg] = {}
        self.pairs: Counter = Counter()  # (acronym key, long key) -> n
        self.acr_surface: dict[str, Counter] = {}
        self.long_surface: dict[str, Counter] = {}
        self.persons: dict[str, list[tuple[str, str, int]]] = {}  # key -> [(surface, article, line)]
        self.articles = 0
        self.words = 0

    def add(self, art: ArticleTerms) -> None:
        self.articles += 1
        self.words += art.words
        for key, tc in art.terms.items():
            a = self.terms.get(key)
            if a is None:
                a = self.terms[key] = Agg(kind=tc.kind, words=tc.words)
            a.absorb(tc)
            a.doc_freq += 1
        for acr, long_key, surface, long_surface in art.pairs:
            self.pairs[(acr, long_key)] += 1
            self.acr_surface.setdefault(acr, Counter())[surface] += 1
            self.long_surface.setdefault(long_key, Counter())[long_surface] += 1
        for key, mentions in art.persons.items():
            lst = self.persons.setdefault(key, [])
            for surface, line in mentions:
                if len(lst) < 8 and (surface, art.path, line) not in lst:
                    lst.append((surface, art.path, line))


# --------------------------------------------------------------------------- scoring


def specificity(words: Iterable[str], zipf: X.ZipfCache) -> float:
    """How specific to the beat a phrase is: rare words in general English, and beat words, score high."""
    vals = []
    for w in words:
        if w in ("of", "and", "or"):
            continue
        s = min(1.0, max(0.0, (5.5 - zipf(w)) / 3.0))
        if w in L.DOMAIN_WORDS or X.singular(w) in L.DOMAIN_WORDS:
            s = max(s, 0.6) + 0.15
        vals.append(s)
    if not vals:
        return 0.0
    return 0.6 * max(vals) + 0.4 * (sum(vals) / len(vals))


def cvalues(phrases: dict[str, tuple[tuple[str, ...], int]]) -> dict[str, float]:
    """C-value of each phrase (Frantzi et al.): ``log2|a| · (f(a) − mean f(longer phrases containing a))``; the head
    before an ``of`` complement does not count as nested in the longer phrase (``unilateral sanctions`` in
    ``unilateral sanctions of great effect``)."""
    by_words = {words: key for key, (words, _) in phrases.items()}
    nested_sum: Counter = Counter()
    nested_n: Counter = Counter()
    for words, key in by_words.items():
        n = len(words)
        if n < 3 or "and" in words or "or" in words:
            continue  # a coordination does not contain its conjuncts as a longer term contains its parts
        f = phrases[key][1]
        seen = set()
        for i in range(n):
            for j in range(i + 2, n + 1):
                if j - i == n:
                    continue
                if j < n and words[j] == "of":
                    continue  # the head before an "of" complement is a term of its own ("unilateral sanctions of …")
                sub = words[i:j]
                k = by_words.get(sub)
                if k is not None and k not in seen:
                    seen.add(k)
                    nested_sum[k] += f
                    nested_n[k] += 1
    out = {}
    for key, (words, f) in phrases.items():
        size = math.log2(len(words))
        if nested_n[key]:
            out[key] = size * (f - nested_sum[key] / nested_n[key])
        else:
            out[key] = size * f
    return out


def evidence(freq: float, doc_freq: int) -> float:
    return math.log2(1 + max(freq, 0.0)) * (1 + 0.5 * math.log2(max(doc_freq, 1)))


_ZIPF: list[X.ZipfCache] = []


def shared_zipf() -> X.ZipfCache:
    """The process's one general-English frequency cache (built on first use; each worker has its own)."""
    if not _ZIPF:
        _ZIPF.append(X.ZipfCache())
    return _ZIPF[0]
