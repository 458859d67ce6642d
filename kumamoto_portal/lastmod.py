"""最終更新日: when the content a page shows last changed, from the edit history.

`last_changed(*histories)` takes the edit-history querysets of what a page shows and
returns the newest change among them in one query (a UNION), whatever the number of rows.
`PAGE_CONTENT` says, per page (URL name), which models it shows; the context processor
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

LIBRARY_CONTENT = (
    *("libraries.LibrarySystem", "libraries.Location", "libraries.MutualUseAgreement", "libraries.KindCount"),
)
COUNSELING_CONTENT = (
    *("counseling.Service", "counseling.Menu", "counseling.WeeklySession", "counseling.Closure"),
    *("counseling.ExtraSession", "counseling.CrisisLine"),
)
PAGE_CONTENT: dict[str, tuple[str, ...] | date] = {
    "home": ("areas.Municipality", "areas.Pillar", "areas.CooperationProject", "notices.Notice", *COUNSELING_CONTENT),
    "areas:municipality_list": ("areas.Municipality",),
    "areas:history": ("areas.Municipality",),
    "areas:municipality": ("areas.Municipality", "areas.CooperationProject", *LIBRARY_CONTENT, "notices.Notice"),
    "areas:policy": ("areas.Pillar", "areas.PolicyGroup", "areas.PolicyField", "areas.CooperationProject"),
    "areas:policy_field": ("areas.PolicyField", "areas.CooperationProject"),
    "areas:project_list": ("areas.CooperationProject",),
    "areas:project": ("areas.CooperationProject", "areas.Municipality", "notices.Notice"),
    "libraries:guide": LIBRARY_CONTENT,
    "libraries:location_list": LIBRARY_CONTENT,
    "libraries:location": LIBRARY_CONTENT,
    "libraries:return": LIBRARY_CONTENT,
    "libraries:eligibility": LIBRARY_CONTENT,
    "counseling:service": COUNSELING_CONTENT,
    "counseling:calendar": COUNSELING_CONTENT,
    "notices:list": ("notices.Notice",),
    "notices:detail": ("notices.Notice",),
    # Text in the templates: the day it was last revised.
    "accessibility": date(2026, 11, 27),
    "styleguide": date(2026, 11, 27),
}


def last_changed(*histories: QuerySet) -> datetime | None:
    """The newest `history_date` among the edit-history querysets, in one query; None if none."""
    dates = [history.order_by().values("history_date") for history in histories]
    if not dates:
        return None
    combined = dates[0].union(*dates[1:], all=True) if len(dates) > 1 else dates[0]
    newest = combined.order_by("-history_date").first()
    return None if newest is None else newest["history_date"]


def page_last_changed(view_name: str) -> date | None:
    """The day the content of the page `view_name` last changed (in Japan), or None."""
    content = PAGE_CONTENT.get(view_name)
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
