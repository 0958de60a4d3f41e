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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..glossary import Entry, Glossary
from ..ko.compounds import compound_prefix
from ..text import SHIP_PREFIXES
from . import wordlists as L
from .corpus import shared_zipf
from .extract import (
    _ORDINAL,
    DOCUMENT_PARTS,
    FORCE_HEADS,
    HONORIFICS,
    HYPHEN_ADJECTIVE,
    NAME_CONNECTORS,
    OPEN_QUOTES,
    PORTFOLIO_WORDS,
    POST_BODY_HEADS,
    UNIT_HEADS,
    UNIT_KINDS,
    _name_like,
    _singular_phrase,
    _surname_king,
    korean_name,
    korean_three_part,
    lemmas,
    merge_key,
    plural_noun,
    singular,
    tokens,
)
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
    | {"sen", "sen.", "rep", "rep.", "gov", "gov.", "amb", "amb."}
    | {"private"}  # a rank spelt out (Private Bruno R. Orig); the glossary's Pvt. leaves it out (private sector)
)


@dataclass(frozen=True)
class GenericRule:
    """A generic-phrase pattern (a regular expression over the lowercased phrase) and the examples it catches."""

    name: str
    pattern: str
    examples: tuple[str, ...]
    held: bool = False  # its phrases are held back below the new candidates, not dropped
    #: its generic part is the first word: what follows is kept when the glossary has it (``unlawful [weapons of
    #: mass destruction]``); each such rule's example is ``(phrase, glossary term)`` in :data:`MODIFIER_EXAMPLES`
    modifier: bool = False
    #: a first word of the domain list (:data:`~termdesk.mine.wordlists.DOMAIN_WORDS`) is no generic modifier
    #: (``amphibious assault ship``): each such rule's domain example is in :data:`DOMAIN_EXEMPT_EXAMPLES`
    domain_exempt: bool = False

    def matches(self, phrase: str) -> bool:
        if self.domain_exempt and phrase.split(maxsplit=1)[0].lower() in L.DOMAIN_WORDS:
            return False
        return re.fullmatch(self.pattern, phrase.lower()) is not None


_EVALUATIVE = (
    "shared|respective|mutual|common|close|closer|strong|stronger|continued|ongoing|further|various|important"
    "|significant|recent|future|current|peaceful|diplomatic|external|escalatory|serious|deep|firm|productive"
    "|fruitful|constructive|regular|broad|wide|key|major|practical|concrete|specific|positive|great|greater"
    "|overall|general|possible|potential|additional|latest|concerted|ironclad|unwavering|steadfast"
    "|effective|robust|solid|resolute|unified|tireless|historic|pressing|brutal|valiant|trusted|immediate"
    "|pivotal|relevant|vital|crucial|essential|cornerstone|blatant|flagrant|brazen|egregious|resilient"
)
#: Verbs of official copy that open a clause, not a term (``strengthen regional cooperation``).
_CLAUSE_OPENERS = (
    "strengthen|preserve|enhance|maintain|promote|deepen|expand|ensure|support|address|achieve|advance|modernize"
    "|defend|deter|counter|bolster|reaffirm|continue|improve|build|develop|provide"
)
#: Evaluative adjectives recognised by their suffix (``courageous``, ``credible``, ``interoperable``, ``fruitful``).
_EVALUATIVE_SUFFIX = r"[a-z]{3,}(?:ous|ible|able|ful)"
#: Words of scope before a value noun (``regional stability``).
_SCOPE = "regional|global|international|world|mutual|common|shared"
_VALUES = "peace|stability|prosperity|security|interests?|values?"
#: Duration and frequency words (``daylong talks``).
_DURATION = "daylong|day-long|hour-long|hourlong|yearlong|year-long|annual|weekly|monthly|daily|upcoming|previous"
#: Relational words that describe a meeting without naming it (``trilateral meetings``).
_RELATIONAL = (
    "bilateral|trilateral|multilateral|comprehensive|separate|individual|high-level|working-level|senior-level"
)
_PROCEDURAL_HEADS = (
    "issues?|matters?|efforts?|officials?|delegations?|values?|solutions?|environment|situation|discussions?"
    "|topics?|areas?|ways?|steps?|measures?|views?|opinions?|concerns?|interests?|developments?|results?"
    "|outcomes?|progress|activities|activity|events?|occasions?|opportunit(?:y|ies)|aspects?|manner"
    "|leaders|counterparts|sides|teleconferences?|conferences?|briefings?|lines|goals?|obligations?|norms?"
    "|mechanisms?|actions?|challenges?|priorit(?:y|ies)|effects?|condolences|attempts?|authorities|commitments|roles?|venues?|coordination"
    "|elements?|components?"
)

#: Generic evaluative or procedural phrases, each with its examples.
GENERIC_RULES: tuple[GenericRule, ...] = (
    GenericRule(
        "evaluative modifier",
        rf"(?:{_EVALUATIVE}) [a-z][a-z -]*",
        (
            "shared values",
            "respective delegations",
            "diplomatic solutions",
            "peaceful denuclearization",
            "effective nuclear deterrence",
            "valiant country",
            "immediate resolution",
            "pivotal role",
            "relevant defense",
            "cornerstone venue",
            "blatant disregard",
            "resilient supply chains",
        ),
        modifier=True,
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
        held=True,
    ),
    GenericRule(
        "event of",
        r"(?:launch(?:es)?|tests?|attacks?|firings?) of [a-z -]+",
        ("launches of ballistic missiles", "launches of short-range missiles"),
    ),
    GenericRule(
        "figure of peace",
        r"[a-z][a-z -]* of (?:peace|stability|security|prosperity|the region|freedom|democracy)",
        ("linchpin of peace",),
    ),
    GenericRule(
        "evaluative adjective (by its suffix)",
        rf"{_EVALUATIVE_SUFFIX} [a-z][a-z -]*",
        ("courageous statecraft", "credible military deterrence", "interoperable alliances"),
        modifier=True,
        domain_exempt=True,
    ),
    GenericRule("scope and value", rf"(?:{_SCOPE}) (?:{_VALUES})", ("regional stability", "regional peace")),
    GenericRule("duration or frequency", rf"(?:{_DURATION}) [a-z][a-z -]*", ("daylong talks", "annual meeting")),
    GenericRule(
        "meeting described, not named",
        rf"(?:{_RELATIONAL})(?: [a-z]+)? (?:meetings?|talks|consultations?|ministerials?|sessions?)",
        ("trilateral meetings", "comprehensive trilateral meeting"),
    ),
    GenericRule(
        "body or drill described, not named",
        rf"(?:{_RELATIONAL})(?: [a-z]+)? (?:bod(?:y|ies)|frameworks?|exercises|drills|relationships?|relations|ties)",
        ("bilateral consultative body", "trilateral exercises", "trilateral relationship"),
    ),
    GenericRule(
        "scope of cooperation",
        rf"(?:{_SCOPE}|bilateral|multilateral)(?: [a-z]+)? cooperation",
        ("regional cooperation", "regional defense cooperation", "multilateral cooperation"),
    ),
    GenericRule(
        "domain and a generic head",
        r"(?:defense|military|security|nuclear|missile) (?:cooperation|authorities|strength)"
        r"|(?!.*\bof\b)[a-z-]+(?: [a-z-]+){0,3} capabilit(?:y|ies)",  # not the full range of capabilities
        (
            "defense cooperation",
            "security cooperation",
            "nuclear capabilities",
            "military authorities",
            "response capabilities",
            "combined maritime warfighting capability",
            "advanced command-and-control capabilities",
        ),
        held=True,
    ),
    GenericRule(
        "relation or practice described, not named",
        r"(?:bilateral|trilateral|multilateral|military|professional|international)(?: [a-z-]+)? "
        r"(?:training|interoperability|realignment|commitments?|partnerships?|exchanges|partners|engagements?)",
        (
            "bilateral training",
            "bilateral interoperability",
            "trilateral commitment",
            "military partnership",
            "professional exchanges",
            "international partners",
        ),
        held=True,
    ),
    GenericRule(
        "verb phrase",
        rf"(?:{_CLAUSE_OPENERS}) [a-z][a-z -]*",
        ("strengthen regional cooperation", "preserve stability", "provide principles"),
    ),
    GenericRule(
        "quantity of", r"(?:kinds?|types?|sorts?|number|lots?|couple) of [a-z -]+", ("kinds of security challenges",)
    ),
    GenericRule(
        "bilateral relation described",
        r"(?:bilateral|multilateral)(?: [a-z]+)? "
        r"(?:alliances?|relationships?|relations|ties|partnerships?|structures?)",
        ("bilateral alliance", "bilateral defense structure"),
    ),
    GenericRule(
        "procedural head",
        rf"[a-z][a-z -]* (?:{_PROCEDURAL_HEADS})",
        (
            "defense issues",
            "foreign affairs officials",
            "security environment",
            "future-oriented manner",
            "defense leaders",
            "video teleconference",
            "trilateral security cooperation lines",
            "humanitarian goals",
            "consultative mechanisms",
            "reckless actions",
            "security challenges",
            "security priorities",
            "destabilizing effect",
            "deepest condolences",
            "unilateral attempts",
            "national commitments",
            "policy coordination",
            "cyber elements",
        ),
    ),
    GenericRule(
        "drill described, not named (a lowercase training exercise)",
        r"[a-z][a-z -]* training (?:exercises?|drills?)",
        ("all-domain training exercise", "combined joint training exercises"),
    ),
    GenericRule(
        "joint and a generic head",
        r"joint (?:support|efforts?|work|action|response|commitment|contributions?|ownership)",
        ("joint support",),
    ),
    GenericRule("a legal citation's Latin (50 U.S.C. 1701 et seq.)", r"et seq\.?", ("et seq",)),
)


#: A modifier rule's phrase and the glossary term after its modifier (a test case each).
MODIFIER_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("unlawful weapons of mass destruction", "weapons of mass destruction"),
    ("robust extended deterrence", "extended deterrence"),
)

#: A domain-exempt rule's phrase opened by a domain word, which the rule spares (a test case each).
DOMAIN_EXEMPT_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("amphibious assault ship", "evaluative adjective (by its suffix)"),
)


def modifier_stripped(phrase: str, rule: GenericRule | None, glossary: Glossary | None) -> tuple[str, Entry] | None:
    """The glossary's term after a generic first word, with its entry, when ``rule`` is a modifier rule
    (:attr:`GenericRule.modifier`): ``unlawful weapons of mass destruction`` is a mention of the known ``weapons of
    mass destruction``, not a phrase to drop with it. None otherwise."""
    if rule is None or not rule.modifier or glossary is None or " " not in phrase:
        return None
    rest = phrase.split(" ", 1)[1]
    entry = _entry(glossary, rest)
    return (rest, entry) if entry is not None else None


#: Generic rules whose phrases are held back, not dropped: a compositional event or a domain's capability is a
#: phrase a reviewer may still take (``nuclear attack``, ``counterstrike capabilities``); the others name nothing.
HELD_BACK_RULES: frozenset[str] = frozenset(r.name for r in GENERIC_RULES if r.held)


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
    HeadType(_heads("anniversary ceremony"), "event", "43rd Foundation Anniversary"),
)


def _head(canonical: str) -> str:
    words = re.sub(r"\s*\([^)]*\)", "", canonical).split()
    low = [w.lower() for w in words]
    cut = next((i for i in range(1, len(low)) if low[i] in ("of", "for")), len(low))
    words = words[:cut]  # "Joint Study for the Future …", "Summit for Democracy": the head is before for/of
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


#: Words that grade a title head without naming a post (``Deputy Minister``, ``Under Secretary``, ``Principal
#: Deputy Assistant Secretary``): with a title word alone they make a bare title, a later mention of the full post.
GRADE_WORDS: frozenset[str] = frozenset(
    {"deputy", "vice", "under", "assistant", "principal", "acting", "associate", "senior", "first", "second", "third"}
)


#: Words that open a post without naming it (``Commanding General``, ``Executive Officer``).
POST_OPENERS: frozenset[str] = GRADE_WORDS | frozenset({"commanding", "executive", "chief"})


def bare_post(canonical: str) -> bool:
    """Two title words and no body or portfolio (``Commanding General``, ``Vice President``, ``Director General``,
    ``deputy commander``): a post of some body the copy names elsewhere. Held back, not dropped: a desk may want it,
    but it is no term to review first."""
    words = canonical.split()
    return (
        len(words) == 2
        and words[-1].lower() in TITLE_HEADS
        and all(w.lower() in TITLE_HEADS or w.lower() in POST_OPENERS for w in words)
    )


#: Title words that name no post without their portfolio (``Deputy Minister for National Defense Policy``); a
#: graded ``Deputy Spokesperson`` is a post of its own.
PORTFOLIO_HEADS: frozenset[str] = frozenset({"minister", "secretary"})


def is_bare_title(canonical: str) -> bool:
    """A title word or rank alone (``Secretary``, ``General``, ``leader``, ``the Acting Minister``)."""
    words = canonical.split()
    if len(words) == 2 and words[0] == "Acting":  # "the Acting Minister": the full title is the term
        words = words[1:]
    return len(words) == 1 and (
        words[0].lower() in BARE_TITLE_WORDS or words[0].lower().rstrip(".") in BARE_TITLE_WORDS
    )


def initials_opening(canonical: str) -> list[str]:
    """The name with its first two to four words as their initials, the way the glossary may write it: ``U.S. Army
    Garrison Humphreys`` → ``USAG Humphreys`` (and ``USA Garrison Humphreys``, ``US Army Garrison Humphreys``)."""
    words = canonical.split()
    out: list[str] = []
    for k in range(2, min(4, len(words) - 1) + 1):
        head = words[:k]
        if not all(w[:1].isupper() for w in head):
            break
        letters = "".join(w.replace(".", "") if w.replace(".", "").isupper() else w[0] for w in head)
        out.append(" ".join([letters, *words[k:]]))
    return out


def title_and_surname(c: Candidate, known: KnownForms) -> tuple[Candidate, Entry | None] | None:
    """A title candidate that is a known post and one capitalised word, the holder's family name (``Minister of
    Defense Kim``, ``Secretary of Defense Hagel``): a later mention of a person, not a title of its own. Returns the
    candidate as the post alone and :meth:`KnownForms.entry` of it, or None."""
    words = c.canonical.split()
    if c.type != "title" or len(words) < 3 or " of " not in c.canonical:
        return None
    last = words[-1]
    low = last.lower()
    if not re.fullmatch(r"[A-Z][a-z]+", last) or low in TITLE_HEADS or low in L.ORG_HEADS or low in L.PLACE_NAMES:
        return None
    if low in PORTFOLIO_WORDS or low in L.NATIONALITY_LOWER:
        return None
    post = replace(c, canonical=" ".join(words[:-1]), variants=())
    entry = known.entry(post)
    return (post, entry) if entry is not None or _entry(known.glossary, post.canonical) is not None else None


