import pytest

from rumbo.core.numbers import BIGINT_MAX, ascii_digits, parse_int


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("-3", -3),
        ("+7", 7),
        ("0", 0),
        ("١٢", 12),  # Arabic-Indic digits, as typed on an Arabic keyboard
        ("۱۷", 17),  # Eastern Arabic-Indic (Persian, Urdu) digits
        ("१७", 17),  # Devanagari digits are decimal digits too
    ],
)
def test_parse_int_reads_decimal_digits_of_any_script(text, number):
    assert parse_int(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "²",  # isdigit() is True, int() raises
        "1²",
        "½",
        "Ⅻ",
        "①",
        "",
        " ",
        "-",
        "1.0",
        "1e3",
        "1_000",
        "0x10",
        "12abc",
        "9" * 400,
        "\x00",
        "\ufffd",
    ],
)
def test_parse_int_refuses_what_is_not_a_plain_whole_number(text):
    assert parse_int(text) is None


def test_parse_int_refuses_values_a_database_integer_cannot_hold():
    assert parse_int(str(BIGINT_MAX)) == BIGINT_MAX
    assert parse_int(str(BIGINT_MAX + 1)) is None
    assert parse_int("9" * 19) is None


def test_parse_int_applies_the_bounds_it_is_given():
    assert parse_int("5", minimum=1, maximum=10) == 5
    assert parse_int("0", minimum=1) is None
    assert parse_int("-5", minimum=1) is None
    assert parse_int("11", maximum=10) is None


@pytest.mark.parametrize("value", [None, 1.5, b"12", ["1"], True])
def test_parse_int_refuses_other_types_without_raising(value):
    assert parse_int(value) is None


def test_parse_int_passes_an_int_through_its_bounds():
    assert parse_int(4, minimum=1) == 4
    assert parse_int(0, minimum=1) is None


@pytest.mark.parametrize(
    ("text", "digits"),
    [("+502 2411-1111", "50224111111"), ("٠٥٥ ١٢٣", "055123"), ("²½", ""), ("", "")],
)
def test_ascii_digits_keeps_decimal_digits_of_any_script_only(text, digits):
    assert ascii_digits(text) == digits
