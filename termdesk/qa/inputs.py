"""Reading what the QA checks: PO files, English/Korean file pairs, folders of either.

* ``A.po`` — one segment per entry (msgid English, msgstr Korean); the article
  name and paragraph come from the entry's occurrence (``A:3``). Read through
  ``termdesk.po.read_po``, which validates the file before polib sees it.
* ``A.xlf`` — the same from an XLIFF 1.2 file (``pretranslate --format po,xliff``, or
  as a CAT tool saved it): one segment per trans-unit, the paragraph from its group;
  a target not yet confirmed (state other than translated/final/signed-off) counts as fuzzy.
* ``A.txt`` (or ``A.docx``) + ``A.ko.txt`` — the English is cleaned with ``termdesk.text.read_article``
  (page debris removed) and paired paragraph by paragraph with the Korean
  (see :mod:`termdesk.qa.alignment`).
* a folder — every ``A.txt`` with its ``A.po`` (preferred: it is the translator's
  edited file; pretranslate's ``A.ko.txt`` is a draft) or ``A.ko.txt``; every ``A.po``
  without an ``A.txt``. English files with neither are listed as skipped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from ..textio import read_document_text
from .alignment import korean_paragraphs, pair_paragraphs
from .records import Document, Segment

KO_SUFFIX = ".ko.txt"
XLIFF_SUFFIXES: tuple[str, ...] = (".xlf", ".xliff")
#: English article files checked against a translation next to them.
EN_SUFFIXES: tuple[str, ...] = (".txt", ".docx")


@dataclass(frozen=True)
class Inputs:
    documents: tuple[Document, ...]
    skipped: tuple[str, ...] = ()


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (KO_SUFFIX, ".ko.docx", ".po", *XLIFF_SUFFIXES, ".txt", ".docx"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def load_po(path: str | Path) -> list[Document]:
    """Documents of a PO file (one per article named in its occurrences)."""
    from ..po import read_po

    p = Path(path)
    po = read_po(p)
    by_doc: dict[str, list[Segment]] = {}
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        name, paragraph = _stem(p), None
        if entry.occurrences:
            occ_name, occ_line = entry.occurrences[0]
            name = occ_name or name
            paragraph = int(occ_line) if str(occ_line).isdigit() else None
        target = entry.msgstr
        if not target and entry.msgstr_plural:
            target = entry.msgstr_plural.get(0, "")
        target = unicodedata.normalize("NFC", target)
        segments = by_doc.setdefault(name, [])
        segments.append(
            Segment(
                index=len(segments) + 1,
                source=entry.msgid,
                target=target,
                paragraph=paragraph,
                line=getattr(entry, "linenum", None),
                fuzzy="fuzzy" in entry.flags,
            )
        )
    if not by_doc:
        raise InputError.at(p, None, "no entries to check", "give the PO file written by `termdesk pretranslate`")
    return [Document(name, str(p), str(p), tuple(segs), kind="po") for name, segs in by_doc.items()]


def load_xliff(path: str | Path) -> list[Document]:
    """The document of an XLIFF 1.2 file (one per file; its segments are its trans-units)."""
    from ..formats.xliff import read_xliff

    p = Path(path)
    xlf = read_xliff(p)
    segments = tuple(
        Segment(
            index=i,
            source=u.source,
            target=unicodedata.normalize("NFC", u.target),
            paragraph=u.paragraph,
            line=u.line,
            fuzzy=not u.confirmed,
        )
        for i, u in enumerate(xlf.units, start=1)
    )
    return [Document(_stem(p), str(p), str(p), segments, kind="xliff")]


def english_paragraphs(path: str | Path) -> list[str]:
    """The cleaned paragraphs of an English article (debris removed by termdesk.text)."""
    from ..text import read_article

    doc = read_article(path)
    return [p.text for p in doc.paragraphs if p.text.strip()]


def read_korean(path: str | Path, *, encoding: str | None = None) -> str:
    """A Korean translation file (text or .docx) as NFC text; CP949 is named with the fix for this command."""
    try:
        text = read_document_text(path, encoding=encoding)
    except InputError as exc:
        if "CP949" in exc.what:
            raise InputError.at(
                path, exc.line, exc.what, "run with --encoding cp949, or save the file as UTF-8"
            ) from None
        raise
    return unicodedata.normalize("NFC", text)


def load_pair(
    en_path: str | Path, ko_path: str | Path, *, name: str | None = None, encoding: str | None = None
) -> Document:
    """An English article and its Korean translation, paired by paragraph."""
    en_paras = english_paragraphs(en_path)
    ko_text = read_korean(ko_path, encoding=encoding)
    ko_paras = korean_paragraphs(ko_text, len(en_paras))
    segments, unaligned = pair_paragraphs(en_paras, ko_paras)
    return Document(
        name or _stem(Path(en_path)), str(en_path), str(ko_path), segments, kind="text", unaligned=unaligned
    )


def _is_english_txt(p: Path) -> bool:
    return p.suffix in EN_SUFFIXES and not p.stem.endswith(".ko")


def _from_folder(folder: Path, encoding: str | None) -> tuple[list[Document], list[str]]:
    docs: list[Document] = []
    skipped: list[str] = []
    files = sorted(f for f in folder.iterdir() if f.is_file())
    names = {f.name for f in files}
    for f in files:
        stem = _stem(f)
        if f.suffix == ".po":
            docs.extend(load_po(f))
        elif f.suffix in XLIFF_SUFFIXES:
            if f"{stem}.po" not in names:  # pretranslate writes both: the PO is the translator's file
                docs.extend(load_xliff(f))
        elif _is_english_txt(f):
            if f"{stem}.po" in names or any(f"{stem}{x}" in names for x in XLIFF_SUFFIXES):
                continue  # the PO or XLIFF is checked instead
            if f"{stem}{KO_SUFFIX}" in names:
                docs.append(load_pair(f, folder / f"{stem}{KO_SUFFIX}", encoding=encoding))
            else:
                skipped.append(f"{f}: no {stem}{KO_SUFFIX} or {stem}.po next to it")
        elif f.name.endswith(KO_SUFFIX) and f"{stem}.txt" not in names:
            skipped.append(f"{f}: no English {stem}.txt next to it")
    return docs, skipped


def _pair_folders(en: Path, ko: Path, encoding: str | None) -> tuple[list[Document], list[str]]:
    docs: list[Document] = []
    skipped: list[str] = []
    for f in sorted(en.iterdir()):
        if not (f.is_file() and _is_english_txt(f)):
            continue
        stem = _stem(f)
        for candidate in (ko / f"{stem}{KO_SUFFIX}", ko / f"{stem}.txt"):
            if candidate.is_file() and candidate != f:
                docs.append(load_pair(f, candidate, encoding=encoding))
                break
        else:
            skipped.append(f"{f}: no {stem}{KO_SUFFIX} in {ko}")
    return docs, skipped


def _unique_names(docs: list[Document]) -> list[Document]:
    """Give every document its own name: findings, anchors and groups are keyed by it."""
    import dataclasses
    from collections import Counter

    counts = Counter(d.name for d in docs)
    seen: set[str] = set()
    out = []
    for d in docs:
        name = d.name if counts[d.name] == 1 else f"{d.name} [{Path(d.target_path).name}]"
        base, n = name, 2
        while name in seen:
            name, n = f"{base} #{n}", n + 1
        seen.add(name)
        out.append(d if name == d.name else dataclasses.replace(d, name=name))
    return out


def collect(
    paths: Sequence[str | Path] = (),
    *,
    en: str | Path | None = None,
    ko: str | Path | None = None,
    encoding: str | None = None,
) -> Inputs:
    """Everything to check, from positional paths and/or an ``en``/``ko`` pair of files or folders."""
    docs: list[Document] = []
    skipped: list[str] = []
    if (en is None) != (ko is None):
        raise UsageError("--en and --ko go together: give the English file (or folder) and its Korean translation")
    if en is not None and ko is not None:
        pe, pk = Path(en), Path(ko)
        for p in (pe, pk):
            if not p.exists():
                raise InputError.at(p, None, "no such file or folder", "check the path")
        if pe.is_dir() and pk.is_dir():
            d, s = _pair_folders(pe, pk, encoding)
            docs.extend(d)
            skipped.extend(s)
        elif pe.is_file() and pk.is_file():
            docs.append(load_pair(pe, pk, encoding=encoding))
        else:
            raise UsageError("--en and --ko must both be files or both be folders")
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            d, s = _from_folder(p, encoding)
            docs.extend(d)
            skipped.extend(s)
        elif not p.exists():
            raise InputError.at(p, None, "no such file or folder", "check the path")
        elif p.suffix == ".po":
            docs.extend(load_po(p))
        elif p.suffix in XLIFF_SUFFIXES:
            docs.extend(load_xliff(p))
        elif p.name.endswith(KO_SUFFIX):
            en_file = p.with_name(f"{_stem(p)}.txt")
            if not en_file.is_file():
                raise InputError.at(p, None, f"no English {en_file.name} next to it", "use --en FILE --ko FILE")
            docs.append(load_pair(en_file, p, encoding=encoding))
        elif p.suffix in EN_SUFFIXES:
            ko_file = p.with_name(f"{_stem(p)}{KO_SUFFIX}")
            po_file = p.with_name(f"{_stem(p)}.po")
            if po_file.is_file():
                docs.extend(load_po(po_file))
            elif ko_file.is_file():
                docs.append(load_pair(p, ko_file, encoding=encoding))
            else:
                raise InputError.at(
                    p, None, f"no translation next to it ({ko_file.name} or {po_file.name})", "use --ko FILE"
                )
        else:
            raise InputError.at(
                p,
                None,
                "not a PO or XLIFF file, a .txt/.docx article or a folder",
                "give NAME.po, NAME.xlf, NAME.txt (+ NAME.ko.txt) or a folder",
            )
    docs = _unique_names(docs)
    if not docs:
        where = ", ".join(str(p) for p in [*paths, *(x for x in (en, ko) if x is not None)]) or "."
        raise InputError(
            f"{where}: no articles to check — give NAME.po files, NAME.txt + NAME.ko.txt pairs, or a folder of them"
        )
    return Inputs(tuple(docs), tuple(skipped))
