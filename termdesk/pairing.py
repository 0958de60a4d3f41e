"""Which file is the English article, which is its Korean version, and which are termdesk's own outputs.

One convention for every command (mine, align, qa, pretranslate, annotate):

* **Side by side** — ``A.txt`` or ``A.en.txt`` (English) with ``A.ko.txt`` (Korean),
  and the same for ``.md``, ``.html``/``.htm`` and ``.docx``. The Korean file of the
  same suffix is preferred; any other suffix is accepted.
* **Two folders** — ``en/`` and ``ko/`` with the same names: ``A.txt`` or ``A.en.txt``
  in ``en/``, ``A.txt`` or ``A.ko.txt`` in ``ko/``. A folder named ``ko`` beside a
  folder named ``en`` is the Korean side (explicit ``--en``/``--ko`` folders may have
  any names).

A file is on the **Korean side** when its name carries the ``.ko`` tag or it lies in a
``ko/`` folder that has an ``en/`` sibling. termdesk's own **outputs** — the draft
``A.ko.txt`` (Korean side already), ``A.po``, ``A.terms.csv``, mined candidates and
proposals CSVs, the QA HTML report — are not English articles either: CSV and PO are
not article suffixes, and an HTML file that termdesk wrote carries the generator mark
:data:`GENERATOR_MARK`. Commands that read English (:func:`english_articles`) skip
both; commands that read pairs (:func:`collect_pairs`, :func:`pair_folders`) get
:class:`ArticlePair` records, and an English file with no Korean partner is an
:class:`Unpaired` whose message names every path that was looked for::

    en/A.en.txt: no Korean file — looked for ko/A.ko.txt, ko/A.txt

Folders are walked as articles always were (recursively; hidden files and a folder's
own ``README``/``LICENSE``/``CHANGELOG``/``NOTICE`` skipped). Only suffixes the reader
understands (``termdesk.text.ARTICLE_SUFFIXES``) are collected from folders;
:data:`PAIR_SUFFIXES` (which adds ``.docx``) is what names are recognised and
partners looked for with.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = [
    "EN_TAG",
    "GENERATOR_MARK",
    "KO_TAG",
    "OUTPUT_SUFFIXES",
    "PAIR_SUFFIXES",
    "ArticlePair",
    "Pairing",
    "Side",
    "Unpaired",
    "article_name",
    "collect_pairs",
    "english_articles",
    "english_candidates",
    "korean_candidates",
    "korean_files",
    "pair_folders",
    "side_of",
    "walk_files",
]

#: Suffixes a paired article may have (names are parsed and partners looked for with these).
PAIR_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx")
#: Language tags before the suffix: ``A.en.txt``, ``A.ko.txt``.
EN_TAG = ".en"
KO_TAG = ".ko"
#: Names of the folders of the two-folder layout.
EN_FOLDER = "en"
KO_FOLDER = "ko"
#: Files termdesk writes next to articles (besides the draft ``A.ko.txt``): never articles.
OUTPUT_SUFFIXES: tuple[str, ...] = (
    ".po",
    ".terms.csv",
    ".csv",
    ".tsv",
    ".tbx",
    ".utf8",
    ".sqlite",
    ".xlf",
    ".xliff",
    ".tmx",
)
#: Written into the head of every HTML file termdesk produces, so that it is never read back as an article.
GENERATOR_MARK = '<meta name="generator" content="termdesk">'


class Side(enum.StrEnum):
    """What a file is, for pairing."""

    ENGLISH = "en"
    KOREAN = "ko"
    OUTPUT = "output"
    OTHER = "other"


@dataclass(frozen=True)
class ArticlePair:
    """An English article and its Korean version; ``name`` is the shared stem (``A`` for ``A.en.txt``)."""

    name: str
    en: Path
    ko: Path


@dataclass(frozen=True)
class Unpaired:
    """A file whose partner was not found, with every path that was looked for (in order)."""

    path: Path
    side: Side
    looked_for: tuple[Path, ...]

    @property
    def message(self) -> str:
        """``en/A.en.txt: no Korean file — looked for ko/A.ko.txt, ko/A.txt (also as .md, .html, .htm, .docx)``.

        Paths with the file's own suffix are listed in full, the other suffixes tried are named after them.
        """
        other = "Korean" if self.side is Side.ENGLISH else "English"
        own = self.path.suffix.lower()
        listed = [p for p in self.looked_for if p.suffix.lower() == own or p.suffix.lower() not in PAIR_SUFFIXES]
        also = list(dict.fromkeys(p.suffix for p in self.looked_for if p not in listed))
        where = ", ".join(str(p) for p in listed) or "nothing to look for"
        tail = f" (also as {', '.join(also)})" if also else ""
        return f"{self.path}: no {other} file — looked for {where}{tail}"


@dataclass(frozen=True)
class Pairing:
    """Pairs found, in order, and the files left without a partner."""

    pairs: tuple[ArticlePair, ...]
    unpaired: tuple[Unpaired, ...] = ()


# --------------------------------------------------------------------------- names


def _split(path: Path) -> tuple[str, str, str]:
    """``(stem, tag, suffix)``: ``A.en.txt`` → ``("A", ".en", ".txt")``; ``A.txt`` → ``("A", "", ".txt")``."""
    name = path.name
    suffix = path.suffix
    if suffix.lower() not in PAIR_SUFFIXES:
        return path.stem, "", suffix
    stem = name[: -len(suffix)]
    for tag in (EN_TAG, KO_TAG):
        if stem.lower().endswith(tag) and len(stem) > len(tag):
            return stem[: -len(tag)], tag, suffix
    return stem, "", suffix


def article_name(path: str | Path) -> str:
    """The name shared by an article and its translation: ``A`` for ``A.txt``, ``A.en.txt``, ``A.ko.md``."""
    return _split(Path(path))[0]


def _in_ko_folder(path: Path) -> bool:
    """Inside ``…/ko/`` with an ``en/`` sibling (the two-folder layout)."""
    for parent in path.parents:
        if parent.name.lower() == KO_FOLDER:
            return any((parent.parent / n).is_dir() for n in (EN_FOLDER, EN_FOLDER.upper()))
    return False


def _is_termdesk_html(path: Path) -> bool:
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return GENERATOR_MARK.encode() in head


def side_of(path: str | Path) -> Side:
    """Which side of a pair a file is on, by its name and folder (and, for HTML, termdesk's generator mark)."""
    p = Path(path)
    lower = p.name.lower()
    if any(lower.endswith(s) for s in OUTPUT_SUFFIXES):
        return Side.OUTPUT
    if p.suffix.lower() not in PAIR_SUFFIXES:
        return Side.OTHER
    if _split(p)[1] == KO_TAG or _in_ko_folder(p):
        return Side.KOREAN
    if _is_termdesk_html(p):
        return Side.OUTPUT
    return Side.ENGLISH


def _suffix_order(suffix: str) -> list[str]:
    return [suffix, *(s for s in PAIR_SUFFIXES if s != suffix.lower())]


def korean_candidates(en_path: str | Path, *, ko_dir: str | Path | None = None) -> tuple[Path, ...]:
    """Where the Korean version of ``en_path`` may be, in order of preference.

    Beside it: ``A.ko.SUFFIX``. In a ``ko_dir`` (given, or the ``ko/`` sibling of the
    ``en/`` folder holding ``en_path``): ``A.ko.SUFFIX``, then ``A.SUFFIX``. The same
    suffix comes first, then the other :data:`PAIR_SUFFIXES`.
    """
    p = Path(en_path)
    name, _, suffix = _split(p)
    if ko_dir is None and p.parent.name.lower() == EN_FOLDER:
        sibling = p.parent.parent / KO_FOLDER
        if sibling.is_dir():
            ko_dir = sibling
    out: list[Path] = []
    if ko_dir is None:
        out.extend(p.with_name(f"{name}{KO_TAG}{s}") for s in _suffix_order(suffix))
    else:
        d = Path(ko_dir)
        for s in _suffix_order(suffix):
            out.extend((d / f"{name}{KO_TAG}{s}", d / f"{name}{s}"))
    return tuple(c for c in out if c != p)


def english_candidates(ko_path: str | Path, *, en_dir: str | Path | None = None) -> tuple[Path, ...]:
    """Where the English article of ``ko_path`` may be, in order (mirror of :func:`korean_candidates`)."""
    p = Path(ko_path)
    name, _, suffix = _split(p)
    if en_dir is None and p.parent.name.lower() == KO_FOLDER:
        sibling = p.parent.parent / EN_FOLDER
        if sibling.is_dir():
            en_dir = sibling
    d = Path(en_dir) if en_dir is not None else p.parent
    out: list[Path] = []
    for s in _suffix_order(suffix):
        out.extend((d / f"{name}{EN_TAG}{s}", d / f"{name}{s}"))
    return tuple(c for c in out if c != p)


def _first_file(candidates: Sequence[Path]) -> Path | None:
    return next((c for c in candidates if c.is_file()), None)


# --------------------------------------------------------------------------- walking folders


def _readable_suffixes() -> tuple[str, ...]:
    from .text import ARTICLE_SUFFIXES

    return ARTICLE_SUFFIXES


def _walk(folder: Path) -> list[Path]:
    """Article files in a folder (recursively), sorted; hidden files and folder notes skipped."""
    from .text import FOLDER_NOTES

    readable = _readable_suffixes()
    return sorted(
        f
        for f in folder.rglob("*")
        if f.is_file()
        and f.suffix.lower() in readable
        and f.stem.upper() not in FOLDER_NOTES
        and not any(part.startswith(".") for part in f.relative_to(folder).parts)
    )


def walk_files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, bool]]:
    """``(file, named)`` for every file named or inside a named folder, each once; missing paths raise.

    ``-`` (standard input, see ``termdesk.textio.STDIN``) is yielded as a named ``Path('-')``.
    """
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if str(given) == "-":
            yield p, True
            continue
        if p.is_dir():
            found, named = _walk(p), False
        elif p.exists():
            found, named = [p], True
        elif p.is_symlink():  # a dangling link or a link loop: say which
            from .textio import read_error

            try:
                p.stat()
            except OSError as exc:
                raise read_error(p, exc) from None
            raise InputError.at(p, None, "no such file or folder", "check the path")
        else:
            raise InputError.at(p, None, "no such file or folder", "check the path")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f, named


