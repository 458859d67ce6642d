"""団体コード check digit (JIS X 0402: weights 6,5,4,3,2)."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from areas.models import validate_code
from areas.rules import check_digit, is_valid_code

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "areas.json"
MEMBER_CODES = [
    row["fields"]["code"] for row in json.loads(FIXTURE.read_text()) if row["model"] == "areas.municipality"
]


def test_the_fixture_holds_all_24_members():
    assert len(MEMBER_CODES) == 24


@pytest.mark.parametrize("code", MEMBER_CODES)
def test_every_member_code_is_valid(code):
    assert is_valid_code(code)


@pytest.mark.parametrize("code", MEMBER_CODES)
def test_changing_the_last_digit_makes_a_member_code_invalid(code):
    for digit in "0123456789":
        if digit != code[5]:
            assert not is_valid_code(code[:5] + digit)


def test_check_digit_of_kumamoto_and_tamana():
    assert check_digit("43100") == 1
    assert check_digit("43206") == 7


def test_a_remainder_of_one_gives_zero_and_of_zero_gives_one():
    assert check_digit("00006") == 0  # sum 12, 12 mod 11 = 1, 11 − 1 = 10 → last digit 0
    assert check_digit("00000") == 1  # sum 0, 11 − 0 = 11 → last digit 1
    assert check_digit("00001") == 9  # sum 2, 11 − 2 = 9


@pytest.mark.parametrize("code", ["", "43100", "4310011", "43100a", "４３１００１", " 431001", "43-001"])
def test_malformed_codes_are_invalid(code):
    assert not is_valid_code(code)


def test_check_digit_refuses_a_malformed_prefix():
    with pytest.raises(ValueError):
        check_digit("4310")


def test_validator_explains_a_wrong_check_digit():
    with pytest.raises(ValidationError) as error:
        validate_code("431002")
    assert "検査数字" in error.value.messages[0]
    assert "1 になります" in error.value.messages[0]


def test_validator_explains_a_malformed_code():
    with pytest.raises(ValidationError) as error:
        validate_code("4310")
    assert "半角数字6桁" in error.value.messages[0]
