"""What every reader of defence news knows: which names stand for which parties,
where they are, and what words make a title. General knowledge, not article-specific."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Party:
    name: str  # short canonical name used in reports: Japan, NATO, EU, UK, ...
    kind: str  # government | organisation
    region: str  # japan | europe | other
    full_name: str = ""


_PARTIES: dict[str, tuple[Party, tuple[str, ...]]] = {}


def _add(name, kind, region, full_name, *names):
    _PARTIES[name] = (Party(name, kind, region, full_name or name), names)


# name, kind, region, full name, the words that name it (nouns, adjectives, capitals as metonyms)
_add(
    "Japan",
    "government",
    "japan",
    "Government of Japan",
    "Japan",
    "Japanese",
    "Tokyo",
    "Self-Defense Forces",
    "Self-Defence Forces",
    "SDF",
    "JSDF",
    "Diet",
    "Kantei",
)
_add(
    "NATO",
    "organisation",
    "europe",
    "North Atlantic Treaty Organization",
    "NATO",
    "North Atlantic Treaty Organization",
    "North Atlantic Treaty Organisation",
    "North Atlantic Alliance",
)
_add(
    "EU",
    "organisation",
    "europe",
    "European Union",
    "EU",
    "European Union",
    "European Commission",
    "European Council",
    "Council of the European Union",
    "European External Action Service",
    "EEAS",
    "European Parliament",
    "European Defence Agency",
)
_add(
    "UK",
    "government",
    "europe",
    "United Kingdom",
    "UK",
    "U.K.",
    "United Kingdom",
    "Britain",
    "Great Britain",
    "British",
    "London",
    "Downing Street",
    "Whitehall",
)
_add("France", "government", "europe", "", "France", "French", "French Republic", "Paris", "Elysee", "\u00c9lys\u00e9e")
_add(
    "Germany",
    "government",
    "europe",
    "",
    "Germany",
    "German",
    "Federal Republic of Germany",
    "Berlin",
    "Bundeswehr",
    "Bundestag",
)
_add("Italy", "government", "europe", "", "Italy", "Italian", "Italian Republic", "Rome")
_add("Spain", "government", "europe", "", "Spain", "Spanish", "Madrid")
_add("Netherlands", "government", "europe", "", "Netherlands", "Dutch", "The Hague")
_add("Poland", "government", "europe", "", "Poland", "Polish", "Warsaw")
_add("Sweden", "government", "europe", "", "Sweden", "Swedish", "Stockholm")
_add("Finland", "government", "europe", "", "Finland", "Finnish", "Helsinki")
_add("Norway", "government", "europe", "", "Norway", "Norwegian", "Oslo")
_add("Denmark", "government", "europe", "", "Denmark", "Danish", "Copenhagen")
_add("Belgium", "government", "europe", "", "Belgium", "Belgian")
_add("Estonia", "government", "europe", "", "Estonia", "Estonian", "Tallinn")
_add("Latvia", "government", "europe", "", "Latvia", "Latvian", "Riga")
_add("Lithuania", "government", "europe", "", "Lithuania", "Lithuanian", "Vilnius")
_add("Czech Republic", "government", "europe", "", "Czech Republic", "Czechia", "Czech", "Prague")
_add("Slovakia", "government", "europe", "", "Slovakia", "Slovak", "Bratislava")
_add("Hungary", "government", "europe", "", "Hungary", "Hungarian", "Budapest")
_add("Greece", "government", "europe", "", "Greece", "Greek", "Athens")
_add("Portugal", "government", "europe", "", "Portugal", "Portuguese", "Lisbon")
_add("Romania", "government", "europe", "", "Romania", "Romanian", "Bucharest")
_add("Bulgaria", "government", "europe", "", "Bulgaria", "Bulgarian", "Sofia")
_add("Croatia", "government", "europe", "", "Croatia", "Croatian", "Zagreb")
_add("Slovenia", "government", "europe", "", "Slovenia", "Slovenian", "Ljubljana")
_add("Ukraine", "government", "europe", "", "Ukraine", "Ukrainian", "Kyiv", "Kiev")
_add("Switzerland", "government", "europe", "", "Switzerland", "Swiss", "Bern")
_add("Austria", "government", "europe", "", "Austria", "Austrian", "Vienna")
_add("Ireland", "government", "europe", "", "Ireland", "Irish", "Dublin")
_add("Luxembourg", "government", "europe", "", "Luxembourg")
_add("Iceland", "government", "europe", "", "Iceland", "Icelandic", "Reykjavik")
_add("Turkey", "government", "other", "", "Turkey", "T\u00fcrkiye", "Turkish", "Ankara")
_add(
    "United States",
    "government",
    "other",
    "",
    "United States",
    "U.S.",
    "US",
    "USA",
    "America",
    "American",
    "Washington",
    "White House",
    "Pentagon",
)
_add("China", "government", "other", "", "China", "Chinese", "Beijing")
_add("Russia", "government", "other", "", "Russia", "Russian", "Moscow", "Kremlin")
_add(
    "South Korea",
    "government",
    "other",
    "",
    "South Korea",
    "South Korean",
    "Seoul",
    "Republic of Korea",
    "ROK",
    "Korea",
)
_add("North Korea", "government", "other", "", "North Korea", "North Korean", "Pyongyang", "DPRK")
_add("Philippines", "government", "other", "", "Philippines", "Philippine", "Filipino", "Manila")
_add("Australia", "government", "other", "", "Australia", "Australian", "Canberra")
_add("India", "government", "other", "", "India", "Indian", "New Delhi")
_add("Canada", "government", "other", "", "Canada", "Canadian", "Ottawa")
_add("Taiwan", "government", "other", "", "Taiwan", "Taiwanese", "Taipei")
_add("Singapore", "government", "other", "", "Singapore", "Singaporean")
_add("Indonesia", "government", "other", "", "Indonesia", "Indonesian", "Jakarta")
_add("Vietnam", "government", "other", "", "Vietnam", "Vietnamese", "Hanoi")
_add("New Zealand", "government", "other", "", "New Zealand", "Wellington")
_add("Iran", "government", "other", "", "Iran", "Iranian", "Tehran")
_add("Israel", "government", "other", "", "Israel", "Israeli")

PARTIES: dict[str, Party] = {name: party for name, (party, _) in _PARTIES.items()}
# "Brussels" hosts both NATO and the EU: which one it means depends on the article.
BRUSSELS = "Brussels"

_WORD_TO_PARTY = {word: name for name, (_, words) in _PARTIES.items() for word in words}
_WORD_TO_PARTY[BRUSSELS] = BRUSSELS
PARTY_WORDS = "|".join(re.escape(w) for w in sorted(_WORD_TO_PARTY, key=len, reverse=True))  # longest first
PARTY_RE = re.compile(r"(?<![\w.])(" + PARTY_WORDS + r")(?![\w])")
# Capitals and seats stand for their governments only as actors ("Tokyo and Berlin signed"), not as places
# ("signed in Tokyo"); a word this list names is a place after in/at/to/from.
CAPITALS = {
    "Tokyo",
    "London",
    "Paris",
    "Berlin",
    "Rome",
    "Madrid",
    "The Hague",
    "Warsaw",
    "Stockholm",
    "Helsinki",
    "Oslo",
    "Copenhagen",
    "Tallinn",
    "Riga",
    "Vilnius",
    "Prague",
    "Bratislava",
    "Budapest",
    "Athens",
    "Lisbon",
    "Bucharest",
    "Sofia",
    "Zagreb",
    "Ljubljana",
    "Kyiv",
    "Kiev",
    "Bern",
    "Vienna",
    "Dublin",
    "Reykjavik",
    "Ankara",
    "Washington",
    "Beijing",
    "Moscow",
    "Seoul",
    "Pyongyang",
    "Manila",
    "Canberra",
    "New Delhi",
    "Ottawa",
    "Taipei",
    "Jakarta",
    "Hanoi",
    "Wellington",
    "Tehran",
    "Brussels",
    "Downing Street",
    "Whitehall",
    "Kremlin",
    "White House",
    "Pentagon",
    "Elysee",
    "\u00c9lys\u00e9e",
    "Diet",
    "Kantei",
}
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|from|near|via|visit(?:ed|ing|s)?|around|outside|across|toward|towards)"
    r"\s+(?:the\s+)?|\bof\s+)$",
    re.I,
)


def as_place(text: str, m: re.Match) -> bool:
    """Is the party word matched at `m` a city named as a place ('in Tokyo'), not a government acting?"""
    return m.group(1) in CAPITALS and bool(PLACE_BEFORE.search(text[max(0, m.start() - 25) : m.start()]))


# "NATO member states", "EU nations", "European NATO members": the members are meant, not the body.
MEMBERS_AFTER = re.compile(r"^['\u2019]?s?\s+(member|members|member states|nations|allies|countries)\b", re.I)


def party_for(word: str) -> str | None:
    return _WORD_TO_PARTY.get(word)


def is_adjective(word: str) -> bool:
    """'Japanese', 'French': a word naming a party that is neither its name nor a place."""
    party = _WORD_TO_PARTY.get(word)
    return party is not None and word != party and word not in CAPITALS and word != BRUSSELS


def is_european(name: str) -> bool:
    party = PARTIES.get(name)
    return bool(party and party.region == "europe")


# Groups that name several parties at once.
GROUPS = {
    "IP4": ("Japan", "Australia", "New Zealand", "South Korea"),
    "Indo-Pacific partners": ("Japan", "Australia", "New Zealand", "South Korea"),
    "Indo-Pacific Four": ("Japan", "Australia", "New Zealand", "South Korea"),
    "AP4": ("Japan", "Australia", "New Zealand", "South Korea"),
    "Baltic states": ("Estonia", "Latvia", "Lithuania"),
    "Baltic countries": ("Estonia", "Latvia", "Lithuania"),
    "Baltic nations": ("Estonia", "Latvia", "Lithuania"),
    "Baltics": ("Estonia", "Latvia", "Lithuania"),
    "Baltic": ("Estonia", "Latvia", "Lithuania"),  # 'the Japan-Baltic Cooperation Dialogue' (not 'the Baltic Sea')
    "Nordic countries": ("Denmark", "Finland", "Iceland", "Norway", "Sweden"),
    "Nordics": ("Denmark", "Finland", "Iceland", "Norway", "Sweden"),
    "Visegrad Group": ("Czech Republic", "Hungary", "Poland", "Slovakia"),
    "Visegrad Four": ("Czech Republic", "Hungary", "Poland", "Slovakia"),
    "V4": ("Czech Republic", "Hungary", "Poland", "Slovakia"),
}
GROUP_RE = re.compile(
    r"\b(?:the\s+)?(?:four\s+|three\s+)?("
    + "|".join(re.escape(g) for g in sorted(GROUPS, key=len, reverse=True))
    + r")\b(?!\s+(?:Sea|region|Fleet|Pipe))"
)

# Defence firms and their home countries, which make a company's people and deals Japanese or European.
_COMPANIES = {
    "Japan": (
        "Mitsubishi Heavy Industries",
        "MHI",
        "Kawasaki Heavy Industries",
        "KHI",
        "Mitsubishi Electric",
        "IHI",
        "NEC",
        "Fujitsu",
        "Toshiba",
        "Subaru",
        "Japan Steel Works",
        "Komatsu",
        "Hitachi",
        "ShinMaywa",
        "Japan Marine United",
        "Mitsui E&S",
        "Mitsubishi Corporation",
        "Daikin",
        "Sumitomo",
    ),
    "UK": (
        "BAE Systems",
        "Rolls-Royce",
        "Babcock",
        "QinetiQ",
        "Roke",
        "Chemring",
        "Ultra Electronics",
        "Cobham",
        "Marshall Aerospace",
    ),
    "Italy": (
        "Leonardo",
        "Fincantieri",
        "Avio Aero",
        "Elettronica",
        "MBDA Italia",
        "Iveco Defence Vehicles",
        "Beretta",
    ),
    "France": (
        "Thales",
        "Safran",
        "Dassault Aviation",
        "Dassault",
        "Naval Group",
        "MBDA",
        "Nexter",
        "KNDS",
        "Arquus",
        "ArianeGroup",
        "Exail",
    ),
    "Germany": (
        "Rheinmetall",
        "Hensoldt",
        "ThyssenKrupp Marine Systems",
        "thyssenkrupp Marine Systems",
        "TKMS",
        "ThyssenKrupp",
        "thyssenkrupp",
        "Diehl Defence",
        "Krauss-Maffei Wegmann",
        "Heckler & Koch",
        "Renk",
        "MTU Aero Engines",
    ),
    "EU": ("Airbus", "Airbus Defence and Space", "Eurofighter", "European Defence Fund"),
    "Sweden": ("Saab", "Kockums"),
    "Norway": ("Kongsberg", "Nammo"),
    "Finland": ("Patria",),
    "Poland": ("PGZ", "Polska Grupa Zbrojeniowa", "WB Electronics"),
    "Spain": ("Indra", "Navantia"),
    "Netherlands": ("Damen",),
    "Czech Republic": ("Czechoslovak Group", "CSG"),
    "Belgium": ("FN Herstal", "John Cockerill"),
    "United States": (
        "Lockheed Martin",
        "Boeing",
        "RTX",
        "Raytheon",
        "Northrop Grumman",
        "General Dynamics",
        "L3Harris",
        "General Atomics",
        "Anduril",
    ),
    "South Korea": ("Hanwha", "Hyundai Rotem", "Korea Aerospace Industries", "KAI", "LIG Nex1"),
    "Australia": ("Austal", "ASC"),
}
COMPANIES: dict[str, str] = {name: country for country, names in _COMPANIES.items() for name in names}
COMPANY_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(c) for c in sorted(COMPANIES, key=len, reverse=True)) + r")(?![\w])"
)


def company_country(name: str) -> str | None:
    """The home country of a known defence firm named at the start of `name` ('Saab', 'Leonardo UK' -> Italy)."""
    m = COMPANY_RE.match(name)
    return COMPANIES[m.group(1)] if m else None


def in_europe_or_japan(party: str | None) -> bool:
    return bool(party) and (party == "Japan" or is_european(party))


# People of other countries who often stand beside Japan–Europe news: their side is general knowledge, and it keeps
# their words out of the tracker when the text names only their title ("President Joe Biden").
_NOTABLE = {
    "United States": (
        "Barack Obama",
        "Joe Biden",
        "Donald Trump",
        "Kamala Harris",
        "Mike Pence",
        "JD Vance",
        "Hillary Clinton",
        "John Kerry",
        "Rex Tillerson",
        "Mike Pompeo",
        "Antony Blinken",
        "Marco Rubio",
        "Chuck Hagel",
        "Ashton Carter",
        "Ash Carter",
        "Jim Mattis",
        "Mark Esper",
        "Lloyd Austin",
        "Pete Hegseth",
        "Jake Sullivan",
        "Mike Waltz",
        "John Bolton",
        "Rahm Emanuel",
        "Kurt Campbell",
        "Wendy Sherman",
        "Caroline Kennedy",
        "William Hagerty",
        "Bill Hagerty",
        "George Glass",
    ),
    "China": (
        "Xi Jinping",
        "Li Keqiang",
        "Li Qiang",
        "Wang Yi",
        "Qin Gang",
        "Dong Jun",
        "Wei Fenghe",
        "Li Shangfu",
        "Chang Wanquan",
        "Hu Jintao",
    ),
    "Russia": (
        "Vladimir Putin",
        "Dmitry Medvedev",
        "Sergei Lavrov",
        "Sergey Lavrov",
        "Sergei Shoigu",
        "Andrei Belousov",
        "Mikhail Mishustin",
        "Dmitry Peskov",
        "Maria Zakharova",
    ),
    "South Korea": (
        "Moon Jae-in",
        "Yoon Suk Yeol",
        "Yoon Suk-yeol",
        "Lee Jae-myung",
        "Park Geun-hye",
        "Han Duck-soo",
        "Cho Tae-yul",
        "Park Jin",
        "Chung Eui-yong",
        "Kang Kyung-wha",
        "Shin Won-sik",
        "Lee Jong-sup",
        "Kim Yong-hyun",
        "Cho Hyun",
        "Ahn Gyu-back",
        "Suh Wook",
    ),
    "North Korea": ("Kim Jong Un", "Kim Jong-un", "Kim Yo Jong", "Kim Yo-jong", "Choe Son Hui"),
    "Australia": (
        "Anthony Albanese",
        "Scott Morrison",
        "Malcolm Turnbull",
        "Tony Abbott",
        "Richard Marles",
        "Penny Wong",
        "Peter Dutton",
        "Marise Payne",
        "Linda Reynolds",
        "Pat Conroy",
        "Julie Bishop",
        "Christopher Pyne",
    ),
    "India": ("Narendra Modi", "Subrahmanyam Jaishankar", "S. Jaishankar", "Rajnath Singh", "Ajit Doval"),
    "Philippines": (
        "Ferdinand Marcos Jr.",
        "Ferdinand Marcos",
        "Bongbong Marcos",
        "Rodrigo Duterte",
        "Gilberto Teodoro",
        "Enrique Manalo",
        "Delfin Lorenzana",
    ),
    "Canada": (
        "Justin Trudeau",
        "Mark Carney",
        "M\u00e9lanie Joly",
        "Melanie Joly",
        "Anita Anand",
        "Bill Blair",
        "Chrystia Freeland",
    ),
    "Taiwan": ("Tsai Ing-wen", "Lai Ching-te", "William Lai"),
    "New Zealand": ("Jacinda Ardern", "Chris Hipkins", "Christopher Luxon", "Winston Peters", "Judith Collins"),
    "Indonesia": ("Joko Widodo", "Prabowo Subianto"),
    "Turkey": ("Recep Tayyip Erdo\u011fan", "Recep Tayyip Erdogan"),
    "Israel": ("Benjamin Netanyahu",),
}
NOTABLE: dict[str, str] = {name: country for country, names in _NOTABLE.items() for name in names}
