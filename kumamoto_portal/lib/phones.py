"""Japanese phone numbers: validation, display and tel: links (via phonenumbers)."""

from functools import lru_cache

import phonenumbers
from django.core.exceptions import ValidationError


def parse_japanese_phone(text: str) -> phonenumbers.PhoneNumber:
    """Parse a Japanese number written as residents see it (096-363-4522).

    Raises ValidationError with a Japanese message when it is not a valid number.
    """
    try:
        number = phonenumbers.parse(text, "JP")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(f"「{text}」は電話番号として読み取れません。", code="invalid_phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            f"「{text}」は日本の電話番号として正しくありません。市外局番から入力してください(例: 096-363-4522)。",
            code="invalid_phone",
        )
    return number


def validate_japanese_phone(text: str) -> None:
    """Model-field validator: refuse anything that is not a valid Japanese number."""
    parse_japanese_phone(text)


@lru_cache(maxsize=1024)  # pages format the same few numbers on every request
def format_phone(text: str) -> str:
    """The national form with hyphens (0968-75-1312); unparsable text is returned as is."""
    try:
        return phonenumbers.format_number(parse_japanese_phone(text), phonenumbers.PhoneNumberFormat.NATIONAL)
    except ValidationError:
        return text


@lru_cache(maxsize=1024)
def tel_uri(text: str) -> str:
    """The RFC 3966 link for a number (tel:+81-968-75-1312), or "" when it is not valid."""
    try:
        number = parse_japanese_phone(text)
    except ValidationError:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)