def graded_bare_title(canonical: str) -> bool:
    """A minister or secretary graded but without a portfolio (``Deputy Minister``, ``Under Secretary``,
    ``Principal Deputy Assistant Secretary``): a later mention of the full post, which is the term. (When the
    glossary knows the post it names, it is a form of that entry instead.)"""
    words = canonical.split()
    return (
        len(words) >= 2 and words[-1].lower() in PORTFOLIO_HEADS and all(w.lower() in GRADE_WORDS for w in words[:-1])
    )


#: Lowercase words a candidate never starts with either: what is left after a sentence's first word was cut off
#: (``All [of the Combined Forces Command's] major units``).
OPENING_FUNCTION_WORDS: frozenset[str] = frozenset({"of", "for", "to", "in", "on", "at", "by", "with", "from", "the"})


def starts_with_coordination(canonical: str) -> bool:
    """``and the U.S. Chairman of the Joint Chiefs of Staff`` → True; so does a lowercase preposition or article
    (``of the Combined Forces Command``, :data:`OPENING_FUNCTION_WORDS`)."""
    first = canonical.split(maxsplit=1)[0] if canonical.strip() else ""
    return first.lower() in COORDINATION or first in OPENING_FUNCTION_WORDS


def generic_rule(phrase: str) -> GenericRule | None:
    """The first :data:`GENERIC_RULES` entry a lowercase phrase matches (capitalised names are not phrases)."""
    if phrase[:1].isupper() or any(c.isdigit() for c in phrase):
        return None
    return next((r for r in GENERIC_RULES if r.matches(phrase)), None)


def _beat_words(form: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", form)]


@dataclass(frozen=True)
class BeatVocabulary:
    """What the glossary's English forms tell of the beat, read in one pass: ``words``, the lowercase words of
    every form; ``without_people``, the same without the words of people's names (``John``, ``Brown``); ``people``,
    the words of each person's form (``("hillary", "rodham", "clinton")``)."""

    words: frozenset[str]
    without_people: frozenset[str]
    people: frozenset[tuple[str, ...]]


def beat_of(glossary: Glossary | None) -> BeatVocabulary:
    """The glossary's :class:`BeatVocabulary` (stopwords out of the word sets)."""
    words: set[str] = set()
    without_people: set[str] = set()
    people: set[tuple[str, ...]] = set()
    for e in glossary or ():
        for f in e.en_forms:
            found = _beat_words(f)
            words.update(found)
            if e.type == "person":
                people.add(tuple(found))
            else:
                without_people.update(found)
    return BeatVocabulary(frozenset(words - L.STOPWORDS), frozenset(without_people - L.STOPWORDS), frozenset(people))


def beat_vocabulary(glossary: Glossary | None, *, people: bool = True) -> frozenset[str]:
    """The lowercase words of the glossary's English forms: the beat's own vocabulary. ``people=False`` leaves
    out the words of people's names (``John``, ``Brown``)."""
    beat = beat_of(glossary)
    return beat.words if people else beat.without_people


def known_people(glossary: Glossary | None) -> frozenset[tuple[str, ...]]:
    """The words of the glossary's people's English forms (``("hillary", "rodham", "clinton")``)."""
    return beat_of(glossary).people


def _sub_run(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def no_name(
    canonical: str, *, beat: frozenset[str], beat_words: frozenset[str], people: frozenset[tuple[str, ...]]
) -> bool:
    """A name-shaped candidate made only of the beat's words (``beat``, people's names included) that is no
    person's name: a word of the beat outside names in it (``Defense Policy``, ``Affairs Cho``), or a known
    person's name cut or run on (``Rodham Clinton``, ``Lee Jong-sup Lee``). ``John Brown``, made of words of other
    people's names only, is a name. ``beat_words``: the beat's words without people's names."""
    words = tuple(w.lower() for w in canonical.split())
    if not words or not all(w in beat for w in words):
        return False
    toks = tokens(canonical)
    if any(w in beat_words for w in words) and not (korean_three_part(toks) or korean_name(toks)):
        return True  # not "Park Jong Wang": a Korean name's syllables are words of the beat too (Yongsan Park)
    run = tuple(_beat_words(canonical))
    return run not in people and any(_sub_run(run, p) or _sub_run(p, run) for p in people)


#: A word at or above this ``wordfreq`` Zipf frequency is common general English.
GENERAL_ZIPF = 4.3


def general_english(phrase: str, beat: frozenset[str]) -> bool:
    """Every word common in general English and none of them a word of the beat (``shared values``; not
    ``non-permanent member``: a hyphenated compound is not scored by its pieces)."""
    from wordfreq import zipf_frequency

    words = phrase.lower().split()
    if len(words) < 2 or phrase[:1].isupper():
        return False
    # a hyphenated word is no word of wordfreq's (it scores the pieces): a coined compound, not general English
    return all(zipf_frequency(w, "en") >= GENERAL_ZIPF and w not in beat and "-" not in w for w in words)


#: The head added to a known term is a common English word from this ``wordfreq`` Zipf frequency on.
COMPOSED_HEAD_ZIPF = 4.75


#: Heads below that frequency that still only compose with a known term (``extended deterrence capabilities``,
#: ``extended deterrence cooperation``).
COMPOSED_HEADS: frozenset[str] = frozenset({"capabilities", "capability", "cooperation"})


def known_plus_head(phrase: str, glossary: Glossary | None) -> str:
    """The glossary term a lowercase phrase merely adds a common head noun to (``alliance forces``,
    ``tailored deterrence agreement``: the Korean composes word by word), or ``""``."""
    from wordfreq import zipf_frequency

    words = phrase.split()
    if glossary is None or len(words) < 2 or not phrase[:1].islower():
        return ""
    base, head = " ".join(words[:-1]), words[-1].lower()
    if (zipf_frequency(head, "en") < COMPOSED_HEAD_ZIPF and head not in COMPOSED_HEADS) or not glossary.lookup(base):
        return ""
    return base


#: Suffixes of modifier words that mark an evaluative or descriptive modifier when the word is not the beat's
#: (``increased domestic repression``, ``unmatched military strength``, ``reckless actions``,
#: ``deepest condolences``, ``destabilizing effect``); ``combined`` or ``extended`` are words of the beat.
INFLECTED_MODIFIER = re.compile(r"[a-z]{3,}(?:ed|ing|est|less)")


def inflected_modifier(phrase: str, beat: frozenset[str]) -> bool:
    """A lowercase phrase opened by an inflected modifier that is no word of the beat nor of the domain list
    (``unmatched military strength``; ``extended deterrence`` stays): a description, not a term."""
    words = phrase.split()
    if len(words) < 2 or not phrase[:1].islower() or not beat or "," in phrase:
        return False  # "commanding officer, 31st Marine Expeditionary Unit": a post and its unit
    first = words[0]
    return INFLECTED_MODIFIER.fullmatch(first) is not None and first not in beat and first not in L.DOMAIN_WORDS


#: A scope word before one rare word: the word is the term (``global nonproliferation`` → ``nonproliferation``).
SCOPE_BEFORE_RARE = re.compile(r"^(?:global|international|regional|worldwide) (?P<word>[a-z][a-z-]+)$")
#: The word after the scope is rare in general English below this ``wordfreq`` Zipf frequency.
RARE_ZIPF = 3.5


def scope_stripped(phrase: str) -> str:
    """``global nonproliferation`` → ``nonproliferation`` (a rare word after a scope word), or ``""``."""
    from wordfreq import zipf_frequency

    m = SCOPE_BEFORE_RARE.match(phrase)
    return m.group("word") if m and zipf_frequency(m.group("word"), "en") < RARE_ZIPF else ""


#: Head nouns a glossary may spell another way (``provocative actions`` → ``provocative acts``, ``defense
#: ministerial meeting`` → ``defense ministerial talks``).
HEAD_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("actions", "acts"),
    ("action", "act"),
    ("behaviour", "behavior"),
    ("meeting", "talks"),
    ("meetings", "talks"),
    ("behavior", "acts"),
    ("behaviour", "acts"),
    ("conduct", "acts"),
    ("commanding general", "commander"),  # "Eighth Army commanding general" = "Eighth Army commander"
)


def head_synonyms(form: str) -> list[str]:
    """The form with its head (its last word or words) replaced by each synonym of :data:`HEAD_SYNONYMS`."""
    low = form.lower()
    return [
        form[: len(form) - len(a)] + b for a, b in HEAD_SYNONYMS if low.endswith(" " + a) and len(form) > len(a) + 1
    ]


#: ``POST of COUNTRY`` / ``POST for the COUNTRY``: a country-qualified title (``Foreign Minister of Japan``,
#: ``Secretary of State of the United States of America``).
COUNTRY_SUFFIX = re.compile(
    r"^(?P<post>.+?)\s+(?:of|for)\s+(?:the\s+)?(?:United States(?: of America)?|Republic of Korea|ROK|U\.S\.|Japan"
    r"|South Korea|North Korea|Korea|China|DPRK|Democratic People's Republic of Korea|People's Republic of China)$"
)


def country_suffix_stripped(canonical: str) -> str:
    """The title without a country after ``of``/``for`` (``Foreign Minister of the Republic of Korea`` →
    ``Foreign Minister``), or ``""`` when the post left is not a title."""
    m = COUNTRY_SUFFIX.match(canonical.strip())
    if not m:
        return ""
    post = m.group("post")
    return post if _head(post) in TITLE_HEADS else ""


def title_tail(canonical: str) -> str | None:
    """A title run with one capitalised word after its title head: a service word is cut off (``Pentagon Press
    Secretary Navy`` → ``Pentagon Press Secretary``), a surname makes the run no term (``Foreign Minister
    Park`` → ``""``); ``None`` when the run does not end so."""
    words = canonical.split()
    if len(words) < 3 or words[-2].lower() not in TITLE_HEADS or not words[-2][:1].isupper():
        if len(words) >= 4 and words[-1] in L.SPELT_RANKS and "of" in words[1:-1]:
            return " ".join(words[:-1])  # "Director of Defense Press Operations Colonel": the rank before a name
        return None
    last = words[-1]
    if not re.fullmatch(r"[A-Z][a-z]+", last) or last.lower() in TITLE_HEADS:
        return None
    if last.lower() in L.SERVICE_WORDS:
        return " ".join(words[:-1])
    if last.lower() in L.ORG_HEADS:
        return None
    return ""


def leading_head(canonical: str) -> str:
    """A name opened by a meeting or document head noun cut from a headline (``Meeting Unilateral Press
    Statement`` → ``Unilateral Press Statement``), or ``""``."""
    words = canonical.split()
    heads = L.MEETING_HEADS | L.DOCUMENT_HEADS | _heads("statement communiqué communique readout")
    if len(words) < 3 or words[0].lower() not in heads or not words[1][:1].isupper():
        return ""
    return " ".join(words[1:]) if _head(canonical) in heads else ""


#: A procedural head and ``of`` before the phrase that is the term (``importance of trilateral cooperation``,
#: ``security of critical supply chains``, ``use of ballistic missile``).
PROCEDURAL_OF = re.compile(
    r"^(?:the )?(?:use|importance|role|need|significance|security|safety|stability|purpose|value) of (?:the )?"
    r"(?P<rest>[a-z][a-z -]+)$"
)


def procedural_of(phrase: str) -> str:
    """The phrase after a procedural head and ``of`` (``security of critical supply chains`` → ``critical supply
    chains``), or ``""``."""
    m = PROCEDURAL_OF.match(phrase)
    return m.group("rest") if m and " " in m.group("rest") else ""


#: Countries and capitals beyond the alliance's own that pair with them in a modifier (``DPRK-Russia``).
_OTHER_COUNTRIES = (
    r"Russia|Moscow|Pyongyang|Beijing|Ukraine|Kyiv|India|Australia|Philippines|Vietnam|Taiwan|Iran|NATO|EU"
)


def country_compound_alone(canonical: str) -> bool:
    """Country words joined by hyphens and nothing else (``U.S.-ROK-Japan``, ``ROK-Japan``, ``DPRK-Russia``): a
    modifier of the term that follows, not a term."""
    country = rf"(?:{_COUNTRY_WORDS}|{_OTHER_COUNTRIES})"
    return re.fullmatch(rf"{country}(?:\s?[-‐‑–—]\s?{country})+", canonical.strip()) is not None


def government_of_country(canonical: str) -> bool:
    """``Government of the Republic of Korea``, ``Government of the United States of America``: a country's
    government named in full."""
    country = (
        rf"(?:{_COUNTRY_WORDS}|{_OTHER_COUNTRIES}|United States of America|Democratic People['’]s Republic of Korea)"
    )
    return re.fullmatch(rf"(?:The\s+)?Government\s+of\s+(?:the\s+)?{country}", canonical.strip()) is not None


def hull_symbol(c: Candidate) -> bool:
    """An acronym a number follows wherever it stands: a ship's hull symbol and number (``USS Antietam (CG 54)``,
    ``(DDG 53)``, ``USNS Safeguard (T-ARS 50)``), a unit's acronym before its number (``Carrier Air Wing (CVW) 5``),
    or a hull number in brackets after a ship's name (``ROKS Cheonan (PCC-772)``): part of a name, not a term of
    its own."""
    seen = 0
    for lw, term, rw in _contexts(c):
        hull = re.fullmatch(r"\(?(?:[A-Z]-)?[A-Z]{2,4}", term) is not None and bool(rw)
        number = hull and re.fullmatch(r"\d{1,3}\)?[,.;]?", rw[0]) is not None
        unit = (
            hull
            and len(rw) > 1
            and rw[0] == ")"
            and re.fullmatch(r"[1-9]\d{0,2}[,.;]?", rw[1]) is not None
            and not (len(rw) > 2 and rw[1].isdigit() and plural_noun(rw[2]))  # "(CFC) 2 weeks": a count
            and bool(lw)
            and lw[-1].lower() in UNIT_HEADS
        )
        after_ship = (
            re.fullmatch(r"\([A-Z]{2,5}-?\d{1,4}", term) is not None
            and any(w in SHIP_PREFIXES for w in lw[-3:])
            and bool(rw)
            and rw[0].startswith(")")
        )
        if not (number or unit or after_ship):
            return False
        seen += 1
    return seen > 0


def demonym(canonical: str) -> bool:
    """A nationality word, its plural or nationality words joined by hyphens (``Koreans``, ``Korean-American``,
    ``Japanese``): the people or the adjective of a country, not a place or a term. A country whose name reads
    as a plural nationality (``Philippines``) is no demonym."""
    parts = [p.lower() for p in re.split(r"[-‐‑]", canonical.strip()) if p]
    return (
        bool(parts)
        and canonical[:1].isupper()
        and canonical.lower() not in L.STANDALONE_PLACES  # "Philippines" is the country, not Philippine people
        and all(p in L.NATIONALITY_LOWER or (p.endswith("s") and p[:-1] in L.NATIONALITY_LOWER) for p in parts)
    )


def two_known_terms(phrase: str, glossary: Glossary | None) -> bool:
    """A lowercase pair of words each of which is a glossary term (``alliance readiness``): the Korean composes
    the two entries word by word."""
    words = phrase.split()
    if glossary is None or len(words) != 2 or not phrase[:1].islower():
        return False
    return all(_entry(glossary, w) is not None for w in words)


def country_stripped(canonical: str) -> str:
    """The form without a leading country prefix (``ROK Minister of National Defense`` → ``Minister of
    National Defense``), or ``""`` when there is none."""
    s = re.sub(r"^the\s+", "", canonical.strip(), flags=re.I)
    for p in sorted(COUNTRY_PREFIXES, key=len, reverse=True):
        if s.startswith(p + " ") and len(s) > len(p) + 1:
            return s[len(p) + 1 :]
    return ""


_COUNTRY_INSIDE = re.compile(r"(,\s+|\bof\s+(?:the\s+)?)(?:U\.S\.|US|ROK)\s+(?=[A-Z])")


def country_inside_stripped(canonical: str) -> str:
    """The form without a country written inside it, after a post's comma or its ``of`` (``Commander, U.S. Naval
    Forces Korea`` → ``Commander, Naval Forces Korea``), or ``""`` when there is none: a glossary form with the
    country added is a variant of it, as a form with a country prefix is."""
    out = _COUNTRY_INSIDE.sub(lambda m: m.group(1), canonical)
    return out if out != canonical else ""


#: An honorific before a name: the name is the candidate.
HONORIFIC = re.compile(rf"^(?:{'|'.join(HONORIFICS)})\.?\s+(?=[A-Z])")
#: A form of address: a letter's salutation (``Dear Mr. Chairman``) or an honorific before a bare title
#: (``Madam President``, ``Mr. Speaker``): the speaker turns to the chair, no term.
FORM_OF_ADDRESS = re.compile(
    rf"^(?:Dear\s+.+|(?:(?:{'|'.join(HONORIFICS)})\.?|Madam|Madame|Sir)\s+(?:(?:Vice|Deputy)\s+)?(?P<title>[A-Z][a-z]+))$"
)


def nickname_opened(canonical: str) -> bool:
    """``"Howie" Chandler``, ``"Fox" Fallon`` (after ``General``, ``Admiral``): a nickname in quotes and a family
    name, no full name."""
    return canonical[:1] in OPEN_QUOTES and len(canonical.split()) >= 2


def form_of_address(canonical: str) -> bool:
    """``Dear Mr. Chairman``, ``Madam President``: a salutation or an address to a post (:data:`FORM_OF_ADDRESS`)."""
    m = FORM_OF_ADDRESS.match(canonical)
    return m is not None and (m.group("title") is None or m.group("title").lower() in TITLE_HEADS)


#: Verbs of official copy that end a noun phrase a tagger runs on ("combined defense contributes").
CLAUSE_VERBS: frozenset[str] = frozenset(
    {
        *("contribute", "remain", "continue", "include", "reaffirm", "stress", "note", "welcome", "underscore"),
        *("emphasize", "provide", "prevail"),
    }
)


#: Adjectives that take a complement (``consistent with``): a phrase ending on one was cut out of a clause
#: (``combined defense posture consistent``).
COMPLEMENT_ADJECTIVES: frozenset[str] = frozenset(
    {"consistent", "compatible", "committed", "responsible", "ready", "able", "capable", "necessary", "similar"}
)


#: Heads that ``to the`` and a body or country complete (``U.S. Mission to the United Nations``, ``Ambassador to the
#: Republic of Korea``): sent or accredited to it.
ACCREDITED_HEADS: frozenset[str] = frozenset(
    {"mission", "missions", "delegation", "ambassador", "envoy", "representative", "representatives", "observer"}
)


def accredited_to(canonical: str) -> bool:
    """``to the`` completes the name: an accredited head before it and capitalised words after it (``U.S. Mission
    to the United Nations``)."""
    before, _, after = canonical.partition(" to the ")
    return bool(after) and before.split()[-1].lower() in ACCREDITED_HEADS and after[:1].isupper()


def crosses_a_clause(canonical: str) -> bool:
    """A capitalised unit running over ``to the`` or ending in a verb or a complement-taking adjective (``Lotte
    Group to the Republic of Korea``, ``combined defense contributes``, ``combined defense posture consistent``);
    not a mission named after where it is sent (:func:`accredited_to`)."""
    words = canonical.split()
    if " to the " in canonical and words[0][:1].isupper():
        return not accredited_to(canonical)
    last = words[-1] if words else ""
    verbs = L.VERBS | CLAUSE_VERBS
    verbal = last in verbs or (last.endswith("s") and last[:-1] in verbs) or last in COMPLEMENT_ADJECTIVES
    return len(words) > 1 and last.islower() and verbal


def inner_country_stripped(canonical: str) -> str:
    """The form without a country word inside it (``Chairman of the ROK Joint Chiefs of Staff`` →
    ``Chairman of the Joint Chiefs of Staff``), or ``""``."""
    out = re.sub(r"\b(?:the )?(?:ROK|U\.S\.|US|Republic of Korea|Japanese|Korean)\s+(?=[A-Z])", "the ", canonical)
    out = re.sub(r"\bthe the\b", "the", out)
    return out if out != canonical else ""


#: Country words that open a compound name by a hyphen or dash (``U.S.-ROK Alliance``, ``ROK–U.S. …``; ``U.S-ROK``
#: as published, the last dot missing).
_COUNTRY_WORDS = (
    r"U\.S\.|U\.S|US|United States|ROK|R\.O\.K\.|Republic of Korea|Korea|South Korea|S\. Korea|Japan|DPRK"
    r"|North Korea|China|PRC|Seoul|Washington|Tokyo"
)
#: A chain of country words joined by hyphens or dashes, with the space after it (``United States-Japan-Republic
#: of Korea ``): the country compound before a name.
COUNTRY_COMPOUND = re.compile(rf"^(?:(?:{_COUNTRY_WORDS})\s?[-‐‑–—]\s?)+(?:{_COUNTRY_WORDS})\s+(?=[A-Z])")


#: Country words of a compound and the country each names (``North Korea-U.S. summit`` = ``U.S.-DPRK Summit``).
COUNTRY_CODES: tuple[tuple[str, str], ...] = (
    ("united states", "us"),
    ("u.s.", "us"),
    ("u.s", "us"),
    ("us", "us"),
    ("republic of korea", "kr"),
    ("south korea", "kr"),
    ("rok", "kr"),
    ("korea", "kr"),
    ("north korea", "kp"),
    ("dprk", "kp"),
    ("japan", "jp"),
    ("china", "cn"),
    ("prc", "cn"),
    ("united states of america", "us"),
    ("people's republic of china", "cn"),
)
_COMPOUND_HEAD = re.compile(
    r"^(?:the )?(?P<compound>(?:north korea|south korea|republic of korea|united states|u\.s\.|u\.s|us|rok|korea|dprk"
    r"|japan|china|prc)(?:\s?[-‐‑–—]\s?(?:north korea|south korea|republic of korea|united states|u\.s\.|u\.s|us|rok"
    r"|korea|dprk|japan|china|prc))+)\s+(?P<rest>\S.*)$"
)


def compound_key(form: str) -> str:
    """The countries of a leading compound, in any order and spelling, and the rest of the name (``North
    Korea-U.S. summit`` and ``U.S.-DPRK Summit`` → ``kp+us|summit``), or ``""``."""
    m = _COMPOUND_HEAD.match(re.sub(r"\s*\([^)]*\)", "", form).strip().lower())
    if not m:
        return ""
    codes = dict(COUNTRY_CODES)
    parts = [p.strip() for p in re.split(r"[-‐‑–—]", m.group("compound")) if p.strip()]
    if any(p not in codes for p in parts):
        return ""
    return "+".join(sorted({codes[p] for p in parts})) + "|" + merge_key(m.group("rest"))


def compound_stripped(form: str) -> str:
    """The form without a country compound before it (``United States-Japan-Republic of Korea Trilateral
    Ministerial Meeting`` → ``Trilateral Ministerial Meeting``), or ``""``."""
    s = re.sub(r"\s*\([^)]*\)", "", form).strip()
    m = COUNTRY_COMPOUND.match(s)
    return s[m.end() :] if m and len(s[m.end() :].split()) >= 2 else ""


#: Spellings of a country inside a name, tried in the glossary's spelling (``United States Forces Korea
#: Commander`` → ``U.S. Forces Korea Commander``).
COUNTRY_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("United States", "U.S."),
    ("US", "U.S."),
    ("Republic of Korea", "ROK"),
    ("South Korea", "ROK"),
    ("United Nations", "U.N."),
    ("UN", "U.N."),
)


