from django.apps import AppConfig


class CounselingConfig(AppConfig):
    name = "counseling"
    verbose_name = "LINE相談"
    # Files in fixtures/ that `manage.py load_reference_data` loads, in order.
    reference_fixtures: list[str] = ["counseling"]
