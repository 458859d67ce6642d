"""Real app servers for the outage and scale-out tests: gunicorn processes on their own
PostgreSQL database, the machine's Redis on a DB number of their own, and a TCP proxy
that a test can cut (the machine's services are shared and are never stopped).

Outside CI these tests skip, with the reason, when PostgreSQL or Redis is missing; in CI
(`CI` set, as `.ci/run` does) they fail instead.
"""

import contextlib
import http.cookiejar
import os
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_service(url: str, name: str) -> None:
    """Skip (fail in CI) when the service at `url` does not accept connections."""
    host, port = url.split("//", 1)[1].split("/", 1)[0].split("@")[-1].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
    except OSError:
        message = f"{name} が {host}:{port} にありません(このテストには {name} が必要です)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class CuttableProxy:
    """A TCP proxy from a local port to `target`; cut() drops every connection and refuses
    new ones (as a stopped database would), restore() lets them through again."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()
        self.restore()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        listener, self.listener = self.listener, None
        with self.lock:
            pairs, self.pairs = self.pairs, []
        # shutdown() first: close() alone does not wake a thread blocked in accept() or select().
        for end in [listener, *(end for pair in pairs for end in pair)]:
            if end is not None:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    @staticmethod
    def _pipe(client: socket.socket, upstream: socket.socket) -> None:
        ends = {client: upstream, upstream: client}
        try:
            while True:
                readable, _, _ = select.select(list(ends), [], [], 1)
                for end in readable:
                    data = end.recv(65536)
                    if not data:
                        raise OSError("closed")
                    ends[end].sendall(data)
        except (OSError, ValueError):
            for end in ends:
                end.close()


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def base_env(**extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "CACHE_URL", "SITE_URL")}
    env.update(ALLOWED_HOSTS="127.0.0.1,localhost", DEBUG="off", PAGE_CACHE_SECONDS="60", LOG_LEVEL="CRITICAL")
    env.update(extra)
    return env


@contextmanager
def postgres_database():
    """A new PostgreSQL database with the schema and the reference data; dropped afterwards."""
    require_service(POSTGRES, "PostgreSQL")
    name = f"portal_srv_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    url = f"{POSTGRES}/{name}"
    try:
        env = base_env(DATABASE_URL=url)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_reference_data", "-v", "0")
        yield url
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def redis_url() -> str:
    """The machine's Redis on the test DB number, under a key prefix of this run only."""
    require_service(REDIS, "Redis")
    return f"{REDIS}?key_prefix=test-{os.getpid()}-{uuid.uuid4().hex[:6]}"


@dataclass
class Server:
    url: str
    process: subprocess.Popen


GUNICORN_FLAGS = ["--log-level", "warning", "--graceful-timeout", "2"]
_static_collected = False


def collect_static() -> None:
    """The hashed static files whitenoise serves (once per test run)."""
    global _static_collected
    if not _static_collected:
        manage(base_env(), "collectstatic", "--noinput", "-v", "0")
        _static_collected = True


@contextmanager
def gunicorn(env: dict, workers: int = 1, log: Path | None = None):
    """A gunicorn of the portal on a free port, ready when this yields (its stderr into `log`)."""
    collect_static()
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "kumamoto_portal.wsgi", "--bind", f"127.0.0.1:{port}"]
    stderr = open(log, "w") if log else None  # noqa: SIM115 (closed with the server)
    process = subprocess.Popen(
        [*command, *GUNICORN_FLAGS, "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stderr=stderr,
    )
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield server
    finally:
        process.terminate()
        process.wait(10)
        if stderr:
            stderr.close()


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(
    url: str, opener: urllib.request.OpenerDirector | None = None, data: bytes | None = None, **headers
) -> Answer:
    """One request; HTTP errors are answers too (status, headers, body, how long it took)."""
    request = urllib.request.Request(url, data=data, headers={key.replace("_", "-"): v for key, v in headers.items()})
    started = time.monotonic()
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
            return Answer(response.status, dict(response.headers), response.read(), time.monotonic() - started)
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read(), time.monotonic() - started)


def cookie_opener() -> tuple[urllib.request.OpenerDirector, http.cookiejar.CookieJar]:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def redis_cache_settings() -> dict:
    """CACHES for in-process tests on the machine's Redis (own DB number and key prefix)."""
    from kumamoto_portal.lib.cacheurl import cache_config

    return {"default": cache_config(redis_url())}


def forget_keys(cache_settings: dict) -> None:
    """Delete this test's keys only (FLUSHDB would empty the DB other runs share)."""
    import redis

    default = cache_settings["default"]
    client = redis.Redis.from_url(default["LOCATION"])
    for key in client.scan_iter(f"{default['KEY_PREFIX']}:*"):
        client.delete(key)
