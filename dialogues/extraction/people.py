"""People in a section, as entities with all their mentions.

First the naming mentions, each giving a person and whatever the text says of them:

    NATO Secretary General Jens Stoltenberg              title before the name
    Boris Pistorius, Germany's defence minister,         apposition after it
    the Minister of Defence, Guido Crosetto,             title, comma, name
    Mr. HAYASHI Yoshimasa / Catherine COLONNA            family names in capitals (read as Yoshimasa Hayashi)
    "...," said Sebastian Maslow / Izawa said            a speaker named by a speech verb
    António Costa, President of the European Council     the name line under a quote; "Speaker:" lines

then every later mention is tied to one of them: the surname ("Pistorius"), an honorific or a title
with the surname ("Mr Stoltenberg", "Minister Crosetto"), the title alone ("the Secretary General",
"the defense minister", "Germany's defence minister" before the name is given) and pronouns ("he",
"she": the last person who was the subject of a sentence, of the same sex where known).

What the text does not say is inferred only from general knowledge: a government title with no
country takes Japan for a romanised Japanese name; a colleague shares a person's side, a counterpart
stands on the other.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .gazetteer import COMPANY_RE, GROUPS, NOTABLE, PARTIES, PARTY_RE, PARTY_WORDS, company_country, party_for
from .roles import (
    FEMALE,
    HEADS,
    HONORIFIC_RE,
    HONORIFICS,
    MALE,
    MODIFIERS,
    ORG_WORDS,
    RANKS,
    Role,
    has_head,
    japanese_name,
    parse_role,
    same_title,
)
from .wordlists import words

_CAP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# A word of a name: Capitalised (with hyphens and apostrophes: Kosiniak-Kamysz, O'Brien, MacGregor) or in capitals
WORD = (
    rf"(?:[{_CAP}]['\u2019][{_CAP}][{_LOW}]+|[{_CAP}][{_LOW}'\u2019]*[{_LOW}](?:[{_CAP}][{_LOW}]+)?(?:-[{_CAP}]?[{_LOW}]+)*"
    rf"|[{_CAP}]{{2,}}(?:-[{_CAP}]{{2,}})?|[{_CAP}]\.)"
)
PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|dos|das|le|la|bin|al|ter|ten|zu)"
RUN = re.compile(rf"(?<![\w'\u2019-]){WORD}(?:\s+(?:{PARTICLE}\s+)*{WORD})*(?![\w-])")
SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|noted|notes|explained|explains|stressed|stresses|insisted|insists|argued"
    r"|argues|warned|warns|continued|continues|wrote|writes|remarked|emphasized|emphasised|underlined|underscored"
    r"|pointed out|observed|commented|acknowledged|declared|announced|asserted|replied|recalled|believes"
    r"|put it|concluded|urged|cautioned|predicted|suggested|agreed|confirmed|maintained|reiterated|mentioned"
    r"|conceded|admitted|claimed|boasted|vowed|promised|summed up|welcomed"
)
SPEECH = re.compile(rf"^\s*(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?(?:{SPEECH_VERBS})\b")

# Capitalised words that never stand in a person's name.
NOT_NAME_WORDS = words(
    """
    The A An He She They It We I You But And Or In At On As By Both This That These Those Its Their His Her Our If
    When While After Before Since Only Also However Meanwhile Separately Additionally Elsewhere Earlier Later Instead
    Overall Previously Similarly Moreover Furthermore Nevertheless Still Yet Indeed Currently Recently Finally
    Against Amid Among Through Together Many Some Such
    Even Asked According From With Without For To Of Under Over Into There Here What Why How Who Where Which
    Welcoming Speaking Opening Closing Following During Despite Last Next Today Yesterday Tomorrow Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
    November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Summit Ministry Ministers Office Prefecture
    University Institute Center Centre Agency Council Commission Parliament Party Forces Force Army Navy Air Times
    Post News Press Daily Group Corp Company Ltd Inc Bank Fund Program Programme Pledge Dialogue Initiative
    Organization Organisation Directorate Division Department Bureau Committee Forum Studies Affairs Policy Alliance
    Union Pacific Atlantic North South East West Europe Asia Indo Defense Defence Security Industry Industrial State
    States Agreement Treaty Partnership Strategy Strategic Review Base Works Show Fair Sea Strait Ocean Island
    Islands Republic Kingdom Federal Self Systems Industries Electric Heavy Global Combat International National
    Joint Statement Declaration Plan Framework Acquisition Cross-Servicing Reciprocal Access Transfer Equipment
    Technology Information Convention Project Meeting Talks Consultations Session Conference Strike Carrier Command
    Headquarters Staff Cabinet Diet Government Embassy Mission Thank Thanks Please Yes No Q Photo Reuters Kyodo AFP
    AP Bloomberg Jiji Nikkei Minister Secretary President Prime Chancellor Ambassador General Admiral Chief Director
    Commissioner Deputy Vice Foreign Senior Envoy Spokesperson Spokesman Spokeswoman Representative Head Chairman
    Chair Governor Mayor King Queen Emperor Sir Lord Lady Dame Mr Mrs Ms Dr Prof Rt Hon MP Live Update Updates
    Breaking Exclusive Analysis Opinion Editorial Interview Keynote Speech Remarks Transcript Brief Background
    Reference Notes Editors Related Contact Media Page Top Home Back Print Share Read More Most Subscribe Newsletter
    Anchor Reporter Correspondent Host Narrator Moderator Question Answer Voice Officials Analysts Experts Sources
    Critics Diplomats Observers Leaders Executives Allies Allied Partners Delegates Lawmakers Officers Troops
    Soldiers Members Member Economic Space Cyber Maritime Naval Military Armed Royal Imperial Grand Overseas Street
    Palace House Hall Square Avenue Road Castle Tower Museum Memorial Park Airport Station Port Bay Harbour Harbor
    City Province County District Region Peninsula Canal River Mountain Building Exhibition Expo Games Cup Olympics
    Award Prize Quad Accord Clause Act Law Bill Indo-Pacific Euro-Atlantic Transatlantic Cold War World
    """
)
# Roles of the press: who writes or presents the news is not a participant in it.
MEDIA_ROLES = re.compile(
    r"(?i)\b(?:journalist|correspondent|reporter|anchor|presenter|editor|columnist|writer|"
    r"broadcaster|host|producer|photographer|commentator)\b"
)


@dataclass
class Person:
    name: str
    role: str = ""
    affiliation: str = ""
    country: str = ""
    aliases: set[str] = field(default_factory=set)
    sex: str = ""  # "m" / "f" where an honorific or a pronoun has said so
    described: bool = False  # the text gives a role, a speech verb or an honorific: a person, not a stray name

    @property
    def surname(self) -> str:
        words = self.name.split()
        return words[-1] if words else ""

    def as_report(self) -> dict:
        return {
            "name": self.name,
            "kind": "person",
            "role": self.role or None,
            "affiliation": self.affiliation or None,
            "country": self.country or None,
        }


@dataclass(frozen=True)
class Mention:
    start: int  # offsets in the page
    end: int
    person: Person
    how: str  # name | surname | title | pronoun
    subject: bool = False  # opens its clause, as the one who acts


def surnames(name: str) -> set[str]:
    """How a later mention may shorten a name: 'Rutte'; 'von der Leyen' and, opening a sentence, 'Von der Leyen'."""
    words = name.split()
    if not words:
        return set()
    found = {words[-1]}
    for i, word in enumerate(words[1:-1], start=1):
        if re.fullmatch(PARTICLE, word, re.I):  # 'von der Leyen', 'Le Drian'
            tail = " ".join(words[i:])
            found |= {tail, tail[0].upper() + tail[1:]}
            break
    return found


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def normal_name(words: list[str]) -> tuple[str, set[str]]:
    """'HAYASHI Yoshimasa' -> 'Yoshimasa Hayashi'; 'Catherine COLONNA' -> 'Catherine Colonna' (with the written form
    kept as an alias)."""
    written = " ".join(words)
    caps = [i for i, w in enumerate(words) if _is_caps(w) and not re.fullmatch(PARTICLE, w)]
    if not caps or len(caps) == len(words):
        if len(caps) == len(words):
            return " ".join(w.title() for w in words), {written}
        return written, set()
    titled = [w.title() if _is_caps(w) else w for w in words]
    if caps == [0] and len(words) == 2:
        titled = [titled[1], titled[0]]  # family name first, in capitals: the Japanese order of official texts
    return " ".join(titled), {written}


def _plausible_word(word: str) -> bool:
    return not (
        word in NOT_NAME_WORDS
        or party_for(word)
        or word.lower() in HEADS
        or word.lower() in HONORIFICS  # 'M. Le Drian'
        or word.endswith(("'s", "\u2019s"))
    )


# Nouns that end a title's portfolio ('Assistant Secretary General for Defence Investment').
TITLE_NOUNS = words(
    """
    investment innovation planning operations capabilities capability armaments armament industries exports export
    production readiness resilience development intelligence training personnel infrastructure energy health
    education transport finance budget legal audit """
)


POST_NOMINALS = {"MP", "MEP", "QC", "KC", "OBE", "CBE", "KBE", "MBE", "Jr", "Jr.", "Sr", "Sr.", "III", "II", "PhD"}


def split_run(run: str) -> tuple[str, list[str]]:
    """A capitalised run into its title part and the name at its end: 'NATO Secretary General Jens Stoltenberg'
    -> ('NATO Secretary General', ['Jens', 'Stoltenberg']); letters after a name ('MP') are dropped."""
    words = run.split()
    while len(words) > 1 and words[-1] in POST_NOMINALS:
        words.pop()
    name: list[str] = []
    for word in reversed(words):
        if re.fullmatch(PARTICLE, word, re.I) and name:  # 'von der Leyen', 'Le Drian'
            name.insert(0, word)
            continue
        if not _plausible_word(word.rstrip(".")) or word.lower() in MODIFIERS:
            break
        if len([w for w in name if not re.fullmatch(PARTICLE, w)]) >= 4:
            break
        name.insert(0, word)
    while name and re.fullmatch(PARTICLE, name[0]):
        name.pop(0)
    core = [w for w in name if not re.fullmatch(PARTICLE, w, re.I)]
    if (
        len(core) == 3
        and len(words) > len(name)
        and not re.fullmatch(PARTICLE, name[1])
        and name[0].lower() in MODIFIERS | TITLE_NOUNS  # not 'Anders Fogh Rasmussen', 'Yoon Suk Yeol'
    ):
        name = name[1:]  # 'Defence Investment Ingrid Vasquez-Holm': a title's last word runs into the name
    title = " ".join(words[: len(words) - len(name)])
    return title, name


_ORG_TAIL = re.compile(ORG_WORDS.pattern + r"|\b(?:Base|Works|Show|Fair|Group|Sea|Strait|Force|Forces)\b")


class People:
    """The people of one section and where each is mentioned."""

    def __init__(self):
        self.people: list[Person] = []
        self.mentions: list[Mention] = []
        self._starts: list[int] = []
        self.friend: Person | None = None  # the colleague an answer in Parliament calls 'my Rt Hon Friend'
        self.speaker: Person | None = None  # who says 'I': a speech's speaker, an opinion piece's writer

    # -- entities ----------------------------------------------------------
    def find(self, name: str) -> Person | None:
        name = " ".join(w.title() if _is_caps(w) and len(w) > 3 else w for w in name.split())
        for person in self.people:
            if name == person.name or name in person.aliases:
                return person
        words = name.split()
        if len(words) > 1:
            for person in self.people:  # 'Kaja Kallas' fills in an earlier 'Kallas'
                if " " not in person.name and person.name == words[-1]:
                    return person
        return None

    def add(self, words: list[str], role: Role | None = None) -> Person:
        name, written = normal_name(words)
        person = self.find(name) or next((self.find(w) for w in written if self.find(w)), None)
        if person is None:
            person = Person(name)
            self.people.append(person)
        if " " not in person.name and " " in name:
            person.aliases.add(person.name)
            person.name = name  # 'Kallas' is 'Kaja Kallas' once the article says so
        person.aliases |= {name, *written, *surnames(name)}
        if role:
            self.enrich(person, role)
        return person

    @staticmethod
    def enrich(person: Person, role: Role):
        """Fill what is missing; a fuller title ('Ambassador to NATO') replaces a bare one ('Ambassador')."""
        person.described = True
        if role.role and (not person.role or person.role.lower() in role.role.lower()):
            person.role = role.role
        if role.affiliation and not person.affiliation:
            person.affiliation = role.affiliation
        if role.country and not person.country:
            person.country = role.country

    # -- mentions ----------------------------------------------------------
    def mention(self, start: int, end: int, person: Person, how: str, subject: bool = False):
        i = bisect_right(self._starts, start)
        if i and self.mentions[i - 1].start == start:
            return
        self._starts.insert(i, start)
        self.mentions.insert(i, Mention(start, end, person, how, subject))

    def at(self, start: int, end: int) -> Person | None:
        """The person mentioned within [start, end), the last one if several."""
        i = bisect_right(self._starts, end - 1)
        while i:
            m = self.mentions[i - 1]
            if m.start < start:
                return None
            if m.end <= end:
                return m.person
            i -= 1
        return None

    def first_in(self, start: int, end: int) -> Person | None:
        """The first person mentioned within [start, end)."""
        i = bisect_right(self._starts, start - 1)
        if i < len(self.mentions) and self.mentions[i].end <= end:
            return self.mentions[i].person
        return None

    def before(self, position: int, *, subject_only=False, sex="", floor: int = 0) -> Person | None:
        """The person last mentioned before `position` (and after `floor`): for a pronoun, the last who acted."""
        i = bisect_right(self._starts, position - 1)
        for m in reversed(self.mentions[:i]):
            if m.start < floor:
                return None
            if subject_only and not m.subject and m.how != "pronoun":
                continue
            if sex and m.person.sex and m.person.sex != sex:
                continue
            return m.person
        return None

    def first_named(self) -> Person | None:
        return next((m.person for m in self.mentions if m.how == "name"), None)

    def by_title(self, title: str, affiliation: str, position: int, floor: int = 0) -> Person | None:
        """The person a title alone stands for: the last one before with that title (and side), else the only one."""
        fits = [p for p in self.people if p.role and same_title(p.role, title) and _same_side(p, affiliation)]
        if not fits:
            return None
        ids = {id(p) for p in fits}
        i = bisect_right(self._starts, position - 1)
        for m in reversed(self.mentions[:i]):
            if m.start >= floor and id(m.person) in ids:
                return m.person
        for m in self.mentions[i:]:
            if m.start - position > 600:
                break
            if id(m.person) in ids:
                return m.person  # named just after: "Germany's defence minister said" before "Boris Pistorius, ..."
        return None


def _same_side(person: Person, affiliation: str) -> bool:
    return not affiliation or affiliation in (person.affiliation, person.country)


# -- finding people -------------------------------------------------------------------------------------------------

_TITLE_LEFT = re.compile(
    r"(?P<lead>(?:(?:[A-Z][\w.&'\u2019-]*['\u2019]s?|[a-z\u00df-\u00ff][\w'-]*|of|for|to|the|and|on|[A-Z][\w.&-]*)\s+){0,8})$"
)
_APPOSITION = re.compile(
    r"^\s*(?:,|\s[\u2014\u2013]|\()\s*+(?!(?:one|two|some|several|many|most|all|each|both|other)\s)"
    r"(?!(?:met|meets|visited|held|signed|agreed|said|told|added|welcomed|thanked|urged|called|announced|spoke|"
    r"accompanied|joined|flanked|speaking|standing|writing|flying|arriving|"
    r"praised|stressed|noted|stated|emphasised|emphasized|confirmed)\b)"
    r"(?P<role>(?:(?:the|a|an|then|now|also|currently|former|who)\s+)?"
    r"[^,;:()\"\u201c\u201d\u2014\u2013]{3,140}?)\s*(?=,|;|\)|\(|\.(?:\s|$)|$|\s[\u2014\u2013]|\s+(?:said|says|told|"
    r"has|had|have|is|was|will|would|also|who)\b|\s+and\s+(?:Mr|Ms|Mrs|Dr|H\.E|Sir|(?!(?:Foreign|Defen[cs]e|Security|"
    r"Trade|Industry|Economy|Europe|European|State|Armed|National|International|Home|Interior|Justice|Digital|"
    r"Science|Technology|Space|Affairs|Development|Commonwealth)\b)[A-Z][\w'-]+\s+[A-Z]|the\s+[a-z]|[a-z]+(?:ed|s)\b))"
)
_IS_ROLE = re.compile(r"^\s+(?:is|was|serves as)\s+(?P<role>(?:the|a|an)\s+[^.;,]{3,100}?)\s*(?=[.;,]|$)")
_SERVES = re.compile(r"^\s*,\s*(?P<role>who\s+[^,;.]{3,120}),")
_PREPOSITIONS = words(
    """
    to with by from for of at about than like against on under between among toward towards into onto via met meet
    meets visited thanked told congratulated welcomed called and
    """
)
_CLAUSE_OPENERS = re.compile(r"(?:^|[.;:!?]\s+|,\s+(?:and|but|while|whereas)\s+|\b(?:and|but|while|where|when)\s+)$")


def _left_words(text: str, at: int, n: int = 3) -> list[str]:
    return re.findall(r"[\w'\u2019-]+", text[max(0, at - 60) : at])[-n:]


def _title_before(text: str, at: int, inner_title: str) -> str:
    """The whole title before a name: its capitalised part (inner_title) and the words leading to it
    ("Britain's new", "trade", "US")."""
    m = _TITLE_LEFT.search(text[max(0, at - 120) : at])
    lead = m.group("lead") if m else ""
    words = lead.split()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.rstrip(",")
        lowered = bare.lower()
        possessive = re.sub(r"['\u2019]s?$", "", bare)
        if word.endswith(","):
            break
        if (
            lowered in MODIFIERS
            or lowered in HEADS
            or party_for(bare)
            or (
                bare != possessive
                and (party_for(possessive) or COMPANY_RE.fullmatch(possessive) or possessive[:1].isupper())
            )
        ):
            kept.insert(0, bare)
            continue
        if lowered in ("of", "for", "to", "and", "on") and kept:
            kept.insert(0, bare)
            continue
        if bare.isupper() and 1 < len(bare) <= 6 and kept and kept[0].lower() in HEADS:
            kept.insert(0, bare)  # 'NHK journalist': the employer's acronym
        break
    while kept and kept[0].lower() in ("of", "for", "to", "and", "on", "the"):
        kept.pop(0)
    return " ".join([*kept, inner_title]).strip()


_VERB_AFTER = re.compile(
    r"^(?:[A-Z][\w'\u2019-]*\s+)*?(?:\s*,[^,;]{1,140},)?\s+(?:also\s+|later\s+|then\s+|now\s+|has\s+|had\s+|have\s+|"
    r"will\s+|would\s+|could\s+|can\s+|did\s+|does\s+|was\s+|is\s+)?(?:[a-z]+(?:ed|es)|said|told|met|made|took|"
    r"gave|won|went|came|saw|spoke|wrote|held|led|set|put|sent|left|kept|began|signed|agreed|says|meets|holds|"
    r"visits|tours|toured|welcomes|calls|urges|warns|notes|adds|stresses|expects|hopes|wants|plans|aims)\b"
)


def _is_subject(text: str, at: int, end: int | None = None) -> bool:
    """Does a mention at `at` open its clause or carry its verb (and so act), rather than follow a preposition?"""
    before = text[max(0, at - 80) : at]
    before = re.sub(
        r"(?:(?:[A-Z][\w.'\u2019-]*|[a-z]+(?:-[a-z]+)?)\s+)*$", lambda m: _strip_title_words(m.group(0)), before
    )
    words = re.findall(r"[\w'\u2019]+", before)
    if words and re.fullmatch(rf"(?:{SPEECH_VERBS})", words[-1].lower()):
        return True  # '..., said Sebastian Maslow': the one speaking
    if words and words[-1].lower() in _PREPOSITIONS:
        return False
    if end is not None and _VERB_AFTER.match(text[end:]):
        return True
    return bool(_CLAUSE_OPENERS.search(before.rstrip() + (" " if before.strip() else ""))) or not before.strip()


def _strip_title_words(run: str) -> str:
    words = run.split()
    while words and (
        words[-1].lower() in MODIFIERS
        or words[-1].lower() in HEADS
        or party_for(words[-1])
        or re.sub(r"['\u2019]s$", "", words[-1]) != words[-1]
    ):
        words.pop()
    return " ".join(words) + (" " if words else "")


def find_people(people: People, text: str, offset: int, *, caption: bool = False):
    """Add the people a sentence names with a title, an apposition, an honorific or a speech verb."""
    for m in RUN.finditer(text):
        inner_title, name = split_run(m.group(0))
        if not name or _SHIP.search(text[max(0, m.start() - 8) : m.start() + 8]):
            continue  # 'HMS Queen Elizabeth', 'JS Kaga': a ship
        # the name's last occurrence in the run, whatever the spaces between its words ("Gen  Nakatani")
        at = list(re.finditer(r"\s+".join(map(re.escape, name)), m.group(0)))
        if not at:
            continue
        name_start, name_end = m.start() + at[-1].start(), m.start() + at[-1].end()
        honorific = HONORIFIC_RE.search(text[max(0, name_start - 20) : name_start])
        honorific = honorific if honorific and honorific.end() == min(20, name_start) else None
        rank = re.search(rf"{RANKS}\s+$", text[max(0, name_start - 30) : name_start])
        title = _title_before(text, m.start(), inner_title) if inner_title else _title_before(text, name_start, "")
        after = text[name_end:]
        after = re.sub(r"^\s+(?:" + "|".join(re.escape(w) for w in POST_NOMINALS) + r")\b", "", after)
        role = parse_role(title) if title and has_head(title) else None
        if role and _RELATION.fullmatch(role.role):
            role = Role("", role.affiliation, role.country)  # 'his British counterpart': a side, not a title
        if rank and not role:
            role = Role(rank.group(0).strip())
        if not role and re.search(r",\s*$", text[: m.start()]) and re.match(r"^\s*(?:,|\.|;|$)", after):
            # 'the Minister of Defence, Guido Crosetto,' / 'his Dutch counterpart, Dick Schoof,': title, comma, name
            comma = text[: m.start()].rstrip().rstrip(",") + " "
            before_title = _title_before(comma, len(comma), "")
            if before_title and has_head(before_title):
                role = parse_role(before_title)
                if role and _RELATION.fullmatch(role.role):
                    role = Role("", role.affiliation, role.country)
        apposition = (
            _SERVES.match(after)
            or _APPOSITION.match(after)
            or (_IS_ROLE.match(after) if not text[: m.start()].strip() else None)  # 'Hayashi is the minister ...'
        )
        appositive = parse_role(apposition.group("role")) if apposition else None
        if (
            appositive
            and (not role or not role.affiliation or not role.role)
            and _appositive_fits(appositive, apposition, after)
        ):
            role = _merge(role, appositive)
        speaking = bool(
            SPEECH.match(after)
            or re.search(rf"\b(?:{SPEECH_VERBS}|according to)\s+$", text[max(0, name_start - 30) : name_start])
        )
        if len(name) == 1 and not (role or honorific) and not people.find(name[0]):
            continue  # a lone capitalised word is a person only when the text says so
        if _ADDRESS.search(text[max(0, name_end - 60) : name_end]):
            continue  # 'my Rt Hon Friend': Parliament's way of naming a colleague, not a name
        if not (honorific or inner_title) and re.search(r"\b(?:in|at|from|to|near|via|outside)\s+$", text[: m.start()]):
            continue  # 'Back in Koblenz, one German official ...': a place
        if len(name) == 1 and title and (ORG_WORDS.search(title) or title.split()[-1].lower() in ("of", "for", "to")):
            continue  # 'Directorate General for Armament': the end of an organisation's name
        if len(name) == 1 and _is_caps(name[0]):
            continue  # 'JAIEC', 'NATO': an acronym, not a surname
        if _ORG_TAIL.search(" ".join(name)) or COMPANY_RE.fullmatch(" ".join(name)) or ORG_WORDS.search(m.group(0)):
            continue  # 'Directorate General for Armament': an organisation's name
        known = people.find(" ".join(name)) or people.find(normal_name(name)[0])
        if not (role or honorific or speaking or known):
            continue
        if caption and not known:
            continue  # a caption spells out someone the article names; its own subjects are not the story
        person = people.add(name, role)
        if honorific:
            person.described = True
            word = honorific.group(0).split()[-1].rstrip(".").lower()
            person.sex = person.sex or ("f" if word in FEMALE else "m" if word in MALE else "")
        if speaking:
            person.described = True
        people.mention(offset + name_start, offset + name_end, person, "name", _is_subject(text, m.start(), name_end))


_SHIP = re.compile(r"\b(?:HMS|HMAS|HMCS|HMNZS|JS|USS|USNS|FGS|ITS|FS|HNLMS|HDMS|HSwMS|KNM|ORP|SPS|NRP|ROKS|INS)\s")
_RELATION = re.compile(r"(?i)(?:counterparts?|colleagues?|partners?|envoys?)")
# Parliament's forms of address: 'my right hon. Friend', 'the hon. Member for Wealden', 'my hon. and gallant Friend'.
_ADDRESS = re.compile(
    r"(?i:\b(?:my|the|your)\s+(?:(?:rt\.?|right)\s+)?hon(?:ourable|\.)?\s+(?:and\s+(?:gallant|learned)\s+)?)"
    r"(?:Friend|Member|Lady|Gentleman)\b"
)


def complete_names(people: People, sentences: list[tuple[str, int]]):
    """'Mr Sunak' and 'Sunak said' make a person; a bare 'Rishi Sunak' elsewhere gives his whole name."""
    singles = {p.name: p for p in people.people if " " not in p.name}
    if not singles:
        return
    for text, offset in sentences:
        for m in RUN.finditer(text):
            _, name = split_run(m.group(0))
            if len(name) >= 2 and name[-1] in singles and all(_plausible_word(w) for w in name):
                person = people.add(name)
                people.mention(
                    offset + m.end() - len(" ".join(name)),
                    offset + m.end(),
                    person,
                    "name",
                    _is_subject(text, m.end() - len(" ".join(name))),
                )


def _title_words_out(text: str) -> str:
    """The phrase with title words and parties blanked, to see whether a name hides in it."""
    return " ".join(
        "_" if w.lower() in MODIFIERS or w.lower() in HEADS or party_for(w.rstrip("'s\u2019")) else w
        for w in text.split()
    )


def _appositive_fits(role: Role, m: re.Match, after: str) -> bool:
    """An apposition describes the name before it when it holds a title near its start."""
    return has_head(" ".join(role.role.split()[:8])) and not re.match(r"^\s*,\s*(?:and|but|or)\b", after)


def _merge(first: Role | None, second: Role) -> Role:
    if first is None or not first.role:
        return Role(
            second.role,
            (first and first.affiliation) or second.affiliation,
            (first and first.country) or second.country,
        )
    return Role(first.role or second.role, first.affiliation or second.affiliation, first.country or second.country)


# -- later mentions -------------------------------------------------------------------------------------------------

_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)\b")
_DESCRIPTOR = re.compile(
    r"\b(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|(?P<owner>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['\u2019]s)\s+"
    r"(?P<title>(?:(?:[A-Za-z][\w-]*)\s+){0,4}?(?i:" + "|".join(sorted(HEADS, key=len, reverse=True)) + r"))\b"
    r"(?!\s+(?:[A-Z][a-z]|of\s+[A-Z]|[Gg]eneral\b)|-)"
)


def find_mentions(people: People, text: str, offset: int, floor: int = 0):
    """Tie a sentence's surnames, titles alone and pronouns to the people already known (a title or a pronoun to
    someone mentioned since `floor`, the start of its passage)."""
    if not people.people:
        return
    aliases = {a for p in people.people for a in p.aliases | {p.name} if a}
    aliases = sorted(aliases | {a.upper() for a in aliases}, key=len, reverse=True)  # 'Minister NAKATANI said'
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])")
    for m in pattern.finditer(text):
        person = people.find(m.group(1))
        if person:
            people.mention(
                offset + m.start(), offset + m.end(), person, "surname", _is_subject(text, m.start(), m.end())
            )
    for m in _DESCRIPTOR.finditer(text):
        title = m.group("title")
        if not has_head(title.split()[-1]) or title.lower().endswith(("officials", "ministers")):
            continue
        if m.group("det").lower() in ("his", "her", "their") and not re.search(r"counterpart|colleague", title, re.I):
            continue
        owner = m.group("owner") or ""
        side = party_for(owner) or ""
        if re.search(r"counterpart", title, re.I):
            continue  # the other side's holder of the same office: read with the names it introduces
        if owner and not side and not COMPANY_RE.fullmatch(owner):
            continue
        lead = PARTY_RE.match(title)
        if lead:
            side = side or party_for(lead.group(1)) or ""
        person = people.by_title(title, side, offset + m.start(), floor)
        if person is None and m.group("det") == "The" and m.start() == 0:
            # 'The Prime Minister, the first British leader to visit ...': a title nobody holds yet opens a sentence
            # about the one the last sentence was about
            person = people.before(offset, subject_only=True, floor=floor)
            if person is not None and not person.role:
                appositive = _APPOSITION.match(text[m.end() :])
                described = parse_role(appositive.group("role")) if appositive else None
                people.enrich(
                    person,
                    Role(
                        title,
                        side or (described.affiliation if described else ""),
                        side or (described.country if described else ""),
                    ),
                )
            else:
                person = None
        if person:
            people.mention(offset + m.start(), offset + m.end(), person, "title", _is_subject(text, m.start(), m.end()))
    for m in _ADDRESS.finditer(text):
        named = people.first_in(offset + m.end(), offset + min(len(text), m.end() + 90))
        if named is not None:  # 'my Rt Hon Friend the Secretary of State for Defence, John Healey'
            people.friend = named
        elif people.friend is not None:  # 'As my Rt Hon Friend said': the colleague named so before
            people.mention(
                offset + m.start(), offset + m.end(), people.friend, "title", _is_subject(text, m.start(), m.end())
            )
    if people.speaker is not None:  # a speech or an opinion piece: 'I' is its author ('Cameron and I agreed')
        for m in re.finditer(r"\b(?:I|me|my|myself)\b", text):
            people.mention(
                offset + m.start(), offset + m.end(), people.speaker, "pronoun", _is_subject(text, m.start(), m.end())
            )
    for m in _PRONOUN.finditer(text):
        sex = "m" if m.group("p").lower() == "he" else "f"
        at = offset + m.start()
        person = people.before(at, subject_only=True, sex=sex, floor=floor) or people.before(at, sex=sex, floor=floor)
        if person:
            person.sex = person.sex or sex
            people.mention(at, offset + m.end(), person, "pronoun", _is_subject(text, m.start()))


def infer_sides(people: People, sentences: list[tuple[str, int]]):
    """Affiliations the text leaves implicit: 'his British counterpart Rishi Sunak', 'his colleague Pat Conroy',
    a government title held by someone with a Japanese name, or the one party a person's sentence names."""
    for text, offset in sentences:
        for m in re.finditer(
            r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?P<adj>[A-Z][\w-]*\s+)?(?P<rel>counterparts?|colleagues?)\b", text
        ):
            named = people.at(offset + m.end(), offset + m.end() + 60)
            other = people.before(offset + m.start(), subject_only=True)
            if not named or not other or named is other:
                continue
            if m.group("rel").startswith("colleague") and not named.affiliation:
                named.affiliation, named.country = other.affiliation, other.country
            if m.group("rel").startswith("counterpart"):
                side = party_for((m.group("adj") or "").strip())
                if side and not named.affiliation:
                    named.affiliation = side
                    named.country = side if PARTIES[side].kind == "government" else ""
                if not named.role and other.role:
                    named.role = other.role
        for m in re.finditer(r"\b(?:on|for|from) the (?P<adj>[A-Z][\w-]*) side\b", text):
            side = party_for(m.group("adj"))  # '... and Jean-Yves Le Drian on the French side'
            clause = text.rfind(";", 0, m.start()) + 1
            for mention in people.mentions:
                if side and offset + clause <= mention.start < offset + m.start() and not mention.person.affiliation:
                    mention.person.affiliation = side
                    mention.person.country = side if PARTIES[side].kind == "government" else ""
    for person in people.people:
        known = NOTABLE.get(person.name)
        if known and (not person.affiliation or person.affiliation in PARTIES):
            person.affiliation = person.country = known
        if not person.affiliation and person.role and US_TITLES.search(person.role):
            person.affiliation = person.country = "United States"
        if not person.affiliation and person.role and UK_TITLES.search(person.role):
            person.affiliation = person.country = "UK"
        if japanese_name(person.name) and (not person.role or _government(person.role)):
            if not person.affiliation:
                person.affiliation = "Japan"
            person.country = person.country or "Japan"  # 'Deputy Commissioner of the Acquisition, Technology ...'
        if not person.affiliation and person.role:
            office = next((org for title, org in OFFICES if title.search(person.role)), "")
            if office and any(re.search(rf"\b{office}\b", text) for text, _ in sentences):
                person.affiliation = office  # a Secretary General in an article about NATO is NATO's
        if not person.affiliation and person.role and _government(person.role):
            side = _only_country_near(people, person, sentences)
            if side:  # 'Abe opened the tour in Estonia. After talks with Prime Minister Jüri Ratas, ...'
                person.affiliation = person.country = side


