"""What staff type is stored as residents should read it: phone numbers in the national form, times without seconds."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from kumamoto_portal.lib.fields import PhoneField
from kumamoto_portal.lib.phones import format_phone
from libraries.models import Location

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed",
    ["096-272-6915", "0962726915", "０９６－２７２－６９１５", "096 272 6915", " 096(272)6915 ", "+81 96 272 6915"],
)
def test_a_number_is_stored_in_the_national_form(typed):
    assert PhoneField(max_length=20).clean(typed, None) == "096-272-6915"


def test_a_wrong_number_is_refused_with_a_japanese_message():
    with pytest.raises(ValidationError, match="電話番号"):
        PhoneField(max_length=20).clean("12345", None)


@pytest.mark.usefixtures("reference_data")
def test_the_admin_form_saves_the_normalised_number(admin_client):
    from tests.helpers import form_data

    location = Location.objects.get(name="玉名市民図書館")
    url = f"/admin/libraries/location/{location.pk}/change/"
    data = {**form_data(admin_client.get(url).content.decode(), "location_form"), "phone": "０９６８７５１３１５"}
    assert admin_client.post(url, data).status_code == 302
    location.refresh_from_db()
    assert location.phone == "0968-75-1315"


@pytest.mark.usefixtures("reference_data")
def test_every_stored_number_is_already_in_that_form():
    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, PhoneField) and not model.__name__.startswith("Historical"):
                for value in model.objects.exclude(**{field.name: ""}).values_list(field.name, flat=True):
                    assert value == format_phone(value), (model, value)


@pytest.mark.usefixtures("reference_data")
def test_times_are_shown_without_seconds(admin_client):
    from counseling.models import Service

    html = admin_client.get(f"/admin/counseling/service/{Service.objects.get().pk}/change/").content.decode()
    assert 'value="18:00"' in html and "18:00:00" not in html
    notice_form = admin_client.get("/admin/notices/notice/add/").content.decode()
    assert 'name="published_at_1"' in notice_form


@pytest.mark.usefixtures("reference_data")
def test_help_texts_say_which_fields_residents_see(admin_client):
    from libraries.models import Location

    html = admin_client.get(f"/admin/libraries/location/{Location.objects.first().pk}/change/").content.decode()
    phone_help = html.split('id="id_phone_helptext"')[1].split("</div>")[0]
    order_help = html.split('id="id_display_order_helptext"')[1].split("</div>")[0]
    assert "住民のページに表示されます" in phone_help
    assert "職員用です(住民には表示しません)" in order_help
