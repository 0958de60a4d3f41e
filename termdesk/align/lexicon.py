"""Word-level English→Korean knowledge used to explain a Korean sentence.

The parallel-text proposer asks, for a Korean phrase aligned with an English
term: do the term's words account for it, and do *other* words of the English
sentence account for parts of it? Two sources answer:

* :data:`CORE` — general defense-beat vocabulary (nouns and modifiers of wire
  copy, not article-specific), one line per English word or phrase;
* :func:`derive` — word equivalents learnt from the glossary itself: the Korean
  substring shared by the entries whose English contains a word
  (``deterrence`` → 억제 from 확장억제, 핵억제, 억제전략위원회 …), so the
  lexicon grows with the glossary.

English keys are matched on normalised tokens (:func:`en_key`: lower case,
possessive and plural ``s`` removed, ``U.S.`` → ``us``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..glossary import Entry
from ..ko.hangul import SYLLABLE_CLASS

__all__ = ["CORE", "EN_STOPWORDS", "Lexicon", "Unit", "derive", "en_key", "en_tokens"]

#: ``english forms : korean forms`` — English forms separated by ``|``, Korean by ``,``.
CORE = """
north korea | n. korea | north korean | north | dprk | pyongyang : 북한, 북, 北
south korea | s. korea | south korean | korea | korean | rok | seoul : 한국, 남한, 우리, 정부, 한
united states | us | u.s. | america | american | washington : 미국, 미, 美
japan | japanese | tokyo : 일본, 日
china | chinese | beijing : 중국, 中
russia | russian | moscow : 러시아
indonesia | indonesian : 인도네시아
taiwan | taiwanese : 대만, 타이완
burma | myanmar : 미얀마
ukraine | ukrainian : 우크라이나
india | indian : 인도
australia | australian : 호주
europe | european : 유럽
strait : 해협
korea-us | south korea-us | korea-u.s. | rok-us : 한미, 한·미
bilateral : 양자, 양국, 한미
two sides | two countries | both sides : 양국, 양측
ally | allies | allied : 동맹, 동맹국, 우방
inter-korean : 남북
korea-japan : 한일
government : 정부
official | officials : 관계자, 당국자
prisoner | prisoners | pow | pows | prisoner of war | prisoners of war : 포로, 전쟁포로
missing | mia : 실종자, 실종
remains : 유해
military : 군, 군사
defense | defence : 국방, 방위, 방어
minister : 장관
ministry : 부
secretary : 장관
president : 대통령
presidential : 대통령
prime minister : 총리
spokesman | spokesperson | spokeswoman : 대변인, 공보실장
chairman : 의장, 위원장
deputy : 부, 차장, 차관
vice : 부, 차
director : 실장, 국장, 원장, 차장
first : 1, 제1, 첫
chief : 총장, 청장, 대표, 수석
commander : 사령관
command : 사령부, 지휘
staff : 참모
general : 총, 대장
army : 육군, 군
navy | naval : 해군
air force : 공군
marine : 해병
troop | soldier : 장병, 병력, 군
force | forces : 군, 전력
security : 안보, 안전보장
national : 국가, 국
intelligence | information : 정보
council : 회의, 이사회, 협의회
committee : 위원회
group : 그룹
dialogue : 대화, 협의체
consultation | consultative | consult : 협의
meeting : 회의, 회담
talks | negotiation : 회담, 협상
summit : 정상회담, 정상
agreement | pact : 협정, 합의
treaty : 조약
declaration : 선언
statement : 성명, 발표문
communique : 공동성명
resolution : 결의
sanction : 제재
strategic : 전략
strategy : 전략
extended : 확장
deterrence : 억제, 억지
integrated : 통합
policy : 정책
initiative : 구상
cooperation : 협력
alliance : 동맹
nuclear : 핵
missile : 미사일
ballistic : 탄도
cruise : 순항
intercontinental : 대륙간
submarine : 잠수함
destroyer : 구축함
carrier : 항모, 항공모함
aircraft : 항공기, 기
fighter | fighter jet : 전투기
bomber : 폭격기
stealth : 스텔스
radar : 레이더
satellite : 위성
interceptor : 요격
battery : 포대
launcher : 발사대
system : 체계, 시스템
warhead : 탄두
rocket : 로켓, 발사체
artillery : 포
weapon | arm : 무기
threat : 위협
provocation : 도발
attack : 공격
war : 전쟁, 전
peace : 평화
test : 시험, 실험
launch : 발사
drill | exercise : 훈련, 연습
combined : 연합
joint : 합동, 공동
deployment | deploy : 배치
rotational : 순환
transfer | transition : 전환
wartime : 전시
peacetime : 평시
operational control : 작전통제권
readiness : 대비
posture : 태세
base : 기지
island : 도, 섬
peninsula : 반도, 한반도
port : 항, 항구
border : 국경, 접경
sea : 해
east sea : 동해
yellow sea | west sea : 서해
zone : 지대, 구역
mainland : 본토
development | develop : 개발
production | produce : 생산
acquisition : 획득
program | programs : 사업, 계획, 프로그램
activity | activities : 활동
enrichment : 농축
worker | workers : 노동자, 인력, 근로자
advisory : 권고문, 주의보
site : 기지, 부지
administration : 청, 행정부
agency : 청, 기구, 통신
industry | industries : 산업
aerospace : 항공우주
cost : 비용
sharing | share : 분담, 공유
shared | common : 공동, 공유
value : 가치
special : 특별
measure : 조치
negotiator : 협상대사, 대표
ambassador : 대사
envoy : 특사, 대표
representative : 대표
delegation : 대표단
lawmaker : 의원
parliament | national assembly : 국회
party : 당
workers' party : 노동당
central : 중앙
people's : 인민
state : 국가, 국무
coordinator : 조정관
office : 실
house : 관
white house : 백악관
pentagon : 국방부
prototype : 시제기
homegrown | indigenous | korean-made : 한국형, 국산
supersonic : 초음속
flight : 비행
press : 기자, 언론
press conference : 기자회견
briefing : 브리핑
reporter : 기자
nuclear-powered : 핵추진
region | regional : 지역
acting : 대행, 직무대행, 권한대행
comprehensive : 포괄적, 포괄적인, 포괄
readout : 보도문, 결과 보도문
civil | civilian : 민간
nuclear power : 원자력
international : 국제
order : 질서
capability | capabilities : 능력, 역량
planning : 기획
supply chain | supply chains : 공급망
minerals : 광물
shipbuilding : 조선
rules-based : 규칙 기반
philippines | philippine : 필리핀
tactical : 전술
province : 도
regime : 정권
annual : 연례
emergency : 긴급
secret : 기밀
warning : 경고
burden : 분담, 부담
round : 차
world : 세계
country | nation : 나라, 국가
territory : 국토, 영토
trade : 무역, 수출
export : 수출
restriction : 규제
decision : 결정
complete : 완전한
full : 완전한, 모든
range | spectrum : 범위
trilateral : 3국, 3자, 한미일, 삼국
space : 우주
democracy : 민주주의
list : 목록, 명단
pledge | promise : 약속
news : 뉴스
news agency : 통신, 통신사
exchange : 교류
night : 밤
bank : 은행
park : 공원
school : 학교, 고등학교, 고교, 고
high school : 고등학교, 고교, 고
university : 대학교, 대학
hospital : 병원
museum : 박물관
airport : 공항
headquarters : 사령부, 본부
garrison : 기지사령부, 기지
relocation | move : 이전
partnership : 동반자 관계, 동반자, 파트너십
olympics | olympic games : 올림픽
winter olympics : 동계올림픽
winter : 동계, 겨울
gulf | bay : 만
river : 강
report : 보고서
review : 검토
quadrennial : 4개년
ceremony : 식, 행사
building : 청사, 건물
treasury : 재무부
battalion : 대대
brigade : 여단
division : 사단
company : 중대, 회사
regiment : 연대
corps : 군단
wing : 비행단
squadron : 대대, 비행대대, 전대
fleet : 함대
unit : 원정대
expeditionary : 원정
infantry : 보병
engineer | engineers : 공병
maintenance : 정비
armored | armoured : 기갑
aviation : 항공
support : 지원
combat team : 전투단
brigade combat team : 여단전투단, 여단 전투단
sustainment : 지속지원, 지원
artillery brigade : 포병여단
"""

#: English words that carry no term meaning of their own (skipped when building units).
EN_STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "its",
        "their",
        "his",
        "her",
        "it",
        "they",
        "he",
        "she",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "said",
        "says",
        "say",
        "also",
        "its",
        "than",
        "but",
        "not",
        "no",
        "any",
        "all",
        "some",
        "more",
        "most",
        "such",
        "other",
        "s",
    ]
)

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")):
        return w[:-1]
    return w


def en_key(word: str) -> str:
    """Normalised English token: ``Forces`` → ``force``, ``U.S.`` → ``us``, ``Korea's`` → ``korea``."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'.")
    if "." in w and len(w) <= 6:
        w = w.replace(".", "")
    return _singular(w)


