"""QA cost against glossary size: the 320 shared news pairs checked with the shipped glossary and with
synthetic glossaries of 10,000 and 100,000 entries (the shipped entries plus news-like synthetic ones).

Target (issue 21): ``qa`` on the 320 pairs with the 100k-entry glossary ≤ 4× the time with the shipped
glossary — every rule O(text) + O(matches), never O(glossary × segments). The peer is the floor of the same
run: matching alone (``Matcher.find`` over the English of every pair), which any QA must do.

The pairs are read at run time from ``../shared/data/parallel-news-defense.tsv`` beside the repository
(Korean–English news parallel corpus v1, jungyeul/korean-parallel-corpora, CC BY-SA 3.0; never copied here).
Each pair is one one-segment document, all 320 in one run (``check_documents``); the glossary is loaded and the
matcher built beforehand (build times are printed apart). Medians of N runs.

    .venv/bin/python benchmarks/qa_bench.py [--runs 5] [--sizes 10000,100000] [--data PATH]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "parallel-news-defense.tsv"
if not DEFAULT_DATA.is_file():
    DEFAULT_DATA = Path("/work/shared/data/parallel-news-defense.tsv")


def load_pairs(path: Path) -> list[tuple[int, str, str]]:
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if "\t" in line:
            en, ko = line.split("\t", 1)
            pairs.append((n, en.strip(), ko.strip()))
    return pairs


def synthetic_glossary(base: list, n: int) -> list:
    """The shipped entries plus news-like synthetic ones up to ``n``; 1 in 10 synthetic entries has a ko_avoid."""
    from dataclasses import replace

    from match_bench import make_entries

    rng = random.Random(3)
    known = {e.en.casefold() for e in base}
    extra = []
    for i, e in enumerate(make_entries(n - len(base) + len(base) // 2)):
        if e.en.casefold() in known:
            continue
        if i % 10 == 3:
            e = replace(e, ko_avoid=(f"옛용어{i}",), ko_variants=(f"{e.ko}안",) if rng.random() < 0.5 else ())
        extra.append(e)
        if len(base) + len(extra) >= n:
            break
    return [*base, *extra]


def uncached(entries: list) -> list:
    """Copies of the entries without their cached properties (id, form_keys), as a fresh load makes them."""
    from termdesk.glossary import Entry

    out = []
    for e in entries:
        o = object.__new__(Entry)
        o.__dict__.update({k: v for k, v in e.__dict__.items() if k not in ("id", "form_keys")})
        out.append(o)
    return out


def main(argv: list[str] | None = None) -> int:
    from _run import machine

    from termdesk.glossary import Glossary, load_glossary
    from termdesk.ko.forms import KoreanText
    from termdesk.qa import check_documents
    from termdesk.qa.form_index import korean_forms
    from termdesk.qa.name_rules import people_index
    from termdesk.qa.records import Document, Segment
    from termdesk.qa.terms import build_matcher

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found — the shared data set is not here; nothing to measure")
        return 0
    pairs = load_pairs(args.data)
    docs = [
        Document(f"line{n}", str(args.data), str(args.data), (Segment(1, en, ko, paragraph=1),)) for n, en, ko in pairs
    ]
    shipped = list(load_glossary(ROOT / "glossary"))
    glossaries = [("shipped", shipped)] + [
        (f"{int(s):,}", synthetic_glossary(shipped, int(s))) for s in args.sizes.split(",") if s
    ]
    print(f"{len(pairs)} pairs from {args.data.name}; medians of {args.runs} runs; {machine()}")
    print(
        f"{'glossary':>10} {'entries':>8} {'build s':>8} {'match s':>8} {'qa s':>8} {'qa CPU s':>8} {'CPU ÷ shipped':>13} {'findings':>9}"  # noqa: E501
    )
    base_qa = None
    reference = None
    for label, entries in glossaries:
        glossary = Glossary(entries)
        t = time.perf_counter()
        matcher = build_matcher(glossary)
        build = time.perf_counter() - t
        match_times, qa_times, qa_cpu = [], [], []
        findings: list = []
        for _ in range(args.runs):
            gc.collect()
            t = time.perf_counter()
            for _n, en, _ko in pairs:
                matcher.find(en)
            match_times.append(time.perf_counter() - t)
            fresh = Glossary(uncached(entries))  # as a fresh process has it: look-ups built inside the timing
            t, c = time.perf_counter(), time.process_time()
            result = check_documents(docs, fresh, matcher=matcher)
            qa_times.append(time.perf_counter() - t)
            qa_cpu.append(time.process_time() - c)
            findings = [(f.doc, f.segment, f.rule, f.message) for f in result.findings]
        qa, cpu = statistics.median(qa_times), statistics.median(qa_cpu)
        base_qa = base_qa or cpu
        print(
            f"{label:>10} {len(entries):>8,} {build:>8.2f} {statistics.median(match_times):>8.3f} {qa:>8.3f}"
            f" {cpu:>8.3f} {cpu / base_qa:>12.1f}× {len(findings):>9}"
        )
        fresh = Glossary(uncached(entries))
        parts = []
        for what, fn in (
            ("people index", lambda g=fresh: people_index(g)),
            ("Korean forms", lambda g=fresh: korean_forms(g).present(KoreanText("국방부"))),
            ("avoided forms", lambda g=fresh: korean_forms(g).avoided_in(KoreanText("국방부"))),
        ):
            t = time.perf_counter()
            fn()
            parts.append(f"{what} {time.perf_counter() - t:.3f}")
        print(f"{'':>10} of which one-off per-glossary look-ups (s): {', '.join(parts)}")
        if reference is None:
            reference = findings
        elif set(findings) - set(reference):
            extra = sorted(set(findings) - set(reference))
            print(f"           ({len(extra)} finding(s) on synthetic entries, e.g. {extra[0][2]}: {extra[0][3][:70]})")
    print("target: qa with 100,000 entries ≤ 4× qa with the shipped glossary")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
