"""Korean particles (조사) that agree with the word before them.

Many Korean particles come in two forms, chosen by the sound the preceding word ends
with: ``장관은`` but ``사드는``, ``잠수함으로`` but ``서울로``. A glossary term put into
a machine-translated sentence often carries the particle the model chose for a different
word (``송영무 국방부 장관는``); this module picks, checks and repairs those particles.

Public API
----------
``attach(word, particle)``
    the word with the particle in its right form, whichever form of the pair is given.
``particle_for(word, particle)``
    the form alone.
``check_particle(term, following_text)``
    the expected form when the particle at the start of ``following_text`` disagrees
    with ``term``, else ``None``; changes nothing.
``check_particles(text, spans)``
    every disagreeing particle right after the given term spans (for QA).
``repair_particles(text, spans)``
    fixes exactly those particles and nothing else (for the pre-translation pipeline).
``reading_of(word)``
    how a word ends when read aloud (Hangul, Latin letters, digits, units, brackets).
``is_hangul_syllable`` / ``final_jamo`` / ``has_final_consonant``
    Hangul helpers written with Unicode arithmetic.

How a word's ending is read
---------------------------
* A Hangul syllable: its final consonant (받침), by arithmetic on U+AC00..U+D7A3.
  ㄹ is told apart because 으로/로 takes 로 after it (``서울로``).
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
  unknown, and the particle takes the conventional combined form: ``은(는)``, ``이(가)``,
  ``을(를)``, ``과(와)``, ``(으)로`` …

Copula forms
------------
After a vowel the stem 이 of the copula may stay or go (``변호사이며`` and ``변호사며``
are both standard), so :func:`check_particle` and :func:`repair_particles` accept the
long 이-form of the copula-based endings after a vowel and only fix the short form after
a consonant (``장관다`` → ``장관이다``). :func:`attach` still picks the short form
after a vowel, as the pair rule says. ``이자`` (``총리이자 국방부 장관``) keeps its 이 after
vowels in written Korean, so it is attached as ``이자`` everywhere.

Vocatives (아/야, 이여/여) and ``이자`` are handled by :func:`attach` only: in running
text ``야``/``여``/``자`` are too easily something else (copula 야, -여서, 후보자) to be
repaired safely.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "DIGIT_READINGS",
    "LETTER_CLASSES",
    "LETTER_READINGS",
    "PLACE_READINGS",
    "RULES",
    "UNIT_READINGS",
    "WORD_ACRONYMS",
    "Acronym",
    "DigitReading",
    "Ending",
    "Final",
    "LetterClass",
    "ParticleChange",
    "ParticleIssue",
    "ParticleRule",
    "ParticleSite",
    "PlaceReading",
    "Reading",
    "RepairResult",
    "UnitReading",
    "attach",
    "check_particle",
    "check_particles",
    "final_jamo",
    "has_final_consonant",
    "is_hangul_syllable",
    "particle_for",
    "reading_of",
    "repair_particles",
    "rule_for",
]

# --------------------------------------------------------------------------- Hangul arithmetic

_S_BASE = 0xAC00  # 가
_S_COUNT = 11172  # 19 initials × 21 medials × 28 finals
_T_COUNT = 28  # 27 final consonants + "no final"
#: Final consonants (종성) by index, as compatibility jamo; index 0 is "no final".
_FINALS = (
    "",
    "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
    "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
)  # fmt: skip


def is_hangul_syllable(char: str) -> bool:
    """True for one precomposed Hangul syllable (가 … 힣)."""
    return len(char) == 1 and 0 <= ord(char) - _S_BASE < _S_COUNT


def final_jamo(syllable: str) -> str:
    """The final consonant of a Hangul syllable as a compatibility jamo (``'관'`` → ``'ㄴ'``), ``''`` if none.

    Raises ``ValueError`` for anything but one precomposed Hangul syllable.
    """
    if not is_hangul_syllable(syllable):
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    return _FINALS[(ord(syllable) - _S_BASE) % _T_COUNT]


def has_final_consonant(syllable: str) -> bool:
    """True if a Hangul syllable has a final consonant (받침): ``'관'`` → True, ``'드'`` → False."""
    return final_jamo(syllable) != ""


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
_CLOSING_QUOTES = frozenset("\"'”’」』》〉»›")
#: A bracketed gloss is skipped: the particle agrees with the word before it.
_BRACKETS: Mapping[str, str] = {")": "(", "]": "[", "）": "（", "］": "［"}
_OPENING_BRACKETS: Mapping[str, str] = {v: k for k, v in _BRACKETS.items()}
_ASCII_DIGITS = frozenset("0123456789")
#: How far a bracketed gloss between a term and its particle may reach.
_MAX_GLOSS = 80


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
        if last in _CLOSING_QUOTES or (last == "." and len(w) >= 2 and _is_ascii_letter(w[-2])):
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
    if is_hangul_syllable(last):
        return _ending(last, last, Reading.HANGUL)
    unit = _unit_ending(core)
    if unit is not None:
        return unit
    if last in _ASCII_DIGITS:
        return _number_ending(core)
    if _is_ascii_letter(last):
        return _latin_ending(core)
    return _UNKNOWN


# --------------------------------------------------------------------------- particle rules


@dataclass(frozen=True)
class ParticleRule:
    """One alternating particle: the form after a consonant, after a vowel, and when unknown.

    ``examples`` are (word, particle given, expected) and every one is a test case.
    ``rieul_takes_vowel_form``: 으로/로 takes 로 after ㄹ (``서울로``).
    ``vowel_accepts_long``: after a vowel the long 이-form is also standard (copula 이 kept:
    ``변호사이며``), so check/repair leave it; attach still picks the short form.
    ``tails``: what may follow the alternating part and still count as this particle
    (``와의``, ``으로부터``). ``in_running_text``: whether check/repair look for it in a sentence.
    """

    name: str
    after_consonant: str
    after_vowel: str
    unknown: str
    examples: tuple[tuple[str, str, str], ...]
    rieul_takes_vowel_form: bool = False
    vowel_accepts_long: bool = False
    tails: tuple[str, ...] = ("",)
    in_running_text: bool = True
    aliases: tuple[str, ...] = ()

    def form(self, final: Final) -> str:
        """The form this particle takes after an ending of the given kind."""
        if final is Final.UNKNOWN:
            return self.unknown
        if final is Final.VOWEL or (final is Final.RIEUL and self.rieul_takes_vowel_form):
            return self.after_vowel
        return self.after_consonant

    def accepts(self, final: Final, form: str) -> bool:
        """Whether ``form`` (without tail) is right after a known ending of the given kind."""
        if form == self.form(final):
            return True
        return final is Final.VOWEL and self.vowel_accepts_long and form == self.after_consonant

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form recognised for this particle (without tails)."""
        out = [self.after_consonant, self.after_vowel, self.unknown, *self.aliases]
        # a combined form X(Y) is also written Y(X): 는(은), 를(을), 와(과)
        if self.unknown.endswith(")") and not self.unknown.startswith("("):
            head, _, rest = self.unknown.partition("(")
            out.append(f"{rest[:-1]}({head})")
        return tuple(dict.fromkeys(f for f in out if f))


