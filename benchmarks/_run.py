"""Shared helpers for the benchmark scripts: run a command in a fresh process, time it, take its peak RSS."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else "python3"


def child_env() -> dict[str, str]:
    """The environment of a user's shell: bytecode caches on (an installed package has them)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


_TIME = shutil.which("time", path="/usr/bin:/bin")


def run_once(
    cmd: Sequence[str], *, stdout: int | None = subprocess.DEVNULL, env: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MB, CPU seconds) of one run of ``cmd``; raises if it fails.

    CPU time (user + system, the command and its children) is what to compare on a shared
    machine: wall time there also counts the time other jobs held the cores.

    Peak RSS comes from GNU ``time`` when present: the command is then forked from a small
    process, not from this one (Linux keeps a forked child's pre-exec peak in ``ru_maxrss``).
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf, tempfile.TemporaryFile() as sink:
        full = [_TIME, "-f", "%M", "-o", tf.name, *cmd] if _TIME else list(cmd)
        # output goes to a real file: GNU grep stops at the first match when its output is /dev/null
        out = sink if stdout == subprocess.DEVNULL else stdout
        t = time.perf_counter()
        proc = subprocess.Popen(full, stdout=out, stderr=subprocess.PIPE, cwd=ROOT, env=env or child_env())
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if code not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)}: exit {code}: {err[-500:]}")
        kb = tf.read().strip().splitlines()[-1:] if _TIME else []
        rss_kb = float(kb[0]) if kb and kb[0].isdigit() else usage.ru_maxrss
    return wall, rss_kb / 1024, usage.ru_utime + usage.ru_stime


def median_run(cmd: Sequence[str], runs: int, **kw: object) -> tuple[float, float, float]:
    """Medians of ``runs`` fresh runs: (wall seconds, peak RSS MB, CPU seconds)."""
    results = [run_once(cmd, **kw) for _ in range(runs)]  # type: ignore[arg-type]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        statistics.median(r[2] for r in results),
    )


def machine() -> str:
    """The machine, as the tables say it: cores and the load other jobs put on them."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"machine: {os.cpu_count()} cores, shared (load average {load} at start)"


def compile_bytecode() -> None:
    """Write the package's .pyc files once, as an install does (start-up is then measured as a user sees it)."""
    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(ROOT / "termdesk")],
        check=True,
        env=child_env(),
        stdout=subprocess.DEVNULL,
    )


def shared_pairs() -> Path | None:
    """The shared EN–KO news pairs beside the repository (read at run time, never copied into it)."""
    for p in (
        ROOT.parent / "shared" / "data" / "parallel-news-defense.tsv",
        Path("/work/shared/data/parallel-news-defense.tsv"),
    ):
        if p.is_file():
            return p
    return None


def real_copy() -> str:
    """Real English copy: the seeds, tests/data/articles, the dev set's English and the shared pairs' English side."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]
    devset = ROOT / "tests" / "data" / "devset"
    if devset.is_dir():
        parts += [p.read_text(encoding="utf-8") for p in sorted(devset.rglob("*.en.txt"))]
    pairs = shared_pairs()
    if pairs is not None:
        lines = [
            line.split("\t", 1)[0].strip() for line in pairs.read_text(encoding="utf-8").splitlines() if "\t" in line
        ]
        parts += ["\n\n".join(lines[i : i + 6]) for i in range(0, len(lines), 6)]
    return "\n\n".join(p.strip() for p in parts) + "\n"


def repeat_to(text: str, size: int) -> str:
    """``text`` repeated (paragraph-wise) to about ``size`` characters."""
    out, n = [], 0
    while n < size:
        out.append(text)
        n += len(text) + 1
    return "\n".join(out)[:size]
