"""gettext PO glossary (polib): one PO entry per glossary entry.

* ``msgctxt`` = entry id (``weapon:thaad``), so two entries with the same
  English stay distinct; ``msgid`` = ``en``; ``msgstr`` = ``ko``.
* extracted comments (``#.``), one ``key: value`` per line, named after the
  glossary columns: ``type``, ``en_variants``, ``ko_variants``, ``ko_avoid``,
  ``source``, ``match`` and the optional ``ko_short``, ``ko_first``, ``valid_from``,
  ``valid_to`` when set (lists keep the `` | `` separator);
* translator comment (``# ``) = ``note``.

Import opens the file itself and checks every line before polib sees it
(:func:`termdesk.pofile.read_po`): polib 1.2.0 silently truncates an unterminated
``msgstr "…`` and parses a missing file's *name* as PO text. Obsolete entries
and the header are ignored; plural entries and untranslated entries are
skipped with a warning. For PO files from elsewhere, a ``msgctxt`` of the
form ``type:…`` gives the type, and unknown extracted comments are kept in
the note. Not carried: ``status``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..glossary import OPTIONAL_COLUMNS, Entry, Problem
from .base import TYPES, Parsed, Rendered, check_size, make_entry, unique_ids, warning

#: Columns carried in extracted comments, in this order.
COMMENT_KEYS: tuple[str, ...] = (
    "type",
    "en_variants",
    "ko_variants",
    "ko_avoid",
    "source",
    "match",
    *OPTIONAL_COLUMNS,
)


def export(entries: Sequence[Entry]) -> Rendered:
    import polib

    from ..poheader import PoContacts, po_metadata

    po = polib.POFile(wrapwidth=0)
    po.metadata = po_metadata(
        project="termdesk glossary",
        generator="termdesk glossary export",
        contacts=PoContacts(last_translator="termdesk (glossary export)"),
    )
    for e, ctx in zip(entries, unique_ids(entries), strict=False):
        row = e.to_row()
        comment = "\n".join(f"{k}: {row[k]}" for k in COMMENT_KEYS if row[k])
        po.append(polib.POEntry(msgctxt=ctx, msgid=e.en, msgstr=e.ko, comment=comment, tcomment=e.note))
    return Rendered(text=str(po), entries=len(entries), records=len(entries))


def parse(path: str | Path) -> Parsed:
    from ..pofile import read_po

    spath = str(path)
    check_size(path)
    po = read_po(path)
    entries: list[Entry] = []
    problems: list[Problem] = []
    for pe in po:
        if pe.obsolete or not pe.msgid:
            continue
        line = pe.linenum
        if pe.msgid_plural:
            problems.append(
                warning(
                    spath,
                    line,
                    "plural-entry",
                    f"plural entry {pe.msgid!r} skipped",
                    "a glossary term has no plural forms",
                )
            )
            continue
        if not pe.msgstr.strip():
            problems.append(
                warning(
                    spath,
                    line,
                    "incomplete-row",
                    f"{pe.msgid!r} has no translation (empty msgstr); skipped",
                    "translate it, or delete the entry",
                )
            )
            continue
        values = {"en": pe.msgid, "ko": pe.msgstr, "note": " ".join(pe.tcomment.split("\n")) if pe.tcomment else ""}
        extra: list[str] = []
        for raw in pe.comment.split("\n") if pe.comment else ():
            key, sep, value = raw.partition(":")
            key = key.strip()
            if sep and key in COMMENT_KEYS:
                values[key] = value.strip()
            elif raw.strip():
                extra.append(raw.strip())
        if extra:
            values["note"] = " ".join([*extra, values["note"]]).strip()
        if "type" not in values and pe.msgctxt:
            prefix = pe.msgctxt.partition(":")[0]
            if prefix in TYPES:
                values["type"] = prefix
        entries.append(make_entry(values, path=spath, line=line))
    return Parsed(path=spath, format="po", entries=tuple(entries), problems=tuple(problems))
