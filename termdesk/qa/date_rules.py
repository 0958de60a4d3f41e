"""Rules about the article's date: anachronism (a rendering outside its glossary validity)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from ..glossary import Severity
from .base import Rule, Run, target_missing
from .records import Finding, RuleExample
from .terms import leaf_hits

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Entry, Glossary


def _period(e: Entry) -> str:
    if e.valid_from and e.valid_to:
        return f"{e.valid_from} to {e.valid_to}"
    return f"from {e.valid_from}" if e.valid_from else f"until {e.valid_to}"


def _current(glossary: Glossary, e: Entry, day: date) -> str:
    """The Korean of a sibling (sharing an English form) valid on ``day``, or ""."""
    for form in e.en_forms:
        for other in glossary.lookup(form):
            if other.ko != e.ko and other.status != "deprecated" and other.valid_on(day):
                return other.ko
    return ""


class Anachronism(Rule):
    id = "anachronism"
    severity = Severity.WARNING
    summary = (
        "A Korean rendering used outside the period its glossary entry is dated to (valid_from/valid_to), "
        "for the article's date (its dateline, else --date): 태평양사령부 in a 2019 article, 대통령실 in a "
        "2020 one. Quiet when the English itself names the old body (a historical reference), when the form "
        "is part of a longer valid one (인도태평양사령부), and for undated articles."
    )
    examples = (
        RuleExample(
            "WASHINGTON, May 3, 2019 — The command in Hawaii moved ships.",
            "하와이의 태평양사령부가 함정을 이동시켰다.",
            True,
            "renamed in May 2018, the English does not name the old command",
        ),
        RuleExample(
            "WASHINGTON, March 3, 2017 — PACOM moved ships.",
            "태평양사령부가 함정을 이동시켰다.",
            False,
            "the old name is right for a 2017 article",
        ),
        RuleExample(
            "WASHINGTON, May 3, 2019 — Adm. Harry Harris led PACOM until 2018.",
            "해리스 제독은 2018년까지 태평양사령부를 이끌었다.",
            False,
            "the English names the old command: a historical reference",
        ),
        RuleExample(
            "WASHINGTON, May 3, 2019 — INDOPACOM moved ships.",
            "인도태평양사령부가 함정을 이동시켰다.",
            False,
            "태평양사령부 inside the current 인도태평양사령부",
        ),
        RuleExample(
            "SEOUL, March 3, 2020 (Yonhap) -- The presidential office said so.",
            "대통령실은 그렇게 밝혔다.",
            True,
            "대통령실 is the name from May 2022",
        ),
        RuleExample(
            "SEOUL, March 3, 2020 (Yonhap) -- The presidential office said so.",
            "청와대는 그렇게 밝혔다.",
            False,
            "청와대 in 2020",
        ),
        RuleExample(
            "SEOUL, March 3, 2023 (Yonhap) -- The presidential office said so.",
            "대통령실은 그렇게 밝혔다.",
            False,
            "대통령실 in 2023",
        ),
        RuleExample("The command moved ships.", "태평양사령부가 함정을 이동시켰다.", False, "undated article"),
    )

    def check(self, run: Run) -> Iterator[Finding]:
        live = [e for e in run.glossary if e.status != "deprecated"]
        dated = [e for e in live if e.valid_from or e.valid_to]
        if not dated:
            return
        all_forms = {f for e in live for f in e.ko_forms if f}
        for doc in run.documents:
            day = doc.date
            if day is None:
                continue
            fine = {f for e in live if e.valid_on(day) for f in e.ko_forms}
            stale: dict[str, Entry] = {}
            for e in dated:
                if not e.valid_on(day):
                    for f in e.ko_forms:
                        if f and f not in fine:
                            stale.setdefault(f, e)
            if not stale:
                continue
            containers = {f: [g for g in all_forms if f in g and g != f] for f in stale}
            for seg in doc.segments:
                target = seg.segment.target
                if target_missing(seg):
                    continue
                named = {h.entry_id for h in leaf_hits(seg.terms)}
                reported: set[str] = set()
                for form in sorted(stale, key=len, reverse=True):
                    e = stale[form]
                    if e.id in reported or e.id in named or form not in target:
                        continue
                    if not any(self._bare(target, pos, form, containers[form]) for pos in _find_all(target, form)):
                        continue
                    reported.add(e.id)
                    current = _current(run.glossary, e, day)
                    use = f"; in {day.year} copy: {current}" if current else ""
                    yield self.finding(
                        doc,
                        seg.segment.index,
                        f"{form} ({e.en}) is the rendering {_period(e)}, but the article is dated {day}{use}",
                        form,
                    )

    @staticmethod
    def _bare(target: str, pos: int, form: str, containers: list[str]) -> bool:
        """True when the occurrence at ``pos`` is not part of a longer glossary form."""
        end = pos + len(form)
        for g in containers:
            start = target.find(g, max(0, end - len(g)))
            while start != -1 and start <= pos:
                if start + len(g) >= end:
                    return False
                start = target.find(g, start + 1)
        return True


def _find_all(text: str, form: str) -> Iterator[int]:
    pos = text.find(form)
    while pos != -1:
        yield pos
        pos = text.find(form, pos + 1)
