"""Counseling pages in a real browser: axe at both widths, the QR code scans, print."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect

from counseling.models import Service, WeeklySession
from tests.browser import assert_accessible, pdf_text, print_pdf

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]
TOKYO = ZoneInfo("Asia/Tokyo")
FRIEND_URL = "https://line.me/R/ti/p/@portal-test"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/counseling/", "counseling"),
        ("/counseling/calendar/?month=2026-12", "counseling-calendar"),
        ("/counseling/calendar/?month=bad", "counseling-calendar-error"),
    ],
)
def test_counseling_page_has_no_axe_violation(page: Page, live_server, path, name):
    assert_accessible(page, live_server.url + path, name)


def test_counseling_page_while_open_has_no_axe_violation(page: Page, live_server):
    WeeklySession.objects.update(valid_until=date(2027, 12, 31))  # staff confirmed the sessions
    # The server runs in this process, so pinning the clock pins what it renders.
    with time_machine.travel(datetime(2026, 12, 1, 19, 0, tzinfo=TOKYO), tick=True):
        assert_accessible(page, live_server.url + "/counseling/", "counseling-open")
        expect(page.locator(".status-label")).to_have_text("受付中")


def test_qr_code_appears_once_staff_set_the_url_and_scans_to_it(page: Page, live_server):
    page.goto(live_server.url + "/counseling/")
    expect(page.locator(".qr-code")).to_have_count(0)
    Service.objects.update(friend_add_url=FRIEND_URL)
    page.reload()  # the page may be cached until the status changes; a reload revalidates
    qr = page.locator("svg.qr-code")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 150  # large enough to scan from a screen
    image = Image.open(io.BytesIO(qr.screenshot()))
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [FRIEND_URL]
    assert_accessible(page, live_server.url + "/counseling/", "counseling-with-qr")


def test_qr_code_prints_and_still_scans(page: Page, live_server):
    Service.objects.update(friend_add_url=FRIEND_URL)
    page.goto(live_server.url + "/counseling/")
    text = pdf_text(print_pdf(page, "counseling-print"))
    assert "こころの悩み相談@熊本連携中枢都市圏" in text
    assert "096-353-4343" in text  # crisis lines are printed
    assert "毎週 火曜日・日曜日 18:00〜22:00" in text  # the schedule is printed
    assert "次の受付は" not in text  # the live status is not: on paper it would soon be wrong
    page.emulate_media(media="print")
    image = Image.open(io.BytesIO(page.locator("svg.qr-code").screenshot()))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [FRIEND_URL]


def test_calendar_prints_the_month_on_a4(page: Page, live_server):
    page.goto(live_server.url + "/counseling/calendar/?month=2026-12")
    text = pdf_text(print_pdf(page, "counseling-calendar-print"))
    assert "令和8年12月(2026年12月)の受付日" in text
    assert "休み(年末年始)" in text
    assert "前の月" not in text  # month navigation is not printed
