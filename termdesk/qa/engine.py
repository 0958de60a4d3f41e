"""Running the rules: analyse every document once, then let each rule look at the run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .base import Rule, Run
from .records import Document, Finding, QAResult
from .rules import RULE_IDS, get_rules
from .terms import analyse_document, build_matchers, document_date, periods_of

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Glossary
    from ..match import Matcher


def check_documents(
    documents: Sequence[Document],
    glossary: Glossary,
    *,
    rules: Sequence[Rule] | None = None,
    matcher: Matcher | None = None,
    skipped: Sequence[str] = (),
) -> QAResult:
    """Run the rules over documents already read; findings sorted by document, segment, rule."""
    rules = tuple(rules) if rules is not None else get_rules()
    matchers = build_matchers(glossary) if matcher is None else None
    periods = periods_of(e for e in glossary if e.status != "deprecated")
    analysed = []
    for d in documents:
        day = document_date(d)
        m = matcher or matchers.for_date(day)  # type: ignore[union-attr]
        analysed.append(analyse_document(d, m, day=day, periods=periods))
    run = Run(glossary, tuple(analysed))
    findings: list[Finding] = [f for rule in rules for f in rule.check(run)]
    doc_order = {d.name: i for i, d in enumerate(documents)}
    rule_order = {r: i for i, r in enumerate(RULE_IDS)}
    findings.sort(key=lambda f: (doc_order.get(f.doc, 0), f.segment, rule_order.get(f.rule, 99), f.message))
    return QAResult(tuple(analysed), tuple(findings), tuple(r.id for r in rules), tuple(skipped))


def check_translation(
    paths: Sequence[str | Path] = (),
    *,
    en: str | Path | None = None,
    ko: str | Path | None = None,
    glossary: str | Path | Sequence[str | Path] | Glossary = "glossary",
    rules: Sequence[str] | None = None,
    encoding: str | None = None,
    consistency: str = "article",
    on: date | None = None,
) -> QAResult:
    """Check translations (PO files, EN/KO pairs, folders) against the glossary and their sources.

    The one library call behind ``termdesk qa``. Unreadable input raises
    ``InputError``; problems in the translation come back as findings. ``on`` is the
    articles' date where their datelines give none (dated renderings follow it). ``consistency``:
    ``"article"`` (default) checks renderings within each article, ``"run"`` also across the
    articles of the run.
    """
    from ..errors import UsageError
    from ..glossary import Glossary, load_valid_glossary
    from .inputs import collect
    from .term_rules import Inconsistency

    if consistency not in ("article", "run"):
        raise UsageError(f"consistency {consistency!r}: use article or run")
    selected = get_rules(tuple(rules) if rules else None)
    if consistency == "run":
        selected = tuple(Inconsistency(across_articles=True) if r.id == Inconsistency.id else r for r in selected)
    gloss = glossary if isinstance(glossary, Glossary) else load_valid_glossary(glossary)
    inputs = collect(paths, en=en, ko=ko, encoding=encoding)
    documents = [replace(d, date=on) for d in inputs.documents] if on is not None else inputs.documents
    return check_documents(documents, gloss, rules=selected, skipped=inputs.skipped)
