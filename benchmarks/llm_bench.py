"""LLM backend throughput against a local fake OpenAI-compatible server with a fixed latency.

Rows: ``pretranslate --backend openai`` end to end on the seed articles (segment,
match, prompt, request, clean, verify, write the three outputs; no cache) at
``--jobs 1, 4, 8, 16``, in segments per second beside the ideal (jobs ÷ latency, in
whole rounds of requests), and the most requests the server saw in flight.

Then termdesk's own overhead per segment, in milliseconds, measured apart from any
server: building the prompt (matched terms, style guide), cleaning the reply and
verifying the terms (particle repair included), on the same segments and the
fake's obedient replies; and the client's local round trip (the ``openai`` client
plus loopback HTTP) against the fake with zero latency.

No real model and no network beyond 127.0.0.1.

    .venv/bin/python benchmarks/llm_bench.py                # latency 300 ms, jobs 1 4 8 16
    .venv/bin/python benchmarks/llm_bench.py --latency 0.1 --jobs 1 8
"""

from __future__ import annotations

import argparse
import math
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fake_openai import FakeOpenAI, fake_translation  # noqa: E402

from termdesk.glossary import load_glossary  # noqa: E402
from termdesk.match import Matcher  # noqa: E402
from termdesk.mt.llm_config import LLMSettings  # noqa: E402
from termdesk.mt.openai_backend import OpenAIBackend  # noqa: E402
from termdesk.mt.prompt import build_messages, clean_reply, instructions_for, load_style  # noqa: E402
from termdesk.mt.verify import requirements_for, verify_terms  # noqa: E402
from termdesk.pretranslate import pretranslate  # noqa: E402
from termdesk.text import iter_articles, read_article, segment  # noqa: E402

GLOSSARY = ROOT / "glossary"
STYLE = GLOSSARY / "STYLE.md"


def _articles(copies: int, folder: Path) -> list[Path]:
    """The seed articles, ``copies`` times under distinct names (the cache is off: each is requested)."""
    out = []
    for k in range(copies):
        for p in iter_articles([ROOT / "seeds"]):
            target = folder / f"{p.stem}-{k}{p.suffix}"
            target.write_bytes(p.read_bytes())
            out.append(target)
    return out


def _segments(paths: list[Path]) -> list[str]:
    return [s.text for p in paths for s in segment(read_article(p))]


def run_pipeline(url: str, jobs: int, paths: list[Path], glossary: object) -> float:
    settings = LLMSettings(base_url=url, model="bench", jobs=jobs, retries=0, timeout=30)
    backend = OpenAIBackend(settings, style=load_style(STYLE))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        pretranslate(paths, out_dir=out, glossary=glossary, backend=backend, use_cache=False)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
    backend.close()
    return elapsed


def overhead(texts: list[str], glossary: object, repeat: int) -> tuple[float, float, float]:
    """ms per segment: prompt building, reply cleaning, verification."""
    matcher = Matcher.from_glossary(glossary)  # type: ignore[arg-type]
    style = load_style(STYLE)
    matches = [matcher.find(t) for t in texts]
    prompts = [build_messages(t, instructions_for(m), style) for t, m in zip(texts, matches, strict=True)]
    replies = [fake_translation(p[1]["content"], "wrong_particle") for p in prompts]
    t_prompt, t_clean, t_verify = [], [], []
    for _ in range(repeat):
        a = time.perf_counter()
        for t, m in zip(texts, matches, strict=True):
            build_messages(t, instructions_for(m), style)
        b = time.perf_counter()
        cleaned = [clean_reply(r, source=t, messages=p) for r, t, p in zip(replies, texts, prompts, strict=True)]
        c = time.perf_counter()
        for r, m in zip(cleaned, matches, strict=True):
            verify_terms(r.text, requirements_for(m))
        d = time.perf_counter()
        t_prompt.append(b - a)
        t_clean.append(c - b)
        t_verify.append(d - c)
    n = len(texts)
    return tuple(1000 * statistics.median(x) / n for x in (t_prompt, t_clean, t_verify))  # type: ignore[return-value]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--latency", type=float, default=0.3, help="seconds the fake server waits per request")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 4, 8, 16])
    ap.add_argument("--repeat", type=int, default=5, help="runs of the overhead measurement")
    ap.add_argument("--copies", type=int, default=4, help="copies of the seed articles to translate")
    args = ap.parse_args()

    glossary = load_glossary(GLOSSARY)
    folder = Path(tempfile.mkdtemp(prefix="termdesk-llm-bench-"))
    paths = _articles(args.copies, folder)
    texts = _segments(paths)
    n = len(texts)
    ms = args.latency * 1000
    print(f"{len(paths)} articles (the seeds ×{args.copies}), {n} segments; fake server latency {ms:.0f} ms\n")
    print(f"{'jobs':>5} {'seconds':>8} {'seg/s':>7} {'ideal':>7} {'of ideal':>9} {'max in flight':>14}")
    base = None
    for jobs in args.jobs:
        with FakeOpenAI("obedient", delay=args.latency).running() as fake:
            elapsed = run_pipeline(fake.url, jobs, paths, glossary)
            in_flight = fake.max_in_flight
            requests = len(fake.requests)
        rate = n / elapsed
        # ideal: every request takes exactly the latency, ``jobs`` at a time, nothing else costs time
        ideal = n / (math.ceil(n / jobs) * args.latency) if args.latency else float("inf")
        base = base or rate
        print(
            f"{jobs:>5} {elapsed:>8.2f} {rate:>7.2f} {ideal:>7.2f} {100 * rate / ideal:>8.0f}% {in_flight:>14}"
            f"   ({requests} requests, {rate / base:.1f}× jobs 1)"
        )
    prompt_ms, clean_ms, verify_ms = overhead(texts, glossary, args.repeat)
    with FakeOpenAI("obedient", delay=0.0).running() as fake:
        elapsed = run_pipeline(fake.url, 1, paths, glossary)
    print(
        f"\ntermdesk overhead per segment: prompt {prompt_ms:.2f} ms + clean {clean_ms:.3f} ms + verify "
        f"{verify_ms:.2f} ms = {prompt_ms + clean_ms + verify_ms:.2f} ms"
    )
    print(
        f"whole pipeline at zero latency, jobs 1 (client + loopback HTTP + fake server + outputs): "
        f"{1000 * elapsed / n:.1f} ms per segment"
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
