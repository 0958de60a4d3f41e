"""Hangul ↔ Latin: romanisation, personal-name spellings, transliteration similarity.

Three tools the proposer uses to tell a name or a loanword from the other words
of a Korean sentence:

``romanize(text)``
    Revised Romanization, syllable by syllable (no sound-change rules):
    ``송영무`` → ``song-yeong-mu`` (with ``sep='-'``), ``미사일`` → ``misail``.
``name_compatible(english, hangul)``
    whether an English spelling of a Korean personal name can be read as the
    Hangul, allowing the spellings people actually use, not only Revised
    Romanization: ``Song Young-moo`` ~ ``송영무``, ``Choe Ryong-hae`` ~ ``최룡해``,
    ``Rhee`` ~ ``이``. Spellings come from three tables — initial consonants,
    vowels and final consonants (:data:`INITIALS`, :data:`MEDIALS`,
    :data:`FINALS`), each with its example — combined per syllable, plus
    :data:`SYLLABLES`, the surname and syllable spellings that do not follow from
    the parts (``Lee``, ``Park``, ``Roh``), each with its example. Every example
    is a test case.
``translit_similarity(english, hangul)``
    0–1 similarity of consonant skeletons for foreign names and loanwords
    (``missile`` ~ ``미사일``, ``THAAD`` ~ ``사드``, ``Mattis`` ~ ``매티스``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from .hangul import SYLLABLE_CLASS, decompose, is_syllable
from .surnames import family_syllables

__all__ = [
    "FINALS",
    "INITIALS",
    "MEDIALS",
    "SYLLABLES",
    "JamoSpelling",
    "SyllableSpelling",
    "family_first",
    "family_name",
    "hepburn_word",
    "korean_name_shape",
    "name_compatible",
    "name_score",
    "romanize",
    "syllable_spellings",
    "translit_similarity",
]

# --------------------------------------------------------------------------- spelling tables


@dataclass(frozen=True)
class JamoSpelling:
    """How one jamo is written in English spellings of Korean names.

    ``rr`` is the Revised Romanization; ``spellings`` every accepted spelling
    (RR, McCune–Reischauer without diacritics, common personal spellings).
    ``example`` is (English name, Hangul) using one of the non-RR spellings, a test case.
    """

    jamo: str
    rr: str
    spellings: tuple[str, ...]
    example: tuple[str, str]


#: The 19 initial consonants in Unicode order.
INITIALS: tuple[JamoSpelling, ...] = (
    JamoSpelling("ㄱ", "g", ("g", "k"), ("Kim Jong-un", "김정은")),
    JamoSpelling("ㄲ", "kk", ("kk", "gg", "k", "g"), ("Kkot-nim", "꽃님")),
    JamoSpelling("ㄴ", "n", ("n",), ("Nam Jae-joon", "남재준")),
    JamoSpelling("ㄷ", "d", ("d", "t"), ("Tae-young", "태영")),
    JamoSpelling("ㄸ", "tt", ("tt", "dd", "t", "d"), ("Ttang", "땅")),
    JamoSpelling("ㄹ", "r", ("r", "l", "n", ""), ("Ryu Jae-seung", "류제승")),
    JamoSpelling("ㅁ", "m", ("m",), ("Moon Jae-in", "문재인")),
    JamoSpelling("ㅂ", "b", ("b", "p"), ("Pyon In-son", "변인선")),
    JamoSpelling("ㅃ", "pp", ("pp", "bb", "p", "b"), ("Ppuri", "뿌리")),
    JamoSpelling("ㅅ", "s", ("s", "sh"), ("Shin Won-sik", "신원식")),
    JamoSpelling("ㅆ", "ss", ("ss", "s", "sh"), ("Ssang-yong", "쌍용")),
    JamoSpelling("ㅇ", "", ("",), ("Ahn Gyu-back", "안규백")),
    JamoSpelling("ㅈ", "j", ("j", "ch", "z"), ("Chung Eui-yong", "정의용")),
    JamoSpelling("ㅉ", "jj", ("jj", "tch", "ch", "j"), ("Jjang", "짱")),
    JamoSpelling("ㅊ", "ch", ("ch", "chh", "c"), ("Choe Son-hui", "최선희")),
    JamoSpelling("ㅋ", "k", ("k", "kh"), ("Kong", "콩")),
    JamoSpelling("ㅌ", "t", ("t", "th"), ("Tak Hyun-min", "탁현민")),
    JamoSpelling("ㅍ", "p", ("p", "ph"), ("Pyo Chang-won", "표창원")),
    JamoSpelling("ㅎ", "h", ("h",), ("Han Min-koo", "한민구")),
)

#: The 21 vowels in Unicode order.
MEDIALS: tuple[JamoSpelling, ...] = (
    JamoSpelling("ㅏ", "a", ("a", "ah"), ("Ahn Gyu-back", "안규백")),
    JamoSpelling("ㅐ", "ae", ("ae", "ai", "e", "a"), ("Paik Sun-yup", "백선엽")),
    JamoSpelling("ㅑ", "ya", ("ya", "yah"), ("Yang Moo-jin", "양무진")),
    JamoSpelling("ㅒ", "yae", ("yae", "ye"), ("Yaeji", "얘지")),
    JamoSpelling("ㅓ", "eo", ("eo", "o", "u", "uh", "ou", "ur", "eu"), ("Suh Wook", "서욱")),
    JamoSpelling("ㅔ", "e", ("e", "ae", "ei"), ("Je Jin-hoon", "제진훈")),
    JamoSpelling("ㅕ", "yeo", ("yeo", "yo", "yu", "you", "yeu", "eo"), ("Myung-bak", "명박")),
    JamoSpelling("ㅖ", "ye", ("ye", "yae", "e"), ("Hye-jin", "혜진")),
    JamoSpelling("ㅗ", "o", ("o", "oh", "oo"), ("Oh Se-hoon", "오세훈")),
    JamoSpelling("ㅘ", "wa", ("wa", "wha", "oa"), ("Kwang-chol", "광철")),
    JamoSpelling("ㅙ", "wae", ("wae", "we", "oe"), ("Wae-gwan", "왜관")),
    JamoSpelling("ㅚ", "oe", ("oe", "oi", "we", "wae", "oy", "oey"), ("Choi Yoon-hee", "최윤희")),
    JamoSpelling("ㅛ", "yo", ("yo", "yoh"), ("Kyo-ahn", "교안")),
    JamoSpelling("ㅜ", "u", ("u", "oo", "ou", "w"), ("Han Min-koo", "한민구")),
    JamoSpelling("ㅝ", "wo", ("wo", "weo", "wu", "u"), ("Won In-choul", "원인철")),
    JamoSpelling("ㅞ", "we", ("we", "wae"), ("Kwe", "궤")),
    JamoSpelling("ㅟ", "wi", ("wi", "wee", "ui", "wie"), ("Wi Sung-lac", "위성락")),
    JamoSpelling("ㅠ", "yu", ("yu", "yoo", "you", "yew"), ("Yoon Suk Yeol", "윤석열")),
    JamoSpelling("ㅡ", "eu", ("eu", "u", "ue", "e", "o"), ("Geun-hye", "근혜")),
    JamoSpelling("ㅢ", "ui", ("ui", "eui", "ee", "i", "ei", "ii", "ue"), ("Chung Eui-yong", "정의용")),
    JamoSpelling("ㅣ", "i", ("i", "ee", "y", "ie", "ea", "e"), ("Shin Hee-sun", "신희선")),
)

#: The 27 final consonants in Unicode order (index 0, no final, is not listed).
FINALS: tuple[JamoSpelling, ...] = (
    JamoSpelling("ㄱ", "k", ("k", "g", "ck", "c", "kk"), ("Park Geun-hye", "박근혜")),
    JamoSpelling("ㄲ", "k", ("k", "kk", "g"), ("Bakk", "밖")),
    JamoSpelling("ㄳ", "k", ("k", "g"), ("Mok", "몫")),
    JamoSpelling("ㄴ", "n", ("n", "nn"), ("Hwang Kyo-ahn", "황교안")),
    JamoSpelling("ㄵ", "n", ("n",), ("An", "앉")),
    JamoSpelling("ㄶ", "n", ("n",), ("Man", "많")),
    JamoSpelling("ㄷ", "t", ("t", "d"), ("Kot", "곧")),
    JamoSpelling("ㄹ", "l", ("l", "r", "ll"), ("Seol Hoon", "설훈")),
    JamoSpelling("ㄺ", "k", ("k", "l", "lk"), ("Dalk", "닭")),
    JamoSpelling("ㄻ", "m", ("m", "lm"), ("Salm", "삶")),
    JamoSpelling("ㄼ", "l", ("l", "p", "lb"), ("Yeodeol", "여덟")),
    JamoSpelling("ㄽ", "l", ("l",), ("Gol", "곬")),
    JamoSpelling("ㄾ", "l", ("l",), ("Hal", "핥")),
    JamoSpelling("ㄿ", "p", ("p", "l"), ("Eup", "읊")),
    JamoSpelling("ㅀ", "l", ("l",), ("Sil", "싫")),
    JamoSpelling("ㅁ", "m", ("m", "mm"), ("Kim Jang-soo", "김장수")),
    JamoSpelling("ㅂ", "p", ("p", "b"), ("Yub", "엽")),
    JamoSpelling("ㅄ", "p", ("p",), ("Eop", "없")),
    JamoSpelling("ㅅ", "t", ("t", "s"), ("Os", "옷")),
    JamoSpelling("ㅆ", "t", ("t", "s", "ss"), ("Iss", "있")),
    JamoSpelling("ㅇ", "ng", ("ng", "n"), ("Song Young-moo", "송영무")),
    JamoSpelling("ㅈ", "t", ("t", "j"), ("Nat", "낮")),
    JamoSpelling("ㅊ", "t", ("t", "ch"), ("Kot", "꽃")),
    JamoSpelling("ㅋ", "k", ("k",), ("Buok", "부엌")),
    JamoSpelling("ㅌ", "t", ("t",), ("Bat", "밭")),
    JamoSpelling("ㅍ", "p", ("p",), ("Ap", "앞")),
    JamoSpelling("ㅎ", "t", ("t", "h"), ("Nah", "낳")),
)


@dataclass(frozen=True)
class SyllableSpelling:
    """Spellings of one syllable that the jamo tables do not produce (surnames above all).

    ``example`` is (English name, Hangul name) using the first irregular spelling; a test case.
    """

    syllable: str
    spellings: tuple[str, ...]
    example: tuple[str, str]


#: Irregular surname and syllable spellings, each with an example name.
SYLLABLES: tuple[SyllableSpelling, ...] = (
    SyllableSpelling("이", ("lee", "yi", "rhee", "rhie", "ri", "rhi", "li", "yee", "e"), ("Lee Jae-myung", "이재명")),
    SyllableSpelling("리", ("lee", "li", "rhee", "ri"), ("Ri Yong-ho", "리용호")),
    SyllableSpelling("박", ("park", "pak", "bak", "bahk", "pahk"), ("Park Geun-hye", "박근혜")),
    SyllableSpelling("노", ("roh", "noh", "no", "rho", "ro"), ("Roh Moo-hyun", "노무현")),
    SyllableSpelling("류", ("ryu", "yoo", "yu", "lyu", "ryoo", "rhyu"), ("Ryu Jae-seung", "류제승")),
    SyllableSpelling("유", ("yoo", "yu", "you", "ryu"), ("Yoo Seong-min", "유성민")),
    SyllableSpelling("임", ("lim", "im", "rim", "yim", "leem"), ("Lim Ho-young", "임호영")),
    SyllableSpelling("림", ("rim", "lim", "im"), ("Rim Song-nam", "림송남")),
    SyllableSpelling("라", ("ra", "la", "na"), ("Ra Jong-il", "라종일")),
    SyllableSpelling("나", ("na", "ra", "nah"), ("Na Kyung-won", "나경원")),
    SyllableSpelling("최", ("choi", "choe", "choy", "chey"), ("Choi Yoon-hee", "최윤희")),
    SyllableSpelling(
        "정", ("jeong", "jung", "chung", "cheong", "jong", "chong", "joung"), ("Chung Eui-yong", "정의용")
    ),
    SyllableSpelling("서", ("suh", "seo", "so", "sur", "su", "sir"), ("Suh Hoon", "서훈")),
    SyllableSpelling("오", ("oh", "o", "auh"), ("Oh Se-hoon", "오세훈")),
    SyllableSpelling("우", ("woo", "wu", "u", "oo"), ("Woo Won-shik", "우원식")),
    SyllableSpelling("안", ("ahn", "an", "ahnn"), ("Ahn Gyu-back", "안규백")),
    SyllableSpelling("신", ("shin", "sin", "sheen"), ("Shin Won-sik", "신원식")),
    SyllableSpelling("시", ("shi", "si", "see", "she", "sea"), ("Shi-jong", "시종")),
    SyllableSpelling("허", ("huh", "heo", "hur", "her", "hu", "ho"), ("Huh Tae-keun", "허태근")),
    SyllableSpelling("문", ("moon", "mun", "mune"), ("Moon Jae-in", "문재인")),
    SyllableSpelling("윤", ("yoon", "yun", "youn", "yune"), ("Yoon Suk Yeol", "윤석열")),
    SyllableSpelling("김", ("kim", "gim", "keem"), ("Kim Kwan-jin", "김관진")),
    SyllableSpelling("조", ("cho", "jo", "joe", "choh", "jho"), ("Cho Tae-yong", "조태용")),
    SyllableSpelling("백", ("baek", "paik", "back", "baik", "paek", "pack", "beck"), ("Ahn Gyu-back", "안규백")),
    SyllableSpelling("강", ("kang", "gang", "khang"), ("Kang Kyung-wha", "강경화")),
    SyllableSpelling("한", ("han", "hahn"), ("Han Min-koo", "한민구")),
    SyllableSpelling("황", ("hwang", "whang"), ("Hwang Kyo-ahn", "황교안")),
    SyllableSpelling("화", ("hwa", "wha", "hoa"), ("Kang Kyung-wha", "강경화")),
    SyllableSpelling("성", ("sung", "seong", "song", "sueng", "soung"), ("Sung Kim", "성김")),
    SyllableSpelling("승", ("seung", "sung", "sueng", "syng"), ("Kim Seung-kyum", "김승겸")),
    SyllableSpelling("석", ("suk", "seok", "sok", "seuk", "sook"), ("Yoon Suk Yeol", "윤석열")),
    SyllableSpelling("열", ("yeol", "yul", "youl", "yol", "yeul", "yuel"), ("Yoon Seok-youl", "윤석열")),
    SyllableSpelling("영", ("young", "yeong", "yong", "yung", "yeoung", "eong", "yang"), ("Song Young-moo", "송영무")),
    SyllableSpelling("용", ("yong", "young", "ryong", "yung"), ("Chung Eui-yong", "정의용")),
    SyllableSpelling("룡", ("ryong", "yong", "lyong", "ryoung"), ("Choe Ryong-hae", "최룡해")),
    SyllableSpelling("명", ("myung", "myeong", "myong", "myoung", "myeung"), ("Lee Myung-bak", "이명박")),
    SyllableSpelling("무", ("moo", "mu", "mou"), ("Song Young-moo", "송영무")),
    SyllableSpelling("수", ("soo", "su", "sou"), ("Han Duck-soo", "한덕수")),
    SyllableSpelling("주", ("joo", "ju", "chu", "choo", "jou"), ("Joo Chul-ki", "주철기")),
    SyllableSpelling("구", ("koo", "gu", "ku", "goo"), ("Han Min-koo", "한민구")),
    SyllableSpelling("두", ("doo", "du", "tu", "too"), ("Jeong Kyeong-doo", "정경두")),
    SyllableSpelling("준", ("joon", "jun", "choon", "chun"), ("Nam Jae-joon", "남재준")),
    SyllableSpelling("훈", ("hoon", "hun", "houn"), ("Suh Hoon", "서훈")),
    SyllableSpelling("순", ("soon", "sun", "soun"), ("Lee Soon-jin", "이순진")),
    SyllableSpelling("현", ("hyun", "hyeon", "hyon", "hyoun"), ("Hyun In-taek", "현인택")),
    SyllableSpelling("혁", ("hyuk", "hyeok", "hyok", "hyouk"), ("Kim Hyuk", "김혁")),
    SyllableSpelling(
        "경", ("kyung", "gyeong", "kyong", "kyeong", "gyung", "kyoung", "keung"), ("Kang Kyung-wha", "강경화")
    ),
    SyllableSpelling("겸", ("kyum", "gyeom", "kyom", "kyeom"), ("Kim Seung-kyum", "김승겸")),
    SyllableSpelling("근", ("geun", "keun", "gun", "kun", "guen"), ("Park Geun-hye", "박근혜")),
    SyllableSpelling("은", ("eun", "un", "uen"), ("Kim Jong-un", "김정은")),
    SyllableSpelling("의", ("eui", "ui", "ee", "i", "uee"), ("Chung Eui-yong", "정의용")),
    SyllableSpelling("희", ("hee", "hui", "hi", "heui"), ("Choe Son-hui", "최선희")),
    SyllableSpelling("혜", ("hye", "hae", "hyeh"), ("Park Geun-hye", "박근혜")),
    SyllableSpelling("철", ("chul", "cheol", "chol", "choul"), ("Won In-choul", "원인철")),
    SyllableSpelling("원", ("won", "weon", "wuon", "woen"), ("Shin Won-sik", "신원식")),
    SyllableSpelling("덕", ("duck", "deok", "dok", "tok", "duk"), ("Han Duck-soo", "한덕수")),
    SyllableSpelling("락", ("lac", "rak", "lak", "rac"), ("Wi Sung-lac", "위성락")),
    SyllableSpelling("위", ("wi", "wee", "we", "wie"), ("Wi Sung-lac", "위성락")),
    SyllableSpelling("국", ("kook", "guk", "kuk", "gook"), ("Kim Kook-sung", "김국성")),
    SyllableSpelling("욱", ("wook", "uk", "ook"), ("Suh Wook", "서욱")),
    SyllableSpelling("병", ("byung", "byeong", "pyong", "byong", "pyung"), ("Hwang Pyong-so", "황병서")),
    SyllableSpelling("형", ("hyung", "hyeong", "hyong", "hyoung"), ("Cho Hyung-kyu", "조형규")),
    SyllableSpelling("연", ("yeon", "yon", "yun", "youn", "yeun"), ("Chung Yeon-wook", "정연욱")),
    SyllableSpelling("여", ("yeo", "yo", "yu", "yeu"), ("Kim Yo-jong", "김여정")),
    SyllableSpelling("엽", ("yup", "yeop", "yop", "yeob"), ("Paik Sun-yup", "백선엽")),
    SyllableSpelling("선", ("sun", "seon", "son", "sen"), ("Choe Son-hui", "최선희")),
    SyllableSpelling("설", ("seol", "sul", "sol"), ("Seol Hoon", "설훈")),
    SyllableSpelling("진", ("jin", "chin", "jeen"), ("Kim Kwan-jin", "김관진")),
    SyllableSpelling("재", ("jae", "chae", "jai", "jay"), ("Moon Jae-in", "문재인")),
    SyllableSpelling("제", ("je", "jae", "che", "jeh"), ("Ryu Jae-seung", "류제승")),
    SyllableSpelling("기", ("ki", "gi", "kee", "ghee"), ("Park Han-ki", "박한기")),
    SyllableSpelling("규", ("kyu", "gyu", "kyoo", "gyoo"), ("Ahn Gyu-back", "안규백")),
    SyllableSpelling("교", ("kyo", "gyo", "kyoh"), ("Hwang Kyo-ahn", "황교안")),
    SyllableSpelling("관", ("kwan", "gwan", "kwahn"), ("Kim Kwan-jin", "김관진")),
    SyllableSpelling("광", ("kwang", "gwang"), ("No Kwang-chol", "노광철")),
    SyllableSpelling("태", ("tae", "dae", "tai", "tay"), ("Cho Tae-yong", "조태용")),
    SyllableSpelling("대", ("dae", "tae", "dai", "day"), ("Kim Dae-jung", "김대중")),
    SyllableSpelling("동", ("dong", "tong", "doung"), ("Eom Dong-hwan", "엄동환")),
    SyllableSpelling("엄", ("eom", "um", "uhm", "om"), ("Eom Dong-hwan", "엄동환")),
    SyllableSpelling("전", ("jeon", "jun", "chun", "chon", "jon", "cheon"), ("Chun Doo-hwan", "전두환")),
    SyllableSpelling("천", ("cheon", "chun", "chon", "chen"), ("Pak Jong-chon", "박정천")),
    SyllableSpelling("장", ("jang", "chang", "zang"), ("Jang Ho-jin", "장호진")),
    SyllableSpelling("종", ("jong", "chong", "joung", "jung"), ("Lee Jong-sup", "이종섭")),
    SyllableSpelling("섭", ("sup", "seop", "sop", "seob"), ("Lee Jong-sup", "이종섭")),
    SyllableSpelling("식", ("sik", "shik", "sick", "seek"), ("Shin Won-shik", "신원식")),
    SyllableSpelling("세", ("se", "sae", "seh"), ("Oh Se-hoon", "오세훈")),
    SyllableSpelling("해", ("hae", "hai", "hay", "he"), ("Choe Ryong-hae", "최룡해")),
    SyllableSpelling("인", ("in", "inn", "een"), ("Moon Jae-in", "문재인")),
    SyllableSpelling("일", ("il", "eel", "ill"), ("Kim Jong-il", "김정일")),
    SyllableSpelling("호", ("ho", "hoh"), ("Ri Yong-ho", "리용호")),
    SyllableSpelling("홍", ("hong", "houng"), ("Hong Kyun", "홍균")),
    SyllableSpelling("민", ("min", "meen"), ("Han Min-koo", "한민구")),
    SyllableSpelling("남", ("nam", "nahm"), ("Kang Sun-nam", "강순남")),
    SyllableSpelling("곽", ("kwak", "gwak", "kwag"), ("Kwak Sang-do", "곽상도")),
    SyllableSpelling("송", ("song", "soung"), ("Song Young-moo", "송영무")),
    SyllableSpelling("손", ("son", "sohn", "shon"), ("Sohn Hak-kyu", "손학규")),
    SyllableSpelling("양", ("yang", "ryang"), ("Yang Moo-jin", "양무진")),
    SyllableSpelling("배", ("bae", "pae", "bai", "bay"), ("Bae Ki-chan", "배기찬")),
    SyllableSpelling("변", ("byun", "byeon", "pyon", "byon"), ("Byun In-sun", "변인선")),
    SyllableSpelling("하", ("ha", "hah"), ("Ha Tae-keung", "하태경")),
    SyllableSpelling("차", ("cha", "tcha"), ("Cha Du-hyun", "차두현")),
    SyllableSpelling("채", ("chae", "chai", "che"), ("Chae Hae-il", "채해일")),
    SyllableSpelling("고", ("ko", "go", "koh"), ("Koh Yoo-hwan", "고유환")),
    SyllableSpelling("권", ("kwon", "gwon", "kweon"), ("Kwon Young-se", "권영세")),
    SyllableSpelling("육", ("yook", "yuk", "yug"), ("Yook Young-soo", "육영수")),
    SyllableSpelling("염", ("yeom", "yum", "yom", "youm"), ("Yeom Jae-ho", "염재호")),
    SyllableSpelling("지", ("ji", "chi", "jee"), ("Ji Young-jun", "지영준")),
    SyllableSpelling("길", ("gil", "kil"), ("Gil Jae-sik", "길재식")),
    SyllableSpelling("표", ("pyo", "pyoh"), ("Pyo Chang-won", "표창원")),
    SyllableSpelling("예", ("ye", "yeh", "yae"), ("Ye Jong-suk", "예종석")),
)


def _combine_tables() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for s in SYLLABLES:
        out.setdefault(s.syllable, []).extend(s.spellings)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


_IRREGULAR: dict[str, tuple[str, ...]] = _combine_tables()


@lru_cache(maxsize=4096)
def syllable_spellings(syllable: str) -> frozenset[str]:
    """Every accepted English spelling of one Hangul syllable (lower case)."""
    i, m, f = decompose(syllable)
    finals = ("",) if f == 0 else FINALS[f - 1].spellings
    out = {a + b + c for a, b, c in product(INITIALS[i].spellings, MEDIALS[m].spellings, finals)}
    out.update(_IRREGULAR.get(syllable, ()))
    out.discard("")
    return frozenset(out)


# --------------------------------------------------------------------------- romanisation

_RR_FINALS = (
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
)


def romanize(text: str, *, sep: str = "") -> str:
    """Revised Romanization, syllable by syllable; other characters are kept.

    ``romanize('송영무', sep='-')`` → ``'song-yeong-mu'``; ``romanize('미사일')`` → ``'misail'``.
    """
    out: list[str] = []
    prev_hangul = False
    for ch in text:
        if is_syllable(ch):
            i, m, f = decompose(ch)
            initial = INITIALS[i].rr
            if i == 5 and not prev_hangul:  # ㄹ at the start of a word
                initial = "r"
            if prev_hangul and sep:
                out.append(sep)
            out.append(initial + MEDIALS[m].rr + _RR_FINALS[f])
            prev_hangul = True
        else:
            out.append(ch)
            prev_hangul = False
    return "".join(out)


# --------------------------------------------------------------------------- Korean personal names

_NAME_TOKEN = re.compile(r"[A-Za-z]+")
_SYLLABLE_RE = re.compile(f"[{SYLLABLE_CLASS}]")


def _en_tokens(english: str) -> list[str]:
    return [t.lower() for t in _NAME_TOKEN.findall(english)]


def _segments(tokens: list[str], syllables: str) -> bool:
    """Whether the tokens spell the syllables in order, each token a whole number of syllables."""
    s = "".join(tokens)
    bounds = set()
    pos = 0
    for t in tokens:
        pos += len(t)
        bounds.add(pos)
    n = len(syllables)
    spell = [syllable_spellings(c) for c in syllables]
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, p: int) -> bool:
        if i == n:
            return p == len(s)
        key = (i, p)
        if key in memo:
            return memo[key]
        ok = False
        for sp in spell[i]:
            q = p + len(sp)
            if q > len(s) or not s.startswith(sp, p):
                continue
            if any(p < b < q for b in bounds):
                continue  # a syllable never spans two English tokens
            if q < len(s) and i + 1 == n:
                continue
            if go(i + 1, q):
                ok = True
                break
        memo[key] = ok
        return ok

    return go(0, 0)


def korean_name_shape(english: str) -> bool:
    """Looks like a romanised Korean name: 2–3 words, 2–4 short tokens, a Korean family name first or last.

    ``Song Young-moo``, ``Yoon Suk Yeol``, ``Sung Kim`` → True; ``Jim Mattis`` → False; a middle initial is no
    part of a Korean name (``Edward H. Cho`` → False).
    """
    words = english.split()
    if any(_INITIAL.match(w) and w.endswith(".") for w in words):
        return False
    tokens = _en_tokens(english)
    if not 2 <= len(words) <= 3 or not 2 <= len(tokens) <= 4 or any(len(t) > 7 for t in tokens):
        return False
    return tokens[0] in _SURNAME_SPELLINGS or tokens[-1] in _SURNAME_SPELLINGS


_SURNAME_SPELLINGS = frozenset(
    sp
    for syl in (
        "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진"
        "지엄채원천방공현함변염여추도소석선설마길위표명기반왕금옥육인맹제모탁국어은편용리림"
    )
    for sp in syllable_spellings(syl)
    if len(sp) >= 2
)


def name_compatible(english: str, hangul: str) -> bool:
    """Whether ``english`` is a spelling of the Korean name ``hangul`` (family name first or last).

    ``name_compatible('Song Young-moo', '송영무')`` → True; ``('Song Young-moo', '송용무')`` → True
    (``young`` is also a spelling of 용); ``('Song Young-moo', '송영민')`` → False.
    """
    return name_score(english, hangul) >= 0.95


def name_score(english: str, hangul: str) -> float:
    """1.0 compatible in the given order, 0.95 with the family name moved, else the share of tokens that fit."""
    syllables = "".join(c for c in hangul if is_syllable(c))
    tokens = _en_tokens(english)
    if not syllables or not tokens or len(syllables) != len(hangul.replace(" ", "")):
        return 0.0
    if _segments(tokens, syllables):
        return 1.0
    if len(tokens) > 1 and _segments([tokens[-1], *tokens[:-1]], syllables):
        return 0.95
    if len(tokens) > 1 and _segments([*tokens[1:], tokens[0]], syllables):
        return 0.95
    # partial: syllables matched one to one in order
    if len(tokens) == len(syllables):
        hits = sum(t in syllable_spellings(c) for t, c in zip(tokens, syllables, strict=True))
        return 0.8 * hits / len(tokens)
    return 0.0


# --------------------------------------------------------------------------- transliteration similarity

_EN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"[^a-z]", ""),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"qu", "kw"),
        (r"q", "k"),
        (r"x", "ks"),
        (r"tch", "J"),
        (r"dg(?=[eiy])", "J"),
        (r"sch", "sk"),
        (r"sh", "S"),
        (r"ch", "J"),
        (r"th", "S"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"gh", ""),
        (r"wh", "w"),
        (r"ng", "N"),
        (r"r(?![aeiouy])", ""),
    )
)
_EN_CLASS = {
    "k": "K",
    "g": "K",
    "t": "T",
    "d": "T",
    "p": "P",
    "b": "P",
    "f": "P",
    "v": "P",
    "s": "S",
    "z": "J",
    "j": "J",
    "l": "L",
    "r": "L",
    "m": "M",
    "n": "N",
    "S": "S",
    "J": "J",
    "N": "N",
}
_KO_INITIAL = ("K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "J", "J", "J", "K", "T", "P", "")
_KO_FINAL = (
    "",
    "K",
    "K",
    "K",
    "N",
    "N",
    "N",
    "T",
    "L",
    "L",
    "L",
    "L",
    "L",
    "L",
    "L",
    "L",
    "M",
    "P",
    "P",
    "T",
    "T",
    "N",
    "T",
    "T",
    "K",
    "T",
    "P",
    "T",
)
_CONFUSABLE = frozenset(
    {
        ("T", "S"),
        ("S", "T"),
        ("J", "S"),
        ("S", "J"),
        ("T", "J"),
        ("J", "T"),
        ("K", "J"),
        ("J", "K"),
        ("L", "N"),
        ("N", "L"),
    }
)


def _skeleton_en(word: str) -> str:
    s = word.lower()
    for pattern, repl in _EN_RULES:
        s = pattern.sub(repl, s)
    out: list[str] = []
    for ch in s:
        c = _EN_CLASS.get(ch)
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def _skeleton_ko(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if not is_syllable(ch):
            continue
        i, _, f = decompose(ch)
        for c in (_KO_INITIAL[i], _KO_FINAL[f]):
            if c and (not out or out[-1] != c):
                out.append(c)
    return "".join(out)


def _distance(a: str, b: str) -> float:
    prev = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        cur = [float(i)]
        for j, cb in enumerate(b, 1):
            sub = 0.0 if ca == cb else 0.5 if (ca, cb) in _CONFUSABLE else 1.0
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub))
        prev = cur
    return prev[-1]


#: Finals a transcription of a foreign word may have: the National Institute of Korean Language's rules for
#: foreign words (외래어 표기법 제1장 제3항) allow only ㄱ, ㄴ, ㄹ, ㅁ, ㅂ, ㅅ, ㅇ (final indices of a syllable).
TRANSCRIPTION_FINALS: frozenset[int] = frozenset({0, 1, 4, 8, 16, 17, 19, 21})

#: Korean vowels (medial indices) an English spelling's first vowel letter is transcribed with: ``a`` is 아, 애, 에,
#: 오 (Paul 폴) …; ``i`` is 이 or 아이 (Biden 바이든); ``u`` is 우, 어 (Hunter 헌터), 유 …
_VOWELS_OF: dict[str, frozenset[int]] = {
    "a": frozenset({0, 1, 2, 3, 4, 5, 8, 9, 10, 11}),
    "e": frozenset({1, 3, 4, 5, 6, 7, 19, 20}),
    "i": frozenset({0, 1, 4, 5, 16, 19, 20}),
    "y": frozenset({0, 1, 4, 5, 16, 19, 20}),
    "o": frozenset({0, 4, 8, 9, 10, 11, 12, 13, 14}),
    "u": frozenset({0, 4, 8, 9, 10, 13, 14, 16, 17}),
}
#: Vowels a w or a y before the first vowel letter adds (White 화이트, Guam 괌; Yoon 윤, Yemen 예멘).
_W_VOWELS = frozenset({9, 10, 11, 13, 14, 15, 16})
_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17})
_EPENTHETIC = 18  # ㅡ: the vowel Korean adds after a consonant cluster (스미스 for Smith) matches any

#: (English, Hangul, a transcription of it): the examples of :func:`transcription_like`.
TRANSCRIPTION_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("Iraq", "이라크", True),
    ("Iraq", "옮겨", False),  # ㄻ is no final of a transcription, and 오 no vowel of i
    ("Iraq", "여력", False),  # 여 is no vowel of i
    ("Korea", "결의", False),
    ("Geneva", "국가안보", False),
    ("Afghanistan", "분쟁", False),
    ("Smith", "스미스", True),
    ("White", "화이트", True),
    ("Yoon", "윤", True),
    ("Hunter", "헌터", True),
    ("Biden", "바이든", True),
    ("Europe", "유럽", True),
    ("Pyeongchang", "평창", True),
    ("Korea", "그러", False),  # 으 after one consonant is no vowel Korean adds
    ("Christopher", "크리스토퍼", True),
)


def transcription_like(en: str, ko: str) -> bool:
    """The Hangul could transcribe the English word (:data:`TRANSCRIPTION_EXAMPLES`): every final is one the rules
    for foreign words allow (:data:`TRANSCRIPTION_FINALS`), and its first vowel is one the English spelling's first
    vowel letter is written with."""
    syllables = [decompose(c) for c in ko if is_syllable(c)]
    if not syllables:
        return False
    if any(f not in TRANSCRIPTION_FINALS for _, _, f in syllables):
        return False
    low = en.lower()
    m = re.search(r"[aeiou]|(?<=[^aeiou])y(?![aeiou])", low)  # a y before a vowel is a glide (Pyeongchang)
    if m is None:
        return True  # no vowel letter (an acronym, "Pfc"): nothing to compare
    # "eu", "ew" read as u (Europe 유럽, Stewart 스튜어트)
    letter = "u" if low[m.start() : m.start() + 2] in ("eu", "ew") else m.group()
    allowed = set(_VOWELS_OF[letter])
    before = low[: m.start()]
    if before.endswith(("w", "wh", "u")) or "w" in low[m.start() : m.start() + 2]:
        allowed |= _W_VOWELS
    if before.endswith("y") or before.endswith("j"):
        allowed |= _Y_VOWELS
    vowels = [v for _, v, _ in syllables]
    if vowels[0] == _EPENTHETIC:
        if low[m.start() : m.start() + 2] == "eu":  # Eun-jung: 은 is the word's own vowel
            return True
        # 스미스 for Smith: the vowel Korean adds between two consonants; the next syllable has the word's vowel
        cluster = len(re.sub(r"^(?:ch|sh|th|ph|wh|gh)", "x", before)) >= 2
        return cluster and len(vowels) > 1 and vowels[1] in allowed
    return vowels[0] in allowed


def _word_similarity(en: str, ko: str) -> float:
    """0–1 from the consonant skeletons' distance. Skeletons of two consonants or fewer that differ score at most
    0.5, below what counts as a transcription: one consonant off in two is chance (``Gaza`` KJ is not ``확대`` KT;
    ``Guam`` ~ ``괌`` is exact). So does Hangul that no transcription would write (:func:`transcription_like`):
    ``옮겨`` has Iraq's skeleton LK by chance."""
    a, b = _skeleton_en(en), _skeleton_ko(ko)
    if not a or not b:
        return 0.0
    d = _distance(a, b)
    score = max(0.0, 1.0 - d / max(len(a), len(b)))
    if score <= 0.5 or (d and max(len(a), len(b)) <= 2) or not transcription_like(en, ko):
        return min(score, 0.5)  # the transcription check is only read where the score would pass 0.5
    return score


