"""Start-up: a one-line ``termdesk annotate`` against ``python -c pass`` (and ``grep -F``), fresh processes.

Target (issue 21): one-line annotate ≤ 4× ``python -c pass``. Bytecode is compiled first (as an install
does) and ``PYTHONDONTWRITEBYTECODE`` is dropped for the children. Also lists the heaviest modules on
the annotate command's import path (``python -X importtime``) and checks that pandas is not among them.

    .venv/bin/python benchmarks/startup_bench.py [--runs 11]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _run import PYTHON, ROOT, child_env, compile_bytecode, machine, median_run

LINE = "U.S. Secretary of Defense Ashton Carter met South Korean Defense Minister Han Min-koo to discuss THAAD.\n"


def import_profile(path: Path, top: int = 8) -> list[tuple[int, str]]:
    out = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "termdesk", "annotate", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(),
        check=True,
    )
    rows = []
    for line in out.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line[len("import time:") :].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    top_level = [(us, name.strip()) for us, name in rows if not name.startswith("   ")]
    return sorted(top_level, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11)
    args = ap.parse_args(argv)
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(LINE, encoding="utf-8")
        forms = Path(tmp) / "forms.txt"
        forms.write_text("Ashton Carter\nHan Min-koo\nTHAAD\n", encoding="utf-8")
        rows = [
            ("python -c pass (floor)", [PYTHON, "-c", "pass"]),
            ("termdesk annotate, one line, shipped glossary", [PYTHON, "-m", "termdesk", "annotate", str(one)]),
            ("termdesk annotate --format json", [PYTHON, "-m", "termdesk", "annotate", "--format", "json", str(one)]),
            ("python -c 'import pandas' (what the loader used to import)", [PYTHON, "-c", "import pandas"]),
        ]
        if shutil.which("grep"):
            rows.append(("grep -F -f forms.txt (3 forms)", ["grep", "-F", "-f", str(forms), str(one)]))
        print(f"median of {args.runs} fresh processes; {machine()}")
        print(f"{'what':<58} {'wall s':>7} {'CPU s':>7} {'RSS MB':>7} {'÷ pass (wall)':>14} {'÷ pass (CPU)':>13}")
        floor = cpu_floor = None
        for label, cmd in rows:
            wall, rss, cpu = median_run(cmd, args.runs)
            floor, cpu_floor = floor or wall, cpu_floor or cpu
            print(f"{label:<58} {wall:>7.3f} {cpu:>7.3f} {rss:>7.0f} {wall / floor:>13.1f}× {cpu / cpu_floor:>12.1f}×")
        print("target: one-line annotate ≤ 4× python -c pass")
        print("\nheaviest top-level imports of `termdesk annotate` (python -X importtime, cumulative ms):")
        for us, name in import_profile(one):
            print(f"  {us / 1000:>7.1f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
