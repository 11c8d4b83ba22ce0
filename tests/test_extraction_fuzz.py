"""No text makes the importer's reading raise: generated pages, built from the pieces real articles are
made of (names, titles, parties, quote marks of every style, labels, dates, furniture) in any order,
and from arbitrary bytes. A fault of ours must never cost a whole article."""

import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dialogues.extraction.article import analyse_page
from dialogues.extraction.people import normal_name, split_run, surnames
from dialogues.extraction.reading import UnreadableFile, read_page
from dialogues.extraction.report import section_report
from dialogues.extraction.timing import find_times

PIECES = [
    "Japan",
    "NATO",
    "the EU",
    "Britain's",
    "Defence Minister Gen Nakatani",
    "NAKATANI Gen",
    "M. Le Drian",
    "my Rt Hon Friend",
    "Mr",
    "Dr.",
    "von der",
    "said",
    "told reporters",
    "according to",
    "he said",
    "the minister",
    "\u201c",
    "\u201d",
    "'",
    '"',
    "\u00ab",
    "\u00bb",
    "\u2014",
    " - ",
    ":",
    ";",
    ",",
    ".",
    "\n",
    "\n\n",
    "Q:",
    "A:",
    "ANCHOR:",
    "MINISTER KIHARA:",
    "[00:01:02]",
    "14:32 CEST \u2014",
    "2 hours ago",
    "Home > News",
    "By Jane Doe",
    "Related stories",
    "ITALY",
    "* ACSA - Signed in January 2017.",
    "In force.",
    "agreed to launch a defence industry dialogue",
    "the talks",
    "the 2+2",
    "the Reciprocal Access Agreement (RAA)",
    "signed",
    "postponed",
    "early next year",
    "by the end of March",
    "in January last year",
    "on Friday",
    "HMS Queen Elizabeth",
    "Address by Prime Minister Shinzo Abe",
    "I",
    "Tokyo",
    "Brussels",
    "\u00e9",
    "",
]

pages = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=80).map(" ".join)
days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31)) | st.none()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(pages, days)
@example("Japan Defence Minister Gen Nakatani  ANCHOR: NATO", None)  # two spaces inside a name's run
def test_any_page_of_article_pieces_reads_to_a_report(text, published):
    for findings in analyse_page(text, published):
        report = section_report(findings, "fuzz.txt", published)
        assert isinstance(report["relevant"], bool)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.md"]))
def test_any_bytes_are_read_or_refused_in_one_line(data, name):
    try:
        page = read_page(data, name)
    except UnreadableFile as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert page.text.strip()


@FUZZ
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=6))
def test_odd_names_never_break_the_name_helpers(words):
    words = [w for w in " ".join(words).split() if w]
    split_run(" ".join(words))
    normal_name(words)
    surnames(" ".join(words))


@FUZZ
@given(pages, days, st.booleans())
def test_time_words_resolve_to_ordered_windows(text, published, future):
    for when in find_times(text, published, future=future):
        if when.earliest and when.latest:
            assert when.earliest <= when.latest
