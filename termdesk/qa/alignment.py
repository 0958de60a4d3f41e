"""The alignment rule, and pairing English paragraphs with Korean ones.

An English file and its Korean file are aligned by paragraph. When the counts
differ, the paragraphs are paired by content with the one bilingual aligner
(:func:`termdesk.aligner.align_units`, with beads that never leave a paragraph
out: 1-1, 1-2, 2-1, 2-2), so each group of paragraphs is checked against its
counterpart — provided every group is confirmed by a shared number or Latin
token; otherwise (reordered paragraphs, no anchors, one side more than twice as
many paragraphs) the article is checked as ONE block (terms, numbers and names are still
checked, at article level). Either way the alignment rule reports the counts as
info, so the translator can fix the paragraph breaks (layout is not a translation error).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..aligner import PAIRED_BEADS, Bead, align_units, anchor_keys
from ..glossary import Severity
from .base import Rule, Run
from .records import Finding, RuleExample, Segment


def pair_paragraphs(
    english: Sequence[str], korean: Sequence[str]
) -> tuple[tuple[Segment, ...], tuple[int, int] | None]:
    """Segments for paragraph-aligned texts, and the counts when they differ.

    Equal counts pair paragraph by paragraph. Unequal counts pair groups of
    paragraphs by content (one segment per group, numbered from the group's first
    English paragraph) when every group shares a number or a Latin token across
    the two sides; otherwise the article is one block.
    """
    counts = (len(english), len(korean))
    if len(english) == len(korean):
        return tuple(
            Segment(i, en, ko, paragraph=i) for i, (en, ko) in enumerate(zip(english, korean, strict=False), start=1)
        ), None
    en_anchors = [anchor_keys(p) for p in english]
    ko_anchors = [anchor_keys(p, korean=True) for p in korean]
    try:
        beads = align_units(english, korean, en_anchors=en_anchors, ko_anchors=ko_anchors, beads=PAIRED_BEADS)
    except ValueError:
        beads = []
    if len(beads) < 2 or not all(_anchored(b, en_anchors, ko_anchors) for b in beads):
        return (Segment(1, "\n\n".join(english), "\n\n".join(korean), paragraph=None),), counts
    return tuple(
        Segment(
            k,
            "\n\n".join(english[i] for i in b.en),
            "\n\n".join(korean[j] for j in b.ko),
            paragraph=b.en[0] + 1,
        )
        for k, b in enumerate(beads, start=1)
    ), counts


def _anchored(bead: Bead, en_anchors: Sequence[frozenset[str]], ko_anchors: Sequence[frozenset[str]]) -> bool:
    """A group confirmed by content: a number or a kept Latin token on both sides.

    Korean versions of news copy often reorder paragraphs, which no order-keeping
    aligner can follow; an unconfirmed group would report terms "missing" that sit
    in another paragraph. Only a grouping whose every group is confirmed is used.
    """
    en = frozenset().union(*(en_anchors[i] for i in bead.en))
    ko = frozenset().union(*(ko_anchors[j] for j in bead.ko))
    return bool(en & ko)


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
    severity = Severity.INFO
    summary = (
        "The English and Korean files have different paragraph counts (a dateline merged into the first "
        "paragraph, a one-line paragraph joined to the next, an abridged translation): paragraphs are paired "
        "by content (or the article is checked as one block), the other rules still run, and this is "
        "reported as info so the paragraph breaks can be fixed. A byline or release date the English "
        "cleaner drops but the translator kept pairs without a finding."
    )
    examples = (
        RuleExample("The two sides met.\n\nThey agreed.", "양측은 만나 합의했다.", True, "info: two paragraphs, one"),
        RuleExample("The two sides met.\n\nThey agreed.", "양측은 만났다.\n\n그들은 합의했다.", False),
    )

    def check(self, run: Run) -> Iterator[Finding]:
        for doc in run.documents:
            counts = doc.document.unaligned
            if counts is None:
                continue
            en, ko = counts
            groups = len(doc.document.segments)
            how = "checked as one block" if groups == 1 else f"paired by content in {groups} groups"
            yield self.finding(
                doc,
                0,
                f"{en} English paragraph(s) but {ko} Korean paragraph(s): {how} — "
                "make the Korean paragraphs match the English ones",
                f"{en} ≠ {ko}",
            )
