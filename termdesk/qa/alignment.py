"""The alignment rule, and pairing English paragraphs with Korean ones.

An English file and its Korean file are aligned by paragraph. When the counts
differ no pairing can be trusted, so the article is checked as ONE block (the
whole English text against the whole Korean text: terms, numbers and names are
still checked, at article level) and the alignment rule reports the counts as an
error, so the translator fixes the paragraph breaks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..glossary import Severity
from .base import Rule, Run
from .records import Finding, RuleExample, Segment


def pair_paragraphs(
    english: Sequence[str], korean: Sequence[str]
) -> tuple[tuple[Segment, ...], tuple[int, int] | None]:
    """Segments for paragraph-aligned texts, and the counts when they differ."""
    if len(english) == len(korean):
        return tuple(Segment(i, en, ko, paragraph=i) for i, (en, ko) in enumerate(zip(english, korean), start=1)), None
    whole = Segment(1, "\n\n".join(english), "\n\n".join(korean), paragraph=None)
    return (whole,), (len(english), len(korean))


def split_blocks(text: str) -> list[str]:
    """Paragraphs of a plain text: blocks separated by blank lines."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def korean_paragraphs(text: str, expected: int) -> list[str]:
    """Paragraphs of a Korean translation: non-empty lines, or blank-line blocks.

    A translator may break paragraphs with one newline or with a blank line (and
    wrap long paragraphs): lines are used when their count matches the English
    paragraphs, else blocks, else whichever is nearer (the alignment rule then
    reports the mismatch).
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) == expected:
        return lines
    blocks = split_blocks(text)
    if len(blocks) == expected:
        return blocks
    return lines if abs(len(lines) - expected) < abs(len(blocks) - expected) else blocks


class Alignment(Rule):
    id = "alignment"
    severity = Severity.ERROR
    summary = (
        "The English and Korean files have different paragraph counts: the article is checked as one "
        "block and this is reported, so the paragraph breaks can be fixed."
    )
    examples = (
        RuleExample("The two sides met.\n\nThey agreed.", "양측은 만나 합의했다.", True, "two paragraphs, one"),
        RuleExample("The two sides met.\n\nThey agreed.", "양측은 만났다.\n\n그들은 합의했다.", False),
    )

    def check(self, run: Run) -> Iterable[Finding]:
        for doc in run.documents:
            counts = doc.document.unaligned
            if counts is None:
                continue
            en, ko = counts
            yield self.finding(
                doc,
                0,
                f"{en} English paragraph(s) but {ko} Korean paragraph(s): checked as one block — "
                "make the Korean paragraphs match the English ones",
                f"{en} ≠ {ko}",
            )
