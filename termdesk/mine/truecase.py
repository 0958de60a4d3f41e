"""Case for text written in capitals throughout (a cable, a transcript in capitals): the mine reads names from
capital letters, so an article in capitals is given back the case English would write it in before it is mined.

Only an article most of whose words are in capitals is changed (:func:`in_capitals`); a heading in capitals inside
an ordinary article keeps its capitals. Each word of a block in capitals gets, in order (:data:`TRUECASE_EXAMPLES`):

* its capitals when it is an acronym (a country code, a glossary acronym, a word with no vowel: ``ROK``, ``USG``);
* an initial capital when it is a place, a nationality, a month or a weekday (``KOREA``, ``KOREAN``, ``APRIL``),
  when it is rare in English (a name: ``WICKHAM``), or when it follows a title word (``PRESIDENT PARK``); the
  title words before such a name get one too (``DEFENSE MINISTER SUH``);
* lower case otherwise (``MISSILE PRODUCTION CAPABILITY``).

The text keeps its length, so offsets into it stay right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from . import wordlists as L
from .extract import lemmas

#: (capitals, the text given back): each rule's example.
TRUECASE_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "PRESIDENT PARK SET FORTH HIS DETERMINATION DEVELOP KOREAN MISSILE PRODUCTION CAPABILITY.",
        "President Park set forth his determination develop Korean missile production capability.",
    ),
    (
        "AMBASSADOR URGED FULL CONSULTATIONS WITH USG ON BOTH SUBJECTS.",
        "ambassador urged full consultations with USG on both subjects.",
    ),
    (
        "DEFENSE MINISTER SUH NOTED THAT THE ROK NEEDS MISSILES.",
        "Defense Minister Suh noted that the ROK needs missiles.",
    ),
    ("GENERAL WICKHAM MET DURING APRIL IN SEOUL.", "General Wickham met during April in Seoul."),
)

#: The share of an article's letters in capitals from which it is read as written in capitals throughout.
CAPITALS_SHARE = 0.9
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: Words that join a title before a name (``DEFENSE MINISTER``, ``FOREIGN MINISTER``, ``PRIME MINISTER``).
_TITLE_WORDS = frozenset({"defense", "defence", "foreign", "prime", "vice", "deputy", "national", "security", "chief"})


def in_capitals(texts: Iterable[str]) -> bool:
    """Most of the letters of these blocks are capitals, over at least twenty words: an article in capitals."""
    letters = upper = words = 0
    for t in texts:
        words += len(t.split())
        for ch in t:
            if ch.isalpha():
                letters += 1
                upper += ch.isupper()
    return words >= 20 and letters > 0 and upper / letters >= CAPITALS_SHARE


def truecase(text: str, zipf: Callable[[str], float], *, acronyms: frozenset[str] = frozenset()) -> str:
    """``text`` with the case English writes it in (see the module's rules); same length. ``acronyms``: forms kept
    in capitals besides the country codes (the glossary's acronyms)."""
    words = list(_WORD.finditer(text))
    out = list(text)
    cases: list[str] = []  # one per word: "keep" (not in capitals), "upper" (an acronym), "title" or "lower"
    for i, m in enumerate(words):
        w = m.group()
        low = w.lower()
        prev = words[i - 1].group().lower() if i else ""
        if not w.isupper() or (len(w) == 1 and w != "A"):
            cases.append("keep")
        elif low in L.KOREAN_SURNAMES and prev in L.TITLE_HEADS:
            cases.append("title")  # "PRESIDENT PARK", "MINISTER SUH": a Korean family name after a title word
        elif (
            low in L.COUNTRY_CODES
            or w in acronyms
            or not re.search(r"[AEIOUY]", w)
            or (len(w) <= 4 and low not in L.KOREAN_SURNAMES and zipf(low) < 3.0 and not lemmas(low))
        ):
            cases.append("upper")  # "ROK", "USG": an acronym
        elif low in L.PLACE_NAMES or low in L.NATIONALITY_LOWER or low in L.MONTHS or low in L.WEEKDAYS:
            cases.append("title")
        elif prev in L.TITLE_HEADS and low not in L.STOPWORDS and zipf(low) < 4.0:
            cases.append("title")  # "GENERAL WICKHAM": the name after a title word
        elif zipf(low) < 3.0 and not lemmas(low):
            cases.append("title")  # a word no dictionary of English has: a name ("WICKHAM", "LOCKHEED")
        else:
            cases.append("lower")
    # the title words right before a name are the title's ("DEFENSE MINISTER SUH")
    for i, case in enumerate(cases):
        if case != "title" or i == 0 or words[i - 1].group().lower() not in L.TITLE_HEADS:
            continue
        k = i - 1
        while (
            k >= 0
            and (words[k].group().lower() in L.TITLE_HEADS or words[k].group().lower() in _TITLE_WORDS)
            and not text[words[k].end() : words[k + 1].start()].strip()  # no comma between: one title
        ):
            cases[k] = "title"
            k -= 1
    for m, case in zip(words, cases, strict=True):
        w = m.group()
        if case == "lower":
            new = w.lower()
        elif case == "title":
            new = w[0] + w[1:].lower()
        else:
            continue
        out[m.start() : m.end()] = new
    return "".join(out)
