"""最終更新日: when the content a page shows last changed, from the edit history.

`last_changed(*histories)` takes the edit-history querysets of what a page shows and
returns the newest change among them in one query (a UNION), whatever the number of rows.
Each app declares, per page (URL name), which models it shows (`page_content` on its AppConfig); the context processor
gives every page `last_changed` (computed only when the page displays it), and a detail
view narrows it to its own rows by putting `last_changed` in its context.
Pages whose text lives in the templates carry the date that text was last revised.
"""

from collections.abc import Callable
from datetime import date, datetime

from django.apps import apps
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from kumamoto_portal import appconfig
from kumamoto_portal.history import UNDATED


def last_changed(*histories: QuerySet) -> datetime | None:
    """The newest `history_date` among the edit-history querysets, in one query; None if none
    (records of reference rows whose sources give no day do not count: history.UNDATED)."""
    dates = [history.order_by().filter(history_date__gt=UNDATED).values("history_date") for history in histories]
    if not dates:
        return None
    combined = dates[0].union(*dates[1:], all=True) if len(dates) > 1 else dates[0]
    newest = combined.order_by("-history_date").first()
    return None if newest is None else newest["history_date"]


def page_last_changed(view_name: str) -> date | None:
    """The day the content of the page `view_name` last changed (in Japan), or None."""
    content = appconfig.page_content().get(view_name)
    if isinstance(content, date) or content is None:
        return content
    newest = last_changed(*(apps.get_model(label).history.all() for label in content))
    return None if newest is None else timezone.localdate(newest)


def page_context(request: HttpRequest) -> dict[str, Callable[[], date | None]]:
    """Context processor: `last_changed`, called only by the pages that show it."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    return {"last_changed": lambda: page_last_changed(view_name)}


def day_of(newest: datetime | None) -> date | None:
    """For detail views: the day (in Japan) of a `last_changed(...)` result."""
    return None if newest is None else timezone.localdate(newest)
