"""When residents see a notice: the visibility window, in one place.

A notice is shown from its 掲載開始 (`published_at`, included) until its 掲載終了
(`expires_at`, excluded; none = shown on). Before, it is 予定; from `expires_at`
on, 掲載終了. The queryset filters (pages, feed, sitemap, the admin's status
filter), `status_at` for one notice, and the page cache's next boundary all use
these functions.
"""

from datetime import datetime

from django.db.models import Min, Q, QuerySet, TextChoices


class Status(TextChoices):
    SCHEDULED = "scheduled", "予定"
    SHOWN = "shown", "掲載中"
    ENDED = "ended", "掲載終了"


def status_at(published_at: datetime, expires_at: datetime | None, instant: datetime) -> Status:
    """予定 before `published_at`, 掲載終了 from `expires_at` on, else 掲載中."""
    if instant < published_at:
        return Status.SCHEDULED
    if expires_at is not None and instant >= expires_at:
        return Status.ENDED
    return Status.SHOWN


def with_status_at(status: Status, instant: datetime) -> Q:
    """The database filter for the notices whose `status_at(…, instant)` is `status`."""
    if status == Status.SCHEDULED:
        return Q(published_at__gt=instant)
    if status == Status.ENDED:
        return Q(expires_at__lte=instant)
    return Q(published_at__lte=instant) & (Q(expires_at__isnull=True) | Q(expires_at__gt=instant))


def next_change_after(notices: QuerySet, instant: datetime) -> datetime | None:
    """The first instant after `instant` at which one of `notices` appears or disappears (one query), or None."""
    found = notices.aggregate(
        appears=Min("published_at", filter=Q(published_at__gt=instant)),
        disappears=Min("expires_at", filter=Q(expires_at__gt=instant)),
    )
    return min((t for t in found.values() if t is not None), default=None)
