"""Create the staff roles in every database, so a deploy that only migrates has them."""

from django.db import migrations

from kumamoto_portal.staff import roles


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        # Put back what was there: the historical apps have none, the live registry (a test) has modules.
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = previous
    roles.setup_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("kumamoto_portal", "0002_source"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("areas", "0005_clerk"),
        ("libraries", "0007_confirmed_facts"),
        ("counseling", "0006_sources_as_data"),
        ("notices", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
