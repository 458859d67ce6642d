"""When the database cannot be reached.

Every request that needs the database then gets a quick Japanese 503 with
`Retry-After` (never a 500), and the page cache serves the copies it holds
(pagecache.py). Each process remembers its last failure for
DATABASE_RETRY_SECONDS, so that the requests of the next seconds do not each
wait for the connection timeout; after that one request tries again, and the
site recovers by itself when the database is back.
"""

import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

RETRY_AFTER_SECONDS = 30

_failed_at: float | None = None


def is_database_unreachable(error: BaseException | None) -> bool:
    """True for the errors of a lost or refused connection (not for a bad query)."""
    return isinstance(error, OperationalError | InterfaceError)


def record_failure() -> None:
    global _failed_at
    _failed_at = time.monotonic()


def record_success() -> None:
    global _failed_at
    _failed_at = None


def recently_failed() -> bool:
    """Whether this process saw the database fail in the last DATABASE_RETRY_SECONDS."""
    return _failed_at is not None and time.monotonic() - _failed_at < settings.DATABASE_RETRY_SECONDS


def unavailable_response() -> HttpResponse:
    """The Japanese 503 page. Rendered without the request's context: the context
    processors read the database."""
    response = HttpResponse(loader.get_template("errors/503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def database_answers() -> bool:
    """Whether a trivial query succeeds now (for /healthz)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True
