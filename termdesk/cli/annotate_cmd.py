"""`termdesk annotate` — show the glossary terms found in English text, with their Korean."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from .options import date_option, echo_err, summarised

if TYPE_CHECKING:  # pragma: no cover
    from ..match import AnnotatedFile, Match

#: Fields of one JSON object / CSV row, in order.
FIELDS: tuple[str, ...] = (
    "file",
    "start",
    "end",
    "text",
    "en",
    "ko",
    "rule",
    "type",
    "entry_id",
    "parts",
    "flags",
    "name_start",
    "name_end",
    "name",
)


def record(path: str, text: str, m: Match) -> dict[str, Any]:
    """One match as a flat record (offsets are characters into the file's text)."""
    name = m.name_span
    return {
        "file": path,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "en": m.en,
        "ko": m.ko,
        "rule": m.rule,
        "type": m.type,
        "entry_id": m.entry_id,
        "parts": list(m.entry_ids) if m.composed_of else [],
        "flags": list(m.flags),
        "name_start": name[0] if name else None,
        "name_end": name[1] if name else None,
        "name": text[name[0] : name[1]] if name else None,
    }


def render_text(doc: AnnotatedFile, *, colour: bool) -> str:
    """The text with each term followed by its Korean in brackets.

    ``Defense Minister Song Young-moo[송영무 국방부 장관]``.
    """
    out: list[str] = []
    pos = 0
    text = doc.text
    for m in doc.matches:
        out.append(text[pos : m.start])
        note = m.ko
        if "unresolved-date" in m.flags:  # termdesk.newsroom.FLAG_UNRESOLVED_DATE
            note = "no article date: give --date YYYY-MM-DD"
        if m.rule:
            note += f" ({m.rule})"
        if m.name_span is not None:
            note += f"; unknown name: {text[m.name_span[0] : m.name_span[1]]}"
        if colour:
            out.append(click.style(m.text, fg="cyan", bold=True) + click.style(f"[{note}]", fg="green"))
        else:
            out.append(f"{m.text}[{note}]")
        pos = m.end
    out.append(text[pos:])
    body = "".join(out)
    return body if body.endswith("\n") else body + "\n"


def render_json(docs: tuple[AnnotatedFile, ...]) -> str:
    rows = [record(d.path, d.text, m) for d in docs for m in d.matches]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def render_csv(docs: tuple[AnnotatedFile, ...]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(FIELDS)
    for d in docs:
        for m in d.matches:
            r = record(d.path, d.text, m)
            r["parts"] = " | ".join(r["parts"])
            r["flags"] = " | ".join(r["flags"])
            writer.writerow(["" if r[f] is None else r[f] for f in FIELDS])
    return buf.getvalue()


@summarised("annotate")
@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--glossary",
    "glossary_paths",
    multiple=True,
    default=("glossary",),
    show_default=True,
    help="Glossary CSV file or folder (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Annotated text, or one JSON object / CSV row per match.",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["approved", "proposed", "deprecated"]),
    default=("approved",),
    show_default=True,
    help="Use entries with this status (repeatable).",
)
@click.option("--encoding", default=None, help="Read the input files in this encoding (e.g. cp949).")
@click.option(
    "--newsroom/--plain",
    default=True,
    show_default=True,
    help="Newsroom rules (compounds, later mentions, ordinals, dates) or plain glossary matches.",
)
@click.option(
    "--color/--no-color", "color", default=None, help="Colour the annotated text (default: only on a terminal)."
)
@click.option(
    "--show-removed",
    is_flag=True,
    help="Report how many invisible characters, odd spaces and compatibility forms were ignored for matching.",
)
@date_option
def annotate(
    paths: tuple[str, ...],
    glossary_paths: tuple[str, ...],
    fmt: str,
    statuses: tuple[str, ...],
    encoding: str | None,
    newsroom: bool,
    color: bool | None,
    show_removed: bool,
    on: date | None,
) -> None:
    """FILE...: English text files (.txt, .md, .html).

    \b
    Examples:
      termdesk annotate article.txt
      termdesk annotate day/*.txt --format json
    Offsets (json/csv) are characters into each file's text. Exit 2 on unreadable input.
    """
    from ..match import annotate_files

    docs = annotate_files(
        list(paths),
        glossary=list(glossary_paths),
        statuses=statuses,
        encoding=encoding,
        on=on,
        newsroom=newsroom,
    )
    if show_removed:
        for d in docs:
            echo_err(f"{d.path}: {d.normalised} invisible or special character(s) ignored for matching")
    if fmt == "json":
        click.echo(render_json(docs), nl=False)
    elif fmt == "csv":
        click.echo(render_csv(docs), nl=False)
    else:
        from .options import use_colour

        colour = color if color is not None else use_colour()
        for i, d in enumerate(docs):
            if len(docs) > 1:
                click.echo(("\n" if i else "") + f"==> {d.path} <==")
            click.echo(render_text(d, colour=colour), nl=False, color=colour)
