"""Whole-page cache for anonymous GET requests, keyed by the content version.

A public page is rendered once and then served from the cache until either
- staff edit any content (every save or delete in the content apps raises the
  version, so every key changes on every app server at once), or
- its lifetime ends: PAGE_CACHE_SECONDS, or the page's own `max-age` when the
  view sets a shorter one (pages that show the live counseling status end when
  that status changes); and never past midnight in Japan, since pages say
  "as of today"; and never past the instant a notice appears or ends (every page
  may carry the urgent banner).

Only canonical URLs are stored (canonical.py: the route's own path and the query the
view used), one entry per URL and encoding, a newer copy replacing the older: junk
query strings are answered but never stored, so the cache stays bounded. Browsers
get `Cache-Control: no-cache`: they keep a page but ask again before every use, and
get a bodiless 304 while it is unchanged (revalidated). HEAD is served like GET.

The content version lives in the database with the embedded per-process cache
(a hit costs that one query) and in the cache itself when the cache is shared
(CACHE_URL=redis://…: a hit costs no query; the version is raised there when an
edit commits). With a shared cache each process also keeps the copies it served and
the version it read, for VERSION_REFRESH_SECONDS (1 s): a hit then needs no round trip
to Redis, and an edit shows on the server that saved it at once and on every other
server within that second.

After an edit, one request renders each page that has a stored copy (a lock in the
cache, per page and version); the others meanwhile get the copy from before the edit,
or wait for the new one (RENDER_WAIT_SECONDS at most, then render themselves). A URL
with no stored copy at all (a cold page, a junk query) is simply rendered. Renders are logged at INFO
("page rendered: /path").

Pages are stored as sent (gzip-compressed when the browser accepts it, one copy
per encoding), so a hit is never compressed again; its ETag still answers 304.

When the database cannot be reached (outage.py), a copy is served for up to
PAGE_CACHE_GRACE_SECONDS past its lifetime, with the live counseling status
taken out (it would soon be wrong); pages without a copy get the quick 503.

PAGE_CACHE_SECONDS=0 turns the cache off (the test suite does, except in the
tests of this module).
"""

import contextlib
import gzip
import hashlib
import json
import logging
import math
import time
from collections import OrderedDict
from datetime import datetime, timedelta
from datetime import time as dt_time
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    get_max_age,
)
from simple_history.models import HistoricalChanges

from kumamoto_portal import appconfig
from kumamoto_portal.lib.livestatus import without_live_status
from kumamoto_portal.models import ContentVersion

from . import canonical, outage

UNCACHEABLE = ("private", "no-cache", "no-store")
VERSION_KEY = "content-version"
logger = logging.getLogger(__name__)
LOCAL_BACKENDS = ("LocMemCache", "DummyCache")
HEALTHZ_PATH = "/healthz"

# The last version this process read from the database: with the per-process cache,
# the copies it holds are found under it while the database is unreachable.
_last_version: int | None = None

# With a shared cache, each process keeps the copies it served last (LOCAL_ENTRIES) and the
# content version it read from the cache, for VERSION_REFRESH_SECONDS: a hit then needs no
# round trip to Redis. An edit is seen at once on the server that saved it, and on every
# other server within VERSION_REFRESH_SECONDS.
VERSION_REFRESH_SECONDS = 1.0
LOCAL_ENTRIES = 512
_shared_version: tuple[float, int] | None = None  # (time.monotonic() when read, version)
_local_entries: "OrderedDict[str, Entry]" = OrderedDict()

# One render per page and content version: while one request renders a page, the others
# get the page's copy from before the edit, or wait up to RENDER_WAIT_SECONDS for the new one.
RENDER_LOCK_SECONDS = 10
RENDER_WAIT_SECONDS = 2.0
RENDER_POLL_SECONDS = 0.02


def cache_is_shared() -> bool:
    """Whether every app server sees the same cache (Redis, Memcached), not one per process."""
    return not settings.CACHES["default"]["BACKEND"].endswith(LOCAL_BACKENDS)


def content_version() -> int:
    """The current content version: from the shared cache when there is one (no query),
    else from the database (0 before the first edit)."""
    global _last_version
    if cache_is_shared():
        version = cache.get(VERSION_KEY)
        if version is None:  # first use, or the cache was emptied: a number never used before
            cache.add(VERSION_KEY, time.time_ns(), timeout=None)
            version = cache.get(VERSION_KEY)
        return version
    # Plain SQL: this runs on every cache hit, and the ORM's query building costs more than the query.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {ContentVersion._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    _last_version = row[0] if row else 0
    return _last_version


