"""`termdesk pretranslate ARTICLES --out DIR` — the main job."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

import click

from .options import date_option, summarised

if TYPE_CHECKING:  # pragma: no cover
    from ..mt.base import Translator


@summarised("pretranslate")
@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for NAME.ko.txt, NAME.po, NAME.terms.csv (and NAME.xlf).",
)
@click.option(
    "--glossary",
    "glossary_path",
    default=None,
    type=click.Path(),
    help="Glossary file or folder (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder).",
)
@click.option(
    "--backend",
    type=click.Choice(["auto", "argos", "glossary", "openai"]),
    default="auto",
    show_default=True,
    help="argos: installed en→ko model; glossary: no MT, terms inline; openai: an OpenAI-compatible LLM server.",
)
@click.option(
    "--base-url", default=None, help="openai: server URL (default OpenAI's; Ollama: http://localhost:11434/v1)."
)
@click.option("--model", default=None, help="openai: model name (or in termdesk.toml).")
@click.option("--timeout", type=click.FloatRange(min=0.001), default=None, help="openai: seconds per request (120).")
@click.option("--temperature", type=click.FloatRange(0, 2), default=None, help="openai: sampling temperature (0).")
@click.option("--retries", type=click.IntRange(0, 100), default=None, help="openai: retries per request (4).")
@click.option("--beam", type=click.IntRange(1, 16), default=None, help="Beam size for the argos backend (default 4).")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="CPU threads for argos; requests in flight for openai (default: sensible for this machine; openai 4).",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the translation-memory cache.")
@click.option("--encoding", default=None, help="Read the articles in this encoding (e.g. cp949).")
@click.option("--force", is_flag=True, help="Overwrite a NAME.ko.txt that was edited since termdesk wrote it.")
@click.option(
    "--format",
    "formats",
    default="po",
    show_default=True,
    help="Outputs besides the draft, comma-separated: po (always written), xliff (NAME.xlf, XLIFF 1.2 for CAT tools).",
)
@click.option("--name", "stdin_name", default=None, help="Name of the outputs when the article is read from - (stdin).")
@click.option(
    "--last-translator",
    default=None,
    help='PO header Last-Translator, e.g. "Kim Ji-won <jw@example.com>" (default: termdesk.toml [po]).',
)
@click.option(
    "--config",
    "config",
    default=None,
    type=click.Path(dir_okay=False),
    help="Settings file: [llm] and [po] tables (default: $TERMDESK_CONFIG, else the nearest termdesk.toml).",
)
@date_option
def pretranslate(
    articles: tuple[str, ...],
    out_dir: str,
    glossary_path: str | None,
    backend: str,
    beam: int | None,
    jobs: int | None,
    no_cache: bool,
    encoding: str | None,
    force: bool,
    base_url: str | None,
    model: str | None,
    timeout: float | None,
    temperature: float | None,
    retries: int | None,
    formats: str,
    stdin_name: str | None,
    last_translator: str | None,
    config: str | None,
    on: date | None,
) -> None:
    """ARTICLES: files or folders of .txt/.md/.html/.docx; - reads standard input (with --name).

    Every glossary term is rendered exactly as the glossary says (name before
    title, particles repaired). A PO file beside an earlier run is merged: the
    translator's edits are never overwritten.

    With --backend openai the API key is read from TERMDESK_API_KEY (or
    OPENAI_API_KEY), never from the command line; each segment's Korean is
    verified against the glossary, retried, and otherwise marked unverified.
    """
    from ..discovery import find_config, find_glossary, settings_table
    from ..glossary import load_valid_glossary
    from ..mt.openai_backend import open_backend
    from ..mt.select import select_backend
    from ..poheader import contacts_from
    from ..pretranslate import pretranslate as run

    wanted = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    glossary_paths = find_glossary(glossary_path)
    glossary = load_valid_glossary(glossary_paths)
    contacts = contacts_from(
        last_translator=last_translator,
        settings=settings_table("po", config=config),
        origin=find_config(config) or "termdesk.toml",
    )
    llm_options = dict(base_url=base_url, model=model, timeout=timeout, jobs=jobs, temperature=temperature)
    llm = None
    if backend in ("openai", "auto"):
        llm = open_backend(
            config=config,
            glossary=str(glossary_paths[0]),
            only_if_auto=backend == "auto",
            retries=retries,
            **llm_options,
        )
    notice = None
    chosen: Translator
    if llm is not None:
        chosen = llm
    else:
        chosen, notice = select_backend(None if backend == "auto" else backend, beam_size=beam, threads=jobs)
    if notice:
        click.echo(notice, err=True)
    bar = None
    progress = None
    on_segment = None
    single = (".txt", ".md", ".html", ".htm", ".docx", "-")
    if sys.stderr.isatty():
        from tqdm import tqdm

        if llm is not None:
            bar = tqdm(unit="segment", file=sys.stderr, leave=False)
            on_segment = bar.update
        elif len(articles) > 1 or any(not a.endswith(single) for a in articles):
            bar = tqdm(unit="article", file=sys.stderr, leave=False)
            progress = lambda name: bar.update(1)  # noqa: E731
    try:
        result = run(
            list(articles),
            out_dir=out_dir,
            glossary=glossary,
            backend=chosen,
            use_cache=not no_cache,
            force=force,
            progress=progress,
            encoding=encoding,
            on_segment=on_segment,
            formats=wanted or ("po",),
            contacts=contacts,
            stdin_name=stdin_name,
            on=on,
        )
    finally:
        if bar is not None:
            bar.close()
        if llm is not None:
            llm.close()
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
    if llm is not None:
        from ..mt.llm_pipeline import method_stats

        for row in method_stats([s for a in result.articles for s in a.segments]):
            what = " (English kept, Korean inline)" if row.method == "unverified" else ""
            click.echo(
                f"  {row.method}: {row.segments} segment(s), {row.found}/{row.total} terms ({row.accuracy:.1f}%){what}"
            )
        u = llm.usage
        click.echo(f"model: {llm.settings.model} at {llm.url}")
        click.echo(
            f"requests: {u.calls} completions, {u.requests} HTTP requests, "
            f"tokens: {u.prompt_tokens} prompt + {u.completion_tokens} completion"
        )
    click.echo(f"output: {out_dir}")
