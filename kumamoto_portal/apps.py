from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself as an app: it owns the content version behind the page cache."""

    name = "kumamoto_portal"
    verbose_name = "ポータル"
    reference_fixtures: list[str] = ["sources"]

    def ready(self) -> None:
        from . import checks, pagecache  # noqa: F401  (checks registers itself)

        pagecache.connect_signals()
