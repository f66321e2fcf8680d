"""Card files of format 2: a review appends one card, whatever the number of cards; a torn
review is left out; other games' reviews are built on; format-1 card files still read."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgame.engine.records import CardState
from quizgame.errors import SaveError
from quizgame.store import SavesFolder, card_log
from quizgame.store.player import PlayerSaves

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def card(question_id: str, reviews: int = 1) -> CardState:
    return CardState(question_id=question_id, card_id=abs(hash(question_id)) % 10**9, state=2,
                     stability=3.25, difficulty=5.5, due=NOW + timedelta(days=reviews),
                     last_review=NOW, reviews=reviews)


@pytest.fixture
def zoe(tmp_path: Path) -> PlayerSaves:
    return SavesFolder(tmp_path / "saves").player("Zoë")


def again(saves: PlayerSaves) -> PlayerSaves:
    """The same player's saves in a fresh object, as another game (process) would have."""
    return SavesFolder(saves.path.parent).player(saves.name)


def cards_path(saves: PlayerSaves) -> Path:
    return saves.path / "cards" / "capitals.toml"


def test_a_review_appends_one_card_and_leaves_the_others_bytes_alone(zoe: PlayerSaves) -> None:
    for n in range(200):
        zoe.save_card("capitals", card(f"q{n}"))
    before = cards_path(zoe).read_bytes()
    zoe.save_card("capitals", card("q7", reviews=2))
    after = cards_path(zoe).read_bytes()
    assert after.startswith(before) and len(after) - len(before) < 400
    assert again(zoe).load_cards("capitals")["q7"].reviews == 2
    assert len(again(zoe).load_cards("capitals")) == 200


def test_the_file_is_one_toml_document_whose_last_table_of_a_question_is_its_card(
    zoe: PlayerSaves,
) -> None:
    zoe.save_card("capitals", card("q1"))
    zoe.save_card("capitals", card("q1", reviews=2))
    table = tomllib.loads(cards_path(zoe).read_text(encoding="utf-8"))
    assert table["format"] == 2 and table["quiz_id"] == "capitals"
    assert [c["reviews"] for c in table["cards"]] == [1, 2]
    assert [m["cards"] for m in table["saved"]] == [1, 1]


def test_an_undone_first_review_removes_the_card(zoe: PlayerSaves) -> None:
    zoe.save_card("capitals", card("q1"))
    zoe.save_card("capitals", card("q2"))
    zoe.restore_card("capitals", "q1", None)
    assert set(again(zoe).load_cards("capitals")) == {"q2"}
    zoe.save_card("capitals", card("q1", reviews=3))
    assert again(zoe).load_cards("capitals")["q1"].reviews == 3


@pytest.mark.parametrize("cut", range(1, 40, 4))
def test_a_review_cut_short_is_left_out_and_the_next_one_cuts_it_off(
    zoe: PlayerSaves, cut: int
) -> None:
    zoe.save_card("capitals", card("q1"))
    whole = cards_path(zoe).read_bytes()
    zoe.save_card("capitals", card("q2"))
    block = cards_path(zoe).read_bytes()[len(whole):]
    cards_path(zoe).write_bytes(whole + block[: len(block) * cut // 40])  # killed mid-write
    other = again(zoe)
    assert set(other.load_cards("capitals")) == {"q1"}
    other.save_card("capitals", card("q3"))
    assert set(again(zoe).load_cards("capitals")) == {"q1", "q3"}
    tomllib.loads(cards_path(zoe).read_text(encoding="utf-8"))  # the torn bytes are gone


def test_reviews_another_game_appended_are_read_and_built_on(zoe: PlayerSaves) -> None:
    other = again(zoe)
    zoe.save_card("capitals", card("q1"))
    other.update_card("capitals", "q1", lambda stored: card("q1", reviews=stored.reviews + 1))
    zoe.update_card("capitals", "q1", lambda stored: card("q1", reviews=stored.reviews + 1))
    assert again(zoe).load_cards("capitals")["q1"].reviews == 3


def test_a_file_replaced_behind_our_back_is_read_again_whole(zoe: PlayerSaves) -> None:
    zoe.save_card("capitals", card("q1"))
    zoe.load_cards("capitals")
    path = cards_path(zoe)
    path.write_text(path.read_text(encoding="utf-8").replace("reviews = 1", "reviews = 9"),
                    encoding="utf-8")
    assert zoe.load_cards("capitals")["q1"].reviews == 9


def test_a_bloated_file_is_written_anew_one_table_per_card(
    zoe: PlayerSaves, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(card_log, "_SLACK", 0)
    for reviews in range(1, 6):
        zoe.save_card("capitals", card("q1", reviews))
        zoe.save_card("capitals", card("q2", reviews))
    table = tomllib.loads(cards_path(zoe).read_text(encoding="utf-8"))
    assert len(table["cards"]) <= 2 * 2
    assert {q: c.reviews for q, c in again(zoe).load_cards("capitals").items()} == {
        "q1": 5, "q2": 5}


def test_a_card_file_of_format_1_reads_and_its_next_review_writes_format_2(
    zoe: PlayerSaves,
) -> None:
    path = cards_path(zoe)
    path.parent.mkdir()
    path.write_text('format = 1\nquiz_id = "capitals"\n\n[[cards]]\nquestion_id = "q1"\n'
                    'card_id = 1\nstate = 2\ndue = 2025-03-04 09:00:00+00:00\nreviews = 4\n',
                    encoding="utf-8")
    assert zoe.load_cards("capitals")["q1"].reviews == 4
    zoe.save_card("capitals", card("q2"))
    assert path.read_text(encoding="utf-8").startswith("format = 2\n")
    assert {q: c.reviews for q, c in again(zoe).load_cards("capitals").items()} == {
        "q1": 4, "q2": 1}


def test_a_marker_that_makes_no_sense_is_a_clear_error_and_the_file_is_left_alone(
    zoe: PlayerSaves,
) -> None:
    zoe.save_card("capitals", card("q1"))
    path = cards_path(zoe)
    text = path.read_text(encoding="utf-8").replace("cards = 1\n", "cards = 7\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SaveError, match=r"\[\[saved\]\] table 1 does not match"):
        again(zoe).load_cards("capitals")
    with pytest.raises(SaveError):
        again(zoe).save_card("capitals", card("q2"))
    assert path.read_text(encoding="utf-8") == text
