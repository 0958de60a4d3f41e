"""Prompts for the LLM backend, and reading what a server sends back.

One request per segment carries only the glossary entries matched in that
segment (English as it occurs → the required Korean, composed title+name forms
in Korean order, avoided renderings, the entry's usage note) and the desk's
style guide (``glossary/STYLE.md``). The template is versioned
(:data:`PROMPT_VERSION`): the translation-memory key changes with it, so a
changed prompt never serves an answer to the old one.

:func:`clean_reply` turns a reply into the Korean text or names what is wrong with
it: empty, refused, cut off (``finish_reason: length``), the prompt echoed, a reply
in English. It removes what models wrap around a translation: ``<think>`` blocks,
Markdown fences, quotes around the whole text, a ``Translation:`` label, notes
after the translation.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..ko.hangul import is_syllable

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Match

PROMPT_VERSION = "termdesk-llm-1"

#: Headers the fake server in the tests (and anyone debugging) can rely on.
TERMS_HEADER = "Glossary terms in this text (required renderings):"
TEXT_HEADER = "Text to translate:"
RETRY_HEADER = "Your earlier translation was not usable:"
PLACEHOLDER_RULE = (
    "The text contains tokens such as ZXQ1, ZXQ2: each stands for a term. Copy every token unchanged, exactly "
    "once, where the term belongs in Korean word order. Do not translate or explain the tokens."
)

SYSTEM_TEMPLATE = """You are a translator on the defense and security desk of a Korean news agency. \
Translate the English news text the user gives you into Korean as the desk publishes it.

Rules:
1. Reply with the Korean translation only: no quotation marks around it, no Markdown, no notes, no \
explanation, no English original.
2. Write every glossary term exactly in the Korean form given (same spelling and spacing). A particle may \
follow a term; make it agree with the term's last syllable.
3. Never use a form marked "avoid".
4. Keep names, numbers, dates and quotations faithful; do not add or drop information.
{placeholder_rule}
Desk style guide:
{style}"""


# --------------------------------------------------------------------------- style guide


@dataclass(frozen=True)
class Style:
    """The desk's style guide as sent, and its hash (part of the cache key)."""

    text: str
    path: str = ""

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def load_style(path: str | Path | None) -> Style:
    """Read the style guide (Markdown); no file gives an empty guide."""
    if path is None:
        return Style("")
    from ..textio import read_text

    p = Path(path)
    if not p.exists():
        raise InputError.at(p, None, "style guide not found", "check the style setting in termdesk.toml")
    return Style(read_text(p).strip(), str(p))


# --------------------------------------------------------------------------- terms


_USAGE_NOTE = re.compile(
    r"\b(?:use|used|write|writes|written|spell|spells|not|never|only|when|prefer|preferred|avoid|after|before|"
    r"first mention|later mentions?|short form)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TermInstruction:
    """One glossary term as the prompt states it."""

    en: str  # as it occurs in the source
    ko: str  # the required Korean
    avoid: tuple[str, ...] = ()
    note: str = ""
    parts: tuple[tuple[str, str], ...] = ()  # composed title+name: (English, Korean) of each part

    def lines(self) -> list[str]:
        out = [f'- "{self.en}" → {self.ko}']
        if self.parts:
            shown = "; ".join(f"{en} → {ko}" for en, ko in self.parts)
            out.append(f"  parts: {shown} (Korean order: name before title)")
        if self.avoid:
            out.append(f"  avoid: {' | '.join(self.avoid)}")
        if self.note:
            out.append(f"  note: {self.note}")
        return out


def _usage_note(note: str) -> str:
    """The entry's note when it says how to use the term (first two sentences, at most 240 characters)."""
    note = " ".join(note.split())
    if not note or not _USAGE_NOTE.search(note):
        return ""
    sentences = re.split(r"(?<=[.;])\s+", note)
    short = " ".join(sentences[:2])
    return short if len(short) <= 240 else short[:237].rstrip() + "…"


def instruction_for(m: Match) -> TermInstruction:
    """What the prompt says about one matched term."""
    parts = tuple((p.text, p.ko) for p in m.composed_of)
    entries = [p.entry for p in m.composed_of] if m.composed_of else [m.entry]
    avoid: list[str] = []
    notes: list[str] = []
    for e in entries:
        if e is None:
            continue
        avoid.extend(a for a in e.ko_avoid if a and a != m.ko)
        note = _usage_note(e.note)
        if note:
            notes.append(note)
    return TermInstruction(m.text, m.ko, tuple(dict.fromkeys(avoid)), " ".join(notes), parts)


def instructions_for(matches: Sequence[Match]) -> tuple[TermInstruction, ...]:
    """One instruction per distinct (English, Korean) pair, in source order."""
    seen: dict[tuple[str, str], TermInstruction] = {}
    for m in matches:
        seen.setdefault((m.text, m.ko), instruction_for(m))
    return tuple(seen.values())


# --------------------------------------------------------------------------- messages


Message = dict[str, str]


def system_message(style: Style, *, placeholders: bool = False) -> str:
    rule = f"5. {PLACEHOLDER_RULE}\n" if placeholders else ""
    return SYSTEM_TEMPLATE.format(placeholder_rule=rule, style=style.text or "(none)")


def user_message(source: str, terms: Sequence[TermInstruction], *, problems: Sequence[str] = ()) -> str:
    parts: list[str] = []
    if terms:
        parts.append(TERMS_HEADER)
        for t in terms:
            parts.extend(t.lines())
        parts.append("")
    if problems:
        parts.append(RETRY_HEADER)
        parts.extend(f"- {p}" for p in problems)
        parts.append("Translate the text again and fix this. Reply with the Korean translation only.")
        parts.append("")
    parts.append(TEXT_HEADER)
    parts.append(source)
    return "\n".join(parts)


def build_messages(
    source: str,
    terms: Sequence[TermInstruction],
    style: Style,
    *,
    problems: Sequence[str] = (),
    placeholders: bool = False,
) -> list[Message]:
    """The chat messages for one segment (``problems``: what was wrong with the previous reply)."""
    return [
        {"role": "system", "content": system_message(style, placeholders=placeholders)},
        {"role": "user", "content": user_message(source, terms, problems=problems)},
    ]


def cache_text(source: str, terms: Sequence[TermInstruction], *, mode: str = "terms") -> str:
    """The translation-memory key text of a request: the source and exactly the terms sent."""
    sent = [[t.en, t.ko, list(t.avoid), t.note, [list(p) for p in t.parts]] for t in terms]
    return f"{mode}\x00{source}\x00{json.dumps(sent, ensure_ascii=False)}"


# --------------------------------------------------------------------------- replies


@dataclass(frozen=True)
class Reply:
    """A cleaned reply: the Korean text, or ``problem`` saying why there is none."""

    text: str
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


#: Bounds on the reply's length as a share of the source's, in characters.
SHORTEST = 0.15
LONGEST = 2.5
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"```[^\n`]*\n?(.*?)(?:```|$)", re.DOTALL)
_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:korean translation|translation|translated text|korean|번역문?|한국어(?: 번역)?)"
    r"(?:\*\*)?\s*[:：]\s*",
    re.IGNORECASE,
)
_PREAMBLE = re.compile(r"^\s*(?:here(?:'s| is) (?:the|my|a) [^:\n]*translation[^:\n]*|sure[^:\n]*)[:：]\s*$", re.I)
_NOTE_LINE = re.compile(
    r"^\s*(?:[*_(\[]*\s*)?(?:note|notes|explanation|참고|주|설명|※|translator'?s note)\b\s*[:：)]?", re.I
)
_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("「", "」"), ("『", "』"), ("«", "»"))
_REFUSAL = re.compile(
    r"^\s*(?:I'?m sorry|I am sorry|sorry,|I can(?:no|')t|I cannot|I won'?t|As an AI|I'm unable|I am unable|"
    r"죄송합니다|죄송하지만|번역할 수 없|도와드릴 수 없)",
    re.IGNORECASE,
)
_LATIN = re.compile("[A-Za-z]")


