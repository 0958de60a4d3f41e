"""False-alarm scan of QA on the development set (``tests/data/devset/``).

The Korean translations there are faithful newsroom translations, so every error or
warning QA raises on them is a false alarm. Prints each finding at warning or above
and the totals per split.

    .venv/bin/python scripts/qa_devset_scan.py [dev|heldout] [--info]

``heldout`` is for final checks only: never tune on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from scripts.devset import DEVSET_DIR, SPLITS, article_names
    from termdesk.glossary import Severity, load_glossary
    from termdesk.qa import check_documents
    from termdesk.qa.inputs import load_pair
    from termdesk.qa.terms import build_matcher

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", default="dev", choices=SPLITS)
    ap.add_argument("--info", action="store_true", help="print info findings too")
    args = ap.parse_args(argv)
    glossary = load_glossary(ROOT / "glossary")
    matcher = build_matcher(glossary)
    folder = DEVSET_DIR / args.split
    names = article_names(args.split)
    docs = [load_pair(folder / f"{n}.en.txt", folder / f"{n}.ko.txt", name=n) for n in names]
    result = check_documents(docs, glossary, matcher=matcher)
    shown = [f for f in result.findings if args.info or f.severity is not Severity.INFO]
    for f in shown:
        print(f"{f.doc} #{f.segment} {f.rule} ({f.severity.value}): {f.message}")
    counts = {s: result.count(s) for s in Severity}
    print(
        f"{args.split}: {len(docs)} articles, {result.count(Severity.ERROR)} errors, "
        f"{result.count(Severity.WARNING)} warnings, {counts[Severity.INFO]} info"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
