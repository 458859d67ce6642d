"""The live counseling status ("受付中" / "受付時間外") on a page.

It is right only until it changes, so copies of a page served later (the page
cache during a database outage, the static mirror) take it out. The status
include wraps it in the two comments LIVE_STATUS looks for.
"""

import re

from django.http import HttpResponse

LIVE_STATUS = re.compile(r"<!--live-status-->.*?<!--/live-status-->", re.DOTALL)
WITHOUT_LIVE_STATUS = (
    '<div class="status status-unknown no-print"><p class="status-label">受付状況を表示できません</p>'
    "<p>いま受付中かどうかは、このページでは確かめられません。受付日と受付時間は、このページの案内をご覧ください。</p></div>"
)


def mark_live_status(response: HttpResponse) -> HttpResponse:
    """Note on the response that the page shows the live status (the page cache reads it)."""
    response.live_status = True
    return response


def without_live_status(html: str) -> str:
    """The page with its live status replaced by a neutral note."""
    return LIVE_STATUS.sub(WITHOUT_LIVE_STATUS, html)
