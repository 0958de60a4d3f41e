"""`termdesk model install|list` — offline Argos en→ko packages. Nothing is ever downloaded."""

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
