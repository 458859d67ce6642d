"""Staff login attempts are throttled: repeated failures lock the username out for a while."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def clerk(django_user_model):
    return django_user_model.objects.create_superuser("clerk", "clerk@example.jp", PASSWORD)


def attempt(client, password: str):
    return client.post("/admin/login/?next=/admin/", {"username": "clerk", "password": password})


def test_a_good_login_works(client, clerk):
    assert attempt(client, PASSWORD).status_code == 302


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, clerk):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200  # the form again, with its error
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "ログインを一時的に止めています" in locked.content.decode()
    assert attempt(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
