"""Notices in a running server: a scheduled notice appears on time with the page cache on
(as `make run` serves), the banner in a real browser, axe on the notice pages, print."""

import time
import urllib.request
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import Page

from notices.models import Notice
from tests.browser import assert_accessible, pdf_text, print_pdf

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]


def _notice(title: str, **fields) -> Notice:
    defaults = {
        "body": "図書館の蔵書点検のため、次の期間は休館します。\n\n返却ポストはご利用いただけます。",
        "published_at": timezone.now() - timedelta(minutes=1),
        "office": "熊本市立図書館",
    }
    return Notice.objects.create(title=title, **{**defaults, **fields})


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


@override_settings(PAGE_CACHE_SECONDS=60)  # the default of `make run`
def test_a_notice_scheduled_5_seconds_ahead_appears_on_time_on_cached_pages(live_server):
    urls = [live_server.url + path for path in ("/", "/notices/", "/notices/feed.atom")]
    appears = timezone.now() + timedelta(seconds=5)
    _notice("5秒後に掲載するお知らせ", published_at=appears)
    for url in urls:
        assert "5秒後に掲載するお知らせ" not in _get(url), url  # and now each page is in the cache
    time.sleep(max(0.0, (appears - timezone.now()).total_seconds()) + 0.05)
    deadline = appears + timedelta(seconds=1)
    for url in urls:
        assert "5秒後に掲載するお知らせ" in _get(url), url
    assert timezone.now() < deadline


@override_settings(PAGE_CACHE_SECONDS=60)
def test_an_urgent_banner_shows_on_the_main_pages_and_goes_when_it_ends(live_server):
    for path in ("/areas/", "/libraries/", "/counseling/"):
        _get(live_server.url + path)  # cached without a banner
    ends = timezone.now() + timedelta(seconds=3)
    _notice("地震のため本日は臨時休館します", is_urgent=True, expires_at=ends)
    for path in ("/areas/", "/libraries/", "/counseling/"):
        assert "地震のため本日は臨時休館します" in _get(live_server.url + path), path
    time.sleep(max(0.0, (ends - timezone.now()).total_seconds()) + 0.05)
    for path in ("/areas/", "/libraries/", "/counseling/"):
        assert "地震のため本日は臨時休館します" not in _get(live_server.url + path), path


def test_notice_pages_and_the_banner_have_no_axe_violation_and_print(page: Page, live_server):
    notice = _notice("台風のため今夜のLINE相談を休みます", is_urgent=True)
    _notice("新しい連携事業を始めました")
    assert_accessible(page, f"{live_server.url}/notices/", "notices-list")
    assert_accessible(page, f"{live_server.url}{notice.get_absolute_url()}", "notice-detail")
    assert_accessible(page, f"{live_server.url}/areas/", "areas-with-urgent-banner")
    text = pdf_text(print_pdf(page, "areas-with-urgent-banner-print"))
    assert "緊急のお知らせ" in text and "台風のため今夜のLINE相談を休みます" in text
