"""manage.py export_reference_data: write the reference data from the database back to fixtures/
(kumamoto_portal/reference.py `export`), to review and commit what staff corrected."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kumamoto_portal import reference


class Command(BaseCommand):
    help = "データベースの参照データを fixtures/ に書き出します(出典のない行があれば何も書きません)。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", type=Path, default=reference.FIXTURE_DIR, help="書き出し先(既定: fixtures/)"
        )

    def handle(self, *args, output_dir: Path, **options):
        try:
            written = reference.export(output_dir)
        except reference.RowsWithoutSource as error:
            raise CommandError(
                "出典が空の行があります。管理画面で出典を入力してください:\n" + "\n".join(error.rows)
            ) from None
        for path in written:
            self.stdout.write(f"{path} に書き出しました")
