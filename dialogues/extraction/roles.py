"""Titles and roles: the words that make one ("Secretary General", "defence minister", "country manager"),
honorifics and ranks that stand before names, and the reading of a role phrase into role, affiliation
and country:

    Germany's defence minister                      -> defence minister, Germany, Germany
    President of the European Council               -> President of the European Council, EU
    managing director of the British firm Roke      -> managing director, Roke, UK
    Ambassador of Italy to Japan                    -> Ambassador to Japan, Italy, Italy
    who heads the space business at Mitsubishi...    -> head of the space business, Mitsubishi..., Japan
"""

import re
from dataclasses import dataclass

from .gazetteer import COMPANY_RE, PARTIES, PARTY_RE, company_country, party_for
from .wordlists import words

# Nouns that head a role.
HEADS = words(
    """
    ambassador envoy secretary-general secretary minister premier president chancellor chief head director
    director-general commissioner spokesperson spokesman spokeswoman representative chairman chair chairwoman
    chairperson governor mayor deputy undersecretary under-secretary official officer diplomat professor researcher
    fellow analyst lecturer executive ceo cto coo founder king queen emperor lawmaker senator mp adviser advisor
    counsellor counselor expert scholar economist manager journalist correspondent reporter editor commander attaché
    attache consul delegate negotiator coordinator leader vice-minister admiral general envoys counterpart colleague
    partner principal dean councillor legislator parliamentarian sherpa marshal colonel major captain brigadier
    lieutenant ministre ministro ministra ministerin bundesminister bundesministerin bundeskanzler bundeskanzlerin
    staatssekretär staatssekretärin président présidente presidente
    """
)
# Words that stand inside a role, before or between its heads.
MODIFIERS = words(
    """
    prime foreign defence defense deputy vice state senior junior chief executive assistant associate acting former
    top treasury economic economy finance trade industry industrial policy affairs national principal lead visiting
    research permanent special general high security parliamentary political military country managing regional
    programme program project technical science technology space armed forces procurement equipment acquisition
    logistics cabinet press first second air naval navy army joint staff operating financial marketing sales
    business international external internal home interior justice digital cyber communications strategic strategy
    division department bureau unit group ministry defence-industry defense-industry defence-industrial
    defense-industrial under of for the and to & global european ministerial engineering public relations
    representative nominee designate then outgoing incoming new current
    des de la du le affaires étrangères défense armées l'europe der verteidigung auswärtigen difesa esteri degli
    della defensa exteriores
    """
)
MULTI_HEADS = (
    "prime minister",
    "secretary general",
    "secretary-general",
    "chief executive",
    "managing director",
    "director general",
    "director-general",
    "high representative",
    "state secretary",
    "vice president",
    "vice-president",
    "chief of staff",
    "national security adviser",
    "national security advisor",
    "foreign secretary",
    "defence secretary",
    "defense secretary",
    "home secretary",
    "chief cabinet secretary",
    "state minister",
    "vice-minister",
    "vice minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "policy chief",
    "press secretary",
)
HONORIFICS = words(
    """
    mr mrs ms miss mx dr prof sir dame lord lady h.e he hon rt madam monsieur mme herr frau signor signora m
    """
)
FEMALE = {"mrs", "ms", "miss", "dame", "lady", "madam", "mme", "frau", "signora"}
MALE = {"mr", "sir", "lord", "monsieur", "herr", "signor", "m"}
RANKS = (
    r"(?:Air\s+Chief\s+Marshal|Air\s+Vice[- ]Marshal|Air\s+Marshal|Field\s+Marshal|Vice\s+Admiral|Rear\s+Admiral|"
    r"Admiral|Adm\.|Lieutenant\s+General|Lt\.?\s+Gen\.?|Lt\.?\s+Col\.?|Lieutenant\s+Colonel|Major\s+General|"
    r"Maj\.?\s+Gen\.?|Brigadier(?:\s+General)?|General|Gen\.|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|"
    r"Commander|Cmdr\.|Commodore)"
)
HONORIFIC_RE = re.compile(
    r"(?:(?:The\s+)?Rt\.?\s+Hon\.?\s+|H\.\s?E\.\s+|(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Madam|Mme|"
    r"Monsieur|Herr|Frau)\.?\s+|M\.\s+(?=[A-Z]))+"  # 'M. Le Drian': the French Monsieur
)
_HEAD_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in sorted(set(MULTI_HEADS) | HEADS, key=len, reverse=True)) + r")\b",
    re.I,
)
# Synonyms a later mention may use for a title ("the envoy" for an ambassador, "the premier" for a prime minister).
SYNONYMS = {
    "envoy": "ambassador",
    "premier": "prime minister",
    "pm": "prime minister",
    "secretary-general": "secretary general",
    "alliance chief": "secretary general",
    "defense": "defence",
    "ceo": "chief executive",
    "chairwoman": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
}


