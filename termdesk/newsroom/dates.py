"""Dates, ordinals and numbers as Korean copy writes them (the Korean forms come from ``termdesk.ko.numbers``).

* dates: ``Oct. 28, 2017`` → 2017년 10월 28일, ``December 2012`` → 2012년 12월, ``Feb. 12`` → 2월 12일;
  ``today`` and weekdays (``on Monday``) resolved against the article's date (its dateline, read by
  ``termdesk.article_date``, or ``--date``) → 13일; with no date they are left as they are and flagged
  ``unresolved-date``;
* ordinals: ``55th SCM`` → 제55차 한미안보협의회의, ``the second meeting of the NCG`` → 핵협의그룹
  제2차 회의, ``sixth nuclear test`` → 6차 핵실험;
* numbers: ``$110 million`` → 1억1천만 달러, ``12,000 troops`` → 1만2천 명, ``about 1,000 kilometers``
  → 약 1,000km.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

from ..dateline import DATELINE_END, MONTHS
from ..ko.numbers import format_date, korean_amount, measure, ordinal
from ..match import Match
from ..text import split_sentences
from .rules import NewsroomRule, make_match, replace_span

__all__ = [
    "DATE_RULES",
    "FLAG_UNRESOLVED_DATE",
    "MONTHS",
    "NUMBER_RULES",
    "ORDINAL_RULES",
    "ORDINAL_WORDS",
    "apply_dates",
    "apply_numbers",
    "apply_ordinals",
]

#: A weekday or ``today`` with no date to resolve it against: left as is, for the translator.
FLAG_UNRESOLVED_DATE = "unresolved-date"

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip

DATE_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule("date-full", "dates", "month day, year → N년 N월 N일", "on Oct. 28, 2017", "2017년 10월 28일"),
    NewsroomRule("date-full", "dates", "full month names too", "scheduled for October 28, 2017", "2017년 10월 28일"),
    NewsroomRule(
        "date-full",
        "dates",
        "day month year (joint statements, INDOPACOM) → N년 N월 N일",
        "on 18 July 2024",
        "2024년 7월 18일",
    ),
    NewsroomRule("date-month-year", "dates", "month year → N년 N월", "its February 2013 nuclear test", "2013년 2월"),
    NewsroomRule("date-month-day", "dates", "month day → N월 N일", "on Feb. 12", "2월 12일"),
    NewsroomRule("date-month-day", "dates", "day month → N월 N일", "the meeting on 18 July", "7월 18일"),
    NewsroomRule(
        "date-this-month",
        "dates",
        "a date in the month of the article (its dateline or --date): the day alone, as Korean copy writes it "
        "(지난 10일, 오는 20일)",
        "SEOUL, Nov. 13, 2023 -- The ministers spoke by phone on Nov. 10.",
        "10일",
    ),
    NewsroomRule(
        "date-this-year",
        "dates",
        "a dated day or month in the year of the article, another month: no year (10월 27일, 5월)",
        "SEOUL, Nov. 13, 2023 -- The ministers last met on October 27, 2023.",
        "10월 27일",
    ),
    NewsroomRule(
        "date-relative",
        "dates",
        "today / a weekday resolved against the dateline → N일",
        "SEOUL, Nov. 13, 2023 -- The ministers met on Monday.",
        "13일",
    ),
    NewsroomRule(
        "date-relative-spoken",
        "dates",
        "today in a speaker's own words (I, we, our: remarks, a transcript, a quote) stays 오늘; a weekday there "
        "is left as it is",
        "SEOUL, Nov. 11, 2012 -- We gather here today to honor our veterans.",
        "오늘",
    ),
    NewsroomRule(
        "date-relative",
        "dates",
        "a weekday in a sentence about what will happen: the next one",
        "SEOUL, Nov. 13, 2023 -- The ministers will meet on Friday.",
        "17일",
    ),
)

MEETING_TYPES = frozenset({"meeting", "event", "exercise"})
#: Count nouns whose ordinal Korean writes without 제 (6차 핵실험).
COUNT_TERMS = ("nuclear test", "launch", "test")

ORDINAL_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule(
        "ordinal-meeting", "ordinals", "Nth meeting → 제N차 + meeting", "the 55th SCM", "제55차 한미안보협의회의"
    ),
    NewsroomRule(
        "ordinal-meeting-of",
        "ordinals",
        "the Nth meeting of BODY → BODY 제N차 회의",
        "the second meeting of the NCG",
        "핵협의그룹 제2차 회의",
    ),
    NewsroomRule(
        "ordinal-count",
        "ordinals",
        "Nth test or launch → N차 (no 제)",
        "preparing a seventh nuclear test",
        "7차 핵실험",
    ),
)

NUMBER_RULES: tuple[NewsroomRule, ...] = (
    NewsroomRule("number-money", "numbers", "dollar amounts in 만/억/조 → N 달러", "$110 million", "1억1천만 달러"),
    NewsroomRule("number-money", "numbers", "billions", "$3.5 billion", "35억 달러"),
    NewsroomRule("number-people", "numbers", "counts of people in 만/천 → N 명", "12,000 troops", "1만2천 명"),
    NewsroomRule("number-people", "numbers", "about N → 약", "some 28,500 troops", "약 2만8천500 명"),
    NewsroomRule("number-measure", "numbers", "distances keep digits: 약 N km", "about 1,000 kilometers", "약 1,000km"),
)

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL = re.compile(rf"(?<![\w-]){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?![\w-])")
_DAY_FIRST = re.compile(
    rf"(?<![\w.,-])(?P<day>\d{{1,2}})\s+{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?(?![\w-])(?!,?\s+\d)"
)
_MONTH_YEAR = re.compile(rf"(?<![\w-]){_MONTH}\s+(?P<year>(?:19|20)\d\d)(?![\w-])")
_MONTH_DAY = re.compile(rf"(?<![\w-]){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\w-])(?!,?\s+\d)")
_RELATIVE = re.compile(
    r"(?<![\w-])(?:(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<today>today))(?![\w-])"
)
_HAS_DIGIT = re.compile(r"\d")


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


#: Words before a weekday in its sentence that put it in the days ahead (``will meet on Friday``).
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled|expected)|plans?\s+to|next|upcoming|slated)\b", re.IGNORECASE
)


def _weekday_date(when: Date, weekday: str, *, ahead: bool = False) -> Date:
    """The most recent ``weekday`` on or before ``when`` (wire copy reports the past week); with
    ``ahead`` the next one on or after it (``will meet on Friday``)."""
    target = _WEEKDAYS.index(weekday.lower())
    if ahead:
        return when + timedelta(days=(target - when.weekday()) % 7)
    return when - timedelta(days=(when.weekday() - target) % 7)


def _free(ms: list[Match], a: int, b: int) -> bool:
    return not any(m.start < b and a < m.end for m in ms)


#: A speaker's own words: a first-person pronoun in the sentence (remarks, a transcript's turn, a quote).
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:I|I'm|I’m|I've|I’ve|we|We|we're|we’re|our|Our|us|my|My)(?![\w-])")


def _spoken(text: str, a: int, b: int) -> bool:
    """The sentence around ``text[a:b]`` is a speaker's own words (:data:`_FIRST_PERSON`)."""
    start, end = next(((s, e) for s, e in split_sentences(text) if s <= a < e), (0, len(text)))
    quote = max(text.rfind("“", start, a), text.rfind('"', start, a))
    if quote >= 0:  # inside a quote: the quote's words
        close = [i for i in (text.find("”", b, end), text.find('"', b, end)) if i >= 0]
        start, end = quote, min(close) if close else end
    return _FIRST_PERSON.search(text, start, end) is not None


