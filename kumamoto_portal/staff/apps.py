from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff accounts: listed before django.contrib.auth in INSTALLED_APPS so that its
    `createsuperuser` (which applies the password policy) is the one manage.py runs."""

    name = "kumamoto_portal.staff"
    label = "portal_staff"
    verbose_name = "職員アカウント"
