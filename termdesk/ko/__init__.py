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
