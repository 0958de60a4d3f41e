"""Newsroom Korean on real official copy: how much of what termdesk inserts a careful translator writes.

For each article of the development set (``tests/data/devset/``, see its README), the English
is annotated the way ``termdesk annotate`` and the glossary-backend draft do it — glossary
matches plus the newsroom rules (``termdesk.newsroom``), the article's publication date
standing in for ``--date`` — and every Korean rendering inserted is looked up in the careful
Korean translation of the same article:

* **present**: the rendering occurs in the translation (spaces ignored: 한미 동맹 = 한미동맹);
* **present (accepted form)**: not itself, but a form the glossary accepts for the same entry
  (``ko_variants``: 미 국방장관 for 미국 국방장관) occurs — counted separately, never as present;
* **wrong title**: a rendering carrying a title (a title entry, or a composed name + title) whose
  title is in none of the entry's accepted forms in the translation: the key told the
  translator something false about who the person is.

Usage::

    .venv/bin/python benchmarks/newsroom_eval.py dev        # tuning split
    .venv/bin/python benchmarks/newsroom_eval.py heldout    # final check only
    .venv/bin/python benchmarks/newsroom_eval.py heldout2   # final check only (never tuned on)
    .venv/bin/python benchmarks/newsroom_eval.py dev --show # list every miss
    .venv/bin/python benchmarks/newsroom_eval.py dev --plain  # glossary matches only (no rules)
    .venv/bin/python benchmarks/newsroom_eval.py dev --annotate  # what annotate shows (default: the draft)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.devset import SPLITS, load_devset, split_root  # noqa: E402
from termdesk.glossary import load_glossary  # noqa: E402
from termdesk.match import DatedMatchers, Match, Matcher  # noqa: E402


def _squash(s: str) -> str:
    return "".join(s.split())


def _entries(m: Match) -> list:
    out = [m.entry] if m.entry is not None else []
    for p in m.composed_of:
        out.extend(_entries(p))
    return out


def _accepted(m: Match) -> set[str]:
    """``m.ko`` with a part's Korean replaced by a form the glossary accepts for that entry.

    ``미국 국방장관`` has the accepted form ``미 국방장관``: a rendering containing the first
    (``제임스 매티스 미국 국방장관``, ``미국 국방부 수석대변인``) is accepted as the second.
    """
    alts: set[str] = set()
    for e in _entries(m):
        for v in e.ko_variants:
            if e.ko in m.ko:
                alts.add(m.ko.replace(e.ko, v, 1))
            # a shared ending with a different prefix (미국 … → 미 …) carries over to a modified title
            k = 0
            while k < min(len(e.ko), len(v)) and e.ko[-1 - k] == v[-1 - k]:
                k += 1
            p1, p2 = e.ko[: len(e.ko) - k], v[: len(v) - k]
            if k >= 2 and p1.strip() and p1 in m.ko:
                alts.add(m.ko.replace(p1, p2, 1))
    alts.discard(m.ko)
    return alts


def _title_forms(m: Match) -> list[tuple[str, ...]]:
    """For each title taking part in ``m``: the Korean forms the glossary accepts for it."""
    parts = m.composed_of or (m,)
    out = []
    for p in parts:
        if p.entry is not None and p.entry.type == "title":
            out.append(tuple(p.entry.ko_forms))
    return out


def _draft_matches(path: Path, matchers: DatedMatchers, when: date | None) -> list[Match]:
    """The terms a glossary-backend draft inserts: pretranslate's own segmentation and rendering, the
    publication date given as ``--date`` is (a dateline in the text wins, as in ``termdesk pretranslate``)."""
    from termdesk.pretranslate import DEFAULT_SCHEME, _segment_article

    _, work = _segment_article(path, matchers, DEFAULT_SCHEME, on=when)
    return [m for w in work for _, m in w.protected.tokens]


def evaluate(split: str, *, rules: bool = True, show: bool = False, mode: str = "draft") -> dict[str, int]:
    root = split_root(split)
    from termdesk.newsroom import render_article

    glossary = load_glossary(ROOT / "glossary")
    matcher = Matcher.from_glossary(glossary)
    dated = DatedMatchers(glossary)
    counts: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    by_rule_ok: Counter[str] = Counter()
    for art in load_devset(split, root=root):
        ko = _squash(art.ko)
        when = date.fromisoformat(art.source.date) if art.source and art.source.date else None
        if rules and mode == "draft":
            matches = tuple(_draft_matches(root / split / f"{art.name}.en.txt", dated, when))
        elif rules:
            matches = render_article([art.en], matcher, date=when)[0]
        else:
            matches = tuple(matcher.find(art.en))
        for m in matches:
            rule = getattr(m, "rule", "") or "glossary"
            counts["inserted"] += 1
            by_rule[rule] += 1
            if _squash(m.ko) in ko:
                counts["present"] += 1
                by_rule_ok[rule] += 1
                continue
            if any(_squash(f) in ko for f in _accepted(m)):
                counts["accepted"] += 1
                verdict = "accepted form"
            else:
                verdict = "MISSING"
                # a wrong title: the title's Korean (as rendered, or in a form the glossary accepts) is
                # not in the translation at all — not a matter of form but of which post it is
                titles = _title_forms(m)
                rendered_title = (
                    m.ko[len(m.entry.ko) :].strip() if m.entry is not None and m.entry.type == "person" else m.ko
                )
                shown = {rendered_title} | {
                    a[len(m.entry.ko) :].strip() if m.entry is not None and m.entry.type == "person" else a
                    for a in _accepted(m)
                }
                if titles and rendered_title and not any(_squash(t) in ko for t in shown):
                    counts["wrong_title"] += 1
                    verdict += " + WRONG TITLE"
            if show:
                print(f"  {art.name}: {m.text!r} → {m.ko} [{rule}] {verdict}")
    counts.update({f"rule:{r}": n for r, n in by_rule.items()})
    counts.update({f"rule_ok:{r}": n for r, n in by_rule_ok.items()})
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=(*SPLITS, "extra"))
    ap.add_argument("--show", action="store_true", help="list every rendering not found in the translation")
    ap.add_argument("--plain", action="store_true", help="glossary matches only, without the newsroom rules")
    ap.add_argument(
        "--annotate",
        action="store_true",
        help="what annotate shows (the whole text at once) instead of what the glossary-backend draft inserts",
    )
    args = ap.parse_args(argv)
    mode = "annotate" if args.annotate else "draft"
    c = evaluate(args.split, rules=not args.plain, show=args.show, mode=mode)
    n = c.get("inserted", 0)
    ok = c.get("present", 0)
    acc = c.get("accepted", 0)
    what = "glossary matches only" if args.plain else f"glossary + newsroom rules, {mode}"
    print(f"split: {args.split}  ({what})")
    print(f"renderings inserted: {n}")
    print(f"present in the careful translation: {ok} ({100 * ok / max(n, 1):.1f}%)")
    print(f"  + present as an accepted glossary form: {acc} ({100 * (ok + acc) / max(n, 1):.1f}% together)")
    print(f"wrong titles: {c.get('wrong_title', 0)}")
    rules = sorted(k[5:] for k in c if k.startswith("rule:"))
    for r in rules:
        print(f"  {r:28} {c.get('rule_ok:' + r, 0):4}/{c['rule:' + r]:<4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
