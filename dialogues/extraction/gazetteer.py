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
_add("Japan", "government", "japan", "Government of Japan", "Japan", "Japanese", "Tokyo")
_add(
    "NATO",
    "organisation",
    "europe",
    "North Atlantic Treaty Organization",
    "NATO",
    "North Atlantic Treaty Organization",
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
    "European External Action Service",
)
_add("UK", "government", "europe", "United Kingdom", "UK", "U.K.", "United Kingdom", "Britain", "British", "London")
_add("France", "government", "europe", "", "France", "French", "Paris")
_add("Germany", "government", "europe", "", "Germany", "German", "Berlin")
_add("Italy", "government", "europe", "", "Italy", "Italian", "Rome")
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
_add("Greece", "government", "europe", "", "Greece", "Greek", "Athens")
_add("Portugal", "government", "europe", "", "Portugal", "Portuguese", "Lisbon")
_add("Romania", "government", "europe", "", "Romania", "Romanian", "Bucharest")
_add("Ukraine", "government", "europe", "", "Ukraine", "Ukrainian", "Kyiv", "Kiev")
_add("Switzerland", "government", "europe", "", "Switzerland", "Swiss", "Bern")
_add("Austria", "government", "europe", "", "Austria", "Austrian", "Vienna")
_add("Ireland", "government", "europe", "", "Ireland", "Irish", "Dublin")
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
)
_add("China", "government", "other", "", "China", "Chinese", "Beijing")
_add("Russia", "government", "other", "", "Russia", "Russian", "Moscow", "Kremlin")
_add("South Korea", "government", "other", "", "South Korea", "South Korean", "Seoul", "Republic of Korea")
_add("North Korea", "government", "other", "", "North Korea", "North Korean", "Pyongyang")
_add("Philippines", "government", "other", "", "Philippines", "Philippine", "Filipino", "Manila")
_add("Australia", "government", "other", "", "Australia", "Australian", "Canberra")
_add("India", "government", "other", "", "India", "Indian", "New Delhi")
_add("Canada", "government", "other", "", "Canada", "Canadian", "Ottawa")
_add("Taiwan", "government", "other", "", "Taiwan", "Taiwanese", "Taipei")
_add("Singapore", "government", "other", "", "Singapore", "Singaporean")
_add("Indonesia", "government", "other", "", "Indonesia", "Indonesian", "Jakarta")
_add("Vietnam", "government", "other", "", "Vietnam", "Vietnamese", "Hanoi")
_add("New Zealand", "government", "other", "", "New Zealand", "Wellington")

PARTIES: dict[str, Party] = {name: party for name, (party, _) in _PARTIES.items()}
# "Brussels" hosts both NATO and the EU: which one it means depends on the article.
BRUSSELS = "Brussels"

_WORD_TO_PARTY = {word: name for name, (_, words) in _PARTIES.items() for word in words}
_WORD_TO_PARTY[BRUSSELS] = BRUSSELS
PARTY_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(w) for w in sorted(_WORD_TO_PARTY, key=len, reverse=True)) + r")(?![\w])"
)
# "NATO member states", "EU nations", "European NATO members": the members are meant, not the body.
MEMBERS_AFTER = re.compile(r"^['\u2019]?s?\s+(member|members|member states|nations|allies|countries)\b", re.I)


def party_for(word: str) -> str | None:
    return _WORD_TO_PARTY.get(word)


def is_european(name: str) -> bool:
    party = PARTIES.get(name)
    return bool(party and party.region == "europe")


# Head words of titles ("Ambassador", "Secretary-General", "foreign policy chief", "associate professor").
TITLE_HEADS = (
    "ambassador",
    "envoy",
    "secretary-general",
    "secretary general",
    "secretary",
    "minister",
    "prime minister",
    "president",
    "vice president",
    "vice-president",
    "chancellor",
    "chief",
    "head",
    "director",
    "director-general",
    "commissioner",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "high representative",
    "admiral",
    "general",
    "chairman",
    "chair",
    "chairwoman",
    "governor",
    "mayor",
    "deputy",
    "undersecretary",
    "state secretary",
    "official",
    "officer",
    "diplomat",
    "professor",
    "associate professor",
    "researcher",
    "senior researcher",
    "fellow",
    "senior fellow",
    "analyst",
    "lecturer",
    "executive",
    "ceo",
    "founder",
    "king",
    "queen",
    "emperor",
    "lawmaker",
    "senator",
    "member",
    "adviser",
    "advisor",
    "counselor",
    "expert",
    "scholar",
    "economist",
)
HONORIFIC = re.compile(r"^(Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Gen|Adm|Col|Lt|Maj|Capt)\.?$")
