"""One-line help is written once: each group's command list shows the same line that opens the command's own --help.

Top-level commands take it from the lazy table (``termdesk.cli.COMMANDS``), subcommands from their docstring.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from termdesk.cli import COMMANDS, app

GROUPS: dict[tuple[str, ...], tuple[str, ...]] = {
    (): tuple(sorted(COMMANDS)),
    ("glossary",): ("add", "check", "diff", "export", "fmt", "html", "import", "review", "search", "stats"),
    ("model",): ("download", "install", "list"),
}
CASES = [(group, name) for group, names in GROUPS.items() for name in names]


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


def _listing(group: tuple[str, ...]) -> dict[str, str]:
    """The Commands section of ``termdesk GROUP --help``: name → its line (wrapped lines joined)."""
    rows: dict[str, str] = {}
    name = ""
    for line in _help(*group).split("Commands:\n", 1)[1].splitlines():
        m = re.match(r"  (\S+)\s{2,}(\S.*)", line)
        if m:
            name = m.group(1)
            rows[name] = m.group(2)
        elif line.strip():
            rows[name] += " " + line.strip()
    return rows


def _summary(*args: str) -> str:
    """The first paragraph after the usage line of ``termdesk ARGS --help``, on one line."""
    return " ".join(_help(*args).split("\n\n")[1].split())


@pytest.mark.parametrize("group", list(GROUPS), ids=lambda g: " ".join(("termdesk", *g)))
def test_group_lists_exactly_its_commands(group: tuple[str, ...]) -> None:
    assert sorted(_listing(group)) == sorted(GROUPS[group])


@pytest.mark.parametrize(("group", "name"), CASES, ids=[" ".join((*g, n)) for g, n in CASES])
def test_listed_line_opens_the_commands_help(group: tuple[str, ...], name: str) -> None:
    line = _listing(group)[name]
    assert not line.endswith("..."), line  # never cut short
    assert _summary(*group, name) == line


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_top_level_line_comes_from_the_table(name: str) -> None:
    assert _listing(())[name] == COMMANDS[name][2]
