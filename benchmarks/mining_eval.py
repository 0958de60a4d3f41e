"""Mining and alignment quality on the official-copy development set (issue 19).

Data: ``tests/data/devset/{dev,heldout,heldout2}/`` — English articles (``NAME.en.txt``) with careful Korean
translations (``NAME.ko.txt``) and labelled term lists (``NAME.terms.tsv``; labels ``new``, ``known``,
``rule``). ``heldout`` and ``heldout2`` are for final checks only: never tune on them.

Figures (one batch = every article of the split, mined together as a translator mines a week's copy):

* **junk share** of the top 30 ``new`` candidates. A candidate is *good* when it is a labelled ``new``
  term of the batch (forms compared case-, hyphen-, ``U.S.``- and plural-blind, a bracketed acronym and
  a leading ``the`` ignored), or when ``benchmarks/mining_judged.tsv`` judges it ``ok`` (a real term of
  the beat the labels happen to leave out; every judgement has a reason) or, failing a row there,
  ``benchmarks/mining_judged_blind.tsv`` does (an independent judge's verdicts for the held-out splits,
  made blind to the mining code and its scores, under the criterion written at the file's top). A
  candidate that is a labelled ``known`` term but is offered as ``new`` is junk (the glossary has it).
  Anything else — a fragment, a bare title word, a generic phrase, an unjudged candidate — counts as junk
  and is listed.
* **recall** of the labelled ``new`` and ``known`` terms: some candidate (any status) has the term as one
  of its forms. Multiword terms are reported on their own.
* **alignment**: every labelled ``new`` term (its Korean occurs in the Korean translation) is proposed
  for from the article pairs of the batch (the mined candidate when mining found it, else the term as a bare
  candidate). *coverage* = share that get a ``ko`` offered; *precision* = share of offered ``ko``
  equal to the labelled Korean (spaces and a bracketed acronym ignored) or judged right in
  ``benchmarks/align_judged.tsv`` (right as a glossary entry though the article adds context; with reasons).

``extra``: ``benchmarks/data/align_extra/`` — more official readouts of the beat (not in the devset) with
Korean versions and labelled terms, in the devset's layout, for tuning alignment beyond ``dev``
(its README says how it was made). Not shipped with the package.

With ``--show`` the alignment part also prints a **calibration** table: the top proposal of every labelled
term by score band, right or wrong (offered or not), to set the offer threshold from.

Run: ``.venv/bin/python benchmarks/mining_eval.py [dev|heldout|heldout2|extra] [--show]`` (``--show`` lists the top 30,
the misses and the wrong proposals).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.devset import SPLITS, Article, Label, load_devset, split_root  # noqa: E402
from termdesk.align.bitext import read_pair  # noqa: E402
from termdesk.align.candidates import Candidate as AlignCandidate  # noqa: E402
from termdesk.align.propose import Proposer  # noqa: E402
from termdesk.glossary import load_glossary  # noqa: E402
from termdesk.mine import Candidate, mine  # noqa: E402
from termdesk.mine.extract import merge_key  # noqa: E402

JUDGED = ROOT / "benchmarks" / "mining_judged.tsv"
JUDGED_BLIND = ROOT / "benchmarks" / "mining_judged_blind.tsv"
ALIGN_JUDGED = ROOT / "benchmarks" / "align_judged.tsv"
TOP = 30


def norm_en(s: str) -> str:
    """Comparison key of an English term: no bracketed part, no leading ``the``, merge key."""
    s = re.sub(r"\s*\([^)]*\)", "", s).strip()
    s = re.sub(r"^(?:the|an?)\s+", "", s, flags=re.I)
    return merge_key(s)


def norm_ko(s: str) -> str:
    return re.sub(r"\([^)]*\)", "", s).replace(" ", "")


def load_judged() -> dict[str, tuple[str, str]]:
    """Candidate key → (verdict, reason) from ``mining_judged.tsv`` and ``mining_judged_blind.tsv``.

    The blind file holds an independent judge's verdicts for the held-out splits (``#`` lines at its top
    state the criterion); a row of ``mining_judged.tsv`` wins on a conflict.
    """
    out: dict[str, tuple[str, str]] = {}
    for path in (JUDGED_BLIND, JUDGED):
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                lines = (line for line in fh if not line.startswith("#"))
                for row in csv.DictReader(lines, delimiter="\t"):
                    out[norm_en(row["candidate"])] = (row["verdict"], row["reason"])
    return out


def load_align_judged() -> dict[tuple[str, str], tuple[str, str]]:
    """(term key, Korean) → (verdict, reason): proposals that differ from the article's Korean but are right
    as a glossary entry (the article adds context: 영국 콘월 for Cornwall)."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    if ALIGN_JUDGED.exists():
        with ALIGN_JUDGED.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[(norm_en(row["en"]), norm_ko(row["ko"]))] = (row["verdict"], row["reason"])
    return out


