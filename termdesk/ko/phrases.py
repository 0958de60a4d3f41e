"""Korean phrase candidates of a sentence: word n-grams with particles stripped, and parts of compounds.

``phrases(sentence)`` cuts a Korean sentence into words (어절), separating
quotes, brackets and their content (``사드(THAAD)를`` → ``사드`` + gloss
``THAAD`` + particle ``를``), and lists every phrase that could render a term:

* 1–4 consecutive words not crossing punctuation, the last one with its
  particle stripped (``송영무 국방부 장관은`` → ``송영무 국방부 장관``); inner words
  carry no particle and are no verb forms;
* the first and last parts of a compound (``확장억제전략협의체`` → ``확장억제``,
  ``협의체`` …; parts split at ``·`` too: ``핵·미사일`` → ``미사일``);
* bracketed glosses on their own (``THAAD``, ``사드``).

Each occurrence is a :class:`Span` with flags the scorer uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .hangul import has_syllable, is_syllable
from .stems import KO_STOPWORDS, is_number_word, is_predicate, stopword_with_particle, strip

__all__ = ["NAME_TITLES", "KoWord", "Span", "phrases", "words"]

_OPEN = {"(": ")", "（": "）", "[": "]", "「": "」", "『": "』", "〈": "〉", "《": "》"}
_CLOSE = frozenset(_OPEN.values())
_QUOTES = frozenset("\"'“”‘’`")
_BREAK_PUNCT = frozenset(",.?!…;:=·/")
_MAX_WORDS = 4

#: Titles written right after a person's name in Korean copy (name before title).
NAME_TITLES: tuple[str, ...] = (
    "국무위원장", "위원장", "총비서", "대통령", "총리", "장관", "차관", "의장", "사령관", "대변인",
    "대사", "실장", "부부장", "외무상", "국방상", "방위상", "비서실장", "제독", "대장",
)  # fmt: skip


@dataclass(frozen=True)
class KoWord:
    """One word of a Korean sentence: its main text (offsets into the sentence), stem and particle."""

    start: int
    end: int
    text: str
    stem: str
    particle: str
    ambiguous: bool
    light_verb: bool
    predicate: bool
    stop: bool
    number: bool
    gloss_after: tuple[str, ...]
    break_before: bool
    break_after: bool
    is_gloss: bool = False
    second: str = ""  # the other reading of an ambiguous word (see termdesk.ko.stems.Stripped)


@dataclass(frozen=True)
class Span:
    """One occurrence of a phrase in a sentence: offsets and how it was cut."""

    start: int
    end: int
    words: int
    raw: bool = False  # the second guess of an ambiguous word (동맹이 whole; 한반 cut from 한반도)
    part: bool = False  # part of a compound word
    listed: bool = False  # the part is a word of a list joined by a middle dot (이라크 of 이라크·아프가니스탄)
    light_verb: bool = False  # a verbal noun cut from a verb form (배치하기로 → 배치)
    inner_particle: bool = False
    adnominal: bool = False  # starts with an adjective form (완전한 비핵화)
    number: bool = False
    gloss_after: tuple[str, ...] = ()
    followed_by: str = ""  # the text right after the phrase (for title look-ups)


#: A Latin initial inside a name as Korean copy writes it (``존 D. 존슨``): its dot ends no phrase, and it is no
#: word of the name (:mod:`termdesk.align`).
LATIN_INITIAL = re.compile(r"[A-Z]\.")


def _word(sentence: str, start: int, raw: str, break_before: bool) -> list[KoWord]:
    """Parse one whitespace-delimited chunk into a word plus any bracketed glosses."""
    out: list[KoWord] = []
    i, n = 0, len(raw)
    while i < n and (raw[i] in _QUOTES or raw[i] in _BREAK_PUNCT or raw[i] in "…-–—"):
        i += 1
        break_before = True
    j = n
    break_after = False
    while (
        j > i
        and not LATIN_INITIAL.fullmatch(raw)
        and (raw[j - 1] in _QUOTES or raw[j - 1] in _BREAK_PUNCT or raw[j - 1] in "…–—")
    ):
        j -= 1
        break_after = True
    body = raw[i:j]
    if not body:
        return out
    # a bracket or a quote inside: main text, then gloss(es), then a tail particle
    main_end = len(body)
    glosses: list[tuple[int, int]] = []
    tail = ""
    k = 0
    while k < len(body):
        ch = body[k]
        if ch in _OPEN:
            close = body.find(_OPEN[ch], k + 1)
            if close < 0:
                close = len(body)
            if main_end == len(body):
                main_end = k
            glosses.append((k + 1, close))
            k = close + 1
            continue
        if ch in _QUOTES and k > 0:
            if main_end == len(body):
                main_end = k
            tail = "".join(c for c in body[k + 1 :] if c not in _QUOTES and c not in _CLOSE)
            break_after = True
            break
        if main_end != len(body) and not glosses:
            break
        if main_end != len(body) and glosses and k >= glosses[-1][1] + 1:
            tail = body[k:]
            break
        k += 1
    # punctuation before a closing quote or bracket ends the sentence quoted, not the word ('필승!'을 → 필승)
    while (
        1 < main_end < len(body)
        and body[main_end - 1] in "?!.,;:"
        and (body[main_end - 1] in "?!" or is_syllable(body[main_end - 2]))  # U.S.(미국) keeps its period
    ):
        main_end -= 1
    main = body[:main_end]
    # split at … inside (headlines: 합의…"핵무장)
    if "…" in main:
        first, _, rest = main.partition("…")
        out.extend(_word(sentence, start + i, first, break_before))
        out.extend(_word(sentence, start + i + len(first) + 1, rest, True))
        return out
    if main:
        stem, particle, amb, lv, copula, second = main, tail, False, False, False, ""
        if not glosses:
            s = strip(main)
            if s.particle or not tail:
                stem, particle, amb, lv, copula, second = (
                    s.stem,
                    s.particle + tail,
                    s.ambiguous,
                    s.light_verb,
                    s.copula,
                    s.second,
                )
        gl = tuple(g for a, b in glosses for g in re.split(r"[·,/;]\s*", body[a:b]) if g.strip())
        out.append(
            KoWord(
                start=start + i,
                end=start + i + len(main),
                text=main,
                stem=stem,
                particle=particle,
                ambiguous=amb,
                light_verb=lv,
                predicate=is_predicate(main) and not lv and not copula,
                stop=main in KO_STOPWORDS or stem in KO_STOPWORDS or stopword_with_particle(main),
                number=is_number_word(main),
                gloss_after=gl,
                break_before=break_before,
                break_after=break_after
                or bool(glosses)
                or bool(tail and not glosses and body[main_end : main_end + 1] in _QUOTES),
                second=second,
            )
        )
    for a, b in glosses:
        offset = start + i + a
        for m in re.finditer(r"[^·,/;]+", body[a:b]):
            g = m.group().strip()
            if not g:
                continue
            gs = offset + m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append(
                KoWord(
                    gs,
                    gs + len(g),
                    g,
                    g,
                    "",
                    False,
                    False,
                    False,
                    False,
                    is_number_word(g),
                    (),
                    True,
                    True,
                    is_gloss=True,
                )
            )
    return out


def _before_title(word: KoWord, following: KoWord) -> KoWord:
    """A name right before a title is read whole first (``김정은 국무위원장``: no 김정 + 은).

    A title follows a name, never a topic or subject particle, so an ambiguous cut
    (은, 이 …) of the word before one is only the second guess.
    """
    if (
        word.ambiguous
        and word.particle
        and word.second == word.text
        and not word.is_gloss
        and not following.is_gloss
        and not word.break_after
        and not following.break_before
        and not word.gloss_after
        and following.text.startswith(NAME_TITLES)
    ):
        return replace(word, stem=word.text, particle="", second=word.stem)
    return word


#: A word as written between spaces; a bracketed gloss with a space in it stays whole inside its word, and a
#: middle dot after a gloss lists the next word (``뉴스(DoD News)·국방미디어활동국(DMA)``: two words).
_CHUNK = re.compile(r"(?:\([^()\s][^()]{0,60}\)|(?<!\))·|[^\s·])+")


@lru_cache(maxsize=4096)
def words(sentence: str) -> tuple[KoWord, ...]:
    """The words of a Korean sentence, glosses included (marked ``is_gloss``)."""
    out: list[KoWord] = []
    prev_break = True
    for m in _CHUNK.finditer(sentence):
        chunk = m.group()
        ws = _word(sentence, m.start(), chunk, prev_break)
        out.extend(ws)
        prev_break = (
            (chunk[-1] in _BREAK_PUNCT and not LATIN_INITIAL.fullmatch(chunk))
            or chunk[-1] in _QUOTES
            or chunk[-1] in _CLOSE
        )
    for k in range(len(out) - 1):
        out[k] = _before_title(out[k], out[k + 1])
    return tuple(out)


def _parts(stem: str) -> list[tuple[int, int]]:
    """(start, end) of the first and last parts of a compound stem (≥ 2 syllables each, Hangul only)."""
    out: list[tuple[int, int]] = []
    if "·" in stem:
        pos = 0
        for piece in stem.split("·"):
            if piece and pos:
                out.append((pos, pos + len(piece)))
            if piece and pos == 0:
                out.append((0, len(piece)))
            pos += len(piece) + 1
        return out
    if len(stem) < 3 or not all(is_syllable(c) for c in stem):
        return out
    for cut in range(2, len(stem) - 0):
        if cut <= len(stem) - 1:
            out.append((0, cut))
    for cut in range(1, len(stem) - 1):
        out.append((cut, len(stem)))
    return out


@lru_cache(maxsize=4096)
def phrases(sentence: str) -> dict[str, tuple[Span, ...]]:
    """Every candidate phrase of the sentence → its occurrences."""
    ws = words(sentence)
    found: dict[str, list[Span]] = {}

    def add(text: str, span: Span) -> None:
        if not text or not any(is_syllable(c) or c.isalnum() for c in text):
            return
        found.setdefault(text, []).append(span)

    main_words = [w for w in ws if not w.is_gloss]
    for w in ws:
        if w.is_gloss:
            add(w.text, Span(w.start, w.end, 1, number=w.number, followed_by=sentence[w.end : w.end + 12]))
    for i, first in enumerate(main_words):
        if first.stop or first.is_gloss:
            continue
        for n in range(1, _MAX_WORDS + 1):
            j = i + n - 1
            if j >= len(main_words):
                break
            last = main_words[j]
            if n > 1:
                prev = main_words[j - 1]
                if prev.break_after or last.break_before:
                    break
                if prev.gloss_after:
                    break
            inner = main_words[i:j]
            inner_particle = False
            adnominal = False
            ok = True
            for k, w in enumerate(inner):
                if w.stop or (w.predicate and not w.text.endswith("적인")):
                    ok = False
                    break
                if w.particle:
                    if w.light_verb and k == 0 and w.particle in ("한", "된", "하는", "되는", "할", "될"):
                        adnominal = True
                    elif w.particle == "의" or (w.ambiguous and w.particle in ("은", "이", "도", "인")):
                        inner_particle = True  # 한반도의 비핵화; 김정은 위원장 (the word read whole)
                    else:
                        ok = False
                        break
            if not ok:
                break
            if last.stop or (last.predicate and not last.light_verb):
                if n == 1:
                    break
                continue
            head = " ".join(w.text for w in inner)
            start = first.start
            number = any(w.number for w in main_words[i : j + 1])
            base: dict[str, Any] = dict(words=n, inner_particle=inner_particle, adnominal=adnominal, number=number)
            stem_end = last.start + len(last.stem)
            text = (head + " " + last.stem) if head else last.stem
            add(
                text,
                Span(
                    start,
                    stem_end,
                    light_verb=last.light_verb,
                    gloss_after=last.gloss_after,
                    followed_by=sentence[stem_end : stem_end + 12],
                    **base,
                ),
            )
            if last.ambiguous and last.second and last.second != last.stem:
                raw_text = (head + " " + last.second) if head else last.second
                raw_end = last.start + len(last.second)
                add(
                    raw_text,
                    Span(
                        start,
                        raw_end,
                        raw=True,
                        gloss_after=last.gloss_after,
                        followed_by=sentence[raw_end : raw_end + 12],
                        **base,
                    ),
                )
            if n > 1 and not inner_particle and not adnominal and not first.ambiguous:
                # the first word may be a compound whose last part belongs to the phrase: 핵·미사일 위협 → 미사일 위협
                rest_text = text[len(first.text) :] if head else ""
                for a, b in _parts(first.text):
                    if b == len(first.text) and a > 0:
                        piece = first.text[a:b]
                        add(
                            piece + rest_text,
                            Span(
                                first.start + a,
                                stem_end,
                                part=True,
                                listed=first.text[a - 1] == "·",
                                light_verb=last.light_verb,
                                followed_by=sentence[stem_end : stem_end + 12],
                                **base,
                            ),
                        )
            if n == 1 and not last.light_verb:
                cut = last.second if last.second and not last.particle else last.stem  # 한반도: parts of 한반
                for a, b in _parts(cut):
                    piece = cut[a:b]
                    if has_syllable(piece) and piece not in KO_STOPWORDS:
                        listed = "·" in cut and (a == 0 or cut[a - 1] == "·") and (b == len(cut) or cut[b] == "·")
                        add(
                            piece,
                            Span(
                                last.start + a,
                                last.start + b,
                                1,
                                part=True,
                                listed=listed,
                                followed_by=sentence[last.start + b : last.start + b + 12],
                            ),
                        )
    return {k: tuple(v) for k, v in found.items()}