def english_articles(paths: Sequence[str | Path]) -> list[Path]:
    """English articles named or inside named folders, sorted per folder, each once.

    In folders, the Korean side (``A.ko.txt``, files in a ``ko/`` folder beside
    ``en/``) and termdesk's outputs are skipped. A file named directly is taken
    whatever its name (the caller asked for it). ``InputError`` for a missing path,
    and when no article is found at all.
    """
    found = [f for f, named in walk_files(paths) if named or side_of(f) is Side.ENGLISH]
    if not found:
        raise InputError(
            f"{', '.join(str(p) for p in paths)}: no articles found (.txt, .md, .html, .docx) — give files or folders"
        )
    return found


def korean_files(paths: Sequence[str | Path]) -> dict[str, Path]:
    """Korean files named or inside named folders, by article name (``A.ko.txt`` → ``A``), first one kept.

    In folders only the Korean side is taken (``A.ko.*``, files in ``ko/`` beside
    ``en/``); a file named directly is taken whatever its name (``A.txt`` → ``A``).
    """
    out: dict[str, Path] = {}
    for f, named in walk_files(paths):
        if named or side_of(f) is Side.KOREAN:
            out.setdefault(article_name(f), f)
    return out


# --------------------------------------------------------------------------- pairs


def collect_pairs(paths: Sequence[str | Path]) -> Pairing:
    """Pairs from files and folders laid out side by side or as ``en/`` + ``ko/``.

    A named English file must have its Korean partner (``InputError`` naming the
    paths looked for); a named Korean file must have its English one. In folders,
    English files without a partner and Korean files without an English one are
    returned as :class:`Unpaired`.
    """
    pairs: list[ArticlePair] = []
    unpaired: list[Unpaired] = []
    used: set[Path] = set()
    korean_seen: list[Path] = []
    for f, named in walk_files(paths):
        side = side_of(f)
        if side is Side.KOREAN:
            if named:
                cands = english_candidates(f)
                en = _first_file(cands)
                if en is None:
                    raise InputError(Unpaired(f, Side.KOREAN, cands).message)
                _add(pairs, used, ArticlePair(article_name(f), en, f))
            else:
                korean_seen.append(f)
            continue
        if side is not Side.ENGLISH and not named:
            continue
        cands = korean_candidates(f)
        ko = _first_file(cands)
        if ko is None:
            if named:
                raise InputError(Unpaired(f, Side.ENGLISH, cands).message)
            unpaired.append(Unpaired(f, Side.ENGLISH, cands))
            continue
        _add(pairs, used, ArticlePair(article_name(f), f, ko))
    for k in korean_seen:
        cands = english_candidates(k)
        if k.resolve() not in used and _first_file(cands) is None:  # a second Korean version is not unpaired
            unpaired.append(Unpaired(k, Side.KOREAN, cands))
    return Pairing(tuple(pairs), tuple(unpaired))


