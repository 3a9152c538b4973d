"""The engine's forgiving reading of what people type."""

import pytest

from rumbo.chat.engine import intent_match, normalise, option_match
from rumbo.chat.messages import Option

OPTIONS = [Option("a", "Para trabajar"), Option("b", "Para estudiar"), Option("c", "Honduras")]


@pytest.mark.parametrize(
    ("typed", "intent"),
    [
        ("MENÚ", "menu"),
        ("menu", "menu"),
        ("Hacer mi plan", "plan"),
        ("hacer mi plna", "plan"),
        ("quiero hablar con una persona", "person"),
        ("Borrar mis datos", "erase"),
        ("borar", "erase"),
        ("Punto más cercano", "nearest"),
        ("cita", "appointment"),
        ("Change language", "language"),
        ("Effacer mes données", "erase"),
        ("حذف بياناتي", "erase"),
        ("buscar", "search"),
    ],
)
def test_menu_entries_are_understood_in_peoples_own_words(db, typed, intent):
    assert intent_match(typed) == intent


@pytest.mark.parametrize("typed", ["xyzzy", "", "😀", "12345"])
def test_nonsense_matches_no_menu_entry(db, typed):
    assert intent_match(typed) is None


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("1", "a"),
        ("3", "c"),
        ("honduras", "c"),
        ("HONDURAS", "c"),
        ("hondura", "c"),
        ("trabajar", "a"),
        ("estudiar", "b"),
        ("trabajr", "a"),
    ],
)
def test_options_are_picked_by_number_title_or_a_small_misspelling(typed, chosen):
    found = option_match(typed, OPTIONS)
    assert found is not None
    assert found.id == chosen


@pytest.mark.parametrize("typed", ["0", "4", "para", "zzz"])
def test_an_ambiguous_or_unknown_answer_picks_nothing(typed):
    assert option_match(typed, OPTIONS) is None


def test_normalise_folds_accents_case_and_punctuation():
    assert normalise("¿Dónde  ESTÁ?") == "donde esta"
