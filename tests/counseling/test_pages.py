"""The counseling pages with a pinned clock: live status, cache lifetime, calendar, .ics."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.urls import resolve
from django.utils import timezone
from icalendar import Calendar

from counseling.models import ExtraSession, Service, WeeklySession
from kumamoto_portal.serving.pagecache import PageCacheMiddleware
from tests.helpers import assert_shows, page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
TOKYO = ZoneInfo("Asia/Tokyo")


def at(*args: int):
    return time_machine.travel(datetime(*args, tzinfo=TOKYO), tick=False)


@pytest.fixture(autouse=True)
def schedule_confirmed(request):
    """Staff confirmed the article's Tuesdays and Sundays until the end of 2027 (有効期間), as the
    tests of the status need; tests marked `unconfirmed` keep the reference data as it is."""
    if request.node.get_closest_marker("unconfirmed") is None:
        WeeklySession.objects.update(valid_until=date(2027, 12, 31))


# (instant in Japan time, expected status text) — the instants of the issue.
INSTANTS = [
    ((2026, 12, 1, 17, 59, 59), "受付時間外 次の受付は 2026年12月1日(火) 18:00 から"),
    ((2026, 12, 1, 18, 0, 0), "受付中 いま相談できます。今日の受付は 22:00 まで"),
    ((2026, 12, 1, 21, 59, 59), "受付中"),
    ((2026, 12, 1, 22, 0, 0), "受付時間外 次の受付は 2026年12月6日(日) 18:00 から"),
    ((2026, 11, 30, 12, 0, 0), "受付時間外 次の受付は 2026年12月1日(火) 18:00 から"),
    ((2026, 12, 27, 19, 0, 0), "受付中"),
    ((2026, 12, 29, 19, 0, 0), "受付時間外 次の受付は 2027年1月5日(火) 18:00 から"),
    ((2027, 1, 3, 19, 0, 0), "受付時間外 次の受付は 2027年1月5日(火) 18:00 から"),
    ((2026, 12, 27, 22, 0, 0), "受付時間外 次の受付は 2027年1月5日(火) 18:00 から"),
]


@pytest.mark.parametrize(("instant", "expected"), INSTANTS)
def test_page_shows_the_status_at_the_pinned_instant(client, instant, expected):
    with at(*instant):
        page = page_text(client.get("/counseling/"))
    assert expected in page


@pytest.mark.parametrize(("instant", "expected"), INSTANTS)
def test_home_shows_the_same_status(client, instant, expected):
    with at(*instant):
        page = page_text(client.get("/"))
    assert expected in page


@pytest.mark.parametrize(
    ("instant", "max_age"),
    [
        ((2026, 12, 1, 17, 59, 0), 60),  # opens in a minute
        ((2026, 12, 1, 21, 55, 0), 300),  # closes in five minutes
        ((2026, 12, 1, 12, 0, 0), 600),  # hours away: capped at ten minutes
        ((2026, 12, 1, 17, 59, 59), 1),
    ],
)
def test_status_pages_are_cached_only_until_the_status_changes(client, rf, settings, instant, max_age):
    settings.PAGE_CACHE_SECONDS = 3600
    with at(*instant):
        for url in ("/counseling/", "/"):
            request = rf.get(url)
            request.user = AnonymousUser()
            response = resolve(url).func(request)
            assert PageCacheMiddleware.lifetime(response, timezone.now()) == timedelta(seconds=max_age)
            # Browsers ask again every time (a 304 while unchanged); the server's copy ends with the status.
            assert client.get(url)["Cache-Control"] == "no-cache"


def test_crisis_lines_come_first_when_closed_and_stay_when_open(client):
    with at(2026, 12, 1, 12, 0):
        page = page_text(client.get("/counseling/"))
    assert page.index("熊本いのちの電話") < page.index("相談のはじめ方")
    assert "年中無休・24時間" in page
    with at(2026, 12, 1, 19, 0):
        page = page_text(client.get("/counseling/"))
    assert page.index("相談のはじめ方") < page.index("熊本いのちの電話")
    assert "よりそいホットライン 電話 0120-279-338" in page


def test_page_explains_menus_safety_schedule_and_contact(client):
    with at(2026, 12, 1, 12, 0):
        response = client.get("/counseling/")
    page = page_text(response)
    assert "大人向け相談" in page and "児童生徒・学生向け相談" in page
    assert_shows(
        page,
        "優先救済システム",
        "プロフィール画像や ID は、相談員からは見えない",
        "毎週 火曜日・日曜日 18:00〜22:00",
        "休み: 毎年 12月29日〜1月3日(年末年始)",
        "玉名市 総合福祉課 電話 0968-75-1121",
        "「こころの悩み相談@熊本県」とは別の窓口",
    )


def test_the_next_eight_sessions_skip_the_new_year(client):
    with at(2026, 12, 20, 12, 0):
        page = page_text(client.get("/counseling/"))
    listed = re.findall(r"(\d{4}年\d+月\d+日\([月火水木金土日]\)) 18:00〜22:00", page.split("これからの受付日")[1])
    assert listed[:8] == [
        "2026年12月20日(日)",
        "2026年12月22日(火)",
        "2026年12月27日(日)",
        "2027年1月5日(火)",
        "2027年1月10日(日)",
        "2027年1月12日(火)",
        "2027年1月17日(日)",
        "2027年1月19日(火)",
    ]


def test_no_qr_code_while_the_friend_url_is_empty(client):
    html = client.get("/counseling/").content.decode()
    assert "友だち追加用二次元コード" not in html and "友だちに追加できます" not in html
    assert "二次元コードは載せていません" in html


def test_a_qr_code_of_the_url_once_staff_set_it(client):
    Service.objects.update(friend_add_url="https://line.me/R/ti/p/@example-test")
    html = client.get("/counseling/").content.decode()
    from kumamoto_portal.lib.qr import qr_svg

    service = Service.objects.get()
    assert qr_svg("https://line.me/R/ti/p/@example-test", f"{service.name} の友だち追加用二次元コード") in html
    assert 'href="https://line.me/R/ti/p/@example-test"' in html
    assert "二次元コードは載せていません" not in html


def test_a_dated_extra_session_shows_on_the_page(client):
    ExtraSession.objects.create(service_id=1, date=date(2026, 12, 2), start="10:00", end="12:00")
    with at(2026, 12, 2, 11, 0):
        assert "受付中" in page_text(client.get("/counseling/"))


@pytest.mark.parametrize(
    "month", ["2026-13", "bad", "2026-1", "", "0000-01", "99999-01", "2026-12-01", "２０２６-１２"]
)
def test_bad_month_gives_the_current_month_with_a_message(client, month):
    with at(2026, 11, 25, 12, 0):
        response = client.get("/counseling/calendar/", {"month": month})
    assert response.status_code == 400
    page = page_text(response)
    assert "令和8年11月(2026年11月)の受付日" in page
    assert "今月を表示しています" in page


def test_calendar_of_december_marks_sessions_and_the_closure(client):
    response = client.get("/counseling/calendar/", {"month": "2026-12"})
    assert response.status_code == 200
    html = response.content.decode()
    page = page_text(response)
    assert "令和8年12月(2026年12月)の受付日" in page
    assert (
        html.count('<span class="session"><span class="time">18:00</span>〜<span class="time">22:00</span></span>') == 8
    )  # 1,6,8,13,15,20,22,27
    assert html.count("休み(年末年始)") == 3  # 29, 30, 31
    assert "?month=2027-01" in html and "?month=2026-11" in html


def test_calendar_without_month_shows_this_month(client):
    with at(2027, 1, 10, 12, 0):
        page = page_text(client.get("/counseling/calendar/"))
    assert "令和9年1月(2027年1月)の受付日" in page


def test_ics_feed_parses_and_holds_no_session_in_the_new_year_closure(client):
    with at(2026, 11, 25, 12, 0):
        response = client.get("/counseling/sessions.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = Calendar.from_ical(response.content)
    events = cal.walk("VEVENT")
    starts = [event.decoded("dtstart") for event in events]
    assert len(events) > 90  # about two a week for a year
    assert starts[0] == datetime(2026, 11, 29, 18, 0, tzinfo=TOKYO)
    assert max(starts) < datetime(2027, 11, 25, tzinfo=TOKYO)
    for start in starts:
        assert start.tzinfo is not None and start.utcoffset() == timedelta(hours=9)
        assert not ((start.month, start.day) >= (12, 29) or (start.month, start.day) <= (1, 3)), start
        assert start.weekday() in (1, 6) and (start.hour, start.minute) == (18, 0)
    assert all(event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=4) for event in events)
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    assert b"RRULE" not in response.content and b"EXDATE" not in response.content
    assert len({str(event["uid"]) for event in events}) == len(events)


def test_ics_uids_are_stable_between_fetches(client):
    with at(2026, 11, 25, 12, 0):
        first = Calendar.from_ical(client.get("/counseling/sessions.ics").content)
    with at(2026, 11, 26, 12, 0):
        second = Calendar.from_ical(client.get("/counseling/sessions.ics").content)
    uids_first = {str(e["uid"]): e.decoded("dtstart") for e in first.walk("VEVENT")}
    uids_second = {str(e["uid"]): e.decoded("dtstart") for e in second.walk("VEVENT")}
    shared = set(uids_first) & set(uids_second)
    assert len(shared) > 90
    assert all(uids_first[uid] == uids_second[uid] for uid in shared)


def test_pages_answer_404_when_no_service_is_registered(client):
    Service.objects.all().delete()
    assert client.get("/counseling/").status_code == 404
    assert client.get("/counseling/sessions.ics").status_code == 404
    assert client.get("/").status_code == 200


def test_calendar_marks_today_in_words_and_for_assistive_technology(client):
    with at(2027, 1, 10, 12, 0):
        html = client.get("/counseling/calendar/").content.decode()
    assert html.count('aria-current="date"') == 1
    today = html.split('aria-current="date"')[1].split("</td>")[0]
    assert '<span class="day">10<' in today and '<span class="today-label">今日</span>' in today
    with at(2027, 1, 10, 12, 0):
        other_month = client.get("/counseling/calendar/", {"month": "2027-02"}).content.decode()
    assert 'aria-current="date"' not in other_month


def test_the_live_status_is_a_heading_not_a_status_region(client):
    with at(2026, 12, 1, 19, 0):
        service_page = client.get("/counseling/").content.decode()
        home = client.get("/").content.decode()
    assert '<h2 class="status-label">受付中</h2>' in service_page
    assert '<h3 class="status-label">受付中</h3>' in home  # under the home page's h2 「いまの受付状況」
    assert 'role="status"' not in service_page + home


# --- The reference data as it is: a 2023 article, past the review period ---------------------


@pytest.mark.unconfirmed
def test_sessions_the_2023_article_cannot_vouch_for_are_not_promised(client):
    with at(2026, 12, 1, 19, 0):
        service = page_text(client.get("/counseling/"))
        home = page_text(client.get("/"))
        calendar = page_text(client.get("/counseling/calendar/"))
        feed = Calendar.from_ical(client.get("/counseling/sessions.ics").content)
    for text in (service, home):
        assert "受付中" not in text and "次の受付は" not in text
        assert "このサイトで確かめられている受付日は、令和6年12月31日(2024年12月31日)までです。" in text
        assert "令和5年(2023年)の案内による情報です。最新の状況は玉名市 総合福祉課(電話 0968-75-1121" in text
    assert "令和6年12月31日(2024年12月31日)より後の毎週の受付日は、出典で確かめられていないため" in calendar
    assert "has-session" not in client.get("/counseling/calendar/").content.decode()
    assert "出典" in calendar and "広報たまな" in calendar
    assert feed.walk("VEVENT") == []
    assert "2024年12月31日までの受付日です" in str(feed.get("X-WR-CALDESC"))


@pytest.mark.unconfirmed
def test_the_supported_months_still_show_the_article_sessions(client):
    with at(2026, 12, 1, 19, 0):
        page = client.get("/counseling/calendar/?month=2024-11")
    assert page.status_code == 200
    assert page.content.decode().count("has-session") == 8  # Tuesdays and Sundays of November 2024
    assert "毎週の受付日は、出典で確かめられていない" not in page_text(page)


def test_a_confirmed_period_brings_the_sessions_back_without_an_as_of_sentence_until_it_ends(client):
    with at(2026, 12, 1, 19, 0):
        text = page_text(client.get("/counseling/"))
    assert "受付中" in text
    # The source itself is still from 2023: the page says so beside the status.
    assert "令和5年(2023年)の案内による情報です。" in text
