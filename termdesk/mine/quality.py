"""Candidate quality: what a reviewer should never have to wade through (step 5b of :func:`~.finalise.finalise`).

Applied to the sorted candidate records, in order (each rule's example is a test):

* :data:`COORDINATION` — a candidate never starts with a coordinating word (``and the U.S. Chairman…``);
* a title word alone is never a candidate (``Secretary``, ``General``, ``leader``; :func:`is_bare_title`);
* a fragment of a longer glossary term or mined candidate, seen only inside it, is merged into it
  (``National Defense`` out of Minister of National Defense; :func:`fragment_of`);
* a known title or body with a country prefix is ``variant-of-known`` (``ROK Minister of National
  Defense``; :func:`country_stripped`);
* generic evaluative or procedural phrases are filtered by rule (:data:`GENERIC_RULES`) and by corpus
  statistics (:func:`general_english`: every word common in general English per ``wordfreq`` and none of
  them a word of the beat's glossary; :func:`known_plus_head`: a glossary term plus a common head noun);
* types from evidence (:data:`HEAD_TYPES`: the head noun decides), the type's confidence recorded
  (``high``: the glossary's type, a head noun, a full name; ``low`` otherwise: the reviewer checks it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..glossary import Entry, Glossary
from . import wordlists as L
from .extract import merge_key
from .result import Candidate

#: Words a candidate never starts with: it came from a coordination.
COORDINATION: frozenset[str] = frozenset({"and", "or", "but", "nor", "as", "while"})

#: Country prefixes stripped from a title or body before looking it up (longest first).
COUNTRY_PREFIXES: tuple[str, ...] = (
    "Republic of Korea (ROK)",
    "Republic of Korea",
    "United States",
    "Democratic People's Republic of Korea",
    "Japan's",
    "Japan",
    "Korea's",
    *L.NATIONALITY_PREFIXES,
)

#: Single words never offered alone: title words and ranks (extra to the title heads of the extractor).
BARE_TITLE_WORDS: frozenset[str] = L.TITLE_HEADS | frozenset(
    {"gen", "gen.", "adm", "adm.", "lt", "col", "maj", "capt", "capt.", "sgt", "officials", "official", "coordinator"}
)


@dataclass(frozen=True)
class GenericRule:
    """A generic-phrase pattern (a regular expression over the lowercased phrase) and the examples it catches."""

    name: str
    pattern: str
    examples: tuple[str, ...]

    def matches(self, phrase: str) -> bool:
        return re.fullmatch(self.pattern, phrase.lower()) is not None


_EVALUATIVE = (
    "shared|respective|mutual|common|close|closer|strong|stronger|continued|ongoing|further|various|important"
    "|significant|recent|future|current|peaceful|diplomatic|external|escalatory|serious|deep|firm|productive"
    "|fruitful|constructive|regular|broad|wide|key|major|practical|concrete|specific|positive|great|greater"
    "|overall|general|possible|potential|additional|latest|concerted|ironclad|unwavering|steadfast"
)
_PROCEDURAL_HEADS = (
    "issues?|matters?|efforts?|officials?|delegations?|values?|solutions?|environment|situation|discussions?"
    "|topics?|areas?|ways?|steps?|measures?|views?|opinions?|concerns?|interests?|developments?|results?"
    "|outcomes?|progress|activities|activity|events?|occasions?|opportunit(?:y|ies)|aspects?|manner"
)

#: Generic evaluative or procedural phrases, each with its examples.
GENERIC_RULES: tuple[GenericRule, ...] = (
    GenericRule(
        "evaluative modifier",
        rf"(?:{_EVALUATIVE}) [a-z][a-z -]*",
        ("shared values", "respective delegations", "diplomatic solutions", "peaceful denuclearization"),
    ),
    GenericRule(
        "adverb-adjective modifier", r"[a-z]+ly[- ][a-z]+ [a-z][a-z -]*", ("fully-verifiable denuclearization",)
    ),
    GenericRule(
        "event head (compositional: the Korean follows word by word)",
        r"[a-z][a-z -]* (?:launch(?:es)?|tests?|attacks?|threats?|signals?|programs?|technolog(?:y|ies))",
        (
            "missile launch",
            "nuclear attack",
            "missile threats",
            "intercontinental ballistic missile test",
            "ballistic missile programs",
        ),
    ),
    GenericRule(
        "event of", r"(?:launch(?:es)?|tests?|attacks?|firings?) of [a-z ]+", ("launches of ballistic missiles",)
    ),
    GenericRule(
        "figure of peace",
        r"[a-z][a-z -]* of (?:peace|stability|security|prosperity|the region|freedom|democracy)",
        ("linchpin of peace",),
    ),
    GenericRule(
        "procedural head",
        rf"[a-z][a-z -]* (?:{_PROCEDURAL_HEADS})",
        ("defense issues", "foreign affairs officials", "security environment", "future-oriented manner"),
    ),
)


@dataclass(frozen=True)
class HeadType:
    """The type a head noun gives a term, with an example."""

    heads: frozenset[str]
    type: str
    example: str


def _heads(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Head nouns that decide a type whatever the capitalisation or context said.
HEAD_TYPES: tuple[HeadType, ...] = (
    HeadType(
        _heads("capability capabilities deterrence deterrent posture cooperation order denuclearization readiness"),
        "concept",
        "Full Operational Capability",
    ),
    HeadType(L.DOCUMENT_HEADS | _heads("statement communiqué readout"), "document", "Joint Communique"),
    HeadType(L.EXERCISE_HEADS, "exercise", "Freedom Shield exercise"),
    HeadType(L.MEETING_HEADS, "meeting", "Security Consultative Meeting"),
)


def _head(canonical: str) -> str:
    words = re.sub(r"\s*\([^)]*\)", "", canonical).split()
    if "of" in [w.lower() for w in words[1:]]:
        words = words[: [w.lower() for w in words].index("of", 1)]
    return words[-1].lower().rstrip(".,") if words else ""


def head_type(canonical: str) -> str:
    """The type the head noun gives a multiword term (``Full Operational Capability`` → concept), or ``""``."""
    if " " not in canonical.strip():
        return ""
    h = _head(canonical)
    for rule in HEAD_TYPES:
        if h in rule.heads or h.rstrip("s") in rule.heads:
            return rule.type
    return ""


def is_bare_title(canonical: str) -> bool:
    """A title word or rank alone (``Secretary``, ``General``, ``leader``)."""
    words = canonical.split()
    return len(words) == 1 and words[0].lower() in BARE_TITLE_WORDS


def starts_with_coordination(canonical: str) -> bool:
    """``and the U.S. Chairman of the Joint Chiefs of Staff`` → True."""
    first = canonical.split(maxsplit=1)[0].lower() if canonical.strip() else ""
    return first in COORDINATION


def generic_rule(phrase: str) -> GenericRule | None:
    """The first :data:`GENERIC_RULES` entry a lowercase phrase matches (capitalised names are not phrases)."""
    if phrase[:1].isupper() or any(c.isdigit() for c in phrase):
        return None
    return next((r for r in GENERIC_RULES if r.matches(phrase)), None)


def beat_vocabulary(glossary: Glossary | None) -> frozenset[str]:
    """The lowercase words of the glossary's English forms: the beat's own vocabulary."""
    if glossary is None:
        return frozenset()
    words: set[str] = set()
    for e in glossary:
        for f in e.en_forms:
            words.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", f))
    return frozenset(words - L.STOPWORDS)


#: A word at or above this ``wordfreq`` Zipf frequency is common general English.
GENERAL_ZIPF = 4.3


def general_english(phrase: str, beat: frozenset[str]) -> bool:
    """Every word common in general English and none of them a word of the beat (``shared values``)."""
    from wordfreq import zipf_frequency

    words = phrase.lower().split()
    if len(words) < 2 or phrase[:1].isupper():
        return False
    return all(zipf_frequency(w, "en") >= GENERAL_ZIPF and w not in beat for w in words)


#: The head added to a known term is a common English word from this ``wordfreq`` Zipf frequency on.
COMPOSED_HEAD_ZIPF = 4.75


def known_plus_head(phrase: str, glossary: Glossary | None) -> str:
    """The glossary term a lowercase phrase merely adds a common head noun to (``alliance forces``,
    ``tailored deterrence agreement``: the Korean composes word by word), or ``""``."""
    from wordfreq import zipf_frequency

    words = phrase.split()
    if glossary is None or len(words) < 2 or not phrase[:1].islower():
        return ""
    base, head = " ".join(words[:-1]), words[-1].lower()
    if zipf_frequency(head, "en") < COMPOSED_HEAD_ZIPF or not glossary.lookup(base):
        return ""
    return base


def country_stripped(canonical: str) -> str:
    """The form without a leading country prefix (``ROK Minister of National Defense`` → ``Minister of
    National Defense``), or ``""`` when there is none."""
    s = re.sub(r"^the\s+", "", canonical.strip(), flags=re.I)
    for p in sorted(COUNTRY_PREFIXES, key=len, reverse=True):
        if s.startswith(p + " ") and len(s) > len(p) + 1:
            return s[len(p) + 1 :]
    return ""


#: An honorific before a name: the name is the candidate.
HONORIFIC = re.compile(r"^(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+(?=[A-Z])")


#: Verbs of official copy that end a noun phrase a tagger runs on ("combined defense contributes").
CLAUSE_VERBS: frozenset[str] = frozenset(
    {"contribute", "remain", "continue", "include", "reaffirm", "stress", "note", "welcome", "underscore", "emphasize"}
)


def crosses_a_clause(canonical: str) -> bool:
    """A capitalised unit running over ``to the`` or ending in a verb (``Lotte Group to the Republic of
    Korea``, ``combined defense contributes``)."""
    words = canonical.split()
    if " to the " in canonical and words[0][:1].isupper():
        return True
    last = words[-1] if words else ""
    verbs = L.VERBS | CLAUSE_VERBS
    return len(words) > 1 and last.islower() and (last in verbs or (last.endswith("s") and last[:-1] in verbs))


def inner_country_stripped(canonical: str) -> str:
    """The form without a country word inside it (``Chairman of the ROK Joint Chiefs of Staff`` →
    ``Chairman of the Joint Chiefs of Staff``), or ``""``."""
    out = re.sub(r"\b(?:the )?(?:ROK|U\.S\.|US|Republic of Korea|Japanese|Korean)\s+(?=[A-Z])", "the ", canonical)
    out = re.sub(r"\bthe the\b", "the", out)
    return out if out != canonical else ""


_CONTEXT = re.compile(r"^[^:]*:\d+:\s?(?P<left>.*)\[(?P<term>[^\]]*)\](?P<right>.*)$")


def _contexts(c: Candidate) -> Iterable[tuple[list[str], str, list[str]]]:
    for ctx in c.contexts:
        m = _CONTEXT.match(ctx)
        if not m:
            continue
        left, right = m.group("left").lstrip("…"), m.group("right").rstrip("…")
        lw = left.split()
        if left and not left.endswith(" ") and lw:  # "U.S.-[ROK Alliance]": the left word is joined
            yield lw[:-1], lw[-1] + m.group("term"), right.split()
        else:
            yield lw, m.group("term"), right.split()


#: Heads of titles a body can sit inside ("Coordinator for Defense Policy and Arms Control").
TITLE_HEADS: frozenset[str] = L.TITLE_HEADS | frozenset({"coordinator", "coordinators", "assistant", "principal"})

#: Words looked at either side of a candidate for the longer term it was cut from.
WINDOW = 5

_CONNECTING = frozenset({"of", "for", "and", "the", "on", "at"})


def inside_a_title(left: Sequence[str]) -> str:
    """The title head a capitalised run reaches going left over connectors (``Coordinator for Defense
    Policy and [Arms Control]`` → ``Coordinator``), or ``""``."""
    for w in reversed(left[-6:]):
        bare = w.strip(",.;:()")
        if bare.lower() in TITLE_HEADS and bare[:1].isupper():
            return bare
        if not (bare[:1].isupper() or bare.lower() in _CONNECTING) or bare != w:
            return ""
    return ""


def fragment_of(c: Candidate, longer: frozenset[str], glossary: Glossary | None) -> str:
    """The longer term that the contexts show the candidate inside — a glossary form in most of them, or a
    longer mined name or a title in all of them — or ``""``. ``longer``: merge keys of the mined names' forms."""
    found = ""
    seen = inside = in_glossary = 0
    own = merge_key(c.canonical)
    for lw, term, rw in _contexts(c):
        seen += 1
        hit = ""
        for i in range(min(WINDOW, len(lw)), -1, -1):
            for j in range(min(WINDOW, len(rw)), -1, -1):
                if i == 0 and j == 0 and term == c.canonical:
                    continue
                text = " ".join([*lw[len(lw) - i :], term, *rw[:j]]).strip(" ,.;:'\"()")
                key = merge_key(text) if text else ""
                if not key or key == own:
                    continue
                if glossary is not None and glossary.lookup(text):
                    hit = text
                    in_glossary += 1
                    break
                if key in longer:
                    hit = text
                    break
            if hit:
                break
        if not hit and c.canonical[:1].isupper() and c.type != "title":
            head = inside_a_title(lw)
            hit = f"{head} … {term}" if head else ""
        if hit:
            inside += 1
            found = found or hit
    # inside a glossary term in most contexts (two of three), or inside longer mined names in all of them
    return found if seen and (inside == seen or 2 * in_glossary > seen) else ""


