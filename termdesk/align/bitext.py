"""English articles paired with their Korean versions, aligned sentence by sentence.

* :func:`korean_files` / :func:`english_files` list the articles; the Korean
  version of ``A.txt`` is ``A.ko.txt`` (any of .txt .md .html .htm on either side).
* :func:`read_pair` reads both (``termdesk.text.read_article``), refuses a
  "Korean" file with no Korean in it, and splits both into sentences
  (:func:`korean_sentences` for the Korean side).
* :func:`align_sentences` aligns the two sentence lists with a dynamic
  programme in the manner of Gale & Church (1993): beads 1-1, 1-2, 2-1, 1-0
  and 0-1, costed by length (Korean length predicted from English length with
  the ratio of the two whole texts) and by shared *anchors* — numbers,
  Latin-script tokens (THAAD, B-1B, SCM) and glossary/lexicon terms whose
  Korean appears on the other side. Paragraph counts need not agree: the DP
  works on sentences of the whole article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..text import ARTICLE_SUFFIXES, Article, append_trimmed, read_article, split_sentences

__all__ = [
    "KO_MIN_HANGUL",
    "Bead",
    "Bitext",
    "align_sentences",
    "english_files",
    "hangul_share",
    "ko_name_for",
    "korean_files",
    "korean_sentences",
    "latin_tokens",
    "numbers_of",
    "read_pair",
]

#: A Korean version must have at least this share of Hangul among its letters.
KO_MIN_HANGUL = 0.3

_HANGUL = re.compile("[\uac00-\ud7a3]")
_LETTER = re.compile(r"[A-Za-z\uac00-\ud7a3]")


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


# --------------------------------------------------------------------------- anchors

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*")
_KO_BIG = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}


def numbers_of(text: str, *, korean: bool = False) -> frozenset[str]:
    """Numbers in a sentence, normalised (``1,000`` → ``1000``; Korean ``1천``/``3천700`` read too)."""
    out: set[str] = set()
    if korean:
        for m in re.finditer(r"\d[\d,.]*(?:[조억만천백]\d*)*", text):
            out.add(_korean_number(m.group()))
    for m in _NUMBER.finditer(text):
        out.add(m.group().replace(",", "").rstrip("."))
    out.discard("")
    return frozenset(out)


def _korean_number(s: str) -> str:
    total = 0.0
    cur = ""
    units = {"천": 1000, "백": 100, "만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}
    section = 0.0
    for ch in s.replace(",", ""):
        if ch.isdigit() or ch == ".":
            cur += ch
        elif ch in ("천", "백"):
            section += (float(cur) if cur else 1) * units[ch]
            cur = ""
        elif ch in _KO_BIG:
            section += float(cur) if cur else 0
            total += (section or 1) * units[ch]
            section, cur = 0.0, ""
    section += float(cur) if cur else 0
    total += section
    return str(int(total)) if total == int(total) else str(total)


_EN_ONLY = frozenset({"SEOUL", "Yonhap", "KST", "EST", "GMT", "US", "AM", "PM"})


def latin_tokens(text: str) -> frozenset[str]:
    """Latin-script tokens that Korean copy keeps: acronyms and designators (THAAD, B-1B, F-35A, SCM)."""
    out = set()
    for m in _LATIN.finditer(text):
        tok = m.group()
        if tok in _EN_ONLY:
            continue
        if sum(c.isupper() for c in tok) >= 2 or any(c.isdigit() for c in tok):
            out.add(tok.upper())
    return frozenset(out)


# --------------------------------------------------------------------------- the DP


@dataclass(frozen=True)
class Bead:
    """Aligned English sentences ``en`` and Korean sentences ``ko`` (indices; either may be empty)."""

    en: tuple[int, ...]
    ko: tuple[int, ...]
    cost: float


#: (English sentences, Korean sentences, prior cost) of each bead kind.
BEADS: tuple[tuple[int, int, float], ...] = (
    (1, 1, 0.0),
    (1, 2, 2.0),
    (2, 1, 2.0),
    (1, 0, 4.0),
    (0, 1, 4.0),
    (2, 2, 7.0),
)

_LENGTH_VARIANCE = 2.5
_ANCHOR_GAIN = 2.5
_ANCHOR_MISS = 0.8


def _phi(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def _length_cost(len_en: int, len_ko: int, ratio: float) -> float:
    if len_en == 0 and len_ko == 0:
        return 0.0
    mean = (len_en * ratio + len_ko) / 2
    delta = (len_ko - len_en * ratio) / math.sqrt(_LENGTH_VARIANCE * max(mean, 1.0))
    p = 2 * (1 - _phi(abs(delta)))
    return -math.log(max(p, 1e-12))


def align_sentences(
    en: Sequence[str],
    ko: Sequence[str],
    *,
    en_anchors: Sequence[frozenset[str]] | None = None,
    ko_anchors: Sequence[frozenset[str]] | None = None,
) -> list[Bead]:
    """Beads covering both sentence lists in order (Gale–Church DP plus anchors).

    ``en_anchors[i]`` / ``ko_anchors[j]`` are comparable keys (``num:31``,
    ``lat:THAAD``, ``g:weapon:…``); a key present on one side of a bead and absent
    from the other costs, one shared gains. Keys that never occur on the other
    side of the whole text are ignored.
    """
    n, m = len(en), len(ko)
    ea = list(en_anchors) if en_anchors is not None else [frozenset()] * n
    ka = list(ko_anchors) if ko_anchors is not None else [frozenset()] * m
    all_en = frozenset().union(*ea) if ea else frozenset()
    all_ko = frozenset().union(*ka) if ka else frozenset()
    shared = all_en & all_ko
    ea = [a & shared for a in ea]
    ka = [a & shared for a in ka]
    le = [len(s.replace(" ", "")) for s in en]
    lk = [len(s.replace(" ", "")) for s in ko]
    ratio = (sum(lk) / sum(le)) if sum(le) and sum(lk) else 0.4
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            base = cost[i][j]
            if base == inf:
                continue
            for de, dk, prior in BEADS:
                ni, nj = i + de, j + dk
                if ni > n or nj > m:
                    continue
                a_en = frozenset().union(*ea[i:ni]) if de else frozenset()
                a_ko = frozenset().union(*ka[j:nj]) if dk else frozenset()
                c = prior
                if de and dk:
                    c += _length_cost(sum(le[i:ni]), sum(lk[j:nj]), ratio)
                    both = len(a_en & a_ko)
                    c -= _ANCHOR_GAIN * both
                    c += _ANCHOR_MISS * len(a_en ^ a_ko)
                else:
                    c += _ANCHOR_MISS * (len(a_en) + len(a_ko))
                total = base + c
                if total < cost[ni][nj]:
                    cost[ni][nj] = total
                    back[ni][nj] = (de, dk)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        de, dk = step
        beads.append(Bead(tuple(range(i - de, i)), tuple(range(j - dk, j)), cost[i][j] - cost[i - de][j - dk]))
        i, j = i - de, j - dk
    beads.reverse()
    return beads


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


def ko_name_for(en_path: Path) -> str:
    """The Korean file name stem for an English article: ``A.txt`` → ``A.ko``."""
    return f"{en_path.stem}.ko"


def _sentences(doc: Article, *, korean: bool) -> tuple[list[str], list[int]]:
    out: list[str] = []
    lines: list[int] = []
    for p in doc.paragraphs:
        spans = korean_sentences(p.text) if korean else split_sentences(p.text)
        for s, e in spans:
            out.append(p.text[s:e])
            lines.append(p.line)
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
    return Bitext(
        Path(en_path).stem,
        str(en_path),
        str(ko_path),
        tuple(en_s),
        tuple(ko_s),
        len(en_doc.paragraphs),
        len(ko_doc.paragraphs),
        (),
        tuple(en_lines),
    )


def korean_files(paths: Sequence[str | Path]) -> dict[str, Path]:
    """Korean files named or inside named folders, by the stem of their English partner (``A.ko.txt`` → ``A``).

    In a folder only ``*.ko.*`` files are taken; a file named directly is taken
    whatever its name (``A.ko.txt`` → ``A``; ``A.txt`` → ``A``).
    """
    out: dict[str, Path] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and f.stem.endswith(".ko"):
                    out.setdefault(f.stem[: -len(".ko")], f)
        elif p.is_file():
            stem = p.stem[: -len(".ko")] if p.stem.endswith(".ko") else p.stem
            out.setdefault(stem, p)
        else:
            raise InputError.at(p, None, "no such file or folder", "check the --ko-text path")
    return out


def english_files(paths: Sequence[str | Path]) -> list[Path]:
    """English articles named or inside named folders (``*.ko.*`` files skipped), sorted.

    Folders are walked as ``termdesk.text.iter_articles`` does (hidden files and README/LICENSE skipped).
    """
    from ..text import iter_articles

    out: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = [f for f in iter_articles([p]) if not f.stem.endswith(".ko")]
        elif p.is_file():
            found = [p]
        else:
            raise InputError.at(p, None, "no such file or folder", "check the --en-text path")
        for f in found:
            if f.resolve() not in seen:
                seen.add(f.resolve())
                out.append(f)
    return out
