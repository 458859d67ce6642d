"""Sources become data (issue 10): the free-text `source` is kept as the staff-only
`source_note`, and each row is linked to the Source rows its text cites."""

from django.db import migrations, models
import django.db.models.deletion

from kumamoto_portal.source_migration import cited_codes


def figure_source(label: str) -> models.ForeignKey:
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="kumamoto_portal.source",
        verbose_name=label,
    )


def historical_figure_source(label: str) -> models.ForeignKey:
    return models.ForeignKey(
        blank=True,
        db_constraint=False,
        null=True,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to="kumamoto_portal.source",
        verbose_name=label,
    )


def link_figure_sources(apps, schema_editor) -> None:
    """The population and area sources were text too: the first id each cites."""
    Source = apps.get_model("kumamoto_portal", "Source")
    by_code = dict(Source.objects.values_list("code", "pk"))
    for municipality in apps.get_model("areas", "Municipality").objects.all():
        for field in ("population_source", "area_source"):
            codes = [code for code in cited_codes(getattr(municipality, f"{field}_text")) if code in by_code]
            setattr(municipality, f"{field}_id", by_code[codes[0]] if codes else None)
        municipality.save(update_fields=["population_source", "area_source"])

from kumamoto_portal.source_migration import link_cited_sources, source_note_field, sources_field



class Migration(migrations.Migration):
    dependencies = [
        ("areas", "0003_single_line_fields"),
        ("kumamoto_portal", "0002_source"),
    ]

    operations = [
        migrations.RenameField("municipality", "population_source", "population_source_text"),
        migrations.RenameField("historicalmunicipality", "population_source", "population_source_text"),
        migrations.RenameField("municipality", "area_source", "area_source_text"),
        migrations.RenameField("historicalmunicipality", "area_source", "area_source_text"),
        migrations.AddField("municipality", "population_source", figure_source("人口の出典")),
        migrations.AddField("historicalmunicipality", "population_source", historical_figure_source("人口の出典")),
        migrations.AddField("municipality", "area_source", figure_source("面積の出典")),
        migrations.AddField("historicalmunicipality", "area_source", historical_figure_source("面積の出典")),
        migrations.RunPython(link_figure_sources, migrations.RunPython.noop),
        migrations.RemoveField("municipality", "population_source_text"),
        migrations.RemoveField("historicalmunicipality", "population_source_text"),
        migrations.RemoveField("municipality", "area_source_text"),
        migrations.RemoveField("historicalmunicipality", "area_source_text"),
        migrations.RenameField("municipality", "source", "source_note"),
        migrations.AlterField("municipality", "source_note", source_note_field()),
        migrations.RenameField("historicalmunicipality", "source", "source_note"),
        migrations.AlterField("historicalmunicipality", "source_note", source_note_field()),
        migrations.AddField("municipality", "sources", sources_field()),
        migrations.RenameField("pillar", "source", "source_note"),
        migrations.AlterField("pillar", "source_note", source_note_field()),
        migrations.RenameField("historicalpillar", "source", "source_note"),
        migrations.AlterField("historicalpillar", "source_note", source_note_field()),
        migrations.AddField("pillar", "sources", sources_field()),
        migrations.RenameField("policygroup", "source", "source_note"),
        migrations.AlterField("policygroup", "source_note", source_note_field()),
        migrations.RenameField("historicalpolicygroup", "source", "source_note"),
        migrations.AlterField("historicalpolicygroup", "source_note", source_note_field()),
        migrations.AddField("policygroup", "sources", sources_field()),
        migrations.RenameField("policyfield", "source", "source_note"),
        migrations.AlterField("policyfield", "source_note", source_note_field()),
        migrations.RenameField("historicalpolicyfield", "source", "source_note"),
        migrations.AlterField("historicalpolicyfield", "source_note", source_note_field()),
        migrations.AddField("policyfield", "sources", sources_field()),
        migrations.RenameField("cooperationproject", "source", "source_note"),
        migrations.AlterField("cooperationproject", "source_note", source_note_field()),
        migrations.RenameField("historicalcooperationproject", "source", "source_note"),
        migrations.AlterField("historicalcooperationproject", "source_note", source_note_field()),
        migrations.AddField("cooperationproject", "sources", sources_field()),
        migrations.RunPython(link_cited_sources("areas", ["municipality", "pillar", "policygroup", "policyfield", "cooperationproject"]), migrations.RunPython.noop),
    ]
