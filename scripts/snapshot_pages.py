"""Write every public page, rendered at one pinned instant on the reference data, to a folder.

Used to show that a refactoring leaves the pages byte-identical:

    .venv/bin/python scripts/snapshot_pages.py /tmp/before
    (change the code)
    .venv/bin/python scripts/snapshot_pages.py /tmp/after
    diff -r /tmp/before /tmp/after

It uses its own SQLite database in a temporary folder and needs the dev
dependencies (time-machine).
"""

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

INSTANT = "2026-12-01T19:00:00+09:00"  # a Tuesday evening: the counseling service is open


def main(out: Path) -> None:
    workdir = Path(tempfile.mkdtemp())
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'snapshot.sqlite3'}"
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECRET_KEY", "snapshot-only-" + "x" * 50)
    os.environ["DJANGO_SETTINGS_MODULE"] = "kumamoto_portal.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import django
    import time_machine

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    with time_machine.travel(INSTANT, tick=False):
        call_command("migrate", verbosity=0)
        call_command("load_reference_data", verbosity=0)
        storages = {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(STORAGES=storages):
            client = Client()
            out.mkdir(parents=True, exist_ok=True)
            for url in urls():
                response = client.get(url)
                name = quote(url, safe="") or "root"
                (out / f"{response.status_code}_{name}").write_bytes(response.content)
    print(f"{len(list(out.iterdir()))} pages written to {out}")


# Beside every public URL: the error answers and the sort orders, which no list of pages holds.
ERROR_AND_VARIANT_URLS = [
    "/styleguide/",
    "/no-such-page/",
    "/libraries/return/?from=abc",
    "/libraries/return/?from=999999",
    "/libraries/eligibility/?resident=xx",
    "/libraries/eligibility/?resident=999999",
    "/counseling/calendar/?month=2027-01",
    "/counseling/calendar/?month=bad",
    *(f"/areas/?sort={sort}" for sort in ("code", "kana", "population", "area", "joined", "junk")),
]


def urls() -> list[str]:
    from kumamoto_portal.site.pages import public_urls

    return [*public_urls(), *ERROR_AND_VARIANT_URLS]


if __name__ == "__main__":
    main(Path(sys.argv[1]))