def en_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) for each word of ``text``; hyphenated words also give their parts' keys."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group().rstrip(".'’") if not re.fullmatch(r"(?:[A-Za-z]\.)+", m.group()) else m.group()
        if not word:
            continue
        out.append((m.start(), m.start() + len(word), en_key(word)))
    return out


@dataclass(frozen=True)
class Unit:
    """An English word or phrase found in a sentence, with the Korean that may render it."""

    start: int
    end: int
    key: str
    ko: tuple[str, ...]
    source: str  # "core", "glossary-word", "glossary"


class Lexicon:
    """English phrases (as key tuples) → Korean forms; finds units in sentences, longest first."""

    def __init__(self, pairs: Iterable[tuple[str, Sequence[str], str]]) -> None:
        table: dict[tuple[str, ...], tuple[list[str], str]] = {}
        for en, kos, source in pairs:
            key = tuple(en_key(w) for w in _split_phrase(en))
            if not key or not kos:
                continue
            if key in table:
                for k in kos:
                    if k not in table[key][0]:
                        table[key][0].append(k)
            else:
                table[key] = (list(dict.fromkeys(kos)), source)
        self._table = {k: (tuple(v), s) for k, (v, s) in table.items()}
        self._longest = max((len(k) for k in self._table), default=1)

    def __len__(self) -> int:
        return len(self._table)

    def korean_forms(self) -> frozenset[str]:
        """Every Korean form in the table (``확장``, ``회의``, ``대변인`` …)."""
        return frozenset(k for kos, _ in self._table.values() for k in kos)

    def get(self, phrase: str) -> tuple[str, ...]:
        key = tuple(en_key(w) for w in _split_phrase(phrase))
        return self._table.get(key, ((), ""))[0]

    def units(self, text: str) -> list[Unit]:
        """Lexicon phrases in ``text``, leftmost-longest, non-overlapping."""
        toks = en_tokens(text)
        keys = [t[2] for t in toks]
        out: list[Unit] = []
        i = 0
        while i < len(toks):
            for n in range(min(self._longest, len(toks) - i), 0, -1):
                hit = self._table.get(tuple(keys[i : i + n]))
                if hit is None and n == 1 and "-" in keys[i]:
                    continue
                if hit is not None:
                    out.append(Unit(toks[i][0], toks[i + n - 1][1], " ".join(keys[i : i + n]), hit[0], hit[1]))
                    i += n
                    break
            else:
                # an inflected verb form (exchanging, deployed): try its stem
                hit = next((self._table[(st,)] for st in _stems(keys[i]) if (st,) in self._table), None)
                if hit is not None:
                    out.append(Unit(toks[i][0], toks[i][1], keys[i], hit[0], hit[1]))
                # a hyphenated word not in the table: try its parts
                elif "-" in keys[i]:
                    pos = toks[i][0]
                    for part in toks[i][2].split("-"):
                        hit = self._table.get((_singular(part),))
                        if hit is not None and part:
                            out.append(Unit(pos, pos + len(part), part, hit[0], hit[1]))
                        pos += len(part) + 1
                i += 1
        return out


