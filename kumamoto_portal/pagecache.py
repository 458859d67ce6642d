"""Whole-page cache for anonymous GET requests, keyed by the content version.

A public page is rendered once and then served from the cache until either
- staff edit any content (every save or delete in the content apps raises the
  version, so every key changes on every app server at once), or
- its lifetime ends: the page's own `max-age` when the view sets one (pages
  that show the live counseling status end when that status changes), else
  PAGE_CACHE_SECONDS; and never past midnight in Japan, since pages say
  "as of today"; and never past the instant a notice appears or ends (every page
  may carry the urgent banner), the browser-facing max-age included.

PAGE_CACHE_SECONDS=0 turns the cache off (the test suite does, except in the
tests of this module).
"""

import hashlib
import math
from datetime import datetime, timedelta
from datetime import time as dt_time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control
from simple_history.models import HistoricalChanges

from notices.models import Notice

from .models import ContentVersion

CONTENT_APPS = frozenset({"areas", "libraries", "counseling", "notices"})
UNCACHEABLE = ("private", "no-cache", "no-store")


def content_version() -> int:
    """The current content version (0 before the first edit)."""
    return next(iter(ContentVersion.objects.filter(pk=1).values_list("number", flat=True)), 0)


def bump_content_version() -> None:
    """Raise the content version: every cached page becomes stale."""
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def is_content_model(model: type) -> bool:
    """Models whose rows residents see: the content apps' own models, not their edit
    history, nor the frozen copies that data migrations use (the version table may
    not exist yet while they run)."""
    return (
        model._meta.app_label in CONTENT_APPS
        and not issubclass(model, HistoricalChanges)
        and apps.get_model(model._meta.label) is model
    )


def _on_change(sender, action: str = "post_", **kwargs) -> None:
    if is_content_model(sender) and action.startswith("post_"):
        bump_content_version()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"pagecache-{signal}")


def is_cacheable_request(request: HttpRequest) -> bool:
    """Anonymous GETs only: a signed-in clerk always sees a fresh page."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def cache_lifetime(response: HttpResponse, default: int) -> int:
    """Seconds the response may be kept; 0 when it must not be cached at all."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or response.has_header("Vary")  # e.g. "Cookie": the page used the session or a CSRF token
        or any(word in response.get("Cache-Control", "") for word in UNCACHEABLE)
    ):
        return 0
    max_age = get_max_age(response)
    return default if max_age is None else max_age


def seconds_to_midnight(instant: datetime) -> int:
    """Seconds from `instant` to the next midnight in the site's time zone (Asia/Tokyo)."""
    local = timezone.localtime(instant)
    midnight = datetime.combine(local.date() + timedelta(days=1), dt_time(), tzinfo=local.tzinfo)
    return math.ceil((midnight - local).total_seconds())


def whole_seconds(delta: timedelta) -> int:
    """A duration in whole seconds, rounded down: a max-age never reaches past the instant it counts to."""
    return max(0, math.floor(delta.total_seconds()))


def page_key(request: HttpRequest, version: int) -> str:
    url = request.build_absolute_uri()
    return f"page:{version}:{hashlib.sha256(url.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Serve a cached copy of a public page while it is still valid (see the module doc).

    Sits right after SecurityMiddleware and WhiteNoise: a hit skips the session,
    CSRF, auth and CSP work, and the stored page already carries the headers the
    inner middleware added (CSP, X-Frame-Options). Sessions and CSRF tokens show
    up as Set-Cookie or Vary on the response, and such pages are never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        default = settings.PAGE_CACHE_SECONDS
        if not default or not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request, content_version())
        now = timezone.now()
        entry = cache.get(key)
        # A copy ends at its exact instant (a notice's publication, say), not at the cache's whole-second timeout.
        if entry is not None and entry[1] > now:
            response, expires = entry
            if get_max_age(response) is not None:
                patch_cache_control(response, max_age=max(0, math.ceil((expires - now).total_seconds())))
            return response
        response = self.get_response(request)
        notice_change = Notice.objects.next_change_after(now)
        if notice_change is not None and get_max_age(response) is not None:
            patch_cache_control(response, max_age=min(get_max_age(response), whole_seconds(notice_change - now)))
        lifetime = min(cache_lifetime(response, default), seconds_to_midnight(now))
        expires = now + timedelta(seconds=lifetime)
        if notice_change is not None:
            expires = min(expires, notice_change)
        if lifetime > 0 and expires > now:
            cache.set(key, (response, expires), math.ceil((expires - now).total_seconds()))
        return response
