"""Text helpers shared by every app."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case `text` and strip its accents, for accent- and case-insensitive matching.

    "Tapachula de Córdova" and "TAPACHULA DE CORDOVA" fold to the same string.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()
