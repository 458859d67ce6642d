"""Site-wide models: the sources every fact cites, the content version behind the page cache,
and fields every content app shares."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .history import content_history
from .lib.fields import LineField, PhoneField, WebURLField

SOURCE_NOTE_HELP = "どの事実をどの出典で確かめたかの補足(職員用。住民には表示しません)。"
SOURCES_REQUIRED = "出典を1つ以上選んでください。出典のない事実は載せられません(一覧になければ「+」で追加できます)。"
ENCYCLOPEDIA_ONLY = (
    "百科事典やミラーだけを出典とする事実は、住民に表示できません。"
    "公式のページ(市町村・施設・国の機関など)で確かめ、その出典を加えてください。"
)


class Source(models.Model):
    """A document that facts on the site come from (a web page, an article, a data set).

    Residents see the body that published it (総務省統計局, the library itself). A relay the
    data was read through (a code repository, a mirror) stays in the staff note. An
    encyclopedia or a mirror is never shown to residents, and no row may rest on it alone.
    """

    class Kind(models.TextChoices):
        OFFICIAL = "official", "公的機関・施設自身の資料"
        SECONDARY = "secondary", "報道・事例紹介などの二次資料"
        ENCYCLOPEDIA = "encyclopedia", "百科事典・ミラー(住民には表示しません)"

    code = LineField(
        "管理用ID",
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        help_text="参照データの出典一覧の番号(例: S37)。職員用で、住民には表示しません。",
    )
    title = LineField("資料名", max_length=200, help_text="住民に表示されます。")
    publisher = LineField("発行者", max_length=100, blank=True, help_text="住民に表示されます。")
    url = WebURLField("URL", blank=True, help_text="わかる場合だけ。住民に表示され、リンクになります。")
    published_on = models.DateField("発行日・更新日", null=True, blank=True, help_text="わかる場合だけ。")
    published_year = models.PositiveSmallIntegerField(
        "発行年", null=True, blank=True, help_text="日付がわからず、年だけわかる場合。"
    )
    checked_on = models.DateField("確認日", null=True, blank=True, help_text="職員がこの資料を確かめた日。")
    kind = LineField(
        "種類",
        max_length=20,
        choices=Kind.choices,
        default=Kind.OFFICIAL,
        help_text="百科事典やミラーは住民に表示されず、それだけを出典とする行は保存できません"
        "(公式のページを出典に加えてください)。",
    )
    note = models.TextField("職員用メモ", blank=True, help_text="住民には表示しません。")
    history = content_history()

    class Meta:
        verbose_name = "出典"
        verbose_name_plural = "出典"
        ordering = ["code", "title"]

    def __str__(self) -> str:
        label = f"{self.title}({self.publisher})" if self.publisher else self.title
        return f"[{self.code}] {label}" if self.code else label  # the admin's pickers; pages use title and publisher

    @property
    def shown_to_residents(self) -> bool:
        return self.kind != self.Kind.ENCYCLOPEDIA

    @property
    def latest_possible_date(self) -> date | None:
        """The latest day this source can vouch for: its own date (a year counts to its last day);
        for an undated page, the day staff read it (確認日); None when neither is known."""
        if self.published_on:
            return self.published_on
        if self.published_year:
            return date(self.published_year, 12, 31)
        return self.checked_on

    @property
    def date_label(self) -> str:
        """When the source was published, as precisely as known: "2024年10月15日", "2023年" or ""."""
        if self.published_on:
            return f"{self.published_on.year}年{self.published_on.month}月{self.published_on.day}日"
        return f"{self.published_year}年" if self.published_year else ""


def validate_not_only_encyclopedia(source_ids) -> None:
    """Admin validator of a row's sources: at least one must be shown to residents."""
    sources = Source.objects.filter(pk__in=list(source_ids or []))
    if sources and all(not source.shown_to_residents for source in sources):
        raise ValidationError(ENCYCLOPEDIA_ONLY, code="encyclopedia_only")


def sources_of(*querysets: models.QuerySet) -> models.QuerySet:
    """The sources the rows of `querysets` (of Sourced models) cite, each once, in code order:
    a page's 出典 list (one query when evaluated)."""
    condition = models.Q(pk__in=[])
    for rows in querysets:
        condition |= models.Q(**{f"{rows.model._meta.get_field('sources').related_query_name()}__in": rows})
    return Source.objects.filter(condition).distinct().order_by("code", "title")


class Sourced(models.Model):
    """A content row and the sources of its facts (at least one: the admin refuses a row without)."""

    sources = models.ManyToManyField(
        Source,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name="出典",
        help_text="住民に「出典」として表示されます。",
    )
    source_note = models.TextField("出典の補足", blank=True, help_text=SOURCE_NOTE_HELP)
    # The edit history keeps each version's sources too (kumamoto_portal/history.py).
    _history_m2m_fields = ["sources"]

    class Meta:
        abstract = True


class ContactFields(models.Model):
    """Whom residents ask about something: a department and its phone (validated)."""

    contact_department = LineField("問い合わせ先(担当課)", max_length=60, blank=True)
    contact_phone = PhoneField("問い合わせ先の電話番号", max_length=20, blank=True)

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


DEFAULT_REVIEW_MONTHS = 12


class SiteSettings(models.Model):
    """The one row of site-wide settings staff keep: who runs the site (every footer and the
    accessibility statement) and how old a source may be before pages say how old it is."""

    operator_name = LineField(
        "運営者の名称", max_length=80, blank=True, help_text="例: 熊本連携中枢都市圏(熊本市 政策企画課)。"
    )
    operator_department = LineField("担当部署", max_length=80, blank=True)
    operator_phone = PhoneField("電話番号", max_length=20, blank=True)
    operator_email = models.EmailField("メールアドレス", blank=True)
    operator_contact_url = WebURLField("問い合わせページ", blank=True)
    review_months = models.PositiveSmallIntegerField(
        "見直し期間(か月)",
        default=DEFAULT_REVIEW_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="出典がこれより古くなると、ページに「○年の案内による情報です」と表示し、"
        "「確認が必要な情報」に載せます。",
    )
    history = content_history()

    class Meta:
        verbose_name = verbose_name_plural = "サイトの運営者と見直し期間"

    def __str__(self) -> str:
        return self.operator_name or "サイトの運営者(未設定)"

    def save(self, *args, **kwargs) -> None:
        self.pk = 1  # one row only
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "SiteSettings":
        """The settings row; an unsaved default one until staff save it (nothing is created on read)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def operator_is_set(self) -> bool:
        return bool(self.operator_name and (self.operator_phone or self.operator_email or self.operator_contact_url))