_IN_PLACE = re.compile(r"\b(?:[Ii]n|[Tt]o|[Aa]t)\s+(" + PARTY_WORDS + r")\b")


def _only_country_near(people: People, person: Person, sentences: list[tuple[str, int]]) -> str | None:
    """The one country other than Japan named in the sentence a person is first named in, or the one before."""
    first = next((m.start for m in people.mentions if m.person is person), None)
    at = next((i for i, (text, offset) in enumerate(sentences) if offset <= (first or -1) < offset + len(text)), None)
    if at is None:
        return None
    found = set()
    for text, _ in sentences[max(0, at - 1) : at + 1]:  # named as the place: 'in Estonia', 'In Vilnius'
        found |= {party_for(m.group(1)) for m in _IN_PLACE.finditer(text)}
    found = {p for p in found if p in PARTIES and p != "Japan" and PARTIES[p].kind == "government"}
    return found.pop() if len(found) == 1 else None


# Titles only the United States gives ('Secretary of State', 'Secretary of Defense').
US_TITLES = re.compile(r"(?i)^(?:U\.?S\.? )?secretary of (?:state|defen[cs]e|war|homeland security|the navy|the army)$")
# 'Secretary of State for Defence': a British Cabinet title.
UK_TITLES = re.compile(r"(?i)^(?:(?:deputy|parliamentary under-?|minister of state and) )?secretary of state for\b")
# Offices that belong to one organisation, when the article names it.
OFFICES = [
    (re.compile(r"(?i)\b(?:deputy |assistant )?secretary[- ]general\b"), "NATO"),
    (re.compile(r"(?i)\bhigh representative\b|\bcommissioner\b|\bpresident of the european\b"), "EU"),
]
_GOVERNMENT = re.compile(
    r"\b(?:minister|secretary|ambassador|envoy|prime|president|chancellor|premier|official|diplomat|spokesperson|"
    r"spokesman|spokeswoman|commissioner|lawmaker|senator|governor|admiral|general|commander|vice-minister)\b",
    re.I,
)


def _government(role: str) -> bool:
    return bool(_GOVERNMENT.search(role))


def group_parties(text: str) -> list[str]:
    from .gazetteer import GROUP_RE

    return [p for m in GROUP_RE.finditer(text) for p in GROUPS[m.group(1)]]


def person_country(person: Person) -> str:
    if person.country:
        return person.country
    if person.affiliation in PARTIES:
        return person.affiliation
    return company_country(person.affiliation) or ""
