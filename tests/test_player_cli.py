"""`quizgame player NAME`: show, set and reset a player's accommodations; clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.engine.accommodations import Accommodations
from quizgame.store import SavesFolder

STORE = Path(__file__).parent / "data" / "store" / "saves"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["player", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(("options", "shown", "stored"), [
    ([], "Ana: accommodations: none.", Accommodations()),
    (["--time", "2"], "twice the time (time=2).", Accommodations(2.0)),
    (["--time", "1.5", "--no-speed-points"], "1.5 times the time, no speed points "
     "(time=1.5 no-speed-points).", Accommodations(1.5, False)),
    (["--time", "untimed"], "untimed (time=untimed).", Accommodations(None)),
])
def test_set_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str],
                      shown: str, stored: Accommodations) -> None:
    saves = tmp_path / "saves"
    SavesFolder(saves).player("Ana")
    status, out, _ = run(capsys, "Ana", *options, "--saves", str(saves))
    assert status == 0 and out.strip().endswith(shown)
    assert SavesFolder(saves).player("Ana").accommodations() == stored


def test_each_option_changes_only_what_it_names(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    saves = tmp_path / "saves"
    SavesFolder(saves).player("Ana").set_accommodations(Accommodations(2.0, False))
    run(capsys, "Ana", "--speed-points", "--saves", str(saves))
    assert SavesFolder(saves).player("Ana").accommodations() == Accommodations(2.0)
    run(capsys, "Ana", "--time", "1", "--saves", str(saves))
    assert SavesFolder(saves).player("Ana").accommodations() == Accommodations()
    SavesFolder(saves).player("Ana").set_accommodations(Accommodations(2.0, False))
    status, out, _ = run(capsys, "Ana", "--clear", "--saves", str(saves))
    assert status == 0 and out == "Ana: accommodations: none.\n"


def test_an_old_profile_without_accommodations_reads_as_none(capsys) -> None:
    status, out, _ = run(capsys, "Ana", "--saves", str(STORE))
    assert status == 0 and out == "Ana: accommodations: none.\n"


@pytest.mark.parametrize(("options", "message"), [
    (["Zoe"], "no player called 'Zoe' in "),
    (["Ana", "--time", "3"], "'3' is not a time allowance: use one of 1, 1.5, 2, untimed"),
    (["Ana", "--clear", "--time", "2"], "--clear removes every accommodation: give it alone"),
])
def test_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str],
                  message: str) -> None:
    saves = tmp_path / "saves"
    SavesFolder(saves).player("Ana")
    status, _, err = run(capsys, *options, "--saves", str(saves))
    assert status == 2 and message in err
    assert SavesFolder(saves).player("Ana").accommodations() == Accommodations()


def test_new_creates_a_player_on_purpose(tmp_path: Path, capsys) -> None:
    saves = tmp_path / "saves"
    status, out, _ = run(capsys, "Zoë", "--new", "--time", "2", "--saves", str(saves))
    assert status == 0 and "Zoë: accommodations: twice the time" in out


@pytest.mark.parametrize(("before", "options", "shown", "stored"), [
    (None, ["--theme", "high-contrast"], "Ana: theme: high-contrast.", "high-contrast"),
    (None, ["--theme", "Color-Blind", "--time", "2"], "Ana: theme: colour-blind.", "colour-blind"),
    ("high-contrast", [], "Ana: theme: high-contrast.", "high-contrast"),
    ("high-contrast", ["--clear"], "Ana: theme: high-contrast.", "high-contrast"),
    ("high-contrast", ["--theme", "none"], "Ana: theme: none of their own.", None),
])
def test_a_players_own_theme(tmp_path: Path, capsys: pytest.CaptureFixture[str], before: str | None,
                             options: list[str], shown: str, stored: str | None) -> None:
    saves = tmp_path / "saves"
    SavesFolder(saves).player("Ana").set_theme(before)
    status, out, _ = run(capsys, "Ana", *options, "--saves", str(saves))
    assert status == 0 and out.splitlines()[-1] == shown
    assert SavesFolder(saves).player("Ana").theme() == stored


def test_a_theme_that_does_not_exist_is_refused_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saves = tmp_path / "saves"
    SavesFolder(saves).player("Ana").set_theme("colour-blind")
    status, _, err = run(capsys, "Ana", "--theme", "purple-rain", "--time", "2", "--saves", str(saves))
    assert status == 2 and "there is no theme 'purple-rain'; the themes are: high-contrast" in err
    ana = SavesFolder(saves).player("Ana")
    assert (ana.theme(), ana.accommodations()) == ("colour-blind", Accommodations())
