"""The client address that the login throttle (django-axes) keys on."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, unless TRUSTED_PROXY_COUNT proxies stand in front of the app.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so with N proxies the client is the N-th entry from the
    right; anything a client wrote into the header itself stands further left
    and is ignored. With no proxies configured, the header is never read. An entry
    that is not an IP address (「unknown」, a port as in 1.2.3.4:5678 or [::1]:80) is
    read as the address in it, else REMOTE_ADDR is used: the throttle's table stores
    addresses, and PostgreSQL refuses anything else.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if count > 0 and len(forwarded) >= count:
        address = ip_address_in(forwarded[-count])
        if address is not None:
            return address
    return ip_address_in(request.META.get("REMOTE_ADDR", ""))


def ip_address_in(value: str) -> str | None:
    """The IP address written in `value` (with or without a port), normalised; None if there is none."""
    candidates = [value]
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        candidates.append(value[1 : value.index("]")])
    elif value.count(":") == 1:  # 1.2.3.4:5678
        candidates.append(value.split(":")[0])
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None
