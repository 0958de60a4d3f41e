"""Benchmark `termdesk mine` against YAKE on the same articles: words/second and peak memory.

Corpus: the seed articles and tests/data/articles/ copied many times into a temp
folder (one file per copy), at two sizes, to show that memory stays flat as the
corpus grows. Each measurement runs in a fresh subprocess and reports its own
peak RSS (``resource.getrusage``, self + children, so ``--jobs 2`` workers count).

    .venv/bin/python benchmarks/mine_bench.py            # 1M and 2M words
    .venv/bin/python benchmarks/mine_bench.py --quick    # 100k and 200k words

YAKE (``yake.KeywordExtractor(n=3, top=20)``, one call per article on the same
cleaned text) is slow, so it runs on the first ``--yake-words`` words of each
corpus; the rate is per word either way.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "articles").iterdir())

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, folder, limit, jobs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
files = sorted(str(p) for p in folder.iterdir())
t0 = time.perf_counter()
if mode == "mine":
    from termdesk.mine import mine
    r = mine(files, jobs=jobs)
    words, extra = r.words, len(r.candidates)
else:
    import yake
    from termdesk.text import read_article
    kw = yake.KeywordExtractor(lan="en", n=3, top=20)
    words = extra = 0
    for f in files:
        text = read_article(f).text
        extra += len(kw.extract_keywords(text))
        words += len(text.split())
        if words >= limit:
            break
dt = time.perf_counter() - t0
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"words": words, "seconds": dt, "rss_mb": rss / 1024, "items": extra}))
"""


def build_corpus(folder: Path, words: int) -> int:
    from termdesk.text import read_article

    sizes = [(p, len(read_article(p).text.split())) for p in SOURCES]
    total = i = 0
    while total < words:
        src, n = sizes[i % len(sizes)]
        shutil.copyfile(src, folder / f"{i:06d}_{src.name}")
        total += n
        i += 1
    return i


def measure(mode: str, folder: Path, limit: int, jobs: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder), str(limit), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small corpora (100k and 200k words), one run each")
    ap.add_argument("--runs", type=int, default=None, help="runs per measurement (median reported)")
    ap.add_argument("--yake-words", type=int, default=None, help="words YAKE reads per corpus")
    args = ap.parse_args()
    sizes = (100_000, 200_000) if args.quick else (1_000_000, 2_000_000)
    runs = args.runs or (1 if args.quick else 3)
    yake_words = args.yake_words or (50_000 if args.quick else 200_000)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / f"c{size}"
            folder.mkdir()
            nfiles = build_corpus(folder, size)
            for label, mode, jobs, limit in (
                ("termdesk mine", "mine", 1, 0),
                ("termdesk mine --jobs 2", "mine", 2, 0),
                ("YAKE (per article)", "yake", 1, yake_words),
            ):
                res = [measure(mode, folder, limit, jobs) for _ in range(runs)]
                wps = statistics.median(r["words"] / r["seconds"] for r in res)
                rows.append(
                    (
                        size,
                        nfiles,
                        label,
                        res[0]["words"],
                        statistics.median(r["seconds"] for r in res),
                        wps,
                        max(r["rss_mb"] for r in res),
                    )
                )
    print(
        f"{'corpus':>10} {'files':>6}  {'tool':<24} {'words read':>10} {'seconds':>8} {'words/s':>10} "
        f"{'vs YAKE':>8} {'peak RSS MB':>11}"
    )
    for size in sizes:
        group = [r for r in rows if r[0] == size]
        yake_wps = next(r[5] for r in group if r[2].startswith("YAKE"))
        for _, nfiles, label, words, secs, wps, rss in group:
            print(
                f"{size:>10,} {nfiles:>6}  {label:<24} {words:>10,} {secs:>8.2f} {wps:>10,.0f} "
                f"{wps / yake_wps:>7.1f}x {rss:>11.0f}"
            )
    print(f"(median of {runs} run(s); YAKE reads the first {yake_words:,} words of each corpus)")


if __name__ == "__main__":
    main()
