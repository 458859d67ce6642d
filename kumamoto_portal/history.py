"""The edit history (django-simple-history) of every content row, as staff use it.

- `content_history()` is the HistoricalRecords of a content model: each record also keeps
  the editor's name (so it stays after their account is deleted) and, for sourced rows,
  the sources of that version (`Sourced._history_m2m_fields`).
- `revert(record, user)` puts a row back to an earlier version, sources included, and
  recreates a deleted row; the revert is recorded with 「…の版に戻しました」.
"""

from collections.abc import Callable
from datetime import UTC, datetime

from django.apps import apps
from django.db import models, transaction
from django.dispatch import receiver
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

REVERT_REASON = "{date}の版に戻しました"
REFERENCE_REASON = "基準データ(fixtures/)から登録"
REFRESH_REASON = "基準データ(fixtures/)の新しい版に更新"
# The date of a reference row whose sources give no day it was checked or published: pages
# show no 最終更新日 for it rather than the day it was loaded (serving/lastmod.py).
UNDATED = datetime(2000, 1, 1, tzinfo=UTC)


class EditRecord(models.Model):
    """Base of every edit-history record."""

    history_user_name = models.CharField("変更した人", max_length=150, blank=True)

    class Meta:
        abstract = True


class ContentHistory(HistoricalRecords):
    """HistoricalRecords whose models are named in Japanese (「施設の履歴」), as staff see them
    in permission lists."""

    def get_meta_options(self, model) -> dict:
        options = super().get_meta_options(model)
        options["verbose_name"] = f"{model._meta.verbose_name}の履歴"
        options["verbose_name_plural"] = f"{model._meta.verbose_name_plural}の履歴"
        return options

    def get_meta_options_m2m(self, through_model) -> dict:
        options = super().get_meta_options_m2m(through_model)
        owner = through_model._meta.auto_created  # the model that declares the many-to-many field
        field_name = through_model._meta.db_table.removeprefix(owner._meta.db_table + "_")
        options["verbose_name"] = f"{owner._meta.verbose_name}の{owner._meta.get_field(field_name).verbose_name}の履歴"
        options["verbose_name_plural"] = options["verbose_name"]
        return options


def content_history(**kwargs) -> HistoricalRecords:
    """The edit history of a content model (see the module docstring)."""
    return ContentHistory(bases=[EditRecord], **kwargs)


@receiver(pre_create_historical_record)
def remember_editor_name(sender, history_instance, history_user=None, **kwargs) -> None:
    if history_user is not None and hasattr(history_instance, "history_user_name"):
        history_instance.history_user_name = history_user.get_username()


def record_first_states(
    objs: list[models.Model],
    reason: str = REFERENCE_REASON,
    dated: Callable[[models.Model], datetime] | None = None,
    update: bool = False,
) -> None:
    """Give rows loaded without history (fixtures) their first record, 「追加」 with their sources;
    `dated(row)` gives the record's date (default: now); `update` records a change (「変更」) instead.

    In bulk: per model one query for the records and one per tracked many-to-many field,
    however many rows (the reference load runs at every start and in many tests)."""
    by_model: dict[type, list] = {}
    for obj in objs:
        by_model.setdefault(type(obj), []).append(obj.pk)
    for model, pks in by_model.items():
        rows = model._default_manager.filter(pk__in=pks)
        if "sources" in getattr(model, "_history_m2m_fields", []):
            rows = rows.prefetch_related("sources")
        rows = list(rows)
        for row in rows:
            if dated is not None:
                row._history_date = dated(row)
        records = {
            record.instance.pk: record
            for record in model.history.bulk_history_create(rows, default_change_reason=reason, update=update)
        }
        for name in getattr(model, "_history_m2m_fields", []):
            field = model._meta.get_field(name)
            own, target = (
                f"{field.m2m_field_name()}_id",
                f"{field.m2m_reverse_field_name()}_id",
            )  # location_id, source_id
            links = field.remote_field.through.objects.filter(**{f"{own}__in": pks}).values("id", own, target)
            # simple_history's model of the field, e.g. HistoricalLocation_sources: its links as of a record
            history_model = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{name}")
            history_model.objects.bulk_create(history_model(history=records[link[own]], **link) for link in links)


def editor_name(record) -> str:
    """Who made a history record: the account's name, kept even after it was deleted."""
    if name := getattr(record, "history_user_name", ""):
        return name
    return record.history_user.get_username() if record.history_user else ""


def version_label(record) -> str:
    """「2026年11月27日 15:04」: a version as staff name it (「日付不明」 for an undated reference row)."""
    if record.history_date <= UNDATED:
        return "日付不明(基準データ)"
    return timezone.localtime(record.history_date).strftime("%Y年%-m月%-d日 %H:%M")


@transaction.atomic
def version_links(record, name: str) -> list[int] | None:
    """The ids a tracked many-to-many field `name` held in the version `record`; None when the
    version has no rows for it (recorded before the field was tracked)."""
    field = next((f for f in getattr(record, "_history_m2m_fields", []) if f.name == name), None)
    if field is None:
        return None
    rows = list(getattr(record, name).all())
    values = [getattr(row, field.m2m_reverse_name()) for row in rows]
    return [value.pk if isinstance(value, models.Model) else value for value in values] or None


def revert(record, user, links: Callable[[str, list[int], list[int]], list[int]] | None = None) -> models.Model:
    """Put the row of `record` back to that version (fields and tracked many-to-many fields),
    recreating it if it was deleted. Returns the row; its history gets one record marked as a revert.

    `links(field name, ids in the version, ids now)` may narrow what a many-to-many field gets
    back (a clerk's revert keeps other towns' links as they are now, see areas/clerks.py)."""
    instance = record.instance
    current = {
        field.name: list(getattr(instance, field.name).values_list("pk", flat=True))
        if type(instance)._default_manager.filter(pk=instance.pk).exists()
        else []
        for field in getattr(record, "_history_m2m_fields", [])
    }
    instance.skip_history_when_saving = True  # one record at the end, with the final sources
    instance.save()
    for field in getattr(record, "_history_m2m_fields", []):
        # Versions recorded before these fields were tracked have no rows: leave the field as it is.
        if (ids := version_links(record, field.name)) is not None:
            if links is not None:
                ids = links(field.name, ids, current[field.name])
            getattr(instance, field.name).set(ids)
    del instance.skip_history_when_saving
    instance._history_user = user
    instance._change_reason = REVERT_REASON.format(date=version_label(record))
    instance.save()
    return instance
