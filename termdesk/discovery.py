"""Finding the glossary and the ``termdesk.toml`` settings without a flag.

The order, for the glossary (and the same for the settings file):

1. the path given explicitly (``--glossary``; ``--config``);
2. the environment variable (``TERMDESK_GLOSSARY``; ``TERMDESK_CONFIG``);
3. the nearest ``glossary/`` folder (``termdesk.toml`` file) in the working
   directory or one of its parents — the way git finds its repository;
4. otherwise an ``InputError`` that names all three ways.

Only reading: nothing is printed and argv is never read. The environment and
the working directory are parameters (defaulting to the process's) so that
every case can be tested.

:func:`settings_table` reads one table of ``termdesk.toml`` with ``tomllib``
(``[po]`` holds ``last_translator`` and ``language_team``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import InputError

GLOSSARY_ENV = "TERMDESK_GLOSSARY"
CONFIG_ENV = "TERMDESK_CONFIG"
GLOSSARY_DIR = "glossary"
CONFIG_FILE = "termdesk.toml"


class GlossaryNotFound(InputError):
    """No glossary given, none in the environment, none at or above the working directory."""


def _nearest(name: str, start: Path, *, want_dir: bool) -> Path | None:
    """``start/name`` or the same name in the closest parent of ``start``; None if none."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / name
        if candidate.is_dir() if want_dir else candidate.is_file():
            return candidate
    return None


def find_glossary(
    explicit: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """The glossary paths to load: explicit, else ``$TERMDESK_GLOSSARY``, else the nearest ``glossary/``.

    ``explicit`` may be one path or several (a repeatable option); empty means "not given".
    An explicit or environment path that does not exist is an ``InputError`` saying where it came from.
    """
    given: list[str | os.PathLike[str]]
    if explicit is None:
        given = []
    elif isinstance(explicit, (str, os.PathLike)):
        given = [explicit]
    else:
        given = list(explicit)
    if given:
        return [Path(g) for g in given]
    environ = os.environ if env is None else env
    from_env = environ.get(GLOSSARY_ENV, "").strip()
    if from_env:
        p = Path(from_env).expanduser()
        if not p.exists():
            raise InputError.at(
                p, None, f"no such file or folder (from ${GLOSSARY_ENV})", f"fix or unset {GLOSSARY_ENV}"
            )
        return [p]
    start = Path.cwd() if cwd is None else Path(cwd)
    found = _nearest(GLOSSARY_DIR, start, want_dir=True)
    if found is not None:
        return [found]
    raise GlossaryNotFound(
        f"no glossary found: no --glossary given, {GLOSSARY_ENV} not set, and no {GLOSSARY_DIR}/ folder in "
        f"{start.resolve()} or above — pass --glossary PATH, set {GLOSSARY_ENV}, or run inside the repository"
    )


def find_config(
    explicit: str | os.PathLike[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> Path | None:
    """The settings file: explicit, else ``$TERMDESK_CONFIG``, else the nearest ``termdesk.toml``; None if none.

    Settings are optional, so finding none is not an error; a named file that is missing is.
    """
    environ = os.environ if env is None else env
    for given, origin in ((explicit, "--config"), (environ.get(CONFIG_ENV, "").strip() or None, f"${CONFIG_ENV}")):
        if given:
            p = Path(given).expanduser()
            if not p.is_file():
                raise InputError.at(p, None, f"no such file (from {origin})", "check the path")
            return p
    return _nearest(CONFIG_FILE, Path.cwd() if cwd is None else Path(cwd), want_dir=False)


def settings_table(
    table: str,
    *,
    config: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """One ``[table]`` of the settings file found by :func:`find_config` (empty if no file or no table)."""
    import tomllib

    path = find_config(config, env=env, cwd=cwd)
    if path is None:
        return {}
    from .textio import read_text

    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        what = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        line = int(found.group(1)) if found else None
        raise InputError.at(path, line, f"not valid TOML ({what})", "fix the file") from None
    value = data.get(table, {})
    if not isinstance(value, dict):
        raise InputError.at(path, None, f"[{table}] is not a table", f"write it as a [{table}] section")
    return value
