"""Staff roles (groups) and the Japanese names of permissions.

Roles: each app names the area-wide role that edits its rows (`staff_role` on its
AppConfig: 圏域担当, 図書館担当, 相談窓口担当, お知らせ担当), and whether 市町村担当, the
clerks of one or more municipalities (areas.Clerk), edit its rows of their towns
(`clerks_edit`: libraries and notices; the rows a clerk sees are chosen in areas/clerks.py). Every role may view and add
sources (出典), which every content row must cite; the area-wide roles may also view the
member municipalities, which the other apps link to.

`setup_roles` runs in a data migration (so a deploy that only migrates has the roles)
and in `manage.py setup_staff_roles`. Permissions are only added, never removed, so what
an administrator gave a group by hand stays.
"""

from kumamoto_portal.appconfig import staff_roles

CLERK_ROLE = "市町村担当"
SHARED = [("kumamoto_portal", "view_source"), ("kumamoto_portal", "add_source")]
AREA_WIDE_SHARED = [("areas", "view_municipality")]
# Rows that are not content but accounts: only superusers manage them.
NOT_FOR_ROLES = {"clerk"}
ACTIONS = {"add": "追加", "change": "変更", "delete": "削除", "view": "閲覧"}


def setup_roles(Group, Permission) -> dict[str, int]:
    """Create the role groups and give each its permissions; returns permissions per role."""
    counts = {}
    shared = list(Permission.objects.filter(_lookups(SHARED)))
    area_wide = list(Permission.objects.filter(_lookups(AREA_WIDE_SHARED)))
    for name, app_labels in staff_roles(CLERK_ROLE).items():
        group, _ = Group.objects.get_or_create(name=name)
        own = Permission.objects.filter(content_type__app_label__in=app_labels).exclude(
            content_type__model__in=NOT_FOR_ROLES
        )
        own = [p for p in own if not p.content_type.model.startswith("historical")]
        group.permissions.add(*shared, *([] if name == CLERK_ROLE else area_wide), *own)
        counts[name] = len(own)
    return counts


def japanese_permission_name(codename: str, verbose_name: str) -> str | None:
    """「図書館を変更できる」 for change_librarysystem; None for a codename not of the four actions."""
    action = codename.split("_", 1)[0]
    return f"{verbose_name}を{ACTIONS[action]}できる" if action in ACTIONS else None


def _lookups(pairs):
    from django.db.models import Q

    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return query
