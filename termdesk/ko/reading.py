"""How a word ends when read aloud, as far as Korean particles care.

``reading_of(word)`` gives an :class:`Ending`: its :class:`Final` (vowel, ㄹ, another
consonant, unknown) decides the particle form (``장관은`` / ``사드는``).

* A Hangul syllable: its final consonant (받침). ㄹ is told apart because 으로/로 takes
  로 after it (``서울로``).
* Closing quotes are transparent (``'사드'를``); a bracketed gloss is skipped and the
  particle agrees with the word before it (``사드(THAAD)를``, ``고고도미사일방어체계(사드)를``).
* Latin letters: an upper-case acronym is read letter by letter as the National Institute
  of Korean Language (NIKL) names the letters (``ICBM`` → 엠 → 을, ``B-1B`` → 비 → 를,
  ``NLL`` → 엘 → 로), except the few acronyms Korean media read as a word (``RIMPAC`` →
  림팩 → 을). Anything with a lower-case letter at the end is an English word whose
  pronunciation this module does not guess: the reading is unknown.
* Digits: the Sino-Korean reading of the number at the end, place names included
  (``F-35`` → 오, ``10`` → 십, ``100`` → 백, ``1,000`` → 천, ``30000`` → 만, ``1.5`` → 오);
  a unit right after a number is read as the unit (``500km`` → 킬로미터, ``50%`` → 퍼센트).
* Anything else (other scripts, symbols, a fraction ``1/2``, a clock time ``10:00``) is
  unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from .hangul import final_jamo, is_syllable

__all__ = [
    "CLOSING_QUOTES",
    "DIGIT_READINGS",
    "LETTER_CLASSES",
    "LETTER_READINGS",
    "OPENING_BRACKETS",
    "PLACE_READINGS",
    "UNIT_READINGS",
    "WORD_ACRONYMS",
    "Acronym",
    "DigitReading",
    "Ending",
    "Final",
    "LetterClass",
    "PlaceReading",
    "Reading",
    "UnitReading",
    "reading_of",
]

# --------------------------------------------------------------------------- endings


class Final(Enum):
    """How a word ends when read aloud, as far as particles care."""

    VOWEL = "vowel"  # no final consonant: 는, 가, 를, 와, 로
    RIEUL = "rieul"  # final ㄹ: 은, 이, 을, 과, but 로
    CONSONANT = "consonant"  # any other final consonant: 은, 이, 을, 과, 으로
    UNKNOWN = "unknown"  # reading not known: combined form 은(는) …


def _final_of_syllable(syllable: str) -> Final:
    jamo = final_jamo(syllable)
    if jamo == "":
        return Final.VOWEL
    return Final.RIEUL if jamo == "ㄹ" else Final.CONSONANT


class Reading(Enum):
    """Where an ending's reading came from."""

    HANGUL = "hangul"
    LETTER = "letter"  # an acronym read letter by letter
    ACRONYM = "acronym"  # an acronym read as a word
    NUMBER = "number"
    UNIT = "unit"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Ending:
    """The end of a word as read aloud: ``final`` decides the particle.

    ``source`` is the written text the reading was taken from (``'관'``, ``'M'``,
    ``'35'``, ``'km'``); ``spoken`` is its Korean reading, ending with the syllable that
    decides (``'관'``, ``'엠'``, ``'오'``, ``'킬로미터'``). Both are ``''`` when unknown.
    """

    final: Final
    source: str
    spoken: str
    reading: Reading


_UNKNOWN = Ending(Final.UNKNOWN, "", "", Reading.UNKNOWN)


def _ending(source: str, spoken: str, reading: Reading) -> Ending:
    return Ending(_final_of_syllable(spoken[-1]), source, spoken, reading)


# --------------------------------------------------------------------------- reading tables

#: Letter names as NIKL gives them (외래어 표기법; 국립국어원 알파벳 읽기).
LETTER_READINGS: Mapping[str, str] = {
    "A": "에이", "B": "비", "C": "시", "D": "디", "E": "이", "F": "에프", "G": "지",
    "H": "에이치", "I": "아이", "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔",
    "O": "오", "P": "피", "Q": "큐", "R": "아르", "S": "에스", "T": "티", "U": "유",
    "V": "브이", "W": "더블유", "X": "엑스", "Y": "와이", "Z": "제트",
}  # fmt: skip


@dataclass(frozen=True)
class LetterClass:
    """Latin capitals whose names end alike, with a worked example (word, particle given, expected)."""

    letters: str
    final: Final
    example: tuple[str, str, str]


#: Every capital falls in exactly one class (checked by the tests against LETTER_READINGS).
LETTER_CLASSES: tuple[LetterClass, ...] = (
    LetterClass("ABCDEFGHIJKOPQRSTUVWXYZ", Final.VOWEL, ("B-1B", "을", "B-1B를")),
    LetterClass("L", Final.RIEUL, ("NLL", "으로", "NLL로")),
    LetterClass("M", Final.CONSONANT, ("ICBM", "를", "ICBM을")),
    LetterClass("N", Final.CONSONANT, ("UN", "는", "UN은")),
)


