"""Fuzzy times ("early next year", "last November", "by the end of March", "next fiscal year", "later on
Wednesday") kept as their words and resolved, against the article's date, to the window of days they mean.

Plans look forward and reports look back: "in July" read in March is this July for a plan and last July
for a report; a weekday is the coming one or the last one the same way. Japan's fiscal year runs from
April to March ("fiscal 2026" is April 2026 to March 2027). Calendar arithmetic is python-dateutil's;
the reading of the words is ours.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta


@dataclass(frozen=True)
class When:
    text: str
    earliest: datetime.date | None
    latest: datetime.date | None
    start: int  # offset of the words in the page
    end: int
    deadline: bool = False  # "by 2035": a target, not when something happened

    def as_report(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"text": self.text, "earliest": iso(self.earliest), "latest": iso(self.latest)}


MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
_PART = {
    "early": (1, 4),
    "mid": (5, 8),
    "middle of": (5, 8),
    "late": (9, 12),
    "end of": (10, 12),
    "first half of": (1, 6),
    "second half of": (7, 12),
    "beginning of": (1, 3),
    "start of": (1, 3),
    "first quarter of": (1, 3),
    "second quarter of": (4, 6),
    "third quarter of": (7, 9),
    "fourth quarter of": (10, 12),
}
# Parts of a month, in days.
_MONTH_PART = {
    "early": (1, 10),
    "beginning of": (1, 10),
    "start of": (1, 10),
    "mid": (11, 20),
    "middle of": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
}
_PARTS = (
    r"(?:early|mid-?|middle of|late|end of|first half of|second half of|beginning of|start of"
    r"|first quarter of|second quarter of|third quarter of|fourth quarter of)"
)
_REL = r"(?:next|this|last|the coming|the following|the next)"
_YEAR = r"(?:19|20)\d\d"

PATTERN = re.compile(
    rf"\b(?:(?P<by>by|before|until|no later than)\s+(?:the\s+)?)?(?:"
    rf"(?P<vague>in the (?:near|foreseeable|not-too-distant) future|soon|shortly|in the coming (?:weeks|months)"
    rf"|in due course|at an early date)"
    rf"|(?P<later>(?:later|earlier) this (?:year|month|week))"
    rf"|(?P<within>within the (?:year|month)|within this year)"
    rf"|(?P<today>today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening)"
    rf"|(?P<fiscal_rel>next|this|last|the current|the coming)\s+fiscal\s+year"
    rf"|(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<fiscal>{_YEAR})"
    rf"|(?:(?:later|earlier)\s+)?(?:on\s+)?(?P<rel_day>(?:next|last|this)\s+)?(?P<weekday>{_DAY})(?:\s+(?:morning|afternoon|evening|night))?(?!,?\s+(?:\d{{1,2}}\s+)?{_MONTH})"
    rf"|(?:in\s+(?:the\s+)?)?(?P<mpart>early|mid-?|middle of|late|end of|beginning of|start of)\s*"
    rf"(?P<pmonth>{_MONTH})(?:\s+(?P<pmyear>{_YEAR})|\s+(?P<pmrel>last|next|this)\s+year)?"
    rf"|(?:in\s+(?:the\s+)?)?(?P<part>{_PARTS})\s*(?:(?P<prel>{_REL})\s+year|(?P<pyear>{_YEAR})|the year)"
    rf"|(?P<rel>{_REL})\s+(?P<unit>year|month|week|{_MONTH}|spring|summer|autumn|fall|winter)"
    rf"|(?:(?:on|in)\s+)?(?:{_DAY},?\s+)?(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmonth>{_MONTH})(?:,?\s+(?P<dyear>{_YEAR})|\s+(?P<drel>last|next|this)\s+year)?"
    rf"|(?:(?:on|in)\s+)?(?:{_DAY},?\s+)?(?P<month>{_MONTH})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<myear>{_YEAR})|\s+(?P<mrel>last|next|this)\s+year)?"
    rf"|(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<syear>{_YEAR})"
    rf"|(?:in\s+)?(?:the\s+)?(?P<bseason>spring|summer|autumn|fall|winter)(?:\s+of\s+(?P<byear>{_YEAR})|\s+(?P<bsrel>last|next|this)\s+year)?"
    rf"|(?:in\s+)?(?P<year>{_YEAR})"
    rf")(?P<poss>['\u2019]s)?(?![\w-])"
)


def _month_window(year: int, first: int, last: int) -> tuple[datetime.date, datetime.date]:
    start = datetime.date(year, 1, 1) + relativedelta(months=first - 1)
    end = datetime.date(year, 1, 1) + relativedelta(months=last) - relativedelta(days=1)
    return start, end


def _nearest_month(month: int, published: datetime.date, future: bool, strictly_past: bool = False) -> int:
    """The year of the named month: the next one for plans, the last one for reports."""
    if future:
        return published.year if month >= published.month else published.year + 1
    if strictly_past:
        return published.year if month < published.month else published.year - 1
    return published.year if month <= published.month else published.year - 1


def _fiscal(year: int) -> tuple[datetime.date, datetime.date]:
    """Japan's fiscal year `year`: April of that year to March of the next."""
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def _month_name(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _resolve(m: re.Match, published: datetime.date, future: bool):  # noqa: C901 - one branch per form of words
    g = m.groupdict()
    if g["vague"]:
        return None
    if g["later"]:
        unit = g["later"].split()[-1]
        start = {
            "year": published.replace(month=1, day=1),
            "month": published.replace(day=1),
            "week": published - relativedelta(days=published.weekday()),
        }[unit]
        end = {
            "year": published.replace(month=12, day=31),
            "month": _month_window(published.year, published.month, published.month)[1],
            "week": start + relativedelta(days=6),
        }[unit]
        if g["later"].startswith("later"):  # written on the period's last day: that day, not an empty window
            return min(published + relativedelta(days=1), end), end
        return start, published
    if g["within"]:
        end = (
            published.replace(month=12, day=31)
            if "year" in g["within"]
            else _month_window(published.year, published.month, published.month)[1]
        )
        return published, end
    if g["today"]:
        shift = {"yesterday": -1, "tomorrow": 1}.get(g["today"].lower(), 0)
        day = published + relativedelta(days=shift)
        return day, day
    if g["fiscal_rel"]:
        current = published.year if published.month >= 4 else published.year - 1
        step = {"next": 1, "last": -1, "the coming": 1}.get(g["fiscal_rel"], 0)
        return _fiscal(current + step)
    if g["fiscal"]:
        return _fiscal(int(g["fiscal"]))
    if g["weekday"]:
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g["rel_day"] or "").strip()
        if rel == "next" or (future and rel != "last"):
            ahead = (target - published.weekday()) % 7
            if rel == "next" and ahead == 0:
                ahead = 7
            day = published + relativedelta(days=ahead)
        else:
            back = (published.weekday() - target) % 7
            if rel == "last" and back == 0:
                back = 7
            day = published - relativedelta(days=back)
        return day, day
    if g["mpart"]:
        month = _month_name(g["pmonth"])
        year = (
            int(g["pmyear"])
            if g["pmyear"]
            else _year_said(g["pmrel"], published) or _nearest_month(month, published, future)
        )
        first, last = _MONTH_PART[g["mpart"].rstrip("-")]
        last = min(last, calendar.monthrange(year, month)[1])
        return datetime.date(year, month, first), datetime.date(year, month, last)
    if g["part"]:
        year = int(g["pyear"]) if g["pyear"] else published.year + {"next": 1, "last": -1}.get(g["prel"], 0)
        first, last = _PART[g["part"].rstrip("-")]
        return _month_window(year, first, last)
    if g["rel"]:
        return _relative(g, published)
    if g["dmonth"] or g["month"]:
        month = _month_name(g["dmonth"] or g["month"])
        day = g["dday"] or g["day"]
        year_word = g["dyear"] or g["myear"]
        year = (
            int(year_word)
            if year_word
            else _year_said(g["drel"] or g["mrel"], published) or _nearest_month(month, published, future)
        )
        if day and 1 <= int(day) <= calendar.monthrange(year, month)[1]:
            date = datetime.date(year, month, int(day))
            if not (year_word or g["drel"] or g["mrel"]) and not future and date > published and year == published.year:
                date = date.replace(year=year - 1)  # 'on Dec. 20' in a report of 18 December is last year's
            return date, date
        return _month_window(year, month, month)
    if g["season"]:
        first, last = _SEASONS[g["season"].lower()]
        year = int(g["syear"])
        return _month_window(year, first, last) if last <= 12 else _winter(year)
    if g["bseason"]:
        first, last = _SEASONS[g["bseason"].lower()]
        year = int(g["byear"]) if g["byear"] else _year_said(g["bsrel"], published) or published.year
        if not (g["byear"] or g["bsrel"]):
            if future and published.month > min(last, 12):
                year += 1
            elif not future and published.month < first:
                year -= 1
        return _month_window(year, first, last) if last <= 12 else _winter(year)
    return _month_window(int(g["year"]), 1, 12)


