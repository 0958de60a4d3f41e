"""Articles: reading, cleaning page debris, paragraphs and sentence segmentation.

Shared by ``mine``, ``pretranslate`` and ``qa``. An article is a ``.txt``,
``.md`` or ``.html`` file of English wire copy as translators get it: often
pasted from a web page, with the page's furniture still in it (masthead,
byline, "Published : …", "Link copied", photo captions, "MOST POPULAR").

* :func:`read_article` reads a file (``termdesk.textio.read_document_text``), extracts the
  text of HTML with lxml, strips Markdown markup, removes debris with the rules
  in :data:`DEBRIS_RULES` and returns an :class:`Article` whose ``text`` is the
  cleaned article (paragraphs separated by a blank line) and whose ``removed``
  says what was dropped, where, and by which rule.
* :func:`split_sentences` and :func:`segment` cut paragraphs into sentences,
  surviving ``U.S.``, ``Lt. Gen.``, ``No. 2``, initials, quotes and a closing
  ``(Yonhap)``.

Cleaning is conservative: a rule removes a whole line only when the line is
nothing but furniture; story sentences are never dropped (a duplicated line
that is not a caption keeps one copy). The headline stays as paragraph 0.

All indices (``Paragraph.index``, ``Sentence.index``, ``Sentence.paragraph``)
are 0-based; ``line`` numbers are 1-based lines of the file as read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .ko.hangul import HANGUL_CLASS
from .normalize import INVISIBLE
from .textio import STDIN, read_document_text

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Removed:
    """A piece of page debris removed by cleaning: source line, the text, the rule id."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the cleaned text: ``Article.text[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str
    line: int


