"""Editors import from the admin: upload, read the preview, confirm."""

import base64
import datetime
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dialogues.extraction.reading import MAX_BYTES
from dialogues.importing import ArticleMeta, import_file
from dialogues.models import Article, Dialogue

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"
SEED = SEEDS / "004_226b3f89e1556764.txt"


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else (SEEDS / name).read_bytes())


@pytest.fixture(autouse=True)
def staging(settings, tmp_path):
    settings.IMPORT_STAGING_DIR = tmp_path / "staging"
    return settings.IMPORT_STAGING_DIR


def preview(client, **fields):
    fields.setdefault("files", [upload("004_226b3f89e1556764.txt")])
    return client.post("/admin/dialogues/article/import/", fields)


def token_in(page: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def test_an_editor_previews_then_confirms_an_upload(editor_client):
    response = preview(
        editor_client,
        files=[upload("004_226b3f89e1556764.txt"), upload("empty.txt", b"")],
        published="2025-07-23",
        outlet="The Japan Times",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Would create" in page and "dialogue: Japan–EU Defense Industry Dialogue" in page
    assert "empty file" in page and "LDP Lawmakers Meeting" in page  # a failed file, a skipped teaser
    assert Article.objects.count() == 0, "a preview writes nothing"
    assert 'name="content"' not in page, "the files stay on the server"

    fields = {"step": "confirm", "token": token_in(page)}
    done = editor_client.post("/admin/dialogues/article/import/", fields, follow=True)
    assert "004_226b3f89e1556764.txt: imported" in done.content.decode()
    dialogue = Dialogue.objects.get(parties__name="EU")
    assert str(dialogue.expected_earliest) == "2026-01-01"
    assert Article.objects.get().outlet == "The Japan Times"


def test_the_confirmation_imports_what_was_previewed_whatever_the_browser_sends(editor_client, staging):
    token = token_in(preview(editor_client, published="2025-07-23").content.decode())
    forged = {
        "step": "confirm",
        "token": token,
        "name": ["../../etc/evil.txt"],
        "content": [base64.b64encode(b"Japan and NATO agree everything.").decode()],
        "published": "1999-01-01",
        "outlet": "Forged Times",
        "url": "javascript:alert(1)",
    }
    editor_client.post("/admin/dialogues/article/import/", forged)
    article = Article.objects.get()
    assert (article.source_name, article.outlet, article.url) == ("004_226b3f89e1556764.txt", "", "")
    assert article.published.isoformat() == "2025-07-23"
    assert list(staging.iterdir()) == [], "nothing is left staged"


def test_a_token_works_once_and_only_for_the_session_that_previewed(editor_client, client, editor):
    token = token_in(preview(editor_client).content.decode())
    other = Client()
    other.force_login(editor)
    refused = other.post("/admin/dialogues/article/import/", {"step": "confirm", "token": token}, follow=True)
    assert "no longer waiting" in refused.content.decode() and Article.objects.count() == 0
    editor_client.post("/admin/dialogues/article/import/", {"step": "confirm", "token": token})
    again = editor_client.post("/admin/dialogues/article/import/", {"step": "confirm", "token": token}, follow=True)
    assert "no longer waiting" in again.content.decode() and Article.objects.count() == 1


def test_a_tampered_confirmation_is_refused_without_importing(editor_client):
    response = editor_client.post(
        "/admin/dialogues/article/import/",
        {"step": "confirm", "token": "made-up", "name": ["a.txt"], "content": ["not base64!"]},
        follow=True,
    )
    assert "no longer waiting" in response.content.decode()
    assert Article.objects.count() == 0


def test_an_upload_address_must_be_a_web_page(editor_client):
    response = preview(editor_client, url="javascript:alert(1)")
    assert "Enter a web address starting with http:// or https://." in response.content.decode()


def test_the_import_page_is_for_staff_only(client):
    response = client.get("/admin/dialogues/article/import/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_one_file_over_the_limit_does_not_stop_the_others(editor_client):
    big = upload("big.txt", b"Japan and NATO. " * (MAX_BYTES // 16 + 20_000))
    response = preview(editor_client, files=[upload("004_226b3f89e1556764.txt"), big], published="2025-07-23")
    page = response.content.decode()
    assert response.status_code == 200
    assert "dialogue: Japan–EU Defense Industry Dialogue" in page
    assert "big.txt" in page and "too large (5.3 MB; the limit is 5 MB)" in page

    done = editor_client.post("/admin/dialogues/article/import/", {"step": "confirm", "token": token_in(page)})
    assert done.status_code == 302
    assert Article.objects.get().source_name == "004_226b3f89e1556764.txt"


def test_the_preview_says_what_will_happen_not_what_has(editor_client):
    page = preview(editor_client, files=[upload("004_226b3f89e1556764.txt"), upload("empty.txt", b"")]).content.decode()
    headings = re.findall(r"<h3>(.*?)</h3>", page)
    assert headings == ["004_226b3f89e1556764.txt — will be imported", "empty.txt — cannot be imported"]
    assert "imported" not in " ".join(headings).replace("will be imported", "").replace("cannot be imported", "")


def test_messages_keep_file_names_as_typed(editor_client):
    token = token_in(preview(editor_client, files=[upload("nato-talks.txt", SEED.read_bytes())]).content.decode())
    done = editor_client.post("/admin/dialogues/article/import/", {"step": "confirm", "token": token}, follow=True)
    page = done.content.decode()
    assert "nato-talks.txt: imported" in page and "Nato-talks.txt" not in page


def test_the_preview_shows_new_records_status_and_dates(editor_client):
    page = preview(editor_client, published="2025-07-23").content.decode()
    assert "dialogue: Japan–EU Defense Industry Dialogue — planned · expected early next year (Jan–Apr 2026)" in page
    assert "agreement: Japan–EU security and defense partnership — agreed · last November (Nov 2024)" in page


def test_the_preview_lists_which_facts_are_already_recorded(editor_client):
    import_file(SEED.read_bytes(), SEED.name, ArticleMeta(datetime.date(2025, 7, 23)))
    page = preview(editor_client, published="2025-07-23").content.decode()
    assert "004_226b3f89e1556764.txt — nothing new" in page
    recorded = page.split("Already recorded")[1].split("</ul>")[0]
    assert "dialogue Japan–EU Defense Industry Dialogue: Status = planned" in recorded
    assert "dialogue Japan–EU Defense Industry Dialogue: Expected start = early next year" in recorded
    assert "fact(s) already recorded" not in page


def test_the_admin_index_links_to_the_import_page(editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert 'href="/admin/dialogues/article/import/"' in page and "Import articles" in page
