"""Library mutual use: library systems, their locations, and who may use which system."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
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

    def partners_of(self, system: "LibrarySystem") -> "LibrarySystemQuerySet":
        """Systems linked to `system` by a mutual-use agreement, in either direction.

        This causes one SQL query when evaluated.
        """
        return (
            self.filter(
                Q(agreements__home_municipality_id=system.municipality_id)
                | Q(municipality__library_agreements__system=system)
            )
            .exclude(pk=system.pk)
            .select_related("municipality")
            .distinct()
        )


class LibrarySystem(Sourced):
    """A municipality's library network (a main library with its branches and rooms)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="library_systems", verbose_name="市町村"
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

    objects = LibrarySystemQuerySet.as_manager()
    history = content_history()

    class Meta:
        verbose_name = "図書館(自治体ごと)"
        verbose_name_plural = "図書館(自治体ごと)"
        ordering = ["municipality__code", "name"]

    def __str__(self) -> str:
        return self.name

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

    class Meta:
        verbose_name = "施設"
        verbose_name_plural = "施設"
        ordering = ["system__municipality__code", "display_order", "id"]
        constraints = [models.UniqueConstraint(fields=["system", "name"], name="location_name_unique_in_system")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("libraries:location", args=[self.pk])

    @property
    def full_address(self) -> str:
        return " ".join(part for part in (self.address, self.address_building) if part)


class MutualUseAgreement(Sourced, ContactFields):
    """Residents of `home_municipality` may register at `system` and borrow there.

    E-libraries are never part of an agreement (see libraries/rules.py).
    """

    home_municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="library_agreements", verbose_name="住んでいる市町村"
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
        "返す場所を出典で確認済み",
        default=False,
        help_text="借りた本を貸し出した図書館にしか返せないことを、出典で確かめた場合だけ。"
        "確かめていなければ、住民には「図書館に確認を」と表示します。",
    )
    loan_rules_confirmed = models.BooleanField(
        "貸出のきまりを出典で確認済み",
        default=False,
        help_text="相互利用でも貸し出した図書館のきまりが当てはまることを、出典で確かめた場合だけ。",
    )
    notes = models.TextField("備考", blank=True)
    history = content_history()

    class Meta:
        verbose_name = "相互利用の協定"
        verbose_name_plural = "相互利用の協定"
        ordering = ["home_municipality__code", "system__municipality__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["home_municipality", "system"],
                name="one_agreement_per_pair",
                violation_error_message="この市町村とこの図書館の協定は、すでに登録されています。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.home_municipality}の住民 → {self.system}"

    def get_absolute_url(self) -> str:
        """The finder's answer for the residents this agreement serves."""
        return reverse("libraries:eligibility") + f"?resident={self.home_municipality.code}"

    def clean(self) -> None:
        super().clean()
        if self.home_municipality_id and self.system_id and self.system.municipality_id == self.home_municipality_id:
            raise ValidationError("自分の市町村の図書館は、協定がなくても利用できます。別の市町村を選んでください。")
