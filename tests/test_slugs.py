"""One slug function for ids made on import and for player keys: accents transliterated."""

from __future__ import annotations

import pytest

from interop_helpers import DATA
from quizgame.interop.csv_format import read_questions
from quizgame.interop.importing import default_quiz_id
from quizgame.slugs import slug
from quizgame.store.names import player_key

ACCENTED = DATA / "edges" / "accented-prompts.csv"


def test_imported_ids_transliterate_accents_as_player_names_do() -> None:
    result = read_questions(ACCENTED.read_text(encoding="utf-8"), ACCENTED)
    assert result.errors == []
    assert [q.id for q in result.questions] == [
        "quelle-planete-est-la-plus-proche-du-soleil", "strasse-oder-weg", "q",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("planète", "planete"), ("Chloé", "chloe"), ("Straße", "strasse"), ("Ｆｕｌｌ", "full"),
    ("¿Qué?", "que"), ("😀", "q"), ("", "q"),
])
def test_slug_transliterates(text: str, expected: str) -> None:
    assert slug(text, 48, "q") == expected


def test_player_key_and_import_id_share_the_slug() -> None:
    assert player_key("Chloé").startswith(slug("Chloé", 24, "player") + "-")
    assert default_quiz_id(DATA / "Planète Élève.csv") == "planete-eleve"
