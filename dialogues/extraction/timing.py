"""Fuzzy times ("early next year", "last November", "by 2035") kept as their words
and resolved, against the article's date, to the window of days they mean.

Calendar arithmetic is python-dateutil's; the reading of the words is ours.
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
    deadline: bool = False  # "by 2035": a target date, not when something happened

    def as_report(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"text": self.text, "earliest": iso(self.earliest), "latest": iso(self.latest)}


MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.pop("may", None)  # "may" is far more often a verb; "May" is matched case-sensitively below
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
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
_PARTS = (
    r"(?:early|mid-?|middle of|late|end of|first half of|second half of|beginning of|start of"
    r"|first quarter of|second quarter of|third quarter of|fourth quarter of)"
)
_REL = r"(?:next|this|last|the coming|the following|the next)"

PATTERN = re.compile(
    rf"\b(?:(?P<by>by|before|until)\s+(?:the\s+)?)?(?:"
    rf"(?P<vague>in the (?:near|foreseeable|not-too-distant) future|soon|shortly|in the coming (?:weeks|months))"
    rf"|(?P<later>later this (?:year|month))"
    rf"|(?:in\s+(?:the\s+)?)?(?P<part>{_PARTS})\s*(?:(?P<prel>{_REL})\s+year|(?P<pyear>(?:19|20)\d\d))"
    rf"|(?P<rel>{_REL})\s+(?P<unit>year|month|week|{_MONTH}|spring|summer|autumn|fall|winter)"
    rf"|(?:in\s+)?(?P<month>{_MONTH})(?:\s+(?P<day>\d{{1,2}}))?(?:,?\s+(?P<myear>(?:19|20)\d\d))?"
    rf"|(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<syear>(?:19|20)\d\d)"
    rf"|in\s+(?:the\s+)?(?P<bseason>spring|summer|autumn|fall|winter)(?:\s+of\s+(?P<byear>(?:19|20)\d\d))?"
    rf"|(?:in\s+)?(?P<year>(?:19|20)\d\d)"
    rf")(?P<poss>['\u2019]s)?\b"
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


def _resolve(m: re.Match, published: datetime.date, future: bool):
    g = m.groupdict()
    if g["vague"]:
        return None
    if g["later"]:
        end = (
            datetime.date(published.year, 12, 31)
            if g["later"].endswith("year")
            else _month_window(published.year, published.month, published.month)[1]
        )
        return published + relativedelta(days=1), end
    if g["part"]:
        year = int(g["pyear"]) if g["pyear"] else published.year + {"next": 1, "last": -1}.get(g["prel"], 0)
        first, last = _PART[g["part"].rstrip("-")]
        return _month_window(year, first, last)
    if g["rel"]:
        step = {"next": 1, "last": -1}.get(
            g["rel"].split()[-1], 1 if "coming" in g["rel"] or "following" in g["rel"] or g["rel"] == "the next" else 0
        )
        unit = g["unit"].lower()
        if unit == "year":
            return _month_window(published.year + step, 1, 12)
        if unit == "month":
            day = published + relativedelta(months=step)
            return _month_window(day.year, day.month, day.month)
        if unit == "week":
            start = published + relativedelta(weeks=step, weekday=calendar.MONDAY) - relativedelta(days=6)
            return start, start + relativedelta(days=6)
        if unit in _SEASONS:
            first, last = _SEASONS[unit]
            year = published.year + step
            if step == -1 and first > published.month:  # "last summer" said in spring: a year back already
                year = published.year - 1
            return _month_window(year, first, last) if last <= 12 else _winter(year)
        month = MONTHS[unit]
        if step == 1:
            return _month_window(
                _nearest_month(month, published, future=True) + (month == published.month), month, month
            )
        if step == -1:
            return _month_window(_nearest_month(month, published, future=False, strictly_past=True), month, month)
        return _month_window(published.year, month, month)
    if g["month"]:
        month = MONTHS[g["month"].lower()] if g["month"] != "May" else 5
        year = int(g["myear"]) if g["myear"] else _nearest_month(month, published, future)
        if g["day"] and 1 <= int(g["day"]) <= calendar.monthrange(year, month)[1]:
            day = datetime.date(year, month, int(g["day"]))
            return day, day
        return _month_window(year, month, month)
    if g["season"]:
        first, last = _SEASONS[g["season"].lower()]
        year = int(g["syear"])
        return _month_window(year, first, last) if last <= 12 else _winter(year)
    if g["bseason"]:
        first, last = _SEASONS[g["bseason"].lower()]
        year = int(g["byear"]) if g["byear"] else published.year
        if g["byear"]:
            pass
        elif future and published.month > min(last, 12):
            year += 1
        elif not future and published.month < first:
            year -= 1
        return _month_window(year, first, last) if last <= 12 else _winter(year)
    return _month_window(int(g["year"]), 1, 12)


def _winter(year: int):
    return datetime.date(year, 12, 1), datetime.date(year + 1, 2, 28) + relativedelta(day=31)


def find_times(text: str, published: datetime.date | None, offset: int = 0, future: bool = False) -> list[When]:
    """Every time expression in `text`, resolved against `published` (None: words only)."""
    found = []
    for m in PATTERN.finditer(text):
        words = m.group(0)
        if m.group("poss"):
            words = words[: -len(m.group("poss"))]
        if m.group("month") == "May" and not (m.group("myear") or m.group("day") or words.startswith("in ")):
            continue  # "May" alone is too often the verb at a sentence start
        window = _resolve(m, published, future) if published else None
        if m.group("by") and window:
            window = (published, window[1]) if published <= window[1] else window
        earliest, latest = window or (None, None)
        found.append(
            When(
                words.strip(),
                earliest,
                latest,
                offset + m.start(),
                offset + m.start() + len(words),
                deadline=bool(m.group("by")),
            )
        )
    return found
