"""Small helpers shared by command modules (rendering only, no logic)."""

from __future__ import annotations

import sys

import click


def use_colour(stream: object = None) -> bool:
    """Colour only on a real terminal."""
    s = stream or sys.stdout
    return bool(getattr(s, "isatty", lambda: False)())


def echo_err(message: str) -> None:
    click.echo(message, err=True)
