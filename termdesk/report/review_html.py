"""The review page of a proposals file as one self-contained HTML page (inline CSS and JS, no external assets).

One section per row of the file (:class:`termdesk.align.review_page.ReviewItem`), in file order,
anchored ``#line-N``: the English term, its type (and the type's confidence), status, the
offered Korean with its score, the alternatives with theirs (those of an abstaining row marked
not offered), the warnings ``termdesk glossary add`` would give, the one-line evidence, and the
evidence sentences side by side (English with the term marked, the aligned Korean with the
offered Korean and the alternatives marked). English text carries ``lang="en"``, Korean
``lang="ko"``; every text is escaped (:func:`html.escape`, :func:`termdesk.report.html.highlight`).

Filters (a little inline script; without it everything is shown): type, status, warnings (any,
none, or one rule) and proposal (offered, abstained, none); the header counts the rows shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from pathlib import Path

from ..align.review import REVIEW_RULES
from ..align.review_page import EvidencePair, ReviewItem, ReviewPage
from ..pairing import GENERATOR_MARK
from .html import KOREAN_FONT_STACK, highlight

__all__ = ["PROPOSAL_KINDS", "render_review_html"]

#: The proposal filter's values and labels.
PROPOSAL_KINDS: tuple[tuple[str, str], ...] = (
    ("offered", "offered"),
    ("abstained", "abstained (not offered)"),
    ("none", "no proposal"),
)

_FONT = ",".join(f'"{f}"' if " " in f else f for f in KOREAN_FONT_STACK)

_CSS = (
    """
