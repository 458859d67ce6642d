"""Sources become data (issue 10): the free-text `source` is kept as the staff-only
`source_note`, and each row is linked to the Source rows its text cites."""

from django.db import migrations, models

from kumamoto_portal.source_migration import link_cited_sources, source_note_field, sources_field



class Migration(migrations.Migration):
    dependencies = [
        ("counseling", "0005_single_line_fields"),
        ("kumamoto_portal", "0002_source"),
    ]

    operations = [
        migrations.RenameField("service", "source", "source_note"),
        migrations.AlterField("service", "source_note", source_note_field()),
        migrations.RenameField("historicalservice", "source", "source_note"),
        migrations.AlterField("historicalservice", "source_note", source_note_field()),
        migrations.AddField("service", "sources", sources_field()),
        migrations.RenameField("menu", "source", "source_note"),
        migrations.AlterField("menu", "source_note", source_note_field()),
        migrations.RenameField("historicalmenu", "source", "source_note"),
        migrations.AlterField("historicalmenu", "source_note", source_note_field()),
        migrations.AddField("menu", "sources", sources_field()),
        migrations.RenameField("weeklysession", "source", "source_note"),
        migrations.AlterField("weeklysession", "source_note", source_note_field()),
        migrations.RenameField("historicalweeklysession", "source", "source_note"),
        migrations.AlterField("historicalweeklysession", "source_note", source_note_field()),
        migrations.AddField("weeklysession", "sources", sources_field()),
        migrations.RenameField("closure", "source", "source_note"),
        migrations.AlterField("closure", "source_note", source_note_field()),
        migrations.RenameField("historicalclosure", "source", "source_note"),
        migrations.AlterField("historicalclosure", "source_note", source_note_field()),
        migrations.AddField("closure", "sources", sources_field()),
        migrations.RenameField("crisisline", "source", "source_note"),
        migrations.AlterField("crisisline", "source_note", source_note_field()),
        migrations.RenameField("historicalcrisisline", "source", "source_note"),
        migrations.AlterField("historicalcrisisline", "source_note", source_note_field()),
        migrations.AddField("crisisline", "sources", sources_field()),
        migrations.AddField("extrasession", "source_note", source_note_field()),
        migrations.AddField("historicalextrasession", "source_note", source_note_field()),
        migrations.AddField("extrasession", "sources", sources_field()),
        migrations.RunPython(link_cited_sources("counseling", ["service", "menu", "weeklysession", "closure", "crisisline"]), migrations.RunPython.noop),
    ]
