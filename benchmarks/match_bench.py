"""Term matching throughput: termdesk's Matcher against raw automata, flashtext and a trie regex.

Synthetic, deterministic inputs: 10,000- and 100,000-term glossaries of news-like
multiword terms (60 % concepts/weapons/exercises, 10 % organisations — 3 in 10 with a
3–4 letter acronym —, 10 % people, 10 % titles, 10 % hyphenated designators) and 10 MB
(10^6 characters per MB) of English wire-style
text built from the seed articles' sentences with glossary terms inserted (plurals,
possessives, curly quotes, sentence-initial capitals, title + name).

Engines, same text, same run (each: build once, one warm-up on 0.1 MB, then the median of N searches):

* termdesk ``Matcher.find`` — everything: normalisation, word boundaries, case rules,
  inflections, title+person composition, ``Match`` objects;
* raw pyahocorasick ``iter`` over ``text.lower()`` with the lowercased forms — the floor:
  no boundaries, no inflections, every overlapping hit (``iter_long`` shown too);
* raw ahocorasick_rs (Rust), leftmost-longest over ``text.lower()``;
* flashtext ``extract_keywords(span_info=True)``, case-insensitive;
* a stdlib ``re`` pattern shaped as a trie of the lowercased forms, ``\\b…\\b``;
* ``grep -F -o -i -f forms.txt`` in a fresh process (the physical reference; its build is in its time).

Texts: the synthetic one above and real copy (seeds, tests/data/articles, the dev set's English and the English
side of the shared pairs, read at run time, repeated to size): ``--text real|synthetic|both``. Build memory:
peak RSS growth while building, in a fresh process.

    .venv/bin/python benchmarks/match_bench.py            # full: 10k and 100k terms, 10 MB, 5 runs
    .venv/bin/python benchmarks/match_bench.py --quick    # 1k and 10k terms, 1 MB, 3 runs

Targets (issue): termdesk ≥ 3× flashtext, within 2× of the raw automaton; 100k-term build < 2 s.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from termdesk.glossary import Entry, Glossary  # noqa: E402

NEWS_WORDS = [
    "strategic",
    "tactical",
    "nuclear",
    "ballistic",
    "missile",
    "defense",
    "deterrence",
    "joint",
    "combined",
    "military",
    "security",
    "alliance",
    "command",
    "force",
    "forces",
    "council",
    "group",
    "system",
    "review",
    "dialogue",
    "talks",
    "summit",
    "exercise",
    "drill",
    "launch",
    "launcher",
    "submarine",
    "destroyer",
    "carrier",
    "bomber",
    "fighter",
    "drone",
    "radar",
    "interceptor",
    "battery",
    "artillery",
    "rocket",
    "warhead",
    "satellite",
    "reconnaissance",
    "surveillance",
    "intelligence",
    "cyber",
    "space",
    "naval",
    "air",
    "ground",
    "marine",
    "army",
    "navy",
    "coast",
    "guard",
    "border",
    "peninsula",
    "sanction",
    "denuclearization",
    "provocation",
    "cooperation",
    "consultation",
    "policy",
    "strategy",
    "operation",
    "operations",
    "readiness",
    "posture",
    "capability",
    "capabilities",
    "deployment",
    "rotation",
    "asset",
    "assets",
    "guideline",
    "agreement",
    "treaty",
    "framework",
    "committee",
    "ministry",
    "agency",
    "bureau",
    "office",
    "headquarters",
    "division",
    "brigade",
    "battalion",
    "regiment",
    "fleet",
    "squadron",
    "wing",
    "base",
    "camp",
    "range",
    "zone",
    "line",
    "island",
    "port",
    "test",
    "tests",
    "engine",
    "fuel",
    "solid",
    "liquid",
    "hypersonic",
    "cruise",
    "glide",
    "vehicle",
    "platform",
    "network",
    "shield",
    "umbrella",
    "extended",
    "integrated",
    "regional",
    "theater",
    "tactical",
    "precision",
    "guided",
    "long-range",
    "short-range",
    "mid-range",
    "counter",
    "anti",
    "pre-emptive",
    "preemptive",
    "unmanned",
    "automated",
    "special",
    "reserve",
    "training",
    "planning",
    "logistics",
]

SYLLABLES = [
    "ka",
    "ro",
    "min",
    "tel",
    "var",
    "sun",
    "do",
    "bel",
    "ar",
    "gon",
    "pre",
    "tor",
    "lin",
    "mas",
    "ve",
    "qui",
    "zen",
    "hal",
    "dor",
    "fi",
    "nek",
    "sol",
    "ru",
    "pa",
    "ten",
    "mor",
    "gi",
    "lu",
    "cha",
    "bin",
]
FIRST = [
    "James",
    "Robert",
    "Michael",
    "David",
    "William",
    "Richard",
    "Joseph",
    "Thomas",
    "Mark",
    "Paul",
    "Steven",
    "Kevin",
    "Brian",
    "Lloyd",
    "Ashton",
    "Martin",
    "Jim",
    "Chuck",
    "Leon",
    "Pete",
]
SURNAMES = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
    "Hwang",
    "Ahn",
    "Song",
    "Yoo",
    "Hong",
]
TITLE_HEADS = [
    "Minister",
    "Secretary",
    "Commander",
    "Director",
    "Chief",
    "Chairman",
    "Ambassador",
    "Spokesperson",
    "Adviser",
    "Envoy",
]


def _pseudo(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def make_entries(n: int, seed: int = 11) -> list[Entry]:
    """``n`` distinct news-like entries (deterministic)."""
    rng = random.Random(seed)
    entries: list[Entry] = []
    seen: set[str] = set()
    acronyms: set[str] = set()
    i = 0
    while len(entries) < n:
        i += 1
        kind = i % 10
        variants: tuple[str, ...] = ()
        if kind <= 5:
            words = [rng.choice(NEWS_WORDS) for _ in range(rng.randint(1, 3))]
            words.insert(rng.randrange(len(words) + 1), _pseudo(rng))
            en, typ = " ".join(words), ("concept", "weapon", "exercise")[kind % 3]
        elif kind == 6:
            words = [_pseudo(rng).title(), *(w.title() for w in rng.sample(NEWS_WORDS, rng.randint(1, 3)))]
            en, typ = " ".join(words), "organization"
            acro = "".join(w[0] for w in en.replace("-", " ").split()).upper()
            if rng.random() < 0.3 and len(acro) >= 3 and acro not in acronyms:
                acronyms.add(acro)
                variants = (acro,)
        elif kind == 7:
            en, typ = f"{rng.choice(SURNAMES)} {_pseudo(rng).title()}-{rng.choice(SYLLABLES)}", "person"
            if rng.random() < 0.5:
                en, typ = f"{rng.choice(FIRST)} {_pseudo(rng).title()}", "person"
        elif kind == 8:
            en, typ = f"{_pseudo(rng).title()} {rng.choice(NEWS_WORDS).title()} {rng.choice(TITLE_HEADS)}", "title"
        else:
            en, typ = f"{_pseudo(rng).upper()[:3]}-{rng.randint(1, 99)}{rng.choice(['', 'A', 'B'])}", "weapon"
            variants = (f"{en} {rng.choice(['missile', 'launcher', 'drone'])}",)
        key = en.casefold()
        if key in seen:
            continue
        seen.add(key)
        entries.append(
            Entry(
                en=en,
                ko=f"용어{len(entries)}",
                type=typ,
                en_variants=variants,
                note="",
                source="bench",
                status="approved",
            )
        )
    return entries


def _seed_sentences() -> list[str]:
    text = " ".join(
        (ROOT / "seeds" / name).read_text(encoding="utf-8")
        for name in ("000_3a1915af7316e843.txt", "004_2e85c4d7cdd52abf.txt")
    )
    sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 8]
    return [s.replace("'", "’") for s in sents]


def make_text(entries: list[Entry], size: int, seed: int = 5) -> str:
    """About ``size`` characters of wire-style text with glossary terms inserted (deterministic)."""
    rng = random.Random(seed)
    sentences = _seed_sentences()
    titles = [e for e in entries if e.type == "title"]
    people = [e for e in entries if e.type == "person"]
    others = [e for e in entries if e.type not in ("title", "person")]
    parts: list[str] = []
    total = 0
    count = 0
    while total < size:
        words = rng.choice(sentences).split()
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            if r < 0.15:
                term = f"{rng.choice(titles).en} {rng.choice(people).en}"
            else:
                e = rng.choice(others)
                term = rng.choice(e.en_forms)
                if r < 0.30 and term[-1].isalpha() and e.type != "organization":
                    term += "s"
                elif r < 0.40:
                    term += rng.choice(("’s", "'s"))
            words.insert(rng.randrange(len(words) + 1), term)
        sentence = " ".join(words)
        sentence = sentence[0].upper() + sentence[1:]
        count += 1
        sep = "\n\n" if count % 6 == 0 else " "
        parts.append(sentence + sep)
        total += len(sentence) + len(sep)
    return "".join(parts)[:size]


# --------------------------------------------------------------------------- engines


def _forms(entries: list[Entry]) -> list[str]:
    return sorted({f.lower() for e in entries for f in e.en_forms})


def build_termdesk(entries: list[Entry]) -> Callable[[str], Any]:
    from termdesk.match import Matcher

    return Matcher.from_glossary(Glossary(entries)).find


def build_pyaho(entries: list[Entry]) -> Callable[[str], Any]:
    import ahocorasick

    a = ahocorasick.Automaton()
    for i, f in enumerate(_forms(entries)):
        a.add_word(f, (i, len(f)))
    a.make_automaton()
    return lambda text: list(a.iter(text.lower()))


def build_pyaho_long(entries: list[Entry]) -> Callable[[str], Any]:
    import ahocorasick

    a = ahocorasick.Automaton()
    for i, f in enumerate(_forms(entries)):
        a.add_word(f, (i, len(f)))
    a.make_automaton()
    return lambda text: list(a.iter_long(text.lower()))


def build_rs(entries: list[Entry]) -> Callable[[str], Any]:
    import ahocorasick_rs

    ac = ahocorasick_rs.AhoCorasick(_forms(entries), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return lambda text: ac.find_matches_as_indexes(text.lower())


def build_flashtext(entries: list[Entry]) -> Callable[[str], Any]:
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for e in entries:
        for f in e.en_forms:
            kp.add_keyword(f, e.ko)
    return lambda text: kp.extract_keywords(text, span_info=True)


def _trie_pattern(words: list[str]) -> str:
    """A regex source shaped as a trie (shared prefixes factored out), like the ``trieregex`` package."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, Any]) -> str:
        end = "" in node
        kids = [k for k in node if k]
        if not kids:
            return ""
        singles = [re.escape(k) for k in kids if not [c for c in node[k] if c]]  # leaves
        alts = [re.escape(k) + walk(node[k]) for k in sorted(kids) if [c for c in node[k] if c]]
        if singles:
            alts.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return walk(trie)


