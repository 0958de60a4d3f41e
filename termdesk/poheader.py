"""The header of every PO file termdesk writes, complete enough for ``msgfmt -c``, Poedit and Weblate.

``msgfmt -c`` wants ``Project-Id-Version``, ``PO-Revision-Date``, ``Last-Translator``,
``Language-Team``, ``MIME-Version``, ``Content-Type`` and ``Content-Transfer-Encoding``,
none of them left at gettext's template values; Korean has one plural form
(``Plural-Forms: nplurals=1; plural=0;``).

``Last-Translator`` and ``Language-Team`` come from an option or from the ``[po]``
table of ``termdesk.toml`` (``last_translator``, ``language_team``; see
:mod:`termdesk.discovery`), else the defaults below.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from .errors import InputError

DEFAULT_TRANSLATOR = "termdesk (machine draft)"
DEFAULT_TEAM = "Korean"
PLURAL_FORMS = "nplurals=1; plural=0;"

#: Fields a translator's PO editor maintains: kept from the translator's file when merging.
TRANSLATOR_FIELDS: tuple[str, ...] = ("PO-Revision-Date", "Last-Translator", "Language-Team")


@dataclass(frozen=True)
class PoContacts:
    """Who the PO header names."""

    last_translator: str = DEFAULT_TRANSLATOR
    language_team: str = DEFAULT_TEAM


def po_date(now: datetime | None = None, *, env: Mapping[str, str] | None = None) -> str:
    """A PO header date, ``2026-12-04 17:39+0000``: ``now``, else ``$SOURCE_DATE_EPOCH``
    (reproducible builds), else the current time (UTC)."""
    if now is None:
        epoch = (os.environ if env is None else env).get("SOURCE_DATE_EPOCH", "").strip()
        now = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return now.strftime("%Y-%m-%d %H:%M%z")


#: The contacts when neither an option nor termdesk.toml names them.
DEFAULT_CONTACTS = PoContacts()


def po_metadata(
    *, project: str, generator: str, contacts: PoContacts = DEFAULT_CONTACTS, now: datetime | None = None
) -> dict[str, str]:
    """The full header, in gettext's order."""
    date = po_date(now)
    return {
        "Project-Id-Version": project,
        "POT-Creation-Date": date,
        "PO-Revision-Date": date,
        "Last-Translator": contacts.last_translator,
        "Language-Team": contacts.language_team,
        "Language": "ko",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
        "X-Generator": generator,
    }


def contacts_from(
    *,
    last_translator: str | None = None,
    language_team: str | None = None,
    settings: Mapping[str, object] | None = None,
    origin: str | os.PathLike[str] = "termdesk.toml",
) -> PoContacts:
    """Options first, then the ``[po]`` settings table, then the defaults."""
    table = settings or {}
    values: dict[str, str] = {}
    for key, given, default in (
        ("last_translator", last_translator, DEFAULT_TRANSLATOR),
        ("language_team", language_team, DEFAULT_TEAM),
    ):
        value = given if given is not None else table.get(key, default)
        if not isinstance(value, str) or not value.strip() or "\n" in value:
            raise InputError.at(origin, None, f"[po] {key} must be one line of text", f'write e.g. {key} = "Name"')
        values[key] = value.strip()
    return PoContacts(**values)
