import datetime
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import override_settings

from dialogues.models import Article, Participant

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"  # the bundled seed articles


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Serve static files as production does: collected, hashed and compressed, through WhiteNoise."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


@pytest.fixture(autouse=True)
def no_work_later(settings):
    """No background thread reading the test database (tests/test_scale_pages.py turns it on to test it)."""
    settings.WORK_OUT_LATER = False


@pytest.fixture
def editor(db):
    user = User.objects.create_user("hana", password="a-long-editor-passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    response = client.post("/admin/login/?next=/admin/", {"username": "hana", "password": "a-long-editor-passphrase"})
    assert response.status_code == 302, "the editor could not log in"
    return client


def party(name: str, kind=Participant.Kind.GOVERNMENT, region=Participant.Region.EUROPE) -> Participant:
    return Participant.objects.create(name=name, kind=kind, region=region)


@pytest.fixture
def japan(db):
    return party("Japan", region=Participant.Region.JAPAN)


@pytest.fixture
def nato(db):
    return party("NATO", kind=Participant.Kind.ORGANISATION)


@pytest.fixture
def eu(db):
    return party("EU", kind=Participant.Kind.ORGANISATION)


@pytest.fixture
def japan_times_article(db):
    text = (
        "Japan and NATO to launch defense-industrial talks, top envoy says\n"
        "'We need information and they need information,' Izawa said.\n"
    )
    return Article.objects.create(
        title="Japan and NATO to launch defense-industrial talks, top envoy says",
        outlet="The Japan Times",
        published=datetime.date(2025, 7, 15),
        text=text,
        checksum="0" * 64,
    )


@pytest.fixture
def seeded(db):
    """The database after importing the bundled seed articles, as `make run` does."""
    call_command("import_articles", str(SEEDS), verbosity=0, stdout=io.StringIO())
