"""The terminal summary of a QA run: grouped by article, then by rule. Colour only when asked."""

from __future__ import annotations

from collections import defaultdict

from ..glossary import Severity
from ..qa.records import BILINGUAL, AnalysedDocument, Finding, QAResult

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _style(text: str, colour: bool, **kw: object) -> str:
    if not colour:
        return text
    import click

    return click.style(text, **kw)  # type: ignore[arg-type]


def location(doc: AnalysedDocument, index: int) -> str:
    """Where a finding is, in the translator's terms: PO file:line, or the paragraph."""
    if index == 0:
        return "article"
    seg = next((s.segment for s in doc.segments if s.segment.index == index), None)
    if seg is None:
        return f"#{index}"
    if doc.document.kind in BILINGUAL:
        where = f"{doc.document.target_path}:{seg.line}" if seg.line else f"#{index}"
        return where + (f" (¶{seg.paragraph})" if seg.paragraph is not None else "")
    return f"¶{seg.paragraph}" if seg.paragraph is not None else "whole article"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary_line(result: QAResult) -> str:
    return (
        f"{plural(len(result.documents), 'article')}, {plural(result.segment_total, 'segment')}: "
        f"{plural(result.count(Severity.ERROR), 'error')}, {plural(result.count(Severity.WARNING), 'warning')}, "
        f"{result.count(Severity.INFO)} info"
    )


def _rule_groups(doc: AnalysedDocument, findings: list[Finding], rules: tuple[str, ...], colour: bool) -> list[str]:
    """One heading per rule and severity, in rule order, the more severe first: a finding is
    always listed and counted under its own severity (an info item never under an error heading)."""
    groups: dict[tuple[str, Severity], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.rule, f.severity)].append(f)
    order = {r: i for i, r in enumerate(rules)}
    lines: list[str] = []
    for rule, severity in sorted(groups, key=lambda k: (order.get(k[0], len(order)), -k[1].rank)):
        group = groups[(rule, severity)]
        heading = _style(rule, colour, fg=_COLOURS[severity], bold=True)
        lines.append(f"  {heading} ({severity.value}, {plural(len(group), 'finding')})")
        lines.extend(f"    {location(doc, f.segment)}: {f.message}" for f in group)
    return lines


def render_terminal(result: QAResult, *, colour: bool = False) -> str:
    """Findings grouped by article and rule, then one summary line."""
    by_doc: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_doc[f.doc].append(f)
    lines: list[str] = []
    for doc in result.documents:
        name = doc.document.name
        paths = (
            doc.document.target_path
            if doc.document.kind in BILINGUAL
            else f"{doc.document.source_path} ↔ {doc.document.target_path}"
        )
        findings = by_doc.get(name, [])
        head = f"{name}  ({paths}, {plural(len(doc.segments), 'segment')})"
        if not findings:
            lines.append(
                f"{_style(name, colour, bold=True)}  ({paths}, {plural(len(doc.segments), 'segment')}): no findings"
            )
            continue
        lines.append(_style(head, colour, bold=True))
        lines.extend(_rule_groups(doc, findings, result.rules, colour))
    for s in result.skipped:
        lines.append(f"skipped {s}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
