"""The system checks that guard what the portal's rules take for granted."""

import pytest
from django.test import override_settings

from kumamoto_portal.checks import portal_settings


def test_system_checks_pass_with_the_portal_settings():
    assert portal_settings() == []


@pytest.mark.parametrize(
    ("overrides", "error_id"),
    [
        ({"TIME_ZONE": "UTC"}, "portal.E001"),
        ({"USE_TZ": False}, "portal.E001"),
        ({"PAGE_CACHE_SECONDS": -1}, "portal.E002"),
    ],
)
def test_system_checks_refuse_settings_the_rules_cannot_work_with(overrides, error_id):
    with override_settings(**overrides):
        assert [error.id for error in portal_settings()] == [error_id]
