"""「確認が必要な情報」: what staff should check again against the original, and what is still unknown.

- A source needs review when staff never checked it (確認日 empty) or last checked it longer ago
  than the review period (SiteSettings.review_months): `needs_review`.
- `review_queue` lists those sources, most overdue first, each with the rows that cite it, and the
  rows whose every source needs review. Which rows a user sees is decided by the caller
  (`rows_of(model)`: the admin passes each model admin's own queryset, so a town's clerk sees the
  rows of their towns only).
- `unknown_counts` counts, per town and field, the facts still empty (「不明」 on the pages). A
  model names those fields in `facts_that_may_be_unknown`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db.models import CharField, Count, Model, Q, QuerySet, TextField

from .currency import months_before
from .models import Source, Sourced


def needs_review(source: Source, today: date, review_months: int) -> bool:
    """Never checked, or last checked longer ago than the review period."""
    return source.checked_on is None or source.checked_on < months_before(today, review_months)


def sourced_models() -> list[type[Model]]:
    """Every content model whose rows cite sources."""
    return [model for model in apps.get_models() if issubclass(model, Sourced)]


@dataclass
class QueuedSource:
    source: Source
    rows: list[Model] = field(default_factory=list)  # the rows that cite it (that the user may see)


@dataclass
class Queue:
    sources: list[QueuedSource]  # most overdue first: never checked, then the oldest 確認日
    rows_all_overdue: list[Model]  # rows whose every source needs review


def review_queue(today: date, review_months: int, rows_of: Callable[[type[Model]], QuerySet | None]) -> Queue:
    """The queue as one user sees it; `rows_of(model)` gives the rows they may see (None: none).
    Two queries per model, however many rows."""
    by_source: dict[int, QueuedSource] = {}
    all_overdue: list[Model] = []
    for model in sourced_models():
        rows = rows_of(model)
        if rows is None:
            continue
        for row in rows.prefetch_related("sources"):
            # An encyclopedia or a mirror is never shown and cannot be checked against: not queued.
            sources = [s for s in row.sources.all() if s.shown_to_residents]
            overdue = [s for s in sources if needs_review(s, today, review_months)]
            for source in overdue:
                by_source.setdefault(source.pk, QueuedSource(source)).rows.append(row)
            if sources and len(overdue) == len(sources):
                all_overdue.append(row)
    queued = sorted(
        by_source.values(), key=lambda q: (q.source.checked_on is not None, q.source.checked_on, q.source.code or "")
    )
    return Queue(sources=queued, rows_all_overdue=all_overdue)


@dataclass(frozen=True)
class UnknownCount:
    town: str
    model: str  # verbose name, e.g. 施設
    field: str  # verbose name, e.g. 開館時間
    count: int


def unknown_counts(querysets: Iterable[tuple[QuerySet, str]]) -> list[UnknownCount]:
    """For each (rows, lookup from a row to its municipality's name, e.g. "system__municipality__name"),
    how many rows leave each of the model's `facts_that_may_be_unknown` empty, per town, sorted by
    town. One query per field."""
    counts = []
    for rows, town_name in querysets:
        model = rows.model
        for name in getattr(model, "facts_that_may_be_unknown", ()):
            model_field = model._meta.get_field(name)
            empty = Q(**{f"{name}__isnull": True})
            if isinstance(model_field, (CharField, TextField)):
                empty |= Q(**{name: ""})
            for row in rows.filter(empty).values(town_name).annotate(n=Count("pk")).order_by(town_name):
                counts.append(
                    UnknownCount(
                        town=row[town_name] or "(市町村なし)",
                        model=str(model._meta.verbose_name),
                        field=str(model_field.verbose_name),
                        count=row["n"],
                    )
                )
    return sorted(counts, key=lambda c: (c.town, c.model, -c.count, c.field))
