"""Word lists the extractors use. General English and general beat knowledge, not article-specific.

Every list is lowercase. Kept here, apart from the logic, so a reviewer can read
what the heuristics know.
"""

from __future__ import annotations

from ..text import CAPITAL_RANKS
from ..text import UNIT_ABBREVIATIONS as _UNIT_ABBREVIATIONS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Function words and very common verbs/adverbs that never start or end a term.
STOPWORDS = _words(
    """a an the and or but nor so yet for of to in on at by with from into onto upon over under about above below
    across after against along amid among around as before behind beneath beside besides between beyond despite
    down during except inside near off out outside past per since than through throughout till toward towards
    until up via within without whether while whereas although though because if unless once when whenever where
    wherever whichever whatever who whom whose which what that this these those there here then than thus also
    too very just only even still already again ever never not no yes all any both each either neither every
    few many much more most less least other another such same own several some enough i me my mine we us our
    ours you your yours he him his she her hers it its they them their theirs one ones oneself itself himself
    herself themselves ourselves myself yourself is am are was were be been being have has had having do does
    did doing done will would shall should can could may might must ought said says say saying told tell tells
    according added adding noted noting stated claimed claiming urged asked called calling including include
    includes included however meanwhile moreover furthermore nevertheless nonetheless instead rather otherwise
    therefore hence accordingly likewise indeed perhaps maybe almost nearly quite rather really simply mostly
    largely mainly partly highly fully openly closely mostly how why whom whose s t let lets get gets got
    getting make makes made making take takes took taken taking go goes went gone going come comes came coming
    give gives gave given giving see sees saw seen seeing know knows knew known put puts keep keeps kept hold
    holds held holding seek seeks sought seeking plan plans planned planning expect expects expected expecting
    seem seems seemed remain remains remained become becomes became set sets show shows showed shown want wants
    wanted need needs needed like likely unlikely able via etc ie eg mr mrs ms dr yesterday today tomorrow
    tonight now later earlier soon recently currently previously formerly ago amid whether"""
)

#: Irregular past forms and frequent verbs that end an NP chunk wherever they occur.
VERBS = _words(
    """sent send sends sending met meets led leads began begin begins begun left leaves brought bring brings bought
    buy buys built think thinks thought felt feel feels found finds fought fights flew flies spoke speak speaks spoken
    stood stands struck drew drawn fell falls paid pays rose rises ran runs wrote writes written chose choose chosen
    became grew grown sold sells heard hear hears meant launched fired agree agrees agreed discuss discusses discussed
    visited warn warns warned vow vows vowed pledged urges expressed expresses announce announces announced reported
    confirm confirms confirmed deny denies denied accuse accuses accused condemn condemns condemned deploys deployed
    conducts conducted considers considered allow allows allowed helped protect protects protected poses posed
    inflame inflames inflamed threaten threatens threatened allegedly reportedly arrive arrives arrived reach reached
    failed fails fail continue continues continued begin tried try tries called call calls hope hoped hopes stressed
    stresses emphasized emphasised noted notes believe believes believed suggest suggests suggested consists remains
    involves requires comes seeks warns vows appears violates violate violated marks heighten heightens heightened
    refer refers referred describe describes described include includes represent represents serve serves seem
    seems seemed remained stated"""
)

#: -ing words that are nouns (allowed inside and at the end of a term).
ING_NOUNS = _words(
    """meeting meetings briefing briefings training hearing hearings building buildings bombing bombings warning
    warnings funding spending shelling landing landings uprising understanding wording gathering offering
    ceiling setting standing opening launching firing testing targeting planning reasoning signing signings
    spring engineering manufacturing shipbuilding peacekeeping war-fighting warfighting wiretapping jamming
    spoofing hacking screening monitoring rearming beginning ending dealing dealings holding holdings ruling
    rulings crossing crossings posting postings reading readings recording recordings sighting sightings
    strafing sealing pricing processing wing wings thing things king ring string evening morning"""
)

