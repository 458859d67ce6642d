"""Pages with the live status are kept only until the status changes (counseling/caching.py)."""

from datetime import datetime

from django.http import HttpResponse

from counseling.caching import cache_seconds, cache_until_next_change
from counseling.rules import TOKYO, Slot, Status

NOW = datetime(2026, 12, 1, 21, 55, tzinfo=TOKYO)  # a Tuesday, five minutes before the session ends


def test_a_page_is_kept_until_the_open_session_ends():
    status = Status(is_open=True, until=datetime(2026, 12, 1, 22, 0, tzinfo=TOKYO))
    assert cache_seconds(status, NOW) == 300


def test_a_page_is_kept_at_most_ten_minutes_when_the_next_change_is_far():
    opening = Slot(datetime(2026, 12, 6, 18, 0, tzinfo=TOKYO), datetime(2026, 12, 6, 22, 0, tzinfo=TOKYO))
    assert cache_seconds(Status(is_open=False, next_opening=opening), NOW) == 600
    assert cache_seconds(Status(is_open=False), NOW) == 600


def test_the_response_says_so_and_is_marked_as_showing_the_live_status():
    status = Status(is_open=True, until=datetime(2026, 12, 1, 22, 0, tzinfo=TOKYO))
    response = cache_until_next_change(HttpResponse("ok"), status, NOW)
    assert "max-age=300" in response["Cache-Control"]
    assert response.live_status is True
