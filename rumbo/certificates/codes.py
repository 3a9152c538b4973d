"""Certificate codes: 12 characters shown as XXXX-XXXX-XXXX, typed back however a person types.

The alphabet is Crockford's base 32 without 0, 1 (and so without O, I, L, which Crockford
already reads as those) and without U: no two characters look alike. 30^12 is about 2^59, so
codes cannot be guessed within any rate limit. Reading is forgiving: case, spaces, dashes of
any kind and digits of other scripts (Arabic-Indic, full-width) are accepted.
"""

import re
import secrets
import unicodedata

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
GROUP = 4
# Anything people put between groups: spaces, every kind of dash, dots, underscores.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212._/]+")
CODE_PATTERN = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")


def code_generate() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def _ascii_char(char: str) -> str:
    digit = unicodedata.decimal(char, None)
    return str(digit) if digit is not None else char


def code_normalise(text: str) -> str | None:
    """The stored form of a typed code (12 characters, no dashes), or None if it cannot be one."""
    if not isinstance(text, str) or len(text) > 4 * LENGTH:
        return None
    folded = unicodedata.normalize("NFKC", text)
    compact = "".join(_ascii_char(char) for char in _SEPARATORS.sub("", folded)).upper()
    return compact if CODE_PATTERN.fullmatch(compact) else None


def code_display(code: str) -> str:
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))
