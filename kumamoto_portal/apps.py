from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself as an app: it owns the content version behind the page cache."""

    default = True  # this module also holds AxesConfig
    name = "kumamoto_portal"
    verbose_name = "ポータル"
    reference_fixtures: list[str] = ["sources"]

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks, pagecache, permissions  # noqa: F401  (checks registers itself)

        pagecache.connect_signals()
        post_migrate.connect(permissions.name_permissions_in_japanese)


class AxesConfig(AxesAppConfig):
    """django-axes (login throttling) under a Japanese name in the admin."""

    verbose_name = "ログインの記録(django-axes)"
