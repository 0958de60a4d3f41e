"""termdesk.mine: extractors (tables), the quality bar on the seeds and on our own articles, status, CLI."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.glossary import load_glossary
from termdesk.mine import CSV_COLUMNS, mine, render_csv
from termdesk.mine import extract as X
from termdesk.mine.name_variants import name_parts, similar_names

ROOT = Path(__file__).parent.parent
SEEDS = [ROOT / "seeds" / "000_3a1915af7316e843.txt", ROOT / "seeds" / "004_2e85c4d7cdd52abf.txt"]
ARTICLES = Path(__file__).parent / "data" / "articles"

GLOSSARY = """en,ko,type,en_variants,ko_variants,ko_avoid,note,source,status,match
Defense Minister,국방부 장관,title,South Korean Defense Minister,,,,MND,approved,
Security Consultative Meeting,한미안보협의회의,meeting,SCM,,,,MND,approved,
Song Young-moo,송영무,person,,,,,MND,approved,
Terminal High Altitude Area Defense,고고도미사일방어체계,weapon,,,,,MND,approved,
"""


@pytest.fixture(scope="module")
def seeds():
    return mine(SEEDS)


@pytest.fixture(scope="module")
def own():
    return mine([ARTICLES])


def find(result, form, type_=None):
    """The candidate having ``form`` among its forms (case-insensitive), checked for type."""
    for c in result.candidates:
        if any(X.merge_key(form) == X.merge_key(f) for f in c.forms):
            assert type_ is None or c.type == type_, (form, c)
            return c
    raise AssertionError(f"{form!r} not mined")


# --------------------------------------------------------------------------- extractors


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("before the Security Consultative Meeting (SCM) in October", [("Security Consultative Meeting", "SCM")]),
        (
            "deploy a THAAD (Terminal High Altitude Area Defense) battery",
            [("Terminal High Altitude Area Defense", "THAAD")],
        ),
        (
            "fired two intercontinental ballistic missiles (ICBMs) on Friday",
            [("intercontinental ballistic missiles", "ICBMs")],
        ),
        (
            "the Korea-US Integrated Defense Dialogue (KIDD) was held",
            [("Korea-US Integrated Defense Dialogue", "KIDD")],
        ),
        ("the alliance is strong (Yonhap)", []),
        ("since the war ended (1953) the truce held", []),
        ("officials said (AFP) that", []),
        ("the unit (which was formed last year) said", []),
    ],
    ids=["long-acr", "acr-long", "plural", "hyphen", "credit", "year", "agency", "aside"],
)
def test_acronym_pairs(text, pairs):
    assert [(h.surface, h.extra[0]) for h in X.acronym_pairs(text)] == pairs


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("sent B-1B bombers to the peninsula", [("B-1B", "B-1B bomber")]),
        (
            "bought F-35A stealth fighters and PAC-3 interceptors",
            [("F-35A", "F-35A stealth fighter"), ("PAC-3", "PAC-3 interceptor")],
        ),
        ("the Hwasong-15 and KN-23 missiles", [("Hwasong-15", ""), ("KN-23", "KN-23 missile")]),
        ("the G-20 summit and COVID-19 rules", []),
        ("in Q3 of the year", []),
    ],
    ids=["bomber", "two", "hwasong", "not-weapons", "quarter"],
)
def test_designators(text, found):
    assert [(h.surface, h.extra[1] if h.extra else "") for h in X.designators(text)] == found


@pytest.mark.parametrize(
    ("run", "titles", "name"),
    [
        ("Defense Minister Song Young-moo", ["Defense Minister"], "Song Young-moo"),
        ("U.S. Secretary of Defense Ashton Carter", ["U.S. Secretary of Defense"], "Ashton Carter"),
        ("Lt. Gen. Kang Shin-chul", ["Lt. Gen."], "Kang Shin-chul"),
        ("USFK Commander Gen. Paul LaCamera", ["USFK Commander", "Gen."], "Paul LaCamera"),
        ("U.S. Ambassador to Seoul Mark Lippert", ["U.S. Ambassador to Seoul"], "Mark Lippert"),
        ("Navy Chief of Staff", ["Navy Chief of Staff"], None),
        ("Security Consultative Meeting", None, None),
    ],
    ids=["minister", "secretary-of", "rank", "title-and-rank", "ambassador-to", "title-only", "not-a-title"],
)
def test_parse_title_run(run, titles, name):
    toks = X.tokens(run)
    tn = X.parse_title_run(toks)
    if titles is None:
        assert tn is None
        return
    assert [run[toks[a].start : toks[b - 1].end] for a, b in tn.titles] == titles
    assert (run[toks[tn.name[0]].start : toks[tn.name[1] - 1].end] if tn.name else None) == name


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff, is set to arrive",
            "chairman of the U.S. Joint Chiefs of Staff",
        ),
        ("Song, a former Navy chief of staff, took office", "Navy chief of staff"),
        ("Seoul, the capital, is calm", None),
        ("Kim, who is the leader, spoke", None),
        (
            "South Korean President Yoon Suk Yeol, US President Joe Biden, and Japanese Prime Minister Fumio Kishida agreed",
            None,
        ),
    ],
    ids=["chairman", "former", "no-title", "relative-clause", "list-of-title-name-pairs"],
)
def test_apposition(sentence, phrase):
    toks = X.tokens(sentence)
    comma = next(i for i, t in enumerate(toks) if t.text == ",")
    span = X.apposition(toks, comma)
    got = None if span is None else sentence[toks[span[0]].start : toks[span[1] - 1].end]
    if got is not None:
        got = X._title_surface(toks[span[0] : span[1]], sentence)[0]
    assert got == phrase


@pytest.mark.parametrize(
    ("words", "next_word", "type_"),
    [
        ("Extended Deterrence Strategy and Consultation Group", "", "meeting"),
        ("Korea-US Integrated Defense Dialogue", "", "meeting"),
        ("Joint Chiefs of Staff", "", "organization"),
        ("Terminal High Altitude Area Defense", "", "weapon"),
        ("Key Resolve", "exercise", "exercise"),
        ("Washington Declaration", "", "document"),
        ("Korean Peninsula", "", "place"),
        ("Korean Central News Agency", "", "media"),
    ],
    ids=["group", "dialogue", "staff", "thaad", "by-next-word", "declaration", "peninsula", "news-agency"],
)
def test_type_named_unit(words, next_word, type_):
    assert X.type_named_unit(words.split(), next_word) == type_


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        (
            "North Korea launched a second intercontinental ballistic missile on Friday.",
            ["intercontinental ballistic missile"],
            ["launched second", "second intercontinental ballistic missile"],
        ),
        (
            "It would consult over the deployment of US strategic military assets on a regular basis.",
            ["strategic military assets"],
            ["regular basis consult"],
        ),
        ("The allies agreed to deploy strategic assets.", ["strategic assets"], ["deploy strategic assets"]),
        ("Opponents claim it would inflame tensions.", [], ["opponents claim"]),
        ("They discussed pending security and alliance issues.", ["alliance issues"], ["pending security", "security"]),
        (
            "Extended deterrence refers to the US commitment to defend its ally.",
            ["extended deterrence"],
            ["extended deterrence refers"],
        ),
    ],
    ids=["ordinal", "of-phrase", "verb-object", "subject-verb", "coordination", "definition-verb"],
)
def test_noun_phrases(sentence, present, absent):
    toks = X.tokens(sentence)
    got = {" ".join(w) for w, _, _ in X.noun_phrases(toks)}
    assert set(present) <= got, got
    assert not set(absent) & got, got


@pytest.mark.parametrize(
    ("surfaces", "same"),
    [
        (("U.S. Forces Korea", "US Forces Korea"), True),
        (("pre-emptive strike", "pre emptive strikes"), True),
        (("ICBMs", "ICBM"), True),
        (("B-1B bombers", "B-1B bomber"), True),
        (("missile defense", "missile defense system"), False),
    ],
    ids=["us", "hyphen-plural", "acronym-plural", "designator-plural", "different"],
)
def test_merge_key(surfaces, same):
    a, b = surfaces
    assert (X.merge_key(a) == X.merge_key(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("Song Myoung-moo", "Song Young-moo", True),
        ("Jeong Kyeong-doo", "Jeong Kyung-doo", True),
        ("Kim Jong-un", "Kim Jong-nam", False),
        ("Kim Jong-un", "Kim Jong-il", False),
        ("Kim Jong-un", "Kim Jong Un", False),
    ],
    ids=["herald", "romanisation", "brothers", "father", "same"],
)
def test_similar_names(a, b, similar):
    assert similar_names(name_parts(a), name_parts(b)) is similar


# --------------------------------------------------------------------------- quality bar

SEED_TERMS = [
    ("Defense Minister", "title"),
    ("Song Young-moo", "person"),
    ("Jim Mattis", "person"),
    ("Security Consultative Meeting", "meeting"),
    ("SCM", "meeting"),
    ("Korea-US Integrated Defense Dialogue", "meeting"),
    ("Extended Deterrence Strategy and Consultation Group", "meeting"),
    ("intercontinental ballistic missile", "weapon"),
    ("ballistic missile guideline", "document"),
    ("missile defense", "concept"),
    ("extended deterrence", "concept"),
    ("strategic assets", "concept"),
    ("strategic military assets", "concept"),
    ("B-1B bombers", "weapon"),
    ("Navy chief of staff", "title"),
    ("Park Geun-hye", "person"),
    ("U.S. Secretary of Defense", "title"),
    ("Ashton Carter", "person"),
    ("Han Min-koo", "person"),
    ("Mark Lippert", "person"),
    ("THAAD", "weapon"),
    ("Terminal High Altitude Area Defense", "weapon"),
    ("ground-based missile interceptors", "weapon"),
    ("pre-emptive strike", "concept"),
    ("U.S. Joint Chiefs of Staff", "organization"),
    ("Martin Dempsey", "person"),
    ("Yonhap", "media"),
    ("chairman of the U.S. Joint Chiefs of Staff", "title"),
]

OWN_TERMS = [
    ("Freedom Shield", "exercise"),
    ("Joint Chiefs of Staff", "organization"),
    ("JCS", "organization"),
    ("USFK Commander", "title"),
    ("Paul LaCamera", "person"),
    ("Nuclear Consultative Group", "meeting"),
    ("NCG", "meeting"),
    ("Washington Declaration", "document"),
    ("Combined Forces Command", "organization"),
    ("Kim Myung-soo", "person"),
    ("extended deterrence", "concept"),
    ("intercontinental ballistic missile", "weapon"),
    ("ICBM", "weapon"),
    ("Hwasong-18", "weapon"),
    ("F-35A", "weapon"),
    ("B-52H", "weapon"),
    ("Lt. Gen.", "title"),
    ("Kang Shin-chul", "person"),
    ("Kim Jong-un", "person"),
    ("Defense Acquisition Program Administration", "organization"),
    ("DAPA", "organization"),
    ("KF-21", "weapon"),
    ("Shin Won-sik", "person"),
    ("Kill Chain", "organization"),
    ("Korea Air and Missile Defense", "weapon"),
    ("Ulchi Freedom Shield", "exercise"),
    ("UFS", "exercise"),
    ("operational control", "concept"),
    ("OPCON", "concept"),
    ("full operational capability", "concept"),
    ("Security Consultative Meeting", "meeting"),
    ("Freedom Edge", "exercise"),
    ("U.S. Secretary of Defense", "title"),
    ("Lloyd Austin", "person"),
    ("Japanese Defense Minister", "title"),
    ("Minoru Kihara", "person"),
    ("Shangri-La Dialogue", "meeting"),
    ("trilateral exercise", "exercise"),
    ("B-1B", "weapon"),
    ("live-fire drills", "exercise"),
    ("Yonhap", "media"),
]

_JUNK_WORDS = set(
    [
        "said",
        "says",
        "say",
        "seeking",
        "seek",
        "plans",
        "planned",
        "claim",
        "claims",
        "launched",
        "sent",
        "took",
        "made",
        "agreed",
        "added",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "copied",
        "subscribe",
        "popular",
        "latest",
        "published",
        "updated",
        "link",
        "photo",
        "back",
        "top",
    ]
)
_EDGE = set(
    ["the", "of", "and", "to", "a", "an", "in", "on", "for", "with", "by", "at", "is", "was", "are", "will", "would"]
)


def is_junk(form: str) -> bool:
    """Verbs, dates, debris or fragments (a function word at an edge, a single lowercase common word)."""
    words = form.casefold().replace(",", " ").split()
    return (
        not words
        or any(w in _JUNK_WORDS or w.isdigit() for w in words)
        or words[0] in _EDGE
        or words[-1] in _EDGE
        or (len(words) == 1 and form.islower())
    )


@pytest.mark.parametrize(("form", "type_"), SEED_TERMS, ids=[f for f, _ in SEED_TERMS])
def test_seed_terms_found_and_typed(seeds, form, type_):
    find(seeds, form, type_)


@pytest.mark.parametrize(("form", "type_"), OWN_TERMS, ids=[f for f, _ in OWN_TERMS])
def test_own_article_terms_found_and_typed(own, form, type_):
    find(own, form, type_)


@pytest.mark.parametrize("which", ["seeds", "own"])
def test_top50_mostly_not_junk(which, request):
    result = request.getfixturevalue(which)
    top = [c.canonical for c in result.candidates[:50]]
    junk = [t for t in top if is_junk(t)]
    assert len(junk) <= len(top) // 4, junk


def test_linked_titles_and_people(seeds):
    assert "Ashton Carter" in find(seeds, "U.S. Secretary of Defense").linked
    assert set(find(seeds, "Martin Dempsey").linked) == {"chairman of the U.S. Joint Chiefs of Staff"}
    # a title word alone (Gen., President) is never a candidate (issue 19)
    assert not {"gen.", "president"} & {f.casefold() for c in seeds.candidates for f in c.forms}
    assert not any(c.canonical.lower().startswith(("ousted", "former")) for c in seeds.candidates)


def test_nested_fragments_do_not_crowd(seeds):
    forms = {f.casefold() for c in seeds.candidates for f in c.forms}
    assert (
        not {
            "chiefs of staff",
            "joint chiefs",
            "intercontinental ballistic",
            "evolving missile",
            "ballistic missile guide",
        }
        & forms
    )


def test_acronym_and_long_form_are_one_candidate(seeds):
    c = find(seeds, "THAAD")
    assert c.canonical == "Terminal High Altitude Area Defense" and "THAAD" in c.variants


def test_name_consistency_in_article(seeds):
    (f,) = [f for f in seeds.findings if f.id == "name-variant"]
    assert "Song Myoung-moo" in f.message and "Song Young-moo" in f.message
    assert any(e.endswith("000_3a1915af7316e843.txt:15: Song Myoung-moo") for e in f.evidence)
    assert any(e.endswith("000_3a1915af7316e843.txt:19: Song Young-moo") for e in f.evidence)


def test_name_variant_across_paragraphs_of_own_article(own):
    assert any(f.id == "name-variant" and "Shin Won-shik" in f.message for f in own.findings)


# --------------------------------------------------------------------------- glossary status


@pytest.fixture()
def glossary(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(tmp_path / "g.csv")


def test_glossary_status(glossary):
    r = mine(SEEDS, glossary=glossary)
    scm = find(r, "Security Consultative Meeting")
    assert (scm.status, scm.entry_id) == ("known", "meeting:security-consultative-meeting")
    dm = find(r, "Defense Minister")
    assert dm.status == "known" and "defense ministers" in dm.variants  # a plural is not a missing form
    assert "South Korean Defense Minister" in dm.variants  # merged: one candidate per glossary entry
    thaad = find(r, "THAAD")
    assert (thaad.status, thaad.entry_id) == (
        "variant-of-known",
        "weapon:terminal-high-altitude-area-defense",
    )  # entry lacks THAAD
    assert find(r, "Jim Mattis").status == "new"
    (g,) = [f for f in r.findings if f.id == "name-glossary"]
    assert "'Song Myoung-moo'" in g.message and "person:song-young-moo" in g.message


def test_jobs_gives_same_result(tmp_path):
    files = [*SEEDS, *sorted(ARTICLES.iterdir())]
    one = mine(files)
    two = mine(files, jobs=2)
    assert render_csv(one.candidates) == render_csv(two.candidates)
    assert one.findings == two.findings


# --------------------------------------------------------------------------- CLI


def test_cli_writes_csv_and_summary(tmp_path, glossary):
    out = tmp_path / "terms" / "seeds.csv"
    gpath = tmp_path / "g.csv"
    res = CliRunner().invoke(
        app, ["mine", *map(str, SEEDS), "-o", str(out), "--glossary", str(gpath), "--show-removed"]
    )
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert f"{SEEDS[0]}:1: [masthead] The Korea Herald" in res.output
    assert "2 article(s)" in res.output and "top " in res.output and "[name-variant]" in res.output
    again = CliRunner().invoke(app, ["mine", *map(str, SEEDS), "-o", str(out), "--glossary", str(gpath)])
    assert again.exit_code == 1
    assert (
        again.output.strip()
        == f"error: {out}: already exists (it may hold a reviewer's edits) — pass --force to overwrite it, or choose another -o"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["tests/data/text_binary.txt"],
            2,
            "error: tests/data/text_binary.txt:1: binary data (NUL byte) — this is not a text file; give a UTF-8 text file",
        ),
        (["tests/data/nowhere"], 2, "error: tests/data/nowhere: no such file or folder — check the path"),
    ],
    ids=["binary", "missing"],
)
def test_cli_bad_input(tmp_path, args, code, message, monkeypatch):
    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(app, ["mine", *args, "-o", str(tmp_path / "x.csv")])
    assert res.exit_code == code
    assert res.output.strip().splitlines()[-1] == message
    assert not (tmp_path / "x.csv").exists()


UNSEEN_CASES = {
    # name: (article text, forms that must be candidates, forms that must not)
    "country pair as adjective": (
        "Allies meet\n\nYoon ordered a stronger South Korea-U.S. combined defense posture, the office said.\n\n"
        "The Korea-U.S. Integrated Defense Dialogue met in Seoul.\n",
        ["Korea-U.S. Integrated Defense Dialogue"],
        ["South Korea-U.S.", "South Korea-U", "Defense Dialogue"],
    ),
    "list of titles with names": (
        "Leaders meet\n\nSouth Korean President Yoon Suk Yeol, US President Joe Biden, and Japanese Prime Minister "
        "Fumio Kishida reached an agreement.\n",
        ["Joe Biden", "Fumio Kishida", "Yoon Suk Yeol"],
        ["US President Joe Biden"],
    ),
    "caption markers are not mined (the caption's names are)": (
        "Austin visits Seoul\n\n▲ President Yoon Suk Yeol shakes hands with Lloyd Austin at the War Memorial of Korea in Seoul "
        "on Nov. 12, 2023. (PHOTO NOT FOR SALE) (Pool photo) (Yonhap)\n\nDefense Secretary Lloyd Austin arrived in Seoul on Saturday.\n",
        ["Lloyd Austin", "War Memorial of Korea", "Yoon Suk Yeol"],
        ["PHOTO NOT FOR SALE", "Pool photo", "pool photo", "Yonhap"],
    ),
}


@pytest.mark.parametrize("name", sorted(UNSEEN_CASES))
def test_unseen_article_cases(tmp_path, name):
    text, present, absent = UNSEEN_CASES[name]
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = mine([path])
    forms = {f for c in result.candidates for f in c.forms}
    assert set(present) <= forms, forms
    assert not set(absent) & forms, forms
