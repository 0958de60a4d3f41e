"""termdesk.text: reading, debris cleaning (one case per rule), paragraphs and sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.errors import InputError
from termdesk.text import (
    DEBRIS_RULES,
    Article,
    caption_text,
    classify_line,
    clean_text,
    document_from_text,
    iter_articles,
    normalize_punct,
    read_article,
    segment,
    split_sentences,
    tokenize,
)

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"
HERALD = SEEDS / "000_3a1915af7316e843.txt"
YONHAP = SEEDS / "004_2e85c4d7cdd52abf.txt"
STORY = "South Korea and the United States agreed to hold defense talks next month, officials said."


# --------------------------------------------------------------------------- debris rules: every example is a case


@pytest.mark.parametrize("rule", DEBRIS_RULES, ids=[r.id for r in DEBRIS_RULES])
def test_debris_rule_example_is_removed(rule):
    if rule.id == "nav-list":
        text = f"Headline here\n\n{STORY}\n\nMOST POPULAR\n{rule.example}\n"
    else:
        first = rule.kept == "" or rule.id == "yonhap-tag"  # a wire slug only comes before the headline
        text = f"{rule.example}\n\n{STORY}\n" if first else f"{STORY}\n\n{rule.example}\n"
    cleaned, removed = clean_text(text)
    assert rule.id in {r.reason for r in removed}, removed
    assert STORY in cleaned  # the story sentence is never dropped
    if rule.kept:
        assert rule.kept in cleaned.split("\n\n")
    else:
        assert rule.example.strip() not in cleaned


@pytest.mark.parametrize(
    "line",
    [
        STORY,
        "By Friday, the two sides had agreed to meet again.",
        "Defense Minister Song Young-moo said the talks were productive.",
        "This is the first meeting of the two defense chiefs.",
        "National security is at stake, the minister said.",
        "Korea, US seeking defense chiefs' meeting at early date",
    ],
    ids=["story", "by-friday", "minister", "this-is", "national-sentence", "headline"],
)
def test_story_lines_are_not_debris(line):
    assert classify_line(line, before_headline=False) is None
    cleaned, removed = clean_text(line)
    assert cleaned == line and removed == []


CAPTIONS = {
    "triangle bullet": "▲ President Yoon Suk Yeol (R) shakes hands with U.S. Secretary of Defense Lloyd Austin in Seoul on Nov. 12, 2023. (Yonhap)",
    "not for sale": "Austin meets Yoon at his residence in Seoul on Nov. 12, 2023, in this photo provided by the presidential office. (PHOTO NOT FOR SALE) (Yonhap)",
    "pool photo": "U.S. Secretary of Defense Lloyd Austin pays a silent tribute at the War Memorial of Korea in Seoul on Nov. 12, 2023. (Pool photo) (Yonhap)",
}


@pytest.mark.parametrize("name", sorted(CAPTIONS))
def test_more_photo_captions(name: str) -> None:
    assert classify_line(CAPTIONS[name]) == "photo-caption"


def test_caption_text_strips_page_markers() -> None:
    assert caption_text(CAPTIONS["not for sale"]) == (
        "Austin meets Yoon at his residence in Seoul on Nov. 12, 2023, in this photo provided by the presidential office."
    )
    assert caption_text(CAPTIONS["triangle bullet"]).startswith("President Yoon Suk Yeol (R) shakes hands")


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said the drills would end Friday. (Yonhap)",
        "The photo (Yonhap photo) was released on Friday, the ministry said.",
    ],
    ids=["story-with-end-credit", "marker-without-end-credit"],
)
def test_story_lines_with_credits_are_kept(line: str) -> None:
    assert classify_line(line) is None


def test_section_label_only_before_headline():
    cleaned, removed = clean_text("National\n\nHeadline about talks\n\nNational\n")
    assert [r.reason for r in removed] == ["section-label"]
    assert cleaned == "Headline about talks\n\nNational"


# --------------------------------------------------------------------------- the seeds


def test_herald_seed_debris_and_headline():
    doc = read_article(HERALD)
    assert [(r.line, r.reason) for r in doc.removed] == [
        (1, "masthead"),
        (3, "page-nickname"),
        (7, "byline"),
        (9, "published"),
        (11, "share-widget"),
        (19, "photo-caption"),
    ]
    assert doc.paragraphs[0].text == "Korea, US seeking defense chiefs' meeting at early date"
    assert doc.paragraphs[0].line == 5
    assert doc.paragraphs[-1].text.endswith("heightened. (Yonhap)")
    raw = HERALD.read_text(encoding="utf-8")
    story = [ln for ln in raw.splitlines() if ln.strip() and len(ln) > 80 and not ln.startswith("This photo")]
    assert len(story) == 10 and all(s.strip() in doc.text for s in story)  # no story sentence dropped


def test_yonhap_seed_debris():
    doc = read_article(YONHAP)
    assert [(r.line, r.reason, r.text) for r in doc.removed] == [
        (1, "navigation", "Back To Top"),
        (27, "navigation", "MOST POPULAR"),
        (28, "navigation", "LATEST NEWS"),
        (29, "navigation", "subscribe"),
        (30, "page-nickname", "소아쌤"),
    ]
    assert doc.paragraphs[0].text == "U.S. defense chief to visit S. Korea next month: Seoul sources"
    assert len(doc.paragraphs) == 12


@pytest.mark.parametrize("path", [HERALD, YONHAP], ids=["herald", "yonhap"])
def test_offsets_are_exact(path):
    doc = read_article(path)
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text
    segs = segment(doc)
    for s in segs:
        assert doc.text[s.start : s.end] == s.text
        assert doc.paragraphs[s.paragraph].start <= s.start < s.end <= doc.paragraphs[s.paragraph].end
    assert [s.index for s in segs] == list(range(len(segs)))


def test_yonhap_seed_sentences():
    segs = segment(read_article(YONHAP))
    texts = [s.text for s in segs]
    assert texts[0] == "U.S. defense chief to visit S. Korea next month: Seoul sources"
    assert texts[2].startswith("U.S. Secretary of Defense Ashton Carter") and texts[2].endswith("include Japan.")
    assert (
        texts[3]
        == '"Seoul and Washington have made a significant progress in pushing for Carter\'s trip here," another source said.'
    )
    assert texts[4] == '"A wide range of bilateral issues will be dealt with at the ministers\' talks."'
    assert texts[-1].startswith("On Thursday, Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff")
    assert texts[-1].endswith("alliance. (Yonhap)")
    assert len(segs) == 14


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. military said so. It added more.", ["The U.S. military said so.", "It added more."]),
        ("He met U.S. Forces Korea officials. They agreed.", ["He met U.S. Forces Korea officials.", "They agreed."]),
        ("It will threaten the U.S. The North said so.", ["It will threaten the U.S.", "The North said so."]),
        ("Lt. Gen. Kang Shin-chul spoke. Gen. Kim agreed.", ["Lt. Gen. Kang Shin-chul spoke.", "Gen. Kim agreed."]),
        ("It is the No. 2 official. He left.", ["It is the No. 2 official.", "He left."]),
        ("The envoy visited S. Korea on Monday.", ["The envoy visited S. Korea on Monday."]),
        ("J. Smith and Ashton B. Carter met.", ["J. Smith and Ashton B. Carter met."]),
        (
            "Kim Jong-un watched the launch. Kim Yo-jong did too.",
            ["Kim Jong-un watched the launch.", "Kim Yo-jong did too."],
        ),
        (
            '"We will respond," a Seoul source said. "It is grave."',
            ['"We will respond," a Seoul source said.', '"It is grave."'],
        ),
        ('They "agreed to meet." according to the ministry.', ['They "agreed to meet." according to the ministry.']),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        ("The alliance is strong. (Yonhap)", ["The alliance is strong. (Yonhap)"]),
        ("Is it ready? Officials declined to say!", ["Is it ready?", "Officials declined to say!"]),
        ("The launch came at 8 a.m. Officials said so.", ["The launch came at 8 a.m.", "Officials said so."]),
        ("The launch came at 8 a.m. Monday local time.", ["The launch came at 8 a.m. Monday local time."]),
        ("It flew 1,000 km on Jan. 5 and fell.", ["It flew 1,000 km on Jan. 5 and fell."]),
        (
            "The Korea-U.S. Integrated Defense Dialogue met. It ended.",
            ["The Korea-U.S. Integrated Defense Dialogue met.", "It ended."],
        ),
        ("", []),
    ],
    ids=[
        "us-mid",
        "us-forces",
        "us-end",
        "ranks",
        "no-2",
        "s-korea",
        "initials",
        "korean-names",
        "quotes",
        "quote-lower",
        "quote-end",
        "yonhap-credit",
        "question",
        "am-pm-end",
        "am-pm-mid",
        "jan-5",
        "hyphen-initials",
        "empty",
    ],
)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


# --------------------------------------------------------------------------- formats and bad input


def test_html_extraction():
    doc = read_article(DATA / "text_page.html")
    assert [p.text for p in doc.paragraphs] == [
        "Seoul, Washington to hold defense talks",
        "South Korea and the United States will hold defense talks next week, officials said.",
        "The talks will cover North Korea's missile threats.",
        "They come ahead of the SCM.",
    ]
    reasons = {r.reason for r in doc.removed}
    assert {"html-nav", "html-aside", "html-footer", "html-figcaption"} <= reasons
    assert "Defense Minister" not in doc.text  # script text is never article text


def test_markdown_and_wrapped_text():
    md = document_from_text(
        "---\ntitle: x\n---\n# Seoul to buy **F-35A** jets\n\n![p](u.jpg)\n\nThe [ministry](https://x) said so.\n",
        kind="md",
    )
    assert [p.text for p in md.paragraphs] == ["Seoul to buy F-35A jets", "The ministry said so."]
    assert {r.reason for r in md.removed} == {"md-front-matter", "md-image"}
    wrapped = document_from_text(
        "Headline\n\nSouth Korea, the United States and Japan will stage their first\nmultidomain trilateral exercise later this week, the ministry\nsaid on Wednesday.\n"
    )
    assert wrapped.paragraphs[1].text == (
        "South Korea, the United States and Japan will stage their first multidomain trilateral exercise later this week, the ministry said on Wednesday."
    )
    assert wrapped.paragraphs[1].line == 3


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("text_empty.txt", "text_empty.txt: empty article — give a file with the article's text"),
        ("text_whitespace_only.txt", "text_whitespace_only.txt: empty article — give a file with the article's text"),
        (
            "text_binary.txt",
            "text_binary.txt:1: binary data (NUL byte) — this is not a text file; give a UTF-8 text file",
        ),
        (
            "text_only_debris.txt",
            "text_only_debris.txt: no article text left after removing page debris — check that this is an article (see --show-removed)",
        ),
    ],
    ids=["empty", "whitespace", "binary", "only-debris"],
)
def test_bad_articles(name, message):
    with pytest.raises(InputError) as exc:
        read_article(DATA / name)
    assert exc.value.message == f"{DATA / name}{message[len(name) :]}"


def test_cp949_article_named():
    with pytest.raises(InputError, match="CP949"):
        read_article(DATA / "text_cp949.txt")
    doc = read_article(DATA / "text_cp949.txt", encoding="cp949")
    assert doc.paragraphs[0].text == "Seoul가 said."


def test_iter_articles(tmp_path):
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.html").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("x", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "readme.txt").write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_articles([tmp_path, tmp_path / "b.txt"])]
    assert found == ["a.html", "b.txt", "sub/c.md"]
    assert list(iter_articles([tmp_path / "README.md"])) == [tmp_path / "README.md"]  # named: taken
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_articles([tmp_path / "missing"]))


def test_document_is_frozen():
    doc = document_from_text("Headline\n\nA sentence.")
    assert isinstance(doc, Article)
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]


def test_moses_helpers():
    assert tokenize('Korea\'s U.S. B-1B "hi,"') == ["Korea", "'s", "U.S.", "B-1B", '"', "hi", ",", '"']
    assert normalize_punct("„Hi“ – there") == '"Hi" - there'