@dataclass(frozen=True)
class Article:
    """A cleaned article. ``text`` is the paragraphs joined by blank lines."""

    path: str
    name: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``Article.text[start:end] == text``; ``paragraph`` is its paragraph index."""

    doc: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DebrisRule:
    """One cleaning rule. ``example`` is a line it removes; ``kept`` what of it survives."""

    id: str
    description: str
    example: str
    kept: str = ""


# --------------------------------------------------------------------------- debris rules

_OUTLETS = (
    r"(?:The )?Korea Herald|(?:The )?Korea Times|(?:Korea )?JoongAng Daily|Yonhap(?: News Agency)?|"
    r"The Dong-A Ilbo|Dong-A Ilbo|The Chosun Ilbo|Chosun Ilbo|The Hankyoreh|Hankyoreh|KBS World|"
    r"Arirang(?: News)?|NK News|Daily NK|The Korea Economic Daily|BusinessKorea|Business Korea|"
    r"Korea Pro|Maeil Business News|Pulse|Korea Bizwire|The Diplomat|Stars and Stripes|Defense News|"
    r"Breaking Defense|Military Times|Reuters|Associated Press|AFP|Kyodo News|The Japan Times|Xinhua"
)

DEBRIS_RULES: tuple[DebrisRule, ...] = (
    DebrisRule("masthead", "a line that is only an outlet's name (masthead)", "The Korea Herald"),
    DebrisRule("page-nickname", "a short Hangul-only line in an English article (page widget, nickname)", "지나쌤"),
    DebrisRule(
        "byline",
        "a byline: By (or a release's Story by, Photo by) + a name, optionally a rank, an outlet, units or e-mail",
        "By Catherine Chung",
    ),
    DebrisRule("published", "a Published/Updated/Posted date line", "Published : July 31, 2017 - 17:09"),
    DebrisRule("timestamp", "a line that is only a date and/or time", "2017-07-31 17:09 KST"),
    DebrisRule(
        "share-widget", "share/copy-link/print/font-size widgets, with or without a bullet", "    • Link copied"
    ),
    DebrisRule("navigation", "page navigation: Back To Top, MOST POPULAR, LATEST NEWS, subscribe …", "MOST POPULAR"),
    DebrisRule("section-label", "a section name above the headline (National, North Korea, Defense)", "National"),
    DebrisRule("breadcrumb", "a breadcrumb trail of short labels", "Home > National > Defense"),
    DebrisRule(
        "photo-caption",
        "a photo caption (This photo …, ▲ …, (PHOTO NOT FOR SALE) (Yonhap), [Yonhap photo], a caption printed twice)",
        "This photo taken on July 31, 2017, shows Defense Minister Song Young-moo. (Yonhap) "
        "This photo taken on July 31, 2017, shows Defense Minister Song Young-moo. (Yonhap)",
    ),
    DebrisRule("photo-credit", "a line that is only a photo credit", "[Yonhap photo]"),
    DebrisRule(
        "duplicate-text",
        "a line printed twice in a row on one line: one copy kept",
        "Seoul and Washington agreed to meet. Seoul and Washington agreed to meet.",
        kept="Seoul and Washington agreed to meet.",
    ),
    DebrisRule("copyright", "(END) markers and copyright notices", "(END)"),
    DebrisRule("contact", "a line that is only an e-mail address or URL", "khnews@heraldcorp.com"),
    DebrisRule("tags", "tag and keyword lists", "Tags: THAAD, USFK, North Korea"),
    DebrisRule("link-teaser", "a related-article link marked with an arrow", "▶ N. Korea fires missile into East Sea"),
    DebrisRule(
        "end-marker",
        "the wire's (END) marker at the end of the last paragraph",
        "The launch violates U.N. Security Council resolutions. (END)",
        kept="The launch violates U.N. Security Council resolutions.",
    ),
    DebrisRule("rule-line", "a line of bullets or rule characters only", "• • •"),
    DebrisRule(
        "trailing-nav",
        "navigation glued to the end of a story line",
        "The US has sent strategic assets to South Korea. (Yonhap)Back To Top",
        kept="The US has sent strategic assets to South Korea. (Yonhap)",
    ),
    DebrisRule(
        "yonhap-tag",
        "a wire slug before the headline: (LEAD), (2nd LD), (URGENT), (News Focus)",
        "(LEAD) N. Korea fires ballistic missile into East Sea",
        kept="N. Korea fires ballistic missile into East Sea",
    ),
    DebrisRule(
        "release-kind",
        "a government release's kind before its author (Press Statement By, Media Note By): the author stays",
        "Press Statement By Morgan Ortagus, Department Spokesperson",
        kept="Morgan Ortagus, Department Spokesperson",
    ),
    DebrisRule(
        "nav-list",
        "after a MOST POPULAR/LATEST NEWS header, the unpunctuated headline list that follows",
        "Seoul to boost missile defense",
    ),
)

RULES_BY_ID: dict[str, DebrisRule] = {r.id: r for r in DEBRIS_RULES}

_I = re.IGNORECASE
_MASTHEAD = re.compile(rf"^(?:{_OUTLETS})$", _I)
_HANGUL = re.compile(f"[{HANGUL_CLASS}]")
_NICKNAME = re.compile(f"^[{HANGUL_CLASS} ~!♡♥★☆·.]{{1,12}}$")
_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’]+(?:-[a-zA-Z]+)?|[A-Z]\.|Jr\.|Sr\.)"
#: Ranks as the services abbreviate them without a period: the Army's and the Navy's in capitals (``GEN Robert B.
#: Brooks``, ``LTJG Joshua Kelsey``, ``SFC Corey Idleburg``), the Marine Corps' and the Air Force's in mixed case
#: (``LtGen Vincent Stewart``), the Navy's ratings (``MCC Wendy Wyman``). The one list of them: the miner's rank
#: list takes it too.
CAPITAL_RANKS: tuple[str, ...] = (
    "GEN", "ADM", "LTG", "VADM", "RADM", "MG", "BG", "COL", "LTC", "MAJ", "CPT", "CAPT", "CDR", "LCDR", "LTJG",
    "ENS", "1LT", "2LT", "CW2", "CW3", "CW4", "CW5", "CSM", "SGM", "MSG", "SFC", "SSG", "SGT", "CPL", "SPC", "PFC",
    "1SG", "PV2", "WO1",
    # the Marine Corps' and the Air Force's abbreviations without a period (LtGen Vincent Stewart, SSgt Ryan Kim)
    "LtGen", "MajGen", "BGen", "LtCol", "SgtMaj", "MGySgt", "GySgt", "SSgt", "TSgt", "MSgt", "SMSgt", "CMSgt",
    "SrA", "A1C", "LCpl", "1stLt", "2ndLt", "1stSgt",
    # the Navy's ratings (By MCC Wendy Wyman, MC2 Jason Swink)
    "MCCM", "MCCS", "MCC", "MC1", "MC2", "MC3", "MCSN", "PO1", "PO2", "PO3", "CPO", "SCPO", "MCPO",
)  # fmt: skip
_RANK_WORDS = (
    r"(?:(?:Staff|Master|Senior|Chief|Tech\.|First)\s+)?[A-Z][a-z]{1,4}\.(?:\s+1st\s+Class)?"  # Spc., Staff Sgt.
    r"|Sgt\s+1st\s+Class|(?:" + "|".join(CAPITAL_RANKS) + r")(?=\s)"  # Sgt 1st Class Corey Idleburg, LTJG
    r"|(?:Senior\s+)?Airman(?:\s+1st\s+Class)?"
    r"|(?:(?:Senior\s+|Master\s+)?Chief\s+|Petty\s+Officer\s+(?:1st|2nd|3rd)\s+Class\s+)?Mass\s+Communication\s+"
    r"Specialist(?:\s+(?:1st|2nd|3rd)\s+Class|\s+Seaman(?:\s+Apprentice)?)?"  # a Navy rating
    r"|Petty\s+Officer(?:\s+(?:1st|2nd|3rd)\s+Class)?"  # Petty Officer 1st Class Jason Swink
    # spelt out (By Colonel Tideman Penland)
    r"|(?:Lieutenant\s+)?Colonel|Captain|(?:Staff\s+|Master\s+)?Sergeant(?:\s+First\s+Class)?"
)
#: The writer's rank or rating in a byline, when there is one (``Staff Sgt.``, ``Chief Mass Communication
#: Specialist``).
BYLINE_RANK = rf"(?:(?:{_RANK_WORDS})\s+)?"
#: How a byline opens: ``By``, or a military release's ``Story by`` / ``Photo by``, or ``From`` and a rank
#: (``From Chief Mass Communication Specialist Wendy Wyman, CNFK Public Affairs``).
BYLINE_OPENING = rf"(?:(?:By|(?:Story|Photo|Photos|Video|Article|Written) by)\s+|From\s+(?=(?:{_RANK_WORDS})\s))"
_BYLINE_TOKEN = rf"(?:{_NAME_TOKEN}|\d{{1,3}}(?:st|nd|rd|th)|(?:[A-Z]\.){{2,3}})"  # 8th U.S. Army Public Affairs
#: The last word of an outlet or a writer's unit written after the name with no comma (``By Eric Durr New York
#: National Guard``, ``By Jim Garamone DoD News``).
OUTLET_HEADS = r"(?:News|Guard|Affairs|Service|Activity|Command|Agency|Press|Division|Army|Force|Forces|Office)"
_BYLINE = re.compile(
    rf"^{BYLINE_OPENING}(?P<rank>{BYLINE_RANK}){_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}"
    rf"(?:\s+{_BYLINE_TOKEN}(?:\s+{_BYLINE_TOKEN}){{0,4}}\s+{OUTLET_HEADS})?"
    rf"(?:\s*(?:,|and)\s*{_BYLINE_TOKEN}(?:\s+{_BYLINE_TOKEN}){{0,5}})*"
    r"(?:\s*[(\[]?\s*[\w.+-]+@[\w-]+\.[\w.]+\s*[)\]]?)?$"
)


def _byline_words(byline: re.Match[str]) -> int:
    """A byline's words, its writer's rank not counted: a Navy rating is six words of its own (``From Mass
    Communication Specialist 1st Class Abraham Essenmacher, Commander, U.S. Naval Forces Korea Public Affairs``)."""
    return len(byline.string.split()) - len(byline.group("rank").split())


_DATE = (
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?)"
)
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:KST|GMT|UTC|ET|EST|EDT)?)"
_DATETIME = rf"(?:{_DATE}|{_TIME})(?:\s*[-,|]?\s*(?:{_DATE}|{_TIME}))*"
_PUBLISHED = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Modified|Last updated|Last modified|Date|Created|Input|Revised)"
    rf"(?:\s+on)?\s*[:：]?\s*{_DATETIME}\s*)+$",
    _I,
)
_TIMESTAMP = re.compile(rf"^{_DATETIME}$", _I)
_BULLET = r"[\s•·\-–—*|▪◦●○]*"
_SHARE = re.compile(
    rf"^{_BULLET}(?:link copied|url copied|copy link|copy url|copied|share|share this(?: article)?|facebook|twitter|"
    r"kakao(?:talk|story)?|line|e-?mail|print|font size|text size|a\+?|a-|listen|scrap|bookmark|"
    r"comments?|reddit|linkedin|whatsapp|telegram)$",
    _I,
)
_NAV_HEADERS = (
    r"most popular|most viewed|most read|latest news|latest|related articles?|related news|related stories|"
    r"more from this section|more stories|editor'?s picks?|trending(?: now)?|recommended|top stories|"
    r"you may also like|what to read next|more news|hot topics?|photo news|news in photos"
)
_NAV_LIST_HEADER = re.compile(rf"^{_BULLET}(?:{_NAV_HEADERS})$", _I)
_NAVIGATION = re.compile(
    rf"^{_BULLET}(?:back to top|go to top|top|subscribe(?: now| to [\w ]+)?|sign in|sign up|log ?in|log ?out|"
    rf"register|home|menu|search|close|read more|continue reading|next article|previous article|prev|next|"
    rf"advertisement|ad|sponsored|newsletter|all|more|skip to (?:main )?content|{_NAV_HEADERS})$",
    _I,
)
_SECTION = re.compile(
    r"^(?:national|politics|north korea|defense|diplomacy|world|business|economy|finance|society|social affairs|"
    r"culture|entertainment|sports|life|lifestyle|opinion|editorial|features?|asia|science|tech|video|photos?|"
    r"news|english news|national politics|foreign affairs|military|security|inter-korean|northeast asia)$",
    _I,
)
_BREADCRUMB = re.compile(r"^[\w&'’ .-]{2,30}(?:\s*[>»›/|]\s*[\w&'’ .-]{2,30}){1,5}$")
_CREDIT_WORDS = (
    r"Yonhap|AP|AFP|Reuters|EPA|Xinhua|KCNA|Newsis|News1|Getty Images|Joint Chiefs of Staff|"
    r"Ministry of National Defense|Defense Ministry|U\.S\. Forces Korea|USFK|Korea Herald|Korea Times|"
    r"Yonhap News TV|Pool|Kyodo|Korean Central News Agency|Rodong Sinmun"
)
_CREDIT = (
    rf"[(\[](?:(?:{_CREDIT_WORDS})(?:[-/ ](?:{_CREDIT_WORDS}))?(?: (?:file )?photo)?"
    rf"|(?:Photo|Courtesy)[^)\]]{{0,60}})[)\]]"
)
_CAPTION_START = re.compile(
    r"^(?:This (?:undated |file |handout )*(?:photo|picture|image|screenshot|screen capture|captured image|video grab)"
    r"|(?:A |The )?(?:file |undated |handout )*(?:photo|picture|image) (?:taken|shows|released|provided|captured|dated)"
    r"|In this (?:undated |file |handout )*(?:photo|picture|image)"
    rf"|(?:\[|\()(?:{_CREDIT_WORDS})(?: file)? photo(?:\]|\))"
    r"|(?:Photo|Photograph|Image) (?:by|courtesy of|provided by)\b"
    r"|[▲△]\s*\S)",  # Korean news sites mark captions with a triangle
    _I,
)
#: Markers only captions carry: a caption with one of them and an end credit is not story text.
_CAPTION_MARK = re.compile(r"\((?:PHOTO NOT FOR SALE|(?:Pool|File|Handout|Yonhap) photo)\)", _I)
_PHOTO_CREDIT = re.compile(
    rf"^(?:{_CREDIT}|(?:{_CREDIT_WORDS})(?: file)? photo|Photo\s*[:=/].{{1,60}}|Courtesy of .{{1,60}}|"
    rf"(?:Yonhap|AP|AFP|Reuters|EPA|Xinhua|KCNA))\.?$",
    _I,
)
_ENDS_WITH_CREDIT = re.compile(rf"{_CREDIT}\s*$", _I)
_COPYRIGHT = re.compile(
    r"^(?:\(END\)|\(?©.{0,150}|copyright\b.{0,150}|.{0,150}all rights reserved\.?|"
    r".{0,120}unauthorized (?:reproduction|redistribution).{0,120})$",
    _I,
)
_CONTACT = re.compile(r"^[(\[<]?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+)[)\]>]?\.?$", _I)
_TAGS = re.compile(r"^(?:(?:tags?|keywords?|topics?)\s*[:：].*|(?:#\w[\w-]*\s*){1,20})$", _I)
_TEASER = re.compile(r"^(?:[▶►☞➤→]\s*|(?:Related|See also|Read more|Also read)\s*:\s*).{0,160}$", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[\s•·\-–—*|_=~.▪◦●○#]+$")
_TRAILING_NAV = re.compile(
    r"(?<=[.!?)\"”’'])\s*(back to top|go to top|most popular|latest news|link copied|subscribe)\s*$", _I
)
_RELEASE_KIND = re.compile(
    rf"^(?:Press Statement|Media Note|Statement|Readout|Remarks|Fact Sheet|Joint Statement)\s+[Bb]y\s+"
    rf"(?={_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}},\s)"
)
_YONHAP_TAG = re.compile(
    r"^\((?:LEAD|URGENT|UPDATE|AMPLIFY|CORRECTED|ATTN|ADVANCE|PHOTO|PHOTOS|EDITORIAL|News Focus|News Analysis|"
    r"Yonhap Interview|Yonhap Feature|Feature|Interview|Profile|Graphics|Reporter's Notebook|"
    r"(?:\d+(?:st|nd|rd|th) )?LD(?:[-, ][A-Z ,&-]{0,30})?|LEAD[-, ][A-Z ,&-]{0,30})\)\s+",
)
_END_MARKER = re.compile(r"(?<=\S)\s+\(END\)\s*$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")
_DUP = re.compile(r"^(?P<x>.{20,}?)\s+(?P=x)$", re.DOTALL)
_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZW = re.compile(f"[{INVISIBLE}]")  # zero-width, soft hyphen, word joiner, bidi controls (termdesk.normalize)
_BACKTICK_APOS = re.compile(r"(?<=[A-Za-z])`(?=[A-Za-z])")


_CAPTION_BULLET = re.compile(r"^[▲△]\s*")


#: A transcript's speaker label around words in capitals (``AMBASSADOR KING:``, ``DEPUTY SECRETARY CAMPBELL:``).
_SPEAKER_BEFORE = re.compile(r"\s*(?:[A-Z][A-Z.’'-]*\s+){0,3}")
_SPEAKER_AFTER = re.compile(r"(?:\s+[A-Z][A-Z.’'-]*){0,3}\s*:")


def in_speaker_label(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a word in capitals of the speaker label that opens ``text`` (``AMBASSADOR`` in
    ``AMBASSADOR KING: Thank you.``): how a transcript names the speaker, not a post the copy gives him."""
    return (
        text[start:end].isupper()
        and _SPEAKER_BEFORE.fullmatch(text, 0, start) is not None
        and _SPEAKER_AFTER.match(text, end) is not None
    )


