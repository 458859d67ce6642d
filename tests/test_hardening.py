"""Hardening: a forged Host, unexpected methods and hostile staff input never break a page."""

import csv
import io
from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client, RequestFactory, override_settings

from areas.models import CooperationProject, Municipality
from counseling.models import Service
from kumamoto_portal.serving.clientip import client_ip
from kumamoto_portal.site.pages import one_of_each, public_urls
from libraries.models import LibrarySystem, Location
from libraries.opendata import spreadsheet_safe

pytestmark = pytest.mark.django_db


def public_routes() -> list[str]:
    """One URL of every kind of public page and file, the maintainers' styleguide and a missing page."""
    return [*one_of_each(public_urls()), "/styleguide/", "/no-such-page/"]


SITE = "https://portal.example.jp"


def assert_secure_headers(response) -> None:
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


# --- 1. A Host header outside ALLOWED_HOSTS -------------------------------------------


@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("cache_seconds", [0, 60])
def test_a_forged_host_gets_a_japanese_400_with_every_security_header(client, cache_seconds):
    for url in public_routes():
        with override_settings(PAGE_CACHE_SECONDS=cache_seconds, SITE_URL=SITE):
            client.get(url)  # a good request first: a cached copy must not be handed to the forged host
            response = client.get(url, HTTP_HOST="evil.example")
        assert response.status_code == 400, url
        assert "リクエストの内容を確認してください" in response.content.decode()
        assert "evil.example" not in response.content.decode()
        assert_secure_headers(response)


@pytest.mark.usefixtures("reference_data")
@override_settings(SITE_URL=SITE, ALLOWED_HOSTS=["testserver"])
def test_absolute_urls_come_from_site_url_never_from_the_host_header(client):
    host = {"HTTP_HOST": "testserver:6666"}  # an allowed host with a forged port
    robots = client.get("/robots.txt", **host).content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml", **host).content.decode()
    assert f"<loc>{SITE}/areas/</loc>" in sitemap and "6666" not in sitemap
    ics = client.get("/counseling/sessions.ics", **host).content.decode()
    assert f"{SITE}/counseling/" in ics.replace("\r\n ", "") and "6666" not in ics
    facilities = client.get("/libraries/facilities.csv", **host).content.decode()
    assert f"このサイトの案内: {SITE}/libraries/locations/" in facilities and "6666" not in facilities
    page = client.get("/areas/?sort=kana", **host).content.decode()
    assert f"{SITE}/areas/?sort=kana</p>" in page and "6666" not in page


def test_site_url_must_be_a_bare_origin():
    for bad in ("portal.example.jp", "https://portal.example.jp/path", "javascript:alert(1)"):
        with override_settings(SITE_URL=bad), pytest.raises(SystemCheckError, match=r"portal\.E003"):
            call_command("check")
    with override_settings(SITE_URL="https://portal.example.jp:8443"):
        call_command("check")


# --- 2. Public pages answer GET and HEAD only ---------------------------------------------


@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options", "trace"])
def test_public_routes_refuse_other_methods_with_405(method):
    client = Client(enforce_csrf_checks=True)
    for url in public_routes():
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD"
        assert "この操作はできません" in response.content.decode()
        assert_secure_headers(response)


@pytest.mark.usefixtures("reference_data")
def test_a_csrf_token_does_not_turn_a_post_into_the_page(client):
    client.get("/libraries/")
    token = client.cookies.get("csrftoken")
    response = client.post("/libraries/", {"csrfmiddlewaretoken": token.value if token else "x"})
    assert response.status_code == 405


def test_head_still_works_and_the_admin_still_takes_posts(client, django_user_model):
    assert client.head("/accessibility/").status_code == 200
    django_user_model.objects.create_superuser("clerk", "clerk@example.jp", "a-long-test-password")
    response = client.post("/admin/login/", {"username": "clerk", "password": "a-long-test-password"})
    assert response.status_code == 302


# --- 3. Staff input that would break a page or a file -----------------------------------------


@pytest.mark.usefixtures("reference_data")
def test_a_line_break_in_a_one_line_field_is_refused_by_the_model_and_the_admin(staff):
    service = Service.objects.get()
    service.name = "LINE相談\n(改行)"
    with pytest.raises(ValidationError, match="制御文字"):
        service.full_clean()
    location = Location.objects.first()
    location.name = "図書館\t分館"
    with pytest.raises(ValidationError, match="制御文字"):
        location.full_clean()
    municipality = Municipality.objects.get(code="432067")
    data = {
        "code": municipality.code,
        "name": "玉名\r\n市",
        "kana": municipality.kana,
        "kind": municipality.kind,
        "joined_on": "2023-10-24",
    }
    response = staff.post(f"/admin/areas/municipality/{municipality.pk}/change/", data)
    assert response.status_code == 200
    assert "制御文字" in response.content.decode()
    municipality.refresh_from_db()
    assert municipality.name == "玉名市"


