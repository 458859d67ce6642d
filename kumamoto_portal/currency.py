"""How current a fact is: the as-of sentence beside a present-tense statement.

A page that says something holds now (「実施中」, 「受付中」, opening hours, who may borrow)
passes the sources of that statement to `as_of(sources, today, review_months)`. While the
newest of them is within the review period (SiteSettings.review_months) it returns None
and the page says nothing more; once it is older, the page says how old and whom to ask
(templates/includes/as_of.html). A source's date is its own publication date (a year
counts to its last day); for an undated page, the day staff read it (確認日); a source
with neither counts as old.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .lib.wareki import wareki_date_with_western, wareki_year_with_western
from .models import Source


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    return months_after(day, -months)


def months_after(day: date, months: int) -> date:
    """The same day `months` months later (the month's last day when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_past_review(day: date | None, today: date, review_months: int) -> bool:
    """True when `day` is older than the review period before `today` (an unknown day counts as old)."""
    return day is None or day < months_before(today, review_months)


def newest(sources: Iterable[Source]) -> Source | None:
    """The source with the latest date it can vouch for; an undated one only when none is dated."""
    return max(sources, key=lambda source: source.latest_possible_date or date.min, default=None)


def supported_until(sources: Iterable[Source], review_months: int) -> date | None:
    """The last day a recurring fact (a weekly session) may be shown from `sources` alone: the
    review period after the newest of them; None when no source has a date (nothing is supported)."""
    source = newest(sources)
    day = source.latest_possible_date if source else None
    return None if day is None else months_after(day, review_months)


@dataclass(frozen=True)
class AsOf:
    """What a page says beside a statement whose sources are past the review period."""

    when: str  # 「令和5年(2023年)の」, 「令和8年(2026年)1月5日に確認した」 or "" (no date known)
    publisher: str  # who published the newest source: whom to ask when the page names nobody

    @property
    def sentence(self) -> str:
        if not self.when:
            return "日付のわからない案内による情報です。"
        return f"{self.when}案内による情報です。"


def as_of(sources: Iterable[Source], today: date, review_months: int) -> AsOf | None:
    """The as-of sentence for a statement resting on `sources`, or None while they are recent enough."""
    source = newest(sources)
    if source is None or not is_past_review(source.latest_possible_date, today, review_months):
        return None
    if source.published_on:
        when = f"{wareki_date_with_western(source.published_on)}の"
    elif source.published_year:
        when = f"{wareki_year_with_western(source.published_year)}の"
    elif source.checked_on:
        when = f"{wareki_date_with_western(source.checked_on)}に確認した"
    else:
        when = ""
    return AsOf(when=when, publisher=source.publisher)
