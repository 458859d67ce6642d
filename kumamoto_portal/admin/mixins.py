"""Mixins every content admin combines: times without seconds, help texts that say whether
residents see a field, sources required, and the inline changes in words for the history."""

from django.contrib.admin import widgets
from django.db import models

from kumamoto_portal.models import SOURCES_REQUIRED, Source, validate_not_only_encyclopedia


def inline_changes(formsets) -> str:
    """What the inline tables of a save added, changed and removed, in words (for the parent's history)."""
    parts = []
    for formset in formsets:
        name = formset.model._meta.verbose_name
        parts += [f"{name}を追加: {obj}" for obj in getattr(formset, "new_objects", [])]
        parts += [f"{name}を変更: {obj}" for obj, _ in getattr(formset, "changed_objects", [])]
        parts += [f"{name}を削除: {obj}" for obj in getattr(formset, "deleted_objects", [])]
    return "、".join(parts)[:100]


class SplitDateTimeWithoutSeconds(widgets.AdminSplitDateTime):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[1].format = "%H:%M"


class WithoutSeconds:
    """Times are entered and shown as 18:00, not 18:00:00."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.TimeField):
            kwargs["widget"] = widgets.AdminTimeWidget(format="%H:%M")
        elif isinstance(db_field, models.DateTimeField):
            kwargs["widget"] = SplitDateTimeWithoutSeconds()
        return super().formfield_for_dbfield(db_field, request, **kwargs)


SHOWN = "住民のページに表示されます。"
NOT_SHOWN = "職員用です(住民には表示しません)。"
# Fields that order or annotate rows for staff; every other content field is shown to residents.
STAFF_ONLY_FIELDS = {"source_note", "note_for_staff", "display_order", "order", "checked_on", "review_months"}


class SaysWhoSeesIt:
    """Every field's help text ends by saying whether residents see it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None or db_field.auto_created or not db_field.editable:
            return formfield
        staff_only = db_field.name in STAFF_ONLY_FIELDS or (db_field.model is Source and db_field.name == "note")
        if "住民" not in str(formfield.help_text):
            formfield.help_text = " ".join(filter(None, [str(formfield.help_text), NOT_SHOWN if staff_only else SHOWN]))
        return formfield


class SourcesRequired:
    """For admins and inlines of content rows: sources are picked with autocomplete (or added
    with "+"), and a row without any, or with only an encyclopedia or a mirror, is refused with
    a clear message."""

    def get_autocomplete_fields(self, request) -> list[str]:
        return [*super().get_autocomplete_fields(request), "sources"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "sources" and formfield is not None:
            formfield.error_messages["required"] = SOURCES_REQUIRED
            formfield.validators = [*formfield.validators, validate_not_only_encyclopedia]
        return formfield
