"""Shared test set-up: test-only settings, reference data, a real browser.

Browser tests use pytest-playwright on Debian's chromium (Playwright cannot
download its own browser here) against pytest-django's live_server.
"""

import os

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

# Playwright's sync API runs an event loop in the test thread; without this,
# Django refuses ORM calls from it (SynchronousOnlyOperation). Tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session", autouse=True)
def _test_settings():
    """Plain static storage: live_server serves files through the finders,
    which do not know whitenoise's hashed manifest names. Fast hashing.
    No page cache: pages are rendered fresh under a pinned clock (the cache has
    its own tests in test_pagecache.py)."""
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        PAGE_CACHE_SECONDS=0,
    ):
        yield


@pytest.fixture
def reference_data(db):
    """The whole reference data set from fixtures/, as `make run` loads it."""
    call_command("load_reference_data", verbosity=0)


@pytest.fixture
def tenfold(reference_data):
    """Ten times the rows that pages list (tests/tenfold.py), on top of the reference data."""
    from tests.tenfold import add_nine_copies

    add_nine_copies()


@pytest.fixture
def back_to_latest_migrations():
    """For migration tests: the database is back at the latest migrations afterwards."""
    yield
    from tests.helpers import latest_migrations, migrate

    migrate(latest_migrations())


@pytest.fixture
def source(db):
    """One source for rows made in tests (the admin refuses a content row without one)."""
    from kumamoto_portal.models import Source

    return Source.objects.create(code="T01", title="試験の資料", publisher="試験市")


@pytest.fixture
def staff(client, django_user_model):
    """A client signed in as a staff superuser ("clerk")."""
    client.force_login(django_user_model.objects.create_superuser("clerk", "clerk@example.jp", "a-long-test-password"))
    return client


@pytest.fixture
def live_reference_data(transactional_db):
    """Reference data for browser tests (live_server needs committed rows)."""
    call_command("load_reference_data", verbosity=0)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}


def pytest_sessionfinish(session, exitstatus):
    """A skipped test is a defect here (browser tests must run): fail the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        reporter.write_line("テストがスキップされました: スキップは失敗として扱います。", red=True)
        session.exitstatus = 1


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db['NAME']}); browser: {CHROMIUM}"
