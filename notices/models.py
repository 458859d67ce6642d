"""お知らせ: dated notices that staff publish, schedule and end; urgent ones become a site-wide banner."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from areas import clerks
from areas.models import CooperationProject, Municipality
from kumamoto_portal.history import content_history
from kumamoto_portal.lib.fields import LineField, PhoneField
from kumamoto_portal.lib.text import validate_plain_text

from . import rules

# A notice is a few paragraphs; a 1 MB body once made a 2.4 MB page.
BODY_MAX_LENGTH = 4000


class NoticeQuerySet(models.QuerySet):
    def visible_at(self, instant: datetime) -> "NoticeQuerySet":
        """Notices residents see at `instant` (rules.py: the visibility window). Newest first."""
        return self.filter(rules.with_status_at(rules.Status.SHOWN, instant))

    def next_change_after(self, instant: datetime) -> datetime | None:
        """The first instant after `instant` at which a notice appears or disappears (one query), or None."""
        return rules.next_change_after(self, instant)


class Notice(models.Model):
    Status = rules.Status

    title = LineField("題名", max_length=100)
    body = models.TextField(
        "本文",
        max_length=BODY_MAX_LENGTH,
        validators=[validate_plain_text, MaxLengthValidator(BODY_MAX_LENGTH)],
        help_text=f"住民に表示されます。空行で段落を分けます。https:// で始まるアドレスはリンクになります"
        f"(HTML は使えません)。{BODY_MAX_LENGTH:,} 字まで。",
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

    def status_at(self, instant: datetime) -> rules.Status:
        """予定, 掲載中 or 掲載終了 at `instant` (rules.status_at)."""
        return rules.status_at(self.published_at, self.expires_at, instant)

    def may_be_previewed_by(self, user) -> bool:
        """Whether `user` may see this notice while it is not shown to residents (予定 or 掲載終了):
        those who may edit it — the お知らせ role or a superuser, and a town's clerk only for a
        notice of their town (areas/clerks.py)."""
        if not (getattr(user, "is_authenticated", False) and user.has_perm("notices.change_notice")):
            return False
        towns = clerks.town_ids(user)
        return towns is None or self.municipalities.filter(pk__in=towns).exists()

    def clean(self) -> None:
        super().clean()
        if self.published_at and self.expires_at and self.expires_at <= self.published_at:
            raise ValidationError(
                {"expires_at": "掲載終了日時は、掲載開始日時より後にしてください。"}, code="expires_before_published"
            )


def next_change_after(now: datetime) -> datetime | None:
    """The next instant a notice appears or ends (NoticesConfig.next_change, read by the page cache)."""
    return Notice.objects.next_change_after(now)
