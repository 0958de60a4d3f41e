"""The command surface. Parsing and rendering only: each command calls one library
function and renders its result. ``TermdeskError`` is caught in exactly one place,
``TermdeskGroup.invoke``, and shown as one line with its exit code; any other
exception is a bug and keeps its traceback.

Subcommands are loaded lazily from the table below so that ``termdesk --help``
imports neither pandas nor CTranslate2.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

import click

from ..errors import TermdeskError

#: name -> (module under termdesk.cli, attribute, one-line help). The one-line help is written only here:
#: ``termdesk --help`` lists it without importing the command, and ``options.summarised`` puts it first in
#: the command's own ``--help`` (tests/test_cli_help.py checks both show the same line).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "glossary": ("glossary_cmd", "glossary", "Check, format, diff, merge, export and import the glossary."),
    "annotate": ("annotate_cmd", "annotate", "Show glossary terms found in English text, with their Korean."),
    "mine": ("mine_cmd", "mine", "Mine candidate terms and titles from articles into a terms CSV."),
    "align": ("align_cmd", "align", "Propose Korean equivalents for mined candidates."),
    "pretranslate": (
        "pretranslate_cmd",
        "pretranslate",
        "Pre-translate articles into a Korean draft, PO and terms CSV.",
    ),
    "model": ("model_cmd", "model", "Download, install and list Argos en→ko models."),
    "qa": ("qa_cmd", "qa", "Check a Korean translation against the glossary and its source."),
}


class CommandFailed(click.ClickException):
    """A TermdeskError rendered by click: one line on stderr, the error's exit code."""

    def __init__(self, error: TermdeskError) -> None:
        super().__init__(error.message)
        self.exit_code = error.exit_code  # type: ignore[misc]  # click declares it a class default

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class LazyGroup(click.Group):
    """A click group whose subcommands live in modules imported on first use."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def _available(self, name: str) -> bool:
        module = self.lazy[name][0]
        return importlib.util.find_spec(f"termdesk.cli.{module}") is not None

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = set(super().list_commands(ctx))
        names.update(n for n in self.lazy if self._available(n))
        return sorted(names)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in self.lazy or not self._available(cmd_name):
            return None
        module, attr, _ = self.lazy[cmd_name]
        cmd = getattr(importlib.import_module(f"termdesk.cli.{module}"), attr)
        self.add_command(cmd, cmd_name)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in self.lazy:
                rows.append((name, self.lazy[name][2]))
            else:
                cmd = self.commands[name]
                rows.append((name, cmd.get_short_help_str()))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class TermdeskGroup(LazyGroup):
    """Root group: the single place where TermdeskError becomes an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TermdeskError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            raise CommandFailed(exc) from None


@click.group(cls=TermdeskGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show a traceback for errors (for bug reports).")
@click.version_option(package_name="termdesk")
@click.pass_context
def app(ctx: click.Context, debug: bool) -> None:
    """termdesk — English→Korean glossary and translation assist for the defense beat.

    Exit codes: 0 success, 1 problems found, 2 usage or input error.
    Input files over 100 MB are refused (set TERMDESK_MAX_INPUT_MB to change it).
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> int:
    """Console entry point."""
    return app.main(args=argv, prog_name="termdesk")  # click exits with the right code