def _add(pairs: list[ArticlePair], used: set[Path], pair: ArticlePair) -> None:
    key = pair.ko.resolve()
    if key not in used:
        used.add(key)
        pairs.append(pair)


def pair_folders(en_dir: str | Path, ko_dir: str | Path) -> Pairing:
    """Pairs from an English folder and a Korean folder, by name.

    English: ``A.txt`` or ``A.en.txt`` (not the Korean side, not outputs) directly in
    ``en_dir``; Korean: ``A.ko.txt`` or ``A.txt`` in ``ko_dir`` (same suffix first).
    """
    en_d, ko_d = Path(en_dir), Path(ko_dir)
    pairs: list[ArticlePair] = []
    unpaired: list[Unpaired] = []
    used: set[Path] = set()
    readable = _readable_suffixes()
    for f in sorted(en_d.iterdir()):
        if not f.is_file() or f.suffix.lower() not in readable or _split(f)[1] == KO_TAG:
            continue
        if side_of(f) is Side.OUTPUT:
            continue
        cands = korean_candidates(f, ko_dir=ko_d)
        ko = _first_file(cands)
        if ko is None:
            unpaired.append(Unpaired(f, Side.ENGLISH, cands))
        else:
            _add(pairs, used, ArticlePair(article_name(f), f, ko))
    return Pairing(tuple(pairs), tuple(unpaired))