def build_regex(entries: list[Entry]) -> Callable[[str], Any]:
    rx = re.compile(r"\b" + _trie_pattern(_forms(entries)) + r"\b")
    return lambda text: [(m.start(), m.end()) for m in rx.finditer(text.lower())]


def build_grep(entries: list[Entry]) -> Callable[[str], Any]:
    """``grep -F -o -i -f forms.txt`` in a fresh process (its build is inside its search time)."""
    import shutil
    import subprocess
    import tempfile

    grep = shutil.which("grep")
    if grep is None:
        raise RuntimeError("no grep")
    folder = Path(tempfile.mkdtemp(prefix="match-bench-"))
    forms = folder / "forms.txt"
    forms.write_text("\n".join(_forms(entries)) + "\n", encoding="utf-8")
    written: dict[int, Path] = {}

    def search(text: str) -> list[bytes]:
        path = written.get(id(text))
        if path is None:
            path = folder / f"text-{len(written)}.txt"
            path.write_text(text, encoding="utf-8")
            written.clear()
            written[id(text)] = path
        out = subprocess.run(
            [grep, "-F", "-o", "-i", "-f", str(forms), str(path)],
            capture_output=True,
            check=False,
            env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},  # byte matching: grep's fast path
        )
        return out.stdout.splitlines()

    return search


