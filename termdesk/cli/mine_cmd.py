"""`termdesk mine PATHS -o terms/NAME.csv` — candidate terms and titles from articles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import summarised


@summarised("mine")
@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--out",
    "out_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Terms CSV to write (e.g. terms/NAME.csv).",
)
@click.option(
    "--glossary",
    "glossary_path",
    default=None,
    type=click.Path(),
    help="Glossary file or folder for known/new status (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder).",
)
@click.option(
    "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes reading articles."
)
@click.option("--encoding", default=None, help="Read articles in this encoding (e.g. cp949).")
@click.option("--show-removed", is_flag=True, help="Print the page debris removed from each article.")
@click.option(
    "--top", type=click.IntRange(0, 500), default=15, show_default=True, help="New candidates to list in the summary."
)
@click.option("--force", is_flag=True, help="Overwrite an existing terms CSV (it may hold a reviewer's edits).")
@click.option("--name", "stdin_name", default=None, help="Article name for text read from - (stdin).")
def mine(
    paths: tuple[str, ...],
    out_path: str,
    glossary_path: str | None,
    jobs: int,
    encoding: str | None,
    show_removed: bool,
    top: int,
    force: bool,
    stdin_name: str | None,
) -> None:
    """PATHS: article files or folders of .txt/.md/.html/.docx; - reads standard input (with --name).

    Writes one row per candidate (canonical form, variants, type, frequency,
    document frequency, score, glossary status, linked titles/people, contexts),
    sorted by score. Prints counts per type and status, the top new candidates
    and name-consistency warnings.
    """
    from ..discovery import GlossaryNotFound, find_glossary
    from ..errors import ConflictError
    from ..glossary import load_valid_glossary
    from ..mine import STATUSES, write_csv
    from ..mine import mine as run
    from ..pairing import walk_files
    from ..textio import refuse_input_overwrite

    out = Path(out_path)
    refuse_input_overwrite(out, [f for f, _ in walk_files(paths)], what="an article being mined")
    if out.exists() and not force:
        raise ConflictError(
            f"{out}: already exists (it may hold a reviewer's edits) — pass --force to overwrite it, or "
            "choose another -o"
        )
    try:
        glossary = load_valid_glossary(find_glossary(glossary_path))
    except GlossaryNotFound as exc:
        glossary = None
        click.echo(f"note: {exc.message.split(' — ')[0]}: every candidate is 'new'", err=True)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > 1 and (sys.stderr.isatty() or total >= 500):
            from tqdm import tqdm

            bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False, mininterval=0.5)
        if bar is not None:
            bar.update(1)

    try:
        result = run(
            list(paths),
            glossary=glossary,
            jobs=jobs,
            encoding=encoding,
            keep_removed=show_removed,
            progress=progress,
            stdin_name=stdin_name,
        )
    finally:
        if bar is not None:
            bar.close()
    write_csv(result, out)

    if show_removed:
        for path, r in result.removed:
            click.echo(f"{path}:{r.line}: [{r.reason}] {r.text}")
    click.echo(f"{result.articles} article(s), {result.words} words → {out}: {len(result.candidates)} candidates")
    counts = result.counts()
    width = max([len("type"), *(len(t) for t in counts)])
    click.echo(f"  {'type':<{width}}  " + "  ".join(f"{s:>16}" for s in STATUSES))
    for type_, by_status in counts.items():
        click.echo(f"  {type_:<{width}}  " + "  ".join(f"{by_status.get(s, 0):>16}" for s in STATUSES))
    new = [c for c in result.candidates if c.status == "new"][:top]
    if new:
        click.echo(f"top {len(new)} new candidates:")
        for c in new:
            click.echo(f"  {c.canonical} ({c.type}, {c.freq}×, score {c.score:.2f})")
    held = sum(by_status.get("held-back", 0) for by_status in counts.values())
    if held:
        click.echo(f"{held} held back (lowercase phrases with no sign of being a term; status held-back in {out})")
    if result.findings:
        click.echo("name consistency:")
        for f in result.findings:
            click.echo(f"  {f.severity.value}: [{f.id}] {f.message}")
            for ev in f.evidence:
                click.echo(f"      {ev}")