def bump_content_version() -> None:
    """Raise the content version: every cached page becomes stale (in a shared cache,
    once the edit is committed, so no page is stored under the new version with old data)."""
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    if cache_is_shared():
        transaction.on_commit(_raise_cached_version)


def _raise_cached_version() -> None:
    """After a staff save: a cache that is full or down must not turn the save into a 500."""
    global _shared_version
    _shared_version = None  # this server reads the new version at its next request
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there: content_version() starts a new one
        pass
    except Exception:
        logger.exception("page cache: the content version could not be raised; dropping it")
        with contextlib.suppress(Exception):  # a full Redis still deletes; then pages render uncached
            cache.delete(VERSION_KEY)


def is_content_model(model: type) -> bool:
    """Models whose rows residents see: the models of the apps that declare `content`, not their edit
    history, nor the frozen copies that data migrations use (the version table may
    not exist yet while they run)."""
    return (
        model._meta.app_label in appconfig.content_app_labels()
        and not issubclass(model, HistoricalChanges)
        and model is not ContentVersion
        and apps.get_model(model._meta.label) is model
    )


def _on_change(sender, action: str = "post_", **kwargs) -> None:
    if is_content_model(sender) and action.startswith("post_"):
        bump_content_version()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"pagecache-{signal}")


def is_cacheable_request(request: HttpRequest) -> bool:
    """Anonymous GETs and HEADs only: a signed-in clerk always sees a fresh page. The health
    check always asks the database itself."""
    return (
        request.method in ("GET", "HEAD")
        and request.path_info != HEALTHZ_PATH
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def cache_lifetime(response: HttpResponse, default: int) -> int:
    """Seconds the response may be kept; 0 when it must not be cached at all."""
    vary = {field.strip().lower() for field in cc_delim_re.split(response.get("Vary", "")) if field.strip()}
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or vary - {"accept-encoding"}  # e.g. "Cookie": the page used the session or a CSRF token
        or any(word in response.get("Cache-Control", "") for word in UNCACHEABLE)
    ):
        return 0
    max_age = get_max_age(response)
    return default if max_age is None else min(max_age, default)


def seconds_to_midnight(instant: datetime) -> int:
    """Seconds from `instant` to the next midnight in the site's time zone (Asia/Tokyo)."""
    local = timezone.localtime(instant)
    midnight = datetime.combine(local.date() + timedelta(days=1), dt_time(), tzinfo=local.tzinfo)
    return math.ceil((midnight - local).total_seconds())


def page_key(request: HttpRequest) -> str:
    """One key per URL and encoding (gzip or not: the copy is stored as sent). The entry
    records the content version it was made under."""
    url = request.build_absolute_uri()
    encoding = "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    return f"page:{encoding}:{hashlib.sha256(url.encode()).hexdigest()}"


class Entry(NamedTuple):
    """A stored page: plain bytes and headers (cheaper to store and read back than a pickled response)."""

    version: int  # the content version it was made under
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes  # as sent: gzip-compressed when the browser accepted it
    expires: datetime  # served as fresh until then; in a database outage, for the grace period after
    live_status: bool

    @classmethod
    def of(cls, response: HttpResponse, version: int, expires: datetime) -> "Entry":
        headers = tuple(response.headers.items())
        return cls(
            version, response.status_code, headers, response.content, expires, getattr(response, "live_status", False)
        )

    def response(self) -> HttpResponse:
        return HttpResponse(self.content, status=self.status, headers=dict(self.headers))

    def to_bytes(self) -> bytes:
        """JSON for the fields, then a newline and the page as it is (no pickle: see rediscache.py)."""
        fields = [self.version, self.status, self.headers, self.expires.isoformat(), self.live_status]
        return json.dumps(fields, ensure_ascii=False).encode() + b"\n" + self.content

    @classmethod
    def from_bytes(cls, data: bytes) -> "Entry":
        head, _, content = data.partition(b"\n")
        version, status, headers, expires, live_status = json.loads(head)
        headers = tuple((name, value) for name, value in headers)
        return cls(version, status, headers, content, datetime.fromisoformat(expires), live_status)