#: A middle initial of an English name (``W.`` in Dana W. White).
_INITIAL = re.compile(r"^[A-Z]\.?$")


def translit_similarity(english: str, hangul: str) -> float:
    """0–1: how well the Hangul reads as a transcription of the English (consonant skeletons).

    Word by word in order when both have several words (``Jim Mattis`` ~ ``제임스 매티스``),
    missing words counting 0; ``missile`` ~ ``미사일`` → 1.0. A middle initial the Korean leaves out
    is not a missing word (``Dana W. White`` ~ ``데이나 화이트`` → 1.0).
    """
    en_words = [w for w in re.split(r"[\s\-]+", english) if any(c.isalpha() for c in w)]
    ko_words = [w for w in hangul.split() if _SYLLABLE_RE.search(w)]
    if not en_words or not ko_words:
        return 0.0
    if len(en_words) > len(ko_words) and len(en_words) >= 3:
        # a middle initial Korean copy leaves out (``Dana W. White`` ~ ``데이나 화이트``)
        en_words = [w for i, w in enumerate(en_words) if not (0 < i < len(en_words) - 1 and _INITIAL.match(w))]
    if len(en_words) == 1 or len(ko_words) == 1:
        whole = _word_similarity("".join(en_words), "".join(ko_words))
        if len(en_words) == len(ko_words):
            return whole
        best = max(_word_similarity(e, k) for e in en_words for k in ko_words)
        return max(whole, best * 0.9) * 0.85 if len(ko_words) == 1 else max(whole, best) * 0.85
    n, m = len(en_words), len(ko_words)
    table = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            table[i][j] = max(
                table[i - 1][j],
                table[i][j - 1],
                table[i - 1][j - 1] + _word_similarity(en_words[i - 1], ko_words[j - 1]),
            )
    return table[n][m] / max(n, m)


