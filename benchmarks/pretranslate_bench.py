"""Offline MT throughput: termdesk's argos backend against raw CTranslate2, same model, same beam.

Models (built here, offline, with scripts/build_test_model.py, installed with
termdesk's installer into a temporary packages folder):

* ``argos-sized``: 6+6 layers, d_model 512, 8 heads, FFN 2048, 32k shared
  vocabulary, int8, random weights — costs what a real Argos en→ko model costs;
* ``tiny-copy``: the one-layer copy model the tests use.

Every method decodes exactly 30 target tokens per sentence
(``min_decoding_length = max_decoding_length = 30``) so the comparison is not
skewed by what random weights happen to emit.

Methods (rows):

(a) termdesk pipeline    ``termdesk.pretranslate`` end to end on the sentences as one article
                         (one paragraph each): read, segment, match the shipped glossary,
                         protect terms, translate (b's backend), restore, verify, re-translate
                         around terms where the model lost a placeholder, repair particles,
                         write .ko.txt/.po/.terms.csv. No cache. On the random model most
                         segments with terms lose placeholders (its output is noise), so (a)
                         there includes the fallback's extra MT calls: a worst case.
(b) termdesk batch       ``ArgosBackend.translate_batch(all sentences)`` (tokenize, batch, decode)
(b1) termdesk 1-by-1     ``ArgosBackend.translate_batch([sentence])`` per sentence
(b2) argos-style 1-by-1  one raw CTranslate2 call per sentence with argostranslate 1.11's
                         settings (inter_threads 1, intra_threads 0, batch_type tokens,
                         max_batch_size 32, replace_unknowns, length_penalty 0.2, its
                         ``.replace('_', ' ')`` decoding) — what ``argostranslate.translate``
                         does per paragraph. argostranslate.translate itself cannot run
                         here: it imports stanza, which is not installed (--no-deps).
(c) raw CTranslate2      ``ctranslate2.Translator.translate_batch`` on pre-tokenized input,
                         CTranslate2's default threads, max_batch_size 32 (the peer)
(c2) raw, termdesk threads  the same with termdesk's thread settings and sub-batches, to
                         separate termdesk's Python overhead from its threading choice

One-by-one methods cost the same per sentence however many there are, so they
run on the first ``--serial`` sentences and are scaled to the full count (marked
``*``). Times are medians of ``--runs`` runs; the ratio is against (c).

    .venv/bin/python benchmarks/pretranslate_bench.py            # 1,000 sentences, beams 1 and 4, 3 runs
    .venv/bin/python benchmarks/pretranslate_bench.py --quick    # smoke run, ~15 s

The full run takes about 45 minutes on a 2-core CPU (the one-by-one rows dominate).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUTPUT_TOKENS = 30


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("build_test_model", ROOT / "scripts" / "build_test_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_sentences(n: int) -> list[str]:
    """``n`` distinct English news sentences of the seed articles (debris removed, termdesk's segmenter).

    Distinct because termdesk de-duplicates: repeats get a numbered suffix.
    """
    from termdesk.text import iter_articles, read_article, segment

    base = [
        seg.text
        for path in iter_articles([ROOT / "seeds"])
        for seg in segment(read_article(path))
        if 6 <= len(seg.text.split()) <= 40 and "(Yonhap)" not in seg.text
    ]
    out = []
    for i in range(n):
        s = base[i % len(base)]
        out.append(s if i < len(base) else f"({i // len(base)}) {s}")
    return out


@dataclass
class Setup:
    """One installed model and everything the methods need, built once per model."""

    label: str
    package: Any
    sentences: list[str]
    pieces: list[list[str]]
    backend: Any = None
    raw: Any = None
    argos_like: Any = None

    def termdesk_backend(self, beam: int) -> Any:
        from termdesk.mt.argos import ArgosBackend
        from termdesk.mt.base import DecodingOptions

        if self.backend is None:
            self.backend = ArgosBackend(
                self.package,
                device="cpu",
                decoding=DecodingOptions(min_decoding_length=OUTPUT_TOKENS, max_decoding_length=OUTPUT_TOKENS),
            )
        return self.backend

    def raw_translator(self) -> Any:
        import ctranslate2

        if self.raw is None:
            self.raw = ctranslate2.Translator(str(self.package.model_dir), device="cpu")  # CTranslate2 defaults
        return self.raw

    def argos_translator(self) -> Any:
        import ctranslate2

        if self.argos_like is None:
            self.argos_like = ctranslate2.Translator(
                str(self.package.model_dir), device="cpu", inter_threads=1, intra_threads=0, compute_type="auto"
            )
        return self.argos_like


FORCED = dict(min_decoding_length=OUTPUT_TOKENS, max_decoding_length=OUTPUT_TOKENS)


def run_termdesk_batch(s: Setup, n: int, beam: int) -> int:
    return len(s.termdesk_backend(beam).translate_batch(s.sentences[:n], beam_size=beam))


def run_termdesk_serial(s: Setup, n: int, beam: int) -> int:
    backend = s.termdesk_backend(beam)
    return sum(len(backend.translate_batch([x], beam_size=beam)) for x in s.sentences[:n])


def run_argos_style_serial(s: Setup, n: int, beam: int) -> int:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(s.package.sentencepiece_model))
    t = s.argos_translator()
    done = 0
    for text in s.sentences[:n]:
        tokens = [sp.encode(text, out_type=str)]
        res = t.translate_batch(
            tokens,
            replace_unknowns=True,
            max_batch_size=32,
            batch_type="tokens",
            beam_size=beam,
            num_hypotheses=1,
            length_penalty=0.2,
            return_scores=True,
            **FORCED,
        )
        value = sp.decode_pieces(res[0].hypotheses[0]).replace("▁", " ").replace("_", " ")
        done += 1 if value is not None else 0
    return done


def run_raw_batch(s: Setup, n: int, beam: int) -> int:
    res = s.raw_translator().translate_batch(s.pieces[:n], beam_size=beam, max_batch_size=32, **FORCED)
    return len(res)


def run_raw_termdesk_threads(s: Setup, n: int, beam: int) -> int:
    import math

    backend = s.termdesk_backend(beam)  # reuse its translator: same threads, same sub-batch rule
    size = max(1, min(backend.decoding.max_batch_size, math.ceil(n / backend.inter_threads)))
    res = backend._translator.translate_batch(s.pieces[:n], beam_size=beam, max_batch_size=size, **FORCED)
    return len(res)


_GLOSSARY: Any = None
#: (model label, beam) -> segments the pipeline sent to the model in its last run
PIPELINE_MT_SEGMENTS: dict[tuple[str, int], int] = {}


class _CountingBackend:
    """Passes everything to the real backend; counts the segments sent to translate_batch."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.segments = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def translate_batch(self, texts: Sequence[str], **kw: Any) -> Any:
        self.segments += len(texts)
        return self.inner.translate_batch(texts, **kw)


def run_pipeline(s: Setup, n: int, beam: int) -> int:
    """(a): the whole pre-translation pipeline; returns the number of segments written."""
    from termdesk.glossary import load_glossary
    from termdesk.pretranslate import pretranslate

    global _GLOSSARY
    if _GLOSSARY is None:
        _GLOSSARY = load_glossary(ROOT / "glossary")
    backend = s.termdesk_backend(beam)
    backend.decoding = dataclasses.replace(backend.decoding, beam_size=beam)
    counting = _CountingBackend(backend)
    with tempfile.TemporaryDirectory(prefix="termdesk-pipeline-") as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text("\n\n".join(s.sentences[:n]) + "\n", encoding="utf-8")
        result = pretranslate(
            [article], out_dir=Path(tmp) / "out", glossary=_GLOSSARY, backend=counting, use_cache=False
        )
    PIPELINE_MT_SEGMENTS[(s.label, beam)] = counting.segments
    return sum(len(a.segments) for a in result.articles)


#: (a) The pre-translation pipeline: callable(setup, n, beam) -> number of segments translated.
PIPELINE: Callable[[Setup, int, int], int] | None = run_pipeline


@dataclass(frozen=True)
class Method:
    key: str
    label: str
    run: Callable[[Setup, int, int], int] | None
    serial: bool = False


METHODS = [
    Method("a", "termdesk pipeline", PIPELINE),
    Method("b", "termdesk batch", run_termdesk_batch),
    Method("b1", "termdesk 1-by-1", run_termdesk_serial, serial=True),
    Method("b2", "argos-style 1-by-1", run_argos_style_serial, serial=True),
    Method("c", "raw CTranslate2 batch", run_raw_batch),
    Method("c2", "raw, termdesk threads", run_raw_termdesk_threads),
]


def measure(setup: Setup, method: Method, n: int, beam: int, runs: int) -> float:
    """Median seconds for ``n`` sentences."""
    assert method.run is not None
    method.run(setup, min(4, n), beam)  # load/warm up outside the timing
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = method.run(setup, n, beam)
        times.append(time.perf_counter() - t0)
        assert done == n, (method.key, done, n)
    return statistics.median(times)


def prepare(label: str, archive: Path, packages: Path, sentences: list[str]) -> Setup:
    import sentencepiece as spm

    from termdesk.mt.packages import install_package

    t0 = time.perf_counter()
    package = install_package(archive, packages_dir=packages).package
    print(
        f"# {label}: installed {package.name} in {time.perf_counter() - t0:.1f} s (checks + extraction + "
        "CTranslate2 load)"
    )
    sp = spm.SentencePieceProcessor(model_file=str(package.sentencepiece_model))
    pieces = [sp.encode(x, out_type=str) for x in sentences]
    avg = sum(map(len, pieces)) / len(pieces)
    print(
        f"# {label}: {len(sentences)} sentences, {avg:.1f} source tokens on average, {OUTPUT_TOKENS} target tokens each"
    )
    return Setup(label, package, sentences, pieces)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--serial", type=int, default=100, help="sentences for the one-by-one methods (scaled up)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--beams", default="1,4")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 48 sentences, 1 run, tiny model + a 2-layer model"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sentences, args.serial, args.runs = 48, 8, 1
    beams = [int(b) for b in args.beams.split(",")]
    builder = _builder()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"# machine: {cores} CPU core(s); methods in the module docstring; * = one-by-one, scaled from --serial")
    print(
        "# (b2) approximates argostranslate.translate, which cannot run here: it imports stanza "
        "(argostranslate is installed --no-deps)"
    )
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="termdesk-bench-") as tmp:
        work = Path(tmp)
        # argostranslate creates folders under $XDG_*/ when first imported: keep them in tmp.
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(work / var.lower())
        sentences = make_sentences(args.sentences)
        t0 = time.perf_counter()
        big = builder.build_random_model(
            work / "big.argosmodel", **({"layers": 2, "vocab_size": 8000} if args.quick else {})
        )
        big_label = "2+2-layer (quick)" if args.quick else "argos-sized"
        print(
            f"# built {big_label} random model in {time.perf_counter() - t0:.1f} s ({big.stat().st_size / 1e6:.0f} MB)"
        )
        tiny = builder.build_test_model(work / "tiny.argosmodel")
        setups = [
            prepare(big_label, big, work / "pk-big", sentences),
            prepare("tiny-copy", tiny, work / "pk-tiny", sentences),
        ]
        if setups[0].termdesk_backend(1) is not None:
            b = setups[0].backend
            print(f"# termdesk backend: {b.describe()}, sub-batches of ≤{b.decoding.max_batch_size}")
        for setup in setups:
            for beam in beams:
                base = None
                results: list[tuple[Method, float | None]] = []
                for method in METHODS:
                    if method.run is None:
                        results.append((method, None))
                        continue
                    n = min(args.serial, args.sentences) if method.serial else args.sentences
                    seconds = measure(setup, method, n, beam, args.runs) * args.sentences / n
                    results.append((method, seconds))
                    if method.key == "c":
                        base = seconds
                for method, seconds in results:
                    if seconds is None:
                        rows.append((setup.label, str(beam), f"({method.key}) {method.label}", "not built yet", "", ""))
                        continue
                    ratio = f"{seconds / base:.2f}×" if base else ""
                    mark = "*" if method.serial else ""
                    rows.append(
                        (
                            setup.label,
                            str(beam),
                            f"({method.key}) {method.label}",
                            f"{seconds:.2f}{mark}",
                            f"{args.sentences / seconds:.1f}",
                            ratio,
                        )
                    )
                print(f"# done: {setup.label} beam {beam}", flush=True)
                if (setup.label, beam) in PIPELINE_MT_SEGMENTS:
                    print(
                        f"#   (a) sent {PIPELINE_MT_SEGMENTS[setup.label, beam]} segments to the model for "
                        f"{args.sentences} "
                        "sentences (the excess: fallback re-translations where the model lost a placeholder)",
                        flush=True,
                    )
    header = ("model", "beam", "method", f"s / {args.sentences} sent.", "sent./s", "vs (c)")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=False)))

    print()
    print(f"median of {args.runs} run(s); {OUTPUT_TOKENS} output tokens per sentence; lower time is better")
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
