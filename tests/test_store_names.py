"""Player names, player keys and file names: valid names, hostile names, and stable keys."""

from __future__ import annotations

import string
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgame.errors import PlayerNameError, SaveError
from quizgame.store import SavesFolder
from quizgame.store.lookalike import name_skeleton
from quizgame.store.names import display_name, file_stem, is_player_key, player_key

# Changing how keys are derived orphans every existing save: these values must never change.
PINNED_KEYS = {
    "Ana": "ana-24d4b96f58",
    "Zoë": "zoe-2752b88686",
    "zoe": "zoe-9d017e2681",
    "Ana Lee": "ana-lee-a3d0d8e6f5",
    "😀": "player-f0443a342c",
    "محمد": "player-0cb4c9b210",
}


@pytest.mark.parametrize(("name", "key"), PINNED_KEYS.items())
def test_player_keys_are_stable(name: str, key: str) -> None:
    assert player_key(name) == key


@pytest.mark.parametrize("same", [" ana ", "ANA", "Ａｎａ", "\tAna\u3000", "ana"])
def test_names_equal_after_trimming_case_and_width_are_one_player(same: str) -> None:
    assert player_key(same) == player_key("Ana")


@pytest.mark.parametrize(
    ("first", "second"),
    [("Zoë", "Zoe"), ("Ana", "Anna"), ("Ana Lee", "AnaLee"), ("Ana-Lee", "Ana Lee")],
)
def test_different_names_are_different_players(first: str, second: str) -> None:
    assert player_key(first) != player_key(second)


def test_composed_and_decomposed_accents_are_one_player() -> None:
    assert player_key("Zo\u00eb") == player_key("Zoe\u0308")


@pytest.mark.parametrize(
    "name",
    ["Ana", "Zoë", "محمد", "שרה", "李小龙", "😀🎉", "👩‍👩‍👧", "O'Brien-Smith Jr.", "x" * 40,
     "CON", "../x", "/etc/passwd", "C:\\Windows", "NUL.txt", "."],
)
def test_any_printable_name_up_to_40_characters_is_accepted(name: str) -> None:
    assert display_name(name) == name
    assert is_player_key(player_key(name))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "cannot be empty"),
        ("   \t\n ", "cannot be empty"),
        ("x" * 41, "at most 40 characters; this one has 41"),
        ("x" * 500, "this one has 500"),
        ("Ana\x00", "U+0000 at position 4"),
        ("Ana\x1bLee", "U+001B at position 4"),
        ("Ana\nLee", "control characters"),
        ("Ana\u0085Lee", "control characters"),
        ("Ana\u2028Lee", "control characters"),
        ("Ana\u202eeeL", "U+202E"),
        ("Ana\ud800", "U+D800"),
    ],
)
def test_unusable_names_are_refused_with_a_clear_message(name: str, message: str) -> None:
    with pytest.raises(PlayerNameError, match=message.replace("+", r"\+").replace(".", r"\.")):
        player_key(name)


def test_a_name_must_be_text() -> None:
    with pytest.raises(PlayerNameError, match="must be text"):
        display_name(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "CON", "..", "../../..", "a/../../b",
                                  "C:\\evil", "~root", "$HOME", "x" * 40, "NUL"])
def test_hostile_names_create_files_only_inside_the_saves_folder(tmp_path: Path, name: str) -> None:
    root = tmp_path / "saves"
    saves = SavesFolder(root).player(name)
    assert saves.path.parent == root
    assert is_player_key(saves.path.name)
    assert saves.name == name.strip()
    assert [p for p in tmp_path.iterdir()] == [root]


@pytest.mark.parametrize("name", ["", "x" * 500, "\x00", "bad\nname"])
def test_refused_names_create_nothing(tmp_path: Path, name: str) -> None:
    with pytest.raises(PlayerNameError):
        SavesFolder(tmp_path / "saves").player(name)
    assert list(tmp_path.iterdir()) == []


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_is_refused_or_gives_a_key_inside_the_folder(name: str) -> None:
    try:
        key = player_key(name)
    except PlayerNameError:
        return
    assert is_player_key(key) and len(key) <= 35
    assert key not in {"con", "prn", "aux", "nul"}
    root = Path("/saves")
    assert (root / key).parent == root


@given(st.text(min_size=1, max_size=45))
@settings(max_examples=40, deadline=None)
def test_any_text_creates_a_player_inside_the_folder_or_nothing(name: str) -> None:
    with tempfile.TemporaryDirectory() as base:
        root = Path(base) / "saves"
        try:
            saves = SavesFolder(root).player(name)
        except PlayerNameError:
            assert not root.exists()
            return
        assert saves.path.resolve().parent == root.resolve()
        assert [p.name for p in Path(base).iterdir()] == ["saves"]


@given(st.text(alphabet=string.ascii_letters + string.digits + " -_.", min_size=1, max_size=40))
def test_simple_names_round_trip_to_their_display_form(name: str) -> None:
    if name.strip():
        assert display_name(name) == name.strip()


@pytest.mark.parametrize(
    ("identifier", "stem"),
    [("capitals", "capitals"), ("nato-2025", "nato-2025"), ("con", "_con"), ("COM1", "_COM1"),
     ("lpt9", "_lpt9"), ("20250303T090000Z-con-a1b2c3", "20250303T090000Z-con-a1b2c3")],
)
def test_ids_become_file_stems_windows_can_open(identifier: str, stem: str) -> None:
    assert file_stem(identifier, "quiz") == stem


@pytest.mark.parametrize(
    "identifier",
    ["", "../x", "a/b", "a\\b", ".hidden", "a.b", "-x", "x" * 129, "with space", "zoë"],
)
def test_ids_that_are_no_safe_file_name_are_refused(identifier: str) -> None:
    with pytest.raises(SaveError, match="not usable as a file name"):
        file_stem(identifier, "quiz")


# -- look-alike names (issue 10, finding 9) ----------------------------------------------------

LOOKALIKES = tomllib.loads((Path(__file__).parent / "data" / "hostile" / "lookalike-names.toml")
                           .read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", LOOKALIKES["same"], ids=ascii)
def test_invisible_characters_are_removed_so_the_name_is_the_same_player(
    tmp_path: Path, name: str
) -> None:
    folder = SavesFolder(tmp_path / "saves")
    ana = folder.player("Ana")
    assert display_name(name) == "Ana"
    assert player_key(name) == ana.key
    assert folder.player(name).path == ana.path
    assert [info.name for info in folder.players()] == ["Ana"]


@pytest.mark.parametrize("name", LOOKALIKES["refused"], ids=ascii)
def test_a_name_that_looks_like_an_existing_player_is_refused(tmp_path: Path, name: str) -> None:
    folder = SavesFolder(tmp_path / "saves")
    folder.player("Ana")
    assert name_skeleton(name) == name_skeleton("Ana")
    with pytest.raises(PlayerNameError, match="looks the same as the existing player 'Ana'"):
        folder.player(name)
    assert [info.name for info in folder.players()] == ["Ana"]


@pytest.mark.parametrize(("first", "second"), [("Kim", "Kirn"), ("Al", "AI"), ("0li", "Oli")])
def test_uts39_confusables_are_one_skeleton(first: str, second: str) -> None:
    assert name_skeleton(first) == name_skeleton(second)


@pytest.mark.parametrize(("first", "second"), [("Zoë", "Zoe"), ("Ana", "Anna"), ("Li", "Lu")])
def test_names_that_look_different_stay_different(first: str, second: str) -> None:
    assert name_skeleton(first) != name_skeleton(second)
