import pytest

from rumbo.certificates.codes import ALPHABET, code_display, code_generate, code_normalise


def test_codes_use_no_ambiguous_characters():
    assert not set("01OIL") & set(ALPHABET)
    codes = {code_generate() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == 12 and set(code) <= set(ALPHABET) for code in codes)


def test_codes_are_shown_in_three_groups_of_four():
    assert code_display("ABCDEFGHJKMN") == "ABCD-EFGH-JKMN"


@pytest.mark.parametrize(
    "typed",
    [
        "ABCD-EFGH-JKMN",
        "abcd efgh jkmn",
        "abcdefghjkmn",
        " AbCd–EfGh—JkMn ",
        "ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ",
    ],
)
def test_typed_code_ignores_case_spaces_and_dashes(typed):
    assert code_normalise(typed) == "ABCDEFGHJKMN"


def test_digits_of_other_scripts_are_read():
    assert code_normalise("٢٣٤٥-6789-ABCD") == "23456789ABCD"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "ABCD-EFGH-JKM",
        "ABCD-EFGH-JKMNP",
        "ABCD-EFGH-JKM0",
        "OBCD-EFGH-JKMN",
        "ABCD-EFGH-JKML",
        "A" * 500,
        "ABCD-EFGH-JKM\x00",
        "<script>",
    ],
)
def test_text_that_cannot_be_a_code_is_refused(typed):
    assert code_normalise(typed) is None
