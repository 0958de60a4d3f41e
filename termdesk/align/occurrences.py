"""Where a candidate occurs in the English sentences of the article pairs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .acronyms import is_acronym
from .bitext import Bitext
from .candidates import Candidate
from .proposal_records import Occurrence


def _term_regex(forms: Iterable[str], *, case_sensitive: bool, plural: bool) -> re.Pattern[str] | None:
    alts = []
    for form in sorted(set(forms), key=len, reverse=True):
        toks = [t for t in re.split(r"[\s\-‐‑–]+", form.strip()) if t]
        if not toks:
            continue
        parts = [re.escape(t).replace(r"\.", r"\.?").replace("'", "['’]").replace("’", "['’]") for t in toks]
        alts.append(r"[\s\-‐‑–]+".join(parts))
    if not alts:
        return None
    suffix = r"(?:(?:e?s)?(?:['’]s?)?)" if plural else r"(?:['’]s)?"
    body = "|".join(alts)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{body}){suffix}(?![A-Za-z0-9])", 0 if case_sensitive else re.IGNORECASE)


def find_occurrences(cand: Candidate, bitexts: Sequence[Bitext]) -> list[Occurrence]:
    """Where the candidate's forms occur in the English sentences of the pairs.

    The canonical form's matches come first; a variant's match is kept only
    where it does not overlap one (``F-5 fighters`` counts as ``F-5`` there).
    """
    person = cand.type in ("person",)
    groups = [[cand.canonical], [f for f in cand.forms[1:]]]
    pats: list[re.Pattern[str]] = []
    for forms in groups:
        acr = [f for f in forms if is_acronym(f)]
        rest = [f for f in forms if not is_acronym(f)]
        for fs, cs in ((rest, person), (acr, True)):
            if fs:
                p = _term_regex(fs, case_sensitive=cs, plural=not person)
                if p is not None:
                    pats.append(p)
    out: list[Occurrence] = []
    for bi, b in enumerate(bitexts):
        for si, s in enumerate(b.en):
            spans: list[tuple[int, int]] = []
            for pat in pats:
                for m in pat.finditer(s):
                    if not any(a < m.end() and m.start() < e for a, e in spans):
                        spans.append((m.start(), m.end()))
            for a, e in sorted(spans):
                out.append(Occurrence(bi, si, a, e))
    return out
