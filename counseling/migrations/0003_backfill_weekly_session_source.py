"""Give the weekly sessions loaded before they had a source field the article as their source.

Only rows that are exactly the article's sessions (Tue and Sun 18:00–22:00) and have
no source yet are filled; anything staff added or changed is left alone.
"""

from datetime import time

from django.db import migrations

ARTICLE = "広報たまな 2023年「広域での新たな行政サービスを行います」[S37]"
TUESDAY, SUNDAY = 1, 6


def fill_source(apps, schema_editor):
    WeeklySession = apps.get_model("counseling", "WeeklySession")
    WeeklySession.objects.filter(
        source="", weekday__in=[TUESDAY, SUNDAY], start=time(18), end=time(22)
    ).update(source=ARTICLE)


class Migration(migrations.Migration):
    dependencies = [("counseling", "0002_weekly_session_source")]

    operations = [migrations.RunPython(fill_source, migrations.RunPython.noop)]