def is_headline(text: str, *, max_words: int = 25) -> bool:
    """The paragraph reads as a headline: at most ``max_words`` words and not ended like a sentence."""
    t = text.rstrip()
    return bool(t) and len(t.split()) <= max_words and t[-1] not in ".!?\"”’'"


def caption_text(caption: str) -> str:
    """A removed photo caption without its page markers: ▲, (PHOTO NOT FOR SALE), (Pool photo), end credits.

    Captions are not story text, but they name people and bodies worth mining.
    """
    text = _CAPTION_MARK.sub(" ", _CAPTION_BULLET.sub("", caption))
    while True:
        m = _ENDS_WITH_CREDIT.search(text)
        if m is None or m.start() == 0:
            break
        text = text[: m.start()]
    return " ".join(text.split())


def _is_caption(text: str) -> bool:
    return bool(_CAPTION_START.match(text)) or bool(_CAPTION_MARK.search(text) and _ENDS_WITH_CREDIT.search(text))


def classify_line(line: str, *, before_headline: bool = False, english: bool = True) -> str | None:
    """The id of the debris rule that removes this whole (stripped) line, or None."""
    if not line:
        return None
    if _RULE_LINE.match(line):
        return "rule-line"
    if english and _HANGUL.search(line) and _NICKNAME.match(line):
        return "page-nickname"
    if _MASTHEAD.match(line):
        return "masthead"
    if len(line) > 200:
        return "photo-caption" if _is_caption(line) else None
    if _SHARE.match(line):
        return "share-widget"
    if _NAVIGATION.match(line):
        return "navigation"
    if before_headline and _SECTION.match(line):
        return "section-label"
    if _PUBLISHED.match(line):
        return "published"
    if _TIMESTAMP.match(line):
        return "timestamp"
    if (byline := _BYLINE.match(line)) and _byline_words(byline) <= 14:
        return "byline"
    if _PHOTO_CREDIT.match(line):
        return "photo-credit"
    if _is_caption(line):
        return "photo-caption"
    if _COPYRIGHT.match(line):
        return "copyright"
    if _CONTACT.match(line):
        return "contact"
    if _TAGS.match(line):
        return "tags"
    if _TEASER.match(line):
        return "link-teaser"
    if (
        _BREADCRUMB.match(line)
        and not _SENTENCE_END.search(line)
        and len(line.split()) <= 10
        and re.search(r"[>»›]|\s[/|]\s", line)
    ):
        return "breadcrumb"
    return None