#: Adjectives too general to start a term (trimmed from the left of a chunk).
GENERIC_ADJECTIVES = _words(
    """new old other such many more most some several previous next last recent same various certain own whole
    further possible likely major key significant deep wide better greater best great good bad top early late
    first second third fourth fifth sixth seventh eighth ninth tenth final initial additional current former
    future present past total full half main big small large high low long short real true general specific
    particular important different similar serious strong weak heavy huge little much less least only sole
    various numerous multiple single double direct indirect possible potential actual official unofficial
    regular normal usual special annual monthly weekly daily overall entire ongoing upcoming continued continuing
    increasing growing rising evolving existing remaining following envisioned planned proposed expected
    unprecedented unwavering enduring deep close closer closely such certain near far nearby every
    stronger broader deeper tighter wider bigger higher larger lower smaller harder firmer fresh robust
    each two three four five six seven eight nine ten dozen hundreds thousands millions billions one twice
    another top-level high-level low-level year-end mid long-term short-term so-called""".replace("provocative", "")
)

#: Participles that start terms of the beat rather than verb phrases ("providing extended deterrence").
TERM_PARTICIPLES = _words(
    "extended combined integrated tailored guided unmanned enriched advanced nuclear-armed nuclear-powered"
)

#: Singular words with adjective-like endings that are nouns (may end a term).
NOUN_EXCEPTIONS = _words(
    """military official general terminal missile arsenal proposal approval withdrawal rival trial potential
    signal capital hospital material journal canal referral removal renewal denial survival festival interval
    principal criminal chemical individual initiative offensive explosive directive objective representative
    secretary adversary boundary summary commentary anniversary emissary dignitary salary library diary
    auxiliary tactic logistic republic public clinic topic traffic mechanic critic periodic academic
    sovereignty ally family supply assembly reply anomaly rally monopoly italy july detective executive
    collective alternative native narrative relative incentive motive missive perspective prerogative
    counteroffensive legislative battery artillery infantry cavalry luminary commissary deputy budget"""
)

ADJ_SUFFIXES: tuple[str, ...] = (
    "ic",
    "ical",
    "ous",
    "ful",
    "less",
    "ive",
    "al",
    "ary",
    "able",
    "ible",
    "ian",
    "ese",
    "ish",
)

