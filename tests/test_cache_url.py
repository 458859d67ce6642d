"""Every documented form of CACHE_URL starts the app and, where a server answers, caches.

An operator's `CACHE_URL=redis://127.0.0.1:6379/1` (no query string) once crashed at
settings import because every test used `?key_prefix=`. Each form here is started as
a real process (`manage.py check`, then a write and a read through the cache). The
forms with a password and the unix socket talk to a Redis of this test's own
(`redis-server` on a free port and a socket, with a password); the machine's Redis is
used on the tests' DB number only.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from kumamoto_portal.lib.cacheurl import LOCMEM_MAX_ENTRIES, REDIS_BACKEND, SERIALIZER, cache_config

from .servers import REDIS, free_port, require_service

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.service
PASSWORD = "test-" + uuid.uuid4().hex
ROUND_TRIP = (
    "import uuid; from django.core.cache import cache; key = 'cache-url-test-' + uuid.uuid4().hex;"
    "cache.set(key, 41, 30); cache.incr(key); print('read back', cache.get(key)); cache.delete(key)"
)


def start(cache_url: str, script: str = ROUND_TRIP) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "DATABASE_URL")}
    env.update(CACHE_URL=cache_url, ENV_FILE=os.devnull, SECRET_KEY="cache-url-test-key", LOG_LEVEL="CRITICAL")
    env.update(ALLOWED_HOSTS="testserver")
    check = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stderr
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def own_redis():
    """A Redis of this module only, with a password, on a free port and a unix socket."""
    if shutil.which("redis-server") is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")
    directory = Path(tempfile.mkdtemp())
    socket_path = directory / "redis.sock"
    port = free_port()
    process = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1", "--unixsocket", str(socket_path)),
            *("--requirepass", PASSWORD, "--save", "", "--appendonly", "no", "--dir", str(directory)),
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        if socket_path.exists():
            break
        time.sleep(0.05)
    yield port, socket_path
    process.terminate()
    process.wait(10)
    shutil.rmtree(directory, ignore_errors=True)


def machine_redis(suffix: str = "") -> str:
    require_service(REDIS, "Redis")
    return REDIS + suffix


@pytest.mark.parametrize(
    "suffix",
    ["", "?key_prefix=portal-test", "?key_prefix=portal-test&timeout=120&version=2"],
    ids=["no-query-string", "key-prefix", "every-option"],
)
def test_the_machines_redis_with_a_db_number(suffix):
    result = start(machine_redis(suffix))
    assert "read back 42" in result.stdout, result.stderr


def test_the_machines_redis_without_a_db_number():
    # db 0 of a shared Redis: one key of a random name, deleted again.
    result = start(machine_redis().rsplit("/", 1)[0])
    assert "read back 42" in result.stdout, result.stderr


@pytest.mark.parametrize(
    "form", ["redis://:{password}@127.0.0.1:{port}/3", "redis://default:{password}@127.0.0.1:{port}"]
)
def test_a_redis_with_a_password(own_redis, form):
    port, _ = own_redis
    result = start(form.format(password=PASSWORD, port=port))
    assert "read back 42" in result.stdout, result.stderr


def test_a_unix_socket_with_a_db_number_password_and_key_prefix(own_redis):
    _, socket_path = own_redis
    result = start(f"unix://{socket_path}?db=2&password={PASSWORD}&key_prefix=portal")
    assert "read back 42" in result.stdout, result.stderr


def test_a_wrong_password_starts_and_pages_render_without_the_cache(own_redis):
    port, _ = own_redis
    script = (
        "from django.test import Client; response = Client().get('/robots.txt');print('status', response.status_code)"
    )
    result = start(f"redis://:wrong@127.0.0.1:{port}/1", script)
    assert "status 200" in result.stdout, result.stderr


def test_rediss_starts_and_names_tls():
    # No TLS Redis here: the app must start; the TLS connection itself is redis-py's.
    config = cache_config("rediss://:secret@cache.example.jp:6380/2?key_prefix=portal")
    assert config["LOCATION"] == "rediss://:secret@cache.example.jp:6380/2"
    assert config["KEY_PREFIX"] == "portal"
    check = start("rediss://:secret@127.0.0.1:1/2", "print('started')")
    assert "started" in check.stdout, check.stderr


@pytest.mark.parametrize(
    ("url", "location", "extra"),
    [
        ("redis://127.0.0.1:6379/1", "redis://127.0.0.1:6379/1", {}),
        ("redis://127.0.0.1:6379", "redis://127.0.0.1:6379", {}),
        ("redis://:pw@host:6379/1?key_prefix=p", "redis://:pw@host:6379/1", {"KEY_PREFIX": "p"}),
        ("redis://h:6379/1?timeout=5&version=3", "redis://h:6379/1", {"TIMEOUT": 5, "VERSION": 3}),
        ("unix:///run/redis.sock", "unix:///run/redis.sock", {}),
        ("unix:///run/redis.sock?db=4&key_prefix=p", "unix:///run/redis.sock?db=4", {"KEY_PREFIX": "p"}),
    ],
)
def test_redis_forms_become_our_backend_with_timeouts_and_the_safe_serializer(url, location, extra):
    config = cache_config(url)
    assert config["BACKEND"] == REDIS_BACKEND
    assert config["LOCATION"] == location
    assert config["OPTIONS"]["serializer"] == SERIALIZER
    assert config["OPTIONS"]["socket_timeout"] == 2
    for key, value in extra.items():
        assert config[key] == value


def test_the_default_cache_is_per_process_and_bounded():
    config = cache_config("locmemcache://")
    assert config["BACKEND"].endswith("LocMemCache")
    assert config["OPTIONS"]["MAX_ENTRIES"] == LOCMEM_MAX_ENTRIES


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
def test_a_full_redis_with_noeviction_never_gives_a_500(own_redis, client, django_capture_on_commit_callbacks):
    """Redis at `maxmemory` with the default policy refuses every write ("OOM command not
    allowed"): pages are answered uncached and a staff save still succeeds."""
    import redis
    from django.test import override_settings

    from areas.models import Municipality
    from kumamoto_portal.serving import pagecache

    port, _ = own_redis
    raw = redis.Redis(host="127.0.0.1", port=port, password=PASSWORD, db=9)
    raw.config_set("maxmemory", "2mb")
    raw.config_set("maxmemory-policy", "noeviction")
    try:
        with pytest.raises(redis.exceptions.ResponseError, match="maxmemory"):
            for n in range(10_000):
                raw.set(f"filler:{n}", b"x" * 1024)
        caches = {"default": cache_config(f"redis://:{PASSWORD}@127.0.0.1:{port}/9?key_prefix=full")}
        with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=60):
            assert pagecache.cache_is_shared()
            for url in ("/", "/areas/", "/libraries/"):
                assert client.get(url).status_code == 200
            with django_capture_on_commit_callbacks(execute=True):
                tamana = Municipality.objects.get(code="432067")
                tamana.save()  # raises the version in Redis after the commit: refused, logged
            assert client.get("/areas/").status_code == 200
    finally:
        raw.flushdb()
        raw.config_set("maxmemory", "0")