def late_copy(entry: Entry) -> HttpResponse:
    """A stored page served past its lifetime: not kept by browsers, live status taken out."""
    late = entry.response()
    if entry.live_status:
        compressed = late.get("Content-Encoding") == "gzip"
        html = (gzip.decompress(late.content) if compressed else late.content).decode()
        body = without_live_status(html).encode()
        late.content = gzip.compress(body, mtime=0) if compressed else body
        late["Content-Length"] = str(len(late.content))
    if late.has_header("ETag"):
        del late["ETag"]
    add_never_cache_headers(late)
    return late


def served_while_database_is_down(entry: Entry | None) -> HttpResponse:
    """What a request gets while this process cannot reach the database (the outage serving rule).

    - The stored copy of the page, if there is one: even past its lifetime (for up to
      PAGE_CACHE_GRACE_SECONDS, the entry's cache timeout) and even when it was made under an
      older content version (an edit's page was never rendered): a page from before beats none.
    - It is served with its live counseling status taken out and is not kept by browsers (late_copy).
    - Without a copy: the quick Japanese 503 with Retry-After (outage.unavailable_response).
    The content version used to find the copy is the last one this process read (per-process
    cache) or the shared cache's own (Redis), so no query is needed to find it.
    """
    return late_copy(entry) if entry is not None else outage.unavailable_response()


def revalidated(response: HttpResponse) -> HttpResponse:
    """Browsers keep a public page but ask again before every use (a cheap 304 while it is
    unchanged), so an urgent banner or a withdrawn notice reaches everyone on their next
    page view. Responses marked private or no-store keep their own header."""
    if response.status_code == 200 and not any(
        word in response.get("Cache-Control", "") for word in ("private", "no-store")
    ):
        response["Cache-Control"] = "no-cache"
    return response


def answer_conditionally(request: HttpRequest, response: HttpResponse, conditions: dict[str, str]) -> HttpResponse:
    """A bodiless 304 when the browser's copy (If-None-Match / If-Modified-Since) is still this page."""
    if not conditions or response.status_code != 200:
        return response
    request.META.update(conditions)
    return get_conditional_response(request, etag=response.get("ETag"), last_modified=None, response=response)


CONDITIONS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def forget_local_copies() -> None:
    """Drop this process's copies and version of a shared cache (the next request asks it again)."""
    global _shared_version
    _shared_version = None
    _local_entries.clear()


def remember(key: str, entry: Entry | None) -> Entry | None:
    """Keep a copy read from (or written to) a shared cache in this process, newest LOCAL_ENTRIES."""
    if entry is not None and cache_is_shared():
        _local_entries[key] = entry
        _local_entries.move_to_end(key)
        while len(_local_entries) > LOCAL_ENTRIES:
            _local_entries.popitem(last=False)
    return entry


