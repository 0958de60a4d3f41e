"""``termdesk glossary add``: merge reviewed proposals into the glossary files.

A proposals file (``termdesk align`` or ``termdesk glossary import`` output, often
edited in a spreadsheet) is read with pandas (``dtype=str``,
``keep_default_na=False``); Excel's BOM and CRLF are fine, CP949 is named and
read only with ``encoding='cp949'``; columns other than the glossary's
(``score``, ``evidence``, ``alternatives`` …) are ignored.

Rows are selected by status (``accepted``/``approved``, set by the reviewer) or
by id (``type:slug``). Each selected row becomes an approved entry in the file
for its type (:data:`termdesk.glossary.TYPE_FILES`), in canonical order. A row
is refused, with the reason, when

* its type is unknown or ``en``/``ko`` is empty, or the entry itself is invalid;
* an entry with the same id exists with other content (the field diff is
  given) — unless ``update``;
* it only composes existing entries (``Defense Minister Song Young-moo``);
* one of its English forms already maps to another Korean rendering (conflict).

The whole glossary is validated with the merged rows; if it would have errors
nothing is written. Files are written atomically; the proposals file is never
changed.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError, UsageError, ValidationFailed
from ..glossary import (
    COLUMNS,
    OPTIONAL_COLUMNS,
    TYPE_FILES,
    Entry,
    Severity,
    conflict_problems,
    glossary_files,
    load_glossary,
    normalise_cell,
    parse_csv_text,
    read_raw,
    render_csv,
    validate,
)
from ..textio import atomic_write_all, decode_bytes, folder_lock, read_bytes, unneutralise

__all__ = ["ACCEPTED", "AddResult", "Outcome", "add_proposals", "add_proposals_locked", "read_proposals"]

#: Statuses a reviewer sets on rows to merge.
ACCEPTED: frozenset[str] = frozenset({"accepted", "approved"})
_REQUIRED = ("en", "ko", "type")


@dataclass(frozen=True)
class Outcome:
    """What happened to one selected row: ``added``, ``updated``, ``skipped`` or ``refused``."""

    line: int
    id: str
    action: str
    reason: str = ""
    file: str = ""

    def __str__(self) -> str:
        where = f" → {self.file}" if self.file else ""
        why = f": {self.reason}" if self.reason else ""
        return f"line {self.line}: {self.action} {self.id}{where}{why}"


@dataclass(frozen=True)
class AddResult:
    proposals: str
    outcomes: tuple[Outcome, ...]
    written: tuple[str, ...]
    dry_run: bool

    def of(self, action: str) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.action == action)


def read_proposals(path: str | Path, *, encoding: str | None = None) -> list[tuple[int, Entry, str]]:
    """(line, entry, status as written) for every row of a proposals file."""
    import pandas as pd

    p = Path(path)
    data = read_bytes(p, expected="the proposals CSV")
    try:
        text = decode_bytes(data, p, encoding=encoding)
    except InputError as exc:
        if "CP949" in exc.what:
            raise InputError.at(
                p,
                exc.line,
                "file is CP949/EUC-KR (saved by Korean Excel), not UTF-8",
                "add --encoding cp949, or save it from Excel as CSV UTF-8",
            ) from None
        raise
    if not text.strip():
        raise InputError.at(
            p, None, "empty proposals file", "give the file written by `termdesk align` or `termdesk glossary import`"
        )
    raw = parse_csv_text(text, str(p))
    for prob in raw.problems:
        if prob.code in ("unbalanced-quote", "column-count", "csv-syntax", "duplicate-column"):
            raise InputError.at(p, prob.line, prob.message, prob.hint)
    header = [h.strip().lower() for h in raw.header]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise InputError.at(
            p,
            1,
            f"missing column(s): {', '.join(missing)}",
            "the proposals file needs at least en, ko, type (and status)",
        )
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, skip_blank_lines=True)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    out = []
    for row, rec in zip(raw.rows, frame.to_dict("records"), strict=False):
        values = {c: normalise_cell(unneutralise(rec.get(c, "") or "")) for c in COLUMNS}
        status = values["status"].casefold()
        entry = Entry.from_row(values, path=str(p), line=row.line)
        out.append((row.line, entry, status))
    return out


def _diff(old: Entry, new: Entry) -> list[str]:
    a, b = old.to_row(), new.to_row()
    return [f"{c} {a[c]!r} → {b[c]!r}" for c in COLUMNS if c != "status" and a[c] != b[c]]


def _entry_errors(entry: Entry) -> list[str]:
    """Validation errors of one entry on its own (as the validator words them)."""
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "row.csv"
        f.write_text(render_csv([replace(entry, path=None, line=None)]), encoding="utf-8")
        report = validate(f)
    return [p.message + (f" — {p.hint}" if p.hint else "") for p in report.errors]


def add_proposals(
    proposals: str | Path,
    *,
    glossary: str | Path = "glossary",
    ids: Sequence[str] = (),
    accepted: bool = False,
    update: bool = False,
    encoding: str | None = None,
    dry_run: bool = False,
) -> AddResult:
    """Merge the selected rows of ``proposals`` into the glossary folder; see the module doc."""
    from ..match import Matcher

    ids = [x for v in ids for x in re.split(r"[,\s]+", v) if x]  # --ids a,b or --ids a --ids b
    if ids and accepted:
        raise UsageError("give either --ids or --accepted, not both")
    gdir = Path(glossary)
    if not gdir.is_dir():
        raise InputError.at(
            gdir, None, "not a glossary folder", "give the folder holding titles.csv, people.csv … with --glossary"
        )
    rows = read_proposals(proposals, encoding=encoding)
    by_id = {e.id: (line, e, st) for line, e, st in rows}
    if ids:
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise UsageError(
                f"{proposals}: no row with id {unknown[0]!r} — ids are type:slug of en, e.g. person:song-young-moo"
            )
        selected = [r for r in rows if r[1].id in ids]
    else:
        selected = [r for r in rows if r[2] in ACCEPTED]
        if not selected:
            raise InputError.at(
                proposals,
                None,
                "no row has status accepted or approved",
                "set status to accepted on the rows to merge, or name them with --ids",
            )

    files = glossary_files([gdir])
    current: dict[Path, list[Entry]] = {}
    headers: dict[Path, tuple[str, ...]] = {}
    for f in files:
        entries = list(load_glossary(f).entries)
        headers[f] = read_raw(f).header  # the file's optional columns are kept
        if render_csv(entries, columns=headers[f]).encode("utf-8") != read_bytes(f):
            raise InputError.at(
                f,
                None,
                "not in canonical form, so adding would also change other rows",
                "run `termdesk glossary fmt` first",
            )
        current[f] = entries
    existing = {e.id: (f, e) for f, es in current.items() for e in es}
    everything = [e for es in current.values() for e in es]
    matcher = Matcher.from_glossary(everything)

    outcomes: list[Outcome] = []
    accepted_new: list[Entry] = []
    replaced: dict[str, Entry] = {}
    for line, entry, _ in selected:
        entry = replace(entry, status="approved")
        eid = entry.id
        if entry.type not in TYPE_FILES:
            outcomes.append(
                Outcome(
                    line,
                    eid,
                    "refused",
                    f"unknown type {entry.type!r} — set type to one of: {', '.join(sorted(TYPE_FILES))}",
                )
            )
            continue
        target = gdir / TYPE_FILES[entry.type]
        errors = _entry_errors(entry)
        if errors:
            outcomes.append(Outcome(line, eid, "refused", errors[0]))
            continue
        if eid in existing:
            f, old = existing[eid]
            diff = _diff(old, entry)
            if not diff:
                outcomes.append(Outcome(line, eid, "skipped", f"already in the glossary ({f}:{old.line})"))
                continue
            if not update:
                outcomes.append(
                    Outcome(
                        line,
                        eid,
                        "refused",
                        f"differs from the glossary entry at {f}:{old.line}: {'; '.join(diff)} — pass "
                        "--update to change it",
                    )
                )
                continue
        else:
            ms = matcher.find(entry.en)
            if len(ms) == 1 and ms[0].composed_of and ms[0].start == 0 and ms[0].end == len(entry.en):
                parts = " + ".join(p.entry_id for p in ms[0].composed_of)
                outcomes.append(
                    Outcome(
                        line, eid, "refused", f"composed of {parts} (→ {ms[0].ko}); the glossary already renders it"
                    )
                )
                continue
        base = [e for e in everything if e.id not in replaced and e.id != eid] + accepted_new
        marked = replace(entry, path=str(proposals), line=line)
        clashes = [
            p
            for p in conflict_problems([*base, marked])
            if p.path == str(proposals) and p.line == line and p.code == "conflict" and p.severity is Severity.ERROR
        ]
        if clashes:
            outcomes.append(Outcome(line, eid, "refused", clashes[0].message))
            continue
        if eid in existing:
            replaced[eid] = entry
            outcomes.append(
                Outcome(line, eid, "updated", "; ".join(_diff(existing[eid][1], entry)), str(existing[eid][0]))
            )
        else:
            accepted_new.append(marked)
            outcomes.append(Outcome(line, eid, "added", "", str(target)))

    # the new files
    texts: dict[Path, str] = {}
    for o in outcomes:
        if o.action not in ("added", "updated"):
            continue
        target = Path(o.file)
        if target not in texts:
            texts[target] = ""
    for target in texts:
        base = [replaced.get(e.id, e) for e in current.get(target, [])]
        new = [replace(e, path=None, line=None) for e in accepted_new if gdir / TYPE_FILES[e.type] == target]
        merged = [*base, *new]
        used = tuple(c for c in OPTIONAL_COLUMNS if any(getattr(e, c) for e in merged))
        texts[target] = render_csv(merged, columns=(*headers.get(target, ()), *used))
    written: list[str] = []
    if texts:
        with tempfile.TemporaryDirectory() as tmp:
            tdir = Path(tmp)
            for f in files:
                (tdir / f.name).write_bytes(read_bytes(f))
            for target, text in texts.items():
                (tdir / target.name).write_text(text, encoding="utf-8")
            report = validate(tdir)
            if report.errors:
                first = report.errors[0]
                shown = str(first).replace(str(tdir), str(gdir))
                raise ValidationFailed(
                    f"{len(report.errors)} validation error(s) with the merged rows, nothing written; first: {shown}"
                )
        if not dry_run:  # all files or none
            written.extend(str(t) for t in atomic_write_all(list(texts.items())))
    return AddResult(str(proposals), tuple(outcomes), tuple(written), dry_run)


def add_proposals_locked(
    proposals: str | Path,
    *,
    glossary: str | Path = "glossary",
    wait: float = 0,
    ids: Sequence[str] = (),
    accepted: bool = False,
    update: bool = False,
    encoding: str | None = None,
    dry_run: bool = False,
) -> AddResult:
    """:func:`add_proposals` holding an exclusive lock on the glossary folder from the first read to the
    last write, so that two merges never lose each other's rows; ``BusyError`` after ``wait`` seconds."""
    gdir = Path(glossary)
    if not gdir.is_dir():
        raise InputError.at(
            gdir, None, "not a glossary folder", "give the folder holding titles.csv, people.csv … with --glossary"
        )
    with folder_lock(gdir, wait=wait, what="another `termdesk glossary add`"):
        return add_proposals(
            proposals, glossary=gdir, ids=ids, accepted=accepted, update=update, encoding=encoding, dry_run=dry_run
        )
