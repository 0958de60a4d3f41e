"""`termdesk pretranslate ARTICLES --out DIR` — the main job."""

from __future__ import annotations

import sys
from datetime import date

import click

from .options import date_option, summarised


@summarised("pretranslate")
@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for NAME.ko.txt, NAME.po, NAME.terms.csv.",
)
@click.option(
    "--glossary",
    "glossary_path",
    default="glossary",
    show_default=True,
    type=click.Path(),
    help="Glossary file or folder.",
)
@click.option(
    "--backend",
    type=click.Choice(["auto", "argos", "glossary"]),
    default="auto",
    show_default=True,
    help="argos: installed en→ko model; glossary: no MT, terms inline.",
)
@click.option("--beam", type=click.IntRange(1, 16), default=None, help="Beam size for the argos backend (default 4).")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="CPU threads for translation (default: sensible for this machine).",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation-memory cache.")
@click.option("--encoding", default=None, help="Read the articles in this encoding (e.g. cp949).")
@click.option("--force", is_flag=True, help="Overwrite a NAME.ko.txt that was edited since termdesk wrote it.")
@date_option
def pretranslate(
    articles: tuple[str, ...],
    out_dir: str,
    glossary_path: str,
    backend: str,
    beam: int | None,
    jobs: int | None,
    no_cache: bool,
    encoding: str | None,
    force: bool,
    on: date | None,
) -> None:
    """ARTICLES: files or folders of .txt/.md/.html.

    Every glossary term is rendered exactly as the glossary says (name before
    title, particles repaired). A PO file beside an earlier run is merged: the
    translator's edits are never overwritten.
    """
    from ..glossary import load_valid_glossary
    from ..mt.select import select_backend
    from ..pretranslate import pretranslate as run

    chosen, notice = select_backend(None if backend == "auto" else backend, beam_size=beam, threads=jobs)
    if notice:
        click.echo(notice, err=True)
    bar = None
    progress = None
    if (len(articles) > 1 or any(not a.endswith((".txt", ".md", ".html", ".htm")) for a in articles)) and (
        sys.stderr.isatty()
    ):
        from tqdm import tqdm

        bar = tqdm(unit="article", file=sys.stderr, leave=False)
        progress = lambda name: bar.update(1)  # noqa: E731
    try:
        result = run(
            list(articles),
            out_dir=out_dir,
            glossary=load_valid_glossary(glossary_path),
            backend=chosen,
            use_cache=not no_cache,
            force=force,
            progress=progress,
            encoding=encoding,
            on=on,
        )
    finally:
        if bar is not None:
            bar.close()
    for a in result.articles:
        unverified = sum(1 for s in a.segments if not s.verified)
        fallback = sum(1 for s in a.segments if s.method.value == "fallback")
        extra = []
        if a.kept_edits:
            extra.append(f"{a.kept_edits} edited segment(s) kept")
        if a.obsolete:
            extra.append(f"{a.obsolete} obsolete")
        if fallback:
            extra.append(f"{fallback} retranslated around terms")
        if unverified:
            extra.append(f"{unverified} NOT VERIFIED (see PO comments)")
        click.echo(
            f"{a.name}: {len(a.segments)} segments, {a.term_found}/{a.term_total} terms"
            + (f" — {', '.join(extra)}" if extra else "")
        )
    click.echo(f"backend: {result.backend}")
    click.echo(f"term accuracy: {result.term_accuracy:.1f}%")
    click.echo(f"output: {out_dir}")
