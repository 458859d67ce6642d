"""Where a render's time goes: cProfile over rendered pages (no page cache).

    .venv/bin/python scripts/profile_render.py [URL ...] [--renders N] [--top K]

On a fresh SQLite database with the reference data (in a temporary folder), each URL
(default: one page of each kind, `manage.py public_urls --one-of-each`) is rendered N
times (default 20) through Django's test client with PAGE_CACHE_SECONDS=0. Prints the
milliseconds a render and the top K functions by their own time and by cumulative time.
`make bench` prints the top five of the same profile.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(directory: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kumamoto_portal.settings",
        DATABASE_URL=f"sqlite:///{directory}/profile.sqlite3",
        PAGE_CACHE_SECONDS="0",
        ALLOWED_HOSTS="testserver",
        LOG_LEVEL="CRITICAL",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0, stdout=io.StringIO())
    from django.conf import settings

    # The test client serves static names unhashed, as the tests do (no collectstatic needed).
    settings.STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"


def profile(urls: list[str], renders: int) -> tuple[pstats.Stats, dict[str, float]]:
    from django.test import Client

    client = Client()
    for url in urls:  # warm: templates compiled, imports done
        assert client.get(url).status_code == 200, url
    per_page = {}
    profiler = cProfile.Profile()
    for url in urls:
        start = time.perf_counter()
        profiler.enable()
        for _ in range(renders):
            client.get(url)
        profiler.disable()
        per_page[url] = (time.perf_counter() - start) / renders * 1000
    return pstats.Stats(profiler), per_page


def top(stats: pstats.Stats, key: str, count: int, renders: int) -> list[tuple[str, float]]:
    """The `count` functions with the most time by `key` ("tottime" or "cumtime"), in ms a render."""
    rows = []
    for (filename, line, name), (_, _, tottime, cumtime, _) in stats.stats.items():
        where = f"{Path(filename).name}:{line} {name}" if line else name
        rows.append((where, tottime if key == "tottime" else cumtime))
    rows.sort(key=lambda row: row[1], reverse=True)
    return [(where, seconds * 1000 / renders) for where, seconds in rows[:count]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--renders", type=int, default=20)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup(directory)
        from kumamoto_portal.site.pages import one_of_each, public_urls

        urls = args.urls or one_of_each(public_urls())
        stats, per_page = profile(urls, args.renders)
    total_renders = args.renders * len(urls)
    print(f"# profile of {len(urls)} pages x {args.renders} renders (PAGE_CACHE_SECONDS=0, SQLite)\n")
    for url, ms in per_page.items():
        print(f"{ms:7.1f} ms  {url}")
    for key, title in (("tottime", "own time"), ("cumtime", "cumulative time")):
        print(f"\n## top {args.top} by {title}, ms a render\n")
        for where, ms in top(stats, key, args.top, total_renders):
            print(f"{ms:7.2f}  {where}")


if __name__ == "__main__":
    main()
