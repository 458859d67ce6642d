"""make bench: throughput ratios and resilience under load, measured in one run.

Never compare absolute numbers across runs or machines; compare the ratios.

1. Throughput (wrk, Accept-Encoding: gzip): every kind of public page served from the
   page cache beside a static file from the same gunicorn (whitenoise): requests/s,
   p50 and p99, and the ratio to the static file (goal: >= 0.75). On the embedded
   default (SQLite, per-process cache) and on PostgreSQL with Redis (several app servers).
   A revalidating browser's 304 beside each cached page. Each page rendered every time
   (PAGE_CACHE_SECONDS=0) and its ratio to the static file, at 1x and at 10x data
   (SQLite), and on PostgreSQL.
   Renders after an edit: 64 clients at once on two servers sharing PostgreSQL + Redis,
   renders counted from the servers' INFO log (goal: 1 a page).
   The top five costs of a render (scripts/profile_render.py).
2. Resilience (PostgreSQL through a proxy this script can cut, Redis; a Python load
   client of CONNECTIONS threads, for LOAD_SECONDS):
   - plain load: how many answers were not 2xx;
   - the database cut at 1/3 and back at 2/3: 5xx on cached pages, the status and p99
     of the others (always new URLs, so never cached), 200s again after it returns;
   - one gunicorn worker killed (SIGKILL) at 1/3: failed requests, and whether the
     master replaced it.

Needs wrk (apt-get install wrk), PostgreSQL on 127.0.0.1:5432 and Redis on 6379 (see
tests/servers.py, whose helpers this uses). Settings: BENCH_DURATION (wrk per page,
default 3s), BENCH_LOAD_SECONDS (default 60), BENCH_CONNECTIONS (default 64).
"""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import CuttableProxy, base_env, gunicorn, manage, postgres_database, redis_url  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "3s")
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
PAGES: list[str] = []  # one URL of each kind of page: `manage.py public_urls --one-of-each` on the bench data
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(url: str, connections: int = 16, headers: tuple[str, ...] = ()) -> tuple[float, float, float]:
    """Requests/s, p50 and p99 in ms."""
    extra = [arg for header in headers for arg in ("-H", header)]
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}", "--latency", "-H", "Accept-Encoding: gzip", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered non-2xx under wrk:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])

    def percentile(p: str) -> float:
        value, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * UNITS[unit]

    return rps, percentile("50"), percentile("99")


def etag_of(url: str) -> str:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        return response.headers["ETag"]


def static_path(server_url: str) -> str:
    html = urllib.request.urlopen(server_url + "/").read().decode()
    return re.search(r'href="(/static/css/site[^"]*\.css)"', html)[1]


def throughput(label: str, env: dict) -> None:
    with gunicorn(env, workers=2) as server:
        for page in PAGES:  # warm the cache
            urllib.request.urlopen(server.url + page).read()
        css = static_path(server.url)
        print(f"\n### Cached pages, {label} (gzip; beside the static file {css}, measured just before each page)\n")
        print(
            "| page | req/s | p50 ms | p99 ms | static req/s | static p50 / p99 ms | vs static "
            "| 304 req/s | 304 vs static |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        ratios, revalidated = [], []
        for page in PAGES:
            static = wrk(server.url + css)
            rps, p50, p99 = wrk(server.url + page)
            # A browser revalidating its copy (Cache-Control: no-cache): If-None-Match, a bodiless 304.
            not_modified = wrk(server.url + page, headers=(f"If-None-Match: {etag_of(server.url + page)}",))[0]
            ratios.append(rps / static[0])
            revalidated.append(not_modified / static[0])
            print(
                f"| `{page}` | {rps:.0f} | {p50:.2f} | {p99:.2f} | {static[0]:.0f} | {static[1]:.2f} / {static[2]:.2f} "
                f"| {rps / static[0]:.2f} | {not_modified:.0f} | {not_modified / static[0]:.2f} |"
            )
        print(f"\nmedian {statistics.median(ratios):.2f}, lowest {min(ratios):.2f} of the static file")
        print(f"revalidated (304): median {statistics.median(revalidated):.2f}, lowest {min(revalidated):.2f}")


def rendered(env: dict) -> dict[str, tuple[float, float]]:
    """Per page: rendered req/s and its ratio to the static file measured just before."""
    with gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, workers=2) as server:
        css = static_path(server.url)
        results = {}
        for page in PAGES:
            static = wrk(server.url + css)[0]
            rps = wrk(server.url + page)[0]
            results[page] = (rps, rps / static)
        return results


