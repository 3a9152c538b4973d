"""Whole numbers taken from a request: the one parser every view, form and API uses.

`str.isdigit()` accepts characters `int()` rejects (superscripts such as "²"), and `int()`
accepts what a database column cannot hold (a 400-digit number) or what no one typed on
purpose ("1_000", surrounding spaces of other scripts). `parse_int` never raises: it
returns None for anything that is not a plain whole number within bounds, so the caller
answers with a message, never a 500.

Decimal digits of any script count (Unicode category Nd): an Arabic speaker typing an age
as "١٧" (Arabic-Indic) or "۱۷" (Eastern Arabic-Indic) means 17. Superscripts, fractions
("½"), circled or Roman numerals are not decimal digits and are refused.
"""

import unicodedata

# A database integer holds at most 19 digits (a signed 64-bit BIGINT); anything longer is
# refused before conversion, so a megabyte of digits costs nothing to refuse.
MAX_DIGITS = 19
# The largest value a signed 64-bit column holds: the default upper bound.
BIGINT_MAX = 2**63 - 1


def parse_int(
    value: object,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    """`value` as an int, or None when it is not a whole number in [minimum, maximum].

    Accepts an optional leading "-" or "+" and decimal digits of any script; surrounding
    whitespace is ignored. Without `maximum`, values beyond a 64-bit integer are refused.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        parsed = _parse_digits(value)
        if parsed is None:
            return None
        number = parsed
    else:
        return None
    if abs(number) > BIGINT_MAX:
        return None
    if minimum is not None and number < minimum:
        return None
    if maximum is not None and number > maximum:
        return None
    return number


def _parse_digits(text: str) -> int | None:
    text = text.strip()
    sign = 1
    if text[:1] in ("-", "+", "\N{MINUS SIGN}"):
        sign = -1 if text[0] != "+" else 1
        text = text[1:]
    if not text or len(text) > MAX_DIGITS:
        return None
    number = 0
    for character in text:
        # decimal() knows only Nd characters: "²" and "½" have no decimal value.
        digit = unicodedata.decimal(character, None)
        if digit is None:
            return None
        number = number * 10 + digit
    return sign * number


def ascii_digits(text: str) -> str:
    """The decimal digits of `text`, in any script, as ASCII digits; everything else dropped
    ("+" too: callers that keep it add it back). "٠٥٥ ١٢٣" gives "055123"; "²" gives ""."""
    return "".join(
        str(digit)
        for character in text
        if (digit := unicodedata.decimal(character, None)) is not None
    )
