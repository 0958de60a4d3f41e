"""Numbers, dates and ordinals as Korean news copy writes them.

* Large amounts in 만/억/조 units with 천 inside a unit (Yonhap style): 12,000 → 1만2천,
  110,000,000 → 1억1천만, 28,500 → 2만8천500, 3.5 billion → 35억.
* Dates: 2017년 10월 28일, 2012년 12월, 10월 28일, 13일.
* Meeting ordinals: 제55차; test and launch counts: 6차 (no 제).
* Measures keep their digits and take the unit symbol: 약 1,000km.

Every table entry carries its example, and every example is a test
(``tests/test_ko_numbers.py``). Depends on nothing else in termdesk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "MEASURE_UNITS",
    "NUMBER_EXAMPLES",
    "SCALE_WORDS",
    "UNITS",
    "NumberExample",
    "format_date",
    "korean_amount",
    "korean_number",
    "measure",
    "ordinal",
]


@dataclass(frozen=True)
class NumberExample:
    """One worked example of a table: the input and the Korean it gives."""

    given: str
    korean: str


#: Korean large-number units, biggest first: (value, unit).
UNITS: tuple[tuple[int, str], ...] = ((10**12, "조"), (10**8, "억"), (10**4, "만"))

#: English scale words → multiplier.
SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

#: Measures that keep their digits: English unit → (Korean unit, joined to the number without a space).
MEASURE_UNITS: dict[str, str] = {
    "kilometers": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometre": "km",
    "km": "km",
    "miles": "마일",
    "mile": "마일",
    "nautical miles": "해리",
    "meters": "m",
    "metres": "m",
    "tons": "t",
    "tonnes": "t",
}

#: Examples of every function (each is a test case).
NUMBER_EXAMPLES: tuple[tuple[str, NumberExample], ...] = (
    ("korean_number", NumberExample("12000", "1만2천")),
    ("korean_number", NumberExample("28500", "2만8천500")),
    ("korean_number", NumberExample("110000000", "1억1천만")),
    ("korean_number", NumberExample("1000", "1천")),
    ("korean_number", NumberExample("950", "950")),
    ("korean_number", NumberExample("3500000000", "35억")),
    ("korean_number", NumberExample("2000000000000", "2조")),
    ("korean_amount", NumberExample("110 million", "1억1천만")),
    ("korean_amount", NumberExample("3.5 billion", "35억")),
    ("korean_amount", NumberExample("1.2 billion", "12억")),
    ("korean_amount", NumberExample("12,000", "1만2천")),
    ("format_date", NumberExample("2017-10-28", "2017년 10월 28일")),
    ("format_date", NumberExample("2012-12", "2012년 12월")),
    ("format_date", NumberExample("--10-28", "10월 28일")),
    ("format_date", NumberExample("---13", "13일")),
    ("ordinal", NumberExample("55 meeting", "제55차")),
    ("ordinal", NumberExample("6 count", "6차")),
    ("measure", NumberExample("1000 kilometers", "1,000km")),
    ("measure", NumberExample("600 miles", "600마일")),
)


def _group(n: int) -> str:
    """0 < n < 10000 → 1천100, 2천500, 950."""
    thousands, rest = divmod(n, 1000)
    head = f"{thousands}천" if thousands else ""
    return head + (str(rest) if rest else "")


def korean_number(n: int) -> str:
    """An integer in Korean units: ``12000`` → ``1만2천``; ``110000000`` → ``1억1천만``; ``950`` → ``950``."""
    if n < 0:
        return "-" + korean_number(-n)
    if n < 10000:
        return _group(n) if n else "0"
    out = []
    rest = n
    for value, unit in UNITS:
        q, rest = divmod(rest, value)
        if q:
            out.append(korean_number(q) + unit if q >= 10000 else _group(q) + unit)
    if rest:
        out.append(_group(rest))
    return "".join(out)


_NUMBER = re.compile(r"(\d+)(?:\.(\d+))?")


def _scaled(number: str, scale: int) -> int | None:
    """``"3.5"`` × 10**9 as an exact integer (None if it is not one, or not a number)."""
    m = _NUMBER.fullmatch(number)
    if m is None:
        return None
    whole, frac = m.group(1), m.group(2) or ""
    value = int(whole + frac) * scale
    div = 10 ** len(frac)
    return value // div if value % div == 0 else None


def korean_amount(text: str) -> str | None:
    """``110 million`` → ``1억1천만``; ``3.5 billion`` → ``35억``; ``12,000`` → ``1만2천``; None if not a number."""
    words = text.replace(",", "").split()
    if not words or len(words) > 2:
        return None
    scale = 1
    if len(words) == 2:
        found = SCALE_WORDS.get(words[1].lower())
        if found is None:
            return None
        scale = found
    value = _scaled(words[0], scale)
    return None if value is None else korean_number(value)


def format_date(year: int | None, month: int | None, day: int | None) -> str:
    """``2017, 10, 28`` → ``2017년 10월 28일``; parts left out are omitted (``None, None, 13`` → ``13일``)."""
    parts = []
    if year:
        parts.append(f"{year}년")
    if month:
        parts.append(f"{month}월")
    if day:
        parts.append(f"{day}일")
    return " ".join(parts)


def ordinal(n: int, *, meeting: bool) -> str:
    """``55`` for a meeting → ``제55차``; a count of tests or launches → ``6차`` (Korean copy writes no 제)."""
    return f"제{n}차" if meeting else f"{n}차"


def measure(value: str, unit: str) -> str | None:
    """``1000``, ``kilometers`` → ``1,000km`` (digits kept, thousands separated); None for an unknown unit."""
    ko = MEASURE_UNITS.get(unit.lower())
    m = _NUMBER.fullmatch(value.replace(",", ""))
    if ko is None or m is None:
        return None
    digits = f"{int(m.group(1)):,}" + (f".{m.group(2)}" if m.group(2) else "")
    return digits + ko
