"""お知らせ: dated notices that staff publish, schedule and end; urgent ones become a site-wide banner."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.urls import reverse

from areas.models import CooperationProject, Municipality
from kumamoto_portal.fields import LineField, PhoneField
from kumamoto_portal.history import content_history


class NoticeQuerySet(models.QuerySet):
    def visible_at(self, instant: datetime) -> "NoticeQuerySet":
        """Notices residents see at `instant`: published at or before it, not yet expired. Newest first."""
        return self.filter(Q(published_at__lte=instant), Q(expires_at__isnull=True) | Q(expires_at__gt=instant))

    def next_change_after(self, instant: datetime) -> datetime | None:
        """The first instant after `instant` at which a notice appears or disappears (one query), or None."""
        found = self.aggregate(
            appears=Min("published_at", filter=Q(published_at__gt=instant)),
            disappears=Min("expires_at", filter=Q(expires_at__gt=instant)),
        )
        return min((t for t in found.values() if t is not None), default=None)


class Notice(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "予定"
        SHOWN = "shown", "掲載中"
        ENDED = "ended", "掲載終了"

    title = LineField("題名", max_length=100)
    body = models.TextField(
        "本文",
        help_text="住民に表示されます。空行で段落を分けます。https:// で始まるアドレスはリンクになります"
        "(HTML は使えません)。",
    )
    published_at = models.DateTimeField(
        "掲載開始日時", help_text="この時刻にサイトに表示されます。先の日時も指定できます。"
    )
    expires_at = models.DateTimeField(
        "掲載終了日時", null=True, blank=True, help_text="この時刻に表示をやめます。空欄なら掲載を続けます。"
    )
    is_urgent = models.BooleanField(
        "緊急", default=False, help_text="掲載中、すべてのページの上部に帯(バナー)で表示します。"
    )
    office = LineField("発信元(担当課)", max_length=60, help_text="このお知らせの出典として住民に表示されます。")
    office_phone = PhoneField("発信元の電話番号", max_length=20, blank=True)
    municipalities = models.ManyToManyField(
        Municipality, related_name="notices", blank=True, verbose_name="関係する市町村"
    )
    project = models.ForeignKey(
        CooperationProject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name="関係する連携事業",
    )

    objects = NoticeQuerySet.as_manager()
    history = content_history(m2m_fields=["municipalities"])

    class Meta:
        verbose_name = "お知らせ"
        verbose_name_plural = "お知らせ"
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["published_at", "expires_at"], name="notice_visibility")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=models.F("published_at")),
                name="notice_expires_after_publication",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("notices:detail", args=[self.pk])

    def status_at(self, instant: datetime) -> "Notice.Status":
        """予定 before `published_at`, 掲載終了 from `expires_at` on, else 掲載中."""
        if instant < self.published_at:
            return self.Status.SCHEDULED
        if self.expires_at is not None and instant >= self.expires_at:
            return self.Status.ENDED
        return self.Status.SHOWN

    def clean(self) -> None:
        super().clean()
        if self.published_at and self.expires_at and self.expires_at <= self.published_at:
            raise ValidationError(
                {"expires_at": "掲載終了日時は、掲載開始日時より後にしてください。"}, code="expires_before_published"
            )
