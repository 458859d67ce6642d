"""Permission names in Japanese (「図書館を変更できる」), as staff see them in the admin.

Django stores English names ("Can change 図書館"); after each migrate, the names of
the migrated app's permissions are rewritten from the models' Japanese verbose names.
"""

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from django.utils import translation

from .roles import japanese_permission_name


def name_permissions_in_japanese(sender: AppConfig, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate handler: create the app's permissions now, then give them Japanese names."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    if not global_apps.is_installed("django.contrib.auth") or sender.models_module is None:
        return
    create_permissions(sender, verbosity=0, using=using)
    with translation.override("ja"):
        for model in sender.get_models():
            content_type = ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=False)
            name = str(model._meta.verbose_name)
            for permission in Permission.objects.using(using).filter(content_type=content_type):
                japanese = japanese_permission_name(permission.codename, name)
                if japanese and permission.name != japanese[:255]:
                    permission.name = japanese[:255]
                    permission.save(update_fields=["name"])
