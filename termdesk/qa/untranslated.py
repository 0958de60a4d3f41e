"""The untranslated rule: empty targets, targets identical to the source, Latin-only targets,
and placeholder fragments an MT pipeline left behind.

The pipeline's own placeholder scheme may change, so fragments are matched with a
table of generic patterns (:data:`PLACEHOLDER_PATTERNS`), each with an example
that the tests run. A fragment that is also in the source is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..glossary import Severity
from ..ko.hangul import has_syllable
from .base import Rule, Run
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample


@dataclass(frozen=True)
class PlaceholderPattern:
    """One kind of leftover placeholder: a name, a regex, an example that must match."""

    name: str
    pattern: re.Pattern[str]
    example: str


PLACEHOLDER_PATTERNS: tuple[PlaceholderPattern, ...] = (
    PlaceholderPattern("white square brackets", re.compile(r"⟦[^⟦⟧]{0,40}⟧|[⟦⟧]"), "송영무 ⟦T1⟧은 말했다"),
    PlaceholderPattern("double square brackets", re.compile(r"\[\[[^\[\]]{0,40}\]\]"), "[[T1]] 장관은 말했다"),
    PlaceholderPattern("double underscores", re.compile(r"__[A-Za-z]{0,12}\d+__"), "__T1__ 장관은 말했다"),
    PlaceholderPattern("ZXQ token", re.compile(r"(?i)z\s?x\s?q\s?\d+|\bZXQ\b"), "ZXQ12 장관은 말했다"),
    PlaceholderPattern("printf argument", re.compile(r"(?<![\w%])%(?:\d+\$)?[sd](?![A-Za-z])"), "%1$s 장관은 말했다"),
    PlaceholderPattern("brace argument", re.compile(r"\{\d+\}|\{[A-Za-z_][A-Za-z0-9_]{0,30}\}"), "{0} 장관은 말했다"),
    PlaceholderPattern("hash markers", re.compile(r"#{2,}[A-Za-z]{0,12}\d+#{2,}"), "###T01### 장관은 말했다"),
    PlaceholderPattern(
        "inline tag", re.compile(r"</?(?:x|g|ph|bpt|ept|it|term|t)\b[^>]{0,60}>"), '<x id="1"/> 장관은 말했다'
    ),
)

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def placeholder_fragments(target: str, source: str = "") -> list[tuple[str, str]]:
    """(pattern name, fragment) for each leftover placeholder in ``target`` not also in ``source``."""
    out = []
    for p in PLACEHOLDER_PATTERNS:
        for m in p.pattern.finditer(target):
            if m.group(0) not in source:
                out.append((p.name, m.group(0)))
    return out


def _needs_translation(source: str) -> bool:
    """A source with words in it (not just a number, a name-like token or a designator)."""
    words = _LATIN_WORD.findall(source)
    return len(words) >= 2 or any(w.islower() for w in words)


class Untranslated(Rule):
    id = "untranslated"
    severity = Severity.ERROR
    summary = (
        "Empty target, target identical to the source, Latin-only target where Korean is expected "
        "(three or more English words), or a leftover placeholder fragment (⟦T1⟧, [[T1]], __T1__, ZXQ1, "
        "%1$s, {0}, ###T01###, <x/>)."
    )
    examples = (
        RuleExample("The two sides agreed.", "", True, "empty"),
        RuleExample("The two sides agreed.", "The two sides agreed.", True, "copied"),
        RuleExample("The two sides agreed on a plan.", "The sides agreed on it.", True, "Latin only"),
        RuleExample("The two sides agreed.", "양측은 ZXQ3에 합의했다.", True, "placeholder"),
        RuleExample("The two sides agreed.", "양측은 합의했다.", False),
        RuleExample("B-1B", "B-1B", False, "a designator may stay as it is"),
    )

    def check_segment(self, doc: AnalysedDocument, seg: AnalysedSegment, run: Run) -> Iterable[Finding]:
        source, target = seg.segment.source, seg.segment.target
        index = seg.segment.index
        if not source.strip():
            return
        if not target.strip():
            yield self.finding(doc, index, "empty translation", source[:60])
            return
        if " ".join(target.split()) == " ".join(source.split()):
            if _needs_translation(source):
                yield self.finding(doc, index, "target is identical to the source", target[:60])
            return
        if not has_syllable(target) and len(_LATIN_WORD.findall(target)) >= 3 and _needs_translation(source):
            yield self.finding(doc, index, "no Korean in the target (Latin script only)", target[:60])
        for name, fragment in placeholder_fragments(target, source):
            yield self.finding(doc, index, f"placeholder fragment left in the target ({name}): {fragment}", fragment)
