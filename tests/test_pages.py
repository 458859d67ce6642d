"""The project-level pages and the Japanese error pages."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import BadRequest, PermissionDenied
from django.test import RequestFactory, override_settings
from django.urls import include, path

from kumamoto_portal.site import views
from tests.helpers import assert_shows, page_kinds, page_text

pytestmark = pytest.mark.django_db


def _raise_bad_request(request):
    raise BadRequest("bad")


def _raise_permission_denied(request):
    raise PermissionDenied


def _crash(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("bad/", _raise_bad_request),
    path("denied/", _raise_permission_denied),
    path("crash/", _crash),
    path("", include("kumamoto_portal.urls")),
]
handler400 = "kumamoto_portal.site.views.bad_request"
handler403 = "kumamoto_portal.site.views.permission_denied"
handler500 = "kumamoto_portal.site.views.server_error"


def test_home_answers_in_japanese(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "熊本連携中枢都市圏" in html
    assert 'href="#main"' in html  # skip link
    assert '<main id="main"' in html


def test_accessibility_policy_names_the_standard_and_the_contact(client):
    html = client.get("/accessibility/").content.decode()
    assert_shows(
        html,
        "JIS X 8341-3:2016",
        "適合レベル AA",
        "axe-core",
        "tel:+81-96-328-2035",
    )


def test_footer_links_to_the_accessibility_policy(client):
    assert 'href="/accessibility/"' in client.get("/").content.decode()


def test_unknown_page_gives_the_japanese_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()
    assert '<html lang="ja">' in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_bad_request_gives_the_japanese_400(client):
    response = client.get("/bad/")
    assert response.status_code == 400
    assert "リクエストの内容を確認してください" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_permission_denied_gives_the_japanese_403(client):
    response = client.get("/denied/")
    assert response.status_code == 403
    assert "このページは表示できません" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_a_crash_gives_the_japanese_500_without_a_trace(client):
    client.raise_request_exception = False
    response = client.get("/crash/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "ただいまページを表示できません" in html
    assert "Traceback" not in html and "boom" not in html


def test_csrf_failure_gives_the_japanese_403():
    response = views.csrf_failure(RequestFactory().post("/"), reason="CSRF token missing")
    assert response.status_code == 403
    assert "送信を受け付けませんでした" in response.content.decode()


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_the_pages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "http://testserver/accessibility/" in response.content.decode()


@pytest.mark.usefixtures("reference_data")
def test_sitemap_lists_every_municipality_field_and_project(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert_shows(
        xml,
        "http://testserver/areas/432067/",
        "http://testserver/policy/3/21/",
        "http://testserver/projects/line-counseling/",
        "http://testserver/libraries/locations/1/",
        "http://testserver/counseling/calendar/",
    )


@pytest.mark.usefixtures("reference_data")
def test_html_and_css_of_each_page_stay_under_50_kb(client):
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").stat().st_size
    sizes = {url: len(client.get(url).content) for url in page_kinds()}
    assert {url: html + css for url, html in sizes.items() if html + css >= 50 * 1024} == {}


@pytest.mark.usefixtures("reference_data")
def test_pages_request_nothing_from_other_hosts(client):
    import re

    for url in page_kinds():
        html = client.get(url).content.decode()
        assets = re.findall(r'<(?:link|script|img|iframe)[^>]+(?:href|src)="(https?:)?//', html)
        assert assets == [], url


@pytest.mark.usefixtures("reference_data")
def test_pages_travel_compressed_and_are_not_sent_twice(client):
    plain = client.get("/areas/")
    compressed = client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert len(compressed.content) < len(plain.content) / 3
    again = client.get("/areas/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.usefixtures("reference_data")
def test_styleguide_shows_every_status_and_is_not_indexed(client):
    from counseling.models import WeeklySession

    WeeklySession.objects.update(valid_until=date(2027, 12, 31))  # staff confirmed the sessions
    with time_machine.travel(datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("Asia/Tokyo")), tick=False):
        response = client.get("/styleguide/")
    page = page_text(response)
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert all(label in page for label in ("準備中", "実施中", "終了"))
    # both status boxes, drawn from the next real session (Tue 2026-12-01 18:00-22:00)
    assert "受付中 いま相談できます。今日の受付は 22:00 まで" in page
    assert "受付時間外 次の受付は 2026年12月1日(火) 18:00 から" in page
    assert b"/styleguide/" not in client.get("/sitemap.xml").content


def test_styleguide_works_without_a_counseling_service(client):
    response = client.get("/styleguide/")
    assert response.status_code == 200
    assert "受付時間外" not in page_text(response)


@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_head_gives_the_headers_of_get_without_a_body(client, encoding):
    get = client.get("/areas/", HTTP_ACCEPT_ENCODING=encoding)
    head = client.head("/areas/", HTTP_ACCEPT_ENCODING=encoding)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    # gzip output carries up to 100 random bytes (Django's BREACH mitigation)
    slack = 100 if encoding else 0
    assert abs(int(head["Content-Length"]) - len(get.content)) <= slack


def test_no_template_comment_leaks_onto_a_page(client, reference_data):
    """Django's {# #} comments are one line only: a longer one would show on the page."""
    from tests.helpers import public_urls

    for url in public_urls():
        assert "{#" not in client.get(url).content.decode(), url
