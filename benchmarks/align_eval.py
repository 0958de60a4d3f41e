"""How well `termdesk align` proposes Korean for terms, measured on real news translations.

Data: ``../shared/data/parallel-news-defense.tsv`` (relative to the repository):
320 English–Korean news sentence pairs from the Korean–English news parallel
corpus v1 (Park, Hong & Cha, PACLIC 30, 2016; CC BY-SA 3.0), filtered to
defense and North Korea topics. Not shipped with the package or the tests.

Gold: every glossary entry whose English occurs in an English sentence whose
Korean side contains the entry's ``ko`` or one of its ``ko_variants``. The
entry is hidden from the glossary and the parallel-text proposer must find its
Korean again; a proposal counts if it equals a gold form (spaces ignored).

Settings (one table row each):

* ``gold pairs``: the sentence pairs as given (1-1), each entry hidden in
  turn (leave-one-out), or all gold entries hidden at once (fewer anchors);
* ``DP-aligned``: consecutive pairs joined into pseudo-articles of 8 sentences,
  one Korean sentence in 6 dropped and two neighbouring ones merged now and
  then (a rewrite is not sentence-parallel), then aligned by the DP;
  sentence-alignment accuracy is reported too;
* the peer: plain Dice over the same Korean phrases (no particles stripped
  beyond the phrase list, no anchors, names, transliteration or priors).

Run: ``.venv/bin/python benchmarks/align_eval.py`` (about a minute).
"""

from __future__ import annotations

import itertools
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termdesk.align.bitext import Bead, Bitext  # noqa: E402
from termdesk.align.candidates import Candidate  # noqa: E402
from termdesk.align.propose import Proposer  # noqa: E402
from termdesk.glossary import Entry, load_glossary  # noqa: E402
from termdesk.ko.phrases import phrases  # noqa: E402
from termdesk.match import Matcher  # noqa: E402

#: ``../shared`` next to the main checkout, or two levels up from a helper's worktree (``/work/wt/NAME``).
DATA = next(
    (
        d / "shared" / "data" / "parallel-news-defense.tsv"
        for d in (ROOT.parent, ROOT.parent.parent)
        if (d / "shared" / "data" / "parallel-news-defense.tsv").exists()
    ),
    ROOT.parent / "shared" / "data" / "parallel-news-defense.tsv",
)
ARTICLE = 8
#: (top proposal's score, right) for every evaluated term of every setting: the calibration table's input.
CALIBRATION: list[tuple[float, bool]] = []


def load_pairs() -> list[tuple[str, str]]:
    if not DATA.exists():
        print(
            f"error: {DATA} not found — this benchmark needs the shared parallel news data (../shared/data "
            "relative to the repository)",
            file=sys.stderr,
        )
        raise SystemExit(2)
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            en, ko = line.split("\t", 1)
            out.append((en.strip(), ko.strip()))
    return out


def _norm(s: str) -> str:
    return s.replace(" ", "")


def gold_terms(pairs: list[tuple[str, str]], entries: list[Entry]) -> dict[str, tuple[Entry, set[str]]]:
    """Entry id → (entry, gold Korean forms) for entries attested on both sides of some pair."""
    matcher = Matcher.from_glossary(entries)
    out: dict[str, tuple[Entry, set[str]]] = {}
    for en, ko in pairs:
        for m in matcher.find(en):
            for p in m.composed_of or (m,):
                e = p.entry
                if e is None:
                    continue
                forms = {e.ko, *e.ko_variants}
                if any(f in ko or _norm(f) in _norm(ko) for f in forms):
                    out[e.id] = (e, {_norm(f) for f in forms})
    return out


def sentence_bitexts(pairs: list[tuple[str, str]]) -> list[Bitext]:
    return [
        Bitext(f"pair{i}", f"pair{i}.txt", f"pair{i}.ko.txt", (en,), (ko,), 1, 1, (Bead((0,), (0,), 0.0),))
        for i, (en, ko) in enumerate(pairs)
    ]


def article_bitexts(pairs: list[tuple[str, str]], seed: int = 7) -> tuple[list[Bitext], list[set[tuple[int, int]]]]:
    """Pseudo-articles with a rewritten Korean side, and the true (en, ko) sentence links of each."""
    rng = random.Random(seed)
    out, truth = [], []
    for a in range(0, len(pairs), ARTICLE):
        chunk = pairs[a : a + ARTICLE]
        en = [p[0] for p in chunk]
        ko: list[str] = []
        links: set[tuple[int, int]] = set()
        i = 0
        while i < len(chunk):
            r = rng.random()
            if r < 1 / 6 and len(chunk) > 2:
                i += 1  # this Korean sentence is left out of the rewrite
                continue
            if r > 0.88 and i + 1 < len(chunk):
                links.update({(i, len(ko)), (i + 1, len(ko))})
                ko.append(chunk[i][1] + " " + chunk[i + 1][1])
                i += 2
                continue
            links.add((i, len(ko)))
            ko.append(chunk[i][1])
            i += 1
        out.append(
            Bitext(f"art{a // ARTICLE}", f"art{a}.txt", f"art{a}.ko.txt", tuple(en), tuple(ko), len(en), len(ko))
        )
        truth.append(links)
    return out, truth


def alignment_accuracy(bitexts: list[Bitext], truth: list[set[tuple[int, int]]]) -> float:
    hit = total = 0
    for b, links in zip(bitexts, truth, strict=False):
        got = {(i, j) for bead in b.beads for i in bead.en for j in bead.ko}
        total += len(links)
        hit += len(links & got)
    return hit / total if total else 0.0


