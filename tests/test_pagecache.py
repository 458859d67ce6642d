"""The whole-page cache: hits cost one query, any content edit is seen at once,
the live counseling status is never served past its change, staff bypass it."""

import gzip
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.http import HttpResponse
from django.test import override_settings

from areas.models import CooperationProject, Municipality
from counseling.models import WeeklySession
from kumamoto_portal.models import ContentVersion
from kumamoto_portal.serving import pagecache
from tests.helpers import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
TOKYO = ZoneInfo("Asia/Tokyo")
PAGES = ["/", "/areas/", "/areas/history/", "/policy/", "/libraries/", "/libraries/locations/", "/counseling/"]


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=60):
        yield
    cache.clear()


def at(*args: int):
    return time_machine.travel(datetime(*args, tzinfo=TOKYO), tick=False)


@pytest.mark.parametrize("url", PAGES)
def test_a_repeated_request_is_served_from_the_cache_with_one_query(client, url, django_assert_num_queries):
    first = client.get(url)
    with django_assert_num_queries(1):  # the content version
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content


def test_a_cached_page_still_carries_the_security_headers(client):
    client.get("/areas/")
    response = client.get("/areas/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_an_edit_is_seen_on_the_next_request(client):
    assert "玉名市" in page_text(client.get("/areas/"))
    tamana = Municipality.objects.get(name="玉名市")
    tamana.name = "玉名市(編集済み)"
    tamana.save()
    assert "玉名市(編集済み)" in page_text(client.get("/areas/"))


def test_a_deletion_is_seen_on_the_next_request(client):
    project = CooperationProject.objects.first()
    assert project.title in page_text(client.get("/"))
    project.delete()
    assert project.title not in page_text(client.get("/"))


def test_a_change_of_taking_part_municipalities_raises_the_version():
    project = CooperationProject.objects.first()
    before = pagecache.content_version()
    project.municipalities.remove(project.municipalities.first())
    assert pagecache.content_version() > before


def test_the_version_row_is_recreated_when_missing():
    ContentVersion.objects.all().delete()
    assert pagecache.content_version() == 0
    pagecache.bump_content_version()
    assert pagecache.content_version() == 1


def test_edit_history_rows_and_migration_copies_are_not_content():
    assert pagecache.is_content_model(Municipality)
    assert pagecache.is_content_model(CooperationProject.municipalities.through)
    assert not pagecache.is_content_model(Municipality.history.model)
    assert not pagecache.is_content_model(ContentVersion)
    frozen = MigrationLoader(connection).project_state().apps.get_model("areas", "Municipality")
    assert not pagecache.is_content_model(frozen)


@pytest.mark.usefixtures("confirmed_schedule")
def test_the_live_status_is_not_served_past_its_change(client):
    with at(2026, 12, 1, 17, 59, 0):
        assert "受付時間外" in page_text(client.get("/counseling/"))
    with at(2026, 12, 1, 17, 59, 30):
        cached = client.get("/counseling/")
        assert "受付時間外" in page_text(cached)
        assert cached["Cache-Control"] == "no-cache"  # browsers ask again; the stored copy ends at 18:00
    with at(2026, 12, 1, 18, 0, 0):
        assert "受付中" in page_text(client.get("/counseling/"))
        assert "受付中" in page_text(client.get("/"))


@pytest.mark.usefixtures("confirmed_schedule")
def test_a_schedule_edit_changes_the_status_at_once(client):
    with at(2026, 12, 1, 19, 0, 0):
        assert "受付中" in page_text(client.get("/counseling/"))
        WeeklySession.objects.filter(weekday=1).delete()  # staff drop the Tuesday session
        assert "受付時間外" in page_text(client.get("/counseling/"))


def test_other_query_strings_and_hosts_are_other_pages(client):
    by_code = client.get("/areas/?sort=code")
    by_population = client.get("/areas/?sort=population")
    assert by_code.content != by_population.content
    with override_settings(ALLOWED_HOSTS=["a.example.jp", "b.example.jp"]):
        sitemap_a = client.get("/sitemap.xml", HTTP_HOST="a.example.jp")
        sitemap_b = client.get("/sitemap.xml", HTTP_HOST="b.example.jp")
    assert b"b.example.jp" in sitemap_b.content
    assert b"b.example.jp" not in sitemap_a.content


def test_error_pages_are_not_cached(client, django_assert_num_queries):
    client.get("/areas/999999/")
    with django_assert_num_queries(4):  # the version, the lookup again, the urgent banner, the footer's operator
        assert client.get("/areas/999999/").status_code == 404


def test_signed_in_staff_always_get_a_fresh_page(staff):
    staff.get("/areas/")
    quiet_rename("玉名市", "玉名市(裏で変更)")
    assert "玉名市(裏で変更)" in page_text(staff.get("/areas/"))


def quiet_rename(old: str, new: str) -> None:
    """An edit that sends no signal, so the cache is not told of it."""
    Municipality.objects.filter(name=old).update(name=new)


def test_an_edit_without_signal_stays_unseen_while_cached(client):
    client.get("/areas/")
    quiet_rename("玉名市", "玉名市(裏で変更)")
    assert "玉名市(裏で変更)" not in page_text(client.get("/areas/"))


def test_page_cache_seconds_zero_turns_it_off(client):
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get("/areas/")
        quiet_rename("玉名市", "玉名市(裏で変更)")
        assert "玉名市(裏で変更)" in page_text(client.get("/areas/"))


def stored(response) -> bool:
    return cache.get(pagecache.page_key(response.wsgi_request)) is not None


def test_public_pages_are_stored_but_the_login_form_is_not(client):
    assert stored(client.get("/libraries/"))
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert not stored(login)  # it carries a CSRF token and forbids caching


@pytest.mark.parametrize(
    ("headers", "cookie", "lifetime"),
    [
        ({}, False, 60),
        ({"Cache-Control": "public, max-age=42"}, False, 42),
        ({"Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private"}, False, 0),
        ({"Cache-Control": "public, max-age=600"}, False, 60),  # PAGE_CACHE_SECONDS is the longest
        ({"Vary": "Cookie"}, False, 0),
        ({"Vary": "Accept-Encoding"}, False, 60),  # one copy per encoding (see page_key)
        ({}, True, 0),
    ],
)
def test_cache_lifetime_follows_the_response(headers, cookie, lifetime):
    response = HttpResponse("ページ", headers=headers)
    if cookie:
        response.set_cookie("csrftoken", "x")
    assert pagecache.cache_lifetime(response, default=60) == lifetime


def test_errors_are_never_kept():
    assert pagecache.cache_lifetime(HttpResponse(status=404), default=60) == 0


@pytest.mark.parametrize(
    ("instant", "seconds"),
    [((2026, 11, 25, 23, 59, 30), 30), ((2026, 11, 25, 0, 0, 0), 86400), ((2026, 12, 31, 23, 0, 0), 3600)],
)
def test_seconds_to_midnight_in_japan(instant, seconds):
    assert pagecache.seconds_to_midnight(datetime(*instant, tzinfo=TOKYO)) == seconds


def test_as_of_today_pages_are_not_kept_past_midnight(client):
    with at(2026, 11, 25, 23, 59, 50):
        assert "令和8年11月25日現在" in page_text(client.get("/areas/"))
    with at(2026, 11, 26, 0, 0, 0):
        assert "令和8年11月26日現在" in page_text(client.get("/areas/"))


def test_a_hit_is_the_stored_compressed_body_not_compressed_again(client):
    first = client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    second = client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    # Django adds random bytes to every compression (BREACH): equal bodies were compressed once.
    assert second.content == first.content
    again = client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip")
    assert again.content == first.content
    assert "玉名市" in gzip.decompress(second.content).decode()


def test_a_browser_without_gzip_gets_its_own_plain_copy(client):
    client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/areas/")
    assert not plain.has_header("Content-Encoding")
    assert "玉名市" in page_text(plain)


def test_a_hit_answers_304_to_the_etag_it_sent(client, django_assert_num_queries):
    first = client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip")
    etag = first["ETag"]
    with django_assert_num_queries(1):
        again = client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    tamana = Municipality.objects.get(name="玉名市")
    tamana.name = "玉名市(編集済み)"
    tamana.save()
    assert client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_health_check_is_never_cached(client):
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.content.decode() == "database: ok\ncache: ok\n"
    assert "no-store" in answer["Cache-Control"]
    assert not stored(answer)


@pytest.mark.usefixtures("confirmed_schedule")
def test_a_late_copy_leaves_out_the_live_status_and_is_not_kept_by_browsers(client):
    with at(2026, 12, 1, 19, 0, 0):
        live = client.get("/counseling/", HTTP_ACCEPT_ENCODING="gzip")
    entry = cache.get(pagecache.page_key(live.wsgi_request))
    assert entry.live_status
    late = pagecache.late_copy(entry)
    html = gzip.decompress(late.content).decode()
    assert "受付状況を表示できません" in html
    assert '"status-label">受付中<' not in html
    assert "毎週" in html
    assert int(late["Content-Length"]) == len(late.content)
    assert "no-store" in late["Cache-Control"]
    assert not late.has_header("ETag")
    assert '"status-label">受付中<' in gzip.decompress(entry.content).decode()  # the stored copy is intact


def test_pages_without_the_live_status_are_served_late_as_they_were(client):
    client.get("/areas/")
    entry = cache.get(pagecache.page_key(client.get("/areas/").wsgi_request))
    assert not entry.live_status
    assert pagecache.late_copy(entry).content == entry.content
