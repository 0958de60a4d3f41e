"""Safe reading and atomic writing of gettext PO files (polib underneath).

polib 1.2.0 has two traps (verified here): it silently truncates an
unterminated ``msgstr "…`` and, given a path that does not exist, parses the
*name* as PO text. So files are opened here, checked line by line for syntax,
and only then handed to polib as text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .textio import atomic_write, read_text

if TYPE_CHECKING:  # pragma: no cover
    import polib

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+(".*)$')
_STRING = re.compile(r'^"(?:[^"\\]|\\.)*"$')


def check_po_syntax(text: str, path: str) -> None:
    """Raise ``InputError`` (file:line) at the first line that is not valid PO syntax."""
    fix = "fix the line in a text editor or PO editor, then run again"
    expect_string_after: str | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            expect_string_after = None
            continue
        if line.startswith("#"):
            if line.startswith("#~"):
                continue  # obsolete entries: polib handles them; keep them untouched
            continue
        m = _KEYWORD.match(line)
        if m:
            string = m.group(2).strip()
            if not _STRING.match(string):
                raise InputError.at(path, lineno, f"unterminated or malformed string after {m.group(1)}", fix)
            expect_string_after = m.group(1)
            continue
        if line.startswith('"'):
            if expect_string_after is None:
                raise InputError.at(path, lineno, "string continuation without a keyword before it", fix)
            if not _STRING.match(line):
                raise InputError.at(path, lineno, "unterminated or malformed string", fix)
            continue
        raise InputError.at(path, lineno, f"not PO syntax: {line[:40]!r}", fix)


def read_po(path: str | Path) -> polib.POFile:
    """Open, validate and parse a PO file. Missing or malformed files raise ``InputError``."""
    import polib

    text = read_text(path)
    check_po_syntax(text, str(path))
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        raise InputError.at(path, None, f"cannot parse PO file ({exc})", "check it with msgfmt --check") from None
    return po


def render_po(po: polib.POFile) -> str:
    """A PO file's text as :func:`write_po` writes it (no line wrapping)."""
    po.wrapwidth = 0
    return po.__unicode__() if hasattr(po, "__unicode__") else str(po)


def write_po(po: polib.POFile, path: str | Path) -> Path:
    """Write a PO file atomically (UTF-8)."""
    return atomic_write(path, render_po(po))
