"""`termdesk glossary export` and `termdesk glossary import` (loaded lazily by glossary_cmd)."""

from __future__ import annotations

import click

from ..formats import EXPORT_FORMATS, IMPORT_FORMATS
from ..formats.base import TYPES
from .options import echo_err

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


@click.command("export")
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
def glossary_export(to: str, output: str | None, glossary: tuple[str, ...], status: str) -> None:
    """Export the glossary to TBX-Basic, OmegaT, PO, Excel CSV, DeepL TSV or Amazon Translate CSV.

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


@click.command("import")
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
def glossary_import(
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
    """Import FILE into a proposals CSV (status proposed) for review; the glossary is not changed.

    Prints counts (already in the glossary, new, conflicts), then the new rows
    and the conflicts with approved entries, with both renderings; entries the
    glossary already has are skipped (listed with --verbose). Merge reviewed proposals with
    `termdesk glossary add`.
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
