"""Editors keep records right in the admin; nobody else gets in."""

import datetime
import io
import re

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command

from dialogues.models import Agreement, Dialogue, Source, StatusChange, log_status_change

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_dialogue_with_parties_and_a_status(editor_client, editor, japan, nato):
    response = editor_client.post(
        "/admin/dialogues/dialogue/add/",
        {
            "name": "Japan–NATO defence-industrial talks",
            "slug": "japan-nato-defence-industrial-talks",
            "parties": [japan.pk, nato.pk],
            "status": "planned",
            "venue": "NATO headquarters, Brussels",
            "status_changes-TOTAL_FORMS": 0,
            "status_changes-INITIAL_FORMS": 0,
            "statements-TOTAL_FORMS": 0,
            "statements-INITIAL_FORMS": 0,
            "sources-TOTAL_FORMS": 0,
            "sources-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    dialogue = Dialogue.objects.get(slug="japan-nato-defence-industrial-talks")
    assert set(dialogue.parties.values_list("name", flat=True)) == {"Japan", "NATO"}
    (change,) = StatusChange.objects.filter(dialogue=dialogue)
    assert (change.from_status, change.to_status, change.editor) == ("", "planned", editor)
    assert dialogue.sources.filter(field="venue", origin=Source.Origin.EDITOR, editor=editor).exists()


def test_an_editors_status_change_lands_in_the_history_and_the_change_log(editor_client, editor, japan, nato):
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", slug="japan-nato-talks", status="planned")
    dialogue.parties.set([japan, nato])
    form = {
        "name": dialogue.name,
        "slug": dialogue.slug,
        "parties": [japan.pk, nato.pk],
        "status": "active",
        "status_reason": "The first round was held",
        "status_changes-TOTAL_FORMS": 0,
        "status_changes-INITIAL_FORMS": 0,
        "statements-TOTAL_FORMS": 0,
        "statements-INITIAL_FORMS": 0,
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
    }
    response = editor_client.post(f"/admin/dialogues/dialogue/{dialogue.pk}/change/", form)
    assert response.status_code == 302

    (change,) = StatusChange.objects.filter(dialogue=dialogue)
    assert (change.from_status, change.to_status, change.editor) == ("planned", "active", editor)
    entry = LogEntry.objects.get(object_id=str(dialogue.pk))
    assert entry.user == editor and "Status" in entry.get_change_message()
    history = editor_client.get(f"/admin/dialogues/dialogue/{dialogue.pk}/history/").content.decode()
    assert "hana" in history and "Status" in history


def test_an_editor_cannot_manage_users(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_a_signed_in_user_who_is_not_staff_is_kept_out_of_the_admin(client):
    User.objects.create_user("reader", password="a-long-reader-passphrase")
    client.post("/admin/login/", {"username": "reader", "password": "a-long-reader-passphrase"})
    response = client.get("/admin/dialogues/dialogue/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_admin_lists_records_with_search_and_filters(editor_client, japan, nato):
    Dialogue.objects.create(name="Japan–NATO talks", status="planned").parties.set([japan, nato])
    Dialogue.objects.create(name="Japan–EU dialogue", status="active")
    page = editor_client.get("/admin/dialogues/dialogue/?status__exact=planned&q=NATO").content.decode()
    assert "Japan–NATO talks" in page and "Japan–EU dialogue" not in page
    assert "Japan, NATO" in page


def test_pages_render_with_their_static_files_served(client, editor_client):
    home = client.get("/")
    assert home.status_code == 200
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home.content.decode()).group(1)
    served = client.get(stylesheet)
    assert served.status_code == 200 and b"--accent" in b"".join(served.streaming_content)

    admin_page = editor_client.get("/admin/").content.decode()
    admin_css = re.search(r'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', admin_page).group(1)
    assert client.get(admin_css).status_code == 200


def test_an_editor_confirms_unsure_facts_from_the_review_list(editor_client, japan_times_article):
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", status="planned")
    unsure = Source.objects.create(
        dialogue=dialogue,
        field="status",
        value="planned",
        origin="import",
        confidence="low",
        article=japan_times_article,
        sentence_start=0,
        sentence_end=20,
    )
    Source.objects.create(
        dialogue=dialogue,
        field="venue",
        value="Brussels",
        origin="import",
        confidence="high",
        article=japan_times_article,
        sentence_start=0,
        sentence_end=20,
    )

    page = editor_client.get("/admin/dialogues/facttoreview/").content.decode()
    assert "1 fact to review" in page and f"/admin/dialogues/dialogue/{dialogue.pk}/change/" in page
    editor_client.post("/admin/dialogues/facttoreview/", {"action": "confirm", "_selected_action": [unsure.pk]})
    unsure.refresh_from_db()
    assert unsure.confirmed_at is not None
    assert "0 facts to review" in editor_client.get("/admin/dialogues/facttoreview/").content.decode()


def test_every_admin_page_renders_for_an_administrator(client, django_user_model, japan_times_article, japan):
    call_command("import_articles", "data/articles", verbosity=0, stdout=io.StringIO())
    django_user_model.objects.create_superuser("root", password="a-long-admin-passphrase")
    client.post("/admin/login/", {"username": "root", "password": "a-long-admin-passphrase"})
    for model in admin.site._registry:
        meta = model._meta
        base = f"/admin/{meta.app_label}/{meta.model_name}/"
        assert client.get(base).status_code == 200, base
        first = model._default_manager.first()
        if first is not None:
            assert client.get(f"{base}{first.pk}/change/").status_code == 200, base
    assert client.get("/admin/dialogues/article/import/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/autocomplete/?term=%00&app_label=dialogues&model_name=dialogue&field_name=parties",
        "/admin/autocomplete/?term=NA%00TO&app_label=dialogues&model_name=statement&field_name=article",
        "/admin/dialogues/dialogue/?q=%00",
        "/admin/dialogues/dialogue/?status=%00",
        "/admin/dialogues/source/?field=%00",
    ],
)
def test_a_nul_in_an_admin_search_is_refused_not_a_server_error(editor_client, nato, url):
    response = editor_client.get(url)
    assert response.status_code == 400 and "holds a NUL character" in response.content.decode()


def change_form(dialogue, parties, **fields) -> dict:
    return {
        "name": dialogue.name,
        "slug": dialogue.slug,
        "parties": [p.pk for p in parties],
        "status": dialogue.status,
        "status_changes-TOTAL_FORMS": 0,
        "status_changes-INITIAL_FORMS": 0,
        "statements-TOTAL_FORMS": 0,
        "statements-INITIAL_FORMS": 0,
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
        **fields,
    }


def test_an_editor_gives_a_reason_and_a_date_for_a_status_change(editor_client, editor, japan, nato):
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", slug="japan-nato-talks", status="planned")
    url = f"/admin/dialogues/dialogue/{dialogue.pk}/change/"

    refused = editor_client.post(url, change_form(dialogue, [japan, nato], status="active"))
    assert refused.status_code == 200
    assert "Say why the status changed" in refused.content.decode()
    assert not StatusChange.objects.exists()
    dialogue.refresh_from_db()
    assert dialogue.status == "planned"

    fields = {"status": "active", "status_reason": "First round held in Brussels", "status_effective": "2025-07-01"}
    response = editor_client.post(url, change_form(dialogue, [japan, nato], **fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    (change,) = StatusChange.objects.filter(dialogue=dialogue)
    assert (change.to_status, change.reason, change.editor) == ("active", "First round held in Brussels", editor)
    assert change.effective == datetime.date(2025, 7, 1)


def test_a_reason_without_a_status_change_is_refused_not_lost(editor_client, japan, nato):
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", slug="japan-nato-talks", status="planned")
    response = editor_client.post(
        f"/admin/dialogues/dialogue/{dialogue.pk}/change/",
        change_form(dialogue, [japan, nato], status_reason="Talks went well", venue="Brussels"),
    )
    assert response.status_code == 200
    assert "only with a change of status" in response.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.venue == ""


def test_an_agreements_status_change_takes_a_reason_too(editor_client, japan, eu):
    agreement = Agreement.objects.create(name="Japan–EU security pact", slug="japan-eu-security-pact", status="agreed")
    form = {"name": agreement.name, "slug": agreement.slug, "kind": "partnership", "parties": [japan.pk, eu.pk]}
    for inline in ("status_changes", "statements", "sources"):
        form |= {f"{inline}-TOTAL_FORMS": 0, f"{inline}-INITIAL_FORMS": 0}
    url = f"/admin/dialogues/agreement/{agreement.pk}/change/"
    assert "Say why the status changed" in editor_client.post(url, {**form, "status": "in_force"}).content.decode()
    editor_client.post(url, {**form, "status": "in_force", "status_reason": "Ratified by both sides"})
    assert agreement.status_changes.get().reason == "Ratified by both sides"


def test_the_public_history_shows_when_who_why_and_since_when(client, editor, settings, japan_times_article):
    settings.TIME_ZONE = "Asia/Tokyo"
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", status="active")
    by_article = Source.objects.create(
        dialogue=dialogue,
        field="status",
        value="planned",
        origin="import",
        article=japan_times_article,
        sentence_start=0,
        sentence_end=20,
    )
    log_status_change(dialogue, "", "planned", source=by_article, effective=datetime.date(2025, 7, 15))
    log_status_change(
        dialogue, "planned", "active", editor=editor, reason="First round held", effective=datetime.date(2025, 9, 1)
    )
    StatusChange.objects.filter(to_status="active").update(
        changed_at=datetime.datetime(2025, 9, 2, 1, 30, tzinfo=datetime.UTC)
    )

    html = client.get(dialogue.get_absolute_url()).content.decode()
    history = html.split('id="history-heading"')[1].split("</section>")[0]
    active = history.split("planned → active")[1]
    assert "2 Sep 2025, 10:30 JST" in active  # the site's time zone, with the time
    assert "editor hana" in active and "First round held" in active and "effective 1 Sep 2025" in active
    planned = history.split("new → planned")[1].split("planned → active")[0]
    assert "Japan and NATO to launch" in planned and "effective 15 Jul 2025" in planned


def test_the_sources_table_names_facts_for_people_and_says_which_value_is_in_force(client, editor, japan_times_article):
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", status="active", expected_text="early next year")
    sentence = {"origin": "import", "article": japan_times_article, "sentence_start": 0, "sentence_end": 20}
    Source.objects.create(dialogue=dialogue, field="status", value="planned", **sentence)
    Source.objects.create(dialogue=dialogue, field="expected_text", value="early next year", **sentence)
    Source.objects.create(dialogue=dialogue, field="status", value="active", origin="editor", editor=editor)

    html = client.get(dialogue.get_absolute_url()).content.decode()
    table = html.split('id="sources-heading"')[1].split("</section>")[0]
    assert "expected_text" not in table and "Expected start" in table
    rows = {" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in table.split("<tr>")[2:]}
    assert any(r.startswith("Status Active in force") for r in rows), rows
    assert any(r.startswith("Status Planned superseded") for r in rows), rows
    assert any(r.startswith("Expected start early next year in force") for r in rows), rows
