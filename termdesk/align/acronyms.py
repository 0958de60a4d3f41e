"""Acronyms of English forms: the initials a body is known by (``EDSCG``), and telling an acronym from a word."""

from __future__ import annotations

import re

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}s?$")
#: Words skipped when taking initials.
SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "a", "an", "&"})


def acronym_of(form: str) -> str:
    """Initials of a multi-word form, small words skipped.

    ``Extended Deterrence Strategy and Consultation Group`` → ``EDSCG``.
    """
    words = [w for w in re.split(r"[\s\-/]+", form) if w and w.lower() not in SMALL_WORDS]
    if len(words) < 2:
        return ""
    return "".join(w[0].upper() for w in words if w[0].isalnum())


def acronyms_of(form: str) -> frozenset[str]:
    """Every plausible acronym of a form: a hyphenated word gives the initial of each part or of its first
    part only (``Korea-U.S. Integrated Defense Dialogue`` → KUSIDD, KIDD …)."""
    words = [w for w in form.split() if w and w.lower() not in SMALL_WORDS]
    if len(words) < 2 and not (words and "-" in words[0]):
        return frozenset()
    options: list[list[str]] = []
    for w in words:
        parts = [p for p in re.split(r"[-/]", w) if p and p.lower() not in SMALL_WORDS]
        letters = ["".join(c for c in p if c.isalnum()) for p in parts]
        letters = [x for x in letters if x]
        if not letters:
            continue
        each = "".join(
            x[0].upper() + ("".join(c for c in x[1:] if c.isupper()) if x.isupper() else "") for x in letters
        )
        if all(x.isupper() and len(x) > 1 for x in letters):
            # "U.S. Navy" → USN, "USS Kentucky" → USSK: an acronym inside keeps its letters; acronyms joined by a
            # hyphen give their initials too ("ROK-U.S. Combined Division" → RUCD)
            options.append(sorted({each, "".join(x[0] for x in letters)} if len(letters) > 1 else {each}))
            continue
        options.append(sorted({letters[0][0].upper(), each, "".join(x[0].upper() for x in letters)}))
    out = {""}
    for opts in options:
        out = {a + o for a in out for o in opts}
        if len(out) > 64:
            break
    return frozenset(a for a in out if len(a) >= 2)


def is_acronym(form: str) -> bool:
    """An all-capitals token of 2–10 characters with at least two capitals (``THAAD``, ``ICBMs``, ``B-1B`` is not)."""
    return bool(_ACRONYM.match(form)) and sum(c.isupper() for c in form) >= 2
