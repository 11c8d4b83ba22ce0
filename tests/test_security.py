"""What the tracker promises a hostile visitor: security headers on every response, sign-ins
throttled, production settings that pass Django's deployment check, and a database restart
that costs no request."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7#Lq9!vB2@mN5$kR8^tW1&zC4*pF6(hJ3)dG0-sY",
    "ALLOWED_HOSTS": "tracker.example.org",
}


def production(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("HTTPS", "BEHIND_PROXY")}
    env.update(PRODUCTION, SECRET_KEY=PRODUCTION["SECRET_KEY"] * 2, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    return subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_production_settings_pass_djangos_deployment_check_with_no_warning(tmp_path):
    result = production(tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_in_production_plain_http_is_redirected_and_https_answers_carry_hsts(tmp_path):
    script = (
        "import django; django.setup(); from django.test import Client; c = Client(HTTP_HOST='tracker.example.org');"
        "r = c.get('/no-such-page/'); print(r.status_code, r.get('Location'));"
        "r = c.get('/no-such-page/', secure=True); print(r.status_code, r.get('Strict-Transport-Security'))"
    )
    result = production(tmp_path, "-c", f"import os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; {script}")
    redirect, hsts = result.stdout.splitlines()
    assert redirect == "301 https://tracker.example.org/no-such-page/", result.stderr
    assert hsts == "404 max-age=31536000; includeSubDomains; preload"


@pytest.mark.parametrize(
    "url",
    ["/", "/dialogues/", "/dialogues.csv", "/search/?q=x", "/feed/", "/no-such-page/", "/admin/login/"],
)
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_static_files_carry_the_security_headers_too(client):
    from django.templatetags.static import static

    response = client.get(static("css/site.css"))
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"] and response["X-Frame-Options"] == "DENY"


def sign_in(client, username: str, password: str, address: str = "192.0.2.10"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while(client, editor):
    for _ in range(4):
        assert sign_in(client, "hana", "wrong-guess").status_code == 200  # the form again, with its error
    assert sign_in(client, "hana", "wrong-guess").status_code == 429
    response = sign_in(client, "hana", "a-long-editor-passphrase")
    assert response.status_code == 429 and "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_holds_for_the_account_from_another_address(client, editor):
    for n in range(5):
        sign_in(client, "hana", "wrong-guess", address=f"192.0.2.{n + 1}")
    assert sign_in(client, "hana", "a-long-editor-passphrase", address="198.51.100.7").status_code == 429


def test_the_lockout_holds_for_the_address_whatever_account_it_tries(client, editor):
    User.objects.create_user("kenji", password="another-long-passphrase", is_staff=True)
    for n in range(5):
        sign_in(client, f"guess-{n}", "wrong-guess")
    assert sign_in(client, "kenji", "another-long-passphrase").status_code == 429


def test_a_right_password_before_the_limit_signs_in_and_clears_the_count(client, editor):
    for _ in range(4):
        sign_in(client, "hana", "wrong-guess")
    assert sign_in(client, "hana", "a-long-editor-passphrase").status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "hana", "wrong-guess")
    assert sign_in(client, "hana", "a-long-editor-passphrase").status_code == 302


def test_a_nul_in_the_user_name_is_a_form_error_not_a_server_error(client, editor):
    response = sign_in(client, "ha\x00na", "wrong-guess")
    assert response.status_code == 200 and "Null characters are not allowed" in response.content.decode()


def _serve(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError(f"gunicorn did not start: {server.stderr.read().decode()}")


def _status(url: str) -> int:
    try:
        return urllib.request.urlopen(url, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.django_db(transaction=True)
def test_a_database_restart_costs_a_reconnect_not_a_failed_request(tmp_path, collected_static):
    """A gunicorn worker keeps its database connection between requests; when the server drops
    it (PostgreSQL restarted), the next request must still be answered."""
    from django.db import connection

    env = {
        **os.environ,
        "DEBUG": "false",
        "HTTPS": "false",
        "CONN_MAX_AGE": "600",
        "STATIC_ROOT": str(collected_static),
    }
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    else:  # SQLite: no server to restart, but the worker still serves from one kept connection
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = _serve(env, port)
    try:
        assert _status(f"http://127.0.0.1:{port}/dialogues/") == 200
        if connection.vendor == "postgresql":  # what a restart does to every open connection
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        assert [_status(f"http://127.0.0.1:{port}/dialogues/") for _ in range(3)] == [200, 200, 200]
    finally:
        server.terminate()
        server.wait(timeout=10)
