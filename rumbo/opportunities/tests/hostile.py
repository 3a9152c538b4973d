"""Values a filter of the opportunities list or API must answer without a server error."""

HOSTILE = [
    "²",
    "١٢",
    "½",
    "9" * 400,
    "-1",
    "",
    "x" * 10_000,
    "1\x00",
    "\x00",
    "javascript:alert(1)",
]
