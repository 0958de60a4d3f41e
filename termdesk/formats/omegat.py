"""OmegaT tab-separated glossary (``glossary/*.txt`` or ``*.utf8`` in an OmegaT project).

One line per English form: ``source TAB target TAB comment``. The canonical
``en`` comes first, then each of ``en_variants``; all lines of an entry have
the same target (``ko``) and comment (``[type] note``). The file is UTF-8 and
starts with the comment line OmegaT itself writes (``# … -*- coding: utf-8 -*-``),
which also tells OmegaT's encoding detector the file is UTF-8 whatever its
extension; name it ``*.utf8`` to be sure.

On import, lines starting with ``#`` are comments (as in OmegaT) and
consecutive lines sharing target and comment collapse back into one entry,
the first line's English canonical. A line without a target column, or with
more than three columns, is an error naming the line (OmegaT would silently
drop it).

Not carried: ``ko_variants``, ``ko_avoid``, ``source``, ``match``, ``status``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..glossary import Entry, Problem
from .base import TYPES, Parsed, Rendered, collapse_runs, one_line, read_input_text, text_lines, warning

HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
_TYPE_PREFIX = re.compile(r"\[([a-z]+)\]\s*")


def comment_for(entry: Entry) -> str:
    """``[weapon] note`` (``[weapon]`` alone when there is no note)."""
    parts = [f"[{entry.type}]"] if entry.type else []
    if entry.note:
        parts.append(one_line(entry.note))
    return " ".join(parts)


def split_comment(comment: str) -> dict[str, str]:
    """Inverse of :func:`comment_for`: a leading ``[type]`` that names a known type, and the note."""
    m = _TYPE_PREFIX.match(comment)
    if m and m.group(1) in TYPES:
        return {"type": m.group(1), "note": comment[m.end() :]}
    return {"note": comment}


def export(entries: Sequence[Entry]) -> Rendered:
    lines = [HEADER]
    problems: list[Problem] = []
    for e in entries:
        target = one_line(e.ko)
        comment = comment_for(e)
        seen: set[str] = set()
        for form in e.en_forms:
            form = one_line(form)
            if not form or form in seen:
                continue
            seen.add(form)
            if form.startswith("#"):
                problems.append(
                    warning(
                        e.path,
                        e.line,
                        "omegat-comment",
                        f"English form {form!r} starts with '#', which OmegaT reads as a comment line; not exported",
                        "",
                        column="en",
                    )
                )
                continue
            lines.append(f"{form}\t{target}\t{comment}")
    return Rendered(
        text="\n".join(lines) + "\n", entries=len(entries), records=len(lines) - 1, problems=tuple(problems)
    )


def parse(path: str | Path, *, encoding: str | None = None) -> Parsed:
    spath = str(path)
    text = read_input_text(path, encoding=encoding)
    rows: list[tuple[int, str, str, dict[str, str]]] = []
    problems: list[Problem] = []
    for lineno, line in enumerate(text_lines(text), start=1):
        if line.startswith("#") or not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        while len(cells) > 2 and not cells[-1]:
            cells.pop()  # trailing empty comment column
        if len(cells) < 2:
            raise InputError.at(
                spath,
                lineno,
                "1 column, expected 2 or 3 (source TAB target TAB comment)",
                "separate the English and the Korean with a tab",
            )
        if len(cells) > 3:
            raise InputError.at(
                spath,
                lineno,
                f"{len(cells)} columns, expected 2 or 3 (source TAB target TAB comment)",
                "remove the extra tab (a tab inside a term or comment?)",
            )
        source, target = cells[0], cells[1]
        comment = cells[2] if len(cells) == 3 else ""
        if not source or not target:
            missing = "source (English)" if not source else "target (Korean)"
            problems.append(
                warning(
                    spath, lineno, "incomplete-row", f"empty {missing}; line skipped", "fill it in, or delete the line"
                )
            )
            continue
        rows.append((lineno, source, target, split_comment(comment)))
    return Parsed(path=spath, format="omegat", entries=tuple(collapse_runs(rows, path=spath)), problems=tuple(problems))
