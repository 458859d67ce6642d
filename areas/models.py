"""The area: member municipalities, the three pillars with their policy fields,
and the cooperation projects (連携事業)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from kumamoto_portal.currency import AsOf, as_of
from kumamoto_portal.history import content_history
from kumamoto_portal.lib.fields import LineField, WebURLField, site_path_validator
from kumamoto_portal.lib.wareki import validate_convertible
from kumamoto_portal.models import ContactFields, Source, Sourced

from . import rules

hiragana_validator = RegexValidator(
    r"^[ぁ-ゖー・\s]+$", "よみがなは、ひらがなで入力してください(例: くまもとし)。", code="not_hiragana"
)


def validate_code(code: str) -> None:
    """Refuse a 団体コード that is not six digits or whose check digit is wrong."""
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        raise ValidationError("団体コードは半角数字6桁で入力してください(例: 431001)。", code="code_format")
    if not rules.is_valid_code(code):
        raise ValidationError(
            f"団体コード「{code}」の6桁目(検査数字)が正しくありません。先頭5桁から計算すると "
            f"{rules.check_digit(code[:5])} になります。",
            code="code_check_digit",
        )


def validate_not_in_future(day: date, today: date) -> None:
    """Refuse a date after `today` (a join that has not happened yet)."""
    if day > today:
        raise ValidationError(
            f"加入日に未来の日付({day.isoformat()})は登録できません。加入した後に登録してください。",
            code="future_date",
        )


class MunicipalityQuerySet(models.QuerySet):
    def members_as_of(self, day: date) -> "MunicipalityQuerySet":
        """Members on `day` (joined on or before it). Same rule as rules.members_as_of."""
        return self.filter(joined_on__lte=day)

    def cited_sources(self) -> models.QuerySet:
        """Every source these municipalities cite, their figures' included: a list page's 出典 (one query)."""
        return (
            Source.objects.filter(
                models.Q(areas_municipality_set__in=self)
                | models.Q(pk__in=self.values("population_source"))
                | models.Q(pk__in=self.values("area_source"))
            )
            .distinct()
            .order_by("code", "title")
        )


class Municipality(Sourced):
    class Kind(models.TextChoices):
        CITY = "市", "市"
        TOWN = "町", "町"
        VILLAGE = "村", "村"

    code = LineField(
        "全国地方公共団体コード",
        max_length=6,
        unique=True,
        validators=[validate_code],
        help_text="6桁。6桁目は検査数字です(例: 熊本市は 431001)。",
    )
    name = LineField("名称", max_length=20, unique=True)
    kana = LineField("よみがな", max_length=40, validators=[hiragana_validator])
    kind = LineField("種別", max_length=1, choices=Kind.choices)
    district = LineField("郡", max_length=20, blank=True, help_text="町村のみ(例: 玉名郡)。市は空欄です。")
    joined_on = models.DateField(
        "加入日", validators=[validate_convertible], help_text="連携協約を締結した日。この日から構成市町村に数えます。"
    )
    is_central_city = models.BooleanField("連携中枢都市", default=False)
    population = models.PositiveIntegerField("人口", null=True, blank=True, help_text="わからない場合は空欄。")
    population_reference = LineField("人口の基準", max_length=40, blank=True, default="令和2年国勢調査")
    population_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="人口の出典"
    )
    area_km2 = models.DecimalField(
        "面積(km²)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "面積に負の値は入力できません。")],
    )
    area_reference_date = models.DateField("面積の基準日", null=True, blank=True, validators=[validate_convertible])
    area_note = LineField("面積の注記", max_length=100, blank=True)
    area_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="面積の出典"
    )
    website = WebURLField("ウェブサイト", blank=True)

    objects = MunicipalityQuerySet.as_manager()
    history = content_history()

    class Meta:
        verbose_name = "構成市町村"
        verbose_name_plural = "構成市町村"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="市") & Q(district="")) | (Q(kind__in=["町", "村"]) & ~Q(district="")),
                name="district_only_for_towns_and_villages",
                violation_error_message="郡は町村にだけ入力します(市は空欄、町村は必須)。",
            ),
            models.CheckConstraint(
                condition=Q(area_km2__isnull=True) | Q(area_km2__gte=0),
                name="area_not_negative",
                violation_error_message="面積に負の値は入力できません。",
            ),
            models.UniqueConstraint(
                fields=["is_central_city"],
                condition=Q(is_central_city=True),
                name="one_central_city",
                violation_error_message="連携中枢都市は1つだけです。",
            ),
        ]

    def cited_sources(self) -> list[Source]:
        """Every source the municipality's page cites: its own, then those of its figures."""
        cited = [*self.sources.all(), self.population_source, self.area_source]
        return list(dict.fromkeys(source for source in cited if source is not None))

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("areas:municipality", args=[self.code])

    def clean(self) -> None:
        super().clean()
        if self.joined_on:
            validate_not_in_future(self.joined_on, timezone.localdate())
        if self.kind == self.Kind.CITY and self.district:
            raise ValidationError({"district": "市には郡を入力しません。"})
        if self.kind in (self.Kind.TOWN, self.Kind.VILLAGE) and not self.district:
            raise ValidationError({"district": "町村には郡を入力してください(例: 玉名郡)。"})


