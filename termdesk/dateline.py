"""News datelines: the place (its country or state, a date, the agency) that opens a story.

``SEOUL, Oct. 28 (Yonhap) --``, ``WASHINGTON (AP) —``, DoD News/AFPS ``WASHINGTON, June 3, 2019 —``,
USFK ``CAMP HUMPHREYS, Republic of Korea –``, a communiqué's ``Seoul, October 28, 2017`` line.

The one home for every reader of datelines: QA (a dateline is not carried into Korean copy:
:func:`termdesk.qa.terms.dateline_end`), mining (the agency is a media name:
:mod:`termdesk.mine.article`), the article's date (:mod:`termdesk.article_date`) and the date rule
(a dateline keeps its full date: :mod:`termdesk.newsroom.dates`). Each form in :data:`FORMS`
carries its examples, and each example is a test case; so is each of :data:`NOT_DATELINES`.

This module imports nothing but ``re`` and ``dataclasses``: annotate and pretranslate read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DATE",
    "DATELINE_END",
    "DATELINE_END_EXAMPLES",
    "FORMS",
    "MONTHS",
    "NOT_DATELINES",
    "Dateline",
    "DatelineForm",
    "dateline",
]

#: Month names and their abbreviations (lower case) → month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
#: Month, day and an optional year: ``Oct. 28``, ``March 3, 2017``, ``October 28, 2017`` (any case).
DATE = rf"(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}})(?:, (?P<year>(?:19|20)\d\d))?\b"

#: What ends a dateline after its place, date or agency: a dash (``--``, ``—``, ``–``, ``―``,
#: ``&#8212;``), a hyphen between spaces, or the end of the line. The date rule matches it right
#: after a date (``WASHINGTON, Nov. 13, 2023 --``: the dateline keeps its full date).
_END = r"\s*(?:--|[–—―]|&#8212;)|\s+-(?=\s)|(?=\s*$)"
DATELINE_END = re.compile(_END, re.MULTILINE)
#: (what follows a date, whether it ends a dateline) — each one is a test case.
DATELINE_END_EXAMPLES: tuple[tuple[str, bool], ...] = (
    (" -- Secretary Austin spoke.", True),
    (" — The Pentagon said.", True),
    (" &#8212; Cambodia has sent a letter.", True),
    (" - The minister visited.", True),
    ("", True),
    ("\n\nThe MCM met on October 27, 2017.", True),
    (", the ministers said.", False),
    ("-year-old plan", False),
    # the agency is the dateline's, but the date rule reads a year-less Yonhap date like any other (13일)
    (" (Yonhap) -- They met on Monday.", False),
)

#: A place in capitals, one to five words: ``SEOUL``, ``PHNOM PENH``, ``FORT LEONARD WOOD``, ``ST. LOUIS``.
_PLACE_CAPS = r"[A-Z][A-Z'.\-]+(?:[ \t][A-Z][A-Z'.\-]*){0,4}"
#: A place in any case, each word capitalised: ``Seoul``, ``USAG Humphreys``, ``WASHINGTON``.
_PLACE = r"[A-Z][\w'.\-]*(?:[ \t][A-Z][\w'.\-]*){0,3}"
#: The place's country or state, never a date: ``South Korea``, ``D.C.``, ``Mo.``, ``Republic of Korea``.
_REGION = rf"(?!{_MONTH}\.?[ \t]\d)[A-Z][A-Za-z.'\-]*(?:[ \t](?:of[ \t])?[A-Z][A-Za-z.'\-]*){{0,2}}"
#: The agency in brackets: ``CNN``, ``Yonhap``, ``AP``, ``Voice of America``, ``KBS-1`` (at most 40 characters).
_AGENCY = r"(?=[^()\n]{1,40}\))[A-Z][\w.&'\-]*(?:[ \t]+[\w.&'\-]+){0,4}[ \t]*"
_DASH = r"(?:--|[–—―]|&#8212;|-)"


@dataclass(frozen=True)
class DatelineForm:
    """One form of dateline: its regular expression (groups ``place``, ``region``, ``month``,
    ``day``, ``year``, ``agency`` where it has them) and its examples (text, the dateline in it)."""

    name: str
    description: str
    pattern: re.Pattern[str]
    examples: tuple[tuple[str, str], ...]


FORMS: tuple[DatelineForm, ...] = (
    DatelineForm(
        "wire",
        "a place in capitals, perhaps its country and a date, the agency in brackets, perhaps a dash",
        re.compile(
            rf"^\s*(?P<place>{_PLACE_CAPS})(?:,[ \t]+(?P<region>{_REGION}))?(?:,[ \t]+{DATE})?"
            rf",?[ \t]*\((?P<agency>{_AGENCY})\)(?:[ \t]*{_DASH})?"
        ),
        (
            ("SEOUL, Oct. 28 (Yonhap) -- South Korea and the U.S. agreed.", "SEOUL, Oct. 28 (Yonhap) --"),
            ("SEOUL, South Korea (CNN) -- North Korea rejected talks.", "SEOUL, South Korea (CNN) --"),
            ("MOSCOW, Russia (CNN) At least three people were killed.", "MOSCOW, Russia (CNN)"),
            ("PHNOM PENH, Cambodia (CNN) &#8212; Cambodia has sent a letter.", "PHNOM PENH, Cambodia (CNN) &#8212;"),
            ("WASHINGTON (AP) — The Pentagon said.", "WASHINGTON (AP) —"),
            ("SEOUL, (Yonhap) - The ministry said.", "SEOUL, (Yonhap) -"),
            (
                "FORT LEONARD WOOD, Mo. (Voice of America) — Soldiers trained.",
                "FORT LEONARD WOOD, Mo. (Voice of America) —",
            ),
        ),
    ),
    DatelineForm(
        "dated",
        "a place, perhaps its country or state, a date (DoD News/AFPS: with its year), then the agency, "
        "a dash or the end of the line",
        re.compile(
            rf"^\s*(?P<place>{_PLACE})(?:,[ \t]+(?P<region>{_REGION}))?,[ \t]+{DATE}"
            rf"(?:[ \t]*\((?P<agency>{_AGENCY})\)(?:[ \t]*{_DASH})?|(?=[ \t]*\()|(?:{_END}))",
            re.MULTILINE,
        ),
        (
            ("WASHINGTON, June 24, 2016 — U.S. defense officials met.", "WASHINGTON, June 24, 2016 —"),
            ("WASHINGTON, Feb. 6, 2014 – In a phone call, they agreed.", "WASHINGTON, Feb. 6, 2014 –"),
            ("WASHINGTON, Nov. 13, 2023 -- Secretary Austin spoke.", "WASHINGTON, Nov. 13, 2023 --"),
            ("WASHINGTON, D.C., March 3, 2017 - The Pentagon said.", "WASHINGTON, D.C., March 3, 2017 -"),
            ("Seoul, October 28, 2017", "Seoul, October 28, 2017"),
            ("Seoul, Oct. 28 (Yonhap) -- The ministry said.", "Seoul, Oct. 28 (Yonhap) --"),
            ("SEOUL, Oct. 28 (a long aside that is not an agency at all, no) -- They met.", "SEOUL, Oct. 28"),
        ),
    ),
    DatelineForm(
        "usfk",
        "USFK/DVIDS releases: a place in any case, its country, a dash",
        re.compile(
            rf"^\s*(?P<place>{_PLACE}),[ \t]+(?P<region>Republic of Korea|South Korea|Korea|Japan)"
            r"\s+(?:--|[–—―]|&#8212;|-)(?=\s)"
        ),
        (
            ("USAG Humphreys, Republic of Korea - The minister visited.", "USAG Humphreys, Republic of Korea -"),
            ("CAMP HUMPHREYS, South Korea – Troops trained.", "CAMP HUMPHREYS, South Korea –"),
            ("CAMP HUMPHREYS, Republic of Korea – The general spoke.", "CAMP HUMPHREYS, Republic of Korea –"),
        ),
    ),
)

#: (text, why it is no dateline) — each one is a test case.
NOT_DATELINES: tuple[tuple[str, str], ...] = (
    ("U.S. Forces Korea (USFK) said on Monday.", "a name and its acronym"),
    ("THAAD (Terminal High Altitude Area Defense) is a system.", "an acronym and its expansion"),
    ("NATO (North Atlantic Treaty Organization) said so.", "an acronym and its expansion"),
    ("UNC (United Nations Command) -- the command said.", "an acronym and its expansion"),
    ("USFK (U.S. Forces Korea) said on Monday.", "an acronym and its expansion"),
    ("ROK (Republic of Korea) Minister Song met Mattis.", "an acronym and its expansion"),
    ("DPRK (Democratic People's Republic of Korea) - the North fired.", "an acronym and its expansion"),
    ("Defense Minister Song Young-moo (right) met Mattis.", "a caption's position"),
    ("The talks on March 3, 2017 ended.", "a date in a sentence"),
    ("WASHINGTON — The Pentagon said.", "a place and a dash alone: not recognised (THAAD — …, NATO — …)"),
    ("Kim Jong Un visits Pyongyang, Oct. 28", "a headline: the place has lower-case words"),
)

_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "to", "&"})


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether ``words`` are the expansion of ``acronym`` (``NATO`` ← North Atlantic Treaty Organization,
    ``USFK`` ← U.S. Forces Korea, ``ROK`` ← Republic of Korea, ``DPRK`` ← Democratic People's Republic of Korea)."""
    if len(words) < 2:
        return False
    letters = acronym.replace(".", "").upper()
    initials = [w.replace(".", "") if "." in w else w[0] for w in words]
    content = [i for i, w in zip(initials, words, strict=True) if w.lower() not in _SMALL_WORDS]
    return letters in {"".join(initials).upper(), "".join(content).upper()}


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a text: its form, its end offset and the parts it has."""

    form: str
    end: int
    place: str
    region: str | None = None
    agency: str | None = None
    agency_span: tuple[int, int] | None = None
    month: str | None = None
    day: str | None = None
    year: str | None = None


def dateline(text: str) -> Dateline | None:
    """The dateline opening ``text`` (the longest of :data:`FORMS` that matches), or None.

    An acronym followed by its expansion in brackets (``NATO (North Atlantic Treaty Organization)``)
    is no place and agency."""
    best: re.Match[str] | None = None
    best_form = ""
    for form in FORMS:
        m = form.pattern.match(text)
        if m is None or (best is not None and m.end() <= best.end()):
            continue
        g = m.groupdict()
        if g.get("agency") and not g.get("month") and _spells(g["place"], g["agency"].split()):
            continue  # NATO (North Atlantic Treaty Organization): no date makes it a dateline
        best, best_form = m, form.name
    if best is None:
        return None
    g = best.groupdict()
    return Dateline(
        form=best_form,
        end=best.end(),
        place=g["place"],
        region=g.get("region"),
        agency=g["agency"].strip() if g.get("agency") else None,
        agency_span=(best.start("agency"), best.start("agency") + len(g["agency"].rstrip()))
        if g.get("agency")
        else None,
        month=g.get("month"),
        day=g.get("day"),
        year=g.get("year"),
    )