def korean_share(text: str) -> float:
    """Share of Hangul syllables among Hangul and Latin letters (1.0 for text with neither)."""
    hangul = sum(map(is_syllable, text))
    latin = len(_LATIN.findall(text))
    return 1.0 if hangul + latin == 0 else hangul / (hangul + latin)


def _unquote(text: str, source: str) -> str:
    for left, right in _QUOTES:
        if len(text) > 2 and text.startswith(left) and text.endswith(right) and not source.lstrip().startswith(left):
            inner = text[len(left) : -len(right)]
            if left not in inner and right not in inner:
                return inner.strip()
    return text


def _echoed(text: str, source: str, messages: Sequence[Message]) -> bool:
    if TERMS_HEADER in text or TEXT_HEADER in text or RETRY_HEADER in text or "Desk style guide:" in text:
        return True
    system = messages[0]["content"] if messages else ""
    first_rule = system.split("\n", 1)[0]
    if first_rule and first_rule in text:
        return True
    return len(source) >= 30 and source.strip() in text


def clean_reply(
    content: str | None,
    *,
    source: str,
    messages: Sequence[Message] = (),
    finish_reason: str | None = "stop",
    refusal: str | None = None,
) -> Reply:
    """The Korean translation in a chat-completion reply, or the reason it is unusable."""
    if refusal:
        return Reply("", "the model refused")
    if finish_reason == "length":
        return Reply("", "reply cut off (finish_reason: length)")
    if finish_reason == "content_filter":
        return Reply("", "reply withheld by the server's content filter")
    text = _THINK.sub("", content or "").strip()
    if not text:
        return Reply("", "empty reply")
    if _echoed(text, source, messages):
        return Reply("", "the prompt was echoed back")
    fence = _FENCE.search(text)
    if fence and fence.group(1).strip():
        text = fence.group(1).strip()
    lines = [ln.strip() for ln in text.splitlines()]
    kept: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            if kept:
                # a blank line after the translation: what follows is commentary unless it is Korean prose
                rest = [ln for ln in lines[i + 1 :] if ln]
                if rest and (all(korean_share(ln) < 0.5 for ln in rest) or _NOTE_LINE.match(rest[0])):
                    break
            continue
        if _NOTE_LINE.match(line) and kept:
            break
        if not kept and _PREAMBLE.match(line):
            continue
        kept.append(_LABEL.sub("", line, count=1))
    text = " ".join(k for k in kept if k).strip()
    text = _unquote(text, source)
    if not text:
        return Reply("", "empty reply")
    if _REFUSAL.match(text):
        return Reply("", "the model refused")
    latin_words = len(re.findall(r"[A-Za-z]{2,}", source))
    if latin_words >= 3 and korean_share(text) < 0.4:
        return Reply("", "reply not in Korean")
    # Korean news copy runs to about 0.3–0.8 of the English in characters; far outside that,
    # content was dropped or something was added.
    if len(source) >= 80 and len(text) < SHORTEST * len(source):
        return Reply("", f"reply much shorter than the source ({len(text)} vs {len(source)} characters)")
    if len(source) >= 40 and len(text) > LONGEST * len(source):
        return Reply("", f"reply much longer than the source ({len(text)} vs {len(source)} characters)")
    return Reply(text)
