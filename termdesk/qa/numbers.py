"""The numbers rule: figures in the English source missing or changed in the Korean target.

Korean writes large numbers in myriads (``3.5 billion`` = ``35억``, ``2 million`` =
``200만``, ``$110 million`` = ``1억1천만 달러``), thousands with or without digits
(``1,000`` = ``1천`` = ``1000``), dates in year-month-day order (``July 31, 2017`` =
``2017년 7월 31일``) and percentages as ``%`` or ``퍼센트``. So figures are compared
by *value*: every number expression in the target is evaluated, and each source
figure must have its value there.

Conservative by design (a false alarm is a bug). Not checked:

* spelled-out numbers (``three-day`` ↔ ``사흘``) and whole numbers 1–10 without a
  scale word (Korean often writes them as words: ``두 차례``, ``세 명``);
* digits inside designators and names (``F-35A``, ``B-1B``, ``KN-08``, ``G-20``)
  and the second half of a range written with a hyphen (``1950-53``);
* quantities in imperial units, which Korean copy converts (``30 miles`` ↔ ``48km``);
* clock times are compared hour and minute separately, and an hour may be given
  on the 12-hour clock (``17:09`` ↔ ``오후 5시 9분``);
* one amount given two ways, the second in parentheses (``$5.6 million (2.8
  million pounds)``), is satisfied by either: Korean copy converts currencies;
* a day after a month name is also satisfied by month and day run together
  (``September 11`` ↔ ``911 테러``; ``6.15`` and ``9·11`` are read as two numbers);
* a four-digit military time (``0140``) is checked by its minutes only;
* a year (1000–2100) is also satisfied by a relative year word in the target
  (``지난해``, ``올해``, ``내년`` …) or a month or season of the article's own year
  (``지난 5월``, ``올가을``, ``연내``), as Korean copy often writes ``in 2016`` that way, and by the day
  of a full date alone (``March 20, 2025`` ↔ ``20일``: the article's own year is not written);
* a two-digit number after a capitalised name, an exercise's iteration, is also satisfied by its year
  (``Freedom Shield 25`` ↔ ``2025 자유의 방패``).
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..dateline import MONTHS
from ..glossary import Severity
from .base import Rule, Run, target_missing
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample
from .terms import dateline_end

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
_EN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.,\-/:#])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?:(?P<abbr>bn|mn)|(?P<suffix>st|nd|rd|th|s))?(?![A-Za-z0-9/]|,\d|\.\d)"
)
_AFTER_SCALE = re.compile(r"^(?:\s*-?\s*(thousand|million|billion|trillion)\b|(bn|mn)\b)", re.IGNORECASE)
_AFTER_PERCENT = re.compile(r"^\s*(?:%|percent\b|per cent\b|pct\b)", re.IGNORECASE)
_AFTER_IMPERIAL = re.compile(
    r"^\s*-?\s*(?:nautical\s+)?(?:miles?|feet|foot|ft|pounds?|lbs?|inch(?:es)?|yards?|gallons?|acres?|mph|"
    r"degrees?\s+fahrenheit|°\s*f\b)",
    re.IGNORECASE,
)
#: between a figure and one in parentheses after it: ``$5.6 million (2.8 million pounds)``,
#: ``680.4 billion won ($680 million)`` — one amount in two currencies or units.
_EQUIVALENT_GAP = re.compile(r"^\s*[^\W\d]{0,12}\s*\(\s*(?:US|U\.S\.)?[$€£¥₩]?\s*$")
_MONTH_BEFORE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+$")
_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])")
_RELATIVE_YEAR = re.compile(
    "지난해|작년|올해|금년|내년|이듬해|전년|그해|같은 해|당해|내후년|재작년"
    # a month or season of the article's own year, as Korean copy writes it: 지난 5월, 오는 10월, 올가을, 연내
    r"|(?:지난|오는) ?\d{1,2}월|올 ?(?:봄|여름|가을|겨울|상반기|하반기|초|연말)|연내|연말"
)

#: A month and day right before a year: ``March 20, 2025``.
_DAY_BEFORE_YEAR = re.compile(r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+$")
#: A capitalised name right before a two-digit number: an exercise's or an event's iteration (``Freedom Shield 25``),
#: which Korean copy writes as the year (2025 자유의 방패).
_NAME_BEFORE = re.compile(r"[A-Z][A-Za-z]+\s$")

_KO_TOKEN = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s?([천백십])?\s?([조억만])?")
_KO_SMALL = {"천": 1e3, "백": 1e2, "십": 10.0}
_KO_BIG = {"조": 1e12, "억": 1e8, "만": 1e4}
_KO_BARE = re.compile(r"(?:(?<=\s)|^)([천만억조])(?=[\s명개원달대여]|$)")


@dataclass(frozen=True)
class Figure:
    """A number in the source: its text, its value, other values that also satisfy it."""

    text: str
    value: float
    start: int
    end: int
    kind: str = "number"  # number | percent | year | hour | minute
    alternates: tuple[float, ...] = ()
    group: int = -1  # figures with one group number are equivalents: one present is enough


def _value(num: str, frac: str | None) -> float:
    v = float(num.replace(",", ""))
    if frac:
        v += float("0." + frac)
    return v


def source_figures(text: str) -> list[Figure]:
    """The figures of an English text that the target must keep (see the module doc)."""
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for m in _TIME.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2))
        taken.append((m.start(), m.end()))
        if hour > 10:
            alts = tuple(h for h in (hour - 12, hour + 12) if 0 < h <= 24)
            figures.append(Figure(m.group(1), float(hour), m.start(1), m.end(1), "hour", alts))
        if minute > 10:
            figures.append(Figure(m.group(2), float(minute), m.start(2), m.end(2), "minute"))
    for m in _EN_NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        raw = m.group("num")
        if len(raw) == 4 and raw.startswith("0") and m.group("frac") is None:
            minute = int(raw[2:])  # military time 0140 = 1:40
            if minute > 10:
                figures.append(Figure(raw, float(minute), m.start(), m.end(), "minute"))
            continue
        after = text[m.end() : m.end() + 40]
        if _AFTER_IMPERIAL.match(after):
            continue
        value = _value(m.group("num"), m.group("frac"))
        end = m.end()
        kind = "number"
        scale = _AFTER_SCALE.match(after)
        if m.group("abbr"):
            value *= _SCALES[m.group("abbr")]
        elif scale:
            value *= _SCALES[(scale.group(1) or scale.group(2)).lower()]
            end += scale.end()
        elif _AFTER_PERCENT.match(after):
            kind = "percent"
            end += _AFTER_PERCENT.match(after).end()  # type: ignore[union-attr]
        elif (
            m.group("frac") is None
            and m.group("suffix") in (None, "s")
            and "," not in m.group("num")
            and 1000 <= value <= 2100
        ):
            kind = "year"
        if not scale and not m.group("abbr") and kind != "percent" and m.group("frac") is None and value <= 10:
            continue  # 0–10: often written as words in Korean
        alternates: tuple[float, ...] = ()
        month = _MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        if month and month.group(1).casefold() in MONTHS and kind == "number" and value <= 31:
            alternates = (float(f"{MONTHS[month.group(1).casefold()]}{int(value)}"),)  # 9·11 written 911
        elif (
            kind == "number"
            and 10 <= value <= 99
            and raw == str(int(value))
            and _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        ):
            alternates = (2000.0 + value,)  # "Freedom Shield 25" ↔ 2025 자유의 방패
        figures.append(Figure(text[m.start() : end], value, m.start(), end, kind, alternates))
    figures.sort(key=lambda f: f.start)
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if _EQUIVALENT_GAP.match(text[a.end : b.start]):
            group = a.group if a.group >= 0 else i
            figures[i] = dataclasses.replace(a, group=group)
            figures[i + 1] = dataclasses.replace(b, group=group)
    return figures


def target_values(text: str) -> list[float]:
    """Every number expression in a Korean text, evaluated (``1억1천만`` → 110000000)."""
    text = unicodedata.normalize("NFKC", text)
    tokens = list(_KO_TOKEN.finditer(text))
    values: list[float] = []
    group: list[re.Match[str]] = []

    def flush() -> None:
        if not group:
            return
        total = 0.0
        part = 0.0
        for t in group:
            n = float(t.group(1).replace(",", ""))
            part += n * _KO_SMALL.get(t.group(2) or "", 1.0)
            if t.group(3):
                total += part * _KO_BIG[t.group(3)]
                part = 0.0
        values.append(total + part)
        group.clear()

    for t in tokens:
        if group:
            prev = group[-1]
            gap = text[prev.end() : t.start()]
            if (prev.group(2) or prev.group(3)) and gap.strip() == "" and len(gap) <= 1:
                group.append(t)
                continue
            flush()
        group.append(t)
    flush()
    for t in tokens:
        if "." in t.group(1) and not (t.group(2) or t.group(3)) and not text.startswith("%", t.end()):
            whole, frac = (int(x) for x in t.group(1).replace(",", "").partition(".")[::2])
            if (1 <= whole <= 12 and 1 <= frac <= 31) or (1900 <= whole <= 2100 and 1 <= frac <= 12):
                values.extend((float(whole), float(frac)))  # dates: 6.15 = June 15, 2006.12 = Dec 2006
    for m in _KO_BARE.finditer(text):
        values.append(_KO_BIG.get(m.group(1)) or _KO_SMALL[m.group(1)])
    return values


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def missing_figures(source: str, target: str) -> list[Figure]:
    """Source figures whose value is not in the target."""
    values = target_values(target)
    relative_year = _RELATIVE_YEAR.search(target) is not None
    year_written = any(1000 <= v <= 2100 for v in values)
    figures = source_figures(source)

    def present(f: Figure) -> bool:
        if any(_same(w, v) for w in (f.value, *f.alternates) for v in values):
            return True
        if f.kind == "year":
            # "March 20, 2025" ↔ "20일": the date of the article's own year, given without it (newsroom style)
            day = _DAY_BEFORE_YEAR.search(source, max(0, f.start - 16), f.start)
            if (
                day
                and day.group("month").casefold() in MONTHS
                and any(_same(float(day.group("day")), v) for v in values)
                and not year_written  # another year written is a changed year
            ):
                return True
        return f.kind == "year" and relative_year

    found_groups = {f.group for f in figures if f.group >= 0 and present(f)}
    missing = []
    seen: set[float] = set()
    for f in figures:
        if f.value in seen:
            continue
        seen.add(f.value)
        if present(f) or f.group in found_groups:
            continue
        missing.append(f)
    return missing


def _show(v: float) -> str:
    return f"{int(v):,}" if v == int(v) else f"{v:,}"


class Numbers(Rule):
    id = "numbers"
    severity = Severity.ERROR
    summary = (
        "A figure in the source missing or changed in the target, compared by value with Korean "
        "conventions (35억 = 3.5 billion, 200만 = 2 million, 1천 = 1,000, 2017년 7월 31일)."
    )
    examples = (
        RuleExample("The deal is worth $3.5 billion.", "거래 규모는 35억 달러다.", False, "myriads"),
        RuleExample("The deal is worth $3.5 billion.", "거래 규모는 30억 달러다.", True, "changed"),
        RuleExample("About 2 million people live there.", "약 200만 명이 산다.", False),
        RuleExample("It was taken on July 31, 2017.", "2017년 7월 31일 촬영됐다.", False, "date order"),
        RuleExample(
            "They recalled the summit in May 2021.", "두 장관은 지난 5월 정상회담을 평가했다.", False, "relative month"
        ),
        RuleExample("The talks are set for this fall, 2021.", "회담은 올가을 열린다.", False, "relative season"),
        RuleExample("It was taken on July 31, 2017.", "2017년 7월 30일 촬영됐다.", True, "day changed"),
        RuleExample("Some 1,000 troops took part.", "병력 1천 명이 참가했다.", False),
        RuleExample("The budget rose 8.2 percent.", "예산은 8.2% 늘었다.", False),
        RuleExample("The budget rose 8.2 percent.", "예산은 늘었다.", True, "dropped"),
        RuleExample("He arrived for a three-day visit.", "그는 사흘 일정으로 도착했다.", False, "spelled out: skipped"),
        RuleExample("The B-1B flew 30 miles.", "B-1B는 48km를 비행했다.", False, "designator and imperial unit"),
        RuleExample("The computer cost $110 million.", "컴퓨터는 1억1천만 달러였다.", False),
        RuleExample("It was published at 17:09.", "오후 5시 9분에 게재됐다.", False, "12-hour clock"),
        RuleExample(
            "SEOUL, Oct. 28 (Yonhap) -- Some 1,000 troops took part.",
            "병력 1천 명이 참가했다.",
            False,
            "date in a wire dateline",
        ),
    )

    def check_segment(self, doc: AnalysedDocument, seg: AnalysedSegment, run: Run) -> Iterable[Finding]:
        if target_missing(seg):
            return
        dateline = dateline_end(seg.segment.source)
        for f in missing_figures(seg.segment.source, seg.segment.target):
            if f.end <= dateline:
                continue  # a wire dateline's date is not carried into Korean copy
            shown = (
                f.text
                if f.kind in ("year", "hour", "minute", "percent") or _show(f.value) == f.text
                else f"{f.text} (= {_show(f.value)})"
            )
            yield self.finding(doc, seg.segment.index, f"figure {shown} not found in the target", f.text)
