"""Policy staff's paths through the pages, in a real browser (Debian's Chromium driven by Playwright)."""

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.fail(f"No browser at {CHROMIUM}: install Debian's chromium package (make test does).")
    # Playwright's sync API runs an event loop in this thread; the tests' own database work is still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def styled(settings):
    """The live server serves static files through the finders, which know no hashed names."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def page(browser, live_server, transactional_db, styled):
    call_command("import_articles", str(SEEDS), verbosity=0, stdout=io.StringIO())
    context = browser.new_context(accept_downloads=True, base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_filter_dialogues_by_status_and_see_both_planned_dialogues(page):
    page.goto("/dialogues/")
    page.get_by_role("checkbox", name="Planned").check()
    page.get_by_role("button", name="Apply filters").click()
    assert "status=planned" in page.url
    results = page.locator(".results table")
    assert results.get_by_role("link", name="Japan–NATO defense-industrial talks").is_visible()
    assert results.get_by_role("link", name="Japan–EU Defense Industry Dialogue").is_visible()
    assert "2 dialogues where status is planned" in page.locator(".summary").inner_text()


def test_open_a_dialogue_and_follow_a_source_to_its_sentence(page):
    page.goto("/dialogues/")
    page.get_by_role("link", name="Japan–EU Defense Industry Dialogue").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Japan–EU Defense Industry Dialogue"
    sources = page.locator("section", has=page.get_by_role("heading", name="Sources"))
    sources.get_by_role("row", name="status").get_by_role("link").click()
    marked = page.locator("mark#marked")
    marked.wait_for()  # the article page, once it has loaded
    assert marked.is_visible() and "aim to launch a Japan-EU Defense Industry Dialogue" in marked.inner_text()


def test_the_downloaded_csv_holds_the_rows_of_the_filtered_list(page):
    page.goto("/dialogues/?status=planned&sort=-name")
    shown = page.locator(".results tbody tr td:first-child").all_inner_texts()
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename.startswith("dialogues-where-status-is-planned-")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert [row["name"] for row in rows] == shown and len(shown) == 2


def test_a_filter_form_works_from_the_keyboard_alone(page):
    page.goto("/dialogues/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "planned":
            break
    else:
        pytest.fail("the Planned checkbox cannot be reached with Tab")
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.textContent") != "Apply filters":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dialogues/?*status=planned*")
    assert "2 dialogues where status is planned" in page.locator(".summary").inner_text()


def test_no_page_or_admin_form_breaks_the_content_security_policy(browser, live_server, transactional_db, styled):
    from django.contrib.auth.models import User

    from dialogues.models import Dialogue

    call_command("import_articles", str(SEEDS), verbosity=0, stdout=io.StringIO())
    User.objects.create_superuser("admin", password="a-long-admin-passphrase")
    context = browser.new_context(base_url=live_server.url)  # scripts on, as an editor has them
    page = context.new_page()
    refused = []
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    dialogue = Dialogue.objects.get(parties__name="NATO")
    for url in ["/", "/dialogues/", dialogue.get_absolute_url(), "/search/?q=information"]:
        page.goto(url)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("a-long-admin-passphrase")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/admin/dialogues/dialogue/{dialogue.pk}/change/")
    page.locator(".field-parties .select2-selection").click()  # the parties autocomplete opens its list
    page.locator(".select2-results__option").first.wait_for()
    page.get_by_role("button", name="Add another Statement").click()  # an inline row, made from its template
    page.goto("/admin/dialogues/agreement/add/")
    page.locator(".field-date_earliest .date-icon").click()  # the calendar pop-up
    page.locator(".calendarbox:visible").wait_for()  # its own, not the status date's
    page.goto("/admin/dialogues/article/import/")
    context.close()
    assert refused == []


def test_every_page_fits_a_phone_without_scrolling_sideways(browser, live_server, transactional_db, styled):
    from dialogues.models import Agreement, Article, Dialogue, Participant, Statement

    call_command("import_articles", str(SEEDS), verbosity=0, stdout=io.StringIO())
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    phone = context.new_page()
    urls = ["/", "/dialogues/", "/agreements/", "/participants/", "/statements/", "/articles/", "/about/"]
    urls += ["/search/?q=defence", "/dialogues/?status=planned&party=nato"]
    for model in (Dialogue, Agreement, Participant, Statement):
        urls.append(model.objects.first().get_absolute_url())
    urls.append(f"/articles/{Article.objects.first().pk}/")
    wide = {}
    for url in urls:
        assert phone.goto(url).ok and phone.evaluate("getComputedStyle(document.body).marginTop") == "0px"  # styled
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[url] = width
    context.close()
    assert wide == {}


def test_the_answer_comes_before_the_filters_and_focus_lands_on_it_after_filtering(page):
    page.goto("/statements/")
    summary, filters = page.locator("#results-summary"), page.locator("form.filters")
    assert summary.bounding_box()["y"] < filters.bounding_box()["y"] or (
        summary.bounding_box()["x"] < filters.bounding_box()["x"]
    )
    for _ in range(20):  # the downloads come right after the header, not after every filter
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "CSV":
            break
    else:
        pytest.fail("the CSV link is not reached within 20 Tabs")
    page.get_by_role("checkbox", name="Europe").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/statements/?*side=europe*")
    assert page.evaluate("document.activeElement.id") == "results-summary"


def test_every_statement_by_a_european_official_as_a_spreadsheet(page):
    from dialogues.models import Statement

    page.goto("/statements/")
    page.locator("fieldset", has_text="Speaker's side").get_by_role("checkbox", name="Europe").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/statements/?*side=europe*")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    european = Statement.objects.filter(speaker__region="europe")
    assert len(rows) == european.count() > 0
    assert {"quote", "speaker", "speaker_role", "speaker_organisation", "speaker_country", "speaker_region"} <= set(
        rows[0]
    )
    assert {row["speaker_region"] for row in rows} == {"Europe"}
    assert {row["speaker"] for row in rows} == set(european.values_list("speaker__name", flat=True))
    assert all(row["speaker_organisation"] for row in rows)  # why each row counts: EU, NATO
