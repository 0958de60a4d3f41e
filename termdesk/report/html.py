"""The QA report as one self-contained HTML page (inline CSS and JS, no external assets).

The page sets a Korean font stack (:data:`KOREAN_FONT_STACK`: Noto Sans KR, Apple SD Gothic Neo,
Malgun Gothic, then the generic sans-serif) so Korean never shows as boxes where a Korean font
is installed under any of its usual names.

Source and target side by side, glossary terms highlighted (green: rendered,
red: missing), every finding listed and linked to its segment's anchor
(``#d1-s3``), and filters by rule: a checkbox per rule hides or shows that
rule's findings, and an "only" button shows one rule alone. Works without JS
(everything shown).
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..glossary import Severity
from ..pairing import GENERATOR_MARK
from ..qa.records import BILINGUAL, AnalysedDocument, AnalysedSegment, Finding, QAResult
from .terminal import location, summary_line

#: The fonts the page asks for, in order (Linux names the Noto font "Noto Sans CJK KR").
KOREAN_FONT_STACK: tuple[str, ...] = (
    "Noto Sans KR",
    "Noto Sans CJK KR",
    "Apple SD Gothic Neo",
    "Malgun Gothic",
    "sans-serif",
)

_CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#0b57d0;--ok:#e6f4ea;--miss:#fce8e6;--line:#dadce0}
*{box-sizing:border-box}
body{margin:0;color:#202124;background:#fff;
font:15px/1.55 "Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
header{position:sticky;top:0;background:#f8f9fa;border-bottom:1px solid var(--line);padding:.6rem 1rem;z-index:2}
h1{font-size:1.2rem;margin:0 0 .3rem}
h2{font-size:1.05rem;margin:1.2rem 0 .4rem}
main{padding:0 1rem 2rem}
.summary{margin:.2rem 0 .5rem}
#filters{display:flex;flex-wrap:wrap;gap:.3rem .9rem;align-items:center;border:0;padding:0;margin:0}
#filters label{white-space:nowrap}
#filters button{font:inherit;font-size:.8rem;padding:0 .4rem;margin-left:.2rem}
.findings{padding-left:1.4rem}
.finding{margin:.15rem 0}
.finding[hidden],.finding-inline[hidden],tr.notes[hidden]{display:none}
.rule{font-family:ui-monospace,monospace;font-size:.85em;padding:0 .3em;border-radius:3px;background:#f1f3f4}
.sev-error .rule{color:var(--err)}
.sev-warning .rule{color:var(--warn)}
.sev-info .rule{color:var(--info)}
.sev{font-size:.8em;text-transform:uppercase;letter-spacing:.03em}
.sev-error .sev{color:var(--err)} .sev-warning .sev{color:var(--warn)} .sev-info .sev{color:var(--info)}
table.segments{border-collapse:collapse;width:100%;table-layout:fixed}
table.segments th,table.segments td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;
  text-align:left}
table.segments th.n,table.segments td.n{width:4.5rem}
td.src,td.tgt{white-space:pre-wrap;overflow-wrap:anywhere}
tr.segment{scroll-margin-top:9rem}
tr.segment:target td{background:#fff8c5}
tr.flagged td.n{border-left:4px solid var(--err)}
tr.flagged.only-warn td.n{border-left-color:var(--warn)}
mark.term{background:var(--ok);border-bottom:2px solid #188038;padding:0 1px}
mark.term.missing{background:var(--miss);border-bottom-color:var(--err)}
mark.bad{background:var(--miss);outline:1px solid var(--err)}
tr.notes td{background:#fafafa;border-top:0;font-size:.9em}
tr.notes ul{margin:0;padding-left:1.2rem}
.paths{color:#5f6368;font-size:.85em;margin:0 0 .4rem}
.none{color:#188038}
"""

_JS = """
(function(){
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.rule-filter'));
  function apply(){
    var on = {};
    boxes.forEach(function(b){ on[b.value] = b.checked; });
    var all = document.querySelectorAll('[data-rule]');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.matches('input, button')) continue;
      el.hidden = !on[el.getAttribute('data-rule')];
    }
    Array.prototype.forEach.call(document.querySelectorAll('tr.notes'), function(row){
      row.hidden = row.querySelectorAll('li:not([hidden])').length === 0;
    });
    var shown = document.querySelectorAll('#findings .finding:not([hidden])').length;
    var out = document.getElementById('shown-count');
    if (out) out.textContent = String(shown);
  }
  boxes.forEach(function(b){ b.addEventListener('change', apply); });
  Array.prototype.forEach.call(document.querySelectorAll('button.only'), function(btn){
    btn.addEventListener('click', function(){
      boxes.forEach(function(b){ b.checked = (b.value === btn.getAttribute('data-only')); });
      apply();
    });
  });
  var all = document.getElementById('show-all');
  if (all) all.addEventListener('click', function(){ boxes.forEach(function(b){ b.checked = true; }); apply(); });
  apply();
})();
"""


def _anchor(doc_no: int, seg: int) -> str:
    return f"d{doc_no}" if seg == 0 else f"d{doc_no}-s{seg}"