MONTHS = _words(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec"
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
NUMBER_WORDS = _words(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion trillion first second third fourth fifth sixth seventh eighth ninth tenth dozen dozens hundreds
    thousands millions billions half once twice percent"""
)

#: Words that make a term belong to the defense/security beat (a bonus, never a requirement).
DOMAIN_WORDS = _words(
    """amphibious missile missiles ballistic cruise hypersonic nuclear warhead warheads deterrence deterrent defense
    defence military strategic tactical interceptor interceptors bomber bombers fighter fighters jet jets destroyer
    destroyers submarine submarines carrier carriers artillery howitzer rocket rockets launcher launchers radar
    drone drones satellite satellites reconnaissance surveillance intelligence troops forces force army navy
    navies air marine marines naval alliance allies allied combined joint exercise exercises drill drills
    deployment deployments strike strikes pre-emptive preemptive retaliation retaliatory provocation
    provocations denuclearization disarmament sanctions armistice ceasefire truce border demilitarized
    battlefield combat war wartime warfare operational operations command commander commanders opcon
    interception intercept enrichment uranium plutonium icbm icbms slbm slbms assets weapon weapons arms
    munitions ammunition security defense-related posture readiness mobilization conscription
    extended escalation crisis threat threats attack attacks invasion battalion brigade division regiment
    squadron fleet garrison base bases peninsula guideline guidelines consultative consultation interoperability
    countermeasures countermeasure shelling infiltration defector defectors espionage cyber test-launch
    test-fire launch launches silo silos sortie sorties stealth airspace maritime ground-based sea-based
    long-range short-range medium-range intermediate-range intercontinental submarine-launched"""
)

#: Heads that make a capitalised unit a title (the last word of a title).
TITLE_HEADS = _words(
    """minister ministers secretary secretaries president presidents vice-president chairman chairwoman chairperson
    chair commander commanders chief ambassador ambassadors director directors spokesman spokeswoman
    spokesperson spokespersons envoy envoys adviser advisor advisers advisors leader premier lawmaker lawmakers
    senator senators representative governor mayor marshal commandant attache nominee undersecretary
    under-secretary secretary-general head king queen emperor chancellor counselor negotiator administrator
    inspector-general superintendent ombudsman prosecutor-general speaker deputy-director general generals admiral
    admirals colonel major captain lieutenant sergeant commissioner coordinator coordinators d'affaires d’affaires
    attorney judge corporal chaplain ambassador-at-large principal congressman congresswoman"""
)
#: Ranks spelt out, capitalised: one follows a title before a name (``Director of Defense Press Operations Colonel
#: Rob Manning``), and a service before one is no part of it (``Army Corporal Luther H. Story``; ``General`` too,
#: which ends other titles, ``Attorney General``).
SPELT_RANKS = frozenset({"Colonel", "Admiral", "Major", "Captain", "Lieutenant", "Sergeant", "Corporal", "Ensign"})
#: Heads before a name that are not titles to translate ("his US counterpart Jim Mattis").
NON_TITLE_HEADS = _words(
    "counterpart counterparts colleague colleagues successor predecessor wife husband son daughter"
)
#: Modifiers stripped from a title (the person keeps the plain title).
TITLE_MODIFIERS = _words(
    "former acting then ousted late incoming outgoing new current retired ex impeached deposed disgraced "
    "sitting interim caretaker"
)

#: Rank abbreviations (one to four tokens), as written in wire copy and military releases.
RANKS: tuple[str, ...] = (
    "Chief Master Sgt.",
    "Senior Master Sgt.",
    "Command Sgt. Maj.",
    "Sgt. 1st Class",
    "Master Chief Petty Officer",
    "Senior Chief Petty Officer",
    "Chief Petty Officer",
    "Tech. Sgt.",
    "1st Sgt.",
    "Lt. Gen.",
    "Maj. Gen.",
    "Brig. Gen.",
    "Vice Adm.",
    "Rear Adm.",
    "Lt. Col.",
    "Lt. Cmdr.",
    "Sgt. Maj.",
    "Staff Sgt.",
    "Master Sgt.",
    "1st Lt.",
    "2nd Lt.",
    "Gen.",
    "Adm.",
    "Col.",
    "Maj.",
    "Capt.",
    "Lt.",
    "Sgt.",
    "Cpl.",
    "Pvt.",
    "Pfc.",
    "Spc.",
    "Cmdr.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Amb.",
    "Sgt 1st Class",  # without its period (By Sgt 1st Class Corey Idleburg)
    # two-word ranks written without periods, or without the last one (Lt Gen Lance L. Smith, Lt. Col Brent Kinney)
    "Lt Gen",
    "Maj Gen",
    "Brig Gen",
    "Lt Col",
    "Rear Adm",
    "Vice Adm",
    "Lt. Gen",
    "Maj. Gen",
    "Brig. Gen",
    "Lt. Col",
    # ranks spelt out that end in no title word (Private First Class Charles R. Johnson, Specialist Fourth Class
    # Kenneth J. David, Private Bruno R. Orig), and North Korea's marshals (Vice Marshal Jo Myong Rok; misspelt too)
    "Private First Class",
    "Specialist Fourth Class",
    "Specialist Fifth Class",
    "Airman First Class",
    "Senior Airman",
    "Chief Warrant Officer",
    "Warrant Officer",
    "Private",
    "Vice Marshal",
    "Vice Marshall",
    # the Army's and the Navy's own abbreviations, in capitals (GEN Robert B. Brooks, ADM Philip Davidson)
    *CAPITAL_RANKS,
)

NATIONALITY_PREFIXES: tuple[str, ...] = (
    "U.S.",
    "US",
    "American",
    "South Korean",
    "S. Korean",
    "North Korean",
    "N. Korean",
    "ROK",
    "Korean",
    "Japanese",
    "Chinese",
    "Russian",
    "British",
    "French",
    "German",
    "Australian",
    "Philippine",
    "Taiwanese",
    "Ukrainian",
)

KOREAN_SURNAMES = _words(
    """kim lee park choi jung chung jeong kang cho jo yoon yun jang chang lim im han oh seo suh shin kwon hwang ahn
    an song jeon chun hong ko koh moon mun yang son sohn bae baek paik heo huh yoo yu ryu nam sim shim roh noh ha
    kwak sung seong cha joo ju woo koo ku min na jin ji um chae won bang kong hyun hyon ham pyo yeo choe ri rhee yi
    pak kil ryo pyon byun byeon do gong gu ma maeng myung nah ok pi seok sun tak wang yeom"""
)

#: Heads that type a capitalised unit (last word).
MEETING_HEADS = _words(
    "meeting meetings dialogue dialogues talks summit summits forum conference conferences consultation "
    "consultations session sessions symposium roundtable ministerial"
)
MEETING_GROUP_MODIFIERS = _words("consultation consultative working planning steering strategy contact coordination")
EXERCISE_HEADS = _words("exercise exercises drill drills maneuvers manoeuvres wargame wargames games")
ORG_HEADS = _words(
    """ministry department command forces force staff agency office service services army navy corps party assembly
    council committee commission institute administration house pentagon government bureau division brigade fleet
    guard coalition alliance union organization organisation center centre headquarters cabinet court bank
    university association company corporation group battalion regiment squadron wing unit units team board
    authority secretariat nations embassy mission academy school foundation society federation parliament congress
    senate police directorate garrison"""
)
MEDIA_HEADS = _words(
    "news times herald daily post journal ilbo broadcasting television tv sinmun radio network press media "
    "tribune gazette"
)
DOCUMENT_HEADS = _words(
    """treaty agreement accord guideline guidelines act resolution declaration pact charter review report strategy
    plan law protocol memorandum communique convention framework doctrine constitution bill directive paper
    arrangement roadmap study"""
)
PLACE_HEADS = _words(
    "peninsula sea strait island islands zone line province city county base port mountain mount river ocean "
    "gulf bay airport village district region square airfield"
)
PLACE_PREFIXES = _words("camp mount fort lake cape port")
EXERCISE_PREFIXES = _words("operation exercise")
PLACE_NAMES = _words(
    """korea koreas united states kingdom china japan russia taiwan ukraine india pakistan iran iraq syria israel
    germany france britain england australia canada mexico philippines vietnam indonesia thailand singapore
    malaysia mongolia myanmar cambodia laos europe asia africa america americas pacific atlantic seoul
    pyongyang washington tokyo beijing moscow taipei kyiv london paris berlin hawaii guam okinawa alaska
    california busan incheon pyeongtaek osan gunsan jeju dokdo yeonpyeong baengnyeong panmunjom kaesong
    wonsan sinpo nampo sohae tongchang-ri yongbyon punggye-ri east west north south northeast southeast s n"""
)
#: Words of :data:`PLACE_NAMES` that name no place alone: parts of a longer name (``United``, ``States``) and
#: compass or ocean words that are most often a modifier (``Pacific Fleet``, ``North``).
PLACE_PARTS = _words(
    "united states kingdom koreas america americas pacific atlantic east west north south northeast southeast s n"
)
#: Countries, cities and regions that are a place by themselves however common the word (``Australia``, ``India``,
#: ``Israel``): a one-word name of these is mined even when general English uses it often.
STANDALONE_PLACES = PLACE_NAMES - PLACE_PARTS
#: Words of a service's name that come before a rank (``Navy Adm.``, ``Air Force Gen.``, ``Marine Corps Gen.``): the
#: rank's, no part of a title before them (``Pentagon Press Secretary Navy Rear Adm. …``).
SERVICE_WORDS = _words("navy army marine marines air force corps coast guard space")
#: Honorifics a transcript writes in capitals before a speaker's family name (``MR ICE:``, ``MS PORTER:``).
SPEAKER_HONORIFICS = frozenset({"MR", "MR.", "MS", "MS.", "MRS", "MRS.", "DR", "DR."})
#: The U.S. Postal Service's codes of the states (``Arlington, VA``): after a place and a comma, no acronym.
POSTAL_CODES = _words(
    """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR
    PA RI SC SD TN TX UT VT VA WA WV WI WY DC"""
)
#: U.S. states and their AP-style abbreviations, as a place's region after a comma (``Hershey, Pa.``, ``Joint Base
#: Elmendorf-Richardson, Alaska``).
US_STATES = _words(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    washington wisconsin wyoming ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md.
    mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d.
    tenn. vt. va. wash. w.va. wis. wyo. d.c."""
)
#: Abbreviations of a numbered unit's kind (``8th FW``): see :data:`termdesk.text.UNIT_ABBREVIATIONS`.
UNIT_ABBREVIATIONS = _UNIT_ABBREVIATIONS
WEAPON_HEADS = _words(
    """missile missiles system systems interceptor interceptors bomber bombers fighter fighters destroyer destroyers
    carrier carriers submarine submarines rocket rockets radar radars launcher launchers drone drones satellite
    satellites warhead warheads vehicle vehicles aircraft jet jets battery batteries howitzer howitzers tank
    tanks helicopter helicopters warplane warplanes frigate frigates cruiser cruisers icbm icbms slbm slbms
    weapon weapons munition munitions bomb bombs torpedo torpedoes gun guns artillery"""
)
#: Words that make a capitalised "... Defense" unit a weapon system (Terminal High Altitude Area Defense).
WEAPON_WORDS = _words("altitude missile missiles interceptor air area terminal ballistic radar launch rocket cruise")

#: Words after a designator that name its kind ("B-1B bombers", "F-35A stealth fighters").
DESIGNATOR_HEADS = WEAPON_HEADS | _words("icbm icbms slbm slbms stealth strategic")
#: Letter parts that make a letter-number token not a weapon (COVID-19, G-20, Level-3).
NOT_DESIGNATORS = _words(
    "covid g level phase type grade article no model version stage tier class room flight sars mers h n a4 "
    "top under jan feb mar apr may jun jul aug sep oct nov dec"
)

#: All-caps tokens that are not acronyms worth listing.
NOT_ACRONYMS = _words(
    """us u.s. uk u.k. un u.n. eu ap afp kst utc gmt est edt et am pm a.m. p.m. ad bc lead ld urgent update end
    photo photos tv ok vs no ii iii iv vi vii viii ix xi attn ceo cfo inc ltd co corp jr sr dc d.c. mr dr
    i ie eg etc pdf url tbd q&a uss hms roks"""
)
#: News agencies and outlets credited in parentheses ("(Yonhap)", "(AP)").
AGENCY_CREDITS = _words("yonhap ap afp reuters xinhua kyodo kcna newsis news1 epa upi bloomberg tass sputnik bernama")

#: Nationality adjectives (a unit ending in one is an adjective, not a name).
NATIONALITY_LOWER = _words(
    """american korean japanese chinese russian british french german australian canadian indian pakistani iranian
    iraqi syrian israeli ukrainian taiwanese philippine vietnamese european asian african allied western eastern
    northern southern inter-korean"""
)

#: Plural words that may modify a later head ("arms control", "weapons program"); other plurals may not.
PLURAL_MODIFIERS = _words(
    """arms forces operations affairs weapons systems communications logistics sales news relations talks services
    goods customs chiefs rights armed sports savings humanities missiles troops sanctions"""
)

#: Country codes: a hyphenated pair of them (ROK-US) is not an acronym to list.
COUNTRY_CODES = _words("rok us u.s. dprk un u.n. eu uk u.k. prc nk sk jp roc")
#: Words before "of" that make an "X of Y" phrase general (not a term) unless it repeats.
GENERIC_OF = _words(
    """use range part number end kind type lot series revision implementation deployment development rest most all
    some one each half face risk way ways case time form result aim purpose issue matter question state level amount
    degree role show condition conditions sort variety group couple pair means basis"""
)
