"""Helpers for the data migrations that turned free-text sources into Source rows.

Until then every content row kept its sources as text such as
「広報たまな 2023年… [S37]」. The ids in square brackets are those of
fixtures/sources.json (from ../shared/data/sources.csv); the migrations create
those Source rows, link each row to the ids its text cites, and keep the text
as the staff-only `source_note`.
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.core.management.color import no_style
from django.db import models

from .models import SOURCE_NOTE_HELP


def source_note_field() -> models.TextField:
    """The staff-only note the old free-text source became (the migrations' field definition)."""
    return models.TextField(blank=True, help_text=SOURCE_NOTE_HELP, verbose_name="出典の補足")


def sources_field() -> models.ManyToManyField:
    """The migrations' definition of Sourced.sources."""
    return models.ManyToManyField(
        help_text="住民に「出典」として表示されます。",
        related_name="%(app_label)s_%(class)s_set",
        to="kumamoto_portal.source",
        verbose_name="出典",
    )


SOURCE_IDS = re.compile(r"S\d{2}")
BRACKETS = re.compile(r"\[([^\]]*S\d{2}[^\]]*)\]")


def cited_codes(text: str) -> list[str]:
    """The source ids a text cites in square brackets: "…[S03; S09]" → ["S03", "S09"]."""
    return list(dict.fromkeys(code for group in BRACKETS.findall(text) for code in SOURCE_IDS.findall(group)))


def create_sources(apps, schema_editor) -> None:
    """The Source rows of fixtures/sources.json (primary key = the id's number), where missing;
    then the primary-key sequence moves past them (PostgreSQL), so staff can add sources."""
    Source = apps.get_model("kumamoto_portal", "Source")
    rows = json.loads((Path(settings.BASE_DIR) / "fixtures" / "sources.json").read_text(encoding="utf-8"))
    known = {field.name for field in Source._meta.fields}  # the fixture may hold fields added later
    for row in rows:
        Source.objects.get_or_create(pk=row["pk"], defaults={k: v for k, v in row["fields"].items() if k in known})
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Source]):
            cursor.execute(sql)


def link_cited_sources(app_label: str, model_names: list[str]):
    """A RunPython function: each row of the models gets the sources its `source_note` cites."""

    def forwards(apps, schema_editor) -> None:
        Source = apps.get_model("kumamoto_portal", "Source")
        by_code = dict(Source.objects.values_list("code", "pk"))
        for name in model_names:
            for row in apps.get_model(app_label, name).objects.exclude(source_note=""):
                row.sources.add(*(by_code[code] for code in cited_codes(row.source_note) if code in by_code))

    return forwards
