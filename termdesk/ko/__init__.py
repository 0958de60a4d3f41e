"""Everything termdesk knows about Korean, in one package that depends on nothing else in termdesk.

=================  ==========================================================================
``hangul``         the syllable table: decompose/compose, final consonant, the Hangul ranges
``reading``        how a word ends when read aloud (Hangul, Latin letters, digits, units)
``particles``      the one table of alternating particles: choose, check, repair, strip test
``stems``          stripping particles and endings off a word; predicate forms; stopwords
``romanize``       Revised Romanization, personal-name spellings, transliteration similarity
``phrases``        phrase candidates of a Korean sentence
``forms``          spacing-insensitive search forms with offsets kept
``compounds``      country compounds in Korean order: 한미, 한미일, 남북, 북미
=================  ==========================================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover — the names below load on first use (PEP 562), keeping imports light
    from .compounds import COUNTRIES, compose_compound, compound_prefix, countries_of_compound
    from .forms import KoreanText, compact, designators
    from .hangul import (
        HANGUL_CLASS,
        SYLLABLE_CLASS,
        compose,
        decompose,
        final_jamo,
        has_final_consonant,
        has_hangul,
        has_syllable,
        is_syllable,
        syllable_count,
    )
    from .particles import (
        RULES,
        ParticleChange,
        ParticleIssue,
        ParticleRule,
        ParticleSite,
        RepairResult,
        accepts_after,
        attach,
        check_particle,
        check_particles,
        particle_for,
        repair_particles,
        rule_for,
    )
    from .phrases import KoWord, Span, phrases, words
    from .reading import Ending, Final, Reading, reading_of
    from .romanize import korean_name_shape, name_compatible, name_score, romanize, translit_similarity
    from .stems import KO_STOPWORDS, Stripped, StripRule, is_number_word, is_predicate, strip

#: Where each public name lives; loaded on first access (``termdesk annotate`` needs only ``hangul``).
#: ``phrases`` names both a submodule and its main function: once the submodule has been imported,
#: ``termdesk.ko.phrases`` is the module (import the function from ``termdesk.ko.phrases``).
_LAZY: dict[str, str] = {
    "COUNTRIES": "compounds",
    "Ending": "reading",
    "Final": "reading",
    "HANGUL_CLASS": "hangul",
    "KO_STOPWORDS": "stems",
    "KoWord": "phrases",
    "KoreanText": "forms",
    "ParticleChange": "particles",
    "ParticleIssue": "particles",
    "ParticleRule": "particles",
    "ParticleSite": "particles",
    "RULES": "particles",
    "Reading": "reading",
    "RepairResult": "particles",
    "SYLLABLE_CLASS": "hangul",
    "Span": "phrases",
    "StripRule": "stems",
    "Stripped": "stems",
    "accepts_after": "particles",
    "attach": "particles",
    "check_particle": "particles",
    "check_particles": "particles",
    "compact": "forms",
    "compose": "hangul",
    "compose_compound": "compounds",
    "compound_prefix": "compounds",
    "countries_of_compound": "compounds",
    "decompose": "hangul",
    "designators": "forms",
    "final_jamo": "hangul",
    "has_final_consonant": "hangul",
    "has_hangul": "hangul",
    "has_syllable": "hangul",
    "is_number_word": "stems",
    "is_predicate": "stems",
    "is_syllable": "hangul",
    "korean_name_shape": "romanize",
    "name_compatible": "romanize",
    "name_score": "romanize",
    "particle_for": "particles",
    "phrases": "phrases",
    "reading_of": "reading",
    "repair_particles": "particles",
    "romanize": "romanize",
    "rule_for": "particles",
    "strip": "stems",
    "syllable_count": "hangul",
    "translit_similarity": "romanize",
    "words": "phrases",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "COUNTRIES",
    "HANGUL_CLASS",
    "KO_STOPWORDS",
    "RULES",
    "SYLLABLE_CLASS",
    "Ending",
    "Final",
    "KoWord",
    "KoreanText",
    "ParticleChange",
    "ParticleIssue",
    "ParticleRule",
    "ParticleSite",
    "Reading",
    "RepairResult",
    "Span",
    "StripRule",
    "Stripped",
    "accepts_after",
    "attach",
    "check_particle",
    "check_particles",
    "compact",
    "compose",
    "compose_compound",
    "compound_prefix",
    "countries_of_compound",
    "decompose",
    "designators",
    "final_jamo",
    "has_final_consonant",
    "has_hangul",
    "has_syllable",
    "is_number_word",
    "is_predicate",
    "is_syllable",
    "korean_name_shape",
    "name_compatible",
    "name_score",
    "particle_for",
    "phrases",
    "reading_of",
    "repair_particles",
    "romanize",
    "rule_for",
    "strip",
    "syllable_count",
    "translit_similarity",
    "words",
]
