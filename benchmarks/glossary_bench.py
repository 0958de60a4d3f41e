"""Load and validate a synthetic 100,000-entry glossary; wall time and peak memory.

Target (issue #2): under 2 s and under 300 MB on the 2-core CI machine.
Peer (the floor): pandas.read_csv of the same files with dtype=str.
Each measurement runs in a fresh subprocess (peak RSS is per process); medians of N runs.

    .venv/bin/python benchmarks/glossary_bench.py [--entries 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SYLLABLES = "가나다라마바사아자차카타파하국방부장관합참미사일방어체계전략자산"
WORDS = [
    "alpha",
    "bravo",
    "defense",
    "strategic",
    "missile",
    "joint",
    "command",
    "force",
    "council",
    "group",
    "system",
    "review",
    "dialogue",
]


def make_glossary(folder: Path, n: int) -> None:
    from termdesk.glossary import TYPE_FILES, Entry, render_csv

    rng = random.Random(7)
    types = list(TYPE_FILES)
    per_type: dict[str, list[Entry]] = {t: [] for t in types}
    for i in range(n):
        t = types[i % len(types)]
        en = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {i:06d}"
        ko = "".join(rng.choice(SYLLABLES) for _ in range(5)) + f" {i}"
        per_type[t].append(
            Entry(
                en=en,
                ko=ko,
                type=t,
                en_variants=(f"X{i:06d}",),
                ko_variants=(ko + "호",),
                note="synthetic",
                source="bench",
                status="approved",
                # the optional columns, as the shipped glossary uses them
                ko_short=ko.split()[-1] if t == "title" else "",
                ko_first=f"{ko}(X{i:06d})" if t == "weapon" else "",
                valid_from="2018-05-30" if i % 10 == 0 else "",
                valid_to="2022-05" if i % 20 == 0 else "",
            )
        )
    for t, entries in per_type.items():
        (folder / TYPE_FILES[t]).write_text(render_csv(entries), encoding="utf-8")


CHILD = {
    "termdesk validate (one pass, returns the loaded glossary)": "from termdesk.glossary import validate; r = "
    "validate(d); assert not r.errors, r.errors[:3]; n = len(r.glossary)",
    "termdesk load_glossary (stdlib csv rows, no checks)": "from termdesk.glossary import load_glossary; n = "
    "len(load_glossary(d))",
    "termdesk glossary search (load + one query)": "from termdesk.glossary import load_glossary; "
    "from termdesk.glossary_search import search; n = len(search(load_glossary(d), 'strategic missile'))",
    "termdesk glossary html (load + render page)": "from termdesk.glossary import load_glossary; "
    "from termdesk.glossary_html import render_glossary_html; n = len(render_glossary_html(load_glossary(d)))",
    "pandas.read_csv (floor)": "import pandas as pd, glob; n = sum(len(pd.read_csv(f, dtype=str, "
    "keep_default_na=False)) for f in sorted(glob.glob(d + '/*.csv')))",
}


def measure(stmt: str, folder: Path) -> tuple[float, float, int]:
    code = (
        "import sys, time, resource, json; sys.path.insert(0, "
        f"{str(Path(__file__).resolve().parent.parent)!r}); d = {str(folder)!r}; t = time.perf_counter(); "
        + stmt
        + "; el = time.perf_counter() - t; "
        + "print(json.dumps([el, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, n]))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    el, mb, n = json.loads(out)
    return el, mb, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_glossary(folder, args.entries)
        print(
            f"glossary: {args.entries:,} entries in {len(list(folder.glob('*.csv')))} files; medians of "
            f"{args.runs} runs (fresh process each, imports included)\n"
        )
        print("| what | wall s (median) | peak RSS MB (median) | entries | vs floor |")
        print("|---|---:|---:|---:|---:|")
        rows = {}
        for name, stmt in CHILD.items():
            runs = [measure(stmt, folder) for _ in range(args.runs)]
            rows[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[0][2])
        floor = rows["pandas.read_csv (floor)"][0]
        for name, (el, mb, n) in rows.items():
            print(f"| {name} | {el:.2f} | {mb:.0f} | {n:,} | ×{el / floor:.1f} |")
        el, mb, _ = rows[next(iter(CHILD))]
        print(f"\ntarget: < 2 s and < 300 MB → {'met' if el < 2 and mb < 300 else 'NOT met'} ({el:.2f} s, {mb:.0f} MB)")


if __name__ == "__main__":
    main()
