"""`termdesk model install|list|download` — Argos en→ko packages. Only `download` uses the network."""

from __future__ import annotations

import click

from .options import summarised

_DIR_HELP = "Argos packages folder (default: $ARGOS_PACKAGES_DIR, else argostranslate's default)."


@summarised("model")
@click.group()
def model() -> None:
    """Models come as .argosmodel files."""


@model.command()
@click.argument("archive", type=click.Path())
@click.option("--packages-dir", type=click.Path(file_okay=False), default=None, help=_DIR_HELP)
def install(archive: str, packages_dir: str | None) -> None:
    """Check and install an en→ko model.

    ARCHIVE is an .argosmodel file. Exit 2 if it is not usable.
    """
    from ..mt.packages import install_package

    result = install_package(archive, packages_dir=packages_dir)
    pkg = result.package
    verb = "reinstalled" if result.replaced else "installed"
    click.echo(f"{verb} {pkg.name} ({pkg.pair}, version {pkg.package_version}) in {pkg.path}")


@model.command()
@click.argument("from_code", metavar="en")
@click.argument("to_code", metavar="ko")
@click.option("--index", "index_url", default=None, help="Package index URL (default: argostranslate's public index).")
@click.option("--to", "to_file", type=click.Path(dir_okay=False), default=None, help="Download only, into FILE.")
@click.option("--packages-dir", type=click.Path(file_okay=False), default=None, help=_DIR_HELP)
@click.option("--timeout", type=click.FloatRange(min=0.001), default=60.0, show_default=True, help="Seconds.")
def download(
    from_code: str, to_code: str, index_url: str | None, to_file: str | None, packages_dir: str | None, timeout: float
) -> None:
    """Download, check and install an en→ko model.

    The newest en→ko package in the Argos package index (--index); --to FILE
    downloads only. Exit 2 on failure; nothing half-downloaded is left.
    """
    import sys

    from ..mt.download import DEFAULT_INDEX, download_model

    bar = None
    progress = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="B", unit_scale=True, file=sys.stderr, leave=False)

        def progress(done: int, total: int | None) -> None:
            assert bar is not None
            bar.total = total
            bar.update(done - bar.n)

    try:
        result = download_model(
            from_code,
            to_code,
            index=index_url or DEFAULT_INDEX,
            to=to_file,
            packages_dir=packages_dir,
            timeout=timeout,
            on_progress=progress,
        )
    finally:
        if bar is not None:
            bar.close()
    size = f"{result.size / 1e6:.1f} MB"
    if result.path is not None:
        click.echo(f"downloaded {result.package.label} ({size}) from {result.url} to {result.path}")
        return
    pkg = result.installed.package
    verb = "reinstalled" if result.installed.replaced else "installed"
    click.echo(f"downloaded {result.package.label} ({size}); {verb} {pkg.name} in {pkg.path}")


@model.command(name="list")
@click.option("--packages-dir", type=click.Path(file_okay=False), default=None, help=_DIR_HELP)
def list_(packages_dir: str | None) -> None:
    """Show installed en→ko packages (version, path).

    Exit 1 if a package folder is broken.
    """
    from ..errors import ValidationFailed
    from ..mt.packages import INSTALL_HINT, list_packages

    listing = list_packages(packages_dir=packages_dir)
    for i, pkg in enumerate(listing.en_ko):
        mark = " [used]" if i == 0 and len(listing.en_ko) > 1 else ""
        click.echo(f"{pkg.name} ({pkg.pair}, version {pkg.package_version}): {pkg.path}{mark}")
    if not listing.en_ko:
        click.echo(f"no en→ko model installed in {listing.directory} — {INSTALL_HINT}")
    if listing.other:
        click.echo(f"{len(listing.other)} other package(s) (not en→ko) not shown")
    for problem in listing.problems:
        click.echo(str(problem))
    if listing.problems:
        raise ValidationFailed(f"{len(listing.problems)} broken package folder(s) in {listing.directory}")
