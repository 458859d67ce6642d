"""A database outage, for real: gunicorn talks to PostgreSQL through a TCP proxy that the
test cuts. Cached pages are still served past their lifetime (without the live
counseling status), everything else answers a quick Japanese 503, /healthz reports it,
and the site recovers by itself when the database is back."""

import gzip
import time

import pytest

from tests.servers import CuttableProxy, base_env, fetch, gunicorn, postgres_database

LIVE_LABELS = ("受付中", "受付時間外", "いまの受付日を確かめられていません")  # counseling/includes/status.html

LIFETIME = 2  # PAGE_CACHE_SECONDS in these servers: the outage lasts longer than a copy's lifetime

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def outage_server():
    with postgres_database() as url:
        host_port = url.split("@", 1)[1].split("/", 1)[0]
        host, port = host_port.split(":")
        proxy = CuttableProxy((host, int(port)))
        proxied = url.replace(host_port, f"127.0.0.1:{proxy.port}")
        env = base_env(DATABASE_URL=proxied, PAGE_CACHE_SECONDS=str(LIFETIME), DATABASE_RETRY_SECONDS="1")
        with gunicorn(env) as server:
            server.proxy = proxy
            yield server
        proxy.cut()


def wait_until(condition, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_database_outage_and_its_recovery(outage_server):
    url = outage_server.url
    assert fetch(f"{url}/healthz").status == 200
    before = fetch(f"{url}/areas/")
    assert before.status == 200 and "玉名市" in before.text
    counseling = fetch(f"{url}/counseling/", Accept_Encoding="gzip")
    assert counseling.headers["Content-Encoding"] == "gzip"
    assert "<!--live-status-->" in gzip.decompress(counseling.body).decode()

    outage_server.proxy.cut()
    time.sleep(LIFETIME + 1)  # every copy is now past its lifetime

    # Cached pages: served as they were, not kept by browsers.
    late = fetch(f"{url}/areas/")
    assert late.status == 200
    assert late.body == before.body
    assert "no-cache" in late.headers["Cache-Control"]
    late_counseling = fetch(f"{url}/counseling/", Accept_Encoding="gzip")
    assert late_counseling.status == 200
    html = gzip.decompress(late_counseling.body).decode()
    assert "受付状況を表示できません" in html
    assert not any(f'"status-label">{label}<' in html for label in LIVE_LABELS)
    assert "毎週" in html  # the schedule itself is still there

    # Everything else: a quick Japanese 503, never a 500.
    for path in ["/libraries/", "/notices/", "/areas/?sort=kana", "/libraries/locations/1/"]:
        answer = fetch(f"{url}{path}")
        assert answer.status == 503, path
        assert answer.seconds < 2, path
        assert answer.headers["Retry-After"] == "30"
        assert "データベースに接続できない" in answer.text
        assert "Traceback" not in answer.text
    admin = fetch(f"{url}/admin/login/")
    assert admin.status == 503
    assert "管理画面も、データベースが復旧するまで使えません" in admin.text
    health = fetch(f"{url}/healthz")
    assert health.status == 503
    assert "database: unavailable" in health.text
    assert "<html" not in health.text

    # The database returns: no restart needed.
    outage_server.proxy.restore()
    assert wait_until(lambda: fetch(f"{url}/libraries/").status == 200)
    assert fetch(f"{url}/healthz").status == 200
    fresh = fetch(f"{url}/counseling/")
    assert "受付状況を表示できません" not in fresh.text
    assert any(f'"status-label">{label}<' in fresh.text for label in LIVE_LABELS)
    assert fetch(f"{url}/admin/login/").status == 200
