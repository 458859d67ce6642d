"""How current a fact is (kumamoto_portal/currency.py): no database, no clock."""

from datetime import date

from kumamoto_portal.currency import as_of, is_past_review, months_after, months_before, supported_until
from kumamoto_portal.models import Source

TODAY = date(2026, 12, 1)


def test_months_before_and_after_keep_the_day_or_take_the_months_last():
    assert months_before(TODAY, 12) == date(2025, 12, 1)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_after(date(2023, 12, 31), 12) == date(2024, 12, 31)
    assert months_after(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_a_source_thirteen_months_old_gets_the_as_of_sentence_and_one_eleven_months_old_does_not():
    old = Source(title="案内", publisher="玉名市", published_on=date(2025, 11, 1))
    recent = Source(title="案内", publisher="玉名市", published_on=date(2026, 1, 1))
    note = as_of([old], TODAY, 12)
    assert note.sentence == "令和7年11月1日(2025年11月1日)の案内による情報です。"
    assert note.publisher == "玉名市"
    assert as_of([recent], TODAY, 12) is None
    assert as_of([old, recent], TODAY, 12) is None  # the newest source counts
    assert as_of([recent], TODAY, 6) is not None  # staff set a shorter review period


def test_a_year_counts_to_its_last_day_and_an_undated_page_to_the_day_staff_read_it():
    assert as_of([Source(published_year=2023)], TODAY, 12).sentence == "令和5年(2023年)の案内による情報です。"
    assert as_of([Source(published_year=2026)], TODAY, 12) is None
    read_late = Source(checked_on=date(2025, 10, 1))
    assert as_of([read_late], TODAY, 12).sentence == "令和7年10月1日(2025年10月1日)に確認した案内による情報です。"
    assert as_of([Source(checked_on=date(2026, 10, 1))], TODAY, 12) is None
    assert as_of([Source()], TODAY, 12).sentence == "日付のわからない案内による情報です。"
    assert as_of([], TODAY, 12) is None


def test_the_review_boundary_is_exactly_the_period():
    assert not is_past_review(date(2025, 12, 1), TODAY, 12)
    assert is_past_review(date(2025, 11, 30), TODAY, 12)
    assert is_past_review(None, TODAY, 12)


def test_a_weekly_fact_is_supported_for_the_review_period_after_its_newest_source():
    assert supported_until([Source(published_year=2023)], 12) == date(2024, 12, 31)
    assert supported_until([Source(published_on=date(2025, 2, 16))], 12) == date(2026, 2, 16)
    assert supported_until([Source()], 12) is None