def _year_said(relative: str | None, published: datetime.date) -> int | None:
    """'in January last year': the year the words name, counted from the article's."""
    return published.year + {"last": -1, "next": 1, "this": 0}[relative] if relative else None


def _relative(g: dict, published: datetime.date):
    rel = g["rel"]
    step = {"next": 1, "last": -1}.get(rel.split()[-1], 1 if rel in ("the coming", "the following", "the next") else 0)
    unit = g["unit"].lower()
    if unit == "year":
        return _month_window(published.year + step, 1, 12)
    if unit == "month":
        day = published + relativedelta(months=step)
        return _month_window(day.year, day.month, day.month)
    if unit == "week":
        start = published - relativedelta(days=published.weekday()) + relativedelta(weeks=step)
        return start, start + relativedelta(days=6)
    if unit in _SEASONS:
        first, last = _SEASONS[unit]
        year = published.year + step
        if step == -1 and first > published.month:  # "last summer" said in spring: a year back already
            year = published.year - 1
        if step == 1 and first > published.month:
            year = published.year  # "next autumn" said in spring is this year's autumn
        return _month_window(year, first, last) if last <= 12 else _winter(year)
    month = _month_name(unit)
    if step == 1:
        return _month_window(_nearest_month(month, published, future=True) + (month == published.month), month, month)
    if step == -1:
        return _month_window(_nearest_month(month, published, future=False, strictly_past=True), month, month)
    return _month_window(published.year, month, month)


