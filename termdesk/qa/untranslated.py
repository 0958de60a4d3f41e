"""The untranslated rule: empty targets, targets identical to the source, Latin-only targets,
targets whose Korean is only inside brackets (termdesk's own glossary-backend draft: English
with the glossary's Korean glossed in brackets), targets that keep English sentences, and
placeholder fragments an MT pipeline left behind.

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
#: A bracketed stretch: a gloss (``[송영무 국방부 장관]``, ``(사드)``), not running text.
_BRACKETED = re.compile(r"\[[^\[\]]*\]|\([^()]*\)|（[^（）]*）|【[^【】]*】|⟦[^⟦⟧]*⟧")
#: An English word in running text: lower case (names, acronyms and designators are capitalised).
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z'’]*[a-z](?![A-Za-z0-9])")
#: Addresses Korean copy keeps as they are: e-mail (a reporter's byline), web addresses.
_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|net|org|gov|mil|kr|go\.kr|co\.kr)\b\S*")
#: "More than a few" English words outside brackets, names and acronyms: the target keeps English.
ENGLISH_WORDS_LIMIT = 3

#: (target, fires) — each one a test: the target keeps English, or its Korean is only glosses.
UNTRANSLATED_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("glossary draft", "Minister Song Young-moo [송영무 국방부 장관] met Mattis [매티스 장관] today.", True),
    ("English sentence after Korean", "송영무 국방부 장관은 말했다. The two sides agreed to meet again soon.", True),
    ("English with one Korean word", "The two sides agreed on 사드 deployment in the ROK.", True),
    ("Korean with acronyms and names", "한미는 NCG와 SCM에서 Freedom Shield 연습을 논의했다.", False),
    ("Korean with an English gloss", "맞춤형 억제전략(tailored deterrence strategy)을 수립했다.", False),
    ("Korean with a short English phrase", "그는 'fight tonight' 태세를 강조했다.", False),
    ("keep-Latin term", "양측은 B-1B 폭격기와 F-35A 전투기를 논의했다.", False),
    ("reporter's e-mail and a web address", "국방부가 밝혔다. hong.gildong@yna.co.kr www.defense.gov/news", False),
)


def english_outside_brackets(target: str) -> list[str]:
    """Lower-case English words of ``target`` outside brackets (names and acronyms are not counted)."""
    return _ENGLISH_WORD.findall(_ADDRESS.sub(" ", _BRACKETED.sub(" ", target)))


def korean_only_in_brackets(target: str) -> bool:
    """True when the target has Hangul, but only inside brackets (a glossed English sentence)."""
    return has_syllable(target) and not has_syllable(_BRACKETED.sub(" ", target))


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
        "(three or more English words), Korean only inside brackets (an English sentence with glossed terms, "
        "as termdesk's glossary-backend draft writes), English kept in the target (more than "
        f"{ENGLISH_WORDS_LIMIT} lower-case English words outside brackets, names and acronyms), or a leftover "
        "placeholder fragment (⟦T1⟧, [[T1]], __T1__, ZXQ1, %1$s, {0}, ###T01###, <x/>). PO entries are "
        "checked whether fuzzy or not."
    )
    examples = (
        RuleExample("The two sides agreed.", "", True, "empty"),
        RuleExample("The two sides agreed.", "The two sides agreed.", True, "copied"),
        RuleExample("The two sides agreed on a plan.", "The sides agreed on it.", True, "Latin only"),
        RuleExample("The two sides agreed.", "양측은 ZXQ3에 합의했다.", True, "placeholder"),
        RuleExample("The two sides agreed.", "양측은 합의했다.", False),
        RuleExample("B-1B", "B-1B", False, "a designator may stay as it is"),
        RuleExample(
            "Minister Song met Mattis today.",
            "Minister Song [송 장관] met Mattis [매티스 장관] today.",
            True,
            "Korean only in brackets",
        ),
        RuleExample(
            "The two sides agreed to meet again soon.",
            "양측은 The two sides agreed to meet again soon.",
            True,
            "English kept",
        ),
        RuleExample("The allies discussed NCG and SCM.", "한미는 NCG와 SCM을 논의했다.", False, "acronyms may stay"),
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
        elif korean_only_in_brackets(target) and _needs_translation(source):
            yield self.finding(
                doc,
                index,
                "Korean only inside brackets: the sentence is still English (a glossary draft?) — translate it",
                target[:60],
            )
        elif has_syllable(target):
            english = english_outside_brackets(target)
            if len(english) > ENGLISH_WORDS_LIMIT and _needs_translation(source):
                shown = " ".join(english[:6]) + (" …" if len(english) > 6 else "")
                yield self.finding(
                    doc,
                    index,
                    f"target keeps English text ({len(english)} English words outside names and acronyms: {shown})"
                    " — translate it",
                    shown,
                )
        for name, fragment in placeholder_fragments(target, source):
            yield self.finding(doc, index, f"placeholder fragment left in the target ({name}): {fragment}", fragment)
