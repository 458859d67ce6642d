"""The page cache on a shared cache (Redis, as with several app servers): the content
version lives in the cache, so a hit makes no SQL query at all, and an edit is seen on
the next request once it is committed."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from areas.models import Municipality
from kumamoto_portal.serving import pagecache
from tests.helpers import page_text
from tests.servers import forget_keys, redis_cache_settings

pytestmark = [pytest.mark.service, pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
PAGES = ["/", "/areas/", "/libraries/", "/libraries/locations/", "/counseling/", "/notices/"]


@pytest.fixture(autouse=True)
def shared_cache():
    caches = redis_cache_settings()
    pagecache.forget_local_copies()
    with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=60):
        assert pagecache.cache_is_shared()
        yield
    pagecache.forget_local_copies()
    forget_keys(caches)


@pytest.mark.parametrize("url", PAGES)
def test_a_hit_makes_no_query(client, url, django_assert_num_queries):
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    with django_assert_num_queries(0):
        second = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert second.status_code == 200
    assert second.content == first.content


def test_an_edit_is_seen_once_committed(client, django_capture_on_commit_callbacks):
    assert "玉名市" in page_text(client.get("/areas/"))
    with django_capture_on_commit_callbacks(execute=True):
        tamana = Municipality.objects.get(name="玉名市")
        tamana.name = "玉名市(編集済み)"
        tamana.save()
    assert "玉名市(編集済み)" in page_text(client.get("/areas/"))


def test_an_edit_not_yet_committed_does_not_change_the_version(django_capture_on_commit_callbacks):
    before = pagecache.content_version()
    with django_capture_on_commit_callbacks(execute=False) as pending:
        Municipality.objects.filter(name="玉名市").first().save()
    assert pagecache.content_version() == before
    pending[0]()
    assert pagecache.content_version() == before + 1


def test_a_lost_version_starts_a_new_one_and_pages_are_rendered_again(client, monkeypatch):
    monkeypatch.setattr(pagecache, "VERSION_REFRESH_SECONDS", 0)  # as after that second
    client.get("/areas/")
    before = pagecache.content_version()
    Municipality.objects.filter(name="玉名市").update(name="玉名市(裏で変更)")  # no signal
    cache.delete(pagecache.VERSION_KEY)  # e.g. Redis was restarted or evicted the key
    assert pagecache.content_version() != before
    assert "玉名市(裏で変更)" in page_text(client.get("/areas/"))


def test_pages_are_rendered_without_the_cache_when_redis_does_not_answer(client):
    from tests.servers import free_port

    unreachable = {
        "default": {
            "BACKEND": "kumamoto_portal.serving.rediscache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/areas/")
    assert response.status_code == 200
    assert "玉名市" in page_text(response)


def stored_in_redis() -> tuple[int, int]:
    """Keys under this test's prefix and their bytes (MEMORY USAGE)."""
    import redis
    from django.conf import settings

    default = settings.CACHES["default"]
    client = redis.Redis.from_url(default["LOCATION"])
    keys = list(client.scan_iter(f"{default['KEY_PREFIX']}:*"))
    return len(keys), sum(client.memory_usage(key) or 0 for key in keys)


def test_ten_thousand_junk_urls_leave_redis_within_its_bound(client, django_assert_num_queries):
    real = ["/", "/areas/", "/areas/?sort=population", "/robots.txt"]
    for url in real:
        client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    keys, size = stored_in_redis()
    assert keys == len(real) + 1  # the pages and the content version
    for n in range(10_000):
        client.get(f"/robots.txt?x={n}", HTTP_ACCEPT_ENCODING="gzip")
    for n in range(20):
        client.get(f"/?utm_source={n}")
        client.get(f"/areas/?sort=bogus{n}")
    assert stored_in_redis() == (keys, size)
    for url in real:
        with django_assert_num_queries(0):  # still hits
            assert client.get(url, HTTP_ACCEPT_ENCODING="gzip").status_code == 200


def test_redis_holds_signed_bytes_not_pickles(client):
    import redis
    from django.conf import settings

    client.get("/areas/")
    default = settings.CACHES["default"]
    raw = redis.Redis.from_url(default["LOCATION"])
    values = [raw.get(key) for key in raw.scan_iter(f"{default['KEY_PREFIX']}:*")]
    pages = [value for value in values if not value.isdigit()]
    assert pages and all(b"\x80\x05" not in value[:40] for value in pages)  # no pickle header
    assert all(b"[" in value[32:34] for value in pages)  # a signature, then the JSON fields


def test_a_hit_within_the_refresh_second_needs_no_round_trip_to_redis(client, monkeypatch):
    first = client.get("/areas/")

    def unreachable(*args, **kwargs):
        raise AssertionError("asked Redis")

    from django.core.cache import caches

    backend = caches["default"]  # the Redis backend itself (not the proxy)
    monkeypatch.setattr(backend, "get_many", unreachable)
    monkeypatch.setattr(backend, "get", unreachable)
    again = client.get("/areas/")
    assert again.status_code == 200 and again.content == first.content


def test_an_edit_on_another_server_is_seen_here_within_the_refresh_second(client):
    import time

    assert "玉名市" in page_text(client.get("/areas/"))
    # Another server's save: the row changes and the shared version is raised there.
    Municipality.objects.filter(name="玉名市").update(name="玉名市(別のサーバーで編集)")
    cache.incr(pagecache.VERSION_KEY)
    time.sleep(pagecache.VERSION_REFRESH_SECONDS)
    assert "玉名市(別のサーバーで編集)" in page_text(client.get("/areas/"))


def test_while_another_request_renders_a_page_the_copy_from_before_the_edit_is_served(client):
    from django.test import RequestFactory

    key = pagecache.page_key(RequestFactory().get("/areas/"))
    before = client.get("/areas/")
    Municipality.objects.filter(name="玉名市").update(name="玉名市(描画中)")
    pagecache._raise_cached_version()  # the save's version, on this server at once
    lock = f"rendering:{key}:{pagecache.content_version()}"
    assert cache.add(lock, 1, 10)  # another server is rendering /areas/ right now
    meanwhile = client.get("/areas/")
    assert meanwhile.status_code == 200 and meanwhile.content == before.content
    cache.delete(lock)
    assert "玉名市(描画中)" in page_text(client.get("/areas/"))
