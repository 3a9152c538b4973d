"""Text rules of the guides' search, the same for indexing and querying.

Words are folded (no accents, lower case), stripped of the most common words, and reduced by a
light stemmer that removes plural endings and a final vowel, so "Pasaportes", "pasaporte" and
"PASAPORTE" all become "pasaport". Small typos are then forgiven by edit distance (see
`typo_budget`) against the stored terms that share the word's first letter.
"""

import re

from rumbo.core.text import fold

WORD = re.compile(r"\w+")
MAX_TERM_LENGTH = 60

STOPWORDS = frozenset(
    # Spanish
    "a al con de del el en es la las lo los para por que se su sus un una y o como mas "
    # English
    "an and are as at be by for from in is it of on or the to with your you "
    # French
    "au aux ce dans des du et le les ou par pour sur une vous votre".split()
)


def stem(word: str) -> str:
    """A light plural-and-vowel stemmer for Spanish, English and French words (already folded).

    Arabic and other scripts pass unchanged: their words are matched by folding and typos only.
    """
    if not word.isascii() or len(word) <= 3:
        return word
    if word.endswith("es") and len(word) > 5:
        word = word[:-2]
    elif word.endswith("s") and len(word) > 4:
        word = word[:-1]
    if word[-1] in "aeo" and len(word) > 4:
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """The search terms of `text`, in order, repeats kept."""
    return [
        stem(word)[:MAX_TERM_LENGTH]
        for word in WORD.findall(fold(text))
        if word not in STOPWORDS and (len(word) > 1 or not word.isascii())
    ]


def typo_budget(term: str) -> int:
    """How many edits a query term may be from a stored one: none for short words."""
    if len(term) <= 3:
        return 0
    return 1 if len(term) <= 7 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance between `a` and `b`, or `limit + 1` once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
