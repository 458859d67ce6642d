"""Site-wide models: the content version behind the page cache, and fields every content app shares."""

from django.db import models

from .fields import LineField
from .phones import validate_japanese_phone

SOURCE_HELP = "この行の情報の出典(資料名、URL、時点)。住民に表示されます。"


class ContactFields(models.Model):
    """Whom residents ask about something: a department and its phone (validated)."""

    contact_department = LineField("問い合わせ先(担当課)", max_length=60, blank=True)
    contact_phone = LineField("問い合わせ先の電話番号", max_length=20, blank=True, validators=[validate_japanese_phone])

    class Meta:
        abstract = True


class ContentVersion(models.Model):
    """One row whose number goes up on every edit of the portal's content.

    Cached pages are keyed by it, so an edit made through any app server is
    seen by every other at once (see pagecache.py).
    """

    number = models.PositiveBigIntegerField("版", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "内容の版"

    def __str__(self) -> str:
        return f"版 {self.number}"