def _entry(glossary: Glossary, form: str) -> Entry | None:
    entries = [e for e in glossary.lookup(form) if e.status != "deprecated"]
    return entries[0] if entries else None


def review_candidates(candidates: Sequence[Candidate], glossary: Glossary | None) -> list[Candidate]:
    """Apply the quality rules to the sorted records; dropped candidates are gone, others may change status
    (``variant-of-known``), type (head noun) and carry their type's confidence."""
    beat = beat_vocabulary(glossary)
    # names of titles and bodies (capitalised) are what fragments are cut from: lowercase phrases of the batch
    # overlap freely (THAAD in "THAAD battery" is a term of its own)
    longer = frozenset(merge_key(f) for c in candidates for f in c.forms if c.canonical[:1].isupper())
    out: list[Candidate] = []
    for c in candidates:
        if c.status != "new":
            out.append(c)
            continue
        trimmed = " to the " in c.canonical and c.canonical[:1].isupper()
        if trimmed:  # "Lotte Group to the Republic of Korea": the name is what comes before "to the"
            head = c.canonical.split(" to the ", 1)[0]
            if len(head.split()) < 2 or merge_key(head) in longer:
                continue
            c = replace(c, canonical=head, variants=())
        if starts_with_coordination(c.canonical) or is_bare_title(c.canonical) or crosses_a_clause(c.canonical):
            continue
        plain = HONORIFIC.sub("", c.canonical)
        if plain != c.canonical:  # "Dr. Kim Tae-hyo": the person, named without the honorific
            if merge_key(plain) in {merge_key(f) for d in candidates if d is not c for f in d.forms}:
                continue
            known = _entry(glossary, plain) if glossary is not None else None
            c = replace(c, canonical=plain, variants=(c.canonical, *c.variants), type="person")
            if known is not None:
                out.append(replace(c, status="variant-of-known", entry_id=known.id))
                continue
        designator = any(ch.isdigit() for ch in c.canonical)
        if c.type != "person" and not designator and not trimmed and fragment_of(c, longer, glossary):
            continue
        if generic_rule(c.canonical) is not None or (beat and general_english(c.canonical, beat)):
            continue
        if known_plus_head(c.canonical, glossary):
            continue
        if glossary is not None:
            stripped = country_stripped(c.canonical) or inner_country_stripped(c.canonical)
            if c.type == "person":
                stripped = re.sub(r"\s[A-Z]\.(?=\s)", "", c.canonical)  # Antony J. Blinken → Antony Blinken
            entry = _entry(glossary, stripped) if stripped and stripped != c.canonical else None
            if entry is not None:
                out.append(replace(c, status="variant-of-known", entry_id=entry.id, type=entry.type))
                continue
        ht = head_type(c.canonical)
        if ht and c.type not in ("person", "title", "weapon"):
            out.append(replace(c, type=ht, type_confidence="high"))
        elif c.type == "person" and len(c.canonical.split()) >= 2:
            out.append(replace(c, type_confidence="high"))
        else:
            out.append(replace(c, type_confidence="low"))
    kept = {c.canonical for c in out}
    return [c if set(c.linked) <= kept else replace(c, linked=tuple(x for x in c.linked if x in kept)) for c in out]
