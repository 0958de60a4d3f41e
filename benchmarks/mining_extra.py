"""Mining quality on extra, unlabelled official copy (issue 19): ``benchmarks/data/mine_extra/``.

Thirteen U.S. government texts of the beat (public domain) that are not in the development set (sources, and
how much of each page is stored, in ``benchmarks/data/mine_extra/SOURCES.tsv``) are mined together, as a
translator mines a week's copy (``termdesk mine benchmarks/data/mine_extra``). The top
30 ``new`` candidates are checked against ``benchmarks/data/mine_extra/judged.tsv`` (``candidate``,
``verdict`` ``ok``/``junk``, ``reason``): a candidate judged ``ok`` is a real term of the beat; anything else
(judged junk, or not judged yet) counts as junk and is listed, so a new kind of junk shows up at once.

Run: ``.venv/bin/python benchmarks/mining_extra.py [--show] [--tail N]`` (``--tail`` also lists the new
candidates after the top 30, for reading the rest of the list).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.mining_eval import norm_en  # noqa: E402
from termdesk.glossary import load_glossary  # noqa: E402
from termdesk.mine import mine  # noqa: E402

EXTRA = ROOT / "benchmarks" / "data" / "mine_extra"
TOP = 30


def load_judged(path: Path = EXTRA / "judged.tsv") -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[norm_en(row["candidate"])] = (row["verdict"], row["reason"])
    return out


def evaluate(*, show: bool = False, tail: int = 0) -> tuple[int, int]:
    """(junk, top): junk among the top ``TOP`` new candidates of the extra material."""
    result = mine(sorted(str(p) for p in EXTRA.glob("*.txt")), glossary=load_glossary(ROOT / "glossary"))
    judged = load_judged()
    new = [c for c in result.candidates if c.status == "new"]
    junk = 0
    for i, c in enumerate(new[: TOP + tail]):
        verdicts = [judged[k] for k in (norm_en(f) for f in c.forms) if k in judged]
        ok = any(v == "ok" for v, _ in verdicts)
        label = "ok" if ok else f"JUNK ({verdicts[0][1] if verdicts else 'unjudged'})"
        if i < TOP and not ok:
            junk += 1
        if show:
            mark = "" if i < TOP else "tail "
            conf = "?" if c.type_confidence == "low" else ""
            print(f"  {mark}{c.score:7.2f}  {c.type + conf:13} {c.canonical!r:60} {label}")
    return junk, min(TOP, len(new))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--tail", type=int, default=0)
    args = ap.parse_args(argv)
    junk, top = evaluate(show=args.show, tail=args.tail)
    print(f"extra material: junk in top {top} new candidates: {junk}/{top} = {junk / top:.0%}" if top else "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
