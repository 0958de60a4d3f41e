"""Reading what the QA checks: PO files, English/Korean file pairs, folders of either.

* ``A.po`` — one segment per entry (msgid English, msgstr Korean); the article
  name and paragraph come from the entry's occurrence (``A:3``). Read through
  ``termdesk.pofile.read_po``, which validates the file before polib sees it.
* ``A.xlf`` — the same from an XLIFF 1.2 file (``pretranslate --format po,xliff``, or
  as a CAT tool saved it): one segment per trans-unit, the paragraph from its group;
  a target not yet confirmed (state other than translated/final/signed-off) counts as fuzzy.
* ``A.txt`` (or ``A.en.txt``) + ``A.ko.txt``, or ``en/A.txt`` + ``ko/A.txt`` — paired by
  :mod:`termdesk.pairing` (also .md/.html); the English is cleaned with
  ``termdesk.text.read_article`` (page debris removed) and paired paragraph by
  paragraph with the Korean (see :mod:`termdesk.qa.alignment`).
* a folder — every English article with its ``A.po`` (preferred: it is the translator's
  edited file; pretranslate's ``A.ko.txt`` is a draft), else its ``A.xlf``, else its Korean
  file; every ``A.po``, and every ``A.xlf`` without an ``A.po`` beside it.
  Files without a partner are listed as skipped, naming the paths looked for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from ..pairing import (
    PAIR_SUFFIXES,
    Side,
    Unpaired,
    article_name,
    english_candidates,
    korean_candidates,
    side_of,
)
from ..textio import read_document_text
from .alignment import korean_paragraphs, pair_paragraphs
from .records import Document, Segment

XLIFF_SUFFIXES: tuple[str, ...] = (".xlf", ".xliff")


@dataclass(frozen=True)
class Inputs:
    documents: tuple[Document, ...]
    skipped: tuple[str, ...] = ()


def load_po(path: str | Path) -> list[Document]:
    """Documents of a PO file (one per article named in its occurrences)."""
    from ..pofile import read_po

    p = Path(path)
    po = read_po(p)
    by_doc: dict[str, list[Segment]] = {}
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        name, paragraph = article_name(p), None
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
    return [Document(p.stem, str(p), str(p), segments, kind="xliff")]


def english_paragraphs(path: str | Path) -> list[str]:
    """The cleaned paragraphs of an English article (debris removed by termdesk.text)."""
    from ..text import read_article

    doc = read_article(path)
    return [p.text for p in doc.paragraphs if p.text.strip()]


def english_layouts(path: str | Path) -> list[list[str]]:
    """Paragraph lists of an English article, the cleaned one first.

    The cleaner drops lines that are page furniture for mining (a byline, a release
    date, ``Readout`` / ``Office of the Spokesperson``) but that a translator may well
    translate. The other layouts put them back — each removed line as its own
    paragraph, then consecutive removed lines as one — so that a Korean translation
    that kept them still pairs paragraph by paragraph (the layout class of issue 18).
    """
    from ..text import read_article

    doc = read_article(path)
    kept = [(p.line, p.text) for p in doc.paragraphs if p.text.strip()]
    layouts = [[t for _, t in kept]]
    removed = [(r.line, r.text) for r in doc.removed if r.text.strip() and r.reason != "duplicate-text"]
    if not removed:
        return layouts
    layouts.append([t for _, t in sorted(kept + removed)])
    merged: list[tuple[int, str]] = []
    for line, text in removed:
        if merged and line == merged[-1][0] + merged[-1][1].count("\n") + 1:
            merged[-1] = (merged[-1][0], merged[-1][1] + "\n" + text)
        else:
            merged.append((line, text))
    layouts.append([t.replace("\n", " ") for _, t in sorted(kept + merged)])
    return layouts


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
    ko_text = read_korean(ko_path, encoding=encoding)
    layouts = english_layouts(en_path)
    en_paras = layouts[0]
    for layout in layouts:  # a layout that pairs one to one, preferring the cleaned text
        if len(korean_paragraphs(ko_text, len(layout))) == len(layout):
            en_paras = layout
            break
    ko_paras = korean_paragraphs(ko_text, len(en_paras))
    segments, unaligned = pair_paragraphs(en_paras, ko_paras)
    return Document(
        name or article_name(en_path), str(en_path), str(ko_path), segments, kind="text", unaligned=unaligned
    )


def _from_folder(folder: Path, encoding: str | None) -> tuple[list[Document], list[str]]:
    """PO files and English/Korean pairs in a folder (``termdesk.pairing``), in path order.

    An English article with an ``A.po`` beside it is checked through the PO (the
    translator's edited file) instead of its Korean file.
    """
    from ..pairing import collect_pairs

    found = collect_pairs([folder])
    pos = sorted(f for f in folder.rglob("*.po") if f.is_file() and not _hidden(f, folder))
    # A bilingual file per article: the PO, else an XLIFF (pretranslate writes both; the PO is the merge base).
    bilingual: dict[Path, Path] = {po.with_suffix(""): po for po in pos}
    for x in sorted(f for f in folder.rglob("*") if f.suffix.lower() in XLIFF_SUFFIXES and f.is_file()):
        if not _hidden(x, folder):
            bilingual.setdefault(x.with_suffix(""), x)
    items: list[tuple[Path, object]] = [(b, b) for b in bilingual.values()]
    for pair in found.pairs:
        if pair.en.with_name(pair.name) not in bilingual:
            items.append((pair.en, pair))
    for u in found.unpaired:
        key = u.path.with_name(article_name(u.path))
        if u.side is Side.ENGLISH and key not in bilingual:
            items.append((u.path, Unpaired(u.path, u.side, (*u.looked_for, key.with_suffix(".po")))))
        elif u.side is Side.KOREAN and key not in bilingual:  # a draft beside its PO: the PO is checked
            items.append((u.path, u))
    docs: list[Document] = []
    skipped: list[str] = []
    for _, item in sorted(items, key=lambda x: str(x[0])):
        if isinstance(item, Path):
            docs.extend(load_po(item) if item.suffix == ".po" else load_xliff(item))
        elif isinstance(item, Unpaired):
            skipped.append(item.message)
        else:
            docs.append(load_pair(item.en, item.ko, name=item.name, encoding=encoding))  # type: ignore[attr-defined]
    return docs, skipped


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def _pair_folders(en: Path, ko: Path, encoding: str | None) -> tuple[list[Document], list[str]]:
    from ..pairing import pair_folders

    found = pair_folders(en, ko)
    docs = [load_pair(p.en, p.ko, name=p.name, encoding=encoding) for p in found.pairs]
    return docs, [u.message for u in found.unpaired]


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
            docs.append(load_pair(pe, pk, name=article_name(pe), encoding=encoding))
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
        elif p.suffix.lower() in XLIFF_SUFFIXES:
            docs.extend(load_xliff(p))
        elif side_of(p) is Side.KOREAN:
            cands = english_candidates(p)
            en_file = next((c for c in cands if c.is_file()), None)
            if en_file is None:
                raise InputError(f"{Unpaired(p, Side.KOREAN, cands).message} — use --en FILE --ko FILE")
            docs.append(load_pair(en_file, p, name=article_name(p), encoding=encoding))
        elif p.suffix.lower() in PAIR_SUFFIXES:
            po_file = p.with_name(f"{article_name(p)}.po")
            cands = korean_candidates(p)
            ko_file = next((c for c in cands if c.is_file()), None)
            xlfs = (p.with_name(f"{article_name(p)}{x}") for x in XLIFF_SUFFIXES)
            xlf_file = next((f for f in xlfs if f.is_file()), None)
            if po_file.is_file():
                docs.extend(load_po(po_file))
            elif xlf_file is not None:
                docs.extend(load_xliff(xlf_file))
            elif ko_file is not None:
                docs.append(load_pair(p, ko_file, name=article_name(p), encoding=encoding))
            else:
                raise InputError(f"{Unpaired(p, Side.ENGLISH, (*cands, po_file)).message} — use --ko FILE")
        else:
            raise InputError.at(
                p,
                None,
                "not a PO or XLIFF file, an article (.txt, .md, .html, .docx) or a folder",
                "give NAME.po, NAME.xlf, NAME.txt (+ NAME.ko.txt) or a folder",
            )
    docs = _unique_names(docs)
    if not docs:
        where = ", ".join(str(p) for p in [*paths, *(x for x in (en, ko) if x is not None)]) or "."
        raise InputError(
            f"{where}: no articles to check — give NAME.po files, NAME.txt + NAME.ko.txt pairs, or a folder of them"
        )
    return Inputs(tuple(docs), tuple(skipped))