def candidate_for(e: Entry) -> Candidate:
    return Candidate(canonical=e.en, variants=e.en_variants, type=e.type)


def score(proposals: list[str], gold: set[str]) -> tuple[bool, bool]:
    ranked = [_norm(p) for p in proposals]
    return (bool(ranked) and ranked[0] in gold, any(p in gold for p in ranked[:3]))


def dice_baseline(proposer: Proposer, cand: Candidate) -> list[str]:
    """The peer: Korean phrases of the aligned sentences ranked by Dice alone (shorter first on ties)."""
    occs = proposer.occurrences(cand)
    df = proposer._ko_df()
    hits: Counter[str] = Counter()
    n = 0
    for o in occs:
        b = proposer.bitexts[o.pair]
        ko = b.ko_for(o.sentence)
        if not ko:
            continue
        n += 1
        seen: set[str] = set()
        for k in ko:
            seen.update(phrases(b.ko[k]).keys())
        hits.update(seen)
    ranked = sorted(hits, key=lambda k: (-2 * hits[k] / (n + df[k]), len(k), k))
    return ranked[:3]


def evaluate(
    label: str,
    glossary: list[Entry],
    bitexts: list[Bitext],
    gold: dict[str, tuple[Entry, set[str]]],
    *,
    loo: bool,
    aligned: bool = False,
) -> list[tuple[str, int, float, float, float]]:
    rows = []
    ids = sorted(gold)
    t0 = time.perf_counter()
    base_p = Proposer(glossary, bitexts, hidden=ids, align=not aligned)
    fixed = base_p.bitexts
    top1 = top3 = b1 = b3 = offered = right = 0
    for eid in ids:
        entry, forms = gold[eid]
        p = Proposer(glossary, fixed, hidden=[eid], align=False) if loo else base_p
        res = p.propose(candidate_for(entry))
        ok1, ok3 = score([x.ko for x in res.proposals], forms)
        top1 += ok1
        top3 += ok3
        if res.row.ko:  # offered as the row's ko (above the abstention threshold)
            offered += 1
            right += _norm(res.row.ko) in forms
        if res.proposals:
            CALIBRATION.append((res.proposals[0].score, ok1))
        bb1, bb3 = score(dice_baseline(p, candidate_for(entry)), forms)
        b1 += bb1
        b3 += bb3
    secs = time.perf_counter() - t0
    n = len(ids)
    rows.append(
        (f"{label}: termdesk align", n, top1 / n, top3 / n, secs, offered / n, right / offered if offered else 0)
    )
    rows.append((f"{label}: Dice only (peer)", n, b1 / n, b3 / n, float("nan"), float("nan"), float("nan")))
    return rows, base_p


def main() -> int:
    pairs = load_pairs()
    glossary = list(load_glossary(ROOT / "glossary").approved())
    gold = gold_terms(pairs, glossary)
    print(f"data: {DATA.name}: {len(pairs)} sentence pairs (Park, Hong & Cha, PACLIC 30, 2016; CC BY-SA 3.0)")
    print(f"gold: {len(gold)} glossary entries attested on both sides ({', '.join(sorted(gold)[:6])}, …)")
    print()
    rows = []
    sent = sentence_bitexts(pairs)
    r, _ = evaluate("gold pairs, leave-one-out", glossary, sent, gold, loo=True, aligned=True)
    rows.extend(r)
    r, _ = evaluate("gold pairs, all gold hidden", glossary, sent, gold, loo=False, aligned=True)
    rows.extend(r)
    arts, _truth = article_bitexts(pairs)
    accs = []
    for seed in (7, 11, 23):
        a2, t2 = article_bitexts(pairs, seed)
        p = Proposer(glossary, a2, hidden=sorted(gold))
        accs.append(alignment_accuracy(p.bitexts, t2))
    r, p = evaluate("DP-aligned rewrites, leave-one-out", glossary, arts, gold, loo=True)
    rows.extend(r)
    width = max(len(x[0]) for x in rows)
    print(
        f"{'setting':<{width}}  {'terms':>5}  {'top-1':>6}  {'top-3':>6}  {'offered':>7}  {'precision':>9}"
        f"  {'seconds':>7}"
    )
    for label, n, t1, t3, secs, cov, prec in rows:
        s = "" if secs != secs else f"{secs:7.1f}"
        c = "" if cov != cov else f"{cov:7.1%}"
        pr = "" if prec != prec else f"{prec:9.1%}"
        print(f"{label:<{width}}  {n:>5}  {t1:>6.1%}  {t3:>6.1%}  {c:>7}  {pr:>9}  {s:>7}")
    print()
    print(
        f"sentence alignment (DP on pseudo-articles, 3 seeds): {statistics.median(accs):.1%} of true links "
        f"recovered (median; {', '.join(f'{a:.1%}' for a in accs)})"
    )
    print()
    print("calibration (top proposal of every setting's terms, by score band):")
    bands = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
    for lo, hi in itertools.pairwise(bands):
        got = [ok for sc, ok in CALIBRATION if lo <= sc < hi or (hi == 1.0 and sc == hi)]
        if got:
            print(f"  [{lo:.1f}, {hi:.1f})  {sum(got):4}/{len(got):<4}  {sum(got) / len(got):6.0%}")
    if "-v" in sys.argv:
        print()
        for eid in sorted(gold):
            entry, forms = gold[eid]
            q = Proposer(glossary, sent, hidden=[eid], align=False)
            res = q.propose(candidate_for(entry))
            ok1, ok3 = score([x.ko for x in res.proposals], forms)
            if not ok1:
                print(f"{'3' if ok3 else 'X'} {entry.en} ({entry.ko}) → {[x.ko for x in res.proposals]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
