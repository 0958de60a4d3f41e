"""Newsroom rules: every rule table entry's example is a test case (rendered with the repository glossary).

Plus the cases each table must not fire on (named after the failure), and article-level behaviour:
later mentions carry across segments, first mentions, dates against the dateline.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from mt_doubles import Double

from termdesk.glossary import load_glossary
from termdesk.match import HEAD_OF_A_BODY_EXAMPLES, LOWER_POST_EXAMPLES, Matcher
from termdesk.newsroom import FLAG_UNRESOLVED_DATE, render_article, render_text, rule_table

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = load_glossary(ROOT / "glossary")
#: ko_first for one entry, as the first-mention example needs (the glossary column may still be empty)
_FIRST = {"organization:joint-chiefs-of-staff": "합동참모본부(합참)"}
ENTRIES = [dataclasses.replace(e, ko_first=_FIRST[e.id]) if e.id in _FIRST else e for e in GLOSSARY]
MATCHER = Matcher.from_glossary(ENTRIES)


def _render(text: str, **kw: object) -> list[tuple[str, str, str]]:
    return [(m.text, m.ko, m.rule) for m in render_text(text, MATCHER, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize("rule", rule_table(), ids=lambda r: f"{r.table}:{r.id}:{r.example_en[:30]}")
def test_rule_example(rule) -> None:  # type: ignore[no-untyped-def]
    got = render_text(rule.example_en, MATCHER)
    if not rule.example_ko:  # a rule that blocks: nothing rendered for the title
        assert all(m.entry is None or m.entry.type != "title" for m in got), [(m.text, m.ko) for m in got]
        return
    kos = {m.ko for m in got}
    assert rule.example_ko in kos, [(m.text, m.ko, m.rule) for m in got]


def test_every_rule_id_is_produced_by_its_example() -> None:
    for rule in rule_table():
        if rule.example_ko:
            got = render_text(rule.example_en, MATCHER)
            assert rule.id in _rules(got), (rule.id, [(m.text, m.ko, m.rule) for m in got])


def _rules(ms) -> set[str]:  # type: ignore[no-untyped-def]
    """Rule ids of the matches and of the parts they were composed of (one rule feeds another)."""
    return {m.rule for m in ms} | {r for m in ms for r in _rules(m.composed_of)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param(
            "Pentagon Chief Spokesperson Dana W. White spoke.", "미국 국방장관", id="chief-spokesperson-not-secretary"
        ),
        pytest.param(
            "our allies, including the Republic of Korea and Japan.", "한일", id="listed-allies-not-compounded"
        ),
        pytest.param("Deputy Secretary of State Kurt Campbell", "미국 국무장관", id="deputy-keeps-own-title"),
        pytest.param("Austin met Ahn in Seoul and Washington last year.", "한미", id="capitals-as-places"),
        pytest.param(
            "denuclearization of North Korea, and U.S. commitment to continue", "북미", id="comma-and-joins-clauses"
        ),
        pytest.param("SEOUL, Aug. 3 (Yonhap) -- The talks in Seoul will end.", "한국", id="capital-as-place"),
        pytest.param("the Democratic People's Republic of Korea (DPRK) said", "북한(DPRK)", id="place-acronym-once"),
        pytest.param("Deputy Defense Minister Kim Seon-ho", "김선호 국방부 장관", id="deputy-blocks-minister"),
        pytest.param(
            "Yoo Jeh-seung, South Korea's deputy defense minister for policy, said.",
            "국방부 장관",
            id="lowercase-deputy-blocks-minister",
        ),
        pytest.param(
            "The two vice foreign ministers reaffirmed it.", "외교부 장관", id="lowercase-vice-blocks-minister"
        ),
        pytest.param(
            "Gen. Abrams, commander, Combined Forces Command (CFC), briefed them.",
            "대장",
            id="rank-dropped-post-follows",
        ),
        pytest.param("WASHINGTON, Nov. 13, 2023 -- Secretary Austin spoke.", "13일", id="dateline-keeps-its-full-date"),
        pytest.param("SEOUL, Nov. 13, 2023 -- They met on Nov. 10, 2022.", "10일", id="other-year-keeps-full-date"),
        pytest.param("The commander of the destroyer said so.", "사령관", id="commander-of-a-ship-not-a-command"),
        pytest.param(
            "Chairman of the Joint Chiefs of Staff Gen. Ryu Seong-min visited. Later Gen. Ryu agreed.",
            "대장",
            id="rank-of-unnamed-person-later",
        ),
        pytest.param(
            "Secretary Blinken met Republic of Korea Foreign Minister Cho Tae-yul. The foreign ministers’ meeting "
            "ended. The Foreign Ministers agreed.",
            "조 장관",
            id="plural-title-is-not-one-person",
        ),
        pytest.param("Kim Jong Un met Defense Minister Kim Kwan-jin. Kim Jong Un left.", "김 장관", id="other-kim"),
        pytest.param("The ministers met on Monday.", "일", id="weekday-without-date"),
        pytest.param(
            "SEOUL, Nov. 13, 2023 -- They addressed the challenges of today.", "13일", id="today-after-of-is-no-day"
        ),
        pytest.param(
            'SEOUL, Nov. 13, 2023 -- "We will meet again on Friday," he said.', "17일", id="weekday-in-a-quote"
        ),
        pytest.param("SEOUL, Nov. 13 (Yonhap) -- They met on Monday.", "일", id="weekday-yearless-dateline"),
        pytest.param(
            "Secretary of Defense Mattis' Meeting with Minister Song", "Mattis' Meeting", id="possessive-name"
        ),
    ],
)
def test_rule_does_not_fire(text: str, absent: str) -> None:
    got = render_text(text, MATCHER)
    rendered = [m.ko for m in got if FLAG_UNRESOLVED_DATE not in m.flags]
    rendered += [text[m.name_span[0] : m.name_span[1]] for m in got if m.name_span is not None]
    if absent == "일":  # a weekday with nothing to resolve it against: flagged, never a day
        assert all(m.rule != "date-relative" or FLAG_UNRESOLVED_DATE in m.flags for m in got), rendered
    else:
        assert absent not in rendered, rendered


def test_later_mentions_carry_across_segments() -> None:
    segs = [
        "Secretary of Defense Jim Mattis met Minister of National Defense Song Young-moo.",
        "Mattis and Song spoke. The secretary thanked Minister Song.",
    ]
    _, second = render_article(segs, MATCHER)
    assert [(m.text, m.ko) for m in second] == [
        ("Mattis", "매티스 장관"),
        ("Song", "송 장관"),
        ("The secretary", "매티스 장관"),
        ("Minister Song", "송 장관"),
    ]


def test_later_mention_not_before_introduction() -> None:
    got = _render("Minister Song met reporters. Later, Minister of National Defense Song Young-moo spoke.")
    assert ("Minister Song", "송 장관", "later-title-surname") not in got


def test_first_mention_then_ko() -> None:
    first, second = render_article(["The Joint Chiefs of Staff said.", "The Joint Chiefs of Staff added."], MATCHER)
    assert [(m.ko, m.rule) for m in first] == [("합동참모본부(합참)", "first-mention")]
    assert [(m.ko, m.rule) for m in second] == [("합동참모본부", "")]


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        pytest.param(
            "WASHINGTON, July 4, 2017 — The U.S. condemned the launch today.", None, "4일", id="dateline-today"
        ),
        pytest.param("The ministers met today.", date(2021, 12, 2), "2일", id="given-date-today"),
        pytest.param("SEOUL, Nov. 13, 2023 -- They met on Friday.", None, "10일", id="weekday-before-dateline"),
        pytest.param(
            "SEOUL, Nov. 13 (Yonhap) -- They met on Monday.", date(2023, 1, 1), "13일", id="yearless-dateline-date"
        ),
    ],
)
def test_relative_dates(text: str, when: date | None, expected: str) -> None:
    from termdesk.article_date import article_date

    # as annotate and pretranslate call it: the dateline, a year-less one taking --date's year
    got = render_text(text, MATCHER, date=article_date(text, default=when))
    assert expected in [m.ko for m in got if m.rule == "date-relative"]


def test_unresolved_weekday_left_out_of_drafts() -> None:
    assert all(m.rule != "date-relative" for m in render_text("They met on Monday.", MATCHER, unresolved=False))


@pytest.mark.parametrize(
    ("text", "span", "ko"),
    [
        pytest.param("S. Korea, U.S. defense chiefs agree", "S. Korea, U.S. defense chiefs", "한미 국방장관",
                     id="headline-pair-shared-title"),
        pytest.param("South Korea and the U.S. will drill.", "South Korea and the U.S.", "한미", id="pair-subject"),
        pytest.param("Commander, U.S. Forces Korea Gen. Paul LaCamera said.",
                     "Commander, U.S. Forces Korea Gen. Paul LaCamera", "폴 러캐머라 주한미군사령관",
                     id="dod-comma-title"),
        pytest.param("Chief Pentagon Spokesperson Sean Parnell said.", "Chief Pentagon Spokesperson",
                     "미국 국방부 수석대변인", id="chief-before-title"),
        pytest.param("Seoul's defense ministry said.", "Seoul's defense ministry", "국방부", id="seouls-ministry"),
        pytest.param("South Korea's Joint Chiefs of Staff", "South Korea's Joint Chiefs of Staff", "합동참모본부",
                     id="south-koreas-jcs"),
        pytest.param("Defense Minister Shin Won-sik met Secretary of Defense Lloyd Austin. Shin and Austin agreed.",
                     "Shin", "신 장관", id="bare-korean-surname"),
        pytest.param("the U.S.-Japan-ROK trilateral exercise", "U.S.-Japan-ROK", "한미일", id="triple-any-order"),
        pytest.param("U.S.-North Korea talks", "U.S.-North Korea", "북미", id="north-korea-us"),
        pytest.param("The second meeting of the NCG was held.", "second meeting of the NCG", "핵협의그룹 제2차 회의",
                     id="meeting-of"),
        pytest.param("Acting Minister of National Defense Kim Seon-ho spoke.",
                     "Acting Minister of National Defense Kim Seon-ho", "김선호 국방부 장관 직무대행", id="acting-kr"),
        pytest.param("ROK President Lee Jae Myung", "ROK President Lee Jae Myung", "이재명 대통령", id="rok-president"),
        pytest.param("Kelly Magsamen, performing the duties of assistant secretary of defense for Asian and Pacific "
                     "security affairs, said.",
                     "performing the duties of assistant secretary of defense for Asian and Pacific security affairs",
                     "미국 국방부 아시아·태평양 담당 차관보 대행", id="performing-the-duties-of-is-acting"),
        pytest.param("U.S. Army Gen. Xavier T. Brunson, commanding general of United Nations Command, Combined Forces "
                     "Command, and U.S. Forces Korea, welcomed him.",
                     "U.S. Army Gen. Xavier T. Brunson, commanding general of United Nations Command, Combined Forces "
                     "Command, and U.S. Forces Korea", "제이비어 브런슨 유엔군사령관 겸 한미연합사령관 겸 주한미군사령관",
                     id="triple-hatted-commander-service-rank-dropped"),
        pytest.param("Gen. Abrams, the commander of U.S. Forces Korea, spoke.", "commander of U.S. Forces Korea",
                     "주한미군사령관", id="commander-of-one-command"),
        pytest.param("Republic of Korea Chairman of the Joint Chiefs of Staff Gen. Ryu Seong-min visited.",
                     "Republic of Korea Chairman of the Joint Chiefs of Staff Gen.", "합참의장",
                     id="rank-dropped-after-country-qualified-post"),
        pytest.param("WASHINGTON, Feb. 6, 2014 -- They spoke on Feb. 5, 2014.", "Feb. 5, 2014", "5일",
                     id="date-this-month-full"),
        pytest.param("SEOUL, May 13, 2022 -- He took office on May 12.", "May 12", "12일", id="date-this-month-no-year"),
        pytest.param("SEOUL, July 30, 2021 -- They last spoke in May 2021.", "May 2021", "5월",
                     id="month-year-this-year"),
        pytest.param("Seoul, October 28, 2017\n\nThe MCM met on October 27, 2017.", "October 28, 2017",
                     "2017년 10월 28일", id="dateline-line-keeps-full-date"),
    ],
)  # fmt: skip
def test_issue_examples(text: str, span: str, ko: str) -> None:
    got = [(m.text, m.ko) for m in render_text(text, MATCHER)]
    assert (span, ko) in got, got


@pytest.mark.parametrize(
    ("text", "span", "ko"),
    [
        pytest.param("Minister Han Min-Koo", "Han Min-Koo", "한민구", id="capital-after-hyphen"),
        pytest.param("Minister Han Minkoo", "Han Minkoo", "한민구", id="joined"),
        pytest.param("Minister Han Min Koo", "Han Min Koo", "한민구", id="spaced"),
    ],
)
def test_name_hyphen_case_variants(text: str, span: str, ko: str) -> None:
    got = MATCHER.find(text)
    assert any(p.text == span and p.ko == ko for m in got for p in (m.composed_of or (m,))), got


# --------------------------------------------------------------------------- where the renderings show

ARTICLE = (
    "WASHINGTON, Nov. 13, 2023 — Secretary of Defense Jim Mattis met Minister of National Defense "
    "Song Young-moo on Monday.\n\n"
    "Secretary Mattis and Minister Song agreed to hold the 55th SCM in Seoul.\n"
)


class _Copy(Double):
    """An MT double that copies its input: every placeholder survives, so every rendering is restored."""

    name = "copy"
    identity = "copy-1"


@pytest.mark.parametrize("backend", ["glossary", "mt"])
def test_draft_po_and_terms_csv_carry_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    import csv

    from termdesk.mt.glossary_backend import GlossaryBackend
    from termdesk.pretranslate import pretranslate

    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "story.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    chosen = GlossaryBackend() if backend == "glossary" else _Copy()
    result = pretranslate([src], out_dir=tmp_path / "out", glossary=GLOSSARY, backend=chosen)  # type: ignore[arg-type]
    assert result.term_accuracy == 100.0
    draft = (tmp_path / "out" / "story.ko.txt").read_text(encoding="utf-8")
    for ko in ("매티스 장관", "송 장관", "제55차 한미안보협의회의", "13일", "2023년 11월 13일"):
        assert ko in draft
    rows = list(csv.DictReader((tmp_path / "out" / "story.terms.csv").open(encoding="utf-8")))
    rules = {r["ko"]: r["rule"] for r in rows}
    assert rules["매티스 장관"] == "later-title-surname"
    assert rules["제55차 한미안보협의회의"] == "ordinal-meeting"
    assert all(r["verified"] == "yes" for r in rows)
    po = (tmp_path / "out" / "story.po").read_text(encoding="utf-8")
    assert "#. Secretary Mattis → 매티스 장관 [rule: later-title-surname]" in po


def test_annotate_cli_shows_rule(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from termdesk.cli import app

    src = tmp_path / "story.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["annotate", str(src), "--no-color"])
    assert text.exit_code == 0, text.output
    assert "Secretary Mattis[매티스 장관 (later-title-surname)]" in text.output
    rows = json.loads(runner.invoke(app, ["annotate", str(src), "--format", "json"]).output)
    assert {"text": "on Monday", "ko": "13일", "rule": "date-relative"}.items() <= next(
        r for r in rows if r["text"] == "on Monday"
    ).items()
    plain = json.loads(runner.invoke(app, ["annotate", str(src), "--format", "json", "--plain"]).output)
    assert all(r["rule"] == "" for r in plain)
    dated = runner.invoke(app, ["annotate", str(src), "--date", "2023-11-15", "--format", "csv"])
    assert ",on Monday,on Monday,13일,date-relative," in dated.output


def test_lower_case_under_does_not_block() -> None:
    got = _render("The alliance grew under Secretary of Defense Lloyd Austin.")
    assert ("Secretary of Defense Lloyd Austin", "로이드 오스틴 미국 국방장관", "") in got


def test_namesakes_need_a_title() -> None:
    got = _render(
        "Defense Minister Kim Kwan-jin met Secretary of Defense Chuck Hagel. Kim Jong Un fired a missile. "
        "Kim said the test failed. Minister Kim condemned it."
    )
    assert ("Kim", "김 장관", "later-surname") not in got
    assert ("Minister Kim", "김 장관", "later-title-surname") in got


def test_name_case_variant_both_ways() -> None:
    from termdesk.glossary import Entry

    matcher = Matcher.from_glossary([Entry(en="Kim Seung-Kyum", ko="김승겸", type="person", source="x")])
    for text in ("Kim Seung-Kyum", "Kim Seung-kyum", "Kim Seungkyum", "Kim Seung Kyum"):
        assert [m.ko for m in matcher.find(f"Gen. {text} said.")] == ["김승겸"], text
    assert matcher.find("Kim Seung-hoon said.") == []


def test_annotate_text_says_a_weekday_needs_a_date(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from termdesk.cli import app

    src = tmp_path / "story.txt"
    src.write_text("The ministers met on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", str(src), "--no-color"])
    assert result.output == "The ministers met on Monday[no article date: give --date YYYY-MM-DD (date-relative)].\n"
    dated = CliRunner().invoke(app, ["annotate", str(src), "--no-color", "--date", "2023-11-15"])
    assert dated.output == "The ministers met on Monday[13일 (date-relative)].\n"


def test_headline_may_name_people_the_body_introduces() -> None:
    head, _ = render_article(
        ["Secretary Rubio's Call with Foreign Minister Cho", "Secretary of State Marco Rubio spoke with Cho Hyun."],
        MATCHER,
    )
    assert ("Secretary Rubio", "루비오 장관") in [(m.text, m.ko) for m in head]
    # in the body, a mention before the introduction is still left alone
    got = _render("Secretary Rubio spoke first. Later, Secretary of State Marco Rubio said more.")
    assert ("Secretary Rubio", "루비오 장관", "later-title-surname") not in got


def test_bare_title_of_one_introduced_person() -> None:
    got = _render(
        "Foreign Minister Cho Hyun met Secretary of State Marco Rubio. The Secretary thanked the Foreign Minister."
    )
    assert ("Foreign Minister", "조 장관", "later-title") in got
    assert ("The Secretary", "루비오 장관", "later-title") in got


_PAIR_INTRO = "Foreign Minister Cho Hyun met Secretary of State Marco Rubio. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(_PAIR_INTRO + "The Secretary and Foreign Minister agreed.", "두 장관", id="secretary-and-title"),
        pytest.param(
            _PAIR_INTRO + "The Minister and the Secretary agreed.", "두 장관", id="minister-and-the-secretary"
        ),
        pytest.param(
            "Acting Secretary of Defense Patrick M. Shanahan met Minister of National Defense Jeong Kyeong-doo. "
            "He briefed the minister and the secretary.",
            "두 장관",
            id="acting-and-minister-share-jang-gwan",
        ),
        pytest.param(
            "Secretary of Defense Lloyd J. Austin III met Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley. "
            "The secretary and the chairman agreed.",
            None,
            id="different-short-titles-no-pair",
        ),
        pytest.param("The secretary and minister agreed.", None, id="nobody-introduced-no-pair"),
    ],
)
def test_later_pair_of_posts(text: str, expected: str | None) -> None:
    pairs = [ko for _, ko, rule in _render(text) if rule == "later-pair"]
    assert pairs == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("headline", "body", "span", "ko"),
    [
        pytest.param(
            "U.S. defense chief to visit S. Korea next month",
            "U.S. Secretary of Defense Ashton Carter plans to visit.",
            "U.S. defense chief",
            "카터 미국 국방장관",
            id="foreign-surname-and-post",
        ),
        pytest.param(
            "Minister of National Defense visits UNC/CFC/USFK",
            "Republic of Korea (ROK) Minister of National Defense Lee Jong-sup visited Camp Humphreys.",
            "Minister of National Defense",
            "이종섭 국방부 장관",
            id="korean-official-full-name",
        ),
    ],
)
def test_headline_bare_title_takes_the_full_post(headline: str, body: str, span: str, ko: str) -> None:
    head, _ = render_article([headline, body], MATCHER)
    assert (span, ko) in [(m.text, m.ko) for m in head]


def test_headline_korea_alone_is_south_korea() -> None:
    assert ("Korea, US", "한미", "compound-headline") in _render(
        "Korea, US seeking defense chiefs' meeting at early date"
    )


def test_country_dropped_with_a_later_mention() -> None:
    got = _render("Minister of National Defense Song Young-moo met reporters. Republic of Korea Minister Song said.")
    assert ("Republic of Korea Minister Song", "송 장관", "later-title-surname") in got


def test_acting_korean_minister_later_is_jikmu_daehaeng() -> None:
    got = _render("Acting Minister of National Defense Kim Seon-ho met reporters. Kim said the alliance is strong.")
    assert ("Kim", "김 직무대행", "later-surname") in got


def test_the_acting_minister() -> None:
    got = _render(
        "Secretary of Defense Lloyd J. Austin III spoke with Acting Minister of National Defense Kim Seon-ho. "
        "The Secretary and the Acting Minister agreed."
    )
    assert ("the Acting Minister", "김 직무대행", "later-title") in got


def test_possessive_title_before_a_head_word_stays() -> None:
    got = _render("The Defense Minister's aide said.")
    assert ("Defense Minister's", "국방부 장관") in [(t, k) for t, k, _ in got]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Japanese Defense Minister Minoru Kihara met Secretary of Defense Lloyd Austin. Minister Kihara said so.",
            [
                ("Japanese Defense Minister Minoru Kihara", "기하라 미노루 일본 방위상"),
                ("Minister Kihara", "기하라 방위상"),
            ],
            id="japanese-given-first",
        ),
        pytest.param(
            "Japanese Minister of Defense Kihara Minoru met reporters. Kihara said the alliance is strong.",
            [("Japanese Minister of Defense Kihara Minoru", "기하라 미노루 일본 방위상"), ("Kihara", "기하라 방위상")],
            id="japanese-family-first-dod-style",
        ),
        pytest.param(
            "Japanese Minister of Defense Yasukazu Hamada spoke. Hamada agreed.",
            [
                ("Japanese Minister of Defense Yasukazu Hamada", "하마다 야스카즈 일본 방위상"),
                ("Hamada", "하마다 방위상"),
            ],
            id="japanese-hamada",
        ),
        pytest.param(
            "Japanese Defense Minister Gen Nakatani spoke. Minister Nakatani agreed.",
            [
                ("Japanese Defense Minister Gen Nakatani", "나카타니 겐 일본 방위상"),
                ("Minister Nakatani", "나카타니 방위상"),
            ],
            id="japanese-short-given-name",
        ),
        pytest.param(
            "Chinese Foreign Minister Wang Yi met reporters. Wang said so.",
            [("Chinese Foreign Minister Wang Yi", "왕이 중국 외교부장"), ("Wang", "왕 부장")],
            id="chinese-family-first",
        ),
        pytest.param(
            "Chinese President Xi Jinping met President Joe Biden. Xi said. President Xi and President Biden agreed.",
            [
                ("Chinese President Xi Jinping", "시진핑 중국 국가주석"),
                ("Xi", "시 주석"),
                ("President Xi", "시 주석"),
                ("President Biden", "바이든 대통령"),
            ],
            id="chinese-president-later-by-own-post",
        ),
        pytest.param(
            "Secretary of Defense Lloyd J. Austin III spoke. Austin said so.",
            [("Secretary of Defense Lloyd J. Austin III", "로이드 오스틴 미국 국방장관"), ("Austin", "오스틴 장관")],
            id="western",
        ),
    ],
)
def test_east_asian_names_first_and_later(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(t, k) for t, k, _ in _render(text)]
    for pair in expected:
        assert pair in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Foreign Minister Wang Yi met Blinken.", "왕이 중국 외교부장", id="chinese-foreign-minister"),
        pytest.param("Prime Minister Kishida Fumio spoke.", "기시다 후미오 일본 총리", id="japanese-prime-minister"),
        pytest.param("Defense Minister Dong Jun spoke.", "둥쥔 중국 국방부장", id="chinese-defense-minister"),
        pytest.param(
            "Chairman of the Joint Chiefs of Staff Gen. CQ Brown spoke.", "찰스 브라운 미국 합참의장", id="us-chairman"
        ),
        pytest.param("Foreign Minister Cho Hyun spoke.", "조현 외교부 장관", id="korean-keeps-korean-post"),
        pytest.param(
            "National Security Advisor Kim Kwan-jin spoke.",
            "김관진 국가안보실장",
            id="korean-holder-of-a-us-named-post",
        ),
        pytest.param(
            "National Security Advisor Susan Rice spoke.", "수전 라이스 국가안보보좌관", id="us-holder-keeps-the-post"
        ),
        pytest.param(
            "Koehler met ROK Chief of Naval Operations, Adm. Yang Yong-mo, in Seoul.",
            "양용모 해군참모총장",
            id="korean-holder-of-a-us-named-post-with-no-korean-entry",
        ),
        pytest.param(
            "He met Adm. Hwang Ki-chul, ROK chief of naval operations, in Seoul.",
            "해군참모총장",
            id="rok-before-a-us-named-post-in-apposition",
        ),
    ],
)
def test_post_of_the_holders_country(text: str, expected: str) -> None:
    assert expected in [k for _, k, _ in _render(text)]


def test_later_mention_of_a_foreign_holder_takes_their_short_title() -> None:
    got = _render("Foreign Minister Wang Yi met Prime Minister Kishida Fumio. Minister Wang agreed.")
    assert ("Minister Wang", "왕 부장", "later-title-surname") in got


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param("the U.S. commitment to the defense of Japan", "일본 방위백서", id="defense-of-japan-lowercase"),
        pytest.param("Allies rely on the U.S. deterrent, which remains strong.", "억제", id="deterrent-as-noun"),
        pytest.param(
            "USFK Commander Gen. John Doe spoke. As the USFK Commander said, he is responsible.",
            "사령관",
            id="post-as-a-role-not-a-later-mention",
        ),
        pytest.param(
            "Pentagon spokesperson Sabrina Singh spoke. Asked about the Pentagon spokesperson, officials declined.",
            "대변인",
            id="post-not-the-subject",
        ),
        pytest.param(
            "South Korea and the United States met. The allies's statement", "한미 양국", id="allies-bad-possessive"
        ),
    ],
)
def test_rule_does_not_render(text: str, absent: str) -> None:
    got = _render(text)
    assert absent not in [k for _, k, r in got if r in ("", "term-attributive", "later-post", "metonym-the-allies")]


def test_the_post_of_an_unnamed_person_later() -> None:
    got = _render(
        "The statement was issued by chief Pentagon spokesperson Dana W. White. "
        "White said so, and the Pentagon spokesperson added that the launch was reckless."
    )
    assert ("the Pentagon spokesperson", "대변인", "later-post") in got
    assert all(k != "미국 국방부 대변인" for _, k, _ in got)  # never the lesser post for the chief spokesperson


def test_extended_deterrent_is_extended_deterrence() -> None:
    assert ("extended deterrent", "확장억제", "") in _render("the U.S. extended deterrent commitment")


NEWSROOM_DATA = Path(__file__).parent / "data" / "newsroom"


@pytest.mark.parametrize(
    ("name", "expected", "forbidden"),
    [
        pytest.param(
            "austin-kihara-2024.txt",
            [
                ("Japanese Minister of Defense Kihara Minoru", "기하라 미노루 일본 방위상"),
                ("Minister Kihara", "기하라 방위상"),
                ("the allies'", None),
            ],
            ["미노루 방위상", "일본 방위백서"],
            id="dod-readout-japanese-family-first",
        ),
        pytest.param(
            "austin-hamada-2023.txt",
            [("Prime Minister Kishida Fumio", "기시다 후미오 일본 총리"), ("Prime Minister Kishida", "기시다 총리")],
            ["국무총리", "기시다 후미오 국무총리"],
            id="dod-readout-japanese-prime-minister",
        ),
        pytest.param(
            "dodnews-austin-dong-2024.txt",
            [
                ("Adm. Dong Jun, defense minister", "둥쥔 중국 국방부장"),
                ("Pentagon Press Secretary Air Force Maj. Gen. Pat Ryder", "패트릭 라이더 미국 국방부 대변인"),
                ("Ryder", "라이더 대변인"),
                ("Chairman of the Joint Chiefs of Staff Air Force Gen. CQ Brown", "찰스 브라운 미국 합참의장"),
                ("South China Sea", "남중국해"),
            ],
            ["둥쥔 국방부 장관", "두 장관", "패트릭 라이더 소장"],
            id="dod-news-chinese-minister-and-service-ranks",
        ),
        pytest.param(
            "blinken-wang-2023.txt",
            [
                ("Secretary of State Antony J. Blinken", "토니 블링컨 미국 국무장관"),
                ("Foreign Minister Wang Yi", "왕이 중국 외교부장"),
                ("Foreign Minister Wang", "왕 부장"),
                ("President Xi", "시진핑 중국 국가주석"),
            ],
            ["왕이 외교부 장관", "왕 장관", "대통령"],
            id="state-readout-chinese-foreign-minister",
        ),
        pytest.param(
            "usfk-lacamera-han-2024.txt",
            [
                ("Prime Minister Han Duck-soo", "한덕수 국무총리"),
                ("Han", "한 총리"),
                ("USFK Commander", "주한미군사령관"),
            ],
            ["사령관"],
            id="usfk-release-posts-as-roles",
        ),
        pytest.param(
            "austin-shin-2024.txt",
            [
                ("Republic of Korea (ROK) Minister of National Defense Shin Wonsik", "신원식 국방부 장관"),
                ("The Secretary", "오스틴 장관"),
                ("U.S.-ROK-Japan", "한미일"),
            ],
            [],
            id="dod-readout-korean-minister",
        ),
        pytest.param(
            "trichod-2024.txt",
            [
                ("18 July 2024", "2024년 7월 18일"),
                ("U.S. Chairman of the Joint Chiefs of Staff Gen. CQ Brown", "찰스 브라운 미국 합참의장"),
            ],
            ["2024년 7월", "미국"],
            id="indopacom-joint-statement-day-first-date",
        ),
        pytest.param(
            "milley-trichod-2021.txt",
            [
                ("Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley", "마크 밀리 미국 합참의장"),
                ("Chairman of the Republic of Korea Joint Chiefs of Staff, Gen. Won In Choul", "원인철 합참의장"),
                ("Gen. Milley", "밀리 의장"),
                ("Gen. Won", "원 의장"),
            ],
            ["마크 밀리 합참의장", "마크 밀리 대장"],
            id="joint-staff-release-us-and-rok-chairmen",
        ),
    ],
)
def test_unseen_official_copy(name: str, expected: list[tuple[str, str | None]], forbidden: list[str]) -> None:
    """Public-domain readouts and releases nobody tuned on (tests/data/newsroom/SOURCES.tsv): the classes of
    error each one showed (name order, a South Korean post given a foreigner, ranks taken for the post)."""
    text = (NEWSROOM_DATA / name).read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    got = [(m.text, m.ko) for ms in render_article(paragraphs, MATCHER) for m in ms]
    for en, ko in expected:
        if ko is None:
            assert en not in [t for t, _ in got], got  # nothing rendered (not 동맹국 for a Japan-U.S. story's allies)
        else:
            assert (en, ko) in got, got
    for ko in forbidden:
        assert ko not in [k for _, k in got], (ko, got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "South Korea's acting Defense Minister Kim Seon-ho spoke.",
            ("South Korea's acting Defense Minister Kim Seon-ho", "김선호 국방부 장관 직무대행"),
            id="possessive-before-acting",
        ),
        pytest.param(
            "Republic of Korea (ROK) Acting Minister of National Defense Kim Seon-ho spoke.",
            ("Republic of Korea (ROK) Acting Minister of National Defense Kim Seon-ho", "김선호 국방부 장관 직무대행"),
            id="communique-qualifier-before-acting",
        ),
        pytest.param(
            "South Korean former President Moon Jae-in spoke.",
            ("South Korean former President Moon Jae-in", "문재인 전 대통령"),
            id="adjective-before-former",
        ),
    ],
)
def test_south_korean_qualifier_before_a_modified_post(text: str, expected: tuple[str, str]) -> None:
    got = [(t, k) for t, k, _ in _render(text)]
    assert expected in got, got
    assert "한국" not in [k for _, k in got]


def test_title_and_surname_of_a_glossary_person_the_article_does_not_name() -> None:
    got = _render("Minister Kim spoke, and President Xi agreed.")
    assert ("President Xi", "시진핑 중국 국가주석", "title-surname-known") in got
    assert all(k != "김 장관" and not k.startswith("김") for _, k, _ in got)  # many Kims: left alone


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "Gen. Won In-choul, chairman of Korea's Joint Chiefs of Staff, attended.",
            "원인철",
            "원인철 대장",
            id="post-word-and-of-after-the-name",
        ),
        pytest.param(
            "Gen. Paul LaCamera, UNC/CFC/USFK commander, hosted a ceremony.",
            "폴 러캐머라",
            "폴 러캐머라 대장",
            id="commands-and-post-word-after-the-name",
        ),
    ],
)
def test_known_person_rank_dropped_before_an_apposed_post(text: str, present: str, absent: str) -> None:
    got = [k for _, k, _ in _render(text)]
    assert present in got
    assert absent not in got


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gen. Paul LaCamera said the alliance is strong.", id="no-post-after"),
        pytest.param("Gen. Paul LaCamera, he told the minister, is leaving.", id="a-clause-not-a-post-after-the-comma"),
    ],
)
def test_known_person_keeps_the_rank_with_no_post_after(text: str) -> None:
    got = [k for _, k, _ in _render(text)]
    assert "폴 러캐머라 대장" in got


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        pytest.param("STAFF: We will now begin the briefing today.", False, id="transcript-today-is-speech"),
        pytest.param("The ministers met today in Seoul.", True, id="news-today-is-the-date"),
    ],
)
def test_relative_date_in_a_transcript(text: str, relative: bool) -> None:
    from datetime import date

    got = _render(text, date=date(2023, 11, 13))
    assert (("today", "13일", "date-relative") in got) is relative


@pytest.mark.parametrize(
    ("text", "later"),
    [
        pytest.param(
            "Secretary of Defense Lloyd J. Austin III met Minister of National Defense Shin Won-sik. "
            "MINISTER OF NATIONAL DEFENSE SHIN WON-SIK (THROUGH TRANSLATOR): Good afternoon.",
            False,
            id="speaker-label-with-the-full-name",
        ),
    ],
)
def test_speaker_label_post_is_no_later_mention(text: str, later: bool) -> None:
    got = _render(text)
    assert any(t == "MINISTER OF NATIONAL DEFENSE" and rule == "later-title" for t, _, rule in got) is later


@pytest.mark.parametrize(
    ("text", "title", "matched"), HEAD_OF_A_BODY_EXAMPLES, ids=[e[1] + str(e[2]) for e in HEAD_OF_A_BODY_EXAMPLES]
)
def test_head_of_a_body_is_no_head_of_state(text: str, title: str, matched: bool) -> None:
    # the title alone or composed with its holder's name ("President Kim Yong Nam")
    assert any(m.text == title or m.text.startswith(title + " ") for m in MATCHER.find(text)) is matched


@pytest.mark.parametrize(
    ("text", "title", "matched"), LOWER_POST_EXAMPLES, ids=[e[1] + str(e[2]) for e in LOWER_POST_EXAMPLES]
)
def test_lower_post_is_not_the_glossary_post(text: str, title: str, matched: bool) -> None:
    assert any(m.text == title or m.text.startswith(title + " ") for m in MATCHER.find(text)) is matched


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        pytest.param(
            "The carrier arrived in Busan. Capt. John Smith, its commanding officer, greeted the mayor.",
            "해군 대령",
            "대위",
            id="navy-story",
        ),
        pytest.param(
            "Soldiers trained at Camp Humphreys. Capt. John Smith led the company.",
            "대위",
            "해군 대령",
            id="army-story",
        ),
    ],
)
def test_bare_captain_by_the_storys_service(text: str, expected: str, absent: str) -> None:
    kos = [k for _, k, _ in _render(text)]
    assert expected in kos and absent not in kos


def test_bare_captain_in_a_marine_story_stays() -> None:
    text = "Marines landed from the USS Essex. Capt. John Smith led the company ashore."
    kos = [k for _, k, _ in _render(text)]
    assert "대위" in kos and "해군 대령" not in kos


@pytest.mark.parametrize(
    ("text", "ko"),
    [
        pytest.param("Thank you, Mr. President. The Senate must act.", "의장님", id="the chair in a chamber"),
        pytest.param("Mr. President, thank you for meeting me today.", "대통령", id="a head of state elsewhere"),
    ],
)
def test_vocative_president(text: str, ko: str) -> None:
    got = [k for t, k, _ in _render(text) if "President" in t]
    assert got == [ko]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("said Capt. Erik Burian, Michigan's commanding officer.", id="a post after the name"),
        pytest.param(
            "along with Michigan's prospective commanding officer, Capt. Joe Turk, to bring", id="a post before"
        ),
        pytest.param("said Rear Adm. Michael Wosje, commander, CSG-1.", id="commander and a unit"),
    ],
)
def test_no_rank_beside_a_post_the_glossary_lacks(text: str) -> None:
    assert not [m for m in render_text(text, MATCHER) if m.entry is not None and m.entry.type == "title"]


def test_a_rank_alone_is_still_rendered() -> None:
    assert [k for t, k, _ in _render("Capt. Joe Turk spoke to the crew.") if t == "Capt."] == ["대위"]
