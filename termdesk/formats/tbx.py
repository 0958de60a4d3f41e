"""TBX-Basic (ISO 30042:2019, TBX v3, DCA style), built and read with lxml.

Why not translate-toolkit's ``translate.storage.tbx``: it writes the older TBX
v2 dialect (``<martif>`` with the ``TBXcdv04`` DTD, no namespace) and its API
has no way to set a term's administrative status or a ``source``, so variants
and avoided renderings could not be told apart. Export therefore builds the
tree with the lxml element API (never string concatenation) and checks the
result with :func:`structure_problems`; import reads TBX v3 and also TBX v2
``<martif>`` files (what translate-toolkit, older MultiTerm and Xbench write).

One ``conceptEntry`` per glossary entry::

    conceptEntry id="weapon.terminal-high-altitude-area-defense"   (entry id, ':' → '.', an xsd:ID)
      descrip type="subjectField"   type
      note                          note
      langSec xml:lang="en"
        termSec  term = en,            administrativeStatus preferredTerm-admn-sts
                 note "match: case-sensitive"   (only when match is set)
        termSec  term = each en_variant, admittedTerm-admn-sts
      langSec xml:lang="ko"
        termSec  term = ko,            preferredTerm-admn-sts, admin type="source"
                 note "ko_short: 장관", "ko_first: …", "valid_from: 2018-05", "valid_to: …"
                                        (the optional columns, each only when set; read back on import)
        termSec  term = each ko_variant, admittedTerm-admn-sts
        termSec  term = each ko_avoid,   deprecatedTerm-admn-sts

Not carried: ``status`` (the export's ``--status`` chooses the entries;
import makes proposals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..glossary import OPTIONAL_COLUMNS, SEPARATOR, Entry, Problem
from .base import TYPES, Parsed, Rendered, make_entry, read_bytes, unique_ids, warning

if TYPE_CHECKING:  # pragma: no cover
    from lxml import etree

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DIALECT = "TBX-Basic"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
STATUSES = frozenset({PREFERRED, ADMITTED, DEPRECATED, "supersededTerm-admn-sts"})
MATCH_NOTE = re.compile(r"match: (case-sensitive|case-insensitive)")
OPTIONAL_NOTE = re.compile(r"(ko_short|ko_first|valid_from|valid_to): (.+)")
_NCNAME = re.compile(r"[^\W\d][\w.\-]*")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def concept_id(entry_id: str) -> str:
    """``weapon:thaad`` → ``weapon.thaad``: an xsd:ID (NCName) as TBX requires; reversible (slugs have no '.')."""
    cid = re.sub(r"[^\w.\-]", "_", entry_id.replace(":", ".", 1))
    return cid if _NCNAME.fullmatch(cid) else "_" + cid


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


# --------------------------------------------------------------------------- export


def build(entries: Sequence[Entry]) -> etree._Element:
    """The TBX tree for ``entries`` (lxml element API)."""
    from lxml import etree

    root = etree.Element(_q("tbx"), nsmap={None: NS}, attrib={"type": DIALECT, "style": "dca", XML_LANG: "en"})
    header = etree.SubElement(root, _q("tbxHeader"))
    file_desc = etree.SubElement(header, _q("fileDesc"))
    source_desc = etree.SubElement(file_desc, _q("sourceDesc"))
    etree.SubElement(source_desc, _q("p")).text = "termdesk glossary export (English → Korean)"
    body = etree.SubElement(etree.SubElement(root, _q("text")), _q("body"))
    for e, eid in zip(entries, unique_ids(entries), strict=False):
        optional = [f"{c}: {getattr(e, c)}" for c in OPTIONAL_COLUMNS if getattr(e, c)]
        for value in (e.en, e.ko, *e.en_variants, *e.ko_variants, *e.ko_avoid, e.note, e.source, e.type, *optional):
            if _XML_ILLEGAL.search(value):
                raise InputError.at(
                    e.path or "?",
                    e.line,
                    f"entry {e.id!r} contains a control character XML cannot hold",
                    "delete it (termdesk glossary check finds it)",
                )
        concept = etree.SubElement(body, _q("conceptEntry"), id=concept_id(eid))
        if e.type:
            etree.SubElement(concept, _q("descrip"), type="subjectField").text = e.type
        if e.note:
            etree.SubElement(concept, _q("note")).text = e.note
        en = etree.SubElement(concept, _q("langSec"), {XML_LANG: "en"})
        _term(en, e.en, PREFERRED, note=f"match: {e.match}" if e.match else "")
        for v in e.en_variants:
            _term(en, v, ADMITTED)
        ko = etree.SubElement(concept, _q("langSec"), {XML_LANG: "ko"})
        _term(ko, e.ko, PREFERRED, source=e.source, notes=optional)
        for v in e.ko_variants:
            _term(ko, v, ADMITTED)
        for v in e.ko_avoid:
            _term(ko, v, DEPRECATED)
    return root


def _term(
    lang_sec: etree._Element, text: str, status: str, *, source: str = "", note: str = "", notes: Sequence[str] = ()
) -> None:
    from lxml import etree

    term_sec = etree.SubElement(lang_sec, _q("termSec"))
    etree.SubElement(term_sec, _q("term")).text = text
    etree.SubElement(term_sec, _q("termNote"), type="administrativeStatus").text = status
    if source:
        etree.SubElement(term_sec, _q("admin"), type="source").text = source
    for text_ in (note, *notes):
        if text_:
            etree.SubElement(term_sec, _q("note")).text = text_


def export(entries: Sequence[Entry]) -> Rendered:
    from lxml import etree

    root = build(entries)
    problems = structure_problems(root)
    if problems:  # our own output must always pass: a failure here is a bug
        raise RuntimeError(f"bug: exported TBX fails its structure check: {problems[0]}")
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
    return Rendered(text=text, entries=len(entries), records=len(entries))


def structure_problems(root: etree._Element) -> list[str]:
    """Structural check of a TBX-Basic v3 tree as termdesk writes it (empty list = fine).

    Root ``tbx`` in the TBX v3 namespace, ``type="TBX-Basic"``, ``style="dca"``,
    header and body present; every ``conceptEntry`` has a unique NCName id,
    an ``en`` and a ``ko`` ``langSec`` each with at least one ``termSec``
    holding exactly one non-empty ``term``, exactly one preferred term per
    language and only TBX-Basic administrative statuses.
    """
    out: list[str] = []
    if root.tag != _q("tbx"):
        return [f"root is {root.tag!r}, expected {_q('tbx')!r}"]
    if root.get("type") != DIALECT or root.get("style") != "dca":
        out.append(f"root type/style is {root.get('type')!r}/{root.get('style')!r}, expected {DIALECT!r}/'dca'")
    if root.find(f"{_q('tbxHeader')}/{_q('fileDesc')}") is None:
        out.append("no tbxHeader/fileDesc")
    body = root.find(f"{_q('text')}/{_q('body')}")
    if body is None:
        return [*out, "no text/body"]
    ids: set[str] = set()
    for concept in body:
        where = f"line {concept.sourceline}" if concept.sourceline else "conceptEntry"
        if concept.tag != _q("conceptEntry"):
            out.append(f"{where}: unexpected {concept.tag!r} in body")
            continue
        cid = concept.get("id") or ""
        if not _NCNAME.fullmatch(cid):
            out.append(f"{where}: id {cid!r} is not an NCName")
        if cid in ids:
            out.append(f"{where}: duplicate id {cid!r}")
        ids.add(cid)
        langs = [ls.get(XML_LANG) for ls in concept.findall(_q("langSec"))]
        for lang in ("en", "ko"):
            if langs.count(lang) != 1:
                out.append(f"{where}: {langs.count(lang)} langSec for {lang!r}, expected 1")
        for ls in concept.findall(_q("langSec")):
            secs = ls.findall(_q("termSec"))
            if not secs:
                out.append(f"{where}: langSec {ls.get(XML_LANG)!r} has no termSec")
            preferred = 0
            for ts in secs:
                terms = ts.findall(_q("term"))
                if len(terms) != 1 or not (terms[0].text or "").strip():
                    out.append(f"{where}: termSec without exactly one non-empty term")
                for tn in ts.findall(_q("termNote")):
                    if tn.get("type") == "administrativeStatus":
                        if tn.text not in STATUSES:
                            out.append(f"{where}: unknown administrativeStatus {tn.text!r}")
                        preferred += tn.text == PREFERRED
            if preferred != 1:
                out.append(f"{where}: {preferred} preferred terms in {ls.get(XML_LANG)!r}, expected 1")
    return out


# --------------------------------------------------------------------------- import


@dataclass(frozen=True)
class _Dialect:
    name: str
    concept: str
    lang: str
    term_holders: tuple[str, ...]


_V3 = _Dialect("TBX v3", _q("conceptEntry"), _q("langSec"), (_q("termSec"),))
_V2 = _Dialect("TBX v2", "termEntry", "langSet", ("tig", "ntig"))


def parse(path: str | Path) -> Parsed:
    from lxml import etree

    spath = str(path)
    data = read_bytes(path)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        msg = " ".join(str(exc.msg).split())
        msg = re.sub(r",? line \d+, column \d+$", "", msg)
        raise InputError.at(
            spath,
            exc.lineno or None,
            f"not well-formed XML ({msg})",
            "repair the file, or export it again from the terminology tool",
        ) from None
    dialect = _dialect(spath, root)
    entries: list[Entry] = []
    problems: list[Problem] = []
    for concept in root.iter(dialect.concept):
        entry, problem = _concept(spath, dialect, concept)
        if entry is not None:
            entries.append(entry)
        if problem is not None:
            problems.append(problem)
    return Parsed(path=spath, format="tbx", entries=tuple(entries), problems=tuple(problems))


def _dialect(path: str, root: etree._Element) -> _Dialect:
    tag = root.tag if isinstance(root.tag, str) else ""
    local = tag.rpartition("}")[2]
    ns = tag[1:].partition("}")[0] if tag.startswith("{") else ""
    line = root.sourceline
    expected = f'expected <tbx xmlns="{NS}"> (TBX v3, e.g. TBX-Basic) or <martif> (TBX v2)'
    if local == "tbx":
        if ns != NS:
            got = f"namespace {ns!r}" if ns else "no namespace"
            raise InputError.at(
                path,
                line,
                f"root <tbx> is in {got}, not the TBX v3 namespace",
                f'export it again as TBX-Basic (TBX v3, xmlns="{NS}")',
            )
        if root.get("style") == "dct":
            raise InputError.at(
                path,
                line,
                "TBX in DCT style (data categories as elements) is not supported",
                "export it as TBX-Basic in DCA style",
            )
        return _V3
    if tag == "martif":
        return _V2
    shown = f"<{local}>" + (f" in namespace {ns!r}" if ns else "")
    raise InputError.at(path, line, f"root element is {shown}, not a TBX file", expected)


def _lang(node: etree._Element) -> str:
    return (node.get(XML_LANG) or node.get("lang") or "").split("-")[0].split("_")[0].casefold()


def _local(node: etree._Element) -> str:
    return node.tag.rpartition("}")[2] if isinstance(node.tag, str) else ""


def _text(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def _status(value: str) -> str:
    v = value.strip().casefold()
    if v.startswith("preferred"):
        return "preferred"
    if v.startswith("admitted"):
        return "admitted"
    if v.startswith(("deprecated", "superseded")):
        return "deprecated"
    return ""


@dataclass(frozen=True)
class _Term:
    text: str
    status: str
    notes: tuple[str, ...]
    sources: tuple[str, ...]


def _terms(dialect: _Dialect, lang_sec: etree._Element) -> list[_Term]:
    out = []
    for holder in lang_sec:
        if holder.tag not in dialect.term_holders:
            continue
        text, status, notes, sources = "", "", [], []
        for node in holder.iter():
            name = _local(node)
            if name == "term" and not text:
                text = _text(node)
            elif name == "termNote" and node.get("type") == "administrativeStatus":
                status = _status(_text(node))
            elif name == "note":
                notes.append(_text(node))
            elif name == "admin" and node.get("type") == "source":
                sources.append(_text(node))
        if text:
            out.append(_Term(text, status, tuple(notes), tuple(sources)))
    return out


def _concept(path: str, dialect: _Dialect, concept: etree._Element) -> tuple[Entry | None, Problem | None]:
    line = concept.sourceline
    cid = concept.get("id") or f"line {line}"
    types: list[str] = []
    notes: list[str] = []
    sources: list[str] = []
    by_lang: dict[str, list[_Term]] = {}
    for child in concept:
        if child.tag == dialect.lang:
            lang = _lang(child)
            by_lang.setdefault(lang, []).extend(_terms(dialect, child))
            for node in child:
                if _local(node) == "note":
                    notes.append(_text(node))
                elif _local(node) == "admin" and node.get("type") == "source":
                    sources.append(_text(node))
            continue
        for node in child.iter():  # concept-level data (possibly inside descripGrp/adminGrp)
            nname = _local(node)
            if nname == "descrip" and node.get("type") == "subjectField":
                types.append(_text(node))
            elif (nname == "descrip" and node.get("type") == "definition") or nname == "note":
                notes.append(_text(node))
            elif nname == "admin" and node.get("type") == "source":
                sources.append(_text(node))
    en_terms, ko_terms = by_lang.get("en", []), by_lang.get("ko", [])
    if not en_terms or not ko_terms:
        missing = "English (en)" if not en_terms else "Korean (ko)"
        return None, warning(path, line, "no-language", f"concept {cid!r} has no {missing} term; skipped", "")
    en_order = sorted(en_terms, key=lambda t: {"preferred": 0, "": 1, "admitted": 2, "deprecated": 3}[t.status])
    en, en_variants = en_order[0], [t.text for t in en_order[1:]]
    usable_ko = [t for t in ko_terms if t.status != "deprecated"]
    if not usable_ko:
        return None, warning(
            path, line, "no-language", f"concept {cid!r} has only deprecated Korean terms; skipped", ""
        )
    ko_order = sorted(usable_ko, key=lambda t: {"preferred": 0, "": 1, "admitted": 2}[t.status])
    ko = ko_order[0]
    match = ""
    for t in en_terms:
        for n in t.notes:
            m = MATCH_NOTE.fullmatch(n)
            if m and t is en and not match:
                match = m.group(1)
            else:
                notes.append(f"{t.text}: {n}")
    optional: dict[str, str] = {}
    for t in ko_terms:
        for n in t.notes:
            m = OPTIONAL_NOTE.fullmatch(n)
            if m and t is ko and m.group(1) not in optional:
                optional[m.group(1)] = m.group(2)
            else:
                notes.append(f"{t.text}: {n}")
    for t in (ko, *ko_terms, *en_terms):
        sources.extend(t.sources)
    type_ = next((t for t in types if t in TYPES), "")
    unknown = [t for t in types if t not in TYPES]
    problem = None
    if unknown and not type_:
        problem = warning(
            path,
            line,
            "unknown-type",
            f"concept {cid!r}: subject field {unknown[0]!r} is not a glossary type; type left empty",
            "set it with --type or in the proposals file",
            column="type",
        )
    values = {
        "en": en.text,
        "ko": ko.text,
        "type": type_,
        "en_variants": SEPARATOR.join(en_variants),
        "ko_variants": SEPARATOR.join(t.text for t in ko_order[1:]),
        "ko_avoid": SEPARATOR.join(t.text for t in ko_terms if t.status == "deprecated"),
        "note": " ".join(n for n in notes if n),
        "source": "; ".join(dict.fromkeys(s for s in sources if s)),
        "match": match,
        **optional,
    }
    return make_entry(values, path=path, line=line), problem