def spelling_variants(form: str) -> list[str]:
    """The form with each country spelt as in :data:`COUNTRY_SPELLINGS` (``[]`` when it names no country)."""
    out = []
    for long, short in COUNTRY_SPELLINGS:
        alt = re.sub(rf"\b{re.escape(long)}\b(?!\.)", short, form)
        if alt != form:
            out.append(alt)
    return out


def person_key(form: str) -> str:
    """A person's name without case, hyphens, spaces, commas or middle initials (``Jeong Kyeongdoo`` = ``Jeong
    Kyeong-doo``, ``Kim Seon Ho`` = ``Kim Seon-ho``, ``Kim, Seung Kyum`` = ``Kim Seung-kyum``)."""
    s = re.sub(r"\s[A-Z]\.(?=\s)", " ", form)
    return re.sub(r"[\s\-‐‑–.,]", "", s).casefold()


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
WINDOW = 7

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


#: A numbered part of a document and ``of`` before the document's name (``Article V of the``).
_PART_OF = rf"(?:{'|'.join(sorted(DOCUMENT_PARTS))})\s+\S+\s+of\s+(?:the\s+)?"


def _part_of_document(text: str, term: str) -> bool:
    """``text`` is a numbered part of the document ``term`` names (``Article V of the U.S.-Japan Security Treaty``):
    the document is a term of its own, no fragment of its part."""
    return re.fullmatch(rf"{_PART_OF}{re.escape(term)}", text) is not None


def _unit_of_body(text: str, term: str) -> bool:
    """``text`` is a longer name that opens with the numbered unit ``term`` (``7th Infantry Division Noncommissioned
    Officer Academy``), or a post of the body ``term`` (``Defense POW/MIA Accounting Agency Director``): the unit or
    the body is a term of its own, no fragment (:func:`~termdesk.mine.extract.unit_before_body`,
    :func:`~termdesk.mine.extract.body_before_post`)."""
    words = term.split()
    if len(words) < 2 or not text.startswith(term + " "):
        return False
    if _ORDINAL.fullmatch(words[0]) is not None and words[-1].lower() in UNIT_KINDS:
        return True
    post = text[len(term) + 1 :].split()
    return words[-1].lower() in POST_BODY_HEADS and 1 <= len(post) <= 2 and post[-1].lower() in TITLE_HEADS


def fragment_of(c: Candidate, longer: frozenset[str], glossary: Glossary | None) -> str:
    """The longer term that the contexts show the candidate inside — a glossary form in most of them, or a
    longer mined name or a title in all of them — or ``""``. ``longer``: merge keys of the mined names' forms."""
    found = ""
    seen = inside = in_glossary = 0
    own = {merge_key(f) for f in c.forms}
    for lw, term, rw in _contexts(c):
        seen += 1
        hit = ""
        for i in range(min(WINDOW, len(lw)), -1, -1):
            for j in range(min(WINDOW, len(rw)), -1, -1):
                if i == 0 and j == 0 and term == c.canonical:
                    continue
                text = " ".join([*lw[len(lw) - i :], term, *rw[:j]]).strip(" ,.;:'\"()")
                key = merge_key(text) if text else ""
                if not key or key in own:
                    continue
                if glossary is not None and (glossary.lookup(text) or glossary.lookup(_singular_phrase(text))):
                    # "Two-plus-Two [meetings]", "national [security advisors]": a glossary term in the plural
                    hit = text
                    in_glossary += 1
                    break
                if key in longer and not _part_of_document(text, term) and not _unit_of_body(text, term):
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


def inside_a_portfolio(c: Candidate, portfolios: frozenset[str] | set[str]) -> bool:
    """Every context shows the candidate inside the portfolio of a known title (``… for Asian and [Pacific]
    security affairs``: the portfolio ``Asian and Pacific Security Affairs``)."""
    seen = 0
    for lw, term, rw in _contexts(c):
        seen += 1
        texts = (
            " ".join([*lw[len(lw) - i :], term, *rw[:j]]).strip(" ,.;:'\"()")
            for i in range(min(WINDOW, len(lw)), -1, -1)
            for j in range(min(WINDOW, len(rw)), -1, -1)
            if i + j >= 2
        )
        if not any(merge_key(t) in portfolios for t in texts):
            return False
    return seen > 0


def cut_before_complement(c: Candidate) -> bool:
    """A lowercase title followed by ``for``/``of`` and its complement in every context (``South Korea's [deputy
    defense minister] for policy``): the title was cut short."""
    if c.type != "title" or not c.canonical[:1].islower() or not c.contexts:
        return False
    return all(rw[:1] in (["for"], ["of"]) and len(rw) > 1 for _, _, rw in _contexts(c))


