"""Issue 19, session 7: phrases with a word off the beat held back, a title's portfolio joined across ``and``, a
force and its place joined across ``in`` (or a comma), a year inside a name. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import Entry, Glossary
from termdesk.mine import mine
from termdesk.mine.corpus import shared_zipf
from termdesk.mine.extract import capitalised_runs, split_connectors, tokens
from termdesk.mine.quality import KnownForms, beat_vocabulary, held_back, loose_key, off_beat_words
from termdesk.mine.result import Candidate

GLOSSARY = Glossary(
    [
        Entry(en="missile defense", ko="미사일 방어", type="concept"),
        Entry(en="defense posture", ko="방위태세", type="concept"),
        Entry(en="trilateral security cooperation", ko="한미일 안보협력", type="concept"),
        Entry(en="combined exercise", ko="연합훈련", type="exercise"),
        Entry(en="ballistic missile", ko="탄도미사일", type="weapon"),
        Entry(en="U.S. Forces Japan", ko="주일미군", type="organization", en_variants=("USFJ",)),
        Entry(en="U.S. Forces Korea", ko="주한미군", type="organization", en_variants=("USFK",)),
    ]
)
BEAT = beat_vocabulary(GLOSSARY)


@pytest.mark.parametrize(
    ("phrase", "off"),
    [
        pytest.param("missile defense posture", [], id="every-word-the-beats"),
        pytest.param("fleeting and mobile targets", ["fleeting", "mobile", "targets"], id="words-off-the-beat"),
        pytest.param("ballistic missiles", [], id="plural-of-a-beat-word"),
        pytest.param("anti-missile defense", [], id="hyphenated-word-with-a-part-of-the-beat"),
        pytest.param("nonproliferation regime", ["regime"], id="rare-word-is-evidence-by-itself"),
    ],
)
def test_off_beat_words(phrase: str, off: list[str]) -> None:
    assert off_beat_words(phrase, BEAT, shared_zipf()) == off


def _phrase(form: str, freq: int = 1, doc_freq: int = 1) -> Candidate:
    return Candidate(form, (), "concept", freq, doc_freq, 1.0, (), "new", "", ())


@pytest.mark.parametrize(
    ("form", "freq", "doc_freq", "held"),
    [
        pytest.param("receive special recognition", 1, 1, True, id="sentence-piece-off-the-beat"),
        pytest.param("formal consultations", 1, 1, True, id="procedural-phrase"),
        pytest.param("complex mission execution skills", 1, 1, True, id="long-descriptive-phrase"),
        pytest.param("trilateral security cooperation", 1, 1, False, id="all-words-of-the-beat"),
        pytest.param("formal consultations", 2, 2, False, id="recurs-across-articles"),
        pytest.param("Field Training Exercise", 1, 1, False, id="capitalised-name"),
    ],
)
def test_held_back_off_the_beat(form: str, freq: int, doc_freq: int, held: bool) -> None:
    assert held_back(_phrase(form, freq, doc_freq), shared_zipf(), BEAT) is held


def _units(text: str) -> list[str]:
    return [" ".join(t.text for t in r.toks) for run in capitalised_runs(tokens(text)) for r in split_connectors(run)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "He met Deputy Assistant Secretary of Defense for Nuclear and Missile Defense Policy Bradley Roberts.",
            "Deputy Assistant Secretary of Defense for Nuclear and Missile Defense Policy Bradley Roberts",
            id="portfolio-joined-before-the-holder",
        ),
        pytest.param(
            "with Director General for Asian and Oceanian Affairs Bureau Funakoshi Takehiro and others",
            "Director General for Asian and Oceanian Affairs Bureau Funakoshi Takehiro",
            id="portfolio-of-a-bureau",
        ),
        pytest.param(
            "said Col. Andreas Ziegler, director of Seventh Air Force Operations and Plans.",
            "Seventh Air Force Operations and Plans",
            id="two-portfolio-words-after-lowercase-of",
        ),
        pytest.param(
            "the realignment of U.S. Forces in Japan, including recent efforts",
            "U.S. Forces in Japan",
            id="force-in-its-place",
        ),
        pytest.param(
            "relieved Gen. Robert B. Abrams as commander of U.S. Forces, Korea; and more",
            "U.S. Forces , Korea",
            id="force-comma-place",
        ),
        pytest.param(
            "the Strategic Alliance 2015 Working Group, and others",
            "Strategic Alliance 2015 Working Group",
            id="year-inside-a-name",
        ),
        pytest.param(
            "Richard Johnson, Deputy Assistant Secretary of Defense for Nuclear and Countering Weapons of Mass "
            "Destruction Policy, headed the delegation.",
            "Deputy Assistant Secretary of Defense for Nuclear and Countering Weapons of Mass Destruction Policy",
            id="portfolio-through-of",
        ),
        pytest.param("soldiers of the 2nd Infantry Division trained", "2nd Infantry Division", id="numbered-unit"),
        pytest.param("ships of the U.S. 3rd Fleet sailed", "U.S. 3rd Fleet", id="numbered-unit-after-country"),
        pytest.param(
            "he spoke at the Center for Strategic and International Studies in Washington",
            "Center for Strategic and International Studies",
            id="institution-with-two-fields",
        ),
        pytest.param(
            "and U.S. Chargé d’Affaires Leslie A. Bassett. Others came",
            "U.S. Chargé d’Affaires Leslie A. Bassett",
            id="elided-particle-inside-a-title",
        ),
        pytest.param(
            "Deputy Assistant Secretary of Defense (DASD) for East Asia, Dr. Siddharth Mohandas, led",
            "Deputy Assistant Secretary of Defense ( DASD ) for East Asia",
            id="acronym-inside-a-title",
        ),
        pytest.param("pursuant to Executive Order 13382, which targets", "Executive Order 13382", id="executive-order"),
        pytest.param("under UN Security Council Resolution 2397 on", "UN Security Council Resolution 2397", id="unscr"),
        pytest.param("the Resolution 2016 Working Group met", "Resolution 2016 Working Group", id="a-year-in-a-name"),
    ],
)
def test_joined_units(text: str, unit: str) -> None:
    assert unit in _units(text)


@pytest.mark.parametrize(
    ("text", "not_unit"),
    [
        pytest.param(
            "a meeting of US Secretary of Defense Lloyd Austin and Japanese Defense Minister Minoru Kihara today",
            "US Secretary of Defense Lloyd Austin and Japanese Defense Minister Minoru Kihara",
            id="second-post-after-and",
        ),
        pytest.param(
            "Minister of Defense Han Min-koo and ROK Joint Chiefs Vice Chairman spoke",
            "Minister of Defense Han Min-koo and ROK Joint Chiefs Vice Chairman",
            id="another-countrys-body-after-and",
        ),
        pytest.param(
            "U.S. Forces in Japan Self-Defense Forces drills",
            "U.S. Forces in Japan Self-Defense Forces",
            id="not-a-place",
        ),
        pytest.param("in January 2015 Defense officials", "January 2015 Defense", id="a-month-is-no-name"),
    ],
)
def test_not_joined(text: str, not_unit: str) -> None:
    assert not_unit not in _units(text)


@pytest.mark.parametrize(
    ("form", "key"),
    [
        pytest.param("U.S. Forces in Japan", "us forces japan", id="in-dropped"),
        pytest.param("U.S. Forces, Korea", "us forces korea", id="comma-dropped"),
    ],
)
def test_force_in_place_loose_key(form: str, key: str) -> None:
    assert loose_key(form) == key == loose_key(form.replace(" in", "").replace(",", ""))


def test_force_in_place_is_variant_of_known(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Allies meet\n\nThey discussed the realignment of U.S. Forces in Japan, including new training sites. "
        "Gen. Robert Abrams was commander of U.S. Forces, Korea; he retired.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c for c in mine([str(path)], glossary=GLOSSARY).candidates}
    assert got["U.S. Forces in Japan"].status == "variant-of-known"
    assert got["U.S. Forces in Japan"].entry_id == KnownForms(GLOSSARY).loose_entry("U.S. Forces Japan").id  # type: ignore[union-attr]
    assert "U.S. Forces" not in got


@pytest.mark.parametrize(
    ("form", "gone"),
    [
        pytest.param("Koreans", True, id="plural-demonym"),
        pytest.param("Korean-American", True, id="hyphenated-nationalities"),
        pytest.param("Japanese", True, id="nationality-adjective"),
        pytest.param("Korea", False, id="a-country-is-a-place"),
        pytest.param("Korean Peninsula", False, id="a-place-named-by-a-nationality"),
    ],
)
def test_demonym(form: str, gone: bool) -> None:
    from termdesk.mine.quality import demonym

    assert demonym(form) is gone


KNOWN = Glossary(
    [
        Entry(en="Defense Trilateral Talks", ko="한미일 안보회의", type="meeting"),
        Entry(en="Mutual Defense Treaty", ko="한미상호방위조약", type="document"),
        Entry(
            en="Special Representative for North Korea",
            ko="대북특별대표",
            type="title",
            en_variants=("U.S. Special Representative for North Korea",),
        ),
    ]
)


@pytest.mark.parametrize(
    ("form", "entry"),
    [
        pytest.param(
            "United States-Republic of Korea-Japan Defense Trilateral Talks",
            "Defense Trilateral Talks",
            id="korean-names-the-same-three-countries",
        ),
        pytest.param("U.S.-Japan Mutual Defense Treaty", None, id="korean-names-other-countries"),
        pytest.param("Trilateral Talks", None, id="no-compound"),
    ],
)
def test_compound_named_in_korean(form: str, entry: str | None) -> None:
    found = KnownForms(KNOWN).compound_named_in_korean(form)
    assert (found.en if found else None) == entry


@pytest.mark.parametrize(
    "form",
    [
        pytest.param("Special Representative for the DPRK", id="country-after-the-post"),
        pytest.param("U.S. Special Representative for the DPRK", id="holder-country-before-and-country-after"),
    ],
)
def test_loose_entry_country_after_the_post(form: str) -> None:
    found = KnownForms(KNOWN).loose_entry(form)
    assert found is not None and found.en == "Special Representative for North Korea"


@pytest.mark.parametrize(
    ("form", "key"),
    [
        pytest.param("U.S-ROK Alliance", "kr+us|alliance", id="last-dot-missing-as-published"),
        pytest.param("U.S.-ROK Alliance", "kr+us|alliance", id="dotted"),
    ],
)
def test_compound_key_of_a_misspelt_us(form: str, key: str) -> None:
    from termdesk.mine.quality import compound_key

    assert compound_key(form) == key


def test_compound_of_the_beat_is_the_bare_name_when_the_korean_names_no_country() -> None:
    known = KnownForms(Glossary([Entry(en="Deterrence Strategy Committee", ko="억제전략위원회", type="meeting")]))
    found = known.compound_named_in_korean("U.S-ROK Deterrence Strategy Committee")
    assert found is not None and found.en == "Deterrence Strategy Committee"
    assert known.compound_named_in_korean("U.S.-Japan Deterrence Strategy Committee") is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("the 56th Security Consultative Meeting was held", id="ordinal-before-no-unit"),
        pytest.param("on the 3rd Korea visited", id="ordinal-before-a-place"),
    ],
)
def test_ordinal_opens_no_other_name(text: str) -> None:
    assert not any(u.split()[0][:1].isdigit() for u in _units(text))


def test_a_portfolio_word_ends_no_name() -> None:
    from termdesk.mine.extract import parse_title_run

    run = capitalised_runs(tokens("Assistant Secretary of Defense for Countering Weapons of Mass Destruction Policy"))[
        0
    ]
    parsed = parse_title_run(run.toks)
    assert parsed is not None and parsed.name is None


@pytest.mark.parametrize(
    ("form", "synonyms"),
    [
        pytest.param("Eighth Army commanding general", ["Eighth Army commander"], id="two-word-head"),
        pytest.param("provocative actions", ["provocative acts"], id="one-word-head"),
        pytest.param("commanding general", [], id="the-head-alone"),
    ],
)
def test_head_synonyms(form: str, synonyms: list[str]) -> None:
    from termdesk.mine.quality import head_synonyms

    assert head_synonyms(form) == synonyms


def test_unit_without_its_country_is_known() -> None:
    glossary = Glossary([Entry(en="U.S. 2nd Infantry Division", ko="미 2사단", type="organization")])
    c = Candidate("2nd Infantry Division", (), "organization", 1, 1, 1.0, (), "new", "", ())
    found = KnownForms(glossary).entry(c)
    assert found is not None and found.en == "U.S. 2nd Infantry Division"


def test_heading_in_capitals_is_no_phrase_source(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Leaders meet\n\nHIGH-LEVEL TRILATERAL CONSULTATIONS\n\nThe leaders met in Seoul on Friday to talk.\n\n"
        "STAFF (THROUGH TRANSLATOR): We will now begin.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c for c in mine([str(path)], glossary=GLOSSARY).candidates}
    assert "TRILATERAL CONSULTATIONS" not in got
    assert "HIGH-LEVEL TRILATERAL CONSULTATIONS" not in got
    assert got.get("THROUGH TRANSLATOR") is None or got["THROUGH TRANSLATOR"].status == "held-back"


def test_institution_and_a_country_body_stay_apart() -> None:
    from termdesk.mine.extract import _institution_fields

    toks = tokens("Center for Defense and Japan Self-Defense")
    assert not _institution_fields(toks, 3)


@pytest.mark.parametrize(
    ("form", "person"),
    [
        pytest.param("Defense Policy Cho Chang Lae", "Cho Chang Lae", id="three-part-name-after-a-portfolio"),
        pytest.param("Dr. Cho Chang Lae", "Cho Chang Lae", id="three-part-name-after-an-honorific"),
        pytest.param("Cho Chang Lae", "", id="the-name-alone"),
        pytest.param("Minister Han Min Koo", "", id="title-and-three-part-name-is-another-rule"),
    ],
)
def test_trailing_three_part_korean_name(form: str, person: str) -> None:
    from termdesk.mine.quality import trailing_korean_name

    assert trailing_korean_name(form) == person


def test_designator_with_a_slash() -> None:
    from termdesk.mine.extract import designators

    assert [h.surface for h in designators("aircraft including the F/A-18 and E-2D")] == ["F/A-18", "E-2D"]


def test_phrase_nested_only_in_an_unlistable_phrase_keeps_its_c_value(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Sanctions tighten\n\nThe council imposed additional unilateral sanctions of great effect on Pyongyang.\n",
        encoding="utf-8",
    )
    got = {c.canonical for c in mine([str(path)], glossary=GLOSSARY).candidates}
    assert "unilateral sanctions" in got
    assert "unilateral sanctions of great effect" not in got


@pytest.mark.parametrize(
    ("text", "units"),
    [
        pytest.param(
            "that the Armistice and the United Nations Command were intent",
            ["Armistice", "United Nations Command"],
            id="and-the-second-body",
        ),
        pytest.param(
            "the Extended Deterrence Strategy and Consultation Group met",
            ["Extended Deterrence Strategy and Consultation Group"],
            id="one-body-with-and",
        ),
    ],
)
def test_and_the_body(text: str, units: list[str]) -> None:
    assert _units(text) == units


@pytest.mark.parametrize(
    ("context", "hull"),
    [
        pytest.param("a.en:3: …cruisers USS Antietam ([CG] 54) and USS Robert Smalls…", True, id="hull-number"),
        pytest.param("a.en:3: …leaders met at the [APEC] 2025 summit in…", False, id="a-year-is-no-hull-number"),
        pytest.param("a.en:3: …the [THAAD] battery in Seongju…", False, id="acronym-of-a-system"),
    ],
)
def test_hull_symbol(context: str, hull: bool) -> None:
    from termdesk.mine.quality import hull_symbol

    term = context.split("[", 1)[1].split("]", 1)[0]
    c = Candidate(term, (), "acronym", 1, 1, 1.0, (context,), "new", "", ())
    assert hull_symbol(c) is hull


@pytest.mark.parametrize(
    ("context", "label"),
    [
        pytest.param(
            "a.en:9: [ROK Minister] (through interpreter): This morning I had a…", True, id="interpreter-note"
        ),
        pytest.param("a.en:9: [SECRETARY BLINKEN]: Thank you all…", True, id="capitals-and-colon"),
        pytest.param("a.en:9: The [ROK Minister] (Han Min-koo) said…", False, id="not-a-label"),
    ],
)
def test_speaker_label(context: str, label: bool) -> None:
    from termdesk.mine.quality import speaker_label

    term = context.split("[", 1)[1].split("]", 1)[0]
    c = Candidate(term, (), "title", 1, 1, 1.0, (context,), "new", "", ())
    assert speaker_label(c) is label


def test_acronym_inside_a_title_keeps_the_title_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Allies meet\n\nDeputy Assistant Secretary of Defense (DASD) for East Asia, Dr. Siddharth Mohandas, led the "
        "U.S. delegation.\n",
        encoding="utf-8",
    )
    got = {c.canonical for c in mine([str(path)], glossary=GLOSSARY).candidates}
    assert "Deputy Assistant Secretary of Defense (DASD) for East Asia" in got
    assert "Deputy Assistant Secretary of Defense" not in got


@pytest.mark.parametrize(
    ("text", "person"),
    [
        pytest.param("The chairman, Gen. Kim, Seung Kyum, deputy commander, spoke.", "Kim, Seung Kyum", id="two-parts"),
        pytest.param("It is an opportunity for Gen. Ahn, Byung-Seok and me.", "Ahn, Byung-Seok", id="hyphenated"),
    ],
)
def test_comma_style_korean_name(tmp_path: Path, text: str, person: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Leaders meet\n\n{text}\n", encoding="utf-8")
    got = {c.canonical: c for c in mine([str(path)]).candidates}
    assert got[person].type == "person"


def test_surnames_in_a_list_are_no_comma_style_name(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Leaders meet\n\nKim, Lee and Park attended the dinner.\n", encoding="utf-8")
    assert not any("," in c.canonical for c in mine([str(path)]).candidates)


def test_comma_style_name_is_the_known_person() -> None:
    from termdesk.mine.quality import person_key

    assert person_key("Kim, Seung Kyum") == person_key("Kim Seung-kyum")


@pytest.mark.parametrize(
    ("word", "held"),
    [
        pytest.param("Navy", True, id="common-noun"),
        pytest.param("Peninsula", True, id="common-noun-2"),
        pytest.param("Ukraine", False, id="a-country"),
        pytest.param("Kauai", False, id="an-island"),
        pytest.param("Pacific", False, id="place-name-list"),
    ],
)
def test_common_word_alone(word: str, held: bool) -> None:
    from termdesk.mine.quality import common_word_alone

    c = Candidate(word, (), "place", 1, 1, 0.55, (), "new", "", (), type_confidence="low")
    assert common_word_alone(c) is held


def test_common_word_with_strong_evidence_is_kept() -> None:
    from termdesk.mine.quality import common_word_alone

    c = Candidate("Navy", (), "organization", 3, 2, 1.0, (), "new", "", (), type_confidence="high")
    assert not common_word_alone(c)


KNOWN_POSTS = Glossary(
    [
        Entry(
            en="Seventh Fleet commander", ko="미 7함대사령관", type="title", en_variants=("Commander, U.S. 7th Fleet",)
        ),
        Entry(en="Deputy Commander of the Combined Forces Command", ko="한미연합사 부사령관", type="title"),
        Entry(en="Japan Self-Defense Forces", ko="자위대", type="organization", en_variants=("Self-Defense Forces",)),
    ]
)


@pytest.mark.parametrize(
    ("form", "type_", "entry"),
    [
        pytest.param("commander U.S. 7th Fleet", "title", "Seventh Fleet commander", id="comma-left-out"),
        pytest.param(
            "deputy commander of ROK-U.S. Combined Forces Command",
            "title",
            "Deputy Commander of the Combined Forces Command",
            id="compound-opening-the-body",
        ),
        pytest.param("Self-Defense Force", "organization", "Japan Self-Defense Forces", id="singular-force"),
    ],
)
def test_known_posts_worded_another_way(form: str, type_: str, entry: str) -> None:
    found = KnownForms(KNOWN_POSTS).entry(Candidate(form, (), type_, 1, 1, 1.0, (), "new", "", ()))
    assert found is not None and found.en == entry


def test_title_name_of_with_a_middle_initial() -> None:
    from termdesk.mine.quality import title_name_of

    assert title_name_of("President George W. Bush of the United States of America") == "George W. Bush"


def test_document_subject_joined_across_and() -> None:
    assert "Treaty of Mutual Cooperation and Security" in " ".join(
        _units("the Japan Treaty of Mutual Cooperation and Security, signed in 1960")
    )
