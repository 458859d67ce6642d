"""The client address that the login throttle (django-axes) keys on."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, unless TRUSTED_PROXY_COUNT proxies stand in front of the app.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so with N proxies the client is the N-th entry from the
    right; anything a client wrote into the header itself stands further left
    and is ignored. With no proxies configured, the header is never read.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if count > 0 and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