@dataclass(frozen=True)
class Acronym:
    """An acronym Korean media read as a word, not letter by letter."""

    acronym: str
    spoken: str
    example: tuple[str, str, str]


#: Only readings that are settled in Korean defense reporting (Yonhap, MND briefings).
#: RIMPAC and OPEC are the ones where the word reading changes the particle.
WORD_ACRONYMS: tuple[Acronym, ...] = (
    Acronym("THAAD", "사드", ("THAAD", "을", "THAAD를")),
    Acronym("NATO", "나토", ("NATO", "은", "NATO는")),
    Acronym("ASEAN", "아세안", ("ASEAN", "과", "ASEAN과")),
    Acronym("AUKUS", "오커스", ("AUKUS", "이", "AUKUS가")),
    Acronym("RIMPAC", "림팩", ("RIMPAC", "를", "RIMPAC을")),
    Acronym("OPEC", "오펙", ("OPEC", "는", "OPEC은")),
    Acronym("GSOMIA", "지소미아", ("GSOMIA", "을", "GSOMIA를")),
    Acronym("KADIZ", "카디즈", ("KADIZ", "으로", "KADIZ로")),
    Acronym("NASA", "나사", ("NASA", "과", "NASA와")),
    Acronym("AMRAAM", "암람", ("AMRAAM", "를", "AMRAAM을")),
)
_ACRONYMS: Mapping[str, Acronym] = {a.acronym: a for a in WORD_ACRONYMS}


@dataclass(frozen=True)
class DigitReading:
    """How a digit (or a place: 십, 백 …) is read in Sino-Korean, with a worked example."""

    written: str
    spoken: str
    example: tuple[str, str, str]


#: The last digit of a number that does not end in zero, or any digit after a decimal point.
DIGIT_READINGS: tuple[DigitReading, ...] = (
    DigitReading("0", "영", ("2.0", "를", "2.0을")),
    DigitReading("1", "일", ("KF-21", "를", "KF-21을")),
    DigitReading("2", "이", ("F-22", "을", "F-22를")),
    DigitReading("3", "삼", ("PAC-3", "를", "PAC-3을")),
    DigitReading("4", "사", ("24", "을", "24를")),
    DigitReading("5", "오", ("F-35", "을", "F-35를")),
    DigitReading("6", "육", ("F-16", "를", "F-16을")),
    DigitReading("7", "칠", ("Su-57", "으로", "Su-57로")),
    DigitReading("8", "팔", ("18", "를", "18을")),
    DigitReading("9", "구", ("2019", "을", "2019를")),
)
_DIGITS: Mapping[str, str] = {d.written: d.spoken for d in DIGIT_READINGS}


@dataclass(frozen=True)
class PlaceReading:
    """The place word a number ending in zeros is read with: ``zeros`` trailing zeros from ``low`` to ``high``."""

    low: int
    high: int
    spoken: str
    example: tuple[str, str, str]


#: 10 십, 100 백, 1000 천, then myriads: 만 (10⁴–10⁷), 억 (10⁸–10¹¹), 조 (10¹²–10¹⁵), 경 (10¹⁶–10¹⁹).
#: Larger round numbers are unknown (nobody reads 해 in a news story).
PLACE_READINGS: tuple[PlaceReading, ...] = (
    PlaceReading(1, 1, "십", ("10", "를", "10을")),
    PlaceReading(2, 2, "백", ("S-400", "를", "S-400을")),
    PlaceReading(3, 3, "천", ("1,000", "를", "1,000을")),
    PlaceReading(4, 7, "만", ("30000", "를", "30000을")),
    PlaceReading(8, 11, "억", ("100000000", "를", "100000000을")),
    PlaceReading(12, 15, "조", ("1000000000000", "을", "1000000000000를")),
    PlaceReading(16, 19, "경", ("10000000000000000", "를", "10000000000000000을")),
)


@dataclass(frozen=True)
class UnitReading:
    """A unit written right after a number and read aloud as a Korean word."""

    written: str
    spoken: str
    example: tuple[str, str, str]


UNIT_READINGS: tuple[UnitReading, ...] = (
    UnitReading("%", "퍼센트", ("50%", "을", "50%를")),
    UnitReading("km", "킬로미터", ("500km", "을", "500km를")),
    UnitReading("㎞", "킬로미터", ("500㎞", "을", "500㎞를")),
    UnitReading("kg", "킬로그램", ("30kg", "를", "30kg을")),
    UnitReading("㎏", "킬로그램", ("30㎏", "를", "30㎏을")),
    UnitReading("mm", "밀리미터", ("155mm", "은", "155mm는")),
    UnitReading("cm", "센티미터", ("10cm", "이", "10cm가")),
    UnitReading("m", "미터", ("100m", "을", "100m를")),
    UnitReading("kt", "킬로톤", ("15kt", "를", "15kt을")),
    UnitReading("℃", "도", ("40℃", "을", "40℃를")),
)
# longest first, so "km" is tried before "m"
_UNITS: tuple[UnitReading, ...] = tuple(sorted(UNIT_READINGS, key=lambda u: -len(u.written)))