def has_head(text: str) -> bool:
    return bool(_HEAD_RE.search(text))


def head_of(role: str) -> str:
    """The comparable head of a role: 'Japan's defense minister' -> 'defence minister', 'the envoy' -> 'ambassador'."""
    text = role.lower().replace("defense", "defence")
    multi = [h for h in MULTI_HEADS if h.replace("defense", "defence") in text]
    if multi:
        head = max(multi, key=len).replace("defense", "defence")
    else:
        words = [w for w in re.findall(r"[a-z\u00e0-\u00ff-]+", text) if w in HEADS]
        head = words[-1] if words else ""
    return SYNONYMS.get(head, head)


def same_title(a: str, b: str) -> bool:
    """Do two roles name one office? 'Secretary-General' and 'the Secretary General'; 'Minister of Defence' and
    'the defense minister'; 'the minister' and any minister."""
    ha, hb = _office(a), _office(b)
    if not ha or not hb:
        return False
    rank = {"deputy", "vice", "assistant", "state", "under", "acting"}
    if (ha & rank) != (hb & rank) and (ha & rank and hb & rank or (ha | hb) & rank - {"state"}):
        return False  # an Assistant Secretary General is not the Secretary General
    return ha == hb or ha <= hb or hb <= ha


_OFFICE_WORDS = {"assistant", "under", "acting"} | words(
    """
    prime foreign defence secretary general minister ambassador president chancellor chief executive director state
    deputy vice trade armed forces spokesperson commissioner head chair envoy premier manager representative affairs
    high security national adviser advisor industry economic economy finance treasury home interior cabinet policy
    admiral commander official diplomat counsellor
    """
)


def _office(role: str) -> frozenset[str]:
    text = role.lower().replace("defense", "defence").replace("-", " ")
    text = re.sub(r"\bminister (?:of|for) (?:the )?defence\b", "defence minister", text)
    text = re.sub(r"\bminister (?:of|for) foreign affairs\b|\bforeign secretary\b", "foreign minister", text)
    text = re.sub(r"\bsecretary of state for defence\b|\bdefence secretary\b", "defence minister", text)
    text = re.sub(r"\bminister for the armed forces\b|\barmed forces minister\b", "defence minister", text)
    text = re.sub(r"\b(?:envoy)\b", "ambassador", text)
    text = re.sub(r"\bpremier\b", "prime minister", text)
    text = re.sub(r"\bceo\b", "chief executive", text)
    text = re.sub(r"\b(?:to|of|for|at|in)\b.*$", "", text)  # 'ambassador to NATO' is an ambassador
    return frozenset(w for w in text.split() if w in _OFFICE_WORDS)


@dataclass(frozen=True)
class Role:
    role: str
    affiliation: str = ""  # a party's short name, or an organisation's name
    country: str = ""


_LEADS = re.compile(r"^(?:(?:the|a|an|its|his|her|their|then|now|also|currently|once|newly appointed)\s+)+", re.I)
_DROP = {"new", "outgoing", "incoming", "current", "then", "top", "first", "second", "third"}
_FIRM = re.compile(
    r"\b(?:firm|company|group|maker|manufacturer|shipbuilder|contractor|conglomerate|giant|corporation)\s+"
    r"(?P<org>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3})"
)
_ORG = r"[A-Z][\w&.'\u2019-]*(?:\s+(?:of|for|and|&|de|di|the)?\s*[A-Z][\w&.'\u2019-]*){0,5}"
ORG_WORDS = re.compile(
    r"\b(?:Ministry|University|Institute|Institution|Center|Centre|Agency|Council|Commission|Office|Department|"
    r"Division|Bureau|Directorate|Corporation|Corp|Company|Group|Inc|Ltd|Limited|Foundation|Association|Academy|"
    r"School|College|Forum|Staff|Command|Headquarters|Secretariat|Service|Services|Society|Organisation|"
    r"Organization|Authority|Board|Committee|Parliament|Assembly|Party|Fund|Bank|Systems|Industries|Electric|"
    r"Aerospace|Laboratory|Lab|Embassy|Mission|Delegation|Programme|Program|Times|News|Post|Herald|"
    r"Shimbun|Press|Broadcasting|Television|Radio)\b"
)
_DOMAIN = re.compile(
    r"^(?:the\s+)?(?:(?:National\s+)?Defen[cs]e|Foreign\s+Affairs|State(?:\s+for\s+[A-Z][\w ]+)?|"
    r"the\s+Armed\s+Forces|Armed\s+Forces|"
    r"Europe(?:\s+and\s+Foreign\s+Affairs)?|Economy|Trade|Industry|Finance|Home\s+Affairs|Interior|Justice|"
    r"Digital\s+Affairs|Economic\s+Security|Economy,\s+Trade\s+and\s+Industry)(?:\s+and\s+[A-Z][a-z]+)*$"
)
_INSTITUTION = re.compile(r"\b(?:Commission|Council|Parliament|Service|Agency|Forces|Bundeswehr|Bundestag|Diet)\b")


