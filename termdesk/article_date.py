"""An article's date, from its dateline or release line.

Datelines (:mod:`termdesk.dateline`, the first of the head lines with a date): ``SEOUL, Oct. 28 (Yonhap) --``,
``WASHINGTON, March 3, 2017 —``, ``Seoul, October 28, 2017``; release lines: ``Oct. 23, 2017``.

The glossary's dated entries (``valid_from``/``valid_to``) are rendered as of this
date. Only the first lines of an article are read: a date further down is a date
in the story, not the article's.
"""

from __future__ import annotations

import re
from datetime import date

from .dateline import DATE, MONTHS, dateline

#: A release line that is only a date (DoD readouts and communiqués: ``Oct. 23, 2017``).
_RELEASE = re.compile(rf"^\s*(?:\w+, )?{DATE}\s*$", re.IGNORECASE | re.MULTILINE)
#: How many lines at the top of an article may hold its dateline.
HEAD_LINES = 8

#: (text, --date, expected) — each one is a test case.
EXAMPLES: tuple[tuple[str, date | None, date | None], ...] = (
    ("SEOUL, Oct. 28 (Yonhap) -- South Korea and the U.S. agreed.", date(2017, 1, 1), date(2017, 10, 28)),
    ("SEOUL, Oct. 28 (Yonhap) -- South Korea and the U.S. agreed.", None, None),
    ("WASHINGTON, March 3, 2017 — The Pentagon said.", None, date(2017, 3, 3)),
    ("WASHINGTON, March 3, 2017 — The Pentagon said.", date(2020, 1, 1), date(2017, 3, 3)),
    ("Readout of a call\n\nOct. 23, 2017\n\nSecretary Mattis spoke.", None, date(2017, 10, 23)),
    ("Joint Communique\n\nSeoul, October 28, 2017\n\nThe 49th SCM was held.", None, date(2017, 10, 28)),
    ("WASHINGTON, July 4, 2017 — The United States condemns the launch.", None, date(2017, 7, 4)),
    ("The talks on March 3, 2017 ended.", None, None),
    ("Minister Song said.", date(2019, 6, 1), date(2019, 6, 1)),
    ("SEOUL, Feb. 30 (Yonhap) -- No such day.", date(2019, 6, 1), date(2019, 6, 1)),
)


def article_date(text: str, *, default: date | None = None) -> date | None:
    """The article's date: a full dateline or release-line date wins; a year-less dateline
    (``SEOUL, Oct. 28 (Yonhap)``) takes the year of ``default`` (the ``--date`` option) and is
    undated without it; with no dateline, ``default``."""
    lines = text.lstrip("\ufeff").splitlines()[:HEAD_LINES]
    dated = next((d for d in map(dateline, lines) if d is not None and d.month), None)
    if dated is not None:
        return _date(dated.month, dated.day, dated.year, default=default)
    release = _RELEASE.search("\n".join(lines))
    if release is not None:
        return _date(release["month"], release["day"], release["year"], default=default)
    return default


def _date(month: str | None, day: str | None, year: str | None, *, default: date | None) -> date | None:
    """A dateline's or release line's date; a year-less one takes ``default``'s year (undated without it);
    an impossible one (``Feb. 30``) is ``default``."""
    if month is None or day is None:
        return default
    y = int(year) if year else (default.year if default is not None else None)
    if y is None:
        return None
    try:
        return date(y, MONTHS[month.casefold()], int(day))
    except ValueError:
        return default


def parse_date_option(value: str) -> date:
    """``--date YYYY-MM-DD`` → a date; ``ValueError`` with a message otherwise."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--date {value!r} is not a date — write YYYY-MM-DD (e.g. 2017-10-28)") from None
