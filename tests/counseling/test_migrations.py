"""The backfill that gives already-loaded weekly sessions the article as their source."""

from datetime import time

import pytest

from tests.helpers import migrate

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("back_to_latest_migrations")]
BEFORE = [("counseling", "0002_weekly_session_source")]
AFTER = [("counseling", "0003_backfill_weekly_session_source")]


def test_backfill_fills_the_article_sessions_only():
    old = migrate(BEFORE)
    service = old.get_model("counseling", "Service").objects.create(name="相談")
    sessions = old.get_model("counseling", "WeeklySession").objects
    tuesday = sessions.create(service=service, weekday=1, start=time(18), end=time(22))
    sunday = sessions.create(service=service, weekday=6, start=time(18), end=time(22))
    added_by_staff = sessions.create(service=service, weekday=3, start=time(18), end=time(22))
    sourced = sessions.create(service=service, weekday=6, start=time(10), end=time(12), source="職員の記録")

    new = migrate(AFTER)
    sources = dict(new.get_model("counseling", "WeeklySession").objects.values_list("pk", "source"))
    assert sources[tuesday.pk].startswith("広報たまな 2023年") and sources[sunday.pk] == sources[tuesday.pk]
    assert sources[added_by_staff.pk] == ""
    assert sources[sourced.pk] == "職員の記録"
