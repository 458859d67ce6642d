"""The LINE counseling service: menus, weekly sessions, closures, extra sessions, crisis lines.

Nothing about the schedule is in code: staff edit these rows, and
`Service.schedule()` hands them to the rules in counseling/rules.py.
"""

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from kumamoto_portal.currency import supported_until
from kumamoto_portal.history import content_history
from kumamoto_portal.lib.fields import LineField, PhoneField, WebURLField
from kumamoto_portal.lib.wareki import validate_convertible
from kumamoto_portal.models import ContactFields, SiteSettings, Sourced

from . import rules
from .wording import WEEKDAY_NAMES

WEEKDAYS = list(enumerate(WEEKDAY_NAMES))  # 0 = Monday, as date.weekday()


def validate_https(url: str) -> None:
    if url and not url.startswith("https://"):
        raise ValidationError("友だち追加の URL は https:// で始まる公式のものを入力してください。", code="not_https")


class ServiceQuerySet(models.QuerySet):
    def with_schedule(self) -> "ServiceQuerySet":
        """Services with their sessions (and their sources), closures and extra sessions (five queries in all)."""
        return self.prefetch_related("weekly_sessions__sources", "closures", "extra_sessions")

    def current(self) -> "Service | None":
        """The service the pages describe, with its schedule: the first registered one.

        None when no service is registered: the counseling pages then answer 404
        and the home page leaves the counseling status out.
        """
        return self.with_schedule().order_by("pk").first()


class Service(Sourced, ContactFields):
    name = LineField("名称", max_length=80)
    channel = LineField("相談の方法", max_length=20, default="LINE")
    summary = models.TextField("概要")
    how_to_start = models.TextField("相談のはじめ方", help_text="1行に1つの手順。")
    safety_features = models.TextField("安心して相談できる仕組み", help_text="1行に1つ。")
    friend_add_url = WebURLField(
        "友だち追加の URL",
        blank=True,
        validators=[validate_https],
        help_text="公式アカウントの友だち追加 URL。確認できるまで空欄にします(ページに二次元コードが表示されます)。",
    )
    without_url_note = models.TextField(
        "URL がないときの案内",
        blank=True,
        help_text="友だち追加 URL が空欄のとき、公式アカウントの見つけ方として表示します。",
    )
    caution = models.TextField("注意書き", blank=True, help_text="似た名前の別の窓口など。")

    objects = ServiceQuerySet.as_manager()
    history = content_history()

    class Meta:
        verbose_name = "相談窓口"
        verbose_name_plural = "相談窓口"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("counseling:service")

    @property
    def start_steps(self) -> list[str]:
        return [line.strip() for line in self.how_to_start.splitlines() if line.strip()]

    @property
    def safety_list(self) -> list[str]:
        return [line.strip() for line in self.safety_features.splitlines() if line.strip()]

    def schedule(self, review_months: int | None = None) -> rules.Schedule:
        """The rows of this service as a Schedule (use with_schedule() to avoid extra queries);
        each weekly session up to its last supported day (WeeklySession.last_day)."""
        if review_months is None:
            review_months = SiteSettings.current().review_months
        return rules.Schedule(
            weekly=[
                rules.WeeklySlot(session.weekday, session.start, session.end, session.last_day(review_months))
                for session in self.weekly_sessions.all()
            ],
            closures=list(self.closures.all()),
            extras=list(self.extra_sessions.all()),
        )