# --------------------------------------------------------------------------- East Asian name order

#: A Japanese (Hepburn) or Chinese (pinyin) romanised syllable run: ``Minoru``, ``Kihara``, ``Jinping``.
_EAST_ASIAN_WORD = re.compile(
    r"^(?:(?:[kgsztdnhbpmyrwfjc]|sh|ch|ts|zh|x|q)?y?(?:[aiueo]|ai|ao|ei|ou|ia|ie|iu|ua|uo|ui)(?:n(?![aiueo])|ng)?)+$"
)


#: A word of Japanese in strict Hepburn romanization (no Chinese syllables, unlike :data:`_EAST_ASIAN_WORD`): no l,
#: q, v, x; every syllable ends in a vowel or ``n`` (``saito``, ``akira``; not ``usa today``'s ``today``).
_HEPBURN_WORD = re.compile(r"(?:(?:[kgsztdnhbpmyrwfj]|ch|sh|ts)?y?[aeiou]|n)+")


def hepburn_word(word: str) -> bool:
    """``word`` (lowercase) reads as Japanese in Hepburn romanization: ``saito``, ``yasukazu``; not ``today``."""
    return _HEPBURN_WORD.fullmatch(word) is not None


def family_first(name: str) -> str:
    """The name with its last word first when every word reads as Japanese or Chinese romanisation
    (``Minoru Kihara`` → ``Kihara Minoru``: Korean copy writes 기하라 미노루), else ``""``.

    Korean names are written family name first in English already (:func:`korean_name_shape`).
    """
    words = [w for w in name.replace(",", " ").split() if not w.endswith(".")]
    if len(words) != 2 or korean_name_shape(name):
        return ""
    if all(_EAST_ASIAN_WORD.match(w.lower()) for w in words):
        return f"{words[1]} {words[0]}"
    return ""


