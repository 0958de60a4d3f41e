"""Small helpers shared by command modules (rendering only, no logic)."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import TypeVar

import click

C = TypeVar("C", bound=click.Command)


def use_colour(stream: object = None) -> bool:
    """Colour only on a real terminal."""
    s = stream or sys.stdout
    return bool(getattr(s, "isatty", lambda: False)())


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def summarised(name: str) -> Callable[[C], C]:
    """Start command ``name``'s ``--help`` with its one-line help from the command table.

    The line is written once, in :data:`termdesk.cli.COMMANDS` (``termdesk --help`` lists
    it without importing the command); the command's docstring holds only the details.
    """
    from . import COMMANDS

    line = COMMANDS[name][2]

    def apply(cmd: C) -> C:
        cmd.short_help = line
        cmd.help = f"{line}\n\n{inspect.cleandoc(cmd.help)}" if cmd.help else line
        return cmd

    return apply


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
    if value is None:
        return None
    from ..article_date import parse_date_option
    from ..errors import UsageError

    try:
        return parse_date_option(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


#: ``--date YYYY-MM-DD``: the articles' date where their datelines give none (dated glossary renderings follow it).
date_option = click.option(
    "--date",
    "on",
    default=None,
    metavar="YYYY-MM-DD",
    callback=_parse_date,
    help="Article date when the dateline gives none (a year-less dateline takes its year); dated renderings follow it.",
)


#: ``--glossary PATH`` (repeatable) → ``glossary_paths``; resolved by :func:`termdesk.discovery.find_glossary`.
glossary_paths_option = click.option(
    "--glossary",
    "glossary_paths",
    multiple=True,
    help="Glossary file or folder (default: $TERMDESK_GLOSSARY or the nearest glossary/ folder; repeatable).",
)