class Menu(Sourced):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="menus", verbose_name="相談窓口")
    name = LineField("メニュー名", max_length=40)
    audience = LineField("対象", max_length=80, blank=True)
    order = models.PositiveSmallIntegerField("表示順", default=10)
    history = content_history()

    class Meta:
        verbose_name = "相談メニュー"
        verbose_name_plural = "相談メニュー"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class TimeRange(models.Model):
    """A start and end time on one day; the end must come after the start, and a service's
    rows of the same day (`day_field`: a weekday or a date) must not overlap."""

    day_field = ""
    overlap_message = ""

    start = models.TimeField("開始時刻")
    end = models.TimeField(
        "終了時刻", help_text="この時刻ちょうどに受付を終えます。日付をまたぐ場合は2つに分けて登録します。"
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValidationError(
                {"end": f"終了時刻({self.end:%H:%M})は開始時刻({self.start:%H:%M})より後にしてください。"}
            )
        day = getattr(self, self.day_field)
        if self.service_id is None or day is None or self.start is None or self.end is None:
            return
        same_day = type(self).objects.filter(service_id=self.service_id, **{self.day_field: day}).exclude(pk=self.pk)
        other = rules.first_overlap(self, same_day, day_of=lambda row: getattr(row, self.day_field))
        if other is not None:
            raise ValidationError(self.overlap_message.format(other=other))


class WeeklySession(Sourced, TimeRange):
    day_field = "weekday"
    overlap_message = "同じ曜日の受付時間({other})と重なっています。時間を分けるか、1つにまとめてください。"

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="weekly_sessions", verbose_name="相談窓口"
    )
    weekday = models.PositiveSmallIntegerField("曜日", choices=WEEKDAYS)
    valid_until = models.DateField(
        "有効期間の終わり",
        null=True,
        blank=True,
        validators=[validate_convertible],
        help_text="出典で確かめた、この受付時間が続く最後の日。空欄なら、出典の日付から見直し期間(サイトの設定)の分だけ"
        "カレンダーに表示し、その先は「確かめられていません」と表示します。",
    )
    history = content_history()

    class Meta:
        verbose_name = "毎週の受付時間"
        verbose_name_plural = "毎週の受付時間"
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="weekly_session_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}〜{self.end:%H:%M}"

    def last_day(self, review_months: int) -> date | None:
        """The last day the site shows this session: the end of its 有効期間, else the review period
        after its newest source (kumamoto_portal/currency.py); None when no source has a date."""
        return self.valid_until or supported_until(self.sources.all(), review_months)


