"""After a staff save, 64 residents asking for the same page cause one render, on two app
servers (two workers each) sharing PostgreSQL and Redis; the edit is on every server within
VERSION_REFRESH_SECONDS (and on the saving one at once: test_pagecache_shared.py)."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from kumamoto_portal.serving.pagecache import VERSION_REFRESH_SECONDS
from tests.servers import base_env, fetch, gunicorn, manage, postgres_database, redis_url

pytestmark = pytest.mark.service
RENAME = "from areas.models import Municipality; m = Municipality.objects.get(code='432067'); m.name = {!r}; m.save()"


def get(url: str):
    # Behind a load balancer every server sees the site's one host name (the key includes it).
    return fetch(url, Host="localhost")


def renders(logs, path: str) -> int:
    return sum(log.read_text().count(f"page rendered: {path}\n") for log in logs)


def test_sixty_four_requests_after_an_edit_cause_one_render_on_two_servers(tmp_path):
    with postgres_database() as database_url:
        env = base_env(DATABASE_URL=database_url, CACHE_URL=redis_url(), PAGE_CACHE_SECONDS="300", LOG_LEVEL="INFO")
        logs = [tmp_path / "first.log", tmp_path / "second.log"]
        with gunicorn(env, workers=2, log=logs[0]) as first, gunicorn(env, workers=2, log=logs[1]) as second:
            for server in (first, second):
                for _ in range(4):  # every worker has seen the page
                    assert get(f"{server.url}/areas/").status == 200
            assert renders(logs, "/areas/") == 1
            manage(env, "shell", "-c", RENAME.format("玉名市(編集後)"))  # a staff save, committed
            urls = [f"{(first, second)[n % 2].url}/areas/" for n in range(64)]
            with ThreadPoolExecutor(max_workers=64) as pool:
                answers = list(pool.map(get, urls))
            assert [answer.status for answer in answers] == [200] * 64
            time.sleep(VERSION_REFRESH_SECONDS + 0.2)
            for server in (first, second):
                for _ in range(4):
                    assert "玉名市(編集後)" in get(f"{server.url}/areas/").text
            assert renders(logs, "/areas/") == 2  # the first, and one after the edit
