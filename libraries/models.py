"""Library mutual use: library systems, their locations, and who may use which system."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from areas.models import Municipality
from kumamoto_portal.history import content_history
from kumamoto_portal.lib.fields import LineField, PhoneField, WebURLField
from kumamoto_portal.lib.wareki import validate_convertible
from kumamoto_portal.models import ContactFields, Sourced

postal_code_validator = RegexValidator(
    r"^\d{3}-\d{4}$", "郵便番号は「123-4567」の形(半角数字とハイフン)で入力してください。", code="postal_code"
)


class Kind(models.TextChoices):
    LIBRARY = "library", "図書館"
    COMMUNITY_ROOM = "community_room", "公民館図書室"
    INFORMATION_ROOM = "information_room", "情報資料室"


class LibrarySystemQuerySet(models.QuerySet):
    def with_locations(self) -> "LibrarySystemQuerySet":
        """Systems with their municipality, locations and published counts (three queries in all)."""
        return self.select_related("municipality").prefetch_related("locations", "kind_counts")

    def refusing_returns_of(self, system: "LibrarySystem") -> "LibrarySystemQuerySet":
        """The systems of the towns whose residents, a source says, may not return items lent by
        `system` at home (an agreement with `system` and `return_rule_confirmed`). One query."""
        return (
            self.filter(
                municipality__library_agreements__system=system,
                municipality__library_agreements__return_rule_confirmed=True,
            )
            .exclude(pk=system.pk)
            .select_related("municipality")
            .distinct()
        )


class LibrarySystem(Sourced):
    """A library network (a main library with its branches and rooms).

    Most belong to a member municipality. A library run by someone else (熊本県立図書館,
    the prefecture's) has no municipality and names its operator instead (`operator`).
    """

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="library_systems",
        verbose_name="市町村",
        null=True,
        blank=True,
        help_text="構成市町村の図書館なら、その市町村。県立図書館など市町村のものでなければ空欄にし、設置者を入力します。",
    )
    operator = LineField(
        "設置者(市町村でない場合)",
        max_length=40,
        blank=True,
        help_text="市町村を空欄にした場合だけ(例: 熊本県)。住民には「熊本県の図書館です」と表示されます。",
    )
    name = LineField("名称", max_length=60, unique=True)
    kana = LineField("よみがな", max_length=80, blank=True)
    website = WebURLField("ウェブサイト", blank=True)
    loan_rules = models.TextField(
        "貸出のきまり",
        blank=True,
        help_text="貸出冊数・期間など。相互利用でも、貸し出した図書館のきまりが適用されます。",
    )
    e_library_name = LineField("電子図書館", max_length=60, blank=True, help_text="ない、またはわからない場合は空欄。")
    e_library_note = LineField("電子図書館の説明", max_length=200, blank=True)
    e_library_url = WebURLField("電子図書館のウェブサイト", blank=True, help_text="わからない場合は空欄。")
    all_locations_known = models.BooleanField(
        "施設をすべて登録済み",
        default=True,
        help_text="出典で施設の一部しか確かめられない場合は外します(住民には「少なくとも○か所」と表示)。",
    )
    all_partners_known = models.BooleanField(
        "相互利用の相手をすべて登録済み",
        default=True,
        help_text="出典の一覧が途中までしか読めない場合は外します(住民には「ほかにもあるかもしれません」と表示)。",
    )
    returns_confirmed = models.BooleanField(
        "返す場所を出典で確認済み",
        default=False,
        help_text="この図書館で借りた本を、この図書館のどの施設にも返せることを出典で確かめた場合だけ。"
        "確かめていなければ、住民には「図書館に確認を」と表示します。",
    )
    return_note = models.TextField(
        "返すときの補足", blank=True, help_text="返却ポストの使い方など、出典にある補足。住民に表示されます。"
    )

    objects = LibrarySystemQuerySet.as_manager()
    history = content_history()
    facts_that_may_be_unknown = ("website", "loan_rules")  # see Location

    class Meta:
        verbose_name = "図書館(自治体ごと)"
        verbose_name_plural = "図書館(自治体ごと)"
        ordering = [F("municipality__code").asc(nulls_last=True), "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def owner_name(self) -> str:
        """Whose library it is: the municipality's name, or the operator's (熊本県)."""
        return self.municipality.name if self.municipality_id else self.operator

    def clean(self) -> None:
        super().clean()
        if not self.municipality_id and not self.operator:
            raise ValidationError({"operator": "市町村を選ぶか、設置者(例: 熊本県)を入力してください。"})
        if self.municipality_id and self.operator:
            raise ValidationError({"operator": "市町村の図書館なら、設置者は空欄にしてください。"})

    def get_absolute_url(self) -> str:
        """Its section of the location list (「サイトで表示」 in the admin)."""
        return reverse("libraries:location_list") + f"#system-{self.pk}"


class KindCount(Sourced):
    """How many locations of a kind a system has, as a source states it.

    Used where a source gives a count but not every name: the page shows the
    count and points to the system's own list instead of inventing rows.
    """

    system = models.ForeignKey(
        LibrarySystem, on_delete=models.CASCADE, related_name="kind_counts", verbose_name="図書館"
    )
    kind = LineField("種類", max_length=20, choices=Kind.choices)
    count = models.PositiveSmallIntegerField("施設数")
    history = content_history()

    class Meta:
        verbose_name = "種類ごとの施設数"
        verbose_name_plural = "種類ごとの施設数"
        constraints = [models.UniqueConstraint(fields=["system", "kind"], name="one_count_per_system_and_kind")]

    def __str__(self) -> str:
        return f"{self.system} {self.get_kind_display()} {self.count}"


class Location(Sourced):
    """A place where residents borrow and return items."""

    system = models.ForeignKey(LibrarySystem, on_delete=models.PROTECT, related_name="locations", verbose_name="図書館")
    name = LineField("名称", max_length=80)
    kana = LineField("よみがな", max_length=80, blank=True)
    kind = LineField("種類", max_length=20, choices=Kind.choices, default=Kind.LIBRARY)
    postal_code = LineField("郵便番号", max_length=8, blank=True, validators=[postal_code_validator])
    address = LineField("住所", max_length=120, blank=True)
    address_building = LineField("方書(建物名・階)", max_length=80, blank=True)
    ward = LineField("区", max_length=10, blank=True, help_text="政令指定都市の区(例: 中央区)。")
    phone = PhoneField("電話番号", max_length=20, blank=True)
    phone_note = LineField("電話番号の注記", max_length=80, blank=True)
    opening_hours = LineField("開館時間", max_length=120, blank=True)
    closed_days = LineField("休館日", max_length=200, blank=True)
    has_return_box = models.BooleanField(
        "返却ポスト", null=True, blank=True, help_text="開館時間外に返せる返却ポストの有無。わからない場合は「不明」。"
    )
    return_box_note = LineField("返却ポストの注記", max_length=120, blank=True)
    display_order = models.PositiveSmallIntegerField("表示順", default=100, validators=[MinValueValidator(0)])
    history = content_history()
    # Counted per town in the admin's 「確認が必要な情報」 (kumamoto_portal/review.py) while empty.
    facts_that_may_be_unknown = ("address", "phone", "opening_hours", "closed_days", "has_return_box")

    class Meta:
        verbose_name = "施設"
        verbose_name_plural = "施設"
        ordering = [F("system__municipality__code").asc(nulls_last=True), "system__name", "display_order", "id"]
        constraints = [models.UniqueConstraint(fields=["system", "name"], name="location_name_unique_in_system")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("libraries:location", args=[self.pk])

    @property
    def full_address(self) -> str:
        return " ".join(part for part in (self.address, self.address_building) if part)


class Framework(models.TextChoices):
    """What arrangement an agreement belongs to, where a source says."""

    RENKEI = "renkei", "熊本連携中枢都市圏の取り組み"
    TEIJU = "teiju", "定住自立圏の取り組み(熊本連携中枢都市圏の事業ではありません)"


class MutualUseAgreement(Sourced, ContactFields):
    """Residents of `home_municipality` may register at `system` and borrow there.

    No home municipality: everyone in the prefecture may (熊本県立図書館). What a
    source confirms for this agreement (what to bring, returns, loan rules, the
    e-library) is recorded here; the rest is unknown (see libraries/rules.py).
    """

    home_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="library_agreements",
        verbose_name="住んでいる市町村",
        null=True,
        blank=True,
        help_text="空欄は「県内に住むすべての人」(熊本県立図書館など)。",
    )
    system = models.ForeignKey(
        LibrarySystem, on_delete=models.PROTECT, related_name="agreements", verbose_name="利用できる図書館"
    )
    since = models.DateField(
        "開始日", null=True, blank=True, validators=[validate_convertible], help_text="わからない場合は空欄。"
    )
    what_to_bring = models.TextField(
        "登録に必要なもの", blank=True, help_text="わからない場合は空欄(「図書館に確認」と表示)。"
    )
    return_rule_confirmed = models.BooleanField(
        "住んでいる市町村では返せないことを出典で確認済み",
        default=False,
        help_text="借りた本を住んでいる市町村の図書館には返せない(貸し出した図書館に返す)ことを、"
        "出典で確かめた場合だけ。住民に「○○の図書館には返せません」と表示します。",
    )
    loan_rules_confirmed = models.BooleanField(
        "貸出のきまりを出典で確認済み",
        default=False,
        help_text="相互利用でも貸し出した図書館のきまりが当てはまることを、出典で確かめた場合だけ。",
    )
    e_library_excluded_confirmed = models.BooleanField(
        "電子図書館が対象外であることを出典で確認済み",
        default=False,
        help_text="出典が「電子図書館は相互利用の対象外」と書いている場合だけ。",
    )
    framework = LineField(
        "取り組みの種類",
        max_length=10,
        choices=Framework.choices,
        blank=True,
        help_text="出典でわかる場合だけ。定住自立圏の取り組みなら、住民に「熊本連携中枢都市圏の事業ではありません」と表示します。",
    )
    notes = models.TextField("備考", blank=True)
    history = content_history()
    facts_that_may_be_unknown = ("since", "what_to_bring")  # see Location

    class Meta:
        verbose_name = "相互利用の協定"
        verbose_name_plural = "相互利用の協定"
        ordering = [
            F("home_municipality__code").asc(nulls_last=True),
            F("system__municipality__code").asc(nulls_last=True),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["home_municipality", "system"],
                name="one_agreement_per_pair",
                violation_error_message="この市町村とこの図書館の協定は、すでに登録されています。",
            ),
            models.UniqueConstraint(
                fields=["system"],
                condition=Q(home_municipality__isnull=True),
                name="one_prefecture_wide_agreement_per_system",
                violation_error_message="この図書館の「県内のすべての人」の行は、すでに登録されています。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.residents_label}の住民 → {self.system}"

    @property
    def residents_label(self) -> str:
        """Whose residents it serves: the town, or 「熊本県内」 for everyone in the prefecture."""
        return self.home_municipality.name if self.home_municipality_id else "熊本県内"

    def get_absolute_url(self) -> str:
        """The finder's answer for the residents this agreement serves (the guide when it serves everyone)."""
        if not self.home_municipality_id:
            return reverse("libraries:guide")
        return reverse("libraries:eligibility") + f"?resident={self.home_municipality.code}"

    def clean(self) -> None:
        super().clean()
        if self.home_municipality_id and self.system_id and self.system.municipality_id == self.home_municipality_id:
            raise ValidationError("自分の市町村の図書館は、協定がなくても利用できます。別の市町村を選んでください。")
