"""Two app servers behind one PostgreSQL database and one Redis, as in production with a
load balancer: an edit saved through one is on the other within VERSION_REFRESH_SECONDS, and a scheduled
notice appears on both at its instant."""

import re
import time
import urllib.parse
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kumamoto_portal.serving.pagecache import VERSION_REFRESH_SECONDS
from tests.servers import base_env, cookie_opener, fetch, gunicorn, manage, postgres_database, redis_url

TOKYO = ZoneInfo("Asia/Tokyo")
PASSWORD = "a-long-test-password-for-two-servers"

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def two_servers():
    with postgres_database() as database_url:
        env = base_env(DATABASE_URL=database_url, CACHE_URL=redis_url(), PAGE_CACHE_SECONDS="300")
        manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            "createsuperuser",
            "--noinput",
            "--username",
            "clerk",
            "--email",
            "clerk@example.jp",
        )
        with gunicorn(env, workers=2) as first, gunicorn(env, workers=2) as second:
            yield first, second


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def signed_in(server_url: str):
    opener, _ = cookie_opener()
    login = fetch(f"{server_url}/admin/login/", opener)
    form = {"username": "clerk", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(login.text), "next": "/admin/"}
    answer = fetch(f"{server_url}/admin/login/", opener, urllib.parse.urlencode(form).encode())
    assert answer.status == 200 and "ログアウト" in answer.text
    return opener


def add_notice(server_url: str, opener, title: str, published: datetime) -> None:
    add_form = fetch(f"{server_url}/admin/notices/notice/add/", opener)
    local = published.astimezone(TOKYO)
    form = {
        "csrfmiddlewaretoken": csrf_token(add_form.text),
        "title": title,
        "body": "二つのサーバーで確かめるお知らせです。",
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
        "expires_at_0": "",
        "expires_at_1": "",
        "office": "熊本市 政策企画課",
        "office_phone": "",
        "project": "",
        "_save": "保存",
    }
    answer = fetch(f"{server_url}/admin/notices/notice/add/", opener, urllib.parse.urlencode(form).encode())
    assert answer.status == 200 and "を追加しました" in answer.text, answer.text[-2000:]


def test_an_edit_through_one_server_is_on_the_other_within_the_refresh_second(two_servers):
    first, second = two_servers
    for server in two_servers:  # both hold /notices/ in the shared cache
        assert "熊本市 政策企画課" not in fetch(f"{server.url}/notices/").text
    add_notice(first.url, signed_in(first.url), "共有キャッシュの確認", datetime.now(TOKYO) - timedelta(minutes=1))
    time.sleep(VERSION_REFRESH_SECONDS)  # each server reads the shared version at most this long ago
    assert "共有キャッシュの確認" in fetch(f"{second.url}/notices/").text
    assert "共有キャッシュの確認" in fetch(f"{first.url}/notices/").text


def test_a_scheduled_notice_appears_on_both_servers_at_its_instant(two_servers):
    first = two_servers[0]
    instant = (datetime.now(TOKYO) + timedelta(seconds=6)).replace(microsecond=0)
    add_notice(first.url, signed_in(first.url), "予約したお知らせ", instant)
    for server in two_servers:
        assert "予約したお知らせ" not in fetch(f"{server.url}/").text
        assert "予約したお知らせ" not in fetch(f"{server.url}/notices/").text
    time.sleep(max(0.0, (instant - datetime.now(TOKYO)).total_seconds()) + 0.2)
    for server in two_servers:
        assert "予約したお知らせ" in fetch(f"{server.url}/").text
        assert "予約したお知らせ" in fetch(f"{server.url}/notices/").text
