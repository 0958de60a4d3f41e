"""False-alarm scan of the QA rules on real published English–Korean news translations.

Reads ``shared/data/parallel-news-defense.tsv`` beside the repository (320 sentence
pairs from the Korean–English news parallel corpus v1 of
jungyeul/korean-parallel-corpora — Park, Hong & Cha, PACLIC 30, 2016 — licence
CC BY-SA 3.0; the data is NOT copied into this repository or the package) and
checks each pair as its own one-segment article against the glossary.

These are human translations that were published, so every finding is a
*candidate* false alarm; ``--show RULE`` prints them for review. The script
prints, per rule, how many pairs it fired on and the rate.

    .venv/bin/python scripts/qa_false_alarm_scan.py [--data PATH] [--glossary glossary] [--show RULE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "parallel-news-defense.tsv"


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from termdesk.glossary import load_glossary
    from termdesk.qa import RULES, check_documents
    from termdesk.qa.records import Document, Segment
    from termdesk.qa.terms import build_matcher

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--glossary", default=str(ROOT / "glossary"))
    ap.add_argument("--show", action="append", default=[], help="print the findings of this rule (repeatable; 'all')")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found — the shared data set is not here; nothing to scan")
        return 0
    pairs = []
    for n, line in enumerate(args.data.read_text(encoding="utf-8").splitlines(), start=1):
        if "\t" in line:
            en, ko = line.split("\t", 1)
            pairs.append((n, en.strip(), ko.strip()))
    glossary = load_glossary(args.glossary)
    matcher = build_matcher(glossary)
    fired: dict[str, Counter[str]] = {"alarm": Counter(), "info": Counter()}
    findings_total: dict[str, Counter[str]] = {"alarm": Counter(), "info": Counter()}
    terms = 0
    error_pairs = 0
    shown = []
    for n, en, ko in pairs:
        doc = Document(f"line{n}", str(args.data), str(args.data), (Segment(1, en, ko, paragraph=1),))
        result = check_documents([doc], glossary, matcher=matcher)
        error_pairs += any(f.severity.value == "error" for f in result.findings)
        terms += sum(len(s.terms) for d in result.documents for s in d.segments)
        for level in ("alarm", "info"):
            picked = [f for f in result.findings if (f.severity.value == "info") == (level == "info")]
            for rule in {f.rule for f in picked}:
                fired[level][rule] += 1
            for f in picked:
                findings_total[level][f.rule] += 1
        for f in result.findings:
            if f.rule in args.show or "all" in args.show:
                shown.append((n, f, en, ko))
    print(
        f"{len(pairs)} sentence pairs, {terms} glossary term occurrences in the English, glossary: "
        f"{len(glossary)} entries"
    )
    print(f"pairs with an error-level finding: {error_pairs} ({100.0 * error_pairs / max(len(pairs), 1):.1f}%)")
    print("alarms = findings at warning or error; info findings are hints and do not fail a run")
    print(f"{'rule':<22}{'severity':<10}{'pairs with alarms':>18}{'rate':>8}{'alarms':>8}{'info':>6}")
    for rule in RULES:
        k = fired["alarm"].get(rule.id, 0)
        print(
            f"{rule.id:<22}{rule.severity.value:<10}{k:>18}{100.0 * k / max(len(pairs), 1):>7.1f}%"
            f"{findings_total['alarm'].get(rule.id, 0):>8}{findings_total['info'].get(rule.id, 0):>6}"
        )
    for n, f, en, ko in shown:
        print(f"\n[line {n}] {f.rule} ({f.severity.value}): {f.message}\n  EN: {en}\n  KO: {ko}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
