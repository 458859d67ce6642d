"""Model fields that refuse staff input which would break a page or a file."""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models

from .phones import format_phone, validate_japanese_phone


def validate_single_line(value: str) -> None:
    """Refuse line breaks, tabs and other control characters in a one-line field
    (they break headings, the .ics feed and the CSV)."""
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            "改行やタブなどの制御文字は入力できません。1行で入力してください。", code="control_character"
        )


def one_line(value: str) -> str:
    """`value` with every control character replaced by a space (for rows saved before the check)."""
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)


class LineField(models.CharField):
    """A one-line text field: control characters (line breaks included) are refused."""

    default_validators = [validate_single_line]


class PhoneField(LineField):
    """A Japanese phone number, stored in the usual national form (096-272-6915) whatever way it
    was typed (full-width digits, spaces, no hyphens), so pages, JSON-LD and the CSV agree.
    Refused with a Japanese message when it is not a valid number."""

    default_validators = [validate_single_line, validate_japanese_phone]

    def to_python(self, value):
        value = super().to_python(value)
        return format_phone(unicodedata.normalize("NFKC", value).strip()) if value else value


class WebURLField(models.URLField):
    """A web address: http:// or https:// only."""

    default_validators = [
        URLValidator(schemes=["http", "https"], message="http:// か https:// で始まる URL を入力してください。")
    ]


site_path_validator = RegexValidator(
    r"^/(?![/\\])[\w\-/]*$",
    "このサイト内のパスを / 1つから入力してください(例: /libraries/)。// で始まるアドレスは使えません。",
    code="not_site_path",
)
