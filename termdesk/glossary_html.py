"""The glossary as one self-contained HTML page (``termdesk glossary html``).

Data and script are inline (no network, no external file). Entries are kept as a
JSON array of compact rows; the script filters them on each keystroke against a
pre-built, case- and spacing-free search key and renders only the first
:data:`PAGE` matches, adding more as the reader scrolls, so a 100,000-entry
glossary stays responsive. Every text is inserted with ``textContent`` (never as
HTML), and the JSON is escaped so that no ``</script>`` can end the data block.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable

from .glossary import Entry, EntryType, Status
from .glossary_search import entry_forms, squeeze

#: Rows rendered at a time (more are added when the reader scrolls to the end).
PAGE = 200

#: Column order of a row in the page's data array.
ROW_FIELDS: tuple[str, ...] = (
    "id",
    "en",
    "ko",
    "type",
    "status",
    "en_variants",
    "ko_variants",
    "ko_avoid",
    "ko_short",
    "ko_first",
    "valid_from",
    "valid_to",
    "note",
    "source",
    "key",
)


def _row(e: Entry) -> list[object]:
    key = "\x01".join(squeeze(f) for _, f in entry_forms(e))
    return [
        e.id,
        e.en,
        e.ko,
        e.type,
        e.status,
        list(e.en_variants),
        list(e.ko_variants),
        list(e.ko_avoid),
        e.ko_short,
        e.ko_first,
        e.valid_from,
        e.valid_to,
        e.note,
        e.source,
        key,
    ]


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_glossary_html(entries: Iterable[Entry], *, title: str = "termdesk glossary") -> str:
    """The page for ``entries`` (any order; shown sorted by English)."""
    ordered = sorted(entries, key=lambda e: (e.en.casefold(), e.en))
    rows = [_row(e) for e in ordered]
    types = sorted({e.type for e in ordered} | {t.value for t in EntryType})
    statuses = [s.value for s in Status]
    options_type = "".join(f'<option value="{html.escape(t)}">{html.escape(t)}</option>' for t in types)
    options_status = "".join(f'<option value="{html.escape(s)}">{html.escape(s)}</option>' for s in statuses)
    return (
        _TEMPLATE.replace("%TITLE%", html.escape(title))
        .replace("%TYPES%", options_type)
        .replace("%STATUSES%", options_status)
        .replace("%PAGE%", str(PAGE))
        .replace("%FIELDS%", _script_json(ROW_FIELDS))
        .replace("%DATA%", _script_json(rows))
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif;
  margin: 0; color: #222; }
header { position: sticky; top: 0; background: #f6f7f9; border-bottom: 1px solid #ddd; padding: .6em 1em;
  display: flex; gap: .6em; flex-wrap: wrap; align-items: center; }
header h1 { font-size: 1.05em; margin: 0 1em 0 0; }
#q { flex: 1 1 18em; font-size: 1em; padding: .35em .5em; }
#count { color: #555; }
main { padding: 0 1em 2em; }
.entry { border-bottom: 1px solid #eee; padding: .55em 0; }
.head { font-size: 1.05em; }
.ko { font-weight: 600; margin-left: .4em; }
.tag { font-size: .78em; border-radius: 3px; padding: 0 .35em; margin-left: .4em; background: #e8eef7; color: #234; }
.tag.status-proposed { background: #fff4d6; } .tag.status-deprecated { background: #f6dede; }
.line { font-size: .9em; color: #444; margin-left: 1em; }
.line b { color: #666; font-weight: 500; }
.avoid { color: #a11; text-decoration: line-through; }
#more { margin: 1em 0; }
</style>
</head>
<body>
<header>
<h1>%TITLE%</h1>
<input id="q" type="search" placeholder="Search English or Korean (any form)…" autocomplete="off" autofocus>
<select id="type" aria-label="type"><option value="">all types</option>%TYPES%</select>
<select id="status" aria-label="status"><option value="">all statuses</option>%STATUSES%</select>
<span id="count"></span>
</header>
<main>
<div id="rows"></div>
<button id="more" hidden>show more</button>
</main>
<script id="glossary-data" type="application/json">%DATA%</script>
<script>
"use strict";
(function () {
  const FIELDS = %FIELDS%;
  const PAGE = %PAGE%;
  const F = {}; FIELDS.forEach((f, i) => { F[f] = i; });
  const DATA = JSON.parse(document.getElementById("glossary-data").textContent);
  const q = document.getElementById("q"), type = document.getElementById("type");
  const status = document.getElementById("status");
  const rows = document.getElementById("rows"), count = document.getElementById("count");
  const more = document.getElementById("more");
  let matches = [], shown = 0, timer = null;

  function squeeze(s) {
    return s.normalize("NFKC").toLowerCase().replace(/['’‘.·\\/]/g, "").replace(/[\\-‐‑‒–—\\s]+/g, "");
  }
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function line(parent, label, value, cls) {
    if (!value || (Array.isArray(value) && !value.length)) return;
    const d = el("div", "line");
    d.appendChild(el("b", "", label + ": "));
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (i) d.appendChild(document.createTextNode(" | "));
        d.appendChild(el("span", cls || "", v));
      });
    } else {
      d.appendChild(el("span", cls || "", value));
    }
    parent.appendChild(d);
  }
  function render(r) {
    const div = el("div", "entry");
    div.id = r[F.id];
    div.dataset.type = r[F.type];
    div.dataset.status = r[F.status];
    const head = el("div", "head");
    head.appendChild(el("span", "en", r[F.en]));
    head.appendChild(el("span", "ko", r[F.ko]));
    head.appendChild(el("span", "tag", r[F.type]));
    head.appendChild(el("span", "tag status-" + r[F.status], r[F.status]));
    div.appendChild(head);
    line(div, "English variants", r[F.en_variants]);
    line(div, "Korean variants", r[F.ko_variants]);
    line(div, "avoid", r[F.ko_avoid], "avoid");
    line(div, "short title", r[F.ko_short]);
    line(div, "first mention", r[F.ko_first]);
    if (r[F.valid_from] || r[F.valid_to]) line(div, "valid", (r[F.valid_from] || "…") + " – " + (r[F.valid_to] || "…"));
    line(div, "note", r[F.note]);
    const src = r[F.source];
    if (src) {
      const d = el("div", "line");
      d.appendChild(el("b", "", "source: "));
      if (/^https?:\\/\\//.test(src)) {
        const a = el("a", "", src);
        a.href = src; a.rel = "noopener noreferrer"; a.target = "_blank";
        d.appendChild(a);
      } else {
        d.appendChild(el("span", "", src));
      }
      div.appendChild(d);
    }
    return div;
  }
  function showMore() {
    const frag = document.createDocumentFragment();
    const end = Math.min(matches.length, shown + PAGE);
    for (let i = shown; i < end; i++) frag.appendChild(render(DATA[matches[i]]));
    rows.appendChild(frag);
    shown = end;
    more.hidden = shown >= matches.length;
  }
  function apply() {
    const needle = squeeze(q.value), t = type.value, s = status.value;
    const exact = [], prefix = [], rest = [];
    for (let i = 0; i < DATA.length; i++) {
      const r = DATA[i];
      if ((t && r[F.type] !== t) || (s && r[F.status] !== s)) continue;
      if (!needle) { rest.push(i); continue; }
      const key = r[F.key];
      const at = key.indexOf(needle);
      if (at < 0) continue;
      const before = at === 0 || key.charCodeAt(at - 1) === 1;
      const after = at + needle.length === key.length || key.charCodeAt(at + needle.length) === 1;
      (before && after ? exact : before ? prefix : rest).push(i);
    }
    matches = exact.concat(prefix, rest);
    shown = 0;
    rows.textContent = "";
    count.textContent = matches.length + " of " + DATA.length + " entries";
    count.dataset.n = String(matches.length);
    showMore();
  }
  function later() { clearTimeout(timer); timer = setTimeout(apply, 80); }
  q.addEventListener("input", later);
  type.addEventListener("change", apply);
  status.addEventListener("change", apply);
  more.addEventListener("click", showMore);
  window.addEventListener("scroll", () => {
    if (!more.hidden && window.innerHeight + window.scrollY >= document.body.offsetHeight - 400) showMore();
  });
  window.glossaryApply = apply;
  apply();
})();
</script>
</body>
</html>
"""