_RIGHT_COMPOUND = re.compile(
    rf"^\s?[-‐‑–—]\s?(?P<more>(?:{_COUNTRY_WORDS})(?:\s?[-‐‑–—]\s?(?:{_COUNTRY_WORDS}))*\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


def right_compound(c: Candidate) -> str:
    """The name completed by the country compound it runs on into in every context (``Joint Study for the
    Future Defense Vision of the ROK``–US Alliance → ``… of the ROK–US Alliance``), or ``""``."""
    if not re.search(rf"(?:{_COUNTRY_WORDS})$", c.canonical) or " " not in c.canonical:
        return ""
    whole = ""
    for ctx in c.contexts:
        m = _CONTEXT.match(ctx)
        r = _RIGHT_COMPOUND.match(m.group("right")) if m else None
        if m is None or r is None or not m.group("term").endswith(c.canonical.split()[-1]):
            return ""
        joined = m.group("term") + m.group("right")[: r.end()]
        if whole and merge_key(whole) != merge_key(joined):
            return ""
        whole = joined
    return whole


def cuts_a_known_term(c: Candidate, glossary: Glossary | None) -> str:
    """The glossary term a lowercase phrase's edge cuts at an ``of`` in every context — its last words, ``of`` and
    the words after it, or the words before it up to ``of`` and its first words, make the term (``proliferators of
    [weapons]`` of mass destruction, weapons of ``[mass destruction] proliferators``) — or ``""``: the phrase is a
    piece of a longer one, cut where the chunker's length ran out. A phrase cut on its right is an of-phrase itself:
    ``comprehensive denuclearization`` before ``of the Korean Peninsula`` is a head, not a piece."""
    words = c.canonical.split()
    if glossary is None or len(words) < 2 or not c.canonical[:1].islower() or not c.contexts:
        return ""
    found = ""
    seen = 0
    for lw, _, rw in _contexts(c):
        seen += 1
        right = [w.strip(",.;:()\"'") for w in rw[:4]]
        left = [w.strip(",.;:()\"'") for w in lw[-4:]]
        cut_right = right[:1] == ["of"] and "of" in words  # an of-phrase cut before its second "of"
        cut_left = left[-1:] == ["of"]  # a phrase that starts right after "of"
        hit = ""
        for k in range(1, len(words)):
            tries = [" ".join([*words[-k:], *right[:m]]) for m in range(2, len(right) + 1)] if cut_right else []
            tries += [" ".join([*left[-m:], *words[:k]]) for m in range(2, len(left) + 1)] if cut_left else []
            hit = next((t for t in tries if glossary.lookup(t)), "")
            if hit:
                break
        if not hit:
            return ""
        found = found or hit
    return found if seen else ""


#: Heads a lowercase phrase is cut before when the miner stops short (``U.S.-ROK-Japan [trilateral security]
#: cooperation``).
CUT_HEADS: frozenset[str] = frozenset(
    {"cooperation", "exercise", "exercises", "relationship", "relations", "posture", "framework", "dialogue"}
)


def cut_before_head(c: Candidate) -> bool:
    """A lowercase phrase followed by a head noun of :data:`CUT_HEADS` in every context: a fragment of the
    longer phrase (``trilateral security`` in ``trilateral security cooperation``)."""
    if " " not in c.canonical or not c.canonical[:1].islower() or not c.contexts:
        return False
    seen = 0
    for _, _, rw in _contexts(c):
        seen += 1
        if not rw or rw[0].strip(",.;:").lower() not in CUT_HEADS or rw[0] != rw[0].lower():
            return False
    return seen > 0


#: An abbreviation that may close a place name (``Washington, D.C.``, ``Honolulu, Hawaii`` written ``Haw.``).
_PLACE_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]{1,4}\.")


#: Ranks, titles and honorifics written short (``Gen.``, ``Sen.``, ``Dr.``): they open a name, they close no place.
_RANK_ABBREVIATIONS: frozenset[str] = frozenset(w.rstrip(".") for w in BARE_TITLE_WORDS) | frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "adm", "brig", "cmdr", "cpl", "pfc", "pvt", "st"}
)


def abbreviation_after_place(c: Candidate) -> bool:
    """A capitalised run opened by an abbreviation that follows ``Place,`` in every context (``Washington, [D.C.
    Deputy Secretary] Biegun``): the abbreviation closes the place and its full stop ends the sentence too, so
    the run crosses a sentence boundary. A country code (``U.S.``) opens names and is no such abbreviation."""
    words = c.canonical.split()
    if len(words) < 2 or not _PLACE_ABBREVIATION.fullmatch(words[0]) or words[0].lower() in L.COUNTRY_CODES:
        return False
    if words[0].lower().rstrip(".") in _RANK_ABBREVIATIONS:  # "Seoul, [Gen. Paul LaCamera]": a rank opens a name
        return False
    seen = 0
    for lw, term, _ in _contexts(c):
        seen += 1
        if term != c.canonical or not lw or re.fullmatch(r"[A-Z][a-z]+,", lw[-1]) is None:
            return False
    return seen > 0


def restored_known_start(c: Candidate, glossary: Glossary | None) -> str:
    """The whole name a capitalised run was cut out of, when the capitalised words before it in every context and
    its own first words make a glossary form (``56th Security [Consultative Meeting Joint Communique]`` →
    ``Security Consultative Meeting Joint Communique``: the known SCM and its document), or ``""``."""
    words = c.canonical.split()
    if glossary is None or len(words) < 2 or not c.canonical[:1].isupper():
        return ""
    whole = ""
    seen = 0
    for lw, term, _ in _contexts(c):
        seen += 1
        if term != c.canonical:
            return ""
        hit = ""
        for k in range(1, min(3, len(lw)) + 1):
            left = lw[-k:]
            if not all(re.fullmatch(r"[A-Z][A-Za-z-]*", w) for w in left):
                break
            if any(glossary.lookup(" ".join([*left, *words[:m]])) for m in range(1, len(words))):
                hit = " ".join([*left, *words])
                break
        if not hit or (whole and merge_key(whole) != merge_key(hit)):
            return ""
        whole = hit
    return whole if seen else ""


#: Types of entries that name one thing (a meeting, a body, a drill, a document, an event): a lowercase phrase
#: of their head and some of their modifiers is a later mention of the thing, not a new term.
NAMED_TYPES: frozenset[str] = frozenset({"meeting", "organization", "exercise", "document", "event"})


def _run_key(words: Sequence[str]) -> str:
    """Lowercase words with a plural ``s`` dropped (``Combined Forces`` and ``combined force`` meet)."""
    return " ".join(
        w.lower()[:-1] if w.lower().endswith("s") and not w.lower().endswith("ss") else w.lower() for w in words
    )


def after_a_quoted_name(c: Candidate) -> bool:
    """A lowercase phrase right after a quoted word in every context (``a "2+2" [ministerial meeting]``): the
    quoted word names the meeting, the phrase alone is a fragment of that name."""
    if not c.canonical[:1].islower() or not c.contexts:
        return False
    seen = 0
    for lw, term, _ in _contexts(c):
        seen += 1
        if term != c.canonical or not lw or re.fullmatch(r"[\"“'‘][^\s]+[\"”'’]", lw[-1]) is None:
            return False
    return seen > 0


#: Words before ``and``/``or`` that are themselves lowercase content words: the candidate shares its head with them.
_CONJUNCTIONS = frozenset({"and", "or"})


def second_conjunct(c: Candidate, glossary: Glossary | None) -> str:
    """The whole coordinated phrase a two-word lowercase phrase was cut from after ``WORD and`` in every context,
    the word lowercase, neither a glossary term nor a domain word (``science and [technology cooperation]`` →
    ``science and technology cooperation``): the word is coordinated with the candidate's modifier and shares
    its head; or ``""``. A longer phrase, or one after a term, is a term coordinated with another
    (``extended deterrence and [trilateral security cooperation]``, ``deterrence and [missile defense]``)."""
    if len(c.canonical.split()) != 2 or not c.canonical[:1].islower() or not c.contexts:
        return ""
    whole = ""
    for lw, term, _ in _contexts(c):
        if (
            term != c.canonical
            or len(lw) < 2
            or lw[-1] not in _CONJUNCTIONS
            or re.fullmatch(r"[a-z][a-z-]+", lw[-2]) is None
            or lw[-2] in L.STOPWORDS
            or lw[-2] in L.DOMAIN_WORDS
            or (glossary is not None and glossary.lookup(lw[-2]))
        ):
            return ""
        joined = " ".join([lw[-2], lw[-1], term])
        if whole and whole != joined:
            return ""
        whole = joined
    return whole


#: A base-form verb's past form is at least this frequent in general English (``wordfreq`` Zipf) …
VERB_PAST_ZIPF = 3.5
#: … and at most this much rarer than the word itself (``incorporate``/``incorporated``; not ``supply``).
VERB_PAST_MARGIN = 0.5


def _past(word: str) -> str:
    return word + "d" if word.endswith("e") else word + "ed"


def verb_opened(c: Candidate, beat: frozenset[str]) -> bool:
    """A lowercase phrase opened by a base-form verb after ``to``, ``and``, ``or`` or a comma in every context
    (``simulate realistic threats, [incorporate lessons] learned``, ``deter and [defeat aggression]``): a verb and
    its object, a piece of the sentence. A verb is told by corpus statistics: its past form is common general
    English and about as common as the word itself; words of the beat (``combined``, ``launch``) are not."""
    from wordfreq import zipf_frequency

    words = c.canonical.split()
    if len(words) < 2 or not c.canonical[:1].islower() or not c.contexts or not beat:
        return False
    first = words[0]
    if not first.isalpha() or first in beat or first in L.DOMAIN_WORDS or first.endswith(("ed", "ing", "s")):
        return False
    past = zipf_frequency(_past(first), "en")
    if past < VERB_PAST_ZIPF or past < zipf_frequency(first, "en") - VERB_PAST_MARGIN:
        return False
    seen = 0
    for lw, term, _ in _contexts(c):
        seen += 1
        if term != c.canonical or not lw or not (lw[-1] in ("to", "and", "or") or lw[-1].endswith(",")):
            return False
    return seen > 0


def joined_compound(c: Candidate) -> str:
    """The candidate with the country word it is joined to by a hyphen in every context (``U.S.-[ROK
    Presidential Summit]`` → ``U.S.-ROK Presidential Summit``), or ``""``."""
    joined = ""
    seen = 0
    for _lw, term, _ in _contexts(c):
        seen += 1
        if term == c.canonical:
            return ""
        head = term[: len(term) - len(c.canonical)] if term.endswith(c.canonical) else ""
        if not head or not re.fullmatch(rf"(?:(?:{_COUNTRY_WORDS})[-‐‑–])+", head):
            return ""
        if joined and merge_key(joined) != merge_key(head + c.canonical):
            return ""
        joined = head + c.canonical
    return joined if seen else ""


def hyphen_adjective(canonical: str) -> bool:
    """A name and a participle after a hyphen (``North Korea-related sanctions``, ``DPRK-associated``): an adjective
    cut from its noun, not a term (:data:`~termdesk.mine.extract.HYPHEN_ADJECTIVE`)."""
    return HYPHEN_ADJECTIVE.search(canonical) is not None


#: A people's adjective (``Burmese``, ``Palestinian``, ``Swedish``).
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ian|ish)")
#: Words of a compound of names before a noun (``Six-Party talks``, ``North-South relations``).
_COMPOUND_PARTS: frozenset[str] = frozenset(
    {"two", "three", "four", "five", "six", "party", "north", "south", "east", "west", "inter"}
)


def _compound_of_names(word: str) -> bool:
    """``Six-Party``, ``North-South``, ``Russian-DPRK``: parts that are numbers, directions, peoples or country codes
    (not a region named by its places, ``Asia-Pacific``, which is a term)."""
    parts = [p.lower() for p in word.split("-")]
    return len(parts) >= 2 and all(
        p in _COMPOUND_PARTS or p in L.NATIONALITY_LOWER or p.replace(".", "") in L.COUNTRY_CODES for p in parts
    )


def modifier_alone(c: Candidate) -> bool:
    """A people's adjective or a compound of names, before a common noun in every context (``Burmese officials``,
    ``Palestinian groups``, ``Six-Party partners``, ``North-South relations``): a modifier cut from its noun, not a
    term. A verb or a function word after it proves nothing."""
    w = c.canonical
    if " " in w or not c.contexts or not (_DEMONYM.fullmatch(w) or _compound_of_names(w)):
        return False
    seen = 0
    for _lw, _term, rw in _contexts(c):
        nxt = rw[0].rstrip(".,;:!?)'\"”’") if rw else ""
        if not nxt[:1].islower() or not nxt.isalpha() or nxt in L.STOPWORDS or nxt in L.VERBS:
            return False
        seen += 1
    return seen > 0


def ends_with_country(canonical: str) -> bool:
    """A name that ends in a country's code after a word that is no connector (``Senior U.S.`` of ``senior U.S.
    intelligence officials``, ``Combined US-ROK`` of a headline): the country opens the words cut off after it. Not
    ``Ambassador to the ROK``."""
    words = canonical.split()
    return (
        len(words) >= 2
        and words[-2].lower() not in ("to", "of", "in", "for", "and", "the", "with")
        and words[-1].isupper()  # not "Jo Myong Rok"
        and all(p.lower().replace(".", "") in L.COUNTRY_CODES for p in re.split(r"[-/]", words[-1]) if p)
    )


def coordinated_countries(canonical: str) -> bool:
    """Two countries joined by ``and`` before a shared body (``U.S. and ROK Marine Corps``): two bodies, each of
    them its country's, not one name."""
    words = canonical.replace(",", "").split()

    def country(w: str) -> bool:
        return w.lower().replace(".", "") in L.COUNTRY_CODES or w.lower() in L.NATIONALITY_LOWER

    return len(words) >= 4 and words[1] == "and" and country(words[0]) and country(words[2])


#: A known body before a unit numbered by an ordinal (``U.S. Air Force 51st Fighter Wing``).
_PREFIXED_UNIT = re.compile(
    r"^(?P<body>(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)+) (?P<unit>\d{1,3}(?:st|nd|rd|th) [A-Z].*)$"
)


def prefixed_unit(canonical: str, glossary: Glossary | None) -> str:
    """The unit without the service or command the glossary knows before it (``U.S. Air Force [51st Fighter
    Wing]``: the service is said in the article, the wing is the term), or ``""``. A country alone
    (``U.S. 7th Fleet``) is part of the unit's name."""
    m = _PREFIXED_UNIT.match(canonical)
    if m is None or glossary is None or m.group("unit").split()[-1].lower() not in UNIT_HEADS:
        return ""
    entry = _entry(glossary, m.group("body"))
    return m.group("unit") if entry is not None and entry.type == "organization" else ""


def title_after_body(canonical: str, glossary: Glossary | None) -> str:
    """The title without the body the glossary knows before it (``Japanese Ministry of Foreign Affairs [Director
    General for Asian and Oceanian Affairs Bureau]``: the ministry is its own entry, the post is the term), or
    ``""``. The title opens with a title word or modifier right after the body."""
    words = canonical.split()
    if glossary is None or len(words) < 4:
        return ""
    for k in range(len(words) - 2, 1, -1):
        first = words[k].lower().strip(",")
        if first not in TITLE_HEADS and first not in L.TITLE_MODIFIERS:
            continue
        body = " ".join(words[:k])
        entry = _entry(glossary, body) or _entry(glossary, country_stripped(body) or body)
        if entry is not None and entry.type == "organization":  # "ROK Ministry of Foreign Affairs" too
            return " ".join(words[k:])
    return ""