@dataclass
class Figures:
    split: str
    top: int
    junk: int
    recall_new: tuple[int, int]
    recall_known: tuple[int, int]
    recall_multi: tuple[int, int]
    align_total: int
    align_offered: int
    align_right: int
    calibration: tuple[tuple[float, bool, bool], ...] = ()  # (top proposal's score, right, offered) per term
    recall_offered: tuple[int, int] = (0, 0)  # labelled new and known terms among candidates not held back
    held_back: tuple[int, int] = (0, 0)  # (junk, all) among the held-back candidates
    align_exact: int = 0  # offered proposals equal to the labelled Korean (no judged verdict counted)

    def lines(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.0%}" if b else "n/a"

        rn, rk, rm = self.recall_new, self.recall_known, self.recall_multi
        both = (rn[0] + rk[0], rn[1] + rk[1])
        return [
            f"split {self.split}",
            f"  junk in top {self.top} new candidates: {pct(self.junk, self.top)}",
            f"  recall new {pct(*rn)}  known {pct(*rk)}  all {pct(*both)}  multiword {pct(*rm)}",
            f"  recall all, held-back candidates left out: {pct(*self.recall_offered)};"
            f"  held back: {self.held_back[1]} (junk {self.held_back[0]})",
            f"  alignment coverage {pct(self.align_offered, self.align_total)}"
            f"  precision {pct(self.align_right, self.align_offered)}",
            f"  alignment precision on the labelled Korean alone (no judged verdicts): "
            f"{pct(self.align_exact, self.align_offered)}",
        ]


def _files(split: str) -> list[Path]:
    return sorted((split_root(split) / split).glob("*.en.txt"))


