"""``termdesk mine`` and cleaning whatever the layout: linear in text size, memory flat; YAKE beside it.

Target (issue 21): mining one paragraph of 8,000 lines ≤ 12× one of 1,000 lines (linear, not quadratic);
also one paragraph of 36,000 lines, one 5 MB line and 10,000 one-line files, each with its peak RSS.
Real copy (seeds, tests/data/articles, the dev set's English, the English side of the shared pairs, read at
run time) hard-wrapped at 72 columns. Peer: YAKE (n=3, top 20) on the same text, one call per file
(``--yake-words`` caps what YAKE reads; its rate is per word). Fresh process per run, medians.

    .venv/bin/python benchmarks/mine_layout_bench.py [--runs 3] [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _run import PYTHON, compile_bytecode, machine, median_run, real_copy, repeat_to

YAKE = r"""
import sys, time
from pathlib import Path
import yake
from termdesk.text import read_article
limit = int(sys.argv[2])
kw = yake.KeywordExtractor(lan="en", n=3, top=20)
words = 0
for f in sorted(Path(sys.argv[1]).iterdir()) if Path(sys.argv[1]).is_dir() else [Path(sys.argv[1])]:
    text = read_article(f).text
    if words + len(text.split()) > limit:
        text = " ".join(text.split()[: limit - words])
    kw.extract_keywords(text)
    words += len(text.split())
    if words >= limit:
        break
print(words)
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="smaller layouts (up to 4,000 lines, 1 MB, 1,000 files)")
    ap.add_argument("--yake-words", type=int, default=20_000)
    args = ap.parse_args(argv)
    compile_bytecode()
    flat = " ".join(real_copy().split())
    lines = textwrap.wrap(repeat_to(flat, 4_000_000 if not args.quick else 500_000), 72)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        layouts: list[tuple[str, Path, int]] = []
        for n in (1000, 2000, 4000) if args.quick else (1000, 2000, 4000, 8000, 36000):
            p = t / f"paragraph-{n}.txt"
            p.write_text("\n".join(lines[:n]) + "\n", encoding="utf-8")
            layouts.append((f"one paragraph of {n:,} lines", p, n))
        mb = 1 if args.quick else 5
        one_line = t / "one-line.txt"
        one_line.write_text(repeat_to(flat, mb * 1_000_000).replace("\n", " ") + "\n", encoding="utf-8")
        layouts.append((f"one {mb} MB line", one_line, 0))
        files = t / "files"
        files.mkdir()
        count = 1000 if args.quick else 10_000
        for i in range(count):
            (files / f"{i:05d}.txt").write_text(lines[i % len(lines)] + "\n", encoding="utf-8")
        layouts.append((f"{count:,} one-line files", files, 0))
        print(f"medians of {args.runs} fresh runs; {machine()}")
        print(f"{'layout':<32} {'tool':<16} {'words':>9} {'s':>7} {'CPU s':>7} {'words/s':>9} {'RSS MB':>7}")
        per_line: dict[int, float] = {}
        for label, path, n in layouts:
            words = len(path.read_text(encoding="utf-8").split()) if path.is_file() else count * 11
            out = t / "terms.csv"
            wall, rss, cpu = median_run(
                [PYTHON, "-m", "termdesk", "mine", str(path), "-o", str(out), "--force", "--top", "0"],
                1 if n > 8000 or "MB" in label or "files" in label else args.runs,
            )
            if n:
                per_line[n] = cpu
            tool = "termdesk mine"
            print(f"{label:<32} {tool:<16} {words:>9,} {wall:>7.2f} {cpu:>7.2f} {words / cpu:>9,.0f} {rss:>7.0f}")
            if n in (1000, 8000, 4000 if args.quick else -1) or "files" in label:
                yw, yr, yc = median_run([PYTHON, "-c", YAKE, str(path), str(args.yake_words)], 1)
                yk = min(words, args.yake_words)
                tool = f"YAKE (≤{args.yake_words:,} w)"
                print(f"{'':<32} {tool:<16} {yk:>9,} {yw:>7.2f} {yc:>7.2f} {yk / yc:>9,.0f} {yr:>7.0f}")
        big = max(k for k in per_line if k <= 8000)
        ratio = per_line[big] / per_line[1000]
        print(f"{big:,} lines ÷ 1,000 lines (CPU): {ratio:.1f}× (linear: {big // 1000}×; target ≤ 12× at 8,000)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
