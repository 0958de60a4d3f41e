"""What QA accepts from Korean newsroom copy, and what it must still catch (issue 18).

Two tables, each entry with its example; the tests run every example against the real
glossary (``glossary/``): an accepted example must give no error and no warning, a
must-catch example an error from the named rule. The rules that implement the classes live
in :mod:`termdesk.qa.terms` (compound, routine omissions, later mentions, modifiers, sibling
forms), :mod:`termdesk.qa.term_rules` (inconsistency), :mod:`termdesk.qa.inputs` and
:mod:`termdesk.qa.alignment` (layout), :mod:`termdesk.qa.target_rules` (deformed and
unsupported terms) and :mod:`termdesk.qa.untranslated`.

``¶`` in an example separates paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Accepted:
    """A newsroom form QA accepts: its class, a name, the English and the faithful Korean."""

    kind: str
    name: str
    en: str
    ko: str


@dataclass(frozen=True)
class MustCatch:
    """An error QA must report: a name, the English, the wrong Korean, the rule that reports it."""

    name: str
    en: str
    ko: str
    rule: str


#: The false-alarm classes of issue 18, each with its examples.
ACCEPTED: tuple[Accepted, ...] = (
    # A country covered by a compound (termdesk.ko.compounds).
    Accepted(
        "compound",
        "han-mi",
        "South Korea and the U.S. agreed to expand their drills.",
        "한미는 연합훈련을 확대하기로 합의했다.",
    ),
    Accepted(
        "compound",
        "han-mi-il",
        "The U.S., Japan and South Korea held a trilateral exercise.",
        "한미일은 3국 훈련을 실시했다.",
    ),
    Accepted("compound", "alliance", "They reaffirmed the U.S.-ROK alliance.", "양측은 한미동맹을 재확인했다."),
    Accepted(
        "compound", "inter-korean", "Inter-Korean tension rose after the launch.", "발사 이후 남북 긴장이 고조됐다."
    ),
    Accepted("compound", "buk-mi", "Washington and Pyongyang resumed talks.", "북미가 대화를 재개했다."),
    Accepted(
        "compound",
        "visit-word",
        "READOUT: Pacific Fleet commander's travel to Republic of Korea, Oct. 23-24",
        "미 태평양함대사령관 방한 결과(10월 23∼24일)",
    ),
    # Routine omissions in Korean copy (reported at info level).
    Accepted(
        "omission",
        "rok-minister",
        "Republic of Korea Minister of National Defense Song Young-moo spoke.",
        "송영무 국방부 장관이 말했다.",
    ),
    Accepted(
        "omission",
        "president-of-rok",
        "He met President Moon Jae-in of the Republic of Korea.",
        "그는 문재인 대통령을 만났다.",
    ),
    Accepted(
        "omission",
        "south-korea-jcs",
        "South Korea's Joint Chiefs of Staff said the missile flew 1,000 km.",
        "합참은 미사일이 1,000km를 비행했다고 밝혔다.",
    ),
    Accepted(
        "omission",
        "seoul-ministry",
        "Seoul's defense ministry said the drills would go ahead.",
        "국방부는 훈련이 예정대로 진행된다고 밝혔다.",
    ),
    Accepted(
        "omission",
        "wire-dateline",
        "SEOUL, Oct. 28 (Yonhap) -- South Korea and the U.S. agreed to expand drills.",
        "한미는 훈련 확대에 합의했다.",
    ),
    Accepted(
        "omission",
        "descriptive-phrase",
        "Mattis said the U.S. remains steadfast in its commitment to the defense of the ROK.",
        "매티스 장관은 한국 방어에 대한 미국의 공약은 확고하다고 말했다.",
    ),
    Accepted(
        "omission",
        "dod-news-dateline",
        "WASHINGTON, June 24, 2016 — U.S., Japanese and South Korean defense officials met today.",
        "한미일 3국 국방 당국자들이 24일 만났다.",
    ),
    Accepted(
        "omission",
        "kr-before-lowercase-post",
        "Yoo Jeh-seung, South Korea’s deputy defense minister for policy, co-chaired the talks.",
        "류제승 국방부 국방정책실장이 회의를 공동 주재했다.",
    ),
    Accepted(
        "names",
        "unhyphenated-korean-glossary-name",
        "Secretary Austin spoke with Minister of National Defense Kim Yong-hyun.",
        "오스틴 장관은 김용현 국방부 장관과 통화했다.",
    ),
    Accepted(
        "target-form",
        "straddling-two-words",
        "He reaffirmed the commitment of the combined force to the defense of the Republic of Korea.",
        "그는 대한민국 방위에 대한 연합군의 공약을 재확인했다.",
    ),
    Accepted(
        "omission",
        "service-and-commands-in-a-commander-title",
        "U.S. Army Gen. Xavier T. Brunson, commanding general of United Nations Command, Combined Forces Command, "
        "and U.S. Forces Korea, welcomed him.",
        "제이비어 브런슨 유엔군사령관 겸 한미연합사령관 겸 주한미군사령관은 그를 맞았다.",
    ),
    Accepted(
        "omission",
        "commands-in-a-commander-title-with-semicolons",
        "Gen. Paul LaCamera became commander of U.S. Forces, Korea; Combined Forces Command; and United Nations "
        "Command.",
        "폴 러캐머라 대장이 주한미군사령관 겸 한미연합사령관, 유엔군사령관에 취임했다.",
    ),
    # Short forms and later mentions.
    Accepted("short-form", "headline-title", "Mattis, Song hold talks", "매티스·송영무 국방장관 회담"),
    Accepted(
        "short-form", "headline-hanja", "U.S. Condemns North Korean Missile Launch", "미 국방부, 北 미사일 발사 규탄"
    ),
    Accepted(
        "short-form",
        "later-mention",
        "Secretary of Defense Jim Mattis met Minister of National Defense Song Young-moo.¶"
        "Secretary Mattis thanked Minister Song.",
        "제임스 매티스 미 국방장관은 송영무 국방부 장관과 만났다.¶매티스 장관은 송 장관에게 감사를 표했다.",
    ),
    Accepted(
        "short-form",
        "later-mention-title-only",
        'chief Pentagon spokesperson Dana W. White said so.¶"We are ready," the Pentagon spokesperson said.',
        '데이나 화이트 미 국방부 수석대변인이 그렇게 말했다.¶화이트 대변인은 "준비돼 있다"고 말했다.',
    ),
    Accepted(
        "short-form",
        "later-mention-surname-lee",
        "Secretary of Defense Lloyd J. Austin III met Minister of National Defense Lee Jong-sup.¶"
        "Austin and the Minister of National Defense agreed to meet again.",
        "로이드 오스틴 미 국방장관은 이종섭 국방부 장관과 만났다.¶오스틴 장관과 이 장관은 다시 만나기로 했다.",
    ),
    Accepted(
        "short-form",
        "first-and-short",
        "The Joint Chiefs of Staff said North Korea fired a missile.¶The Joint Chiefs of Staff said it was an ICBM.",
        "합동참모본부는 북한이 미사일을 발사했다고 밝혔다.¶합참은 대륙간탄도미사일(ICBM)이라고 밝혔다.",
    ),
    Accepted(
        "short-form",
        "mi-and-miguk",
        "U.S. Secretary of Defense Lloyd Austin spoke.¶The U.S. Secretary of Defense left.",
        "로이드 오스틴 미국 국방장관이 말했다.¶미 국방장관은 떠났다.",
    ),
    Accepted(
        "short-form",
        "sibling-inside-term",
        "They discussed the THAAD battery.",
        "양측은 고고도미사일방어체계 포대를 논의했다.",
    ),
    # A modifier inside a term (termdesk.qa.terms.MODIFIER_PREFIXES).
    Accepted(
        "modifier",
        "chief-spokesperson",
        "chief Pentagon spokesperson Dana W. White said.",
        "데이나 화이트 미 국방부 수석대변인이 말했다.",
    ),
    Accepted(
        "modifier", "patriot-interceptors", "The Patriot interceptors were deployed.", "패트리엇 요격미사일이 배치됐다."
    ),
    Accepted(
        "modifier",
        "brigade-thaad",
        "The 35th Air Defense Artillery Brigade's THAAD battery arrived.",
        "제35방공포병여단의 사드 포대가 도착했다.",
    ),
    Accepted(
        "modifier",
        "peaceful-denuclearization",
        "The United States seeks only the peaceful denuclearization of the Korean Peninsula.",
        "미국은 오직 한반도의 평화적 비핵화를 추구한다.",
    ),
    Accepted(
        "modifier",
        "longer-title",
        "Pentagon Chief Spokesperson Dana W. White provided the following readout:",
        "데이나 화이트 미 국방부 수석대변인은 다음과 같이 발표했다.",
    ),
    # Inconsistency that is not one.
    Accepted(
        "consistency",
        "inside-compound",
        "U.S. Secretary of Defense Lloyd Austin arrived.¶South Korean and U.S. defense chiefs met.",
        "로이드 오스틴 미 국방장관이 도착했다.¶한미 국방장관이 만났다.",
    ),
    Accepted(
        "consistency",
        "seongju",
        "The THAAD battery is in Seongju, North Gyeongsang Province.¶Residents of Seongju protested.",
        "사드 포대는 경북 성주에 있다.¶성주 주민들이 항의했다.",
    ),
    Accepted(
        "consistency",
        "headline-short-body-full",
        "Austin, Kim hold phone talks¶Secretary of Defense Lloyd J. Austin III spoke with Kim Yong-hyun.¶"
        "Secretary of Defense Austin said so.",
        "오스틴 미 국방장관, 김용현 장관과 통화¶로이드 오스틴 미국 국방장관은 김용현 장관과 통화했다.¶"
        "오스틴 미국 국방장관은 그렇게 말했다.",
    ),
    Accepted(
        "consistency",
        "headline-and-body",
        "Mattis, Song hold talks¶Defense Minister Song Young-moo met Mattis.",
        "매티스·송영무 국방장관 회담¶송영무 국방부 장관은 매티스 장관을 만났다.",
    ),
    Accepted(
        "consistency",
        "byline-short-body-full",
        "Allies meet¶By Jim Garamone, DoD News¶The Pentagon said so.¶The Pentagon said more.",
        "한미 회담¶짐 개러몬 미 국방부 뉴스 기자¶미국 국방부는 그렇게 밝혔다.¶미국 국방부는 더 밝혔다.",
    ),
    # A person's name: its family name is one of its words, no deformation of it.
    Accepted(
        "name",
        "family-name-inside-the-full-name",
        '"We stand ready," said Adm. Harry Harris, commander, U.S. Pacific Command.',
        '해리 해리스 미국 태평양사령관(해군 대장)은 "우리는 준비가 돼 있다"고 말했다.',
    ),
    # The commander of each body of a slashed list: the bodies' 사령부 read as 사령관.
    Accepted(
        "title",
        "commander-of-a-slashed-list",
        "Gen. Paul LaCamera, United Nations Command/Combined Forces Command/United States Forces Korea commander, "
        "hosted a ceremony.",
        "폴 러캐머라 유엔군사령관 겸 한미연합사령관 겸 주한미군사령관은 의장행사를 주관했다.",
    ),
    # A South Korean holder of a post English copy names as the U.S. one (newsroom rule title-foreign-holder).
    Accepted(
        "title",
        "kr-holder-of-a-us-named-post",
        "Mattis met National Security Advisor Kim Kwan-jin.",
        "매티스 장관은 김관진 국가안보실장을 만났다.",
    ),
    # The chair addressed in a chamber's copy (newsroom rule title-vocative-chair): 의장님, no head of state.
    Accepted(
        "title",
        "presidents-as-leaders",
        "Joint Statement from the Presidents of the United States of America and the Republic of Korea",
        "한미 정상 공동성명",
    ),
    Accepted(
        "omission",
        "country-after-its-city",
        "The memorial was dedicated in Busan, South Korea, on Sunday.",
        "기념비가 일요일 부산에서 제막됐다.",
    ),
    Accepted(
        "consistency",
        "long-statement-headline-short-body-full",
        "Joint Statement from the Presidents of the United States of America and the Republic of Korea on the "
        "Identification of a Medal of Honor Recipient from the Korean War¶The Korean War hero was identified. The "
        "Korean War ended in 1953.",
        "한국전 명예훈장 수여자 신원확인에 관한 한미 정상 공동성명¶6·25전쟁 영웅의 신원이 확인됐다. 6·25전쟁은 "
        "1953년 끝났다.",
    ),
    Accepted(
        "title",
        "speaker-label",
        "AMBASSADOR KING: I have just finished a meeting with the Foreign Minister.",
        "킹 특사: 방금 외교부 장관과 면담을 마쳤습니다.",
    ),
    Accepted(
        "title",
        "chair-addressed-in-a-chamber",
        "Thank you, Madam President. The Security Council must respond to the launch.",
        "감사합니다, 의장님. 안보리는 이번 발사에 대응해야 합니다.",
    ),
    # Layout (alignment info, never an error).
    Accepted(
        "layout",
        "dateline-merged",
        "SEOUL, Oct. 28 (Yonhap)¶South Korea and the U.S. agreed to expand drills.¶They also discussed THAAD.",
        "(서울=연합뉴스) 한미는 훈련 확대에 합의했다.¶양측은 사드도 논의했다.",
    ),
    Accepted(
        "layout",
        "one-line-joined",
        "North Korea fired a missile on Monday.¶It flew 1,000 km.¶THAAD was discussed.",
        "북한은 월요일 미사일을 발사했고 미사일은 1,000km를 비행했다.¶사드 문제도 논의됐다.",
    ),
)

#: What QA must still report as an error, each with the rule that reports it.
MUST_CATCH: tuple[MustCatch, ...] = (
    MustCatch(
        "speaker-label-not-kept",
        "AMBASSADOR KING: I have just finished a meeting with the Foreign Minister.",
        "방금 외교부 장관과 면담을 마쳤습니다.",
        "key-term-mismatch",
    ),
    MustCatch(
        "head-of-state-addressed-outside-a-chamber",
        "Mr. President, thank you for meeting me. We discussed the alliance.",
        "감사합니다. 우리는 동맹을 논의했습니다.",
        "key-term-mismatch",
    ),
    MustCatch(
        "kr-holder-given-the-us-post",
        "Mattis met National Security Advisor Kim Kwan-jin.",
        "매티스 장관은 김관진 국가안보보좌관을 만났다.",
        "key-term-mismatch",
    ),
    MustCatch(
        "ncg-deformed",
        "The allies held the first meeting of the Nuclear Consultative Group (NCG).",
        "한미는 제1차 핵자문그룹(NCG) 회의를 열었다.",
        "deformed-term",
    ),
    MustCatch(
        "usfk-as-migun",
        "U.S. Forces Korea (USFK) said the drill ended.",
        "미군은 훈련이 끝났다고 밝혔다.",
        "key-term-mismatch",
    ),
    MustCatch(
        "jcs-blend",
        "The Joint Chiefs of Staff said North Korea fired a missile.",
        "합참본부는 북한이 미사일을 발사했다고 밝혔다.",
        "deformed-term",
    ),
    MustCatch(
        "thaad-deformed",
        "The THAAD system is designed to intercept missiles.",
        "고고도방어체계(사드)는 미사일을 요격하도록 설계됐다.",
        "deformed-term",
    ),
    MustCatch("ko-avoid", "The drill took place in the East Sea.", "훈련은 일본해에서 실시됐다.", "avoided-rendering"),
    MustCatch("billion", "The U.S. will provide $2 billion in aid.", "미국은 2억 달러를 지원한다.", "numbers"),
    MustCatch(
        "ordinal",
        "The 55th Security Consultative Meeting was held in Seoul.",
        "제54차 한미안보협의회의가 서울에서 열렸다.",
        "numbers",
    ),
    MustCatch(
        "particle",
        "Defense Minister Song Young-moo met Mattis.",
        "송영무 국방부 장관가 매티스 장관을 만났다.",
        "particle-after-term",
    ),
    MustCatch(
        "misspelt-name",
        "U.S. Secretary of Defense Jim Mattis arrived in Seoul.",
        "제임스 메티스 미 국방장관이 서울에 도착했다.",
        "key-term-mismatch",
    ),
    MustCatch(
        "unsupported", "The THAAD battery arrived in Seongju.", "패트리엇 포대가 성주에 도착했다.", "unsupported-term"
    ),
    MustCatch(
        "english-kept",
        "The two sides agreed to strengthen deterrence.",
        "양측은 The two sides agreed to strengthen deterrence 합의했다.",
        "untranslated",
    ),
    MustCatch(
        "korean-in-brackets",
        "Defense Minister Song Young-moo met Mattis.",
        "Defense Minister Song Young-moo [송영무 국방부 장관] met Mattis.",
        "untranslated",
    ),
    MustCatch(
        "source-copied", "The two sides agreed to meet again.", "The two sides agreed to meet again.", "untranslated"
    ),
    MustCatch("placeholder", "The two sides agreed on THAAD.", "양측은 ⟦T1⟧에 합의했다.", "untranslated"),
)