#: A company, battery or troop named by its letter alone (``Company C``, ``Bravo Battery``): a sub-unit of a
#: battalion the name leaves out, no term by itself.
LETTERED_SUBUNIT = re.compile(
    r"(?:Company|Battery|Troop) [A-H]"
    r"|(?:[A-H]|Alpha|Bravo|Charlie|Delta|Echo|Foxtrot|Golf|Hotel) (?:Company|Battery|Troop)"
)


#: Heads that end a facility's name (``Vandal Training Complex``, ``Spartan Dining Facility``).
FACILITY_HEADS: frozenset[str] = frozenset({"complex", "facility", "range", "academy", "school", "center", "centre"})
#: Heads that end the name of a body, a place or a facility (:func:`coordinated_names`).
_NAME_HEADS: frozenset[str] = L.ORG_HEADS | L.PLACE_HEADS | FACILITY_HEADS


def coordinated_names(c: Candidate, glossary: Glossary | None = None) -> tuple[str, str] | None:
    """Two names of places or bodies joined by ``and`` (``the`` after it dropped), each of two or more capitalised
    words ending in a head (``Vandal Training Complex and Wightman NCO Academy``) or a term the glossary has
    (``Six Party Talks and the United Nations Security Council``): two terms, each a candidate of its own."""
    if c.canonical.count(" and ") != 1 or "," in c.canonical:
        return None
    before, after = c.canonical.split(" and ")
    after = after.removeprefix("the ")

    def named(part: str) -> bool:
        words = part.split()
        if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return False
        return words[-1].lower() in _NAME_HEADS or (glossary is not None and _entry(glossary, part) is not None)

    return (before, after) if named(before) and named(after) else None


def coordinated_titles(canonical: str) -> bool:
    """Two title phrases joined by ``and`` (``General Park Hanki and US Chairman of the Joint Chiefs of Staff``,
    ``… chief of staff and commander Eighth U.S. Army``): a list, not one title. ``Coordinator for Defense
    Policy and Arms Control`` has no title word after ``and``: one title."""
    if " and " not in canonical:
        return False
    before, after = canonical.split(" and ", 1)

    def titled(part: str) -> bool:
        return any(w.lower().strip(",.") in TITLE_HEADS for w in part.split())

    def bodied(part: str) -> bool:
        return any(w.lower().strip(",.") in L.ORG_HEADS for w in part.split())

    return (titled(before) and titled(after)) or (after[:1].isupper() and bodied(before) and bodied(after))


#: What follows a transcript's speaker label: a colon, perhaps after an interpreter's note.
_SPEAKER_END = re.compile(r"^\s*(?:\((?:through|via) (?:an? )?(?:interpreter|translator)\)\s*)?:", re.I)


def honorific_label(c: Candidate) -> bool:
    """A word in capitals after ``MR``/``MS`` in every context: a speaker's family name (``MR ICE:``), no
    acronym."""
    seen = 0
    for lw, _, _ in _contexts(c):
        seen += 1
        if not lw or lw[-1] not in L.SPEAKER_HONORIFICS:
            return False
    return seen > 0 and c.canonical.isupper()


def speaker_label(c: Candidate) -> bool:
    """A speaker's label in a transcript in every context: an all-capitals name before a colon (``SECRETARY
    BLINKEN:``), or a label at the start of its paragraph before ``(through interpreter):`` (``ROK Minister (through
    interpreter): This morning …``)."""
    if not c.contexts:
        return False
    caps = " " in c.canonical and c.canonical.isupper()
    for x in c.contexts:
        m = _CONTEXT.match(x)
        if m is None:
            return False
        right = m.group("right")
        if caps and right.startswith(":"):
            continue
        if not m.group("left").strip() and _SPEAKER_END.match(right) and right.lstrip()[:1] == "(":
            continue
        return False
    return True


#: ``President Yoon Suk Yeol of the Republic of Korea``: a title, a name and the title's country in one run.
TITLE_NAME_OF = re.compile(
    r"^(?:(?:Prime|Vice|Deputy|Foreign|Defense)\s+)?(?P<title>[A-Z][a-z]+)\s+"
    r"(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?:[ -][A-Z]?[a-z]+){1,2})\s+of\s+(?:the\s+)?[A-Z]"
)


def title_name_of(canonical: str) -> str:
    """The person of a ``TITLE NAME of COUNTRY`` run (``Prime Minister Fumio Kishida of Japan`` → ``Fumio
    Kishida``), or ``""``."""
    m = TITLE_NAME_OF.match(canonical)
    if not m or m.group("title").lower() not in TITLE_HEADS:
        return ""
    name = m.group("name")
    # "Principal Deputy Assistant Secretary of Defense …" is a title through and through, no name in it
    return "" if any(w.lower() in TITLE_HEADS or w.lower() in GRADE_WORDS for w in name.split()) else name


#: A Korean name (family name, given name — hyphenated, or one word after a run of two words or more) ending a longer
#: capitalised run.
_TRAILING_KOREAN_NAME = re.compile(
    r"^(?P<front>.+?)\s+(?P<name>(?P<family>[A-Z][a-z]{1,4})\s+[A-Z][a-z]+(?P<hyphen>-[a-z]+)?)$"
)


def trailing_korean_name(canonical: str) -> str:
    """The Korean person a title's tail runs into (``Security Affairs Lee Do-hoon`` → ``Lee Do-hoon``, cut from
    ``Special Representative for Korean Peninsula Peace and Security Affairs Lee Do-hoon``), or ``""``."""
    m = _TRAILING_KOREAN_NAME.match(canonical)
    if not m or m.group("family").lower() not in L.KOREAN_SURNAMES:
        return ""
    front, name = m.group("front").split(), m.group("name")
    if not m.group("hyphen") and front[-1].lower() in L.KOREAN_SURNAMES and front[-1][:1].isupper():
        # "Policy Cho Chang Lae": a three-part name, Cho its family name (not "Chang Lae")
        front, name = front[:-1], f"{front[-1]} {name}"
        if not front or HONORIFIC.match(" ".join(front) + " X"):
            return name if front else ""  # "Dr. Cho Chang Lae": the honorific is another rule's
    if not m.group("hyphen") and (len(front) < 2 or _head(" ".join(front)) in TITLE_HEADS):
        return ""  # "Security Affairs Kim Gunn" is cut; "Minister Kim Gunn" is a title and a name, for title_name_of
    return name if front[-1][:1].isupper() else ""


#: A lowercase noun in the possessive opening a phrase: the phrase is cut out of a clause (``countries'
#: commitment`` of ``the two countries' commitment to …``, ``sides' resolve``, ``nation's security``).
_POSSESSIVE_START = re.compile(r"^[a-z][a-z-]*(?:s['’]|['’]s)\s")


def possessive_opened(canonical: str) -> bool:
    """A phrase opened by a lowercase possessive noun (``countries' commitment``): a sentence piece."""
    return _POSSESSIVE_START.match(canonical) is not None


#: General-English frequency (Zipf) under which a word marks a lowercase phrase as the beat's own (``trilateral``,
#: ``nonproliferation``, ``deterrent``): chosen on the development splits (docs/mining in the README).
RARE_ZIPF = 3.5


#: A word this rare in general English (``wordfreq`` Zipf) is evidence of a term by itself (``nonproliferation``),
#: whether or not the glossary uses it yet.
OFF_BEAT_RARE_ZIPF = 3.0


def off_beat_words(phrase: str, beat: frozenset[str], zipf: Callable[[str], float]) -> list[str]:
    """The content words of a phrase that are neither words of the beat (the glossary's English, singular or
    plural; for a hyphenated word, the word or one of its parts) nor rare in general English: ``targets`` in
    ``fleeting and mobile targets``, none in ``missile defense posture``."""
    out: list[str] = []
    for w in re.findall(r"[a-z][a-z'-]*[a-z]|[a-z]", phrase.lower().replace("’", "'")):
        if w in L.STOPWORDS:
            continue
        pieces = [w, *(p for p in w.split("-") if p)]
        if any(p in beat or singular(p) in beat for p in pieces) or zipf(w) < OFF_BEAT_RARE_ZIPF:
            continue
        out.append(w)
    return out


#: Plural heads that make a lowercase phrase a description of things done or sent (``force posture initiatives``,
#: ``joint military forces``, ``tactical vehicle operations``, ``drone incursions``), not a term, unless a modifier
#: is rare in general English (``counterstrike operations``).
GENERIC_PLURAL_HEADS: frozenset[str] = frozenset(
    {"initiatives", "operations", "forces", "efforts", "activities", "incursions", "measures", "actions", "steps"}
)


#: Words that say who takes part in an exercise or where, not which exercise (``trilateral maritime exercise``).
EXERCISE_DESCRIBERS: frozenset[str] = frozenset(
    {"trilateral", "bilateral", "combined", "joint", "multinational", "multilateral", "allied", "military", "naval"}
    | {"maritime", "air", "ground", "amphibious", "large-scale", "annual", "live-fire", "field", "routine", "regular"}
    | {"trilateral-naval", "combined-joint", "sea", "land", "army", "navy"}
)
#: (phrase, held back): an exercise described by who takes part or where, no exercise's name; a name stays.
EXERCISE_DESCRIPTION_EXAMPLES: tuple[tuple[str, bool], ...] = (
    ("trilateral maritime exercise", True),
    ("combined naval exercises", True),
    ("trilateral-naval exercise", True),
    ("combined joint exercise", True),
    ("large-scale employment exercise", False),
    ("Freedom Edge exercise", False),
    ("missile warning exercise", False),
)


def exercise_description(phrase: str) -> bool:
    """A lowercase exercise described by who takes part or where (:data:`EXERCISE_DESCRIPTION_EXAMPLES`): the
    exercise it names is the article's named one; held back, not offered."""
    words = phrase.split()
    return (
        len(words) >= 2
        and phrase[:1].islower()
        and words[-1] in L.EXERCISE_HEADS
        and all(w in EXERCISE_DESCRIBERS for w in words[:-1])
    )


def held_back(c: Candidate, zipf: Callable[[str], float], beat: frozenset[str] = frozenset()) -> bool:
    """A lowercase phrase with no evidence that it is a term rather than a phrase of the sentence; it is seen in
    one article only and either

    * has two words, none of them rare in general English (``military counterpart``, ``economic security``,
      ``headquarters building``), or
    * has a word that is neither the beat's (the glossary's English) nor rare in general English
      (``fleeting and mobile targets``, ``receive special recognition``, ``formal consultations``:
      :func:`off_beat_words`), or
    * ends in a generic plural head with no rare modifier (:data:`GENERIC_PLURAL_HEADS`), or
    * coordinates its first word with the next (``ready and combined force``).

    Two numbered documents joined by ``and`` (:data:`NUMBERED_PAIR`) and a country's government named in full
    (:func:`government_of_country`: a defined term of a sanctions order, or words around the country) are held back
    whatever their counts.

    A phrase in capitals (a heading, a transcript's tag: ``THROUGH TRANSLATOR``, ``FACT SHEET``) with a word off the
    beat is held back too; ``GWANGJU AIR BASE`` is not.

    It is kept, with status ``held-back``, below the new candidates: the reviewer can still take it, but it is
    not offered."""
    words = c.canonical.split()
    if (
        exercise_description(c.canonical)
        or coordination(c.canonical)
        or NUMBERED_PAIR.search(c.canonical)
        or government_of_country(c.canonical)
    ):
        return True
    if len(words) < 2 or any(ch.isdigit() for ch in c.canonical) or (c.freq >= 2 and c.doc_freq >= 2):
        return False
    if c.canonical.isupper():  # a heading or a transcript's tag in capitals (THROUGH TRANSLATOR, FACT SHEET)
        return bool(beat) and bool(off_beat_words(c.canonical, beat, zipf))
    if not c.canonical[:1].islower():
        return False
    if beat and off_beat_words(c.canonical, beat, zipf):
        return True
    if words[-1].lower() in GENERIC_PLURAL_HEADS and not any(zipf(w) < OFF_BEAT_RARE_ZIPF for w in words[:-1]):
        return True  # "force posture initiatives", "joint military forces", "tactical vehicle operations"
    if len(words) >= 3 and words[1] == "and":
        return True  # "ready and combined force", "multilateral and trilateral initiatives": two modifiers coordinated
    return len(words) == 2 and all(
        zipf(w) >= RARE_ZIPF for part in words for w in part.replace("’", "'").split("-") if w
    )


#: Two numbered documents joined by ``and`` (``Resolutions 1718 and 1874``, ``Executive Orders 13810 and 13382``):
#: two documents in one candidate, held back like a coordination.
NUMBERED_PAIR = re.compile(r"[A-Za-z]s \d+ and \d+$")


def coordination(phrase: str) -> bool:
    """A lowercase phrase that coordinates words or phrases (``nuclear and missile programs``, ``humanitarian
    assistance and disaster relief``, ``complete, verifiable, and irreversible denuclearization``): it is held back
    whatever its counts (a fixed coordination of the beat and a passing one look alike), and never counts as
    the longer phrase its conjuncts are cut from."""
    return phrase[:1].islower() and re.search(r"\s(?:and|or)\s", phrase) is not None


def common_word_alone(c: Candidate) -> bool:
    """One capitalised word typed a place on weak evidence that is a common English word, a noun, adjective or
    verb of ``lemminflect``'s lexicon (``Navy``, ``Peninsula``, ``Marines``, ``Summit``): a piece of a longer
    name or a later mention, not a place. Place names are not in that lexicon (``Ukraine``, ``Kauai``) and
    :data:`~termdesk.mine.wordlists.PLACE_NAMES` are kept (``Pacific``). It is held back, not dropped."""
    word = c.canonical.strip()
    if c.type != "place" or c.type_confidence != "low" or not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    if word.lower() in L.PLACE_NAMES:
        return False
    return bool(lemmas(word.lower()))


#: Proper-name heads a possessive joins to a name (``Democratic People's Republic of Korea``).
_POSSESSIVE_NAME = re.compile(r"^[’']s\s+[A-Z]")


