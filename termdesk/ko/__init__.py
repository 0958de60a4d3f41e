"""Everything termdesk knows about Korean, in one package that depends on nothing else in termdesk.

=================  ==========================================================================
``hangul``         the syllable table: decompose/compose, final consonant, the Hangul ranges
``reading``        how a word ends when read aloud (Hangul, Latin letters, digits, units)
``particles``      the one table of alternating particles: choose, check, repair, strip test
``stems``          stripping particles and endings off a word; predicate forms; stopwords
``romanize``       Revised Romanization, personal-name spellings, transliteration similarity
``phrases``        phrase candidates of a Korean sentence
``forms``          spacing-insensitive search forms with offsets kept
=================  ==========================================================================
"""

from __future__ import annotations

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

__all__ = [
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
    "decompose",
    "designators",
    "final_jamo",
    "has_final_consonant",
    "has_hangul",
    "has_syllable",
    "is_number_word",
    "is_predicate",
    "is_syllable",
    "syllable_count",
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
    "translit_similarity",
    "words",
]
