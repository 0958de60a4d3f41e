"""The small glossary the rule-table examples run against (so they do not depend on glossary/)."""

from __future__ import annotations

from ..glossary import Entry, Glossary


def _e(
    en: str,
    ko: str,
    type_: str,
    *,
    env: str = "",
    kov: str = "",
    avoid: str = "",
    match: str = "",
    note: str = "",
    valid_from: str = "",
    valid_to: str = "",
) -> Entry:
    split = lambda s: tuple(v.strip() for v in s.split("|") if v.strip())  # noqa: E731
    return Entry(
        en=en,
        ko=ko,
        type=type_,
        en_variants=split(env),
        ko_variants=split(kov),
        ko_avoid=split(avoid),
        note=note or ("[keep-latin]" if ko.isascii() else ""),
        source="termdesk QA rule examples",
        status="approved",
        match=match,
        valid_from=valid_from,
        valid_to=valid_to,
    )


EXAMPLE_ENTRIES: tuple[Entry, ...] = (
    _e("alliance", "동맹", "concept"),
    _e("Ashton Carter", "애슈턴 카터", "person", env="Ash Carter", avoid="애쉬턴 카터 | 애쉬튼 카터"),
    _e("B-1B bomber", "B-1B 폭격기", "weapon", env="B-1B bombers | B-1B", kov="B-1B 전략폭격기"),
    _e("Chairman of the U.S. Joint Chiefs of Staff", "미 합참의장", "title", kov="미국 합참의장"),
    _e("Cheong Wa Dae", "청와대", "organization", env="Blue House | presidential office"),
    _e("Defense Minister", "국방부 장관", "title", env="South Korean Defense Minister", kov="국방부장관 | 국방장관"),
    _e("East Sea", "동해", "place", avoid="일본해"),
    _e("Foreign Minister", "외교부 장관", "title", kov="외교장관 | 외교부장관"),
    _e("Gen.", "대장", "title", match="case-sensitive"),
    _e("Kim Jong-il", "김정일", "person"),
    _e("Kim Jong-un", "김정은", "person"),
    _e("Kim Song", "김성", "person", note="North Korean ambassador to the UN: an unhyphenated Korean name"),
    _e("Martin Dempsey", "마틴 뎀프시", "person"),
    _e("missile defense system", "미사일 방어체계", "weapon", kov="미사일방어체계"),
    _e("President", "대통령", "title"),
    _e(
        "Presidential Office",
        "대통령실",
        "organization",
        note="Yongsan period: named 청와대 again from 2025-12-29.",
        valid_from="2022-05-10",
        valid_to="2025-12-28",
    ),
    _e("Russia", "러시아", "place"),
    _e("Seoul", "서울", "place"),
    _e(
        "Song Young-moo",
        "송영무",
        "person",
        env="Song Myoung-moo",
        note="Korea Herald copy misspells him 'Song Myoung-moo': render 송영무.",
    ),
    _e("Terminal High Altitude Area Defense", "고고도미사일방어체계", "weapon", env="THAAD", kov="사드"),
    _e("U.S. Indo-Pacific Command", "인도태평양사령부", "organization", env="INDOPACOM", valid_from="2018-05-30"),
    _e(
        "U.S. Pacific Command",
        "태평양사령부",
        "organization",
        env="PACOM | Pacific Command",
        note="Renamed U.S. Indo-Pacific Command on 2018-05-30.",
        valid_to="2018-05-29",
    ),
    _e(
        "U.S. Secretary of Defense",
        "미 국방장관",
        "title",
        env="Secretary of Defense | Defense Secretary",
        kov="미국 국방장관",
    ),
    _e("U.S. Secretary of State", "미 국무장관", "title", env="Secretary of State", kov="미국 국무장관"),
    _e("United States", "미국", "place", env="U.S.", kov="미"),
)


def example_glossary() -> Glossary:
    return Glossary(EXAMPLE_ENTRIES)
