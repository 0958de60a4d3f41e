"""`termdesk qa` — check Korean translations against the glossary and their English sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .options import date_option, glossary_paths_option, summarised

_FAIL_ON = ("error", "warning", "info", "never")


@summarised("qa")
@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--en", "en", type=click.Path(), default=None, help="English article (or folder), paired by paragraph with --ko."
)
@click.option(
    "--ko", "ko", type=click.Path(), default=None, help="Korean translation (or folder: NAME.ko.txt or NAME.txt)."
)
@click.option("--encoding", default=None, help="Read Korean .txt files in this encoding (e.g. cp949).")
@glossary_paths_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
    help="Report on stdout as text, CSV or JSON.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write a self-contained HTML report here.",
)
@click.option(
    "--fail-on",
    type=click.Choice(_FAIL_ON),
    default="error",
    show_default=True,
    help="Exit 1 when findings at or above this severity exist.",
)
@click.option(
    "--consistency",
    type=click.Choice(["article", "run"]),
    default="article",
    show_default=True,
    help="Check that a term is rendered one way within each article, or across all articles of the run.",
)
@click.option("--rule", "rules", multiple=True, help="Run only this rule (repeatable); see --list-rules.")
@click.option("--list-rules", is_flag=True, help="Print the rule table (id, severity, example) and exit.")
@click.option("--color/--no-color", "color", default=None, help="Colour the text report (default: only on a terminal).")
@date_option
def qa(
    paths: tuple[str, ...],
    en: str | None,
    ko: str | None,
    encoding: str | None,
    glossary_paths: tuple[str, ...],
    fmt: str,
    html_path: str | None,
    fail_on: str,
    consistency: str,
    rules: tuple[str, ...],
    list_rules: bool,
    color: bool | None,
    on: date | None,
) -> None:
    """PATHS: PO or XLIFF files, NAME.txt + NAME.ko.txt pairs (.docx too), or folders of them.

    \b
    Examples:
      termdesk qa day/                       # every article in a folder
      termdesk qa A.po --html report.html
      termdesk qa A.xlf                      # as saved by a CAT tool
      termdesk qa --en A.txt --ko A.ko.txt --format json
    Exit 1 when findings at or above --fail-on exist, 2 on unreadable input.
    """
    from ..errors import UsageError, ValidationFailed
    from ..glossary import Severity

    if list_rules:
        from ..qa.rules import RULES

        def show(ex: object) -> str:
            src = ex.source.replace("\n\n", " ¶ ")  # type: ignore[attr-defined]
            tgt = ex.target.replace("\n\n", " ¶ ") or "(empty)"  # type: ignore[attr-defined]
            return f"{src} → {tgt}"

        click.echo("| id | severity | fires on (source → target) | quiet on |")
        click.echo("|---|---|---|---|")
        for r in RULES:
            fires = next(ex for ex in r.examples if ex.fires)
            quiet = next(ex for ex in r.examples if not ex.fires)
            click.echo(f"| `{r.id}` | {r.severity.value} | {show(fires)} | {show(quiet)} |")
        return
    if not paths and en is None and ko is None:
        raise UsageError("nothing to check — give PO files, NAME.txt files or folders, or --en FILE --ko FILE")
    from ..discovery import find_glossary

    glossary = find_glossary(glossary_paths)
    if html_path is not None:
        from ..glossary import glossary_files
        from ..pairing import walk_files
        from ..textio import refuse_input_overwrite

        named: list[str] = [*paths, *(x for x in (en, ko) if x)]
        inputs: list[str | Path] = [*named, *(f for f, _ in walk_files([p for p in named if Path(p).is_dir()]))]
        refuse_input_overwrite(html_path, inputs, option="--html", fix="write the report to another file")
        refuse_input_overwrite(
            html_path,
            glossary_files([g for g in glossary if g.exists()]),
            option="--html",
            what="a glossary file",
            fix="write the report to another file",
        )

    from ..qa import check_translation

    result = check_translation(
        list(paths),
        en=en,
        ko=ko,
        glossary=glossary,
        rules=list(rules),
        encoding=encoding,
        consistency=consistency,
        on=on,
    )

    if fmt == "json":
        from ..qa.export import to_json

        click.echo(to_json(result), nl=False)
    elif fmt == "csv":
        from ..qa.export import to_csv

        click.echo(to_csv(result), nl=False)
    else:
        from ..report.terminal import render_terminal
        from .options import use_colour

        colour = use_colour() if color is None else color
        click.echo(render_terminal(result, colour=colour), nl=False, color=colour)
    if html_path is not None:
        from ..report.html import render_html
        from ..textio import atomic_write

        atomic_write(html_path, render_html(result))
        click.echo(f"wrote {html_path}", err=True)
    if fail_on != "never":
        failing = result.at_or_above(Severity(fail_on))
        if failing:
            raise ValidationFailed(f"{len(failing)} finding(s) at or above {fail_on}")