class Pillar(Sourced):
    """One of the three pillars (分野) of cooperation in the agreement."""

    number = models.PositiveSmallIntegerField("番号", unique=True)
    name = LineField("名称", max_length=60)
    carried_out_by = LineField("実施主体", max_length=60)
    description = models.TextField("説明", blank=True)
    history = content_history()

    class Meta:
        verbose_name = "連携の分野"
        verbose_name_plural = "連携の分野"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("areas:policy") + f"#pillar-{self.number}"


class PolicyGroup(Sourced):
    """A group of policy fields within a pillar (the three groups of pillar 3)."""

    pillar = models.ForeignKey(Pillar, on_delete=models.PROTECT, related_name="groups", verbose_name="分野")
    order = models.PositiveSmallIntegerField("表示順")
    name = LineField("名称", max_length=60)
    history = content_history()

    class Meta:
        verbose_name = "政策分野のグループ"
        verbose_name_plural = "政策分野のグループ"
        ordering = ["pillar__number", "order"]
        constraints = [models.UniqueConstraint(fields=["pillar", "order"], name="group_order_unique_in_pillar")]

    def __str__(self) -> str:
        return self.name


class PolicyField(Sourced):
    """A numbered item of a pillar (1–3, 1–3 and the 21 policy fields of pillar 3)."""

    pillar = models.ForeignKey(Pillar, on_delete=models.PROTECT, related_name="fields", verbose_name="分野")
    group = models.ForeignKey(
        PolicyGroup,
        on_delete=models.PROTECT,
        related_name="fields",
        null=True,
        blank=True,
        verbose_name="グループ",
    )
    number = models.PositiveSmallIntegerField("番号", validators=[MinValueValidator(1)])
    name = LineField("名称", max_length=60)
    description = models.TextField(
        "この項目の説明", blank=True, help_text="名称をやさしい言葉で言いかえた説明。事業の有無など、事実は書きません。"
    )
    history = content_history()

    class Meta:
        verbose_name = "政策分野"
        verbose_name_plural = "政策分野"
        ordering = ["pillar__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["pillar", "number"],
                name="field_number_unique_in_pillar",
                violation_error_message="この分野には同じ番号の項目がすでにあります。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pillar.number}-{self.number} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("areas:policy_field", args=[self.pillar.number, self.number])

    def clean(self) -> None:
        super().clean()
        if self.group_id and self.pillar_id and self.group.pillar_id != self.pillar_id:
            raise ValidationError({"group": "グループは同じ分野のものを選んでください。"})


class ProjectQuerySet(models.QuerySet):
    def for_listing(self) -> "ProjectQuerySet":
        """Projects with their field and pillar joined in (one query for a list)."""
        return self.select_related("policy_field__pillar")

    def in_progress(self) -> "ProjectQuerySet":
        return self.filter(status=CooperationProject.Status.ACTIVE)


class CooperationProject(Sourced, ContactFields):
    """A cooperation project (連携事業)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "準備中"
        ACTIVE = "active", "実施中"
        ENDED = "ended", "終了"
        UNKNOWN = "unknown", "いまの状況は未確認"

    title = LineField("事業名", max_length=100)
    slug = models.SlugField(
        "URL用の名前", max_length=60, unique=True, help_text="半角英数字とハイフン。ページのアドレスになります。"
    )
    policy_field = models.ForeignKey(
        PolicyField,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name="政策分野",
        help_text="出典で確かめられない場合は空欄のままにします。",
    )
    status = LineField("状況", max_length=10, choices=Status.choices, default=Status.PLANNED)
    started_on = models.DateField(
        "開始日", null=True, blank=True, validators=[validate_convertible], help_text="わからない場合は空欄。"
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="projects", blank=True, verbose_name="参加市町村"
    )
    all_members_known = models.BooleanField(
        "参加市町村をすべて登録済み",
        default=False,
        help_text="出典で参加市町村の一部しか確かめられない場合は外します"
        "(住民には「出典で確かめられた市町村」と表示し、ほかにもある可能性を伝えます)。",
    )
    summary = models.TextField("概要")
    page_path = LineField(
        "このサイト内の案内ページ",
        max_length=100,
        blank=True,
        validators=[site_path_validator],
    )

    objects = ProjectQuerySet.as_manager()
    history = content_history()

    class Meta:
        verbose_name = "連携事業"
        verbose_name_plural = "連携事業"
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["planned", "active", "ended", "unknown"]), name="project_status_valid_2"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("areas:project", args=[self.slug])

    def status_as_of(self, today: date, review_months: int) -> AsOf | None:
        """The as-of sentence beside 「実施中」 or 「準備中」 once the project's sources are past the
        review period (kumamoto_portal/currency.py); None for other statuses or recent sources."""
        if self.status not in (self.Status.ACTIVE, self.Status.PLANNED):
            return None
        return as_of(self.sources.all(), today, review_months)


class Clerk(models.Model):
    """A staff account that works for one or more member municipalities (e.g. a 玉名市 clerk).

    In the admin it sees, edits and deletes only the rows of its municipalities
    (areas/clerks.py); the municipality rows, policy, projects and counseling stay
    with the area-wide roles. Create one with `manage.py create_clerk`.
    """

    user = models.OneToOneField("auth.User", on_delete=models.CASCADE, related_name="clerk", verbose_name="ユーザー")
    municipalities = models.ManyToManyField(Municipality, related_name="clerks", verbose_name="担当する市町村")

    class Meta:
        verbose_name = "市町村の職員"
        verbose_name_plural = "市町村の職員"

    def __str__(self) -> str:
        return self.user.get_username()
