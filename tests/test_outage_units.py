"""The outage rules without a real outage: how long a failure is remembered, how long a
copy is served past its lifetime (PAGE_CACHE_GRACE_SECONDS), the settings read from the
environment (DB_CONNECT_TIMEOUT, CACHE_URL with key_prefix). The real outage, with a cut
connection, is in test_outage.py."""

import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings

from kumamoto_portal.serving import outage
from tests.helpers import page_text
from tests.servers import ROOT

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture(autouse=True)
def clean_state():
    cache.clear()
    outage.record_success()
    yield
    outage.record_success()
    cache.clear()


def test_a_failure_is_remembered_for_database_retry_seconds():
    assert not outage.recently_failed()
    outage.record_failure()
    assert outage.recently_failed()
    with override_settings(DATABASE_RETRY_SECONDS=0):
        assert not outage.recently_failed()


def test_the_unavailable_page_is_japanese_uncached_and_says_when_to_retry():
    response = outage.unavailable_response()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "データベースに接続できない" in page_text(response)


def at(*args: int):
    return time_machine.travel(datetime(*args, tzinfo=TOKYO), tick=False)


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize(("grace", "status"), [(3600, 200), (60, 503)])
def test_a_copy_is_served_late_only_within_the_grace_period(client, grace, status):
    with override_settings(PAGE_CACHE_SECONDS=60, PAGE_CACHE_GRACE_SECONDS=grace):
        with at(2026, 12, 1, 10, 0, 0):
            assert client.get("/areas/").status_code == 200
        with at(2026, 12, 1, 10, 10, 0):  # 9 minutes past the copy's lifetime
            outage.record_failure()  # as the first failed connection does
            answer = client.get("/areas/")
    assert answer.status_code == status
    if status == 200:
        assert "玉名市" in page_text(answer)
        assert "no-store" in answer["Cache-Control"]


def settings_of(**environment: str) -> str:
    code = "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'), settings.CACHES)"
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            "DJANGO_SETTINGS_MODULE": "kumamoto_portal.settings",
            "SECRET_KEY": "x",
            "PATH": "/usr/bin:/bin",
            **environment,
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_postgresql_connections_time_out_after_db_connect_timeout():
    assert "'connect_timeout': 2" in settings_of(DATABASE_URL="postgres://u@db:5432/portal")
    assert "'connect_timeout': 5" in settings_of(DATABASE_URL="postgres://u@db:5432/portal", DB_CONNECT_TIMEOUT="5")


def test_cache_url_redis_uses_djangos_backend_with_the_key_prefix():
    printed = settings_of(CACHE_URL="redis://cache:6379/1?key_prefix=portal")
    assert "'BACKEND': 'kumamoto_portal.serving.rediscache.RedisCache'" in printed  # Django's, reusing its client
    assert "'LOCATION': 'redis://cache:6379/1'" in printed
    assert "'KEY_PREFIX': 'portal'" in printed
    assert "'socket_timeout': 2" in printed


def test_the_outage_rule_serves_any_stored_copy_without_its_live_status_else_the_quick_503():
    from datetime import datetime

    from django.utils import timezone

    from kumamoto_portal.serving.pagecache import Entry, served_while_database_is_down

    old = Entry(
        version=1,  # made under an older content version and long expired: still served
        status=200,
        headers=(("Content-Type", "text/html; charset=utf-8"), ("ETag", '"x"')),
        content=b"<p>a</p><!--live-status-->open<!--/live-status-->",
        expires=datetime(2020, 1, 1, tzinfo=timezone.get_current_timezone()),
        live_status=True,
    )
    late = served_while_database_is_down(old)
    assert late.status_code == 200 and b"open" not in late.content and "no-cache" in late["Cache-Control"]
    assert not late.has_header("ETag")
    missing = served_while_database_is_down(None)
    assert missing.status_code == 503 and missing["Retry-After"] == "30"
