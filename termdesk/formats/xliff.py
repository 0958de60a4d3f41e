"""XLIFF 1.2 drafts for CAT tools (Trados, memoQ, Phrase, OmegaT), written and read with lxml.

One ``<file>`` per article (``source-language="en" target-language="ko"``,
``datatype="plaintext"``), one ``<group>`` per paragraph (``id="p3"``), one
``<trans-unit>`` per segment (``id="s12"``) with:

* ``<source>`` the English segment, ``<target>`` the draft;
* ``state="needs-review-translation"`` for a machine draft (``state-qualifier``
  ``mt-suggestion``, or ``leveraged-glossary`` for the glossary-only backend),
  ``state="translated"`` for a segment the translator confirmed, and
  ``state="needs-translation"`` for a segment whose terms could not be verified;
* one ``<note from="termdesk">`` per glossary term (``term: English → 한국어``) and
  one for each warning (``priority="1"`` when the terms are not verified).

:func:`read_xliff` reads such a file back (also one a CAT tool has saved): units in
order with their state, paragraph and line, for the merge on the next run and for
``termdesk qa``. Parsing refuses DTDs and external entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

NS = "urn:oasis:names:tc:xliff:document:1.2"
NOTE_FROM = "termdesk"

#: States a CAT tool uses for a target a person has confirmed; these are never overwritten.
CONFIRMED_STATES: frozenset[str] = frozenset({"translated", "final", "signed-off"})
STATE_DRAFT = "needs-review-translation"
STATE_CONFIRMED = "translated"
STATE_UNVERIFIED = "needs-translation"


@dataclass(frozen=True)
class DraftUnit:
    """One segment as it goes into the XLIFF file."""

    index: int  # 0-based segment number
    paragraph: int  # 0-based paragraph number
    source: str
    target: str
    state: str
    qualifier: str | None = None
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    urgent: bool = False


@dataclass(frozen=True)
class ReadUnit:
    """A trans-unit read back: ``key`` is (source, n-th occurrence of that source in the file)."""

    id: str
    source: str
    target: str
    state: str
    paragraph: int | None
    line: int | None
    approved: bool = False

    @property
    def confirmed(self) -> bool:
        return bool(self.target.strip()) and (self.approved or self.state in CONFIRMED_STATES)


@dataclass(frozen=True)
class XliffDocument:
    path: str
    original: str
    target_language: str
    units: tuple[ReadUnit, ...]

    def confirmed(self) -> dict[tuple[str, int], str]:
        """Confirmed targets by (source, occurrence), occurrence counted from 1 in file order."""
        seen: Counter[str] = Counter()
        out: dict[tuple[str, int], str] = {}
        for u in self.units:
            seen[u.source] += 1
            if u.confirmed:
                out[(u.source, seen[u.source])] = u.target
        return out


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def render_xliff(*, original: str, units: Sequence[DraftUnit], tool_version: str = "") -> bytes:
    """The XLIFF 1.2 document for one article (UTF-8 bytes, XML declaration included)."""
    from lxml import etree

    root = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
    file_el = etree.SubElement(
        root,
        _q("file"),
        original=original,
        attrib={"source-language": "en", "target-language": "ko", "datatype": "plaintext", "tool-id": "termdesk"},
    )
    header = etree.SubElement(file_el, _q("header"))
    tool = etree.SubElement(header, _q("tool"), attrib={"tool-id": "termdesk", "tool-name": "termdesk"})
    if tool_version:
        tool.set("tool-version", tool_version)
    body = etree.SubElement(file_el, _q("body"))
    group = None
    current = None
    for u in units:
        if group is None or current != u.paragraph:
            group = etree.SubElement(body, _q("group"), id=f"p{u.paragraph + 1}", restype="x-paragraph")
            current = u.paragraph
        unit = etree.SubElement(group, _q("trans-unit"), id=f"s{u.index + 1}")
        etree.SubElement(unit, _q("source")).text = u.source
        target = etree.SubElement(unit, _q("target"), state=u.state)
        if u.qualifier:
            target.set("state-qualifier", u.qualifier)
        target.text = u.target
        for w in u.warnings:
            note = etree.SubElement(unit, _q("note"), attrib={"from": NOTE_FROM, "priority": "1" if u.urgent else "2"})
            note.text = w
        for n in u.notes:
            etree.SubElement(unit, _q("note"), attrib={"from": NOTE_FROM}).text = n
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _parse(path: Path) -> object:
    from lxml import etree

    from ..textio import read_bytes

    data = read_bytes(path, expected="an XLIFF file")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        what = re.sub(r", line \d+, column \d+$", "", exc.msg)
        raise InputError.at(path, line, f"not well-formed XML ({what})", "fix the file or export it again") from None


def _text(el: object | None) -> str:
    """The text of ``source``/``target``, inline markup (``<g>``, ``<x/>``, ``<mrk>``) flattened."""
    if el is None:
        return ""
    return "".join(el.itertext())  # type: ignore[attr-defined]


def read_xliff(path: str | Path) -> XliffDocument:
    """The trans-units of an XLIFF 1.2 file, in order (the first ``<file>``; ``InputError`` if it is not XLIFF 1.2)."""
    p = Path(path)
    root = _parse(p)
    tag = getattr(root, "tag", "")
    if tag != _q("xliff"):
        raise InputError.at(p, None, f"not an XLIFF 1.2 file (root element {tag!r})", "give the .xlf termdesk wrote")
    file_el = root.find(_q("file"))  # type: ignore[attr-defined]
    if file_el is None:
        raise InputError.at(p, None, "no <file> element", "give the .xlf termdesk wrote")
    target_language = file_el.get("target-language", "")
    if target_language and not target_language.lower().startswith("ko"):
        raise InputError.at(
            p, file_el.sourceline, f"target-language is {target_language!r}, not Korean", "give an en→ko XLIFF file"
        )
    units: list[ReadUnit] = []
    for unit in file_el.iter(_q("trans-unit")):
        paragraph = None
        for group in unit.iterancestors(_q("group")):  # the nearest paragraph group (CAT tools may nest groups)
            pid = group.get("id", "")
            if pid.startswith("p") and pid[1:].isdigit():
                paragraph = int(pid[1:])
                break
        target = unit.find(_q("target"))
        units.append(
            ReadUnit(
                id=unit.get("id", ""),
                source=_text(unit.find(_q("source"))),
                target=_text(target),
                state=target.get("state", "") if target is not None else "",
                paragraph=paragraph,
                line=unit.sourceline,
                approved=unit.get("approved") == "yes",
            )
        )
    if not units:
        raise InputError.at(p, None, "no trans-units", "give the .xlf termdesk wrote")
    return XliffDocument(str(p), file_el.get("original", ""), target_language, tuple(units))
