"""How long pages that show the live counseling status may be kept (the service page, the home page)."""

from datetime import datetime

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from kumamoto_portal.lib.livestatus import mark_live_status

from .rules import Status, in_tokyo


def cache_seconds(status: Status, instant: datetime, cap: int = 600) -> int:
    """How long a page showing `status` may be cached: never past the next change of state.

    Capped (default 10 minutes) so that staff edits to the schedule show soon.
    """
    change = status.next_change
    if change is None:
        return cap
    return max(0, min(cap, int((change - in_tokyo(instant)).total_seconds())))


def cache_until_next_change(response: HttpResponse, status: Status, instant: datetime) -> HttpResponse:
    """Let caches keep a page that shows the live `status` only until it changes (see cache_seconds)."""
    patch_cache_control(response, public=True, max_age=cache_seconds(status, instant))
    return mark_live_status(response)