#: Words of an English name that are never the family name: initials and generational suffixes.
_NOT_A_NAME_WORD = re.compile(r"^(?:[A-Z]\.|[Jj]r\.?|[Ss]r\.?|II|III|IV)$")


def _spells(word: str, hangul: str) -> float:
    """How well one English name word spells one Hangul word: 1.0 for a Korean name spelling
    (``Song`` ~ ``송``, ``Rhee`` ~ ``이``), else the similarity of the consonant skeletons."""
    if name_score(word, hangul) >= 0.95:
        return 1.0
    return _word_similarity(word, hangul)


def family_name(english: str, hangul: str) -> tuple[str, str] | None:
    """(English family name, Korean family name) of a person, found by which word spells which, not by position.

    Korean writes Japanese, Chinese and Korean names family name first and Western names given name
    first; English writes Japanese names given name first (or, lately, family name first), Chinese
    and Korean names family name first. So the family name is the Korean word (or, in a name
    written solid, the family syllable) that the English word transliterates:

    ``Minoru Kihara`` / ``기하라 미노루`` → (Kihara, 기하라); ``Gen Nakatani`` / ``나카타니 겐`` →
    (Nakatani, 나카타니); ``Wang Yi`` / ``왕이`` → (Wang, 왕); ``Xi Jinping`` / ``시진핑`` → (Xi, 시);
    ``Song Young-moo`` / ``송영무`` → (Song, 송); ``Lloyd J. Austin III`` / ``로이드 오스틴`` → (Austin, 오스틴).

    A name in the same order in both languages with several Korean words reads as Western (the last
    word): a Japanese ``en`` written family name first (``Kihara Minoru``) is not told from it.
    """
    words = [w for w in english.replace(",", " ").split() if not _NOT_A_NAME_WORD.match(w)]
    ko_words = hangul.split()
    if not words or not _SYLLABLE_RE.search(hangul):
        return None
    if len(ko_words) == 1:
        family = family_syllables(ko_words[0])

        # the English word spelling the family syllable; a hyphenated word is a Korean given name;
        # on a tie the first word (Korean and Chinese names are written family name first in English)
        def score(i: int) -> tuple[float, int]:
            return _spells(words[i], family) - (0.5 if "-" in words[i] else 0.0), -i

        return words[max(range(len(words)), key=score)], family
    first, last = ko_words[0], ko_words[-1]
    if len(words) > 1:
        crossed = _spells(words[-1], first) + _spells(words[0], last)
        kept = _spells(words[0], first) + _spells(words[-1], last)
        if crossed > kept:
            return words[-1], first
    return words[-1], last