@pytest.mark.usefixtures("reference_data")
@pytest.mark.usefixtures("confirmed_schedule")
def test_the_ics_feed_answers_200_whatever_the_database_holds(client):
    Service.objects.update(name="LINE相談\r\nX-INJECTED:1\n", channel="LINE\n")
    response = client.get("/counseling/sessions.ics")
    assert response.status_code == 200
    body = response.content.decode()
    assert "\nX-INJECTED" not in body
    assert "BEGIN:VEVENT" in body


@pytest.mark.parametrize("path", ["//2130706433", "//intranet", "//evil.example/x", "/\\evil.example", "https://x.jp/"])
def test_a_project_page_path_must_stay_on_this_site(path):
    project = CooperationProject(title="x", slug="x", summary="x", page_path=path)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "page_path" in error.value.message_dict


def test_a_site_path_and_web_addresses_are_accepted_other_schemes_are_not():
    CooperationProject(title="x", slug="x", summary="x", page_path="/libraries/").full_clean()
    municipality = Municipality(
        code="432067", name="玉名市", kana="たまなし", kind="市", joined_on=date(2023, 10, 24), website="ftp://x.jp/"
    )
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "http:// か https://" in " ".join(error.value.message_dict["website"])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+81-96-328-2035", "'+81-96-328-2035"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("-12.5", "-12.5"),
        ("096-328-2035", "096-328-2035"),
        ("玉名市民図書館", "玉名市民図書館"),
        ("", ""),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell, expected):
    assert spreadsheet_safe(cell) == expected


@pytest.mark.usefixtures("reference_data")
def test_a_formula_in_a_facility_name_comes_out_neutralised_in_the_csv(client):
    system = LibrarySystem.objects.get(name="玉名市立図書館")
    Location.objects.create(system=system, name='=HYPERLINK("http://evil.example","x")', display_order=999)
    rows = list(csv.reader(io.StringIO(client.get("/libraries/facilities.csv").content.decode())))
    names = [row[4] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","x")' in names
    assert not any(name.startswith("=") for name in names)


# --- 4. The login throttle's client address --------------------------------------------------


def _request(forwarded: str = "", remote: str = "10.0.0.1"):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/admin/login/", **meta)


def test_a_forged_forwarded_for_changes_nothing_without_trusted_proxies():
    assert settings.TRUSTED_PROXY_COUNT == 0
    assert client_ip(_request("203.0.113.9")) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_the_client_is_the_last_forwarded_address():
    assert client_ip(_request("203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request("1.2.3.4, 203.0.113.9")) == "203.0.113.9"  # a forged first entry is ignored
    assert client_ip(_request("")) == "10.0.0.1"


def _fail_logins(client, count: int, forwarded: str, remote: str = "10.0.0.1"):
    for _ in range(count):
        response = client.post(
            "/admin/login/?next=/admin/",
            {"username": "clerk", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=forwarded,
            REMOTE_ADDR=remote,
        )
    return response


def test_axes_keys_on_the_remote_address_when_no_proxy_is_trusted(client, django_user_model):
    django_user_model.objects.create_superuser("clerk", "clerk@example.jp", "a-long-test-password")
    _fail_logins(client, settings.AXES_FAILURE_LIMIT - 1, "198.51.100.1")
    # A new forged address does not buy fresh attempts.
    assert _fail_logins(client, 1, "198.51.100.2").status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_axes_keys_on_the_forwarded_client_behind_a_trusted_proxy(client, django_user_model):
    django_user_model.objects.create_superuser("clerk", "clerk@example.jp", "a-long-test-password")
    assert _fail_logins(client, settings.AXES_FAILURE_LIMIT, "198.51.100.1").status_code == 429
    # Another resident behind the same load balancer is not locked out by the first one's failures.
    assert _fail_logins(client, 1, "198.51.100.2").status_code == 200


# --- 5. After signing in ----------------------------------------------------------------------


def test_signing_in_without_next_leads_to_the_admin(client, django_user_model):
    django_user_model.objects.create_superuser("clerk", "clerk@example.jp", "a-long-test-password")
    response = client.post("/admin/login/", {"username": "clerk", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
