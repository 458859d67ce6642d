"""Create the staff roles (groups) and give each its permissions (kumamoto_portal/staff/roles.py).

The migrations create them too; this command adds what a later model brought.
Idempotent: permissions are only added. Assign people to roles in the admin
(ユーザー → グループ), or make a town's clerk with `manage.py create_clerk`.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from kumamoto_portal.staff.roles import setup_roles


class Command(BaseCommand):
    help = "職員の役割(グループ)を作り、担当するアプリの権限を与えます。"

    @transaction.atomic
    def handle(self, *args, **options):
        for name, count in setup_roles(Group, Permission).items():
            self.stdout.write(f"{name}: 権限 {count} 件")
