"""What one article may create. A file past a limit is refused whole, with one line naming the
limit, as a file over the size limit is: an article of 50,000 quotations is an accident or an
attack, and half of it imported would be records nobody could trust.

The real articles we know quote at most a few dozen times; the limits leave ten times that room.
Quotations are counted before the article is analysed, because counting them is cheap and
analysing fifty thousand is not.
"""

from .extraction.article import SectionFindings, analyse_page
from .extraction.quotes import find_quotes
from .extraction.reading import UnreadableFile

MAX_QUOTATIONS = 300
MAX_QUOTATION_CHARS = 5_000
MAX_RECORDS = {"dialogues": 50, "agreements": 50, "people": 200, "statements": MAX_QUOTATIONS}


class TooMuch(UnreadableFile):
    """An article that would create more than one article may; the message says which limit."""


def _refuse(count: int, what: str, limit: int) -> TooMuch:
    return TooMuch(f"holds {count:,} {what}; an article may hold at most {limit:,}, so nothing of it was imported")


def _count_quotations(text: str):
    quotes = [quote for line in text.split("\n") for quote in find_quotes(line)]
    if len(quotes) > MAX_QUOTATIONS:
        raise _refuse(len(quotes), "quotations", MAX_QUOTATIONS)
    longest = max((len(quote.text) for quote in quotes), default=0)
    if longest > MAX_QUOTATION_CHARS:
        raise _refuse(longest, "characters in one quotation", MAX_QUOTATION_CHARS)


def analyse_within_limits(text: str, published) -> list[SectionFindings]:
    """`analyse_page`, for an article within the limits; raises TooMuch for one past them."""
    _count_quotations(text)
    findings = analyse_page(text, published)
    for what, limit in MAX_RECORDS.items():
        count = sum(len(getattr(section, what)) for section in findings)
        if count > limit:
            raise _refuse(count, what, limit)
    return findings
