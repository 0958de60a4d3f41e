"""`termdesk annotate` — show the glossary terms found in English text, with their Korean."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from .options import date_option, echo_err, glossary_paths_option, summarised

if TYPE_CHECKING:  # pragma: no cover
    from ..match import AnnotatedChunk, AnnotatedFile, Match

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


def record(path: str, text: str, m: Match, offset: int = 0) -> dict[str, Any]:
    """One match as a flat record (offsets are characters into the file's text; ``text`` starts at ``offset``)."""
    name = m.name_span
    return {
        "file": path,
        "start": m.start + offset,
        "end": m.end + offset,
        "text": m.text,
        "en": m.en,
        "ko": m.ko,
        "rule": m.rule,
        "type": m.type,
        "entry_id": m.entry_id,
        "parts": list(m.entry_ids) if m.composed_of else [],
        "flags": list(m.flags),
        "name_start": name[0] + offset if name else None,
        "name_end": name[1] + offset if name else None,
        "name": text[name[0] : name[1]] if name else None,
    }


def render_text(doc: AnnotatedFile, *, colour: bool) -> str:
    """The text with each term followed by its Korean in brackets.

    ``Defense Minister Song Young-moo[송영무 국방부 장관]``.
    """
    body = _render_body(doc, colour=colour)
    return body if body.endswith("\n") else body + "\n"


def _render_body(doc: AnnotatedFile | AnnotatedChunk, *, colour: bool) -> str:
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
    return "".join(out)


def _json_row(row: dict[str, Any]) -> str:
    """One row as ``json.dumps(rows, indent=2)`` writes an element of the list (indented one level)."""
    return "  " + json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _csv_line(row: dict[str, Any]) -> str:
    buf = io.StringIO(newline="")
    r = dict(row, parts=" | ".join(row["parts"]), flags=" | ".join(row["flags"]))
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerow(
        ["" if r[f] is None else r[f] for f in FIELDS]
    )
    return buf.getvalue()


def render_json(docs: tuple[AnnotatedFile, ...]) -> str:
    return "".join(stream(_whole(docs), "json", colour=False, files=len(docs)))


def render_csv(docs: tuple[AnnotatedFile, ...]) -> str:
    return "".join(stream(_whole(docs), "csv", colour=False, files=len(docs)))


def _whole(docs: tuple[AnnotatedFile, ...]) -> Iterator[AnnotatedChunk]:
    from ..match import AnnotatedChunk

    for d in docs:
        yield AnnotatedChunk(d.path, 0, d.text, d.matches, True, d.normalised)


def stream(chunks: Iterable[AnnotatedChunk], fmt: str, *, colour: bool, files: int) -> Iterator[str]:
    """The output of ``annotate`` piece by piece (the same bytes as rendering every file at once)."""
    if fmt == "csv":
        yield _csv_line(dict(zip(FIELDS, FIELDS, strict=True), parts=["parts"], flags=["flags"]))
        for c in chunks:
            for m in c.matches:
                yield _csv_line(record(c.path, c.text, m, c.offset))
        return
    if fmt == "json":
        first = True
        for c in chunks:
            for m in c.matches:
                yield ("[\n" if first else ",\n") + _json_row(record(c.path, c.text, m, c.offset))
                first = False
        yield "[]\n" if first else "\n]\n"
        return
    index = -1
    tail = ""  # the last character written for this file
    for c in chunks:
        if c.offset == 0:
            index += 1
            tail = ""
            if files > 1:
                yield ("\n" if index else "") + f"==> {c.path} <==\n"
        body = _render_body(c, colour=colour)
        if body:
            tail = body[-1]
            yield body
        if c.last and tail != "\n":
            yield "\n"


@summarised("annotate")
@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@glossary_paths_option
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
    """FILE...: English text files (.txt, .md, .html, .docx), or - for standard input.

    A saved .html page is cleaned first (scripts, styles and page furniture removed).

    \b
    Examples:
      termdesk annotate article.txt
      termdesk annotate day/*.txt --format json
      pbpaste | termdesk annotate -
    Offsets (json/csv) are characters into each file's text (for .html and .docx, into the
    text extracted from it). Exit 2 on unreadable input.
    """
    from ..discovery import find_glossary
    from ..match import annotate_stream, article_files

    colour = False
    if fmt == "text":
        from .options import use_colour

        colour = color if color is not None else use_colour()
    # streamed paragraph by paragraph: memory stays flat however large the article
    files = article_files(list(paths))
    chunks = annotate_stream(
        files,
        glossary=find_glossary(glossary_paths),
        statuses=statuses,
        encoding=encoding,
        count_normalised=show_removed,
        on=on,
        newsroom=newsroom,
    )

    def counted(chunks: Iterable[AnnotatedChunk]) -> Iterator[AnnotatedChunk]:
        changed = 0
        for c in chunks:
            changed = (changed if c.offset else 0) + c.normalised
            yield c
            if c.last and show_removed:
                echo_err(f"{c.path}: {changed} invisible or special character(s) ignored for matching")

    for piece in stream(counted(chunks), fmt, colour=colour, files=len(files)):
        click.echo(piece, nl=False, color=colour if fmt == "text" else None)
