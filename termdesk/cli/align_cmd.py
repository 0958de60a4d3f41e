"""`termdesk align` — Korean proposals for mined candidates (`termdesk glossary add` merges the reviewed rows)."""

from __future__ import annotations

from typing import Any

import click

from .options import echo_err, summarised


def _translator(name: str) -> tuple[Any, str | None, str | None]:
    """(backend or None, its name, a notice) for --mt NAME; 'auto' uses an installed Argos model if there is one."""
    if name in ("none", "glossary"):
        return None, None, None
    if name == "auto":
        from ..mt.argos import argos_available

        if not argos_available():
            return None, None, "no en→ko MT model installed: proposals come from the glossary and parallel text only"
        name = "argos"
    from ..mt.select import select_backend

    backend, notice = select_backend(name)
    if backend.inline:
        return None, None, notice
    return backend, backend.name, notice


@summarised("align")
@click.command()
@click.argument("candidates", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Proposals CSV to write (e.g. terms/NAME-proposals.csv); refused if it exists, unless --force.",
)
@click.option(
    "--ko-text",
    "ko_text",
    multiple=True,
    type=click.Path(),
    help="Korean versions of the articles, files or folders (A.ko.txt for A.txt). Repeatable.",
)
@click.option(
    "--en-text",
    "en_text",
    multiple=True,
    type=click.Path(),
    help=(
        "The English articles, files or folders (default: those named in the candidates' contexts, "
        "found next to the Korean files). Repeatable."
    ),
)
@click.option(
    "--glossary",
    "glossary",
    default=None,
    type=click.Path(),
    help="Glossary file or folder (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder).",
)
@click.option(
    "--mt",
    "mt",
    default="auto",
    show_default=True,
    help="MT backend for a marked, low-scored proposal: auto (an installed Argos model), none, or a backend name.",
)
@click.option(
    "--top",
    type=click.IntRange(1, 10),
    default=3,
    show_default=True,
    help="Proposals kept per candidate (best in ko, the rest in alternatives).",
)
@click.option("--encoding", default=None, help="Encoding of the input files (e.g. cp949).")
@click.option(
    "--tmx",
    "tmx",
    default=None,
    type=click.Path(dir_okay=False),
    help="Also write the aligned EN–KO sentence pairs as a TMX 1.4b translation memory (needs --ko-text).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Leave aligned pairs scoring under this (0–1) out of the --tmx memory.",
)
@click.option("--force", is_flag=True, help="Replace an existing -o (or --tmx) file.")
def align(
    candidates: str,
    output: str,
    ko_text: tuple[str, ...],
    en_text: tuple[str, ...],
    glossary: str | None,
    mt: str,
    top: int,
    encoding: str | None,
    tmx: str | None,
    min_score: float,
    force: bool,
) -> None:
    """CANDIDATES is a terms CSV written by `termdesk mine`.

    \b
    For each candidate, best first, with a score (0–1) and the evidence:
      glossary   exact, variant, inflected, composed (title + name) or acronym
      parallel   Korean phrases aligned with the term in the Korean versions
                 of the articles (--ko-text; A.ko.txt pairs with A.txt)
      mt         machine translation of the term, when a model is installed
                 (marked, always scored below attested evidence)
    Review the file in a spreadsheet (set status to accepted on the rows to
    keep), then merge them with `termdesk glossary add`.
    """
    from ..align import align_candidates
    from ..discovery import find_glossary

    translator, mt_name, notice = _translator(mt)
    if notice:
        echo_err(f"note: {notice}")
    result = align_candidates(
        candidates,
        output=output,
        ko_text=list(ko_text),
        en_text=list(en_text),
        glossary=str(find_glossary(glossary)[0]),
        force=force,
        translator=translator,
        mt_name=mt_name,
        encoding=encoding,
        top=top,
        tmx=tmx,
        min_score=min_score,
    )
    for n in result.notices:
        echo_err(f"note: {n}")
    for p in result.pairs:
        click.echo(
            f"pair {p.name}: {p.en_sentences} English / {p.ko_sentences} Korean sentences "
            f"({p.en_paragraphs}/{p.ko_paragraphs} paragraphs), {p.beads} aligned groups"
        )
    c = result.counts()
    click.echo(
        f"{len(result.results)} candidates → {result.output}: {c['glossary']} from the glossary, "
        f"{c['parallel']} from parallel text, {c['mt']} from MT only, {c['abstained']} below the threshold "
        f"(in alternatives), {c['none']} without a proposal"
    )
    if result.tmx is not None:
        below = f" ({result.tmx_below} under --min-score {min_score:g} left out)" if result.tmx_below else ""
        click.echo(f"translation memory → {result.tmx}: {result.tmx_units} sentence pairs{below}")
