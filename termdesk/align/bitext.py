"""English articles paired with their Korean versions, aligned sentence by sentence.

* which files pair is :mod:`termdesk.pairing`'s business (``A.txt``/``A.en.txt`` with
  ``A.ko.txt``, ``en/A.txt`` with ``ko/A.txt``; .txt .md .html .htm).
* :func:`read_pair` reads both (``termdesk.text.read_article``), refuses a
  "Korean" file with no Korean in it, and splits both into sentences
  (:func:`korean_sentences` for the Korean side).
* :func:`align_sentences` aligns the two sentence lists with the one bilingual
  aligner, :func:`termdesk.aligner.align_units` (Gale–Church DP plus anchors —
  numbers, Latin-script tokens, glossary/lexicon terms). Paragraph counts need
  not agree: the DP works on sentences of the whole article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..aligner import BEADS, Bead, align_units, latin_tokens, numbers_of
from ..errors import InputError
from ..ko.hangul import SYLLABLE_CLASS
from ..text import Article, append_trimmed, read_article, split_sentences

__all__ = [
    "KO_MIN_HANGUL",
    "Bead",
    "Bitext",
    "align_sentences",
    "hangul_share",
    "korean_sentences",
    "latin_tokens",
    "numbers_of",
    "read_pair",
]

#: A Korean version must have at least this share of Hangul among its letters.
KO_MIN_HANGUL = 0.3

_HANGUL = re.compile(f"[{SYLLABLE_CLASS}]")
_LETTER = re.compile(f"[A-Za-z{SYLLABLE_CLASS}]")


def hangul_share(text: str) -> float:
    """Share of Hangul syllables among letters (Latin + Hangul)."""
    letters = len(_LETTER.findall(text))
    return len(_HANGUL.findall(text)) / letters if letters else 0.0


# --------------------------------------------------------------------------- Korean sentences


def korean_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in a Korean paragraph.

    A sentence ends at ``.``/``?``/``!`` (with closing quotes) after Hangul and
    before a space; ``U.S.``, ``1.5`` and ``B-1B`` do not end one.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.?!]+[\"'”’)\]]*(?=\s|$)", text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        if not (_HANGUL.match(before) or before in ")]\"'”’"):
            continue
        end = m.end()
        append_trimmed(spans, text, start, end)
        start = end
    append_trimmed(spans, text, start, len(text))
    return spans


def align_sentences(
    en: Sequence[str],
    ko: Sequence[str],
    *,
    en_anchors: Sequence[frozenset[str]] | None = None,
    ko_anchors: Sequence[frozenset[str]] | None = None,
) -> list[Bead]:
    """Beads covering both sentence lists in order (:func:`termdesk.aligner.align_units` with every bead kind)."""
    return align_units(en, ko, en_anchors=en_anchors, ko_anchors=ko_anchors, beads=BEADS)


# --------------------------------------------------------------------------- pairs of files


@dataclass(frozen=True)
class Bitext:
    """One English article and its Korean version, as sentences, with the sentence alignment."""

    name: str
    en_path: str
    ko_path: str
    en: tuple[str, ...]
    ko: tuple[str, ...]
    en_paragraphs: int
    ko_paragraphs: int
    beads: tuple[Bead, ...] = ()
    en_lines: tuple[int, ...] = field(default=(), compare=False)

    def ko_for(self, en_index: int) -> tuple[int, ...]:
        """Korean sentence indices aligned with English sentence ``en_index`` (empty if none)."""
        for b in self.beads:
            if en_index in b.en:
                return b.ko
        return ()

    def with_beads(self, beads: Sequence[Bead]) -> Bitext:
        return Bitext(
            self.name,
            self.en_path,
            self.ko_path,
            self.en,
            self.ko,
            self.en_paragraphs,
            self.ko_paragraphs,
            tuple(beads),
            self.en_lines,
        )


def _sentences(doc: Article, *, korean: bool) -> tuple[list[str], list[int]]:
    """The article's sentences and their lines. A byline the cleaner took out of the story (``By Jim Garamone,
    American Forces Press Service``) is a sentence here, in its place: a Korean version keeps its own byline
    (``짐 개러몬 미군 보도국(AFPS) 기자``), and the writer's name and the service are terms to align."""
    blocks = [(p.line, p.text) for p in doc.paragraphs]
    blocks += [(r.line, r.text) for r in doc.removed if r.reason == "byline"]
    out: list[str] = []
    lines: list[int] = []
    for line, text in sorted(blocks, key=lambda b: b[0]):
        spans = korean_sentences(text) if korean else split_sentences(text)
        for s, e in spans:
            out.append(text[s:e])
            lines.append(line)
    return out, lines


def read_pair(en_path: str | Path, ko_path: str | Path, *, encoding: str | None = None) -> Bitext:
    """Read an English article and its Korean version into sentences (not yet aligned).

    ``InputError`` when either cannot be read, or when the Korean file has no
    Korean in it (it is probably the English article again).
    """
    en_doc = read_article(en_path, encoding=encoding)
    ko_doc = read_article(ko_path, encoding=encoding)
    share = hangul_share(ko_doc.text)
    if share < KO_MIN_HANGUL:
        raise InputError.at(
            ko_path,
            None,
            f"no Korean text ({share:.0%} Hangul) — this looks like the English article",
            f"give the Korean version of {Path(en_path).name}",
        )
    en_s, en_lines = _sentences(en_doc, korean=False)
    ko_s, _ = _sentences(ko_doc, korean=True)
    from ..pairing import article_name

    return Bitext(
        article_name(en_path),
        str(en_path),
        str(ko_path),
        tuple(en_s),
        tuple(ko_s),
        len(en_doc.paragraphs),
        len(ko_doc.paragraphs),
        (),
        tuple(en_lines),
    )
