"""The reference data in fixtures/: loaded without touching what staff edited, and written back.

`load()` (manage.py load_reference_data): each fixture row is created if no row with its
primary key exists yet. A row already in the database is updated to a newer fixture only
while it is exactly as the reference data left it (its newest edit-history record is a
reference record and the row still matches it): a row staff edited is never touched, so
running it again, as `make run` does at every start, never wipes an admin edit. A row that
staff deleted stays deleted: its edit history records the deletion, and such rows are
skipped unless `include_deleted`. Each row loaded, and each reference row that has no edit
history yet (the sources made by a migration), gets its first record
(「基準データ(fixtures/)から登録」).

The records of reference rows carry the date their data was last known true, not the day
of the load (`data_date`): so 最終更新日 on a fresh install is not the install date.

`export()` (manage.py export_reference_data): the rows of the models each file already
holds, in the same order, by primary key; nothing is written while any content row
cites no source.

Which files, in which order: each app's `AppConfig.reference_fixtures` (INSTALLED_APPS order).
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, models, transaction

from .history import REFERENCE_REASON, REFRESH_REASON, UNDATED, record_first_states
from .models import Source, Sourced

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"
TOKYO = ZoneInfo("Asia/Tokyo")


def reference_fixture_paths() -> list[Path]:
    """The fixture files of every installed app, in load order."""
    return [
        FIXTURE_DIR / f"{name}.json"
        for config in apps.get_app_configs()
        for name in getattr(config, "reference_fixtures", [])
    ]


@dataclass
class LoadResult:
    created: dict[str, int] = field(default_factory=dict)  # model label → rows added
    kept: int = 0  # already in the database: left as they are
    deleted: int = 0  # deleted by staff: not loaded again
    refreshed: dict[str, int] = field(default_factory=dict)  # model label → unedited rows updated


def data_date(row: models.Model) -> datetime:
    """When a reference row's data was last known true: the newest 確認日 of its sources (a
    source's own 確認日 for a Source), else the newest publication day; UNDATED when no source
    gives a day (a year alone is not a day)."""
    sources = [row] if isinstance(row, Source) else list(row.sources.all()) if isinstance(row, Sourced) else []
    days = [source.checked_on for source in sources if source.checked_on] or [
        source.published_on for source in sources if source.published_on
    ]
    if not days:
        return UNDATED
    return datetime.combine(max(days), time(12), tzinfo=TOKYO)


REFERENCE_REASONS = (REFERENCE_REASON, REFRESH_REASON)


def _unedited(model: type[models.Model], pks: list) -> dict:
    """The rows among `pks` still exactly as the reference data left them, by pk: their newest
    history record is a reference record and every field still has its recorded value, or they
    have no history at all (made by a data migration: the admin always records an edit)."""
    newest: dict = {}
    pk_name = model._meta.pk.attname
    for record in model.history.filter(**{f"{pk_name}__in": pks}).order_by("history_date", "history_id"):
        newest[getattr(record, pk_name)] = record
    fields = [f.attname for f in model._meta.concrete_fields]
    return {
        row.pk: row
        for row in model._default_manager.filter(pk__in=pks)
        if row.pk not in newest
        or (
            newest[row.pk].history_change_reason in REFERENCE_REASONS
            and newest[row.pk].history_type != "-"
            and all(getattr(row, name) == getattr(newest[row.pk], name) for name in fields)
        )
    }


def _differs(item, row: models.Model) -> bool:
    """Whether the fixture `item` says something else than the database `row` (fields or links)."""
    fields = [f.attname for f in type(row)._meta.concrete_fields]
    if any(getattr(item.object, name) != getattr(row, name) for name in fields):
        return True
    return any(set(ids) != set(getattr(row, name).values_list("pk", flat=True)) for name, ids in item.m2m_data.items())


def _pks_by_model(items) -> dict[type, list]:
    pks_by_model: dict[type, list] = {}
    for item in items:
        pks_by_model.setdefault(type(item.object), []).append(item.object.pk)
    return pks_by_model


def _existing_keys(pks_by_model: dict[type, list]) -> set[tuple[type, object]]:
    """(model, pk) of the fixture rows already in the database: one query per model."""
    return {
        (model, pk)
        for model, pks in pks_by_model.items()
        for pk in model._default_manager.filter(pk__in=pks).values_list("pk", flat=True)
    }


def _deleted_keys(pks_by_model: dict[type, list]) -> set[tuple[type, object]]:
    """(model, pk) of the fixture rows whose edit history records a deletion: one query per model."""
    return {
        (model, pk)
        for model, pks in pks_by_model.items()
        for pk in model.history.filter(**{f"{model._meta.pk.attname}__in": pks, "history_type": "-"}).values_list(
            model._meta.pk.attname, flat=True
        )
    }


def _without_history(existing: set[tuple[type, object]]) -> list[models.Model]:
    """Rows already here (e.g. made by a migration) that have no edit history yet."""
    pks_by_model: dict[type, set] = {}
    for model, pk in existing:
        pks_by_model.setdefault(model, set()).add(pk)
    rows = []
    for model, pks in pks_by_model.items():
        recorded = set(
            model.history.filter(**{f"{model._meta.pk.attname}__in": pks}).values_list(
                model._meta.pk.attname, flat=True
            )
        )
        rows += model._default_manager.filter(pk__in=pks - recorded)
    return rows


def load(*, dry_run: bool = False, include_deleted: bool = False) -> LoadResult:
    """Add the fixture rows that are not in the database yet (see the module doc)."""
    result = LoadResult()
    touched_models = set()
    loaded, unrecorded, refreshed = [], [], []
    with transaction.atomic():
        for path in reference_fixture_paths():
            items = list(serializers.deserialize("json", path.read_text(encoding="utf-8")))
            pks_by_model = _pks_by_model(items)
            existing = _existing_keys(pks_by_model)
            deleted_by_staff = set() if include_deleted else _deleted_keys(pks_by_model)
            unrecorded += _without_history(existing)
            unedited = {model: _unedited(model, pks) for model, pks in pks_by_model.items()}
            for item in items:
                model = type(item.object)
                if (model, item.object.pk) in existing:
                    row = unedited[model].get(item.object.pk)
                    if row is not None and _differs(item, row):
                        label = model._meta.label
                        result.refreshed[label] = result.refreshed.get(label, 0) + 1
                        if not dry_run:
                            item.object.skip_history_when_saving = True
                            item.save()
                            refreshed.append(item.object)
                        continue
                    result.kept += 1
                    continue
                if (model, item.object.pk) in deleted_by_staff:
                    result.deleted += 1
                    continue
                label = model._meta.label
                result.created[label] = result.created.get(label, 0) + 1
                touched_models.add(model)
                if not dry_run:
                    item.object.skip_history_when_saving = True  # one first record below, with sources
                    item.save()
                    loaded.append(item.object)
        for obj in loaded + refreshed:
            del obj.skip_history_when_saving
        record_first_states(loaded + unrecorded, dated=data_date)
        record_first_states(refreshed, reason=REFRESH_REASON, dated=data_date, update=True)
        if dry_run:
            transaction.set_rollback(True)
        elif touched_models:
            # Rows came with explicit ids: move PostgreSQL sequences past them.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(touched_models)):
                    cursor.execute(sql)
    return result


def models_in(path: Path) -> list[type[models.Model]]:
    """The models a fixture file holds, in the order they first appear."""
    labels = dict.fromkeys(item["model"] for item in json.loads(path.read_text(encoding="utf-8")))
    return [apps.get_model(label) for label in labels]


def fixture_text(model_list: list[type[models.Model]]) -> str:
    """The rows of the models in the fixtures' own layout (one-space indent, Japanese unescaped)."""
    rows = [row for model in model_list for row in model._default_manager.order_by("pk")]
    data = json.loads(serializers.serialize("json", rows))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def rows_without_source(model_list: list[type[models.Model]]) -> list[str]:
    """The content rows that cite no source, as staff name them."""
    return [
        f"{model._meta.verbose_name} (id {row.pk}): {row}"
        for model in model_list
        if issubclass(model, Sourced)
        for row in model._default_manager.filter(sources=None)
    ]


class RowsWithoutSource(Exception):
    """Raised by export(): these rows cite no source, so nothing was written."""

    def __init__(self, rows: list[str]) -> None:
        super().__init__("\n".join(rows))
        self.rows = rows


def export(output_dir: Path) -> list[Path]:
    """Write every fixture file into `output_dir` from the database; returns the files written."""
    files = {path.name: models_in(path) for path in reference_fixture_paths()}
    missing = [row for model_list in files.values() for row in rows_without_source(model_list)]
    if missing:
        raise RowsWithoutSource(missing)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model_list in files.items():
        (output_dir / name).write_text(fixture_text(model_list), encoding="utf-8")
        written.append(output_dir / name)
    return written