def apply_dates(text: str, ms: list[Match], when: Date | None, *, relative: bool = True) -> list[Match]:
    """Absolute dates always; today and weekdays only against ``when`` (else flagged, left as is), and not at
    all with ``relative=False`` (a transcript: ``today`` is the speaker's 오늘, not the article's date)."""
    if _HAS_DIGIT.search(text) is None and "day" not in text:
        return ms  # every date form has a digit, and today/Monday … have "day"
    patterns = (
        (_FULL, "date-full"),
        (_DAY_FIRST, ""),
        (_MONTH_YEAR, "date-month-year"),
        (_MONTH_DAY, "date-month-day"),
    )
    for pattern, rule in patterns:
        for hit in pattern.finditer(text):
            a, b = hit.span()
            if not _free(ms, a, b):
                continue
            g = hit.groupdict()
            if not rule:  # day first: with a year a full date, without one a month and day
                rule_here = "date-full" if g.get("year") else "date-month-day"
            else:
                rule_here = rule
            try:
                year = int(g["year"]) if g.get("year") else None
                day = int(g["day"]) if g.get("day") else None
                month = _month(g["month"])
                if day is not None:
                    Date(year or 2000, month, day)
            except ValueError:
                continue
            shown_month: int | None = month
            if (
                when is not None
                and (year is None or year == when.year)
                and (day is not None or year is not None)
                and DATELINE_END.match(text, b) is None  # a dateline keeps its full date
            ):
                # in the article's year: no year; in its month: the day alone (Yonhap: 지난 10일, 오는 20일)
                if day is not None and month == when.month:
                    year, shown_month, rule_here = None, None, "date-this-month"
                elif year is not None:
                    year, rule_here = None, "date-this-year"
            ms = replace_span(ms, make_match(text, a, b, format_date(year, shown_month, day), rule_here))
    for hit in _RELATIVE.finditer(text) if relative else ():
        a, b = hit.span()
        if not _free(ms, a, b):
            continue
        if when is None:
            ms = replace_span(ms, make_match(text, a, b, hit.group(), "date-relative", flags=(FLAG_UNRESOLVED_DATE,)))
            continue
        if hit.group("today") and re.search(r"\bof\s+$", text[max(0, a - 4) : a]):
            continue  # "the challenges of today": the present, no day
        if _spoken(text, a, b):
            if hit.group("today"):  # "We gather here today": the speaker's day, 오늘
                ms = replace_span(ms, make_match(text, a, b, "오늘", "date-relative-spoken"))
            continue
        if hit.group("today"):
            resolved = when
        else:
            sentence = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a), 0)
            ahead = _FUTURE.search(text, sentence, a) is not None
            resolved = _weekday_date(when, hit.group("weekday"), ahead=ahead)
        ms = replace_span(ms, make_match(text, a, b, format_date(None, None, resolved.day), "date-relative"))
    return ms


