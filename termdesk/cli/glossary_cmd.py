"""`termdesk glossary …` — every glossary subcommand: check, fmt, diff, stats, add, review, export, import, search,
html."""

from __future__ import annotations

from datetime import date

import click

from ..formats import EXPORT_FORMATS, IMPORT_FORMATS
from ..formats.base import TYPES
from .options import date_option, echo_err, glossary_paths_option, summarised

_UNITS = {
    "tbx": ("concept", "concepts"),
    "omegat": ("line", "lines"),
    "po": ("PO entry", "PO entries"),
    "csv": ("row", "rows"),
    "deepl": ("pair", "pairs"),
    "amazon": ("pair", "pairs"),
}


def _count(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


@summarised("glossary")
@click.group()
def glossary() -> None:
    """Files: glossary/*.csv unless given ($TERMDESK_GLOSSARY, else the nearest glossary/ folder)."""


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--encoding", default=None, help="Read files in this encoding (e.g. cp949 for Korean Excel).")
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Show warnings too.")
def check(paths: tuple[str, ...], encoding: str | None, warnings: bool) -> None:
    """Validate glossary files.

    Default: $TERMDESK_GLOSSARY, else the nearest glossary/ folder. Exit 1 on errors, 2 if a file is unreadable.
    """
    from ..discovery import find_glossary
    from ..errors import InputError, ValidationFailed
    from ..glossary import Severity, validate

    report = validate(list(paths) or find_glossary(None), encoding=encoding)
    shown = [p for p in report.problems if warnings or p.severity is Severity.ERROR]
    for p in shown:
        click.echo(f"{p}" + ("" if p.severity is Severity.ERROR else f" ({p.severity.value})"))
    summary = (
        f"{len(report.files)} file(s), {report.entries} entries: "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    )
    if report.unreadable:
        raise InputError(summary + " — a file could not be read (see above)")
    if report.errors:
        raise ValidationFailed(summary)
    click.echo(summary)


@glossary.command()
@click.argument("text")
@glossary_paths_option
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Show at most this many.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
def search(text: str, glossary_paths: tuple[str, ...], limit: int, fmt: str) -> None:
    """Find entries by any English or Korean form, best match first.

    Canonical, variant, short title, first-mention and avoided forms are searched,
    ignoring case, punctuation and spacing; exact, prefix, contains and fuzzy
    matches are ranked in that order. Exit 1 when nothing is found.

    \b
    Examples:
      termdesk glossary search 합참
      termdesk glossary search deterrence --format json
    """
    import json

    from ..discovery import find_glossary
    from ..errors import ValidationFailed
    from ..glossary import load_glossary
    from ..glossary_search import search as run

    hits = run(load_glossary(find_glossary(glossary_paths or None)), text, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
    else:
        for i, h in enumerate(hits, 1):
            e = h.entry
            click.echo(
                f"{i}. {e.en} → {e.ko}  [{e.type}, {e.status}]  matched {h.field.value} {h.form!r} ({h.how.value})"
            )
            extra = []
            if e.en_variants:
                extra.append("en: " + " | ".join(e.en_variants))
            if e.ko_variants:
                extra.append("ko: " + " | ".join(e.ko_variants))
            if e.ko_avoid:
                extra.append("avoid: " + " | ".join(e.ko_avoid))
            if e.ko_short:
                extra.append(f"short: {e.ko_short}")
            if e.ko_first:
                extra.append(f"first mention: {e.ko_first}")
            if e.valid_from or e.valid_to:
                extra.append(f"valid: {e.valid_from or '…'} – {e.valid_to or '…'}")
            for line in (*extra, f"note: {e.note}" if e.note else "", f"source: {e.source}"):
                if line:
                    click.echo(f"   {line}")
    if not hits:
        raise ValidationFailed(f"no entry matches {text!r}")


@glossary.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@glossary_paths_option
def html(output: str, glossary_paths: tuple[str, ...]) -> None:
    """Write one self-contained HTML page to browse the glossary.

    Search box, filters by type and status, every entry with its variants, avoided
    forms, note, validity and source link. Data and script are inline: the page
    works offline and stays fast with 100,000 entries (rows are rendered lazily).
    """
    from ..discovery import find_glossary
    from ..glossary import load_glossary
    from ..glossary_html import render_glossary_html
    from ..textio import atomic_write

    g = load_glossary(find_glossary(glossary_paths or None))
    atomic_write(output, render_glossary_html(g))
    click.echo(f"wrote {output} ({len(g)} entries)")


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--check", "check_only", is_flag=True, help="Only report files that are not in canonical form (exit 1).")
@click.option("--encoding", default=None, help="Read files in this encoding (e.g. cp949); they are written as UTF-8.")
def fmt(paths: tuple[str, ...], check_only: bool, encoding: str | None) -> None:
    """Rewrite glossary files into canonical form.

    Canonical form fixes row order, quoting, NFC, UTF-8 and LF line ends.
    """
    from ..discovery import find_glossary
    from ..errors import ValidationFailed
    from ..glossary import format_files

    results = format_files(list(paths) or find_glossary(None), check=check_only, encoding=encoding)
    changed = [r for r in results if r.changed]
    for r in changed:
        click.echo(f"{'would reformat' if check_only else 'reformatted'} {r.path}")
    summary = f"{len(changed)} of {len(results)} file(s) {'need' if check_only else 'were'} reformatted"
    if check_only and changed:
        raise ValidationFailed(summary + " — run `termdesk glossary fmt`")
    click.echo(summary)


@glossary.command()
@click.argument("old")
@click.argument("new")
@click.option("--folder", default="glossary", show_default=True, help="Folder read from git revisions.")
@click.option(
    "--impact",
    "impact_paths",
    multiple=True,
    type=click.Path(),
    help="Sample articles (files or folders, e.g. terms/sample): list every sentence whose rendering changes.",
)
@date_option
def diff(old: str, new: str, folder: str, impact_paths: tuple[str, ...], on: date | None) -> None:
    """Show entries added, removed and changed between OLD and NEW.

    OLD and NEW are paths or git revisions; the report is Markdown. With --impact
    both glossaries are matched over the sample articles and every sentence whose
    rendering changes is listed (before → after, with the entry that caused it),
    plus the entries that no longer match anything. Exit 1 if NEW introduces conflicts.
    """
    from ..errors import ValidationFailed
    from ..glossary_diff import diff_glossaries, impact, load_side, render_impact_markdown, render_markdown

    before, after = load_side(old, folder=folder), load_side(new, folder=folder)
    result = diff_glossaries(before, after)
    click.echo(render_markdown(result), nl=False)
    if impact_paths:
        click.echo("")
        click.echo(render_impact_markdown(impact(before, after, list(impact_paths), on=on), result), nl=False)
    if result.new_conflicts:
        raise ValidationFailed(f"{len(result.new_conflicts)} new conflict(s) in {new}")


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
def stats(paths: tuple[str, ...]) -> None:
    """Summarise the glossary: entries per type and status."""
    from ..discovery import find_glossary
    from ..glossary import load_glossary

    g = load_glossary(list(paths) or find_glossary(None))
    counts = g.counts()
    statuses = ["approved", "proposed", "deprecated"]
    click.echo(f"{'type':<14}" + "".join(f"{s:>11}" for s in statuses))
    for t, by in counts.items():
        click.echo(f"{t:<14}" + "".join(f"{by.get(s, 0):>11}" for s in statuses))
    total = {s: sum(by.get(s, 0) for by in counts.values()) for s in statuses}
    click.echo(f"{'total':<14}" + "".join(f"{total[s]:>11}" for s in statuses))


@glossary.command("add")
@click.argument("proposals", type=click.Path(dir_okay=False))
@click.option(
    "--ids",
    "ids",
    multiple=True,
    help=(
        "Merge the rows with these entry ids (type:slug, e.g. person:song-young-moo); "
        "repeat it or separate ids with commas."
    ),
)
@click.option("--accepted", is_flag=True, help="Merge the rows whose status is accepted or approved (the default).")
@click.option(
    "--glossary",
    "glossary",
    default=None,
    type=click.Path(file_okay=False),
    help="Glossary folder (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder).",
)
@click.option(
    "--update", is_flag=True, help="Allow changing an existing entry with the same id (the field diff is shown)."
)
@click.option("--encoding", default=None, help="Encoding of the proposals file, e.g. cp949 for Korean Excel.")
@click.option("--dry-run", is_flag=True, help="Show what would be merged; write nothing.")
@click.option(
    "--wait",
    type=click.FloatRange(0),
    default=0,
    show_default=True,
    help="Seconds to wait when another `glossary add` is merging into the same glossary.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse rows that look wrong (type against evidence, surname in a title, Latin ko unmarked, word fragment).",
)
def add(
    proposals: str,
    ids: tuple[str, ...],
    accepted: bool,
    glossary: str | None,
    update: bool,
    encoding: str | None,
    dry_run: bool,
    wait: float,
    strict: bool,
) -> None:
    """Merge reviewed proposals into the glossary.

    Each reviewed row of PROPOSALS goes into its type's file, in canonical order.
    Refused, with the reason: unknown type, empty en/ko, invalid entries,
    conflicts with the glossary, and changes to an existing entry (unless
    --update). Nothing is written if the merged glossary would not validate.
    The glossary folder is locked for the whole merge (another merge waits
    --wait seconds, else stops), and its files are written all or none.
    Rows that look wrong are warned about (--strict refuses them).
    Exit 1 when a row was refused.
    """
    from ..align.review import add_reviewed
    from ..discovery import find_glossary
    from ..errors import ConflictError

    reviewed = add_reviewed(
        proposals,
        strict=strict,
        glossary=str(find_glossary(glossary)[0]),
        wait=wait,
        ids=list(ids),
        accepted=accepted,
        update=update,
        encoding=encoding,
        dry_run=dry_run,
    )
    result = reviewed.result
    for w in reviewed.warnings:
        click.echo(str(w), err=True)
    for o in result.outcomes:
        click.echo(str(o))
    added, updated, skipped, refused = (len(result.of(a)) for a in ("added", "updated", "skipped", "refused"))
    verb = "would be written" if dry_run else "written"
    click.echo(
        f"{added} added, {updated} updated, {skipped} already present, {refused} refused; "
        f"{len(result.written) if not dry_run else len({o.file for o in result.outcomes if o.file})} file(s) {verb}"
    )
    if refused:
        raise ConflictError(f"{refused} row(s) refused (see above) — fix them in {proposals} and run again")


@glossary.command("export")
@click.option("--to", "to", required=True, type=click.Choice(EXPORT_FORMATS), help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here (atomically) instead of stdout."
)
@click.option(
    "--glossary",
    "glossary",
    multiple=True,
    type=click.Path(),
    help="Glossary file or folder (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder; repeatable).",
)
@click.option(
    "--status",
    "status",
    default="approved",
    show_default=True,
    help="Entry statuses to export, comma-separated (approved,proposed,deprecated).",
)
def export(to: str, output: str | None, glossary: tuple[str, ...], status: str) -> None:
    """Export the glossary to TBX, OmegaT, PO, CSV, DeepL or Amazon.

    \b
    tbx     TBX-Basic (TBX v3): variants admitted, ko_avoid deprecated, note, source, type
    omegat  OmegaT glossary: source TAB target TAB comment, one line per English form
    po      gettext PO: msgctxt = entry id, fields in #. comments, note in # comment
    csv     every column, UTF-8 with BOM for Excel, formula-like cells neutralised with '
    deepl   DeepL glossary TSV: one source TAB target pair per English form
    amazon  Amazon Translate custom terminology CSV (header en,ko)
    """
    from ..discovery import find_glossary
    from ..formats import export_glossary

    result = export_glossary(to=to, glossary=find_glossary(glossary), statuses=status, output=output)
    for p in result.problems:
        echo_err(f"warning: {p}")
    if output is None:
        click.echo(result.text, nl=False)
    else:
        click.echo(
            f"wrote {_count(result.entries, ('entry', 'entries'))} ({_count(result.records, _UNITS[to])}) to {output}"
        )


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--from",
    "fmt",
    required=True,
    type=click.Choice(IMPORT_FORMATS),
    help="Format of FILE (csv also reads TSV and .xlsx).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Proposals CSV to write (refused if it exists, unless --force).",
)
@click.option(
    "--glossary",
    "glossary",
    multiple=True,
    type=click.Path(),
    help="Glossary to compare with (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder; repeatable).",
)
@click.option(
    "--map",
    "mapping",
    default=None,
    help="Map headers to glossary columns, e.g. 'English=en,Korean=ko,Notes=note' (csv, xlsx).",
)
@click.option("--encoding", default=None, help="Encoding of a text file, e.g. cp949 for Korean Excel CSV.")
@click.option("--sheet", default=None, help="Worksheet to read from an .xlsx workbook (default: the first).")
@click.option(
    "--type",
    "default_type",
    type=click.Choice(sorted(TYPES)),
    default=None,
    help="Type for entries whose type is not in the file nor in the glossary.",
)
@click.option(
    "--summary",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the import report (as printed) to this file.",
)
@click.option("--verbose", "-v", is_flag=True, help="Also list the entries already in the glossary (skipped).")
@click.option("--force", is_flag=True, help="Replace an existing -o / --summary file.")
def import_(
    file: str,
    fmt: str,
    output: str,
    glossary: tuple[str, ...],
    mapping: str | None,
    encoding: str | None,
    sheet: str | None,
    default_type: str | None,
    summary: str | None,
    verbose: bool,
    force: bool,
) -> None:
    """Import a glossary file into a proposals CSV.

    FILE becomes proposals (status proposed) for review; the glossary is not
    changed. Prints counts (already in the glossary, new, conflicts), then the new
    rows and the conflicts with approved entries, with both renderings; entries the
    glossary already has are skipped (listed with --verbose). Merge reviewed
    proposals with `termdesk glossary add`.
    """
    from ..discovery import find_glossary
    from ..formats.proposals import import_glossary

    result = import_glossary(
        file,
        fmt=fmt,
        output=output,
        glossary=find_glossary(glossary),
        mapping=mapping,
        encoding=encoding,
        sheet=sheet,
        default_type=default_type,
        force=force,
        summary=summary,
        verbose=verbose,
    )
    for line in result.report:
        click.echo(line)


@glossary.command("review")
@click.argument("proposals", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="HTML page to write (e.g. review.html); a page termdesk wrote is replaced, any other file only with --force.",
)
@click.option(
    "--ko-text",
    "ko_text",
    multiple=True,
    type=click.Path(),
    help=(
        "Korean versions of the articles, files or folders, as given to `termdesk align` (default: the files the "
        "source column names, beside PROPOSALS or in the working folder). Repeatable."
    ),
)
@click.option(
    "--en-text",
    "en_text",
    multiple=True,
    type=click.Path(),
    help="The English articles, files or folders, when they are not beside their Korean versions. Repeatable.",
)
@glossary_paths_option
@click.option(
    "--sentences",
    type=click.IntRange(1, 50),
    default=3,
    show_default=True,
    help="Evidence sentence pairs shown per row.",
)
@click.option("--encoding", default=None, help="Encoding of the proposals file and articles, e.g. cp949.")
@click.option("--force", is_flag=True, help="Replace an existing -o file that termdesk did not write.")
def review(
    proposals: str,
    output: str,
    ko_text: tuple[str, ...],
    en_text: tuple[str, ...],
    glossary_paths: tuple[str, ...],
    sentences: int,
    encoding: str | None,
    force: bool,
) -> None:
    """Write an HTML page to review proposals before merging them.

    \b
    One section per row of PROPOSALS (`termdesk align` output, edited or not):
      the English term, type (and how sure `mine` was of it), status,
      the offered Korean with its score, the alternatives with theirs
      (an abstaining row's proposals marked not offered), the warnings
      `termdesk glossary add` would give, and the evidence sentences:
      English and the aligned Korean side by side, from the article pairs.
    Filters by type, status, warnings and proposal (offered / abstained /
    none). One self-contained file: works offline, no external assets.

    \b
    Example:
      termdesk glossary review terms/week-proposals.csv --ko-text articles/ -o review.html
      termdesk glossary review terms/seeds-proposals.csv --ko-text korean/ --en-text seeds/ -o review.html
    """
    from ..align.review_page import write_review_page
    from ..discovery import GlossaryNotFound, find_glossary

    try:
        glossary = find_glossary(glossary_paths or None)
    except GlossaryNotFound:
        glossary = None  # the sentence alignment is then anchored by numbers and Latin tokens only
    written = write_review_page(
        proposals,
        output=output,
        ko_text=list(ko_text),
        en_text=list(en_text),
        glossary=glossary,
        sentences=sentences,
        encoding=encoding,
        force=force,
    )
    page = written.page
    for n in page.notices:
        echo_err(f"note: {n}")
    click.echo(
        f"wrote {written.output}: {len(page.items)} rows ({page.count('offered')} offered, "
        f"{page.count('abstained')} abstained, {page.count('none')} without a proposal), {page.flagged} with "
        f"warnings; evidence sentences from {len(page.pairs)} article pair(s)"
    )