def _stems(word: str) -> list[str]:
    """Candidate stems of an inflected English word: ``exchanging`` → exchang, exchange; ``deployed`` → deploy."""
    out = []
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            out.extend([base, base + "e"])
            if len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])
            if suffix == "ed" and base.endswith("i"):
                out.append(base[:-1] + "y")
    return out


def _split_phrase(phrase: str) -> list[str]:
    return [t for t in re.split(r"\s+", phrase.strip()) if t]


def _parse_core(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    out = []
    for line in text.strip().splitlines():
        if ":" not in line:
            continue
        left, right = line.split(" : ", 1) if " : " in line else line.split(":", 1)
        kos = tuple(k.strip() for k in right.split(",") if k.strip())
        for en in left.split("|"):
            en = en.strip()
            if en:
                out.append((en, kos, "core"))
    return out


CORE_PAIRS: tuple[tuple[str, tuple[str, ...], str], ...] = tuple(_parse_core(CORE))

_HANGUL_RUN = re.compile(f"[{SYLLABLE_CLASS}]+")


def derive(
    entries: Iterable[Entry], *, known: Lexicon | None = None, rounds: int = 2
) -> list[tuple[str, tuple[str, ...], str]]:
    """Word equivalents learnt from glossary entries: (english word, korean forms, 'glossary-word').

    A one-word English form gives its entry's Korean (``alliance`` → 동맹). In a
    longer form, when every content word but one is accounted for by the known
    lexicon (``Defense Ministry spokesperson`` = 국방 + 부 + ?), the one run of
    Korean left over is that word's equivalent (``spokesperson`` → 대변인). Each
    round can use the words learnt in the previous one. Acronyms, people and
    places are skipped (the glossary itself covers them).
    """
    base = known if known is not None else Lexicon(CORE_PAIRS)
    learnt: dict[str, Counter[str]] = defaultdict(Counter)
    usable = [e for e in entries if e.status != "deprecated" and e.ko and e.type not in ("person", "place", "media")]
    for _ in range(rounds):
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for e in usable:
            ko = "".join(_HANGUL_RUN.findall(e.ko))
            if not ko:
                continue
            for form in e.en_forms:
                if re.fullmatch(r"[A-Z0-9&./\-]+s?", form):
                    continue  # an acronym: the whole entry, not a word
                words = [en_key(w) for w in re.split(r"[\s\-]+", form) if w]
                words = [w for w in words if w and w not in EN_STOPWORDS and not w.isdigit()]
                if not words:
                    continue
                if len(words) == 1:
                    votes[words[0]][ko] += 1
                    continue
                covered = [False] * len(ko)
                unexplained = []
                for w in words:
                    forms = sorted({*base.get(w), *learnt.get(w, {})}, key=len, reverse=True)
                    for f in forms:
                        at = ko.find(f)
                        if at >= 0 and (len(f) > 1 or len(words) <= 3):
                            for i in range(at, at + len(f)):
                                covered[i] = True
                            break
                    else:
                        unexplained.append(w)
                if len(unexplained) != 1:
                    continue
                runs = re.findall(r"0+", "".join("1" if c else "0" for c in covered))
                if len(runs) != 1:
                    continue
                at = "".join("1" if c else "0" for c in covered).index(runs[0])
                votes[unexplained[0]][ko[at : at + len(runs[0])]] += 1
        for w, counter in votes.items():
            if base.get(w):
                continue  # the core lexicon already knows this word
            for k, n in counter.items():
                if len(k) > 1:
                    learnt[w][k] = max(learnt[w][k], n)
    out: list[tuple[str, tuple[str, ...], str]] = []
    for w, counter in learnt.items():
        kos = tuple(k for k, _ in counter.most_common(3))
        if kos:
            out.append((w, kos, "glossary-word"))
    return out