def _winter(year: int):
    return datetime.date(year, 12, 1), datetime.date(year + 1, 2, 28) + relativedelta(day=31)


def _is_may_the_verb(m: re.Match, text: str) -> bool:
    """'May' alone is too often the verb: a month needs a day, a year, 'in' or a part word with it."""
    if (m.group("month") or "") != "May" and (m.group("pmonth") or "") != "May":
        return False
    return not (
        m.group("myear")
        or m.group("day")
        or m.group(0).lower().startswith(("in ", "on "))
        or m.group("pmonth")
        or m.group("dday")
    )


def find_times(text: str, published: datetime.date | None, offset: int = 0, future: bool = False) -> list[When]:
    """Every time expression in `text`, resolved against `published` (None: words only)."""
    found = []
    for m in PATTERN.finditer(text):
        words = m.group(0)
        if m.group("poss"):
            words = words[: -len(m.group("poss"))]
        if _is_may_the_verb(m, text):
            continue
        deadline = bool(m.group("by"))
        window = _resolve(m, published, future or deadline) if published else None
        if deadline and window:
            window = (published, window[1]) if published <= window[1] else window
        earliest, latest = window or (None, None)
        found.append(
            When(
                words.strip(), earliest, latest, offset + m.start(), offset + m.start() + len(words), deadline=deadline
            )
        )
    return found