_NUM_ORD = r"(?P<num>\d{1,3})(?:st|nd|rd|th)"
_WORD_ORD = r"(?P<word>" + "|".join(ORDINAL_WORDS) + r")"
_ORD_BEFORE = re.compile(rf"(?<![\w-])(?:{_NUM_ORD}|{_WORD_ORD})\s+$", re.IGNORECASE)
_MEETING_OF = re.compile(
    rf"(?<![\w-])(?:{_NUM_ORD}|{_WORD_ORD})\s+(?:meeting|session|plenary(?:\s+meeting)?|round)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _ordinal_value(hit: re.Match[str]) -> int:
    return int(hit.group("num")) if hit.group("num") else ORDINAL_WORDS[hit.group("word").lower()]


def apply_ordinals(text: str, ms: list[Match]) -> list[Match]:
    """An ordinal right before a meeting or a counted test, or 'the Nth meeting of' before a body."""
    out = list(ms)
    for m in ms:
        if m.entry is None and not m.rule.startswith("compound"):
            continue
        head = text[max(0, m.start - 40) : m.start]
        kind = m.entry.type if m.entry is not None else ""
        en = m.entry.en.lower() if m.entry is not None else ""
        of = _MEETING_OF.search(head)
        if of is not None and kind in MEETING_TYPES | {"organization"}:
            n = _ordinal_value(of)
            a = m.start - (len(head) - of.start())
            new = make_match(text, a, m.end, f"{m.ko} {ordinal(n, meeting=True)} 회의", "ordinal-meeting-of",
                             entry=m.entry, parts=(m,))  # fmt: skip
            out = replace_span(out, new)
            continue
        hit = _ORD_BEFORE.search(head)
        if hit is None:
            continue
        n = _ordinal_value(hit)
        a = m.start - (len(head) - hit.start())
        if kind in MEETING_TYPES:
            ko, rule = f"{ordinal(n, meeting=True)} {m.ko}", "ordinal-meeting"
        elif any(en.endswith(c) for c in COUNT_TERMS):
            ko, rule = f"{ordinal(n, meeting=False)} {m.ko}", "ordinal-count"
        else:
            continue
        out = replace_span(out, make_match(text, a, m.end, ko, rule, entry=m.entry, parts=(m,)))
    return out


_SCALE = r"(?:\s+(?P<scale>thousand|million|billion|trillion))?"
_MONEY = re.compile(rf"(?<![\w$])(?:US)?\$\s?(?P<n>\d[\d,]*(?:\.\d+)?){_SCALE}(?![\w-])")
_PEOPLE = re.compile(
    r"(?<![\w$.,])(?:(?P<about>about|around|some|roughly|approximately|nearly)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d{4,})\s+(?P<noun>troops|soldiers|service\s+members|personnel|people|"
    r"residents|civilians|refugees|workers|sailors|Marines|airmen)(?![\w-])"
)
_MEASURE = re.compile(
    r"(?<![\w.])(?:(?P<about>about|around|some|roughly|approximately|nearly)\s+)?(?P<n>\d[\d,]*(?:\.\d+)?)[\s-]"
    r"(?P<unit>kilometers|kilometres|kilometer|kilometre|km|nautical\s+miles|miles|mile)(?![\w-])",
    re.IGNORECASE,
)


def apply_numbers(text: str, ms: list[Match]) -> list[Match]:
    """Dollar amounts, counts of people and distances."""
    if _HAS_DIGIT.search(text) is None:
        return ms
    for hit in _MONEY.finditer(text):
        amount = korean_amount(hit.group("n") + (f" {hit.group('scale')}" if hit.group("scale") else ""))
        if amount is not None and _free(ms, *hit.span()):
            ms = replace_span(ms, make_match(text, *hit.span(), f"{amount} 달러", "number-money"))
    for hit in _PEOPLE.finditer(text):
        amount = korean_amount(hit.group("n"))
        if amount is not None and _free(ms, *hit.span()):
            about = "약 " if hit.group("about") else ""
            ms = replace_span(ms, make_match(text, *hit.span(), f"{about}{amount} 명", "number-people"))
    for hit in _MEASURE.finditer(text):
        ko = measure(hit.group("n"), re.sub(r"\s+", " ", hit.group("unit")))
        if ko is not None and _free(ms, *hit.span()):
            ko = f"약 {ko}" if hit.group("about") else ko
            ms = replace_span(ms, make_match(text, *hit.span(), ko, "number-measure"))
    return ms
