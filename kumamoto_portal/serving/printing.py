"""What every page carries on paper (the 広報紙): the date it is current as of, and its
canonical URL as text and as a QR code.

"""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from kumamoto_portal.lib.qr import qr_svg
from kumamoto_portal.lib.siteurl import absolute_url

from .canonical import canonical_url


def print_context(request: HttpRequest) -> dict[str, str | date | Callable[[], SafeString]]:
    """Context processor for the print-only lines of base.html.

    `page_url` is the canonical URL of the page (canonical.py: its route's own path and
    the query the view used, on SITE_URL's host when set), so a junk or 2,000-character
    query never reaches the QR code; empty when the request matched no route or its Host
    was refused, as there is no trustworthy URL to print then. `page_qr` is a callable,
    so the code is drawn only by pages that show it. `as_of` is today in Japan (「令和○年○月○日現在」).
    """
    path = canonical_url(request)
    try:
        url = absolute_url(request, path) if path else ""
    except DisallowedHost:
        url = ""
    return {
        "page_url": url,
        "page_qr": lambda: mark_safe(qr_svg(url, "このページのURLの二次元コード", "page-qr")) if url else "",
        "as_of": timezone.localdate(),
    }