class ExtraSession(Sourced, TimeRange):
    """A one-off session on a given date (it takes place even on a closure day)."""

    day_field = "date"
    overlap_message = "同じ日の臨時の受付({other})と重なっています。"

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="extra_sessions", verbose_name="相談窓口"
    )
    date = models.DateField("日付")
    note = LineField("説明", max_length=100, blank=True)
    history = content_history()

    class Meta:
        verbose_name = "臨時の受付"
        verbose_name_plural = "臨時の受付"
        ordering = ["date", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="extra_session_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.start:%H:%M}〜{self.end:%H:%M}"


def _ymd(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class Closure(Sourced):
    """Days without weekly sessions: every year by month/day, or a dated range."""

    class Kind(models.TextChoices):
        YEARLY = "yearly", "毎年(月日で指定)"
        DATED = "dated", "期間(日付で指定)"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="closures", verbose_name="相談窓口")
    kind = LineField("種類", max_length=10, choices=Kind.choices, default=Kind.YEARLY)
    reason = LineField("理由", max_length=60, help_text="例: 年末年始")
    start_month = models.PositiveSmallIntegerField(
        "開始月", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    start_day = models.PositiveSmallIntegerField(
        "開始日", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    end_month = models.PositiveSmallIntegerField(
        "終了月", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    end_day = models.PositiveSmallIntegerField(
        "終了日", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    start_date = models.DateField("開始日付", null=True, blank=True)
    end_date = models.DateField("終了日付", null=True, blank=True)
    history = content_history()

    class Meta:
        verbose_name = "休み"
        verbose_name_plural = "休み"
        ordering = ["kind", "start_month", "start_day", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="dated", end_date__gte=models.F("start_date"))
                | Q(
                    kind="yearly",
                    start_month__isnull=False,
                    start_day__isnull=False,
                    end_month__isnull=False,
                    end_day__isnull=False,
                ),
                name="closure_is_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reason}({self.describe()})"

    def describe(self) -> str:
        """12月29日〜1月3日 (yearly) or 2026年5月3日〜2026年5月5日 (dated)."""
        if self.kind == self.Kind.YEARLY:
            return f"毎年 {self.start_month}月{self.start_day}日〜{self.end_month}月{self.end_day}日"
        if self.start_date and self.end_date:
            return f"{_ymd(self.start_date)}〜{_ymd(self.end_date)}"
        return ""

    def covers(self, day: date) -> bool:
        """Whether this closure covers `day` (both ends included; yearly ranges may cross the new year)."""
        if self.kind == self.Kind.YEARLY:
            return rules.covers_yearly(day, self.start_month, self.start_day, self.end_month, self.end_day)
        return self.start_date <= day <= self.end_date

    def clean(self) -> None:
        super().clean()
        if self.kind == self.Kind.YEARLY:
            parts = [self.start_month, self.start_day, self.end_month, self.end_day]
            if None in parts:
                raise ValidationError(
                    "毎年の休みは、開始と終了の月と日をすべて入力してください(例: 12月29日〜1月3日)。"
                )
            for month, day, label in (
                (self.start_month, self.start_day, "開始"),
                (self.end_month, self.end_day, "終了"),
            ):
                if day > calendar.monthrange(2024, month)[1]:  # 2024: a leap year, so 2/29 is allowed
                    raise ValidationError(f"{label}の{month}月{day}日という日付はありません。")
        else:
            if self.start_date is None or self.end_date is None:
                raise ValidationError("期間の休みは、開始日付と終了日付を入力してください。")
            if self.end_date < self.start_date:
                raise ValidationError({"end_date": "終了日付が開始日付より前になっています。"})


class CrisisLine(Sourced):
    """A telephone help line shown beside the service.

    One row per line, in up to two sections of the pages (counseling/rules.py `help_lines`):
    「いますぐ話を聞いてほしいときは」 (`crisis`: 24-hour and other lines for when LINE is closed)
    and 「外国語で相談できる電話窓口」 (`foreign_languages`). A line in both (よりそいホットライン)
    is one row with both flags, never two rows. `languages` holds only the languages a source
    names; empty means the source names none, and the page says so.
    """

    name = LineField("名称", max_length=60)
    name_en = LineField("英語の名称", max_length=120, blank=True, help_text="出典にある英語の名称。なければ空欄。")
    phone = PhoneField("電話番号", max_length=20)
    other_phone = PhoneField(
        "別の電話番号", max_length=20, blank=True, help_text="一部の電話からかける番号など(出典にある場合だけ)。"
    )
    other_phone_note = LineField(
        "別の電話番号の説明", max_length=60, blank=True, help_text="例: IP 電話やプリペイド式の携帯電話から"
    )
    hours = LineField("受付時間", max_length=120, blank=True)
    note = LineField("備考", max_length=120, blank=True)
    crisis = models.BooleanField(
        "いますぐの相談先",
        default=True,
        help_text="「いますぐ話を聞いてほしいときは(電話)」と、LINE 相談の時間外の電話窓口に載せます。",
    )
    foreign_languages = models.BooleanField(
        "外国語で相談できる窓口",
        default=False,
        help_text="「外国語で相談できる電話窓口」に載せます。出典が外国語での相談を案内している窓口だけ。",
    )
    languages = LineField(
        "対応言語",
        max_length=200,
        blank=True,
        help_text="出典が挙げる言語だけを「、」で区切って書きます。出典に言語がなければ空欄にします"
        "(ページには「対応言語は案内されていません」と表示します)。",
    )
    foreign_note = LineField(
        "外国語の相談についての備考",
        max_length=120,
        blank=True,
        help_text="外国語で相談できる電話窓口の欄だけに表示します。例: 外国語で相談できる時間は案内されていません。",
    )
    order = models.PositiveSmallIntegerField("表示順", default=10)
    history = content_history()

    class Meta:
        verbose_name = "電話相談窓口"
        verbose_name_plural = "電話相談窓口"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The phone lines on the service page."""
        section = "#foreign-lines-title" if self.foreign_languages and not self.crisis else "#crisis-title"
        return reverse("counseling:service") + section