def cut_at_possessive(c: Candidate, glossary: Glossary | None) -> str:
    """The glossary name that every context shows the candidate cut out of at a possessive (``[Democratic
    People]'s Republic of Korea``), or ``""``."""
    if glossary is None or not c.contexts:
        return ""
    found = ""
    for ctx in c.contexts:
        m = _CONTEXT.match(ctx)
        if not m or not _POSSESSIVE_NAME.match(m.group("right")):
            return ""
        right = m.group("right").split()
        hit = ""
        for j in range(min(WINDOW, len(right)), 0, -1):
            text = m.group("term") + m.group("right")[: len(" ".join(right[:j]))]
            text = re.sub(r"[’']s$", "", text.strip(' ,.;:"()…'))
            if glossary.lookup(text):
                hit = text
                break
        if not hit:
            return ""
        found = found or hit
    return found


class KnownForms:
    """The glossary looked up the ways a new candidate may differ from an entry's form: a country prefix
    or compound (``ROK Minister of National Defense``, ``Trilateral Ministerial Meeting`` for ``United
    States-Japan-Republic of Korea Trilateral Ministerial Meeting``), a country spelt out (``United States
    Forces Korea Commander``), a person's name without its hyphen (``Jeong Kyeongdoo``)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.people: dict[str, Entry] = {}
        self.stripped: dict[str, Entry] = {}
        #: merge key of a title's words before ``of``/``for`` → the entries with such a form
        self.title_stems: dict[str, dict[str, Entry]] = {}
        #: merge keys of the portfolio after ``of``/``for`` in a title or body (``Foreign Affairs``)
        self.portfolios: set[str] = set()
        #: a name opened by a country compound, by :func:`compound_key` (the countries in any order)
        self.compounds: dict[str, Entry] = {}
        #: a multiword name's letters without spaces or hyphens → its entry (``Dongmaeng`` for ``Dong Maeng``)
        self.unspaced: dict[str, Entry] = {}
        #: unspaced keys of names other than people's by their first four letters, for one-letter misspellings
        self.names_by_start: dict[str, list[str]] = {}
        #: person keys by their first four letters, for one-letter misspellings
        self.people_by_start: dict[str, list[str]] = {}
        #: runs of two words or more inside a longer name (words singular, lowercase) → the entry
        self.runs: dict[str, Entry] = {}
        #: the last word of a person's name given name first → the entries with it (a later mention: ``Putin``)
        self.surnames: dict[str, dict[str, Entry]] = {}
        #: a numbered or named unit's form without its country (``2nd Infantry Division`` of ``U.S. 2nd Infantry
        #: Division``) → the entry
        self.units: dict[str, Entry] = {}
        #: :func:`loose_key` of each title's or body's form → the entries, and the country codes each entry's forms name
        self.loose: dict[str, dict[str, Entry]] = {}
        self.countries: dict[str, set[str]] = {}
        forms = {merge_key(f) for e in glossary for f in e.en_forms}
        for e in glossary:
            if e.status == "deprecated":
                continue
            for f in e.en_forms:
                if e.type == "person":
                    self.people.setdefault(person_key(f), e)
                    self._index_surname(e, f)
                    self.people_by_start.setdefault(person_key(f)[:4], []).append(person_key(f))
                if e.type in ("title", "organization"):
                    self._index_title(e, f, forms)
                    key = loose_key(f)
                    if key:
                        self.loose.setdefault(key, {})[e.id] = e
                        self.countries.setdefault(e.id, set()).add(country_code(f)[0])
                unit = country_stripped(f) if e.type == "organization" else ""
                if unit and unit.split()[-1].lower() in UNIT_HEADS:
                    self.units.setdefault(merge_key(unit), e)
                if compound_key(f):
                    self.compounds.setdefault(compound_key(f), e)
                if e.type != "person" and re.search(r"[A-Za-z][\s-]+[A-Za-z]", f):
                    self.unspaced.setdefault(person_key(f), e)
                    self.names_by_start.setdefault(person_key(f)[:4], []).append(person_key(f))
                bare = compound_stripped(f)
                if bare and bare[:1].isupper():
                    self.stripped.setdefault(merge_key(bare), e)
                if e.type != "person":
                    self._index_runs(e, f)

    def _index_surname(self, e: Entry, form: str) -> None:
        words = form.replace(",", " ").split()
        while words and words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
            words.pop()
        # a Korean name (family name first, or a hyphenated given name) has no surname at its end
        if len(words) < 2 or words[0].lower() in L.KOREAN_SURNAMES or "-" in words[-1]:
            return
        if re.fullmatch(r"[A-Z][a-z]{2,}", words[-1]):
            self.surnames.setdefault(words[-1], {})[e.id] = e

    def surname_of(self, canonical: str) -> Entry | None:
        """The one known person a single capitalised word is the surname of (``Putin`` for Vladimir Putin): a later
        mention of the person, or None (no such person, or two of them)."""
        hits = self.surnames.get(canonical.strip(), {})
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _index_runs(self, e: Entry, form: str) -> None:
        """Index the runs a lowercase later mention may take of a meeting's, body's, drill's, document's or event's
        name: a run that ends at the name's head (its last word before ``of``/``for``), all capitalised words of
        the name (``Consultative Meeting``) or lowercase modifiers (``military talks`` of ``general-level
        military talks``; not ``foreign ministers' meeting`` of ``ARF foreign ministers' meeting``, which an
        acronym opens). A run before the head (``missile defense`` of a defense command) or of a concept or weapon
        (``nuclear weapons`` of ``tactical nuclear weapons``) is a broader term of its own."""
        words = re.sub(r"\s*\([^)]*\)", "", form).split()
        cut = next((i for i in range(1, len(words)) if words[i].lower() in ("of", "for")), len(words))
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                run = words[i:j]
                if j - i == len(words) or j > cut or run[0].lower() in L.STOPWORDS or run[-1].lower() in L.STOPWORDS:
                    continue
                if e.type not in NAMED_TYPES or j != cut:
                    continue
                capitalised = all(w[:1].isupper() or w.lower() in L.STOPWORDS for w in run)
                lowercase = i > 0 and all(w[:1].islower() for w in words[:j])
                if capitalised or lowercase:
                    self.runs.setdefault(_run_key(run), e)

    def _index_title(self, e: Entry, form: str, forms: set[str]) -> None:
        words = re.sub(r"\s*\([^)]*\)", "", form).split()
        for i, w in enumerate(words):
            if w not in ("of", "for") or i == 0:
                continue
            if e.type == "title":
                self.title_stems.setdefault(merge_key(" ".join(words[:i])), {})[e.id] = e
            rest = [x for x in words[i + 1 :] if x != "the"] if words[i + 1 : i + 2] == ["the"] else words[i + 1 :]
            for j in range(len(rest) - 1):
                tail = rest[j:]
                key = merge_key(" ".join(tail))
                if tail[-1].lower() not in L.ORG_HEADS and key not in forms and "of" not in tail and "for" not in tail:
                    self.portfolios.add(key)

    def inside_a_name(self, canonical: str) -> Entry | None:
        """The glossary name a lowercase phrase is a run of (``consultative meetings`` of Security Consultative
        Meeting, ``combined force`` of Combined Forces Command, ``military talks`` of inter-Korean general-level
        military talks): a generic later mention or a piece of the name, not a term of its own; or None."""
        if not canonical[:1].islower() or " " not in canonical:
            return None
        return self.runs.get(_run_key(canonical.split()))

    def ambiguous_stem(self, canonical: str) -> bool:
        """A short title that begins titles of two or more entries (``Deputy Secretary`` of Defense, of State):
        a later mention, not a term."""
        return len(self.title_stems.get(merge_key(canonical), ())) >= 2

    def stem_in_batch(self, canonical: str, batch: frozenset[str]) -> Entry | None:
        """The one entry of an ambiguous short title that the batch names in full, or None."""
        hits = [e for i, e in self.title_stems.get(merge_key(canonical), {}).items() if i in batch]
        return hits[0] if len(hits) == 1 else None

    def portfolio(self, canonical: str) -> bool:
        """The portfolio of a known title or body, mined alone (``Minister of [Foreign Affairs]``, ``Deputy
        Minister for National [Defense Policy]``)."""
        return merge_key(canonical) in self.portfolios

    def misspelt_person(self, canonical: str) -> Entry | None:
        """A known person one letter away (``Jeong Keyong-doo`` for ``Jeong Kyeong-doo``: two letters swapped,
        one added, dropped or changed), or None."""
        key = person_key(canonical)
        if len(key) < 8:
            return None
        hits = {k for k in self.people_by_start.get(key[:4], ()) if _one_edit(key, k)}
        return self.people[hits.pop()] if len(hits) == 1 else None

    def misspelt_name(self, canonical: str) -> Entry | None:
        """A known title or body of three words or more one letter away once spaces and dots go (``US Force Korea
        Commander`` for ``U.S. Forces Korea Commander``), or None."""
        key = person_key(canonical)
        if len(canonical.split()) < 3 or len(key) < 12:
            return None
        hits = {k for k in self.names_by_start.get(key[:4], ()) if k == key or _one_edit(key, k)}
        return self.unspaced[hits.pop()] if len(hits) == 1 else None

    def loose_entry(self, form: str) -> Entry | None:
        """The one title or body entry with a form of the same :func:`loose_key` (``South Korean Minister of Defense``
        for ``ROK Minister of Defense``); failing that, with the form's country left out, the one entry whose forms
        name that country (``Japanese Minister of Defense`` is never the ROK post); failing that, the form after that
        country keyed on its own, a country after it included (``U.S. Special Representative for the DPRK`` is
        ``Special Representative for North Korea``, whose forms name the U.S. too); or None."""
        code, rest = country_code(OFFICE_PREFIX.sub("", form))
        tries = [(loose_key(form), ""), (loose_key(form, country=False), code)]
        if code and rest != form:
            tries.append((loose_key(rest), code))
        for key, want in tries:
            hits = self.loose.get(key, {})
            if want:
                hits = {i: e for i, e in hits.items() if want in self.countries.get(i, ())}
            # "defense ministers" of "defense chief" folds to "defense minister" too: the headword wins
            if len(hits) > 1:
                hits = {i: e for i, e in hits.items() if loose_key(e.en) == key}
            if len(hits) == 1:
                return next(iter(hits.values()))
            if not code:
                break
        return None

    def entry(self, c: Candidate) -> Entry | None:
        """The entry the candidate is a variant of, or None."""
        if " " not in c.canonical.strip() and c.type in ("person", "place", "organization"):
            surname = self.surname_of(c.canonical)
            if surname is not None and _entry(self.glossary, c.canonical) is None:
                return surname
        if c.type == "person":
            plain = re.sub(r"\s[A-Z]\.(?=\s)", "", c.canonical)  # Antony J. Blinken → Antony Blinken
            e = _entry(self.glossary, plain) if plain != c.canonical else None
            return e or self.people.get(person_key(c.canonical)) or self.misspelt_person(c.canonical)
        tries = [
            country_stripped(c.canonical),
            inner_country_stripped(c.canonical),
            country_suffix_stripped(c.canonical),
            # "Self-Defense Force" for the glossary's "Self-Defense Forces"
            c.canonical + "s" if c.type == "organization" and c.canonical.endswith("Force") else "",
            *spelling_variants(c.canonical),
            *head_synonyms(c.canonical),
            *initials_opening(c.canonical),
        ]
        for t in [t for t in tries if t and t != c.canonical]:
            e = _entry(self.glossary, t) or _entry(self.glossary, _singular_phrase(t))
            if e is not None:
                return e
        titled = _head(c.canonical) in TITLE_HEADS
        loose = self.loose_entry(c.canonical) if titled or re.search(r"\b[A-Z]", c.canonical) else None
        if loose is not None:  # "Minister of Defense" for "Defense Minister", "Blue House Director of …"
            return loose
        if merge_key(c.canonical) in self.units:  # "2nd Infantry Division" for "U.S. 2nd Infantry Division"
            return self.units[merge_key(c.canonical)]
        if compound_key(c.canonical) in self.compounds:  # "U.S.-DPRK Summit" for "North Korea-U.S. summit"
            return self.compounds[compound_key(c.canonical)]
        if c.canonical[:1].isupper() and c.type != "place":
            e = self.misspelt_name(c.canonical) or next(
                (self.misspelt_name(t) for t in spelling_variants(c.canonical) if self.misspelt_name(t)), None
            )
            if e is not None:
                return e
        if " " not in c.canonical and c.canonical[:1].isupper() and person_key(c.canonical) in self.unspaced:
            return self.unspaced[person_key(c.canonical)]  # "Dongmaeng": the glossary's "Dong Maeng" run together
        if c.canonical[:1].isupper() and not compound_stripped(c.canonical):
            # a bare name only: "U.S.-Japan Mutual Defense Treaty" is not the U.S.-ROK one
            return self.stripped.get(merge_key(c.canonical))
        return self.compound_named_in_korean(c.canonical)

    def compound_named_in_korean(self, canonical: str) -> Entry | None:
        """The entry of a name's bare form whose Korean opens with the compound of the same countries: ``United
        States-Republic of Korea-Japan Defense Trilateral Talks`` is ``Defense Trilateral Talks`` (한미일 안보회의),
        ``U.S.-Japan Mutual Defense Treaty`` is not a bare ``Mutual Defense Treaty`` (한미상호방위조약). A Korean naming
        no countries is South Korea's name (``U.S-ROK Deterrence Strategy Committee Tabletop Exercise``, 확장억제수단
        운용연습), not another pair's (``U.S.-Japan …``)."""
        key, bare = compound_key(canonical), compound_stripped(canonical)
        e = (_entry(self.glossary, bare) or self.unspaced.get(person_key(bare))) if key and bare else None
        if e is None:
            return None
        words = e.ko.replace("·", "").split()
        prefix = compound_prefix(words[0]) if words else None
        codes = frozenset(code.upper() for code in key.split("|", 1)[0].split("+"))
        if prefix is None:  # the Korean names no countries: the glossary's bare name is South Korea's (the beat's)
            return e if "KR" in codes else None
        return e if prefix[1] == codes else None


#: Offices whose name opens a post they house (``Blue House Director of the National Security Office``).
OFFICE_PREFIX = re.compile(
    r"^(?:the\s+)?(?:Blue House|Cheong Wa Dae|Presidential Office|presidential office)\s+(?=[A-Z])"
)

#: ``HEAD of [the] PORTFOLIO``: a title or body said the long way (``Minister of Defense``, ``Commander of United
#: Nations Command``) — the same post as ``PORTFOLIO HEAD``.
_HEAD_OF = re.compile(r"^(?P<head>(?:[A-Za-z][a-z]+\s+)?[A-Za-z]+)\s+of\s+(?:the\s+)?(?P<rest>[^()]+)$")