def _party_or_org(text: str) -> tuple[str, str]:
    """(affiliation, country) named by a short phrase: a party, a known firm, or an organisation's name."""
    text = text.strip(" ,.;")
    bare = re.sub(r"^the\s+", "", text)
    if not bare or _DOMAIN.match(bare):
        return "", ""
    if m := _FIRM.search(text):
        org = m.group("org")
        country = company_country(org) or _first_party(text[: m.start()])
        return org, country or ""
    whole = PARTY_RE.fullmatch(bare)
    if whole and party_for(whole.group(1)) in PARTIES:
        party = party_for(whole.group(1))
        return party, party if PARTIES[party].kind == "government" else ""
    if m := COMPANY_RE.search(text):
        return m.group(1), company_country(m.group(1)) or ""
    if ORG_WORDS.search(bare) and bare[:1].isupper():
        org = re.match(_ORG, bare)
        name = org.group(0).strip() if org else bare
        return name, _first_party(name) if _first_party(name) and PARTIES[
            _first_party(name)
        ].kind == "government" else ""
    party = _first_party(text)
    if party:
        return party, party if PARTIES[party].kind == "government" else ""
    org = re.fullmatch(_ORG, bare)
    return (org.group(0).strip(), "") if org else ("", "")


def _first_party(text: str) -> str:
    for m in PARTY_RE.finditer(text):
        party = party_for(m.group(1))
        if party in PARTIES:
            return party
    return ""


_STATE = re.compile(
    r"\bthe\s+(?:Kingdom|Republic|Federal Republic|Government|State|Principality|Grand Duchy|Commonwealth)\s+of\s+"
    r"(?:the\s+)?(?=[A-Z])"
)


