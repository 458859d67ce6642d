"""Write the reference data from the database back to fixtures/ (the reverse of load_reference_data).

Use it to bring facts that staff corrected or added in the admin into the
repository, then review the diff and commit it. The models of each file are
those already in it, in the same order; rows are written by primary key.

Every content row must cite a source: if any row has no `sources`, the command
lists those rows and writes nothing.
"""

import json
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from kumamoto_portal.models import Sourced

from .load_reference_data import FIXTURE_DIR, reference_fixture_paths


def models_in(path: Path) -> list[type]:
    """The models a fixture file holds, in the order they first appear."""
    labels = dict.fromkeys(item["model"] for item in json.loads(path.read_text(encoding="utf-8")))
    return [apps.get_model(label) for label in labels]


def fixture_text(models: list[type]) -> str:
    """The rows of `models` in the fixtures' own layout (one-space indent, Japanese unescaped)."""
    rows = [row for model in models for row in model._default_manager.order_by("pk")]
    data = json.loads(serializers.serialize("json", rows))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def rows_without_source(models: list[type]) -> list[str]:
    return [
        f"{model._meta.verbose_name} (id {row.pk}): {row}"
        for model in models
        if issubclass(model, Sourced)
        for row in model._default_manager.filter(sources=None)
    ]


class Command(BaseCommand):
    help = "データベースの参照データを fixtures/ に書き出します(出典のない行があれば何も書きません)。"

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", type=Path, default=FIXTURE_DIR, help="書き出し先(既定: fixtures/)")

    def handle(self, *args, output_dir: Path, **options):
        files = {path.name: models_in(path) for path in reference_fixture_paths()}
        missing = [row for models in files.values() for row in rows_without_source(models)]
        if missing:
            raise CommandError("出典が空の行があります。管理画面で出典を入力してください:\n" + "\n".join(missing))
        output_dir.mkdir(parents=True, exist_ok=True)
        for name, models in files.items():
            (output_dir / name).write_text(fixture_text(models), encoding="utf-8")
            self.stdout.write(f"{output_dir / name} に書き出しました")