:root{--err:#b3261e;--warn:#8a5a00;--line:#dadce0;--ok:#e6f4ea;--alt:#fff4d6}
*{box-sizing:border-box}
body{margin:0;color:#202124;background:#fff;font:15px/1.55 %FONT%}
header{position:sticky;top:0;background:#f8f9fa;border-bottom:1px solid var(--line);padding:.6rem 1rem;z-index:2}
h1{font-size:1.2rem;margin:0 0 .3rem}
main{padding:0 1rem 2rem}
#filters{display:flex;flex-wrap:wrap;gap:.3rem .9rem;align-items:center;border:0;padding:0;margin:0}
#filters label{white-space:nowrap}
.summary,.notices{margin:.2rem 0 .4rem}
.notices{color:var(--warn);font-size:.9em}
section.cand{border-bottom:1px solid var(--line);padding:.7rem 0;scroll-margin-top:11rem}
section.cand[hidden]{display:none}
section.cand:target{background:#fffbe6}
h2{font-size:1.05rem;margin:0 0 .3rem;font-weight:600}
h2 a.line{font-weight:400;font-size:.8em;color:#5f6368;margin-right:.4em}
.tag{font-size:.78em;font-weight:400;border-radius:3px;padding:0 .35em;margin-left:.4em;background:#e8eef7;color:#234}
.tag.conf-low{background:var(--alt);color:var(--warn)}
.tag.status-accepted,.tag.status-approved{background:var(--ok);color:#0d652d}
.tag.status-rejected{background:#fce8e6;color:var(--err)}
.offer .ko{font-weight:600;font-size:1.05em}
.score{font-family:ui-monospace,monospace;font-size:.85em;color:#3c4043;margin-left:.3em}
.abstained{color:var(--warn)}
table{border-collapse:collapse;margin:.3rem 0}
th,td{border:1px solid var(--line);padding:.25rem .5rem;vertical-align:top;text-align:left}
table.alts tr.below td{color:#5f6368}
table.sentences{width:100%;table-layout:fixed}
table.sentences th.n,table.sentences td.n{width:8.5rem;font-size:.85em;color:#5f6368}
td.en,td.ko{overflow-wrap:anywhere}
mark.term{background:var(--ok);border-bottom:2px solid #188038;padding:0 1px}
mark.offered{background:var(--ok);border-bottom:2px solid #188038;padding:0 1px}
mark.alt{background:var(--alt);border-bottom:2px dotted var(--warn);padding:0 1px}
ul.warnings{margin:.2rem 0;padding-left:1.2rem}
li.warning{color:var(--warn)}
.code{font-family:ui-monospace,monospace;font-size:.85em;padding:0 .3em;border-radius:3px;background:#f1f3f4}
.evidence,.meta{font-size:.88em;color:#3c4043;margin:.2rem 0}
.none{color:#5f6368}
"""
).replace("%FONT%", _FONT)

_JS = """
(function(){
  var ids = ['f-type', 'f-status', 'f-warning', 'f-proposal'];
  var boxes = ids.map(function(id){ return document.getElementById(id); });
  var rows = Array.prototype.slice.call(document.querySelectorAll('section.cand'));
  function apply(){
    var t = boxes[0].value, s = boxes[1].value, w = boxes[2].value, p = boxes[3].value, n = 0;
    rows.forEach(function(r){
      var codes = (r.getAttribute('data-warnings') || '').split(' ').filter(Boolean);
      var ok = (!t || r.getAttribute('data-type') === t) && (!s || r.getAttribute('data-status') === s)
        && (!p || r.getAttribute('data-proposal') === p)
        && (!w || (w === '*any' ? codes.length > 0 : w === '*none' ? codes.length === 0 : codes.indexOf(w) >= 0));
      r.hidden = !ok;
      if (ok) n++;
    });
    document.getElementById('shown-count').textContent = String(n);
    document.getElementById('nothing-shown').hidden = n > 0;
  }
  boxes.forEach(function(b){ b.addEventListener('change', apply); });
  document.getElementById('show-all').addEventListener('click', function(){
    boxes.forEach(function(b){ b.value = ''; });
    apply();
  });
  window.reviewApply = apply;
  apply();
})();
"""


def _options(counts: Counter[str], labels: Iterable[tuple[str, str]] = ()) -> str:
    named = dict(labels)
    keys = list(named) if named else sorted(counts)
    return "".join(
        f'<option value="{escape(k)}">{escape(named.get(k, k) or "(empty)")} ({counts.get(k, 0)})</option>'
        for k in keys
        if counts.get(k, 0) or named
    )


def _ko_marks(ko: str, item: ReviewItem) -> list[tuple[int, int, str, str]]:
    """Non-overlapping marks of the offered Korean (first) and of the alternatives in a Korean sentence."""
    wanted = [(item.entry.ko, "offered", "offered ko")] if item.entry.ko else []
    wanted += [(a.ko, "alt", f"alternative ({a.score:.2f})") for a in item.alternatives]
    marks: list[tuple[int, int, str, str]] = []
    for text, cls, title in wanted:
        start = ko.find(text) if text else -1
        while start >= 0:
            end = start + len(text)
            if not any(s < end and start < e for s, e, _, _ in marks):
                marks.append((start, end, cls, title))
            start = ko.find(text, end)
    return marks


def _sentence_row(p: EvidencePair, item: ReviewItem) -> str:
    ko = (
        f'<td class="ko" lang="ko">{highlight(p.ko, _ko_marks(p.ko, item))}</td>'
        if p.ko
        else '<td class="ko none">no Korean sentence aligned with it</td>'
    )
    en = highlight(p.en, [(p.start, p.end, "term", "the term")])
    return f'<tr><td class="n">{escape(p.where)}</td><td class="en" lang="en">{en}</td>{ko}</tr>'


def _item(item: ReviewItem, *, read_pairs: bool) -> str:
    e = item.entry
    codes = " ".join(dict.fromkeys(w.code for w in item.warnings))
    anchor = f"line-{item.line}"
    parts = [
        f'<section class="cand" id="{anchor}" data-type="{escape(e.type)}" data-status="{escape(item.status)}" '
        f'data-proposal="{item.proposal}" data-warnings="{escape(codes)}">',
        f'<h2><a class="line" href="#{anchor}">line {item.line}</a><span class="en" lang="en">{escape(e.en)}</span>'
        f'<span class="tag type">{escape(e.type or "no type")}</span>',
    ]
    if item.type_confidence:
        label = "type uncertain" if item.type_confidence == "low" else f"type confidence {item.type_confidence}"
        parts.append(f'<span class="tag conf-{escape(item.type_confidence)}">{escape(label)}</span>')
    parts.append(f'<span class="tag status-{escape(item.status)}">{escape(item.status or "no status")}</span></h2>')
    score = f'<span class="score">{item.score:.2f}</span>' if item.score is not None else ""
    if item.proposal == "offered":
        parts.append(f'<p class="offer">ko: <span class="ko" lang="ko">{escape(e.ko)}</span>{score}</p>')
    elif item.proposal == "abstained":
        parts.append(
            f'<p class="offer abstained">not offered: every proposal scored below the threshold '
            f"(best{score}) — see the alternatives</p>"
        )
    else:
        parts.append('<p class="offer none">no proposal</p>')
    if item.alternatives:
        parts.append(
            '<table class="alts"><thead><tr><th>alternative</th><th>score</th><th>source</th></tr></thead><tbody>'
        )
        for a in item.alternatives:
            below = "" if a.offered else ' class="below"'
            mark = "" if a.offered else " (not offered)"
            parts.append(
                f'<tr{below}><td class="ko" lang="ko">{escape(a.ko)}</td><td class="score">{a.score:.2f}</td>'
                f"<td>{escape(a.source)}{mark}</td></tr>"
            )
        parts.append("</tbody></table>")
    if item.warnings:
        parts.append(
            '<ul class="warnings">'
            + "".join(
                f'<li class="warning" data-code="{escape(w.code)}"><span class="code">{escape(w.code)}</span> '
                f"{escape(w.message)}</li>"
                for w in item.warnings
            )
            + "</ul>"
        )
    if item.evidence:
        parts.append(f'<p class="evidence">evidence: {escape(item.evidence)}</p>')
    if item.sentences:
        more = f" (first {len(item.sentences)} of {item.occurrences})" if item.occurrences > len(item.sentences) else ""
        parts.append(
            f'<table class="sentences"><thead><tr><th class="n">sentence{escape(more)}</th><th>English</th>'
            "<th>Korean</th></tr></thead><tbody>"
            + "".join(_sentence_row(p, item) for p in item.sentences)
            + "</tbody></table>"
        )
    elif read_pairs:
        parts.append('<p class="meta none">The term is in no English sentence of the article pairs read.</p>')
    meta = [
        ("English variants", " | ".join(e.en_variants), "en"),
        ("Korean variants", " | ".join(e.ko_variants), "ko"),
        ("note", e.note, ""),
        ("source", e.source, ""),
    ]
    for label, value, lang in meta:
        if value:
            attr = f' lang="{lang}"' if lang else ""
            parts.append(f'<p class="meta">{label}: <span{attr}>{escape(value)}</span></p>')
    parts.append("</section>")
    return "\n".join(parts)


def render_review_html(page: ReviewPage, *, title: str | None = None) -> str:
    """One self-contained page for the proposals file ``page.proposals``."""
    heading = title or f"Review: {Path(page.proposals).name}"
    items = page.items
    types = Counter(i.entry.type for i in items)
    statuses = Counter(i.status for i in items)
    kinds = Counter(i.proposal for i in items)
    codes = Counter(c for i in items for c in dict.fromkeys(w.code for w in i.warnings))
    flagged = page.flagged
    warning_options = (
        f'<option value="*any">with warnings ({flagged})</option>'
        f'<option value="*none">without warnings ({len(items) - flagged})</option>'
        + _options(codes, [(r.code, r.code) for r in REVIEW_RULES if codes.get(r.code)])
    )
    pairs = ", ".join(Path(ko).name for _, ko in page.pairs) or "none found"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        GENERATOR_MARK,  # never read back as an article (termdesk.pairing)
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header>",
        f"<h1>{escape(heading)}</h1>",
        f'<p class="summary">{len(items)} rows: {kinds.get("offered", 0)} offered, {kinds.get("abstained", 0)} '
        f"abstained, {kinds.get('none', 0)} without a proposal; {flagged} with warnings — showing "
        f'<span id="shown-count">{len(items)}</span>. Evidence sentences from: {escape(pairs)}.</p>',
        '<fieldset id="filters"><legend class="code">Filters</legend>',
        f'<label>type <select id="f-type"><option value="">all</option>{_options(types)}</select></label>',
        f'<label>status <select id="f-status"><option value="">all</option>{_options(statuses)}</select></label>',
        f'<label>warnings <select id="f-warning"><option value="">all</option>{warning_options}</select></label>',
        f'<label>proposal <select id="f-proposal"><option value="">all</option>'
        f"{_options(kinds, PROPOSAL_KINDS)}</select></label>",
        '<button type="button" id="show-all">show all</button></fieldset>',
    ]
    if page.notices:
        parts.append('<ul class="notices">' + "".join(f"<li>{escape(n)}</li>" for n in page.notices) + "</ul>")
    parts.append("</header><main>")
    parts.append('<p id="nothing-shown" class="none" hidden>No row matches the filters.</p>')
    parts.extend(_item(i, read_pairs=bool(page.pairs)) for i in items)
    parts.append(f"</main><script>{_JS}</script></body></html>")
    return "\n".join(parts) + "\n"
