from django.apps import AppConfig


class LibrariesConfig(AppConfig):
    name = "libraries"
    verbose_name = "図書館の相互利用"
    # Files in fixtures/ that `manage.py load_reference_data` loads, in order.
    reference_fixtures: list[str] = ["libraries"]