#: Closing quotes are transparent: the particle agrees with the quoted word.
CLOSING_QUOTES = frozenset("\"'”’」』》〉»›")
#: A bracketed gloss is skipped: the particle agrees with the word before it.
_BRACKETS: Mapping[str, str] = {")": "(", "]": "[", "）": "（", "］": "［"}
OPENING_BRACKETS: Mapping[str, str] = {v: k for k, v in _BRACKETS.items()}
_ASCII_DIGITS = frozenset("0123456789")


def _is_ascii_letter(char: str) -> bool:
    return ("A" <= char <= "Z") or ("a" <= char <= "z")


def _matching_open(text: str, close_at: int) -> int:
    """Index of the bracket opening the one at ``close_at``, or -1 when unbalanced."""
    close = text[close_at]
    opening = _BRACKETS[close]
    depth = 0
    for i in range(close_at, -1, -1):
        c = text[i]
        if c == close:
            depth += 1
        elif c == opening:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _significant(word: str) -> str:
    """The word without transparent trailing material: closing quotes, a bracketed gloss,
    the period of an abbreviation (``U.S.``). ``''`` when a closing bracket is unbalanced."""
    w = word
    while w:
        last = w[-1]
        if last in CLOSING_QUOTES or (last == "." and len(w) >= 2 and _is_ascii_letter(w[-2])):
            w = w[:-1]
        elif last in _BRACKETS:
            start = _matching_open(w, len(w) - 1)
            if start < 0:
                return ""
            before = w[:start].rstrip()
            w = before if before else w[start + 1 : -1]
        else:
            break
    return w


def _number_ending(core: str) -> Ending:
    """Reading of the number ``core`` ends with (its last character is an ASCII digit)."""
    j = len(core)
    while j > 0 and core[j - 1] in _ASCII_DIGITS:
        j -= 1
    digits = core[j:]
    before = core[j - 1] if j > 0 else ""
    if before in ("/", ":"):  # 1/2 is read 이분의 일, 10:30 is a clock time: not guessed
        return _UNKNOWN
    if before == "." and j >= 2 and core[j - 2] in _ASCII_DIGITS:  # decimal: digit by digit
        return _ending(digits[-1], _DIGITS[digits[-1]], Reading.NUMBER)
    if before == "," and len(digits) == 3:  # thousands separators: 10,000 is one number
        k = j
        while k >= 2 and core[k - 1] == "," and core[k - 2] in _ASCII_DIGITS:
            m = k - 1
            while m > 0 and core[m - 1] in _ASCII_DIGITS:
                m -= 1
            group = core[m : k - 1]
            if len(group) > 3:
                break
            digits = group + digits
            k = m
    significant = digits.lstrip("0")
    if not significant:
        return _ending(digits, "영", Reading.NUMBER)
    stem = significant.rstrip("0")
    zeros = len(significant) - len(stem)
    if zeros == 0:
        return _ending(digits, _DIGITS[stem[-1]], Reading.NUMBER)
    for place in PLACE_READINGS:
        if place.low <= zeros <= place.high:
            return _ending(digits, place.spoken, Reading.NUMBER)
    return _UNKNOWN


def _unit_ending(core: str) -> Ending | None:
    for unit in _UNITS:
        if core.endswith(unit.written):
            rest = core[: -len(unit.written)]
            if rest.endswith(" "):
                rest = rest[:-1]
            if rest and rest[-1] in _ASCII_DIGITS:
                return _ending(unit.written, unit.spoken, Reading.UNIT)
            return None
    return None


def _latin_ending(core: str) -> Ending:
    j = len(core)
    while j > 0 and _is_ascii_letter(core[j - 1]):
        j -= 1
    run = core[j:]
    if not run.isupper():  # an English word, not an acronym: pronunciation not guessed
        return _UNKNOWN
    acronym = _ACRONYMS.get(run)
    if acronym is not None:
        return _ending(run, acronym.spoken, Reading.ACRONYM)
    return _ending(run[-1], LETTER_READINGS[run[-1]], Reading.LETTER)


def reading_of(word: str) -> Ending:
    """How ``word`` ends when read aloud (see the module docstring for the rules)."""
    core = _significant(word)
    if not core:
        return _UNKNOWN
    last = core[-1]
    if is_syllable(last):
        return _ending(last, last, Reading.HANGUL)
    unit = _unit_ending(core)
    if unit is not None:
        return unit
    if last in _ASCII_DIGITS:
        return _number_ending(core)
    if _is_ascii_letter(last):
        return _latin_ending(core)
    return _UNKNOWN