def _english(lines: Sequence[str]) -> bool:
    latin = sum(1 for ln in lines for ch in ln if "a" <= ch.lower() <= "z")
    hangul = sum(len(_HANGUL.findall(ln)) for ln in lines)
    return latin > 3 * hangul


def _clean_lines(lines: Sequence[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Removed]]:
    """Remove debris line by line. Returns kept ``(line, text)`` (blank lines kept as '') and removals."""
    english = _english([t for _, t in lines])
    kept: list[tuple[int, str]] = []
    removed: list[Removed] = []
    headline_seen = False
    story_seen = False
    in_nav_list = False
    for no, raw in lines:
        line = _WS.sub(" ", _ZW.sub("", raw)).strip()
        if not line:
            kept.append((no, ""))
            continue
        reason = classify_line(line, before_headline=not headline_seen, english=english)
        if reason is None and _DUP.match(line):
            once = _DUP.match(line).group("x")  # type: ignore[union-attr]
            if _is_caption(once) or _ENDS_WITH_CREDIT.search(once):
                reason = "photo-caption"  # a caption printed twice (alt text + caption)
            else:
                removed.append(Removed(no, once, "duplicate-text"))
                line = once
        if reason is None and in_nav_list and not _SENTENCE_END.search(line) and len(line.split()) <= 20:
            reason = "nav-list"
        if reason is not None:
            removed.append(Removed(no, line, reason))
            if reason == "navigation" and story_seen and _NAV_LIST_HEADER.match(line):
                in_nav_list = True
            continue
        in_nav_list = False
        m = _END_MARKER.search(line)
        if m:
            removed.append(Removed(no, "(END)", "end-marker"))
            line = line[: m.start()].rstrip()
        m = _TRAILING_NAV.search(line)
        if m:
            removed.append(Removed(no, m.group(1), "trailing-nav"))
            line = line[: m.start()].rstrip()
        if not headline_seen:
            m = _YONHAP_TAG.match(line)
            if m:
                removed.append(Removed(no, m.group(0).strip(), "yonhap-tag"))
                line = line[m.end() :]
        m = _RELEASE_KIND.match(line)
        if m:
            removed.append(Removed(no, m.group(0).strip(), "release-kind"))
            line = line[m.end() :]
        line = _BACKTICK_APOS.sub("'", line)
        if headline_seen:
            story_seen = True
        headline_seen = True
        kept.append((no, line))
    return kept, removed