RULES: tuple[ParticleRule, ...] = (
    ParticleRule(
        "은/는",
        "은",
        "는",
        "은(는)",
        (
            ("송영무 국방부 장관", "는", "송영무 국방부 장관은"),
            ("사드", "은", "사드는"),
            ("북방한계선", "는", "북방한계선은"),
            ("합동참모본부 의장", "은(는)", "합동참모본부 의장은"),
        ),
    ),
    ParticleRule(
        "이/가",
        "이",
        "가",
        "이(가)",
        (("국방부", "이", "국방부가"), ("미사일", "가", "미사일이"), ("잠수함", "가(이)", "잠수함이")),
    ),
    ParticleRule(
        "을/를",
        "을",
        "를",
        "을(를)",
        (("전략폭격기", "을", "전략폭격기를"), ("잠수함", "를", "잠수함을"), ("북한군", "을(를)", "북한군을")),
    ),
    ParticleRule(
        "과/와",
        "과",
        "와",
        "과(와)",
        (
            ("한국", "와", "한국과"),
            ("국방부", "과", "국방부와"),
            ("사드", "과의", "사드와의"),
            ("합참", "와는", "합참과는"),
        ),
        tails=("", "의", "는", "도", "만"),
    ),
    ParticleRule(
        "으로/로",
        "으로",
        "로",
        "(으)로",
        (
            ("잠수함", "로", "잠수함으로"),
            ("전투기", "으로", "전투기로"),
            ("서울", "으로", "서울로"),
            ("닭", "로", "닭으로"),
            ("국방부", "으로부터", "국방부로부터"),
            ("주한미군 기지", "으로는", "주한미군 기지로는"),
        ),
        rieul_takes_vowel_form=True,
        tails=("", "는", "도", "만", "부터", "의"),
    ),
    ParticleRule(
        "으로서/로서",
        "으로서",
        "로서",
        "(으)로서",
        (
            ("국방부 장관", "로서", "국방부 장관으로서"),
            ("고위 관리", "으로서", "고위 관리로서"),
            ("동맹의 일원", "로서", "동맹의 일원으로서"),
            ("가교 역할", "으로서", "가교 역할로서"),
        ),
        rieul_takes_vowel_form=True,
    ),
    ParticleRule(
        "으로써/로써",
        "으로써",
        "로써",
        "(으)로써",
        (("무력", "로써", "무력으로써"), ("대화", "으로써", "대화로써"), ("미사일", "으로써", "미사일로써")),
        rieul_takes_vowel_form=True,
    ),
    ParticleRule(
        "이나/나",
        "이나",
        "나",
        "(이)나",
        (("전차", "이나", "전차나"), ("잠수함", "나", "잠수함이나")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "이랑/랑",
        "이랑",
        "랑",
        "(이)랑",
        (("미국", "랑", "미국이랑"), ("러시아", "이랑", "러시아랑")),
    ),
    ParticleRule(
        "이며/며",
        "이며",
        "며",
        "(이)며",
        (("국방부 장관", "며", "국방부 장관이며"), ("국방부 차관보", "이며", "국방부 차관보며")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "이라고/라고",
        "이라고",
        "라고",
        "(이)라고",
        (("도발", "라고", "도발이라고"), ("사드", "이라고", "사드라고")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "이란/란",
        "이란",
        "란",
        "(이)란",
        (("동맹", "란", "동맹이란"), ("억지", "이란", "억지란")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "아/야",
        "아",
        "야",
        "아(야)",
        (("영철", "야", "영철아"), ("철수", "아", "철수야")),
        in_running_text=False,
    ),
    ParticleRule(
        "이여/여",
        "이여",
        "여",
        "(이)여",
        (("조국", "여", "조국이여"), ("겨레", "이여", "겨레여")),
        in_running_text=False,
    ),
    ParticleRule(
        "이다/다",
        "이다",
        "다",
        "이다",
        (("도발", "다", "도발이다"), ("사드", "이다", "사드다")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "이었다/였다",
        "이었다",
        "였다",
        "이었다",
        (("위협", "였다", "위협이었다"), ("사드", "이었다", "사드였다")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "이라는/라는",
        "이라는",
        "라는",
        "(이)라는",
        (("북한의 도발", "라는", "북한의 도발이라는"), ("사드", "이라는", "사드라는")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "이라며/라며",
        "이라며",
        "라며",
        "(이)라며",
        (("도발", "라며", "도발이라며"), ("자위권 행사", "이라며", "자위권 행사라며")),
        vowel_accepts_long=True,
    ),
    ParticleRule(
        "이자",
        "이자",
        "이자",
        "이자",
        (("국방부 장관", "이자", "국방부 장관이자"), ("총리", "자", "총리이자")),
        in_running_text=False,
        aliases=("자",),
    ),
)


@dataclass(frozen=True)
class _Given:
    rule: ParticleRule
    form: str
    tail: str


def _index(rules: Sequence[ParticleRule]) -> dict[str, _Given]:
    index: dict[str, _Given] = {}
    for rule in rules:
        for form in rule.forms:
            for tail in rule.tails:
                index.setdefault(form + tail, _Given(rule, form, tail))
    return index


_GIVEN: dict[str, _Given] = _index(RULES)
#: Forms looked for in running text, longest first (으로서 before 으로, 이라고 before 이).
_IN_TEXT: tuple[tuple[str, _Given], ...] = tuple(
    sorted(
        ((s, g) for s, g in _index([r for r in RULES if r.in_running_text]).items()),
        key=lambda item: -len(item[0]),
    )
)


def rule_for(particle: str) -> ParticleRule | None:
    """The alternating rule a written particle belongs to (any of its forms), or None."""
    given = _GIVEN.get(particle)
    return given.rule if given is not None else None


def particle_for(word: str, particle: str) -> str:
    """The form of ``particle`` that goes after ``word``; an invariant particle (의, 도, 에서) as given."""
    given = _GIVEN.get(particle)
    if given is None:
        return particle
    return given.rule.form(reading_of(word).final) + given.tail


def attach(word: str, particle: str) -> str:
    """``word`` followed by ``particle`` in its right form: ``attach('송영무 국방부 장관', '는')`` → ``'송영무 국방부 장관은'``."""
    return word + particle_for(word, particle)


# --------------------------------------------------------------------------- particles in running text


@dataclass(frozen=True)
class _Found:
    start: int  # where the particle starts (after any skipped quote or gloss)
    end: int
    given: _Given

    @property
    def text(self) -> str:
        return self.given.form + self.given.tail


def _is_boundary(text: str, i: int) -> bool:
    """A particle must end at the end of a word: end of text, space, punctuation, symbol."""
    if i >= len(text):
        return True
    char = text[i]
    return not (char.isalnum() or unicodedata.category(char).startswith("M"))


def _particle_at(text: str, pos: int) -> _Found | None:
    for written, given in _IN_TEXT:
        if text.startswith(written, pos) and _is_boundary(text, pos + len(written)):
            return _Found(pos, pos + len(written), given)
    return None


def _skip_transparent(text: str, pos: int) -> int:
    """Past closing quotes and one bracketed gloss that opens right here (``사드(THAAD)를``)."""
    p = pos
    while p < len(text) and text[p] in _CLOSING_QUOTES:
        p += 1
    if p < len(text) and text[p] in _OPENING_BRACKETS:
        close = _OPENING_BRACKETS[text[p]]
        end = text.find(close, p + 1, p + 1 + _MAX_GLOSS)
        if end > 0 and text[p + 1 : end].find(text[p]) < 0 and "\n" not in text[p:end]:
            p = end + 1
    return p


def _find_particle(text: str, pos: int) -> _Found | None:
    """The particle attached at ``pos``, directly or after closing quotes / a gloss."""
    found = _particle_at(text, pos)
    if found is not None:
        return found
    skipped = _skip_transparent(text, pos)
    return _particle_at(text, skipped) if skipped != pos else None


def check_particle(term: str, following_text: str) -> str | None:
    """The particle ``following_text`` should start with after ``term``, when the one it has disagrees.

    ``None`` when there is no particle attached, when it agrees, or when the term's reading
    is unknown (then nothing can be said). Returns the whole replacement, tail included:
    ``check_particle('국방부', '으로부터 …')`` → ``'로부터'``.
    """
    found = _find_particle(following_text, 0)
    if found is None:
        return None
    final = reading_of(term).final
    if final is Final.UNKNOWN or found.given.rule.accepts(final, found.given.form):
        return None
    return found.given.rule.form(final) + found.given.tail


@dataclass(frozen=True)
class ParticleIssue:
    """A particle after a term that disagrees with it; offsets are into the checked text."""

    word: str
    found: str
    expected: str
    span: tuple[int, int]
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class ParticleChange:
    """One particle replaced by :func:`repair_particles`.

    ``start``/``end`` are offsets of ``old`` in the input; ``new_start`` is where ``new``
    starts in the output; ``span`` is the term's span in the input.
    """

    span: tuple[int, int]
    start: int
    end: int
    old: str
    new: str
    new_start: int
    rule: str


@dataclass(frozen=True)
class ParticleSite:
    """A particle after a term whose reading is unknown, left as it was (input offsets)."""

    span: tuple[int, int]
    start: int
    end: int
    found: str


@dataclass(frozen=True)
class RepairResult:
    """The repaired text, each change, the input spans moved to output offsets, and what was left."""

    text: str
    changes: tuple[ParticleChange, ...]
    spans: tuple[tuple[int, int], ...]
    unresolved: tuple[ParticleSite, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class _Verdict:
    span: tuple[int, int]
    found: _Found
    final: Final


def _validate(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for span in spans:
        start, end = span
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise ValueError(f"span {span!r} is not inside the text (length {len(text)})")
        out.append((start, end))
    return out


def _verdicts(text: str, spans: Sequence[tuple[int, int]]) -> list[_Verdict]:
    """The particle after each span (one per particle position, the longest span wins)."""
    valid = _validate(text, spans)
    terms = [s for s in valid if s[0] < s[1]]
    seen: set[int] = set()
    out: list[_Verdict] = []
    for start, end in sorted(set(terms), key=lambda s: (s[1], s[0])):
        found = _find_particle(text, end)
        if found is None or found.start in seen:
            continue
        # never touch text inside another term
        if any(s < found.end and found.start < e for s, e in terms):
            continue
        seen.add(found.start)
        out.append(_Verdict((start, end), found, reading_of(text[start:end]).final))
    return out


def _issues(text: str, verdicts: Sequence[_Verdict]) -> tuple[ParticleIssue, ...]:
    issues: list[ParticleIssue] = []
    for v in verdicts:
        rule = v.found.given.rule
        if v.final is Final.UNKNOWN or rule.accepts(v.final, v.found.given.form):
            continue
        issues.append(
            ParticleIssue(
                word=text[v.span[0] : v.span[1]],
                found=v.found.text,
                expected=rule.form(v.final) + v.found.given.tail,
                span=v.span,
                start=v.found.start,
                end=v.found.end,
                rule=rule.name,
            )
        )
    return tuple(sorted(issues, key=lambda i: i.start))


def check_particles(text: str, spans: Sequence[tuple[int, int]]) -> tuple[ParticleIssue, ...]:
    """Every particle right after a term span that disagrees with the term; changes nothing.

    ``spans`` are (start, end) offsets of terms in ``text``. Issues come in text order.
    Raises ``ValueError`` for a span outside the text (a caller's bug, not a user's).
    """
    return _issues(text, _verdicts(text, spans))


def repair_particles(text: str, spans: Sequence[tuple[int, int]]) -> RepairResult:
    """Fix the particle right after each term span so it agrees with the term; change nothing else.

    ``송영무 국방부 장관는 말했다`` with the span of ``송영무 국방부 장관`` → ``송영무 국방부 장관은 말했다``.
    A particle is only recognised when it is attached (no space) and ends at a word boundary;
    a particle after a term whose reading is unknown is reported in ``unresolved`` and left.
    Raises ``ValueError`` for a span outside the text.
    """
    verdicts = _verdicts(text, spans)
    unresolved = tuple(
        ParticleSite(v.span, v.found.start, v.found.end, v.found.text) for v in verdicts if v.final is Final.UNKNOWN
    )
    parts: list[str] = []
    changes: list[ParticleChange] = []
    pos = 0
    delta = 0
    for issue in _issues(text, verdicts):
        parts.append(text[pos : issue.start])
        parts.append(issue.expected)
        changes.append(
            ParticleChange(
                issue.span, issue.start, issue.end, issue.found, issue.expected, issue.start + delta, issue.rule
            )
        )
        delta += len(issue.expected) - (issue.end - issue.start)
        pos = issue.end
    parts.append(text[pos:])

    def moved(offset: int) -> int:
        return offset + sum(len(c.new) - len(c.old) for c in changes if c.end <= offset)

    new_spans = tuple((moved(s), moved(e)) for s, e in _validate(text, spans))
    return RepairResult("".join(parts), tuple(changes), new_spans, unresolved)