def highlight(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` with non-overlapping ``<mark>`` spans (start, end, class, title); a span overlapping an
    earlier one is left out (also used by the proposals review page, :mod:`termdesk.report.review_html`)."""
    out: list[str] = []
    pos = 0
    for start, end, cls, title in sorted(marks, key=lambda m: (m[0], -m[1])):
        if start < pos or end <= start or end > len(text):
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{cls}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _source_marks(seg: AnalysedSegment) -> list[tuple[int, int, str, str]]:
    marks = []
    for hit in seg.terms:
        cls = "term" if hit.ok or not hit.approved else "term missing"
        title = f"{hit.type}: {hit.expected}" + ("" if hit.ok else " — not found in the target")
        marks.append((hit.start, hit.end, cls, title))
    return marks


def _target_marks(seg: AnalysedSegment, findings: list[Finding]) -> list[tuple[int, int, str, str]]:
    marks = []
    text = seg.segment.target
    for f in findings:
        if f.rule in ("avoided-rendering", "particle-after-term", "untranslated", "inconsistency") and f.evidence:
            at = text.find(f.evidence)
            if at >= 0:
                marks.append((at, at + len(f.evidence), "bad", f"{f.rule}: {f.message}"))
    for hit in seg.terms:
        for s, e in hit.target_spans:
            marks.append((s, e, "term", f"{hit.en} → {hit.found or hit.expected}"))
    return marks


def _finding_item(f: Finding, doc_no: int, doc: AnalysedDocument, *, inline: bool = False) -> str:
    where = location(doc, f.segment)
    link = (
        f'<a href="#{_anchor(doc_no, f.segment)}">{escape(doc.document.name)} {escape(where)}</a> '
        if not inline
        else ""
    )
    cls = "finding-inline" if inline else "finding"
    return (
        f'<li class="{cls} sev-{f.severity.value}" data-rule="{escape(f.rule)}" data-severity="{f.severity.value}">'
        f'{link}<span class="rule">{escape(f.rule)}</span> <span class="sev">{f.severity.value}</span> '
        f"{escape(f.message)}</li>"
    )


def render_html(result: QAResult, *, title: str = "termdesk QA report") -> str:
    """One self-contained page for the whole run."""
    counts: dict[str, int] = defaultdict(int)
    for f in result.findings:
        counts[f.rule] += 1
    by_doc: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_doc[f.doc].append(f)
    doc_no = {d.document.name: i for i, d in enumerate(result.documents, start=1)}

    parts: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="ko"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        GENERATOR_MARK,  # never read back as an article (termdesk.pairing)
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="summary">{escape(summary_line(result))} — showing <span '
        f'id="shown-count">{len(result.findings)}</span></p>',
        '<fieldset id="filters"><legend class="sev">Rules</legend>',
    ]
    for rule in result.rules:
        n = counts.get(rule, 0)
        parts.append(
            f'<label><input type="checkbox" class="rule-filter" value="{escape(rule)}" checked> '
            f'<span class="rule">{escape(rule)}</span> ({n})</label>'
            f'<button type="button" class="only" data-only="{escape(rule)}" title="show only '
            f'{escape(rule)}">only</button>'
        )
    parts.append('<button type="button" id="show-all">all rules</button></fieldset></header><main>')

    parts.append('<section id="findings"><h2>Findings</h2>')
    if result.findings:
        parts.append('<ol class="findings">')
        docs = {d.document.name: d for d in result.documents}
        for f in result.findings:
            parts.append(_finding_item(f, doc_no.get(f.doc, 0), docs[f.doc]))
        parts.append("</ol>")
    else:
        parts.append('<p class="none">No findings.</p>')
    if result.skipped:
        parts.append("<p>Skipped:</p><ul>" + "".join(f"<li>{escape(s)}</li>" for s in result.skipped) + "</ul>")
    parts.append("</section>")

    for doc in result.documents:
        n = doc_no[doc.document.name]
        findings = by_doc.get(doc.document.name, [])
        by_seg: dict[int, list[Finding]] = defaultdict(list)
        for f in findings:
            by_seg[f.segment].append(f)
        d = doc.document
        paths = d.target_path if d.kind in BILINGUAL else f"{d.source_path} ↔ {d.target_path}"
        parts.append(
            f'<section class="doc" id="{_anchor(n, 0)}"><h2>{escape(d.name)}</h2><p class="paths">{escape(paths)}</p>'
        )
        if by_seg.get(0):
            parts.append(
                '<ul class="doc-findings">'
                + "".join(_finding_item(f, n, doc, inline=True) for f in by_seg[0])
                + "</ul>"
            )
        parts.append(
            '<table class="segments"><thead><tr><th class="n">#</th><th>English</th><th>Korean</th></tr></thead><tbody>'
        )
        for seg in doc.segments:
            s = seg.segment
            seg_findings = by_seg.get(s.index, [])
            anchor = _anchor(n, s.index)
            cls = "segment"
            if seg_findings:
                cls += " flagged"
                if all(f.severity is not Severity.ERROR for f in seg_findings):
                    cls += " only-warn"
            label = (
                location(doc, s.index)
                if d.kind not in BILINGUAL
                else f"#{s.index}" + (f" ¶{s.paragraph}" if s.paragraph else "")
            )
            parts.append(
                f'<tr class="{cls}" id="{anchor}"><td class="n"><a href="#{anchor}">{escape(label)}</a></td>'
                f'<td class="src" lang="en">{highlight(s.source, _source_marks(seg))}</td>'
                f'<td class="tgt" lang="ko">{highlight(s.target, _target_marks(seg, seg_findings))}</td></tr>'
            )
            if seg_findings:
                items = "".join(_finding_item(f, n, doc, inline=True) for f in seg_findings)
                parts.append(f'<tr class="notes"><td></td><td colspan="2"><ul>{items}</ul></td></tr>')
        parts.append("</tbody></table></section>")
    parts.append(f"</main><script>{_JS}</script></body></html>")
    return "\n".join(parts) + "\n"