def evaluate(split: str, *, show: bool = False) -> Figures:
    arts: tuple[Article, ...] = load_devset(split, root=split_root(split))
    glossary = load_glossary(ROOT / "glossary")
    result = mine([str(p) for p in _files(split)], glossary=glossary)
    judged = load_judged()
    labels: dict[str, Label] = {}
    for a in arts:
        for t in a.terms:
            if t.label is not Label.RULE:
                labels.setdefault(norm_en(t.en), t.label)
    # ---- junk
    new = [c for c in result.candidates if c.status == "new"][:TOP]
    junk = 0
    if show:
        print(f"top {TOP} new candidates ({split}):")

    def verdict(c: Candidate) -> str:
        keys = {norm_en(f) for f in c.forms}
        if any(labels.get(k) is Label.NEW for k in keys):
            return "new"
        if any(labels.get(k) is Label.KNOWN for k in keys):
            return "JUNK (known, offered as new)"
        if any(judged.get(k, ("", ""))[0] == "ok" for k in keys):
            return "ok (judged)"
        reason = next((judged[k][1] for k in keys if k in judged), "unjudged")
        return f"JUNK ({reason})"

    for c in new:
        v = verdict(c)
        if v.startswith("JUNK"):
            junk += 1
        if show:
            print(f"  {c.score:7.2f}  {c.type:12} {c.canonical!r:55} {v}")
    held = [c for c in result.candidates if c.status == "held-back"]
    held_junk = sum(verdict(c).startswith("JUNK") for c in held)
    # ---- recall
    by_key: dict[str, Candidate] = {}
    for c in result.candidates:
        for f in c.forms:
            by_key.setdefault(norm_en(f), c)
    rn = [0, 0]
    rk = [0, 0]
    rm = [0, 0]
    ro = [0, 0]
    offered_keys = {norm_en(f) for c in result.candidates if c.status != "held-back" for f in c.forms}
    seen: set[str] = set()
    misses: list[str] = []
    for a in arts:
        for t in a.terms:
            if t.label is Label.RULE:
                continue
            k = norm_en(t.en)
            if k in seen:
                continue
            seen.add(k)
            hit = k in by_key
            bucket = rn if t.label is Label.NEW else rk
            bucket[0] += hit
            bucket[1] += 1
            ro[0] += k in offered_keys
            ro[1] += 1
            if len(k.split()) > 1:
                rm[0] += hit
                rm[1] += 1
            if not hit:
                misses.append(f"{t.label.value:5} {t.en!r}")
    if show:
        print(f"missed ({len(misses)}):")
        for m in misses:
            print("  " + m)
    # ---- alignment
    bitexts = [read_pair(p, p.with_name(p.name.replace(".en.txt", ".ko.txt"))) for p in _files(split)]
    proposer = Proposer(glossary, bitexts)
    todo: list[tuple[AlignCandidate, str, str]] = []
    done: set[str] = set()
    for a in arts:
        for t in a.terms:
            if t.label is not Label.NEW:
                continue
            k = norm_en(t.en)
            if k in done:
                continue
            done.add(k)
            mc = by_key.get(k)
            if mc is not None:
                ac = AlignCandidate(
                    canonical=mc.canonical,
                    variants=mc.variants,
                    type=mc.type,
                    status=mc.status,
                    entry_id=mc.entry_id,
                    contexts=mc.contexts,
                )
            else:
                ac = AlignCandidate(canonical=re.sub(r"\s*\([^)]*\)", "", t.en).strip())
            todo.append((ac, t.ko, k))
    results = proposer.propose_all([c for c, _, _ in todo])
    offered = right = exact = 0
    align_judged = load_align_judged()
    wrong: list[str] = []
    calibration: list[tuple[float, bool, bool]] = []

    def judged_ok(key: str, canonical: str, ko: str) -> bool:
        """A judge's verdict on the proposal, for the labelled term or the candidate it was judged as."""
        return any(align_judged.get((k, norm_ko(ko)), ("",))[0] == "ok" for k in (key, norm_en(canonical)))

    for (c, gold, key), r in zip(todo, results, strict=True):
        top = r.proposals[0] if r.proposals else None
        if top is not None and not r.covered:
            ok = norm_ko(top.ko) == norm_ko(gold) or judged_ok(key, c.canonical, top.ko)
            calibration.append((top.score, ok, bool(r.row.ko)))
        ko = r.row.ko
        if not ko:
            continue
        offered += 1
        exact += norm_ko(ko) == norm_ko(gold)
        if norm_ko(ko) == norm_ko(gold) or judged_ok(key, c.canonical, ko):
            right += 1
        else:
            wrong.append(f"{c.canonical!r} → {ko!r} (labelled {gold!r}; score {r.best.score if r.best else '-'})")
    if show:
        print(f"wrong proposals ({len(wrong)}):")
        for w in wrong:
            print("  " + w)
        none = [c.canonical for (c, _, _), r in zip(todo, results, strict=True) if not r.row.ko]
        print(f"no proposal ({len(none)}): {none}")
        print(calibration_table(calibration))
    return Figures(
        split,
        len(new),
        junk,
        tuple(rn),
        tuple(rk),
        tuple(rm),
        len(todo),
        offered,
        right,
        tuple(calibration),  # type: ignore[arg-type]
        tuple(ro),  # type: ignore[arg-type]
        (held_junk, len(held)),
        exact,
    )


BANDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)


def calibration_table(records: list[tuple[float, bool, bool]] | tuple[tuple[float, bool, bool], ...]) -> str:
    """Precision of the top proposal by score band (offered or not): the evidence for the offer threshold."""
    lines = ["calibration (top parallel proposal per labelled term):", "  band        right/all  precision"]
    for lo, hi in itertools.pairwise(BANDS):
        got = [ok for s, ok, _ in records if lo <= s < hi or (hi == BANDS[-1] and s == hi)]
        if got:
            lines.append(f"  [{lo:.1f}, {hi:.1f})  {sum(got):4}/{len(got):<4}  {sum(got) / len(got):6.0%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("split", nargs="?", default="dev", choices=(*SPLITS, "extra"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    figs = evaluate(args.split, show=args.show)
    print("\n".join(figs.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