#: The ways a post's country is said before it, and the code of :data:`COUNTRY_CODES` :func:`loose_key` folds each into.
COUNTRY_CODE_PREFIXES: tuple[tuple[str, str], ...] = (
    *(
        (p, "kr")
        for p in ("Republic of Korea (ROK)", "Republic of Korea", "South Korean", "South Korea's", "South Korea")
    ),
    *((p, "kr") for p in ("ROK", "R.O.K.", "Korean", "Korea's", "Seoul's")),
    *((p, "us") for p in ("United States", "U.S.", "US", "American", "America's", "Washington's")),
    *((p, "jp") for p in ("Japanese", "Japan's", "Japan", "Tokyo's")),
    *((p, "kp") for p in ("North Korean", "North Korea's", "DPRK", "Democratic People's Republic of Korea")),
    *((p, "cn") for p in ("Chinese", "China's", "PRC")),
)


def country_code(form: str) -> tuple[str, str]:
    """``(code, rest)``: the country a post or body names before or after it, folded to its :data:`COUNTRY_CODES` code
    (``South Korean Minister of Defense`` → ``("kr", "Minister of Defense")``; ``Minister of Defense of Japan`` →
    ``("jp", "Minister of Defense")``), or ``("", form)``."""
    s = re.sub(r"^the\s+", "", form.strip(), flags=re.I)
    for prefix, code in sorted(COUNTRY_CODE_PREFIXES, key=lambda pc: len(pc[0]), reverse=True):
        if s.startswith(prefix + " ") and s[len(prefix) + 1 : len(prefix) + 2].isupper():
            return code, s[len(prefix) + 1 :]
    m = COUNTRY_SUFFIX.match(s)
    if m:
        tail = re.sub(r"^(?:of|for)\s+(?:the\s+)?", "", s[len(m.group("post")) :].strip()).casefold()
        return dict(COUNTRY_CODES).get(tail, ""), m.group("post")
    return "", s


#: ``in`` (or a comma) between a force and its place, which the name leaves out (``U.S. Forces in Japan``, ``U.S.
#: Forces, Korea`` = ``U.S. Forces Japan``, ``U.S. Forces Korea``): the force heads extraction joins the same way
#: (:data:`~termdesk.mine.extract.FORCE_HEADS`).
FORCE_IN_PLACE = re.compile(
    rf"\b(?P<head>{'|'.join(sorted((h.capitalize() for h in FORCE_HEADS), key=len, reverse=True))})(?: in|,) (?=[A-Z])"
)


def loose_key(form: str, *, country: bool = True) -> str:
    """A key that a post or body keeps however it is worded: no ``the`` or commas, no office prefix (``Blue House``),
    its country folded to one code before it (``South Korean``/``ROK``/``of the Republic of Korea`` → ``kr``;
    dropped when ``country`` is false), the long ``HEAD of PORTFOLIO`` turned round (``Minister of Defense`` =
    ``Defense Minister``, ``Commander of the United Nations Command`` = ``United Nations Command Commander``; a
    country compound opening the body dropped: ``deputy commander of ROK-U.S. Combined Forces Command``), case,
    hyphens and plurals folded as :func:`merge_key` does; ``in`` between a force and its place dropped
    (:data:`FORCE_IN_PLACE`). ``""`` for a form of one word."""
    s = re.sub(r"\s*\([^)]*\)", "", form.replace("’", "'")).replace(",", " ").strip()
    s = OFFICE_PREFIX.sub("", s)
    s = FORCE_IN_PLACE.sub(r"\g<head> ", s)
    code, s = country_code(s)
    m = _HEAD_OF.match(s)
    if m and m.group("head").split()[-1].lower() in TITLE_HEADS and " of " not in m.group("rest"):
        rest = m.group("rest")
        bare = COUNTRY_COMPOUND.match(rest)  # "… of ROK-U.S. Combined Forces Command": the compound is the body's
        s = f"{rest[bare.end() :] if bare else rest} {m.group('head')}"
    words = [w for w in s.split() if w.lower() != "the"]
    if len(words) < 2:
        return ""
    return merge_key(" ".join([code, *words] if code and country else words))


def _one_edit(a: str, b: str) -> bool:
    """Two different strings one adjacent swap, one letter added or dropped, or one vowel for another apart
    (``keyong``/``kyeong``); a consonant changed makes another name (``Young-soo``, ``Young-moo``)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return a[diff[0]] in "aeiou" and b[diff[0]] in "aeiou"
        swap = len(diff) == 2 and diff[1] == diff[0] + 1
        return swap and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def nested_phrase(c: Candidate, phrases: Sequence[Candidate]) -> str:
    """A longer lowercase phrase of the batch that the lowercase candidate is seen inside, when every context
    shows it inside one and the longer phrases together are at least as frequent (``security cooperation`` in
    ``trilateral security cooperation``; ``trilateral security`` in ``trilateral security cooperation`` and
    ``trilateral security exercises``), or ``""``: the candidate is never used on its own."""
    if " " not in c.canonical or not c.canonical[:1].islower() or not c.contexts:
        return ""
    own = merge_key(c.canonical).split()
    n = len(own)
    longer: list[Candidate] = []
    for d in phrases:
        words = merge_key(d.canonical).split()
        if (
            d is not c
            and d.canonical not in c.variants
            and len(words) > n
            and any(words[i : i + n] == own for i in range(len(words) - n + 1))
        ):
            longer.append(d)
    if not longer:
        return ""
    used: dict[str, Candidate] = {}
    for ctx in c.contexts:
        text = _context_text(ctx)
        around = next((d for d in longer if any(f.casefold() in text for f in d.forms)), None)
        if around is None:
            return ""
        used[around.canonical] = around
    return next(iter(used)) if sum(d.freq for d in used.values()) >= c.freq else ""


def acronym_inside_names(c: Candidate, names: Sequence[Candidate]) -> bool:
    """An acronym seen only inside longer names of the batch that have it as a word (``POW`` in ``Defense POW/MIA
    Accounting Agency`` and ``Defense POW/Missing Personnel Office``): a word of those names, no term of its own.
    Every context must show it inside one of them."""
    if c.type != "acronym" or not c.contexts or not c.canonical.isupper():
        return False
    word = re.compile(rf"(?<![A-Za-z]){re.escape(c.canonical)}(?![A-Za-z])")
    longer = [
        f
        for d in names
        if d is not c and c.canonical not in d.forms
        for f in d.forms
        if len(f) > len(c.canonical) and " " in f and word.search(f)
    ]
    if not longer:
        return False
    for ctx in c.contexts:
        m = _CONTEXT.match(ctx)
        if m is None or not any(f in m.group("left") + m.group("term") + m.group("right") for f in longer):
            return False
    return True


def _context_text(ctx: str) -> str:
    m = _CONTEXT.match(ctx)
    return (m.group("left") + m.group("term") + m.group("right")).casefold() if m else ""


def _merge(a: Candidate, b: Candidate) -> Candidate:
    """One candidate out of two forms of one term (``b`` joins ``a``)."""
    variants = [v for v in (*a.variants, b.canonical, *b.variants) if v != a.canonical]
    contexts = list(a.contexts)
    contexts += [x for x in b.contexts if x not in contexts][: max(0, 3 - len(contexts))]
    return replace(
        a,
        variants=tuple(dict.fromkeys(variants)),
        freq=a.freq + b.freq,
        doc_freq=max(a.doc_freq, b.doc_freq),
        score=round(max(a.score, b.score) + 0.1 * min(a.score, b.score), 3),
        contexts=tuple(contexts),
        linked=tuple(sorted(set(a.linked) | set(b.linked), key=str.casefold)),
    )


def merge_same_term(candidates: Sequence[Candidate]) -> list[Candidate]:
    """New candidates that became one term (a country prefix stripped, a name spelt with and without its
    hyphen) are merged into the first, best-scored one; the order stays by score."""
    first: dict[str, int] = {}
    out: list[Candidate] = []
    for c in candidates:
        key = person_key(c.canonical) if c.type == "person" else merge_key(c.canonical)
        key = f"{c.status}|{c.entry_id}|{key}"
        if key in first:
            out[first[key]] = _merge(out[first[key]], c)
            continue
        first[key] = len(out)
        out.append(c)
    out.sort(key=lambda c: (-c.score, c.canonical.casefold(), c.canonical))
    return out


def _entry(glossary: Glossary, form: str) -> Entry | None:
    entries = [e for e in glossary.lookup(form) if e.status != "deprecated"]
    return entries[0] if entries else None


def surname_head_name(canonical: str) -> bool:
    """A name whose family name is a title word (``Robert King``, ``Travis T. King``): a person, not a title."""
    toks = tokens(canonical)
    return len(toks) >= 2 and _surname_king(toks, len(toks) - 1) and _name_like(toks)


#: A person's name with a middle initial (``Chad J. McNeeley``): typed person whatever the context said.
PERSON_SHAPE = re.compile(r"^[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]*[A-Z]?[a-z'-]+(?: (?:Jr\.|Sr\.|II|III))?$")


def _plain_name(canonical: str) -> bool:
    words = canonical.split()
    heads = L.ORG_HEADS | L.PLACE_HEADS | L.MEETING_HEADS | L.DOCUMENT_HEADS | L.PLACE_NAMES | TITLE_HEADS
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?", w) for w in words)
        and not any(w.lower() in heads for w in words)
    )


def apposition_person(c: Candidate) -> bool:
    """A plain two- or three-word name followed in every context by a comma and a post (``[Satoshi Maeda],
    Japan's director general for defense policy``, ``[Kelly Magsamen], performing the duties of assistant
    secretary``): a person, whatever the weak default type said."""
    if c.type == "person" or not _plain_name(c.canonical) or not c.contexts:
        return False
    seen = 0
    for _, _, rw in _contexts(c):
        seen += 1
        if not rw or not rw[0].startswith(","):
            return False
        after = [w.strip(",.;:’'s").lower() for w in [rw[0].lstrip(","), *rw[1:7]]]
        if not any(w in TITLE_HEADS for w in after):
            return False
    return seen > 0


#: Prepositions of place: a name after one in every context, with no head of a body, is a place.
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "to", "from", "near", "visited", "visit"})


def after_place_preposition(c: Candidate) -> bool:
    """A name typed by a weak default that follows ``in``/``to``/``from`` in every context and has no head of
    a body (``meeting in [Rio de Janeiro]``): a place."""
    words = c.canonical.split()
    if c.type not in ("organization", "concept") or not c.canonical[:1].isupper() or not c.contexts:
        return False
    if any(w.lower() in L.ORG_HEADS | L.MEETING_HEADS | L.DOCUMENT_HEADS | TITLE_HEADS for w in words):
        return False
    seen = 0
    for lw, _, _ in _contexts(c):
        seen += 1
        if not lw or lw[-1].lower() not in PLACE_PREPOSITIONS:
            return False
    return seen > 0


def with_region(c: Candidate) -> Candidate:
    """A place written with ``region`` after it (``the [Indo-Pacific] region``) has that form too: the
    translator renders the two alike (인도태평양 지역)."""
    if c.type != "place" or not c.canonical[:1].isupper():
        return c
    form = f"{c.canonical} region"
    if form in c.variants or not any(
        _context_text(x).find(f"{c.canonical.casefold()} region") >= 0 for x in c.contexts
    ):
        return c
    return replace(c, variants=(*c.variants, form))


#: A place's region after a comma in a context: a country or a U.S. state (``[Hiroshima], Japan``, ``[Hershey],
#: Pa.``).
_REGION_AFTER = re.compile(r"^,\s+(?P<region>[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)")


def with_country(c: Candidate) -> Candidate:
    """A place written with its country or U.S. state after a comma (``Hiroshima, Japan``, ``Hershey, Pa.``) has
    that form too: the written form a translator looks up (일본 히로시마)."""
    if c.type != "place" or not c.canonical[:1].isupper():
        return c
    forms = list(c.variants)
    for ctx in c.contexts:
        m = _CONTEXT.match(ctx)
        if m is None or m.group("term") != c.canonical:
            continue
        after = _REGION_AFTER.match(m.group("right"))
        if after is None:
            continue
        words = after.group("region")
        # "Japan", "Pa.", "New York"; or the first word only ("Alaska" in "Alaska Tuesday")
        region = next(
            (
                r
                for r in (words, words.split()[0])
                if r.lower() in L.US_STATES or r.lower() in L.STANDALONE_PLACES or r in L.POSTAL_CODES
            ),
            "",
        )
        if not region:
            continue
        form = f"{c.canonical}, {region}"
        if form not in forms:
            forms.append(form)
    return replace(c, variants=tuple(forms)) if len(forms) > len(c.variants) else c


def _coordination_split(c: Candidate, glossary: Glossary | None) -> list[Candidate]:
    """A new candidate naming two places or bodies (:func:`coordinated_names`) as two candidates, a part the
    glossary has known (``U.S. Navy and U.S. Army``); others as they are."""
    parts = coordinated_names(c, glossary) if c.status == "new" else None
    if parts is None:
        return [c]
    out = []
    for part in parts:
        entry = _entry(glossary, part) if glossary is not None else None
        if entry is not None:
            out.append(replace(c, canonical=part, variants=(), type=entry.type, status="known", entry_id=entry.id))
        else:
            out.append(replace(c, canonical=part, variants=(), type=head_type(part) or c.type))
    return out


def known_ship(canonical: str, glossary: Glossary | None) -> Entry | None:
    """The glossary's ship that ``canonical`` names without its navy's prefix (``George Washington`` for ``USS George
    Washington``; the prefixes are :data:`termdesk.text.SHIP_PREFIXES`), or None."""
    if glossary is None or not canonical[:1].isupper() or canonical.split()[0] in SHIP_PREFIXES:
        return None
    for prefix in sorted(SHIP_PREFIXES):
        entry = _entry(glossary, f"{prefix} {canonical}")
        if entry is not None:
            return entry
    return None


def given_names(candidates: Sequence[Candidate]) -> frozenset[str]:
    """The given names of the batch's people (``Otto`` of ``Otto Warmbier``, ``Jalina`` of ``Jalina Porter``): a
    later mention by the given name alone names the person, not a place."""
    return frozenset(
        f.split()[0]
        for c in candidates
        if c.type == "person" or PERSON_SHAPE.match(c.canonical) or _name_pair(c.canonical)
        for f in c.forms
        if len(f.split()) >= 2
    )


#: Words after a family name that are no family name (``Joseph F. Fil, Jr.``).
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def short_names(candidates: Sequence[Candidate]) -> dict[str, Candidate]:
    """The one-word names a batch's longer names go by in later mentions, and the longer candidate each stands
    for: the family names of its people (``Loverro`` of ``Douglas L. Loverro``, ``Ellison`` of ``Riki Ellison``),
    a ship's name without its prefix and given names (``Vinson`` of ``USS Carl Vinson``) and a camp's or fort's
    name (``Humphreys`` of ``Camp Humphreys``). A single capitalised word that is one of them is that longer
    name, mentioned short, not a place of its own."""
    out: dict[str, Candidate] = {}
    for c in candidates:
        person = c.type == "person" or PERSON_SHAPE.match(c.canonical) or _name_pair(c.canonical)
        for f in c.forms:
            words = [w for w in f.split() if w not in _NAME_SUFFIXES]
            if len(words) < 2 or re.search(r"-[a-z]", words[0]):
                continue  # "Three-time Superbowl": no name
            if (person and words[0].lower() not in L.KOREAN_SURNAMES) or (
                words[0] in SHIP_PREFIXES or words[0].lower() in L.PLACE_PREFIXES
            ):
                out.setdefault(words[-1].rstrip(","), c)
    return out


def before_a_designator(c: Candidate) -> bool:
    """A single capitalised word right before a designator in every context (``[Taepo] Dong-2``): the first word of
    the system's name, cut off where the designator was read."""
    seen = 0
    for _, term, rw in _contexts(c):
        if " " in term or not rw or not re.fullmatch(r"[A-Z][A-Za-z]*-\d+[A-Za-z]?[,.;]?", rw[0]):
            return False
        seen += 1
    return seen > 0


