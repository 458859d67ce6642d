"""The two finders' inputs: "I borrowed at …" (?from=) and "I live in …" (?resident=).

A value that is not of the right form (not digits) is refused before any
query; a well-formed value that matches no row is an unknown choice. The views
answer 400 for the first and 404 for the second, with the form's message.
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from areas.models import Municipality

from .models import Location

MALFORMED = "malformed"


class CheckedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses values not matching `pattern` before looking them up."""

    def __init__(self, *args, pattern: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pattern = re.compile(pattern, re.ASCII)

    def to_python(self, value):
        if value not in self.empty_values and not self.pattern.fullmatch(str(value)):
            raise ValidationError(self.error_messages[MALFORMED], code=MALFORMED)
        return super().to_python(value)


class ReturnFinderForm(forms.Form):
    borrowed_at = CheckedModelChoiceField(
        queryset=Location.objects.select_related("system__municipality"),
        to_field_name="pk",
        pattern=r"[0-9]{1,9}",  # more digits would overflow the id column
        error_messages={
            "required": "借りた施設を一覧から選んでください。",
            MALFORMED: "借りた施設を一覧から選んでください。",
            "invalid_choice": "選んだ施設は見つかりませんでした。一覧から選び直してください。",
        },
    )

    def __init__(self, data) -> None:
        super().__init__({"borrowed_at": data.get("from")})


class EligibilityFinderForm(forms.Form):
    resident = CheckedModelChoiceField(
        queryset=Municipality.objects.none(),
        to_field_name="code",
        pattern=r"[0-9]{6}",
        error_messages={
            "required": "お住まいの市町村を一覧から選んでください。",
            MALFORMED: "お住まいの市町村を一覧から選んでください。",
            "invalid_choice": "選んだ市町村は、熊本連携中枢都市圏の構成市町村の中に見つかりませんでした。",
        },
    )

    def __init__(self, data, today: date) -> None:
        super().__init__({"resident": data.get("resident")})
        self.fields["resident"].queryset = Municipality.objects.members_as_of(today)


def error_status(form: forms.Form) -> int:
    """404 when the only problem is a well-formed value that matches nothing, else 400."""
    return 404 if any(e.code == "invalid_choice" for errors in form.errors.as_data().values() for e in errors) else 400


def first_error(form: forms.Form) -> str:
    """The form's one message for the resident."""
    return next(iter(form.errors.values()))[0]
