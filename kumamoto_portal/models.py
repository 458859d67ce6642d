from django.db import models


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