def _name_pair(canonical: str) -> bool:
    """Two or three capitalised words ending in a family name no dictionary has and opening with no place
    (``Otto Warmbier`` typed a body on weak evidence)."""
    words = canonical.split()
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words)
        and not lemmas(words[-1].lower())
        and words[0].lower() not in L.PLACE_NAMES
    )


def review_candidates(candidates: Sequence[Candidate], glossary: Glossary | None) -> list[Candidate]:
    """Apply the quality rules to the sorted records; dropped candidates are gone, others may change status
    (``variant-of-known``), form (a country prefix stripped, a country compound completed), type (head noun)
    and carry their type's confidence. Candidates that became one term are merged."""
    vocabulary = beat_of(glossary)  # one pass over the glossary
    beat, beat_words, people = vocabulary.words, vocabulary.without_people, vocabulary.people
    known = KnownForms(glossary) if glossary is not None else None
    candidates = [part for c in candidates for part in _coordination_split(c, glossary)]
    # names of titles and bodies (capitalised) are what fragments are cut from: lowercase phrases of the batch
    # overlap freely (THAAD in "THAAD battery" is a term of its own)
    longer = frozenset(merge_key(f) for c in candidates for f in c.forms if c.canonical[:1].isupper())
    all_forms = frozenset(merge_key(f) for c in candidates for f in c.forms)
    phrases = [
        c
        for c in candidates
        if c.status == "new" and c.canonical[:1].islower() and " " in c.canonical and not coordination(c.canonical)
    ]
    batch_entries = frozenset(c.entry_id for c in candidates if c.status != "new" and c.entry_id)
    names = [  # names in capitals throughout (connectors aside): what an acronym may be a word of
        c
        for c in candidates
        if " " in c.canonical
        and all(w[:1].isupper() or w[:1].isdigit() or w in NAME_CONNECTORS for w in c.canonical.split())
    ]
    out: list[Candidate] = []
    generic: list[Candidate] = []  # generic phrases: held back below everything, not dropped
    given = given_names(candidates)
    short = short_names(candidates)
    for c in candidates:
        if (
            c.status == "new"
            and (c.canonical in given or c.canonical in short)
            and c.type != "person"
            and c.canonical.lower() not in L.PLACE_NAMES
        ):
            named = short.get(c.canonical)
            if named is None or named.canonical.split()[0] not in SHIP_PREFIXES:
                continue  # "Otto", "Loverro", "Humphreys": a person or a camp of the batch called by one of its names
            if named.entry_id:  # "Vinson" beside the glossary's "USS Carl Vinson": a short form of the known ship
                out.append(replace(c, status="variant-of-known", entry_id=named.entry_id, type=named.type))
                continue
        if c.status == "new" and " " not in c.canonical and before_a_designator(c):
            continue  # "Taepo" of "Taepo Dong-2"
        if c.status != "new":
            out.append(c)
            continue
        trimmed = " to the " in c.canonical and c.canonical[:1].isupper() and not accredited_to(c.canonical)
        if trimmed:  # "Lotte Group to the Republic of Korea": the name is what comes before "to the"
            head = c.canonical.split(" to the ", 1)[0]
            if len(head.split()) < 2 or merge_key(head) in longer:
                continue
            c = replace(c, canonical=head, variants=())
        post = title_after_body(c.canonical, glossary)
        if post:  # "Japanese Ministry of Foreign Affairs [Director General for …]": the post is the term
            c = replace(c, canonical=post, variants=(c.canonical, *c.variants), type="title")
        if (
            starts_with_coordination(c.canonical)
            or is_bare_title(c.canonical)
            or crosses_a_clause(c.canonical)
            or coordinated_titles(c.canonical)
            or coordinated_countries(c.canonical)
            or hyphen_adjective(c.canonical)
            or (c.status == "new" and (modifier_alone(c) or ends_with_country(c.canonical)))
            or abbreviation_after_place(c)
            or LETTERED_SUBUNIT.fullmatch(c.canonical)
        ):
            continue
        if (
            speaker_label(c)
            or honorific_label(c)
            or possessive_opened(c.canonical)
            or form_of_address(c.canonical)
            or nickname_opened(c.canonical)
        ):
            continue
        korean = trailing_korean_name(c.canonical)
        if korean:  # "Security Affairs Lee Do-hoon": the name is the candidate, the title's tail is not
            if merge_key(korean) in all_forms:
                continue
            c = replace(c, canonical=korean, variants=(), type="person")
        whole = restored_known_start(c, glossary)
        if whole:  # "56th Security [Consultative Meeting Joint Communique]": the name is kept whole
            if merge_key(whole) in all_forms:
                continue
            c = replace(c, canonical=whole, variants=(), type=head_type(whole) or c.type)
        unit = prefixed_unit(c.canonical, glossary)
        if unit:  # "U.S. Air Force [51st Fighter Wing]": the service is the article's, the wing is the term
            c = replace(c, canonical=unit, variants=(c.canonical, *c.variants), type="organization")
        lead = leading_head(c.canonical)
        if lead:  # "Meeting Unilateral Press Statement": a headline's meeting word before the document
            c = replace(c, canonical=lead, variants=(c.canonical, *c.variants))
        tail = title_tail(c.canonical)
        if tail == "":  # "Foreign Minister Park": a title and a surname
            continue
        if tail:  # "Pentagon Press Secretary Navy": the service word before a rank
            c = replace(c, canonical=tail, variants=(), type="title")
        if country_compound_alone(c.canonical) or demonym(c.canonical) or hull_symbol(c):
            continue
        stem = country_stripped(c.canonical)  # "U.S. Special Representative": the holder's country left out
        stem = stem if len(stem.split()) >= 2 else c.canonical  # "ROK President" keeps its own way
        if known is not None and known.ambiguous_stem(stem) and _head(stem) in TITLE_HEADS:
            entry = known.stem_in_batch(stem, batch_entries)
            if entry is not None:  # "Deputy Secretary" after "Deputy Secretary of State" in the batch
                out.append(replace(c, status="variant-of-known", entry_id=entry.id, type=entry.type))
            continue
        person = title_name_of(c.canonical)
        if person:  # "President Yoon Suk Yeol of the Republic of Korea": the person is the candidate
            c = replace(c, canonical=person, variants=(), type="person")
        plain = HONORIFIC.sub("", c.canonical)
        if plain != c.canonical:  # "Dr. Kim Tae-hyo": the person, named without the honorific
            if " " not in plain:  # "Mr. Shin": a later mention by the family name
                continue
            if merge_key(plain) in {merge_key(f) for d in candidates if d is not c for f in d.forms}:
                continue
            entry = _entry(glossary, plain) if glossary is not None else None
            c = replace(c, canonical=plain, variants=(c.canonical, *c.variants), type="person")
            if entry is not None:
                out.append(replace(c, status="variant-of-known", entry_id=entry.id))
                continue
        completed = right_compound(c)
        if completed:  # "… Vision of the ROK–US Alliance": the compound after the dash belongs to the name
            c = replace(c, canonical=completed, variants=(c.canonical, *c.variants))
        compound = joined_compound(c)
        if compound:  # "U.S.-[ROK Presidential Summit]": the compound is the name
            if merge_key(compound) in all_forms:
                continue
            c = replace(c, canonical=compound, variants=(c.canonical, *c.variants))
            entry = _entry(glossary, compound) if glossary is not None else None
            if entry is not None:
                out.append(replace(c, status="known", entry_id=entry.id, type=entry.type))
                continue
        if c.type == "person" and no_name(c.canonical, beat=beat, beat_words=beat_words, people=people):
            # "Defense Policy": words of the beat, no name; "Rodham Clinton": a known person's name cut
            c = replace(c, type=head_type(c.canonical) or "concept")
        designator = any(ch.isdigit() for ch in c.canonical)
        whole_again = bool(whole) or trimmed or bool(compound)
        if c.type != "person" and not designator and not whole_again and fragment_of(c, longer, glossary):
            continue
        if cut_at_possessive(c, glossary):
            continue
        ship = known_ship(c.canonical, glossary)
        if ship is not None:  # "the George Washington": the glossary's USS George Washington, named without prefix
            out.append(replace(c, status="known", entry_id=ship.id, type=ship.type))
            continue
        if known is not None and c.type not in ("person", "place") and known.portfolio(c.canonical):
            continue
        if known is not None and c.type != "person" and inside_a_portfolio(c, known.portfolios):
            continue
        if cut_before_complement(c) or cut_before_head(c) or cuts_a_known_term(c, glossary):
            continue
        if known is not None and head_synonyms(c.canonical):
            entry = known.entry(c)
            if entry is not None:  # "provocative actions" for the glossary's "provocative acts"
                out.append(replace(c, status="variant-of-known", entry_id=entry.id, type=entry.type))
                continue
        rest = procedural_of(c.canonical)
        if rest:  # "security of critical supply chains": the phrase after "of" is the candidate
            if glossary is not None and _entry(glossary, rest) is not None:
                continue
            c = replace(c, canonical=rest, variants=(c.canonical,))
        word = scope_stripped(c.canonical)
        if word:  # "global nonproliferation": the rare word is the term
            c = replace(c, canonical=word, variants=(c.canonical, *c.variants))
            entry = _entry(glossary, word) if glossary is not None else None
            if entry is not None:
                out.append(replace(c, status="known", entry_id=entry.id, type=entry.type))
                continue
        rule = generic_rule(c.canonical)
        known_rest = modifier_stripped(c.canonical, rule, glossary)
        if known_rest is not None:  # "unlawful weapons of mass destruction": the glossary's term after the modifier
            rest, entry = known_rest
            out.append(
                replace(
                    c,
                    canonical=rest,
                    status="known",
                    entry_id=entry.id,
                    type=entry.type,
                )
            )
            continue
        if rule is not None and rule.held:
            generic.append(replace(c, status="held-back"))  # "nuclear attack", "counterstrike capabilities"
            continue
        if rule is not None or (beat and general_english(c.canonical, beat)) or inflected_modifier(c.canonical, beat):
            continue
        if after_a_quoted_name(c) or verb_opened(c, beat):
            continue
        if known is not None and known.inside_a_name(c.canonical) is not None:
            continue
        if (
            known_plus_head(c.canonical, glossary)
            or two_known_terms(c.canonical, glossary)
            or nested_phrase(c, phrases)
            or acronym_inside_names(c, names)
        ):
            continue
        coordinated = second_conjunct(c, glossary)
        if coordinated:  # "science and [technology cooperation]": the coordinated phrase is the term
            if merge_key(coordinated) in all_forms:
                continue
            c = replace(c, canonical=coordinated, variants=())
        entry = known.entry(c) if known is not None else None
        if entry is None and graded_bare_title(c.canonical):
            continue
        mention = title_and_surname(c, known) if entry is None and known is not None else None
        if mention is not None:  # "Minister of Defense Kim": the known post, mentioned with its holder's family name
            if merge_key(mention[0].canonical) in all_forms:
                continue
            c, entry = mention
        if entry is None and glossary is not None:
            inner = country_inside_stripped(c.canonical)
            entry = _entry(glossary, inner) if inner else None  # "Commander, U.S. Naval Forces Korea"
        stripped = country_stripped(c.canonical) or country_suffix_stripped(c.canonical)
        if entry is not None:
            # the post without its holder's country is a form too ("U.S. Special Representative for the DPRK")
            more = (stripped,) if stripped and entry.type == "title" and stripped not in c.forms else ()
            out.append(
                replace(c, status="variant-of-known", entry_id=entry.id, type=entry.type, variants=(*c.variants, *more))
            )
            continue
        if (
            stripped
            and (c.type == "title" or _head(stripped) in TITLE_HEADS)
            and stripped.split()[0].lower() not in L.ORG_HEADS
        ):
            if is_bare_title(stripped):
                continue  # "North Korean leader": a title word alone once the country is left out
            # "Japanese Vice Foreign Minister": the title is the term, the country is the article's
            c = replace(c, canonical=stripped, variants=(c.canonical, *c.variants), type="title")
        if apposition_person(c):  # "[Satoshi Maeda], Japan's director general …"
            out.append(replace(c, type="person", type_confidence="high"))
            continue
        if after_place_preposition(c):  # "… meeting in [Rio de Janeiro]"
            out.append(replace(c, type="place", type_confidence="low"))
            continue
        if c.type != "person" and (PERSON_SHAPE.match(c.canonical) or surname_head_name(c.canonical)):
            out.append(replace(c, type="person", type_confidence="high"))  # "Robert King": a name, no title
            continue
        ht = head_type(c.canonical)
        if ht and c.type not in ("person", "title", "weapon"):
            out.append(replace(c, type=ht, type_confidence="high"))
        elif c.type == "person" and len(c.canonical.split()) >= 2:
            out.append(replace(c, type_confidence="high"))
        else:
            out.append(replace(c, type_confidence="low"))
    taken = {merge_key(f) for c in out for f in c.forms}
    out.extend(g for g in generic if not any(merge_key(f) in taken for f in g.forms))
    out = merge_same_term([with_country(with_region(c)) for c in out])
    zipf = shared_zipf()
    out = [
        replace(c, status="held-back")
        if c.status == "new" and (held_back(c, zipf, beat) or common_word_alone(c) or bare_post(c.canonical))
        else c
        for c in out
    ]
    kept = {c.canonical for c in out}
    return [c if set(c.linked) <= kept else replace(c, linked=tuple(x for x in c.linked if x in kept)) for c in out]