class PageCacheMiddleware:
    """Serve a cached copy of a public page while it is still valid (see the module doc).

    Sits right after WhiteNoise and outside GZip and ConditionalGet: a hit skips
    the session, CSRF, auth, CSP and compression work, and the stored page already
    carries the headers the inner middleware added. Sessions and CSRF tokens show
    up as Set-Cookie or Vary on the response, and such pages are never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_cacheable_request(request):
            return self.get_response(request)
        if not settings.PAGE_CACHE_SECONDS:
            return revalidated(self.get_response(request))
        now = timezone.now()
        key = page_key(request)
        try:
            version, entry = self.lookup(key)
        except Exception:  # the cache server is unreachable: render without it
            logger.exception("page cache unavailable")
            return self.get_response(request)
        # A copy ends at its exact instant (a notice's publication, say), not at the cache's whole-second timeout.
        if entry is not None and entry.version == version and entry.expires > now:
            return self.fresh(request, entry, now)
        if outage.recently_failed():  # do not wait for the database again
            return served_while_database_is_down(entry)
        if version is None or entry is None:
            # Nothing stored under this URL (a cold page, or a junk query never stored): no one
            # waits for it, so identical junk requests cannot hold workers.
            return self.render(request, key, version, entry, now)
        # One render per page and version: the others get the copy from before or wait for it.
        lock = f"rendering:{key}:{version}"
        mine = self.claim(lock)
        try:
            if not mine and (other := self.meanwhile(key, version, entry, now)) is not None:
                return other.response()
            if mine and (done := self.stored(key, version, now)) is not None:  # rendered while we looked
                return self.fresh(request, done, now)
            return self.render(request, key, version, entry, now)
        finally:
            if mine:
                with contextlib.suppress(Exception):
                    cache.delete(lock)

    def render(
        self, request: HttpRequest, key: str, version: int | None, entry: Entry | None, now: datetime
    ) -> HttpResponse:
        """Render the page and store it (canonical URLs only). The whole page is rendered even for a
        browser that revalidates: it is stored, then answered 304."""
        conditions = {name: request.META.pop(name) for name in CONDITIONS if name in request.META}
        logger.info("page rendered: %s", request.get_full_path())
        response = self.get_response(request)
        if response.status_code == 503 and outage.recently_failed():
            return served_while_database_is_down(entry)
        lifetime = self.lifetime(response, now)
        revalidated(response)
        if version is not None and lifetime and canonical.is_canonical(request):
            self.store(key, version, response, now + lifetime)
        return answer_conditionally(request, response, conditions)

    def lookup(self, key: str) -> tuple[int | None, Entry | None]:
        """The content version and the stored copy: from this process's memory when it holds
        both (shared cache, version read less than VERSION_REFRESH_SECONDS ago), else one round
        trip to a shared cache, or the per-process cache and one query."""
        if not cache_is_shared():
            return self.version(), cache.get(key)
        global _shared_version
        known = _shared_version
        if known is not None and time.monotonic() - known[0] < VERSION_REFRESH_SECONDS:
            local = _local_entries.get(key)
            if local is not None and local.version == known[1]:
                return known[1], local
        # Not held here: read both again (the version may have moved since, and a page must
        # never be rendered or stored under an older version than the copy in the cache).
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        version = content_version() if version is None else version
        _shared_version = (time.monotonic(), version)
        return version, remember(key, found.get(key))

    @staticmethod
    def version() -> int | None:
        """The content version; in a database outage, the last one this process read (None if none)."""
        if outage.recently_failed():
            return _last_version
        try:
            return content_version()
        except DatabaseError:
            outage.record_failure()
            return _last_version

    @staticmethod
    def fresh(request: HttpRequest, entry: Entry, now: datetime) -> HttpResponse:
        response = entry.response()
        if "HTTP_IF_NONE_MATCH" not in request.META:
            return response
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    @staticmethod
    def lifetime(response: HttpResponse, now: datetime) -> timedelta | None:
        """How long the response may be served from the cache (see the module doc); None: not at all."""
        seconds = min(cache_lifetime(response, settings.PAGE_CACHE_SECONDS), seconds_to_midnight(now))
        if seconds <= 0:
            return None
        lifetime = timedelta(seconds=seconds)
        next_change = appconfig.next_change_after(now)
        if next_change is not None:
            lifetime = min(lifetime, next_change - now)
        return lifetime if lifetime > timedelta(0) else None

    @staticmethod
    def claim(lock: str) -> bool:
        """Whether this request renders the page (see RENDER_LOCK_SECONDS); a failing cache: yes."""
        try:
            return cache.add(lock, 1, RENDER_LOCK_SECONDS)
        except Exception:
            return True

    def meanwhile(self, key: str, version: int, entry: Entry | None, now: datetime) -> Entry | None:
        """While another request renders the page: the copy from before the edit, or the new one
        once it is stored (RENDER_WAIT_SECONDS at most); None: render after all."""
        if entry is not None and entry.version != version:
            return entry
        return self.wait_for(key, version, now)

    @staticmethod
    def stored(key: str, version: int, now: datetime) -> Entry | None:
        """A fresh copy of this version, if another request stored it since this one looked."""
        try:
            entry = cache.get(key)
        except Exception:
            return None
        fresh = entry is not None and entry.version == version and entry.expires > now
        return remember(key, entry) if fresh else None

    @classmethod
    def wait_for(cls, key: str, version: int, now: datetime) -> Entry | None:
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
            if (entry := cls.stored(key, version, now)) is not None:
                return entry
        return None

    @staticmethod
    def store(key: str, version: int, response: HttpResponse, expires: datetime) -> None:
        """Keep the page until `expires`, and for the outage grace period after (one entry per
        canonical URL and encoding: a newer copy replaces the older one)."""
        entry = Entry.of(response, version, expires)
        timeout = math.ceil((expires - timezone.now()).total_seconds()) + settings.PAGE_CACHE_GRACE_SECONDS
        try:
            cache.set(key, entry, timeout)
        except Exception:  # full or unreachable: the page was answered all the same
            logger.exception("page cache unavailable")
        else:
            remember(key, entry)