def parse_role(phrase: str) -> Role | None:
    """The role a phrase gives, with its affiliation and country; None when it holds no title."""
    text = _STATE.sub("", " ".join(phrase.split()).strip(" ,.;:"))  # 'the Kingdom of Sweden' is Sweden
    m = re.match(r"^who\s+(?:also\s+|currently\s+|now\s+)?(?:heads|led|leads|runs|chairs)\s+(?P<what>.+)$", text, re.I)
    if m:
        text = "head of " + m.group("what")
    # "..., who serves as ...", "the Danish diplomat who became NATO Deputy Secretary General"
    m = re.search(
        r"(?:^|\s)(?:who|which)\s+(?:also\s+|currently\s+|now\s+)?(?:serves|served|is|was|became|has been|works)"
        r"(?:\s+as)?\s+(?P<role>.+)$",
        text,
        re.I,
    )
    if m and has_head(m.group("role")):
        text = m.group("role")
    text = re.split(r"\s+(?:who|which|where|since|after|until)\s+|\s+(?:last|this|next)\s+(?:year|month|week)\b", text)[
        0
    ]
    text = _LEADS.sub("", text)
    if not has_head(text) or re.match(r"(?i)^who\s+(?!heads|leads|runs|chairs|serves|is|was|became)\w+", text):
        return None  # 'who met Italian Defence Minister ...': what they did, not what they are
    words = text.split()
    while words and words[0].lower() in _DROP:
        words.pop(0)
    text = " ".join(words)
    affiliation = country = ""
    # "Germany's defence minister", "Saab's country manager", "NATO's Secretary General"
    m = re.match(r"^(?P<owner>.+?)['\u2019]s?\s+(?P<rest>.+)$", text)
    if m and not has_head(m.group("owner")) and len(m.group("owner").split()) <= 5:
        affiliation, country = _party_or_org(m.group("owner"))
        text = m.group("rest")
        while text.split() and text.split()[0].lower() in _DROP:
            text = text.split(None, 1)[1] if " " in text else ""
    # "Japanese Prime Minister", "NATO Secretary General", "European Commission President", "US National ..."
    lead = PARTY_RE.match(text)
    if lead and not affiliation:
        party = party_for(lead.group(1))
        rest = text[lead.end() :].strip()
        if party in PARTIES and has_head(rest):
            affiliation = party
            country = party if PARTIES[party].kind == "government" else ""
            text = f"{lead.group(1)} {rest}" if _INSTITUTION.search(lead.group(1)) else rest
    # "NHK journalist", "Saab engineer": a name before the title is the employer
    lead = re.match(r"^(?P<org>(?:[A-Z][\w&.-]*\s+){1,3}?)(?P<rest>(?:[a-z][\w-]*\s+)*[a-z][\w-]*)$", text)
    if lead and not affiliation and has_head(lead.group("rest")):
        org = lead.group("org").strip()
        if not any(w.lower() in MODIFIERS or w.lower() in HEADS for w in org.split()):
            affiliation, country = org, company_country(org) or ""
            text = lead.group("rest")
    # "... of the European Council", "... of the British firm Roke", "... at Mitsubishi Heavy Industries"
    if not affiliation:
        for tail in reversed(list(re.finditer(r"\s+(?:of|at|with|from)\s+", text))):
            if re.search(r"\s+to\s+", text[: tail.start()]) and not re.search(
                r"\s+(?:of|at|with|from)\s+", text[: tail.start()]
            ):
                continue  # 'Ambassador to the Kingdom of Sweden': where an envoy serves, not whose they are
            org_text = text[tail.end() :]
            to = re.search(r"\s+to\s+", org_text)
            owner = org_text[: to.start()] if to else org_text
            if has_head(owner):
                break
            found, found_country = _party_or_org(owner)
            if not found:
                continue
            affiliation, country = found, found_country
            kept = text[: tail.start()]
            # 'at the University' + 'of Tokyo': the organisation's name runs on over its own 'of'
            inner = re.search(r"\s+(?:of|at|with|from)\s+(?P<org>(?:the\s+)?[A-Z][\w ]*)$", kept)
            if not to and inner and ORG_WORDS.search(inner.group("org").split()[-1]):
                affiliation = re.sub(r"^the\s+", "", inner.group("org")) + text[tail.start() :]
                country = _first_party(affiliation)
                country = country if country and PARTIES[country].kind == "government" else ""
                kept = kept[: inner.start()]
            if to:
                kept += org_text[to.start() :]  # 'Ambassador of Italy to Japan' -> 'Ambassador to Japan'
            elif (
                found in PARTIES
                and found_country == ""
                and re.sub(r"^the\s+", "", owner)
                not in (
                    found,
                    PARTIES[found].full_name,
                )
            ):
                kept = text  # 'President of the European Council': the institution stays in the title
            text = kept
            break
    if not country and affiliation and (home := company_country(affiliation)):
        country = home
    return Role(text.strip(" ,"), affiliation, country)


# Romanised Japanese: (consonant (+ y)) vowel syllables, a syllabic n, doubled consonants ('Hotchi', 'Hattori').
_JAPANESE_NAME = re.compile(
    r"^(?:(?:kk|ss|tt|pp|tch|ssh|[kgbpmnr]y?|sh|ch|j|ts|[td](?=[aeo])|z(?=[aueo])|s(?=[aueo])|h(?=[aieo])|f(?=u)|w(?=[ao])"
    r"|y(?=[auo]))?[aiueo\u0101\u012b\u016b\u0113\u014d]+|n(?![aiueoy]))+$"
)


def japanese_name(name: str) -> bool:
    """Does every part of the name read as romanised Japanese ('Minoru Kihara', 'HAYASHI Yoshimasa')?"""
    parts = [p.lower() for p in re.findall(r"[A-Za-z\u0100-\u017f]+", name)]
    if len(parts) < 2 or max(len(p) for p in parts) < 4:
        return False
    return all(_JAPANESE_NAME.match(p) for p in parts)
