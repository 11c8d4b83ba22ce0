"""Editors import from the admin: upload, read the preview, confirm."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dialogues.models import Article, Dialogue

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else (SEEDS / name).read_bytes())


def test_an_editor_previews_then_confirms_an_upload(editor_client):
    preview = editor_client.post(
        "/admin/dialogues/article/import/",
        {
            "files": [upload("004_226b3f89e1556764.txt"), upload("empty.txt", b"")],
            "published": "2025-07-23",
            "outlet": "The Japan Times",
        },
    )
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Would create" in page and "dialogue: Japan–EU Defense Industry Dialogue" in page
    assert "empty file" in page and "LDP Lawmakers Meeting" in page  # a failed file, a skipped teaser
    assert Article.objects.count() == 0, "a preview writes nothing"

    fields = {"step": "confirm", "published": "2025-07-23", "outlet": "The Japan Times"}
    fields["name"] = re.findall(r'name="name" value="([^"]+)"', page)
    fields["content"] = re.findall(r'name="content" value="([^"]*)"', page)
    done = editor_client.post("/admin/dialogues/article/import/", fields, follow=True)
    assert "004_226b3f89e1556764.txt: imported" in done.content.decode()
    dialogue = Dialogue.objects.get(parties__name="EU")
    assert str(dialogue.expected_earliest) == "2026-01-01"
    assert Article.objects.get().outlet == "The Japan Times"


def test_a_tampered_confirmation_is_refused_without_importing(editor_client):
    response = editor_client.post(
        "/admin/dialogues/article/import/",
        {"step": "confirm", "name": ["a.txt"], "content": ["not base64!"]},
        follow=True,
    )
    assert "could not be read back" in response.content.decode()
    assert Article.objects.count() == 0


def test_the_import_page_is_for_staff_only(client):
    response = client.get("/admin/dialogues/article/import/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
