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
``rule_for(particle)``
    the alternating rule a written particle belongs to. :data:`RULES` is the one table of
    alternating pairs: choosing (:func:`attach`), checking, repairing and stripping
    (:func:`accepts_after`, used by :mod:`termdesk.ko.stems`) all derive from it.

How a word ends when read aloud (Hangul, Latin letters, digits, units, brackets) is
:mod:`termdesk.ko.reading`; an unknown reading takes the conventional combined form:
``은(는)``, ``이(가)``, ``을(를)``, ``과(와)``, ``(으)로`` …

Copula forms
------------
After a vowel the stem 이 of the copula may stay or go (``변호사이며`` and ``변호사며``
are both standard), so :func:`check_particle` and :func:`repair_particles` accept the
long 이-form of the copula-based endings after a vowel and only fix the short form after
a consonant (``장관다`` → ``장관이다``). :func:`attach` still picks the short form
after a vowel, as the pair rule says. ``이자`` (``총리이자 국방부 장관``) keeps its 이 after
vowels in written Korean, so it is attached as ``이자`` everywhere.

Vocatives (아/야, 이여/여), ``이자`` and the copula endings that only stripping needs
(``이지만``, ``이었으며``, the adnominal ``인``, which keeps its 이 after a vowel:
``전략폭격기인``) are handled by :func:`attach` only: in running text ``야``/``여``/``자``
/``인`` are too easily something else (copula 야, -여서, 후보자, 군인) to be repaired safely.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .reading import CLOSING_QUOTES, OPENING_BRACKETS, Final, reading_of

__all__ = [
    "RULES",
    "ParticleChange",
    "ParticleIssue",
    "ParticleRule",
    "ParticleSite",
    "RepairResult",
    "accepts_after",
    "attach",
    "check_particle",
    "check_particles",
    "is_copula",
    "particle_for",
    "repair_particles",
    "rule_for",
]

#: How far a bracketed gloss between a term and its particle may reach.
_MAX_GLOSS = 80

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
    ``copula``: an ending of the copula 이다 (``이라는``, ``인``): it makes a noun a predicate, so
    a word ending in it is a noun phrase to stripping, not a verb form (``사드라는`` → ``사드``).
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
    copula: bool = False

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
        copula=True,
    ),
    ParticleRule(
        "이라고/라고",
        "이라고",
        "라고",
        "(이)라고",
        (("도발", "라고", "도발이라고"), ("사드", "이라고", "사드라고")),
        vowel_accepts_long=True,
        copula=True,
    ),
    ParticleRule(
        "이란/란",
        "이란",
        "란",
        "(이)란",
        (("동맹", "란", "동맹이란"), ("억지", "이란", "억지란")),
        vowel_accepts_long=True,
        copula=True,
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
        copula=True,
    ),
    ParticleRule(
        "이었다/였다",
        "이었다",
        "였다",
        "이었다",
        (("위협", "였다", "위협이었다"), ("사드", "이었다", "사드였다")),
        vowel_accepts_long=True,
        copula=True,
    ),
    ParticleRule(
        "이라는/라는",
        "이라는",
        "라는",
        "(이)라는",
        (("북한의 도발", "라는", "북한의 도발이라는"), ("사드", "이라는", "사드라는")),
        vowel_accepts_long=True,
        copula=True,
    ),
    ParticleRule(
        "이라며/라며",
        "이라며",
        "라며",
        "(이)라며",
        (("도발", "라며", "도발이라며"), ("자위권 행사", "이라며", "자위권 행사라며")),
        vowel_accepts_long=True,
        copula=True,
    ),
    ParticleRule(
        "이지만/지만",
        "이지만",
        "지만",
        "(이)지만",
        (("동맹", "지만", "동맹이지만"), ("사드", "이지만", "사드지만")),
        vowel_accepts_long=True,
        in_running_text=False,
        copula=True,
    ),
    ParticleRule(
        "이었으며/였으며",
        "이었으며",
        "였으며",
        "이었으며",
        (("국방장관", "였으며", "국방장관이었으며"), ("국방부 차관보", "이었으며", "국방부 차관보였으며")),
        vowel_accepts_long=True,
        in_running_text=False,
        copula=True,
    ),
    ParticleRule(
        "인",
        "인",
        "인",
        "인",
        (("국방부 장관", "인", "국방부 장관인"), ("전략폭격기", "인", "전략폭격기인")),
        in_running_text=False,
        copula=True,
    ),
    ParticleRule(
        "이자",
        "이자",
        "이자",
        "이자",
        (("국방부 장관", "이자", "국방부 장관이자"), ("총리", "자", "총리이자")),
        in_running_text=False,
        aliases=("자",),
        copula=True,
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


def accepts_after(particle: str, final: Final) -> bool:
    """Whether the written ``particle`` (tail included) may follow an ending of the given kind.

    The test stripping applies before cutting a particle off a word, derived from the same
    rule as :func:`attach` and :func:`check_particle`: ``accepts_after('을', Final.VOWEL)``
    → False (``ICBM을`` but ``B-1B를``). True for a particle that does not alternate
    (의, 에서, 이자, 인) and when the reading is unknown (``Aegis를``: nothing can be said).
    """
    given = _GIVEN.get(particle)
    if given is None or final is Final.UNKNOWN:
        return True
    return given.rule.accepts(final, given.form)


def is_copula(particle: str) -> bool:
    """Whether the written ``particle`` is an ending of the copula 이다 (``라는``, ``이라고``, ``인``)."""
    rule = rule_for(particle)
    return rule is not None and rule.copula


def particle_for(word: str, particle: str) -> str:
    """The form of ``particle`` that goes after ``word``; an invariant particle (의, 도, 에서) as given."""
    given = _GIVEN.get(particle)
    if given is None:
        return particle
    return given.rule.form(reading_of(word).final) + given.tail


def attach(word: str, particle: str) -> str:
    """``word`` followed by ``particle`` in its right form.

    ``attach('송영무 국방부 장관', '는')`` → ``'송영무 국방부 장관은'``.
    """
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
    while p < len(text) and text[p] in CLOSING_QUOTES:
        p += 1
    if p < len(text) and text[p] in OPENING_BRACKETS:
        close = OPENING_BRACKETS[text[p]]
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
