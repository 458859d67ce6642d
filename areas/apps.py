from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "areas"
    verbose_name = "地域と構成市町村"
    # Files in fixtures/ that `manage.py load_reference_data` loads, in order.
    reference_fixtures: list[str] = ["areas"]