ENGINES: list[tuple[str, Callable[[list[Entry]], Callable[[str], Any]]]] = [
    ("termdesk Matcher", build_termdesk),
    ("pyahocorasick iter (raw floor)", build_pyaho),
    ("pyahocorasick iter_long (raw)", build_pyaho_long),
    ("ahocorasick_rs leftmost-longest (raw)", build_rs),
    ("flashtext", build_flashtext),
    ("trie-shaped stdlib re", build_regex),
    ("grep -F -o -i -f forms.txt (fresh process, build included)", build_grep),
]

BUILD_MEMORY = r"""
import sys
sys.path.insert(0, sys.argv[1])
from match_bench import make_entries
from termdesk.glossary import Glossary
entries = make_entries(int(sys.argv[2]))
glossary = Glossary(entries)
def rss(field):
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith(field)) / 1024
before = rss("VmRSS:")
if sys.argv[3] == "termdesk":
    from termdesk.match import Matcher
    m = Matcher.from_glossary(glossary)
else:
    import ahocorasick
    a = ahocorasick.Automaton()
    for i, f in enumerate(sorted({f.lower() for e in entries for f in e.en_forms})):
        a.add_word(f, i)
    a.make_automaton()
print(rss("VmHWM:") - before)
"""


def build_memory(n: int, engine: str) -> float:
    """Peak RSS growth (MB) while building, in a fresh process (the entries already in memory)."""
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", BUILD_MEMORY, str(Path(__file__).resolve().parent), str(n), engine],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(out.stdout.strip())


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1k and 10k terms, 1 MB, 3 runs")
    ap.add_argument("--terms", default=None, help="comma-separated glossary sizes (default 10000,100000)")
    ap.add_argument("--mb", type=float, default=None, help="text size in MB (10^6 characters; default 10)")
    ap.add_argument("--runs", type=int, default=None, help="searches per engine (median; default 5)")
    ap.add_argument("--skip", default="", help="comma-separated engine name prefixes to skip")
    ap.add_argument(
        "--text", choices=["real", "synthetic", "both"], default="both", help="real copy, synthetic or both"
    )
    args = ap.parse_args(argv)
    sizes = [int(x) for x in (args.terms or ("1000,10000" if args.quick else "10000,100000")).split(",")]
    mb = args.mb if args.mb is not None else (1.0 if args.quick else 10.0)
    runs = args.runs or (3 if args.quick else 5)
    skip = [s.strip() for s in args.skip.split(",") if s.strip()]

    all_entries = make_entries(max(sizes))
    texts = {}
    if args.text in ("synthetic", "both"):
        texts["synthetic"] = make_text(all_entries[: min(sizes)], int(mb * 1_000_000))
    if args.text in ("real", "both"):
        from _run import real_copy, repeat_to

        texts["real copy"] = repeat_to(real_copy(), int(mb * 1_000_000))
    for label, text in texts.items():
        if label == "real copy":  # the shipped glossary's terms occur in real copy; synthetic ones pad it to size
            from termdesk.glossary import load_glossary

            shipped = [e for e in load_glossary(ROOT / "glossary") if e.status == "approved"]
            known = {f.casefold() for e in shipped for f in e.en_forms}
            pad = [e for e in all_entries if not any(f.casefold() in known for f in e.en_forms)]
            run_sizes(label, text, sizes, [*shipped, *pad], runs, skip)
        else:
            run_sizes(label, text, sizes, all_entries, runs, skip)
    for n in sizes:
        print(
            f"build memory, {n:,} terms (peak RSS growth, fresh process): "
            f"termdesk {build_memory(n, 'termdesk'):.0f} MB, raw pyahocorasick {build_memory(n, 'raw'):.0f} MB"
        )
    print(
        "\n× flashtext: how many times faster than flashtext; × raw floor: search time / raw pyahocorasick "
        "iter time (lower is better)."
    )
    return 0