def renders_after_an_edit(database_url: str) -> None:
    """Two servers (two workers each) on PostgreSQL + Redis: 64 clients ask for a page right
    after a staff save; the servers' INFO log counts the renders."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.servers import fetch

    env = base_env(DATABASE_URL=database_url, CACHE_URL=redis_url(), PAGE_CACHE_SECONDS="3600", LOG_LEVEL="INFO")
    rename = "from areas.models import Municipality; m = Municipality.objects.get(code='432067'); m.save()"
    with tempfile.TemporaryDirectory() as tmp:
        logs = [Path(tmp) / "first.log", Path(tmp) / "second.log"]
        with gunicorn(env, workers=2, log=logs[0]) as first, gunicorn(env, workers=2, log=logs[1]) as second:
            servers = (first, second)
            print("\n### Renders after an edit: 64 clients at once, two servers sharing PostgreSQL + Redis\n")
            print("| page | renders before | renders after the edit | answers | 5xx |\n|---|---:|---:|---:|---:|")
            for page in PAGES:
                for server in servers:
                    for _ in range(4):
                        fetch(server.url + page, Host="localhost")
                before = sum(log.read_text().count(f"page rendered: {page}\n") for log in logs)
                manage(env, "shell", "-c", rename)
                urls = [servers[n % 2].url + page for n in range(64)]
                with ThreadPoolExecutor(max_workers=64) as pool:
                    answers = list(pool.map(lambda url: fetch(url, Host="localhost"), urls))
                after = sum(log.read_text().count(f"page rendered: {page}\n") for log in logs) - before
                errors = sum(answer.status >= 500 for answer in answers)
                print(f"| `{page}` | {before} | {after} | {len(answers)} | {errors} |")


def profile_top_five() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "profile_render.py"), "--renders", "5", "--top", "5"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    print("\n### Where a render's time goes (scripts/profile_render.py --renders 5 --top 5)\n")
    own_time = out.split("## top 5 by own time, ms a render", 1)[1].split("## top 5 by cumulative", 1)[0]
    print("ms of a render, by the functions' own time:\n\n```\n" + own_time.strip() + "\n```")


# --- Resilience: a Python load client that keeps every answer ------------------


class Load:
    """CONNECTIONS threads asking for `pick(n)` URLs until stopped; records (time, path, status, seconds)."""

    def __init__(self, base: str, pick):
        self.base, self.pick = base, pick
        self.records: list[tuple[float, str, int, float]] = []
        self.stop = threading.Event()
        self.start = time.monotonic()
        self.counter = 0
        self.lock = threading.Lock()

    def worker(self) -> None:
        while not self.stop.is_set():
            with self.lock:
                self.counter += 1
                path = self.pick(self.counter)
            started = time.monotonic()
            request = urllib.request.Request(self.base + path, headers={"Accept-Encoding": "gzip"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = 0  # connection failed
            self.records.append((started - self.start, path, status, time.monotonic() - started))

    @contextmanager
    def running(self):
        threads = [threading.Thread(target=self.worker, daemon=True) for _ in range(CONNECTIONS)]
        for thread in threads:
            thread.start()
        try:
            yield self
        finally:
            self.stop.set()
            for thread in threads:
                thread.join()


def p99_ms(seconds: list[float]) -> float:
    return sorted(seconds)[max(0, int(len(seconds) * 0.99) - 1)] * 1000 if seconds else 0.0


def cached_or_new(n: int) -> str:
    """Nine in ten requests for a cached page; one for a URL never asked before (always rendered)."""
    return f"/libraries/?n={n}" if n % 10 == 0 else PAGES[n % len(PAGES)]


def resilience(database_url: str) -> None:
    host_port = database_url.split("@", 1)[1].split("/", 1)[0]
    host, port = host_port.split(":")
    proxy = CuttableProxy((host, int(port)))
    env = base_env(
        DATABASE_URL=database_url.replace(host_port, f"127.0.0.1:{proxy.port}"),
        CACHE_URL=redis_url(),
        PAGE_CACHE_SECONDS="60",
    )
    third = LOAD_SECONDS / 3
    with gunicorn(env, workers=2) as server:
        for page in PAGES:
            urllib.request.urlopen(server.url + page).read()

        load = Load(server.url, lambda n: PAGES[n % len(PAGES)])
        with load.running():
            time.sleep(LOAD_SECONDS)
        statuses = Counter(status for _, _, status, _ in load.records)
        non_2xx = sum(count for status, count in statuses.items() if not 200 <= status < 300)
        print(f"\n### Load: {CONNECTIONS} connections, {LOAD_SECONDS} s, cached pages (PostgreSQL + Redis)\n")
        print(f"- {len(load.records)} requests, {len(load.records) / LOAD_SECONDS:.0f}/s, non-2xx: {non_2xx}")
        print(f"- p99 {p99_ms([s for *_, s in load.records]):.0f} ms")

        load = Load(server.url, cached_or_new)
        with load.running():
            time.sleep(third)
            proxy.cut()
            time.sleep(third)
            proxy.restore()
            time.sleep(third)
        print(f"\n### Load with the database cut from {third:.0f} s to {2 * third:.0f} s\n")
        phases = [("before", 0, third), ("cut", third, 2 * third), ("after", 2 * third, LOAD_SECONDS)]
        for name, start, end in phases:
            rows = [r for r in load.records if start <= r[0] < end]
            cached = [r for r in rows if "?n=" not in r[1]]
            new = [r for r in rows if "?n=" in r[1]]
            cached_5xx = sum(1 for r in cached if r[2] >= 500 or r[2] == 0)
            new_statuses = dict(sorted(Counter(r[2] for r in new).items()))
            print(
                f"- {name}: cached pages {len(cached)} requests, 5xx {cached_5xx}; "
                f"new URLs {new_statuses}, p99 {p99_ms([r[3] for r in new]):.0f} ms"
            )
        back = [r[0] for r in load.records if r[0] >= 2 * third and "?n=" in r[1] and r[2] == 200]
        if back:
            print(f"- first 200 for a new URL {min(back) - 2 * third:.1f} s after the database returned")

        workers_before = children(server.process.pid)
        load = Load(server.url, lambda n: PAGES[n % len(PAGES)])
        with load.running():
            time.sleep(third)
            os.kill(workers_before[0], signal.SIGKILL)
            time.sleep(2 * third)
        failed = sum(1 for *_, status, _ in load.records if not 200 <= status < 300)
        workers_after = children(server.process.pid)
        print(f"\n### One worker killed (SIGKILL) at {third:.0f} s of {LOAD_SECONDS} s\n")
        print(f"- {len(load.records)} requests, failed: {failed}")
        replaced = len(workers_after) == len(workers_before) and workers_before[0] not in workers_after
        print(f"- workers before {workers_before}, after {workers_after}: {'replaced' if replaced else 'NOT replaced'}")
    proxy.cut()


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return sorted(int(line) for line in out.split())


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    print(f"# make bench, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, gunicorn 2 workers")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = base_env(DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3", PAGE_CACHE_SECONDS="3600")
        manage(sqlite, "migrate", "--noinput", "-v", "0")
        manage(sqlite, "load_reference_data", "-v", "0")
        PAGES[:] = manage(sqlite, "public_urls", "--one-of-each").split()
        throughput("SQLite, per-process cache (the embedded default)", sqlite)
        one = rendered(sqlite)
        manage(sqlite, "shell", "-c", "from tests.tenfold import add_nine_copies; add_nine_copies()")
        ten = rendered(sqlite)
        print("\n### Rendered every time (PAGE_CACHE_SECONDS=0, SQLite): 1x and 10x data\n")
        print("| page | 1x req/s | 1x vs static | 10x req/s | 10x vs 1x |\n|---|---:|---:|---:|---:|")
        for page in PAGES:
            print(
                f"| `{page}` | {one[page][0]:.0f} | {one[page][1]:.3f} | {ten[page][0]:.0f} "
                f"| {ten[page][0] / one[page][0]:.2f} |"
            )
        print(f"\nrendered, 1x: median {statistics.median(r for _, r in one.values()):.3f} of the static file")
    with postgres_database() as database_url:
        throughput(
            "PostgreSQL + Redis (several app servers)",
            base_env(DATABASE_URL=database_url, CACHE_URL=redis_url(), PAGE_CACHE_SECONDS="3600"),
        )
        pg = base_env(DATABASE_URL=database_url, CACHE_URL=redis_url(), PAGE_CACHE_SECONDS="3600")
        pg_rendered = rendered(pg)
        print("\n### Rendered every time, PostgreSQL (PAGE_CACHE_SECONDS=0)\n")
        print(f"median {statistics.median(r for _, r in pg_rendered.values()):.3f} of the static file")
        renders_after_an_edit(database_url)
        resilience(database_url)
    profile_top_five()


if __name__ == "__main__":
    main()