def _is_wrapped(block: Sequence[str]) -> bool:
    """A block of consecutive lines that looks hard-wrapped (one paragraph over several lines)."""
    if len(block) < 2:
        return False
    widest = max(len(b) for b in block)
    if widest > 100 or widest < 40:
        return False
    full = sum(1 for b in block[:-1] if len(b) >= 0.6 * widest)
    return full >= 0.8 * (len(block) - 1)


def _paragraphs(kept: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Group kept lines into paragraphs: blank lines separate; wrapped blocks are joined."""
    out: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        texts = [t for _, t in block]
        if _is_wrapped(texts):
            start = 0
            for i in range(len(block)):
                last = i == len(block) - 1
                if last or (re.search(r"[.!?\"”]$", texts[i]) and len(texts[i]) < 0.6 * max(len(t) for t in texts)):
                    out.append((block[start][0], " ".join(texts[start : i + 1])))
                    start = i + 1
        else:
            out.extend(block)
        block.clear()

    for no, text in kept:
        if text:
            block.append((no, text))
        else:
            flush()
    flush()
    return out


def _lines_of(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1))


def _clean(lines: Sequence[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Removed]]:
    kept, removed = _clean_lines(lines)
    return _paragraphs(kept), removed


def clean_text(text: str, *, path: str = "<text>") -> tuple[str, list[Removed]]:
    """Clean plain article text: the cleaned text (paragraphs joined by a blank line) and what was removed."""
    paras, removed = _clean(_lines_of(text))
    return "\n\n".join(t for _, t in paras), removed


# --------------------------------------------------------------------------- HTML and Markdown

_DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "form",
        "button",
        "select",
        "input",
        "object",
        "embed",
        "canvas",
    }
)
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "figcaption", "menu"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "section",
        "article",
        "main",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "dl",
        "figure",
        "address",
        "hr",
        "body",
        "center",
    }
)
_ARTICLE_HINT = re.compile(
    r"article[-_]?(?:body|text|content|view)|story[-_]?(?:body|text)|view[-_]?con|news[-_]?(?:body|text|content)|articlebody|entry-content|post-content",
    _I,
)


def _html_lines(html: str, path: str) -> tuple[list[tuple[int, str]], list[Removed]]:
    """Extract block text from HTML with lxml: ``(sourceline, text)`` lines and removed furniture."""
    import lxml.html  # heavy import: only here
    from lxml import etree

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError.at(
            path, None, f"cannot parse HTML ({exc})", "give the page's HTML or save it as text"
        ) from None
    removed: list[Removed] = []
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _DROP_TAGS:
            _drop(el)
        elif tag in _FURNITURE_TAGS:
            if tag == "header" and el.find(".//h1") is not None:
                continue  # an article header holding the headline
            text = " ".join(" ".join(el.itertext()).split())
            if text:
                removed.append(Removed(el.sourceline or 1, text[:200], f"html-{tag}"))
            _drop(el)
    body = _article_root(root)
    out: list[tuple[int, str]] = []
    if body is not root and body.find(".//h1") is None:
        h1s = root.findall(".//h1")
        if len(h1s) == 1:
            out.append((h1s[0].sourceline or 1, " ".join(h1s[0].text_content().split())))
            out.append((h1s[0].sourceline or 1, ""))
    _walk(body, out)
    return out, removed


def _drop(el: object) -> None:
    parent = el.getparent()  # type: ignore[attr-defined]
    if parent is None:
        return
    tail = el.tail  # type: ignore[attr-defined]
    if tail:
        prev = el.getprevious()  # type: ignore[attr-defined]
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _article_root(root: Any) -> Any:
    articles = root.findall(".//article")
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    hinted = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (el.get("itemprop") == "articleBody" or _ARTICLE_HINT.search(f"{el.get('class', '')} {el.get('id', '')}"))
    ]
    if hinted:
        return max(hinted, key=lambda a: len(a.text_content()))
    body = root.find(".//body")
    return body if body is not None else root


def _walk(el: object, out: list[tuple[int, str]]) -> None:
    """Append one line per block of text (blank line after each block), ``<br>`` starts a new line."""
    parts: list[str] = []
    line = [getattr(el, "sourceline", None) or 1]

    def flush() -> None:
        text = " ".join("".join(parts).split())
        if text:
            out.append((line[0], text))
            out.append((line[0], ""))
        parts.clear()

    def visit(node: object) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""  # type: ignore[attr-defined]
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            flush()
            line[0] = node.sourceline or line[0]  # type: ignore[attr-defined]
        if node.text and tag != "br":  # type: ignore[attr-defined]
            parts.append(node.text)  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            visit(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            flush()

    visit(el)
    flush()


_MD_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_HR = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_CODE = re.compile(r"`([^`]+)`")


def _markdown_lines(text: str) -> tuple[list[tuple[int, str]], list[Removed]]:
    removed: list[Removed] = []
    m = _MD_FRONT.match(text)
    lines = _lines_of(text)
    skip = text[: m.end()].count("\n") if m else 0
    if skip:
        removed.append(Removed(1, " ".join(t for _, t in lines[:skip]).strip()[:200], "md-front-matter"))
    out: list[tuple[int, str]] = []
    for no, line in lines[skip:]:
        if _MD_HR.match(line):
            removed.append(Removed(no, line.strip(), "md-rule"))
            out.append((no, ""))
            continue
        for img in _MD_IMAGE.finditer(line):
            removed.append(Removed(no, img.group(0), "md-image"))
        line = _MD_IMAGE.sub("", line)
        if _MD_LINK.fullmatch(_MD_LIST.sub("", line).strip()):
            removed.append(Removed(no, line.strip(), "link-teaser"))
            out.append((no, ""))
            continue
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_HEADING.sub("", line)
        line = _MD_QUOTE.sub("", line)
        line = _MD_LIST.sub("", line)
        line = _MD_CODE.sub(r"\1", line)
        line = _MD_EMPH.sub(r"\2", line)
        out.append((no, line))
    return out, removed


# --------------------------------------------------------------------------- documents


def document_from_text(text: str, *, path: str = "<text>", name: str | None = None, kind: str = "txt") -> Article:
    """Build an :class:`Article` from article text (``kind``: txt, md or html)."""
    pre: list[Removed] = []
    if kind == "html":
        lines, pre = _html_lines(text, path)
    elif kind == "md":
        lines, pre = _markdown_lines(text)
    else:
        lines = _lines_of(text)
    paras, removed = _clean(lines)
    paragraphs: list[Paragraph] = []
    pos = 0
    for i, (line, ptext) in enumerate(paras):
        if i:
            pos += 2
        paragraphs.append(Paragraph(i, pos, pos + len(ptext), ptext, line))
        pos += len(ptext)
    all_removed = sorted((*pre, *removed), key=lambda r: r.line)
    return Article(
        path=path,
        name=name if name is not None else Path(path).stem,
        text="\n\n".join(p.text for p in paragraphs),
        paragraphs=tuple(paragraphs),
        removed=tuple(all_removed),
    )


def article_kind(path: str | Path, text: str = "") -> str:
    """How an article's text is cleaned: ``html`` (.html/.htm, or stdin that starts with markup), ``md`` or ``txt``."""
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        return "html"
    if suffix == ".md":
        return "md"
    if str(path) == STDIN and re.match(r"\s*<(?:!doctype\s+html|html|head|body)\b", text, re.IGNORECASE):
        return "html"
    return "txt"


def read_article(path: str | Path, *, encoding: str | None = None, name: str | None = None) -> Article:
    """Read and clean one article (.txt, .md, .html/.htm, .docx; ``-`` is standard input;
    other suffixes are read as text). ``name`` overrides the file's stem (needed for stdin).

    Raises ``InputError`` for a missing, binary, undecodable or empty file, or
    one with no text left after cleaning.
    """
    p = Path(path)
    text = read_document_text(path, encoding=encoding)
    shown = "<stdin>" if str(path) == STDIN else p
    if not text.strip():
        raise InputError.at(shown, None, "empty article", "give a file with the article's text")
    doc = document_from_text(
        text, path=str(shown), name=name if name is not None else p.stem, kind=article_kind(path, text)
    )
    if not doc.paragraphs:
        raise InputError.at(
            shown,
            None,
            "no article text left after removing page debris",
            "check that this is an article (see --show-removed)",
        )
    return doc


def annotation_text(path: str | Path, *, encoding: str | None = None) -> str:
    """The text ``annotate`` matches in, offsets counting into it: a text or Markdown file as it is;
    an HTML page cleaned as every command reads it (scripts, styles and page furniture removed);
    a .docx's paragraphs; ``-`` standard input (cleaned if it is an HTML page)."""
    text = read_document_text(path, encoding=encoding)
    if article_kind(path, text) == "html":
        shown = "<stdin>" if str(path) == STDIN else str(path)
        return document_from_text(text, path=shown, name=Path(path).stem, kind="html").text + "\n"
    return text


#: Files in an article folder that describe the folder rather than being articles.
FOLDER_NOTES: frozenset[str] = frozenset({"README", "LICENSE", "CHANGELOG", "NOTICE"})


def iter_articles(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Article files named or inside named folders (recursively; .txt .md .html .htm .docx), sorted, each once.

    ``-`` (standard input) is yielded as ``Path('-')``.

    A named file is yielded whatever its suffix; a missing path raises ``InputError``.
    Inside folders, hidden files and a folder's own notes (``README.*``,
    ``LICENSE.*``, ``CHANGELOG.*``) are not articles and are skipped. Every file is
    yielded, whichever language it is in: commands that read English use
    ``termdesk.pairing.english_articles``, which skips the Korean side and termdesk's outputs.
    """
    from .pairing import walk_files

    for f, _named in walk_files(paths):
        yield f


#: Abbreviations of a numbered unit's kind, as U.S. Forces Korea and Air Force copy write them after the ordinal,
#: with the unit each spells out: ``8th FW`` = ``8th Fighter Wing``, ``7th AF`` = ``7th Air Force``.
UNIT_ABBREVIATIONS: dict[str, str] = {
    "AF": "Air Force",  # 7th AF
    "FW": "Fighter Wing",  # 8th FW, 51st FW
    "FS": "Fighter Squadron",  # 35th FS
    "ID": "Infantry Division",  # 2nd ID
    "ABW": "Air Base Wing",  # 374th ABW
    "CAB": "Combat Aviation Brigade",  # 2nd CAB
    "SBCT": "Stryker Brigade Combat Team",  # 2nd SBCT
    "ABCT": "Armored Brigade Combat Team",  # 1st ABCT
    "MEF": "Marine Expeditionary Force",  # III MEF is named by a Roman numeral, 1st MEF by an ordinal
    "MLR": "Marine Littoral Regiment",  # 12th MLR
    "OG": "Operations Group",  # 51st OG
    "MEU": "Marine Expeditionary Unit",  # 31st MEU
    "BCT": "Brigade Combat Team",  # 1st BCT
    "ESC": "Expeditionary Sustainment Command",  # 19th ESC
    "TSC": "Theater Sustainment Command",  # 8th TSC
}

#: A unit's number before its abbreviation, ordinal or not (``8th`` in ``8th FW``, ``51`` in ``51 FW``).
UNIT_NUMBER = r"\d{1,3}(?:st|nd|rd|th)?"

#: Prefixes of a ship's name (the navy's, before the name the Korean reads: ``USS John Paul Jones`` →
#: 존 폴 존스함).
SHIP_PREFIXES: frozenset[str] = frozenset(
    {"USS", "USNS", "ROKS", "JS", "JDS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "FS", "ITS", "TCG", "BRP", "KRI"}
)

# --------------------------------------------------------------------------- sentences

#: Abbreviations after which a period does not end a sentence (titles, ranks, "No.", "St.").
#: Unit heads as Army copy abbreviates them, with a period (``210th FA Bde.``, ``6th Bn., 37th FA Regt.``): the
#: period ends a sentence only before a word that starts one.
UNIT_HEAD_ABBREVIATIONS: dict[str, str] = {
    "bde": "brigade",
    "regt": "regiment",
    "bn": "battalion",
    "btry": "battery",
    "bty": "battery",
    "div": "division",
    "sqdn": "squadron",
}
ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "gen",
        "lt",
        "col",
        "maj",
        "brig",
        "adm",
        "capt",
        "cmdr",
        "cmdt",
        "cpl",
        "sgt",
        "pvt",
        "pfc",
        "spc",
        "lt.gen",
        "maj.gen",
        "brig.gen",
        "vice",
        "rear",
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "rep",
        "reps",
        "sen",
        "sens",
        "gov",
        "amb",
        "pres",
        "supt",
        "insp",
        "det",
        "sr.lt",
        "rev",
        "fr",
        "hon",
        "st",
        "mt",
        "ft",
        "ave",
        "blvd",
        "rd",
        "dept",
        "univ",
        "corp",
        "inc",
        "ltd",
        "co",
        "bros",
        "est",
        "approx",
        "fig",
        "vol",
        "art",
        "sec",
        "para",
        "nos",
        "no",
        "op",
        "vs",
        "v",
        "etc",
        "cf",
        "al",
    ]
)
#: Abbreviations that do not end a sentence when a number follows (No. 2, Jan. 5, Art. 3, p. 4).
_NUMBER_ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "art",
        "p",
        "pp",
        "vol",
        "sec",
        "fig",
        "ch",
        "para",
        "op",
    ]
)
#: Words that start sentences: after "U.S." or an initial, a boundary only if one of these follows.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "however",
        "meanwhile",
        "also",
        "after",
        "before",
        "while",
        "when",
        "as",
        "if",
        "since",
        "during",
        "under",
        "with",
        "for",
        "from",
        "according",
        "earlier",
        "later",
        "last",
        "still",
        "instead",
        "then",
        "such",
        "some",
        "many",
        "most",
        "both",
        "all",
        "each",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "officials",
        "experts",
        "analysts",
        "critics",
        "what",
        "why",
        "how",
        "who",
        "where",
        "other",
        "another",
        "further",
        "moreover",
        "nevertheless",
        "separately",
        "besides",
        "despite",
        "although",
        "though",
        "because",
        "once",
        "until",
        "unlike",
        "like",
        "amid",
        "following",
        "asked",
        "speaking",
        "asked",
        "responding",
    ]
)
_CANDIDATE_END = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’)\]]*(?=\s)")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z0-9][\w'’-]*)")
_CLOSING_CREDIT = re.compile(r"\([A-Z][\w.&'’ /-]{0,40}\)\s*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text`` (surrounding whitespace excluded)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _CANDIDATE_END.finditer(text):
        end = m.end()
        nxt = end
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt >= n:
            break
        if not _boundary(text, m, nxt):
            continue
        append_trimmed(spans, text, start, end)
        start = nxt
    append_trimmed(spans, text, start, n)
    return spans


def append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``(start, end)`` to ``spans`` with surrounding whitespace trimmed; nothing if it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _boundary(text: str, m: re.Match[str], nxt: int) -> bool:
    follow = text[nxt]
    if follow.islower():
        return False
    if not (follow.isupper() or follow.isdigit() or follow in "\"'“‘([" or follow.isalpha()):
        return False
    if _CLOSING_CREDIT.match(text, nxt):
        return False  # "... alliance. (Yonhap)": the credit stays with its sentence
    punct = m.group(0)
    if punct.rstrip("\"'”’)]") != ".":
        return True  # ! ? ... end sentences
    if punct != ".":
        return True  # a period inside a closing quote or bracket: ."  .)
    # the whitespace-free token ending in this period: walk back from it (a search from the start
    # of the paragraph would make splitting quadratic in the paragraph's length)
    i = m.start()
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    token = text[i : m.start() + 1]
    token = token.lstrip("\"'“‘([")
    word = token[:-1]
    low = word.lower()
    nw = _NEXT_WORD.match(text, nxt)
    next_word = nw.group(1) if nw else ""
    if follow.isdigit() and low in _NUMBER_ABBREVIATIONS:
        return False
    if low in ABBREVIATIONS:
        return False
    if low in UNIT_HEAD_ABBREVIATIONS:
        return next_word.lower() in SENTENCE_STARTERS  # "… 37th FA Regt. fired" goes on; "… Regt. The unit" ends
    core = token.rsplit("-", 1)[-1]  # "Korea-U.S." ends in the initials U.S.
    if _INITIALS.match(token) or _INITIALS.match(core) or low in ("jr", "sr"):
        return next_word.lower() in SENTENCE_STARTERS
    return True


def segment(doc: Article) -> list[Sentence]:
    """Sentences of every paragraph, with offsets into ``doc.text``; indices are 0-based."""
    out: list[Sentence] = []
    for para in doc.paragraphs:
        for s, e in split_sentences(para.text):
            out.append(Sentence(doc.name, len(out), para.index, para.start + s, para.start + e, para.text[s:e]))
    return out


# --------------------------------------------------------------------------- tokens


def normalize_punct(text: str) -> str:
    """Moses punctuation normalisation (quotes, dashes, spacing) for text that is tokenised."""
    from sacremoses import MosesPunctNormalizer

    return _moses_normalizer(MosesPunctNormalizer).normalize(text)


def tokenize(text: str) -> list[str]:
    """Moses tokens (``escape=False``): ``Korea's`` → ``Korea``, ``'s``; ``U.S.`` and ``B-1B`` stay whole."""
    from sacremoses import MosesTokenizer

    return _moses_tokenizer(MosesTokenizer).tokenize(text, escape=False)


_MOSES: dict[str, object] = {}


def _moses_normalizer(cls: type) -> Any:
    if "norm" not in _MOSES:
        _MOSES["norm"] = cls(lang="en")
    return _MOSES["norm"]


def _moses_tokenizer(cls: type) -> Any:
    if "tok" not in _MOSES:
        _MOSES["tok"] = cls(lang="en")
    return _MOSES["tok"]
