"""Shared test set-up: test-only settings, reference data, a real browser.

Browser tests use pytest-playwright on Debian's chromium (Playwright cannot
download its own browser here) against pytest-django's live_server.
"""

import os
from datetime import date

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


# --- The shared reference database ----------------------------------------------------
# Loading fixtures/ costs about 0.85 s, so it happens once per run (per database), not per
# test: tests that ask for `reference_data` run after the tests that want an empty database
# (pytest_collection_modifyitems), the data is committed when the first of them starts, and
# each test's own transaction is rolled back as usual, so the shared rows come back unchanged.
# A test on an empty database that runs after that (out of order) gets the database emptied
# first (pytest_runtest_setup): correct in any order, fast in ours. Transactional tests come
# last and empty the database after themselves, as Django always does.

REFERENCE_FIXTURES = {"reference_data", "tenfold", "cast"}


class SharedReference:
    """Whether the test database holds the committed reference data and the cast right now."""

    def __init__(self) -> None:
        self.blocker = None  # pytest-django's database blocker, once the test database exists
        self.loaded = False
        self.loads = 0  # reported at the end of the run

    def load(self) -> None:
        if self.loaded:
            return
        with self.blocker.unblock():
            call_command("load_reference_data", verbosity=0)
            make_cast()
        self.loaded, self.loads = True, self.loads + 1

    def empty(self) -> None:
        if not self.loaded:
            return
        with self.blocker.unblock():
            from django.contrib.auth.models import Group, Permission

            from kumamoto_portal.staff.roles import setup_roles

            call_command("flush", verbosity=0, interactive=False)
            setup_roles(Group, Permission)  # as the migrations leave it
        self.loaded = False


SHARED = SharedReference()


def transactional(item: pytest.Item) -> bool:
    """Whether the test commits (live server, django_db(transaction=True)): Django empties the database after it."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", []))
    return bool(fixtures & {"transactional_db", "live_server"}) or bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )


def wants_reference(item: pytest.Item) -> bool:
    return bool(set(getattr(item, "fixturenames", [])) & REFERENCE_FIXTURES) and not transactional(item)


def uses_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", []))
    return item.get_closest_marker("django_db") is not None or bool(fixtures & {"db", "transactional_db"})


def pytest_itemcollected(item: pytest.Item) -> None:
    """Every test under tests/e2e/ drives the browser: marked `browser` (make check leaves them out)."""
    if "e2e" in item.path.parts:
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """After pytest-django's order (database tests, transactional ones, the rest): within the
    first group, the tests on an empty database before those on the shared reference data."""
    first = [item for item in items if uses_database(item) and not transactional(item)]
    rest = [item for item in items if item not in set(first)]
    items[:] = [*(i for i in first if not wants_reference(i)), *(i for i in first if wants_reference(i)), *rest]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the test's fixtures (so outside its transaction): the database it expects."""
    if SHARED.blocker is None or not uses_database(item):
        return
    if wants_reference(item):
        SHARED.load()
    elif transactional(item):
        SHARED.loaded = False  # it may see the shared rows; Django empties the database after it, as always
    else:
        SHARED.empty()


def pytest_terminal_summary(terminalreporter) -> None:
    if SHARED.loads:
        terminalreporter.write_line(f"shared reference data loaded {SHARED.loads} time(s) for the database tests")


@pytest.fixture(scope="session")
def _shared_reference(django_db_setup, django_db_blocker) -> SharedReference:
    """Set up before any function fixture (session scope), so the first load is outside every transaction."""
    SHARED.blocker = django_db_blocker
    SHARED.load()
    return SHARED


@pytest.fixture
def reference_data(_shared_reference, db):
    """The whole reference data set from fixtures/, as `make run` loads it (shared, see above)."""
    if not _shared_reference.loaded:  # asked for through request.getfixturevalue: load it for this test only
        call_command("load_reference_data", verbosity=0)
        make_cast()


# The cast: one staff account per role, loaded with the reference data (password CAST_PASSWORD).
CAST_PASSWORD = "a-long-test-password"
CAST = {
    "admin": {"superuser": True},
    "area-staff": {"role": "圏域担当"},
    "library-staff": {"role": "図書館担当"},
    "counseling-staff": {"role": "相談窓口担当"},
    "notice-staff": {"role": "お知らせ担当"},
    "tamana-clerk": {"role": "市町村担当", "towns": ["432067"]},
    "kumamoto-clerk": {"role": "市町村担当", "towns": ["431001"]},
}


def make_cast() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from areas.models import Clerk, Municipality

    User = get_user_model()
    for name, part in CAST.items():
        username = f"cast-{name}"
        if part.get("superuser"):
            User.objects.create_superuser(username, f"{username}@example.jp", CAST_PASSWORD)
            continue
        user = User.objects.create_user(username, f"{username}@example.jp", CAST_PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=part["role"]))
        if towns := part.get("towns"):
            Clerk.objects.create(user=user).municipalities.set(Municipality.objects.filter(code__in=towns))


@pytest.fixture
def cast(reference_data, django_user_model) -> dict:
    """The cast's accounts by name ("admin", "tamana-clerk", …): see CAST."""
    users = {
        user.username.removeprefix("cast-"): user
        for user in django_user_model.objects.filter(username__startswith="cast-")
    }
    assert set(users) == set(CAST)
    return users


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

    # Checked by staff on 2026-11-01: recent enough for every date the tests pin (review period 12 months).
    return Source.objects.create(code="T01", title="試験の資料", publisher="試験市", checked_on=date(2026, 11, 1))


@pytest.fixture
def confirmed_schedule(reference_data):
    """Staff confirmed the article's Tuesdays and Sundays until the end of 2027 (有効期間 on each weekly
    session): without it the 2023 source supports no session after 2024 (kumamoto_portal/currency.py)."""
    from counseling.models import WeeklySession

    WeeklySession.objects.update(valid_until=date(2027, 12, 31))


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
