"""``termdesk annotate`` end to end on real copy: glossary size and file size, beside ``grep -F -f forms.txt``.

Targets (issue 21):

* ``annotate`` of ~1 MB of real copy with a 100,000-entry glossary ≤ 3× the same with the shipped glossary
  (the compiled matcher of a large glossary is cached: both a cold run — cache emptied — and a warm one are shown);
* peak memory of ``annotate`` on a 50 MB article < 400 MB (the file is matched paragraph by paragraph).

Real copy: the seeds, tests/data/articles, the dev set's English and the English side of the shared pairs
(read at run time from ../shared/data, never copied here), repeated to size. Glossaries: the shipped one and
the shipped entries plus synthetic news-like entries (benchmarks/match_bench.py) to 10,000 and 100,000,
written as glossary CSV folders. The peer, ``grep -F -f forms.txt``, gets every English form of the same
glossary (build included) and only finds substrings: no boundaries, case rules, inflections or composition.
Fresh process per run, medians.

    .venv/bin/python benchmarks/annotate_bench.py [--runs 3] [--big-mb 50]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _run import PYTHON, ROOT, child_env, compile_bytecode, machine, median_run, real_copy, repeat_to


def write_glossary(folder: Path, n: int) -> list[str]:
    """Shipped entries plus synthetic ones up to ``n`` as glossary CSVs; returns every English form."""
    sys.path.insert(0, str(ROOT))
    from match_bench import make_entries

    from termdesk.glossary import TYPE_FILES, load_glossary, render_csv

    shipped = list(load_glossary(ROOT / "glossary"))
    known = {f.casefold() for e in shipped for f in e.en_forms}
    extra = []
    for e in make_entries(max(n - len(shipped), 0) + 2000):  # a valid glossary: no form of two entries
        if len(extra) >= n - len(shipped):
            break
        forms = {f.casefold() for f in e.en_forms}
        if not forms & known:
            known |= forms
            extra.append(e)
    entries = [*shipped, *extra]
    folder.mkdir(parents=True, exist_ok=True)
    per: dict[str, list] = {t: [] for t in TYPE_FILES}
    for e in entries:
        per[e.type].append(e)
    for t, es in per.items():
        (folder / TYPE_FILES[t]).write_text(
            render_csv(sorted(es, key=lambda e: (e.en.casefold(), e.en))), encoding="utf-8"
        )
    return sorted({f for e in entries if e.status == "approved" for f in e.en_forms})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big-mb", type=int, default=50)
    args = ap.parse_args(argv)
    compile_bytecode()
    copy = real_copy()
    grep = shutil.which("grep")
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        one_mb = t / "copy-1mb.txt"
        one_mb.write_text(repeat_to(copy, 1_000_000), encoding="utf-8")
        env = child_env()
        env["TERMDESK_CACHE_DIR"] = str(t / "cache")
        print(f"~1 MB of real copy ({len(copy):,} characters of it, repeated); medians of {args.runs} fresh runs;")
        print(machine())
        print(f"{'glossary':>9} {'engine':<34} {'wall s':>7} {'CPU s':>7} {'RSS MB':>7} {'÷ shipped (CPU)':>16}")
        base = None
        for label, n in (("shipped", 0), ("10,000", 10_000), ("100,000", 100_000)):
            folder = ROOT / "glossary" if n == 0 else t / f"glossary-{n}"
            forms = write_glossary(t / "forms-src" / label, n) if n == 0 else write_glossary(folder, n)
            ftxt = t / f"forms-{n}.txt"
            ftxt.write_text("\n".join(forms) + "\n", encoding="utf-8")
            cmd = [PYTHON, "-m", "termdesk", "annotate", "--glossary", str(folder), str(one_mb)]
            shutil.rmtree(t / "cache", ignore_errors=True)
            cold = median_run(cmd, 1, env=env)
            warm = median_run(cmd, args.runs, env=env)
            base = base or warm[2]
            what = "termdesk annotate (cold cache)"
            print(f"{label:>9} {what:<34} {cold[0]:>7.2f} {cold[2]:>7.2f} {cold[1]:>7.0f} {cold[2] / base:>15.1f}×")
            what = "termdesk annotate"
            print(f"{label:>9} {what:<34} {warm[0]:>7.2f} {warm[2]:>7.2f} {warm[1]:>7.0f} {warm[2] / base:>15.1f}×")
            if grep:
                g = median_run([grep, "-F", "-o", "-f", str(ftxt), str(one_mb)], args.runs)
                what = f"grep -F -o -f forms.txt ({len(forms):,})"
                print(f"{label:>9} {what:<34} {g[0]:>7.3f} {g[2]:>7.3f} {g[1]:>7.0f} {g[2] / base:>15.1f}×")
        print("target: 100,000 ÷ shipped ≤ 3× (both cached; a glossary under 16 KB of CSV is not cached)")
        big = t / "article-big.txt"
        with big.open("w", encoding="utf-8") as fh:  # written in pieces: this process stays small
            for _ in range(args.big_mb):
                fh.write(repeat_to(copy, 1_000_000) + "\n\n")
        print(f"\n{args.big_mb} MB article of real copy, shipped glossary, one run each")
        print(f"{'engine':<34} {'wall s':>7} {'peak RSS MB':>12}")
        for label, cmd in (
            ("termdesk annotate (text)", [PYTHON, "-m", "termdesk", "annotate", str(big)]),
            ("termdesk annotate --format json", [PYTHON, "-m", "termdesk", "annotate", "--format", "json", str(big)]),
        ):
            wall, rss, _cpu = median_run(cmd, 1, env=env)
            print(f"{label:<34} {wall:>7.3f} {rss:>12.0f}")
        if grep:
            wall, rss, _cpu = median_run([grep, "-F", "-o", "-f", str(t / "forms-0.txt"), str(big)], 1)
            print(f"{'grep -F -o -f forms.txt':<34} {wall:>7.3f} {rss:>12.0f}")
        print("target: peak < 400 MB")
        os.sync()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
