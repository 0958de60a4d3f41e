"""An article's date, from its dateline or release line.

Datelines: ``SEOUL, Oct. 28 (Yonhap) --``, ``WASHINGTON, March 3, 2017 —``; release lines: ``Oct. 23, 2017``.

The glossary's dated entries (``valid_from``/``valid_to``) are rendered as of this
date. Only the first lines of an article are read: a date further down is a date
in the story, not the article's.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS: dict[str, int] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: Month, day and an optional year: ``Oct. 28``, ``March 3, 2017``, ``October 28, 2017``.
_DATE = rf"(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}})(?:, (?P<year>(?:19|20)\d\d))?\b"
#: A dateline: a capitalised place (``SEOUL``, ``Seoul``, ``WASHINGTON, D.C.``), a comma, the date,
#: then the agency or a dash or the end of the line.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){{0,3}}(?:, [A-Z][A-Za-z.]+)?, {_DATE}"
    r"(?= ?\(| ?(?:--|—|–)|\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
#: A release line that is only a date (DoD readouts and communiqués: ``Oct. 23, 2017``).
_RELEASE = re.compile(rf"^\s*(?:\w+, )?{_DATE}\s*$", re.IGNORECASE | re.MULTILINE)
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
    head = "\n".join(text.lstrip("\ufeff").splitlines()[:HEAD_LINES])
    for pattern in (_DATELINE, _RELEASE):
        m = pattern.search(head)
        if m is None:
            continue
        month = _MONTHS[m["month"].casefold()]
        year = int(m["year"]) if m["year"] else (default.year if default is not None else None)
        if year is None:
            return None
        try:
            return date(year, month, int(m["day"]))
        except ValueError:
            return default
    return default


def parse_date_option(value: str) -> date:
    """``--date YYYY-MM-DD`` → a date; ``ValueError`` with a message otherwise."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--date {value!r} is not a date — write YYYY-MM-DD (e.g. 2017-10-28)") from None
