"""Property: no query string, however hostile, gets a server error from a list, download, search
or feed, and a download is never wider than its page: it holds exactly the page's rows, or is
refused when the page had to ignore part of the query string (hypothesis writes the query strings).

FUZZ_EXAMPLES sets the examples per endpoint: a few hundred in the suite, `make fuzz` for many more."""

import csv
import io
import json
import os
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogues.listings import LISTINGS

pytestmark = pytest.mark.django_db
PER_ENDPOINT = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FORMATS = ("csv", "json", "ndjson")


def fuzz(endpoints: int):
    return settings(
        max_examples=PER_ENDPOINT * endpoints,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


NAMES = sorted(
    {name for listing in LISTINGS.values() for name in listing.filterset.base_filters}
    | {"page", "excel", "q", "stauts", "status[]", "o", "sort[]", "", "PAGE", "q\x00"}
)
VALUES = [
    "planned", "active", "proposed", "pledge", "government", "person", "europe", "japan", "nato", "eu",
    "japan", "osamu-izawa", "name", "-name", "status", "-expected", "date", "-date", "speaker", "kind", "role",
    "2025-07-15", "2026-01-01", "31-02-2026", "2026-13-01", "0000-00-00", "9999-12-31", "1", "0", "-1", "999999",
    "1e9", "NaN", "information", "NATO", "Japan & NATO", "\x00", "a\x00b", "%00", "' OR 1=1 --", "<script>",
]  # fmt: skip
value = st.one_of(
    st.sampled_from(VALUES),
    st.builds("{}\x00{}".format, st.text(max_size=5), st.text(max_size=5)),  # PostgreSQL cannot take NUL
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=190, max_size=260),
    st.integers(-(2**70), 2**70).map(str),
    st.dates().map(str),
)
name = st.one_of(st.just("q"), st.sampled_from(NAMES), st.text(max_size=12))
pairs = st.lists(st.tuples(name, value), max_size=6)
junk = st.text(alphabet="%&=;+#?/\\[]\x00 aZ09é", max_size=40)


@st.composite
def query_strings(draw) -> str:
    """A query string as a browser, a script or an attacker might send it."""
    encoded = urlencode(draw(pairs))
    return draw(st.sampled_from([encoded, f"{encoded}&{quote(draw(junk), safe='%&=;+')}", draw(junk)]))


def get(client, url: str):
    response = client.get(url)
    assert response.status_code < 500, url
    return response


def rows_in(response, fmt: str) -> int:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    if fmt == "csv":
        return len(list(csv.reader(io.StringIO(body)))) - 1
    if fmt == "json":
        return len(json.loads(body))
    return len(body.splitlines())


@fuzz(endpoints=len(LISTINGS))
@given(slug=st.sampled_from(sorted(LISTINGS)), query=query_strings())
def test_no_query_string_breaks_a_list_page(client, seeded, slug, query):
    assert get(client, f"/{slug}/?{query}").status_code == 200


@fuzz(endpoints=len(LISTINGS) * len(FORMATS))
@given(slug=st.sampled_from(sorted(LISTINGS)), fmt=st.sampled_from(FORMATS), query=query_strings())
def test_a_download_is_refused_or_holds_exactly_its_pages_rows(client, seeded, slug, fmt, query):
    response = get(client, f"/{slug}.{fmt}?{query}")
    page = get(client, f"/{slug}/?{query}")
    # what the page had to ignore or override for this query string (excel is for downloads alone)
    overridden = [
        m.message
        for m in page.context["messages"]
        if ("ignored" in m.message or "Only the last" in m.message) and not m.message.startswith("\u201cexcel\u201d")
    ]
    if response.status_code == 200:
        assert rows_in(response, fmt) == page.context["page"].paginator.count
        assert not overridden, "the page ignored part of what the download used"
    else:
        assert response.status_code == 400 and (overridden or "excel" in query)


@fuzz(endpoints=1)
@given(query=query_strings())
def test_no_query_string_breaks_the_search(client, seeded, query):
    assert get(client, f"/search/?{query}").status_code == 200


@fuzz(endpoints=1)
@given(query=query_strings())
def test_no_query_string_breaks_the_feed(client, seeded, query):
    assert get(client, f"/feed/?{query}").status_code == 200
