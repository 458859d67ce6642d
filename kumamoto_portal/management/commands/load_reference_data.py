"""Load the reference data in fixtures/ without touching what staff edited.

Policy: each fixture row is created only if no row with its primary key exists
yet. Rows already in the database (edited by staff or not) are left as they
are, so running this again, as `make run` does at every start, never wipes an
admin edit. A row that staff deleted stays deleted: its edit history records
the deletion, and such rows are skipped unless --include-deleted is given.
Each row loaded, and each reference row that has no edit history yet (the sources
made by a migration), gets its first record (「基準データ(fixtures/)から登録」).

Which files are loaded, and in which order, is declared by each app in
`AppConfig.reference_fixtures` (apps in INSTALLED_APPS order).
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.core.management.color import no_style
from django.db import connection, transaction

from kumamoto_portal.history import record_first_states

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"


def reference_fixture_paths() -> list[Path]:
    """The fixture files of every installed app, in load order."""
    return [
        FIXTURE_DIR / f"{name}.json"
        for config in apps.get_app_configs()
        for name in getattr(config, "reference_fixtures", [])
    ]


class Command(BaseCommand):
    help = "fixtures/ の参照データのうち、まだデータベースにない行だけを登録します(既存の行は変更しません)。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="登録せずに件数だけを表示します。")
        parser.add_argument(
            "--include-deleted", action="store_true", help="職員が管理画面で削除した参照データの行も登録し直します。"
        )

    @staticmethod
    def _pks_by_model(items) -> dict[type, list]:
        pks_by_model: dict[type, list] = {}
        for item in items:
            pks_by_model.setdefault(type(item.object), []).append(item.object.pk)
        return pks_by_model

    @staticmethod
    def _existing_keys(pks_by_model: dict[type, list]) -> set[tuple[type, object]]:
        """(model, pk) of the fixture rows already in the database: one query per model."""
        return {
            (model, pk)
            for model, pks in pks_by_model.items()
            for pk in model._default_manager.filter(pk__in=pks).values_list("pk", flat=True)
        }

    @staticmethod
    def _deleted_keys(pks_by_model: dict[type, list]) -> set[tuple[type, object]]:
        """(model, pk) of the fixture rows whose edit history records a deletion: one query per model."""
        return {
            (model, pk)
            for model, pks in pks_by_model.items()
            for pk in model.history.filter(**{f"{model._meta.pk.attname}__in": pks, "history_type": "-"}).values_list(
                model._meta.pk.attname, flat=True
            )
        }

    @staticmethod
    def _without_history(existing: set[tuple[type, object]]) -> list:
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

    def handle(self, *args, dry_run: bool = False, include_deleted: bool = False, **options):
        created: dict[str, int] = {}
        kept = deleted = 0
        touched_models = set()
        loaded, unrecorded = [], []
        with transaction.atomic():
            for path in reference_fixture_paths():
                items = list(serializers.deserialize("json", path.read_text(encoding="utf-8")))
                pks_by_model = self._pks_by_model(items)
                existing = self._existing_keys(pks_by_model)
                deleted_by_staff = set() if include_deleted else self._deleted_keys(pks_by_model)
                unrecorded += self._without_history(existing)
                for item in items:
                    model = type(item.object)
                    if (model, item.object.pk) in existing:
                        kept += 1
                        continue
                    if (model, item.object.pk) in deleted_by_staff:
                        deleted += 1
                        continue
                    label = model._meta.label
                    created[label] = created.get(label, 0) + 1
                    touched_models.add(model)
                    if not dry_run:
                        item.object.skip_history_when_saving = True  # one first record below, with sources
                        item.save()
                        loaded.append(item.object)
            for obj in loaded:
                del obj.skip_history_when_saving
            record_first_states(loaded + unrecorded)
            if dry_run:
                transaction.set_rollback(True)
            elif touched_models:
                # Rows came with explicit ids: move PostgreSQL sequences past them.
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), list(touched_models)):
                        cursor.execute(sql)
        verb = "登録予定" if dry_run else "登録"
        for label, count in sorted(created.items()):
            self.stdout.write(f"{label}: {count} 件を{verb}")
        summary = f"新規 {sum(created.values())} 件、既存のため変更なし {kept} 件"
        self.stdout.write(self.style.SUCCESS(f"{summary}、職員が削除したため登録しない {deleted} 件"))