def run_sizes(label: str, text: str, sizes: list[int], all_entries: list[Entry], runs: int, skip: list[str]) -> None:
    chars = len(text) / 1e6
    print(
        f"\n{label}: {len(text):,} characters ({len(text.encode('utf-8')) / 1e6:.1f} MB UTF-8), "
        f"{text.count(chr(10) * 2) + 1:,} paragraphs; runs: {runs}; python {sys.version.split()[0]}\n"
    )
    print("| text | terms | engine | build s | search s (median) | MB/s | × flashtext | × raw floor | hits |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        entries = all_entries[:n]
        results: dict[str, tuple[float, float, int]] = {}
        for name, build in ENGINES:
            if any(name.startswith(s) for s in skip):
                continue
            build_s, search = timed(lambda build=build, entries=entries: build(entries))
            search(text[:100_000])  # warm-up (lazy imports, caches)
            times = []
            hits = 0
            for _ in range(runs):
                t, out = timed(lambda search=search: search(text))
                times.append(t)
                hits = len(out)
                del out
            results[name] = (build_s, statistics.median(times), hits)
            sys.stderr.write(f"  {n} {name}: build {build_s:.2f}s, search {statistics.median(times):.3f}s\n")
        flash = results.get("flashtext", (0, 0, 0))[1]
        floor = results.get("pyahocorasick iter (raw floor)", (0, 0, 0))[1]
        for name, (build_s, med, hits) in results.items():
            vs_flash = f"{flash / med:.1f}×" if flash else "–"
            vs_floor = f"{med / floor:.2f}" if floor else "–"
            print(
                f"| {label} | {n:,} | {name} | {build_s:.2f} | {med:.3f} | {chars / med:.1f} | {vs_flash} "
                f"| {vs_floor} | {hits:,} |"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
