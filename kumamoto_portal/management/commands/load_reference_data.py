"""manage.py load_reference_data: add the rows of fixtures/ that are not in the database yet
(kumamoto_portal/reference.py `load`; staff edits and deletions are kept)."""

from django.core.management.base import BaseCommand

from kumamoto_portal import reference


class Command(BaseCommand):
    help = "fixtures/ の参照データのうち、まだデータベースにない行だけを登録します(既存の行は変更しません)。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="登録せずに件数だけを表示します。")
        parser.add_argument(
            "--include-deleted", action="store_true", help="職員が管理画面で削除した参照データの行も登録し直します。"
        )

    def handle(self, *args, dry_run: bool = False, include_deleted: bool = False, **options):
        result = reference.load(dry_run=dry_run, include_deleted=include_deleted)
        verb = "登録予定" if dry_run else "登録"
        for label, count in sorted(result.created.items()):
            self.stdout.write(f"{label}: {count} 件を{verb}")
        for label, count in sorted(result.refreshed.items()):
            self.stdout.write(
                f"{label}: 職員が編集していない {count} 件を新しい基準データに{'更新予定' if dry_run else '更新'}"
            )
        summary = f"新規 {sum(result.created.values())} 件、既存のため変更なし {result.kept} 件"
        self.stdout.write(self.style.SUCCESS(f"{summary}、職員が削除したため登録しない {result.deleted} 件"))
