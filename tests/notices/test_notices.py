"""Notices: when they show, their pages, the feed, the banner, the admin and the page cache."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, override_settings

from areas.models import CooperationProject, Municipality
from notices.models import Notice
from tests.helpers import page_text

from .conftest import NOW, make_notice

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(NOW, tick=False):
        yield


# --- rules: visibility, status, the next change -------------------------------------------


def test_a_notice_is_visible_from_its_publication_up_to_its_expiry():
    shown = make_notice("掲載中")
    make_notice("予定", published_at=NOW + timedelta(minutes=5))
    make_notice("終了", expires_at=NOW)  # ends exactly now: already gone
    make_notice("期限内", expires_at=NOW + timedelta(seconds=1))
    assert {n.title for n in Notice.objects.visible_at(NOW)} == {"掲載中", "期限内"}
    assert shown.status_at(NOW) == Notice.Status.SHOWN
    assert shown.status_at(NOW - timedelta(hours=2)) == Notice.Status.SCHEDULED


def test_status_labels_and_boundaries():
    notice = make_notice(published_at=NOW, expires_at=NOW + timedelta(hours=1))
    assert notice.status_at(NOW - timedelta(microseconds=1)).label == "予定"
    assert notice.status_at(NOW).label == "掲載中"
    assert notice.status_at(NOW + timedelta(hours=1)).label == "掲載終了"


def test_the_next_change_is_the_nearest_publication_or_expiry():
    assert Notice.objects.next_change_after(NOW) is None
    make_notice(published_at=NOW + timedelta(hours=3))
    assert Notice.objects.next_change_after(NOW) == NOW + timedelta(hours=3)
    make_notice(expires_at=NOW + timedelta(minutes=30))
    assert Notice.objects.next_change_after(NOW) == NOW + timedelta(minutes=30)


def test_an_expiry_before_the_publication_is_refused():
    notice = Notice(title="x", body="x", office="x", published_at=NOW, expires_at=NOW - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="掲載開始日時より後"):
        notice.full_clean()


# --- pages ---------------------------------------------------------------------------------


def test_the_list_shows_visible_notices_newest_first_20_a_page(client):
    for n in range(25):
        make_notice(f"お知らせ{n:02d}", published_at=NOW - timedelta(minutes=n + 1))
    make_notice("まだ先", published_at=NOW + timedelta(days=1))
    first = page_text(client.get("/notices/"))
    assert first.index("お知らせ00") < first.index("お知らせ19")
    assert "お知らせ20" not in first and "まだ先" not in first
    second = page_text(client.get("/notices/", {"page": "2"}))
    assert "お知らせ24" in second and "お知らせ00" not in second
    assert 'href="/notices/feed.atom"' in client.get("/notices/").content.decode()


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1e3", "99999999999999999999"])
def test_a_page_number_out_of_range_or_junk_answers_404(client, page):
    make_notice()
    assert client.get("/notices/", {"page": page}).status_code == 404


def test_a_notice_page_has_its_dates_office_phone_and_links():
    tamana = Municipality.objects.create(
        code="432067", name="玉名市", kana="たまなし", kind="市", joined_on=NOW.date() - timedelta(days=900)
    )
    project = CooperationProject.objects.create(title="LINE相談", slug="line-counseling", summary="x")
    notice = make_notice(municipalities=[tamana], project=project)
    response = Client().get(notice.get_absolute_url())
    html, text = response.content.decode(), page_text(response)
    assert "掲載日: 令和8年12月1日(2026年12月1日)" in text
    assert 'href="tel:+81-96-328-2111"' in html
    assert 'href="/areas/432067/"' in html and 'href="/projects/line-counseling/"' in html
    assert "<p>台風の接近のため、今夜の受付を休みます。</p>" in html  # paragraphs
    assert '<a href="https://www.city.kumamoto.jp/"' in html  # addresses become links


def test_html_in_a_body_is_shown_as_text(client):
    notice = make_notice(body='<script>alert(1)</script><a href="javascript:x">x</a>')
    html = client.get(notice.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_residents_get_404_for_scheduled_or_ended_notices_staff_see_a_label(client, staff):
    scheduled = make_notice("予定のお知らせ", published_at=NOW + timedelta(hours=1))
    ended = make_notice("終わったお知らせ", expires_at=NOW - timedelta(minutes=1), published_at=NOW - timedelta(days=1))
    resident = Client()
    assert resident.get(scheduled.get_absolute_url()).status_code == 404
    assert resident.get(ended.get_absolute_url()).status_code == 404
    assert "公開前のプレビュー" in page_text(staff.get(scheduled.get_absolute_url()))
    assert "掲載終了" in page_text(staff.get(ended.get_absolute_url()))


def test_the_atom_feed_holds_the_20_newest_visible_notices(client):
    for n in range(22):
        make_notice(f"お知らせ{n:02d}", published_at=NOW - timedelta(minutes=n + 1), is_urgent=n == 0)
    make_notice("まだ先", published_at=NOW + timedelta(days=1))
    response = client.get("/notices/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert len(titles) == 20
    assert titles[0] == "【緊急】お知らせ00" and "まだ先" not in titles
    link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.startswith("http://testserver/notices/")


@override_settings(SITE_URL="https://portal.example.jp")
def test_feed_links_use_site_url(client):
    make_notice()
    body = client.get("/notices/feed.atom", HTTP_HOST="testserver").content.decode()
    assert "https://portal.example.jp/notices/" in body and "testserver" not in body


def test_every_page_links_the_feed_and_notices_are_in_the_sitemap(client):
    notice = make_notice()
    make_notice("予定", published_at=NOW + timedelta(days=1))
    assert 'type="application/atom+xml"' in client.get("/accessibility/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{notice.get_absolute_url()}" in sitemap
    assert sitemap.count("/notices/") == 2  # the list and the one visible notice


@pytest.mark.usefixtures("reference_data")
def test_home_lists_the_5_newest_and_member_and_project_pages_their_own(client):
    tamana = Municipality.objects.get(code="432067")
    project = CooperationProject.objects.get(slug="line-counseling")
    for n in range(6):
        make_notice(f"お知らせ{n}", published_at=NOW - timedelta(minutes=n + 1))
    make_notice("玉名市のお知らせ", municipalities=[tamana], published_at=NOW - timedelta(days=1))
    make_notice("事業のお知らせ", project=project, published_at=NOW - timedelta(days=1))
    home = page_text(client.get("/"))
    assert "お知らせ0" in home and "お知らせ4" in home and "お知らせ5" not in home
    assert "玉名市のお知らせ" in page_text(client.get("/areas/432067/"))
    assert "玉名市のお知らせ" not in page_text(client.get("/areas/431001/"))
    assert "事業のお知らせ" in page_text(client.get("/projects/line-counseling/"))


@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("url", ["/areas/", "/libraries/", "/counseling/", "/notices/", "/no-such-page/"])
def test_an_urgent_notice_is_a_banner_on_every_page_until_it_ends(client, url):
    assert "緊急のお知らせ" not in page_text(client.get(url))
    notice = make_notice("地震のため図書館を休館します", is_urgent=True, expires_at=NOW + timedelta(hours=1))
    html = client.get(url).content.decode()
    assert '<section class="urgent-banner" aria-label="緊急のお知らせ">' in html
    assert html.index("urgent-banner") < html.index('<header class="site-header">')
    assert html.index('class="skip-link"') < html.index("urgent-banner")
    assert f'href="{notice.get_absolute_url()}"' in html and "令和8年12月1日" in html
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        assert "urgent-banner" not in client.get(url).content.decode()


# --- page cache: on time without an edit or a flush ----------------------------------------------


@pytest.mark.usefixtures("reference_data")
@override_settings(PAGE_CACHE_SECONDS=600)
@pytest.mark.parametrize("url", ["/", "/notices/", "/notices/feed.atom", "/areas/"])
def test_a_scheduled_notice_appears_and_disappears_on_cached_pages_on_time(client, url):
    # Within the cache's 10 minutes: without the notice boundary the cached copies would hide it.
    appears, ends = NOW + timedelta(minutes=5), NOW + timedelta(minutes=8)
    make_notice("5分後のお知らせ", published_at=appears, expires_at=ends, is_urgent=True)
    assert "5分後のお知らせ" not in client.get(url).content.decode()  # now cached
    with time_machine.travel(appears - timedelta(seconds=1), tick=False):
        assert "5分後のお知らせ" not in client.get(url).content.decode()
    with time_machine.travel(appears, tick=False):
        assert "5分後のお知らせ" in client.get(url).content.decode()
    with time_machine.travel(ends, tick=False):
        assert "5分後のお知らせ" not in client.get(url).content.decode()


@pytest.mark.usefixtures("reference_data")
@override_settings(PAGE_CACHE_SECONDS=600)
def test_a_browser_that_revalidates_gets_the_notice_the_moment_it_appears(client):
    make_notice("90秒後のお知らせ", published_at=NOW + timedelta(seconds=90), is_urgent=True)
    first = client.get("/counseling/")
    assert first["Cache-Control"] == "no-cache"  # kept by the browser, but asked again before every use
    assert client.get("/counseling/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with time_machine.travel(NOW + timedelta(seconds=90), tick=False):
        again = client.get("/counseling/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "90秒後のお知らせ" in again.content.decode()


# --- admin and the staff role ----------------------------------------------------------------------


def test_the_admin_lists_status_filters_and_searches(staff):
    make_notice("予定のお知らせ", published_at=NOW + timedelta(hours=1))
    make_notice("掲載中のお知らせ")
    html = staff.get("/admin/notices/notice/").content.decode()
    assert "予定" in html and "掲載中" in html
    shown = staff.get("/admin/notices/notice/", {"status": "shown"}).content.decode()
    assert "掲載中のお知らせ" in shown and "予定のお知らせ" not in shown
    found = staff.get("/admin/notices/notice/", {"q": "予定"}).content.decode()
    assert "予定のお知らせ" in found and "掲載中のお知らせ" not in found


def test_the_admin_refuses_an_expiry_before_the_publication(staff):
    data = {
        "title": "x",
        "body": "x",
        "published_at_0": "2026-12-01",
        "published_at_1": "18:00",
        "expires_at_0": "2026-12-01",
        "expires_at_1": "17:00",
        "office": "熊本市 総務課",
    }
    response = staff.post("/admin/notices/notice/add/", data)
    assert response.status_code == 200
    assert "掲載終了日時は、掲載開始日時より後にしてください" in response.content.decode()
    assert not Notice.objects.exists()


def test_the_notices_role_may_edit_notices_only(client, django_user_model):
    call_command("setup_staff_roles", verbosity=0)
    clerk = django_user_model.objects.create_user("notice-clerk", password="a-long-test-password", is_staff=True)
    clerk.groups.add(Group.objects.get(name="お知らせ担当"))
    client.force_login(clerk)
    assert client.get("/admin/notices/notice/add/").status_code == 200
    assert client.get("/admin/libraries/location/").status_code == 403
    assert client.get("/admin/counseling/service/").status_code == 403


def test_every_page_leads_to_the_notices_from_its_footer(client):
    footer = client.get("/accessibility/").content.decode().split('<footer class="site-footer">')[1]
    assert 'href="/notices/"' in footer and 'href="/notices/feed.atom"' in footer
