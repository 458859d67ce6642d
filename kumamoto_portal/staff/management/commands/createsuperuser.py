"""`createsuperuser` that applies the password policy also with --noinput.

Django checks AUTH_PASSWORD_VALIDATORS only when it asks for the password at the
prompt; `--noinput` with DJANGO_SUPERUSER_PASSWORD took any password, "1" included.
"""

import os

from django.contrib.auth.management.commands import createsuperuser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


class Command(createsuperuser.Command):
    def handle(self, *args, **options):
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password:
            fields = {
                name: options.get(name) or os.environ.get(f"DJANGO_SUPERUSER_{name.upper()}")
                for name in (self.UserModel.USERNAME_FIELD, *self.UserModel.REQUIRED_FIELDS)
            }
            try:
                validate_password(password, self.UserModel(**fields))
            except ValidationError as error:
                raise CommandError(
                    "DJANGO_SUPERUSER_PASSWORD がパスワードの方針に合いません: " + " ".join(error.messages)
                ) from error
        return super().handle(*args, **options)
