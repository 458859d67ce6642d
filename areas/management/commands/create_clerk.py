"""Create (or update) a clerk: a staff account that edits only its municipalities' rows.

    manage.py create_clerk tamana-library 432067
    CLERK_PASSWORD=… manage.py create_clerk kikuchi 432105 432113

The password comes from the CLERK_PASSWORD environment variable when it is set;
otherwise a random one is made and printed once. An existing user keeps its
password and gets the listed municipalities (replacing the earlier ones).
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from areas.models import Clerk, Municipality
from kumamoto_portal.staff.roles import CLERK_ROLE, setup_roles


class Command(BaseCommand):
    help = "市町村の職員のアカウントを作ります(担当する市町村の図書館とお知らせだけを編集できます)。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="ユーザー名")
        parser.add_argument("codes", nargs="+", metavar="CODE", help="担当する市町村の団体コード(6桁、複数可)")

    @transaction.atomic
    def handle(self, *args, username: str, codes: list[str], **options):
        towns = list(Municipality.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {town.code for town in towns})
        if unknown:
            raise CommandError(f"団体コードが見つかりません: {', '.join(unknown)}")
        if not Group.objects.filter(name=CLERK_ROLE).exists():  # migrate makes it; a flushed database lacks it
            setup_roles(Group, Permission)
        role = Group.objects.get(name=CLERK_ROLE)

        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        printed = None
        if created:
            password = os.environ.get("CLERK_PASSWORD") or secrets.token_urlsafe(12)
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError("CLERK_PASSWORD: " + " ".join(error.messages)) from None
            user.set_password(password)
            user.save()
            printed = None if os.environ.get("CLERK_PASSWORD") else password
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(role)
        clerk, _ = Clerk.objects.get_or_create(user=user)
        clerk.municipalities.set(towns)

        names = "、".join(town.name for town in towns)
        self.stdout.write(f"{'作成' if created else '更新'}しました: {username}(担当: {names})")
        if printed:
            self.stdout.write(f"初期パスワード(この一度だけ表示します): {printed}")
