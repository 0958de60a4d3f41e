"""`termdesk glossary …` — check, fmt, diff here; add/export/import live in their own modules."""

from __future__ import annotations

import click

from . import LazyGroup

GLOSSARY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "add": ("align_cmd", "glossary_add", "Merge reviewed proposals into the glossary."),
    "export": ("formats_cmd", "glossary_export", "Export the glossary to TBX, OmegaT, PO, CSV, DeepL or Amazon."),
    "import": ("formats_cmd", "glossary_import", "Import a glossary file into a proposals CSV."),
}


@click.group(cls=LazyGroup, lazy=GLOSSARY_COMMANDS)
def glossary() -> None:
    """Check, format, diff, merge, export and import the glossary (glossary/*.csv)."""


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--encoding", default=None, help="Read files in this encoding (e.g. cp949 for Korean Excel).")
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Show warnings too.")
def check(paths: tuple[str, ...], encoding: str | None, warnings: bool) -> None:
    """Validate glossary files (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder).

    Exit 1 on errors, 2 if a file is unreadable.
    """
    from ..discovery import find_glossary
    from ..errors import InputError, ValidationFailed
    from ..glossary import Severity, validate

    report = validate(list(paths) or find_glossary(None), encoding=encoding)
    shown = [p for p in report.problems if warnings or p.severity is Severity.ERROR]
    for p in shown:
        click.echo(f"{p}" + ("" if p.severity is Severity.ERROR else f" ({p.severity.value})"))
    summary = f"{len(report.files)} file(s), {report.entries} entries: {len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    if report.unreadable:
        raise InputError(summary + " — a file could not be read (see above)")
    if report.errors:
        raise ValidationFailed(summary)
    click.echo(summary)


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--check", "check_only", is_flag=True, help="Only report files that are not in canonical form (exit 1).")
@click.option("--encoding", default=None, help="Read files in this encoding (e.g. cp949); they are written as UTF-8.")
def fmt(paths: tuple[str, ...], check_only: bool, encoding: str | None) -> None:
    """Rewrite glossary files into canonical form (order, quoting, NFC, UTF-8, LF)."""
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
def diff(old: str, new: str, folder: str) -> None:
    """Show entries added, removed and changed between OLD and NEW (paths or git revisions), as Markdown.

    Exit 1 if NEW introduces conflicts.
    """
    from ..errors import ValidationFailed
    from ..glossary_diff import diff_glossaries, load_side, render_markdown

    result = diff_glossaries(load_side(old, folder=folder), load_side(new, folder=folder))
    click.echo(render_markdown(result), nl=False)
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
