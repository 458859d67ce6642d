"""The static mirror: served by a plain static web server, every internal link from the
home page answers 200, none points at the application's host, and the live counseling
status is left out."""

import io
import re
import subprocess
import sys
import time
from collections import deque
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import override_settings

from kumamoto_portal.site import mirror
from kumamoto_portal.site.pages import sitemap_paths
from tests.servers import fetch, free_port

LIVE_LABELS = ("受付中", "受付時間外", "いまの受付日を確かめられていません")  # counseling/includes/status.html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
SITE = "https://portal.example.jp"
LINK = re.compile(r'(?:href|src)="([^"]*)"')


@pytest.fixture
def mirror_dir(tmp_path):
    with override_settings(SITE_URL=SITE, ALLOWED_HOSTS=["testserver"]):
        call_command("build_mirror", str(tmp_path), stdout=io.StringIO())
    return tmp_path


@pytest.fixture
def static_server(mirror_dir):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(mirror_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            fetch(f"{url}/")
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(5)


def test_every_internal_link_of_the_mirror_answers_200(static_server):
    queue, seen, bodies = deque(["/"]), {"/"}, {}
    while queue:
        path = queue.popleft()
        answer = fetch(static_server + path)
        assert answer.status == 200, path
        if not answer.headers.get("Content-type", "").startswith("text/html"):
            continue
        bodies[path] = html = answer.text
        for href in LINK.findall(html):
            assert "testserver" not in href and not href.startswith(SITE), (path, href)
            parts = urlsplit(urljoin(static_server + path, href))
            if parts.netloc == urlsplit(static_server).netloc:
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    assert len(bodies) > 150  # every municipality, location, field, project and page of the sitemap
    assert "/areas/q-sort-kana.html" in seen  # sorting still works on the copy
    counseling = bodies["/counseling/"]
    assert "受付状況を表示できません" in counseling
    assert not any(f'"status-label">{label}<' in counseling for label in LIVE_LABELS)
    assert "時点の写しです" in bodies["/areas/"]


def test_the_mirror_holds_the_sitemap_the_feed_the_calendar_file_and_the_csv(mirror_dir):
    with override_settings(SITE_URL=SITE):
        for path in sitemap_paths():
            assert (mirror_dir / mirror.file_path(path)).is_file(), path
    assert (mirror_dir / "notices/feed.atom").read_text().startswith("<?xml")
    assert "BEGIN:VCALENDAR" in (mirror_dir / "counseling/sessions.ics").read_text()
    assert "玉名市" in (mirror_dir / "libraries/facilities.csv").read_text(encoding="utf-8-sig")
    assert (mirror_dir / "sitemap.xml").is_file() and (mirror_dir / "robots.txt").is_file()
    assert list((mirror_dir / "static/css").glob("site*.css"))


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/", "index.html"),
        ("/areas/431001/", "areas/431001/index.html"),
        ("/areas/?sort=kana", "areas/q-sort-kana.html"),
        ("/counseling/calendar/?month=2026-12", "counseling/calendar/q-month-2026-12.html"),
        ("/notices/feed.atom", "notices/feed.atom"),
    ],
)
def test_file_paths(url, path):
    assert mirror.file_path(url) == path


def test_the_copy_says_when_it_was_made():
    note = mirror.copied_note(datetime(2026, 11, 27, 9, 5, tzinfo=ZoneInfo("Asia/Tokyo")))
    assert "令和8年11月27日 09:05 時点の写しです" in note
