"""Clerks per municipality: what a clerk of 玉名市 may see and change in the admin.

A user with a Clerk row works only on the rows of their municipalities; everyone
else (superusers, the area-wide roles) is not limited by town. Each admin that
holds town-owned rows names, in `town_field`, the lookup from a row to its
municipality (e.g. "system__municipality" for a library location).
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest

from kumamoto_portal import history
from kumamoto_portal.staff.roles import CLERK_ROLE

from .models import Clerk, Municipality


def town_ids(user: AbstractBaseUser | AnonymousUser) -> frozenset[int] | None:
    """The ids of the municipalities `user` works for as a clerk; None when not a clerk.

    A user put into the 市町村担当 group without a Clerk row (e.g. through the admin's user
    screen) works for no town: no rows at all, never every town. Cached on the user
    object, so an admin page asks once.
    """
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    if not hasattr(user, "_clerk_town_ids"):
        try:
            user._clerk_town_ids = frozenset(user.clerk.municipalities.values_list("pk", flat=True))
        except Clerk.DoesNotExist:
            in_clerk_role = user.groups.filter(name=CLERK_ROLE).exists()
            user._clerk_town_ids = frozenset() if in_clerk_role else None
    return user._clerk_town_ids


def towns_of_row(obj: models.Model, town_field: str) -> set[int]:
    """The municipality ids a row belongs to, following `town_field` (FKs, then an FK or a M2M)."""
    *path, last = town_field.split("__")
    for name in path:
        obj = getattr(obj, name, None)
        if obj is None:
            return set()
    field = obj._meta.get_field(last)
    if field.many_to_many:
        if obj.pk is None:
            return set()
        return set(getattr(obj, last).values_list("pk", flat=True))
    value = getattr(obj, field.attname)
    return set() if value is None else {value}


def towns_of_version(record, town_field: str) -> set[int]:
    """The municipality ids a version in the edit history belonged to: its own many-to-many
    rows when the town field is a tracked many-to-many (a deleted row has no live links),
    else the foreign keys it held."""
    *path, last = town_field.split("__")
    if not path:
        ids = history.version_links(record, last)
        if ids is not None:
            return set(ids)
    return towns_of_row(record.instance, town_field)


class ClerkChoices:
    """Admin or inline mixin: for a clerk, the fields that pick the owning town offer only
    their towns (and their towns' library systems), and no autocomplete asks an admin
    the clerk may not open."""

    town_choice_fields = ("municipality", "municipalities")
    system_choice_fields = ("system",)

    def get_autocomplete_fields(self, request):
        # A clerk cannot open the municipality or project admins that autocomplete asks.
        fields = super().get_autocomplete_fields(request)
        if town_ids(request.user) is None:
            return fields
        return [name for name in fields if name not in ("home_municipality", "municipalities", "project")]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        towns = town_ids(request.user)
        if towns is not None and db_field.name in self.town_choice_fields:
            kwargs["queryset"] = Municipality.objects.filter(pk__in=towns)
        if towns is not None and db_field.name in self.system_choice_fields:
            kwargs["queryset"] = db_field.related_model._default_manager.filter(municipality__in=towns)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        towns = town_ids(request.user)
        if towns is not None and db_field.name in self.town_choice_fields:
            kwargs["queryset"] = Municipality.objects.filter(pk__in=towns)
            kwargs["required"] = True
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ClerkScopedAdmin(ClerkChoices):
    """Admin mixin: a clerk lists, opens, changes, deletes and sees the history of their
    towns' rows only; another town's row answers 403. `town_field` is the lookup from a
    row to its municipality."""

    town_field = ""

    def get_queryset(self, request: HttpRequest):
        queryset = super().get_queryset(request)
        towns = town_ids(request.user)
        if towns is None:
            return queryset
        return queryset.filter(**{f"{self.town_field}__in": towns}).distinct()

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and town_ids(request.user) is not None:
            # Another town's row: refuse (403) rather than pretend it is missing.
            field = self.model._meta.pk if from_field is None else self.model._meta.get_field(from_field)
            try:
                exists = self.model._default_manager.filter(**{field.name: field.to_python(object_id)}).exists()
            except (ValidationError, ValueError):
                exists = False
            if exists:
                raise PermissionDenied
        return obj

    def save_form(self, request: HttpRequest, form, change: bool):
        """A clerk's form offers only their towns; links the row has to other towns stay."""
        towns = town_ids(request.user)
        if towns is not None and change:
            many = {field.name for field in self.model._meta.many_to_many}
            for name in self.town_choice_fields:
                if name in many and name in form.cleaned_data:
                    chosen = {town.pk for town in form.cleaned_data[name]}
                    others = set(getattr(form.instance, name).exclude(pk__in=towns).values_list("pk", flat=True))
                    form.cleaned_data[name] = Municipality.objects.filter(pk__in=chosen | others)
        return super().save_form(request, form, change)

    def may_revert(self, request: HttpRequest, record, current) -> bool:
        """A clerk puts back only a version of their town's row over a row of their town now
        (a row that once was theirs stays another town's), and restores a deleted row of theirs."""
        towns = town_ids(request.user)
        if towns is not None and not towns_of_version(record, self.town_field) & towns:
            return False
        return super().may_revert(request, record, current)

    def links_after_revert(self, request: HttpRequest, name: str, version_ids: list[int], current_ids: list[int]):
        """A clerk's revert gives back the version's links to their towns only; other towns' links
        stay as they are now (as the form does)."""
        towns = town_ids(request.user)
        if towns is None or name not in self.town_choice_fields:
            return super().links_after_revert(request, name, version_ids, current_ids)
        return sorted({pk for pk in version_ids if pk in towns} | {pk for pk in current_ids if pk not in towns})

    def owns(self, request: HttpRequest, obj: models.Model | None) -> bool:
        towns = town_ids(request.user)
        return towns is None or obj is None or bool(towns_of_row(obj, self.town_field) & towns)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.owns(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.owns(request, obj)
