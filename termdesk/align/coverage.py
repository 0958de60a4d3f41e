"""Candidates the glossary already covers: exact form, variant, inflected, composed (title + name) or acronym."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..glossary import Entry, Glossary, form_key
from .acronyms import acronyms_of, is_acronym
from .candidates import Candidate
from .evidence import located
from .proposal_records import Coverage, Proposal, Result, Source

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Matcher


class GlossaryCoverage:
    """Tells how the glossary covers a candidate (:meth:`resolve`), by its forms, the matcher and acronyms."""

    def __init__(self, glossary: Glossary, matcher: Matcher, entries: Sequence[Entry]) -> None:
        self.glossary = glossary
        self.matcher = matcher
        #: acronym → the entries whose (non-acronym) English forms have those initials
        self.by_acronym: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            for a in {a for form in e.en_forms if not is_acronym(form) for a in acronyms_of(form)}:
                self.by_acronym[a].append(e)

    def resolve(self, cand: Candidate) -> Coverage | None:
        """How the glossary covers the candidate, or None."""
        g = self.glossary
        if cand.entry_id:
            e = g.get(cand.entry_id)
            if e is not None:
                how = "exact" if form_key(cand.canonical) == e.form_keys[0] else "variant"
                return Coverage(how, e, None, f"glossary {how}: {e.id} ({located(e)})")
        own = [f for f in cand.forms if not is_acronym(f)]  # the candidate's own expansion, if it has one

        def other_body(form: str) -> bool:
            """An acronym form of a candidate with its own expansion that names another entry (``indicators of
            compromise (IOCs)`` against the glossary's IOC, initial operational capability): not that entry."""
            return is_acronym(form) and bool(own) and not any(g.lookup(f) for f in own)

        for form in cand.forms:
            hits = g.lookup(form)
            if hits and not other_body(form):
                e = hits[0]
                how = "exact" if form_key(form) == e.form_keys[0] else "variant"
                return Coverage(how, e, None, f"glossary {how}: {form!r} is a form of {e.id} ({located(e)})")
        for form in cand.forms:
            ms = self.matcher.find(form)
            if len(ms) == 1 and ms[0].start == 0 and ms[0].end >= len(form.rstrip(".")) - 0:
                m = ms[0]
                if other_body(form):
                    continue
                if m.composed_of and m.entry is not None:
                    parts = " + ".join(p.entry_id for p in m.composed_of)
                    return Coverage("composed", m.entry, m, f"glossary composed: {parts} → {m.ko}")
                if m.entry is not None:
                    flags = f" ({', '.join(m.flags)})" if m.flags else ""
                    return Coverage(
                        "inflected",
                        m.entry,
                        m,
                        f"glossary inflected{flags}: {form!r} → {m.entry.id} ({located(m.entry)})",
                    )
        expanded = any(not is_acronym(f) for f in cand.forms)  # a candidate with its own expansion is that body
        for form in cand.forms:
            if is_acronym(form) and not expanded:
                key = form.rstrip("s") if form.endswith("s") and form[:-1].isupper() else form
                hits = [e for e in self.by_acronym.get(key, []) if e.type not in ("person",)]
                if len(hits) == 1:
                    e = hits[0]
                    return Coverage(
                        "acronym", e, None, f"glossary acronym: {form} = initials of {e.en!r} ({e.id}, {located(e)})"
                    )
            else:
                for a in sorted(acronyms_of(form), key=len):
                    if len(a) < 3:
                        continue
                    # only an entry known by the acronym alone: one with its own expansion is another body
                    hits = [
                        e
                        for e in g.lookup(a)
                        if any(f == a for f in e.en_forms) and all(is_acronym(f) for f in e.en_forms)
                    ]
                    if len(hits) == 1:
                        e = hits[0]
                        return Coverage(
                            "acronym", e, None, f"glossary acronym: initials {a} are a form of {e.id} ({located(e)})"
                        )
        return None


def covered_result(cand: Candidate, coverage: Coverage) -> Result:
    """The result for a candidate the glossary covers: the entry's rendering, any new English forms."""
    how, entry, match, evidence = coverage.how, coverage.entry, coverage.match, coverage.evidence
    if how == "composed" and match is not None:
        ids = tuple(p.entry_id for p in match.composed_of)
        row = Entry(
            en=cand.canonical,
            ko=match.ko,
            type=cand.type or entry.type,
            status="proposed",
            note=f"composed of {' + '.join(ids)}: nothing to add to the glossary",
        )
        return Result(cand, row, (Proposal(match.ko, 1.0, Source.GLOSSARY.value, evidence),), how, ids)
    new_forms = [f for f in cand.forms if form_key(f) not in entry.form_keys]
    if how == "inflected":
        new_forms = []
    variants = entry.en_variants + tuple(f for f in new_forms if f)
    note = entry.note
    row = Entry(
        en=entry.en,
        ko=entry.ko,
        type=entry.type,
        en_variants=variants,
        ko_variants=entry.ko_variants,
        ko_avoid=entry.ko_avoid,
        note=note,
        source=entry.source,
        status="proposed",
        match=entry.match,
    )
    ev = evidence + (f"; adds English variant(s) {', '.join(new_forms)} (merge with --update)" if new_forms else "")
    return Result(cand, row, (Proposal(entry.ko, 1.0, Source.GLOSSARY.value, ev),), how, (entry.id,))
