"""Create the staff roles (groups) and give each the permissions of its app.

Roles: 圏域担当 (areas), 図書館担当 (libraries), 相談窓口担当 (counseling), お知らせ担当 (notices).
Every role may also view the member municipalities, which the other apps link to,
and view and add sources (出典), which every content row must cite.
Idempotent: permissions are only added, so what an administrator added to a
group by hand stays. Assign people to roles in the admin (ユーザー → グループ);
give them "スタッフ権限" and no "スーパーユーザー権限".
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

ROLES: dict[str, str] = {
    "圏域担当": "areas",
    "図書館担当": "libraries",
    "相談窓口担当": "counseling",
    "お知らせ担当": "notices",
}
SHARED = [("areas", "view_municipality"), ("kumamoto_portal", "view_source"), ("kumamoto_portal", "add_source")]


class Command(BaseCommand):
    help = "職員の役割(グループ)を作り、担当するアプリの権限を与えます。"

    @transaction.atomic
    def handle(self, *args, **options):
        shared = [Permission.objects.get(content_type__app_label=app, codename=code) for app, code in SHARED]
        for name, app_label in ROLES.items():
            group, _ = Group.objects.get_or_create(name=name)
            permissions = list(Permission.objects.filter(content_type__app_label=app_label))
            group.permissions.add(*shared, *permissions)
            self.stdout.write(f"{name}: {app_label} の権限 {len(permissions)} 件")
