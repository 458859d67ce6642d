"""Notices made by the tests themselves (the reference data has none on purpose)."""

from datetime import datetime, timedelta

from counseling.rules import TOKYO
from notices.models import Notice

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=TOKYO)


def make_notice(title: str = "台風のため今夜のLINE相談を休みます", **fields) -> Notice:
    defaults = {
        "body": "台風の接近のため、今夜の受付を休みます。\n\n"
        "再開は次回の受付日です。くわしくは https://www.city.kumamoto.jp/ をご覧ください。",
        "published_at": NOW - timedelta(hours=1),
        "office": "熊本市 総務課",
        "office_phone": "096-328-2111",
    }
    municipalities = fields.pop("municipalities", [])
    notice = Notice.objects.create(title=title, **{**defaults, **fields})
    notice.municipalities.set(municipalities)
    return notice
