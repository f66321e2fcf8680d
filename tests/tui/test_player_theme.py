"""Each player's own theme (tui/player_theme.py): switched to when they are chosen or named,
kept in their profile when they pick one (`t`, ctrl+p), never over a `--theme` of the command
line, and the first frame of a game from a kept opening already in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import SEED, TIMED, Clocks, make_app, quizzes_folder, settle, until

from quizgame.engine.openings import OpeningRequest, opening_of, write_opening
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.store import SavesFolder, player_key
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.themes import CYCLE


def _saves(tmp_path: Path, **themes: str | None) -> Path:
    """A saves folder with these players, each with that theme of their own (None: none)."""
    folder = SavesFolder(tmp_path / "saves")
    for name, theme in themes.items():
        folder.player(name).set_theme(theme)
    return tmp_path / "saves"


def _home_app(tmp_path: Path, **options: Any) -> QuizApp:
    return make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), **options)


async def _choose(pilot: Any, name: str) -> None:
    """Choose `name` on the home screen (once the lists are read)."""
    await settle(pilot)
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    await until(pilot, lambda: home.lists.quiz_table is not None)
    assert home.lists.choose_player(name)
    await settle(pilot)


def _notes(app: QuizApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


# (players' own themes, the run's --theme or $QUIZGAME_THEME, whether --theme named it,
#  who is chosen in turn, the theme on show after each)
CHOICES = [
    pytest.param({"Ana": "high-contrast", "Ben": None}, None, False, ["Ana", "Ben", "Ana"],
                 ["high-contrast", "textual-dark", "high-contrast"], id="own-then-none-then-own"),
    pytest.param({"Ana": "high-contrast", "Ben": None}, "textual-light", False, ["Ben", "Ana", "Ben"],
                 ["textual-light", "high-contrast", "textual-light"], id="env-theme-for-none"),
    pytest.param({"Ana": "high-contrast"}, "colour-blind", True, ["Ana"], ["colour-blind"],
                 id="command-line-theme-wins"),
    pytest.param({"Ana": "no-such-theme"}, None, False, ["Ana"], ["textual-dark"],
                 id="a-theme-textual-no-longer-has-is-left-unused"),
]


@pytest.mark.parametrize(("themes", "run_theme", "named", "chosen", "shown"), CHOICES)
async def test_choosing_a_player_switches_to_their_theme(
        tmp_path: Path, themes: dict[str, str | None], run_theme: str | None, named: bool,
        chosen: list[str], shown: list[str]) -> None:
    _saves(tmp_path, **themes)
    app = _home_app(tmp_path, theme=run_theme, player_themes=not named)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = []
        for name in chosen:
            await _choose(pilot, name)
            seen.append(app.theme)
        assert seen == shown
    assert {name: SavesFolder(tmp_path / "saves").player(name).theme() for name in themes} == themes


async def test_t_keeps_the_theme_for_the_chosen_player_and_only_for_them(tmp_path: Path) -> None:
    saves = _saves(tmp_path, Ana=None, Ben=None)
    app = _home_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until(pilot, lambda: home.lists.quiz_table is not None)
        home.query_one("#quizzes").focus()  # the keys, not the name box
        await pilot.press("t")  # nobody chosen: this run only
        assert app.theme == CYCLE[1] and "--theme high-contrast starts with it" in _notes(app)[-1]
        await _choose(pilot, "Ana")
        assert app.theme == "textual-dark"  # Ana has none of her own: the run's
        app.screen.query_one("#quizzes").focus()  # the keys, not the name box
        await pilot.press("t", "t")
        assert app.theme == CYCLE[2] and _notes(app)[-1] == "Theme: colour-blind, kept for Ana"
        await _choose(pilot, "Ben")
        assert app.theme == "textual-dark"
        # ctrl+p's "Change theme" sets the app's theme, as this does: kept for Ben.
        app.theme = "nord"
        await until(pilot, lambda: _notes(app)[-1] == "Theme: nord, kept for Ben")
        await _choose(pilot, "Ana")
        await settle(pilot)
        assert app.theme == "colour-blind"
    folder = SavesFolder(saves)
    assert (folder.player("Ana").theme(), folder.player("Ben").theme()) == ("colour-blind", "nord")


async def test_quickly_passing_over_players_keeps_no_theme(tmp_path: Path) -> None:
    """Each switch to a player's theme is signalled after it; a signal of one already replaced
    (the next name highlighted at once) is not a pick by the player on show."""
    saves = _saves(tmp_path, Ana="high-contrast", Ben=None, Cy="textual-light")
    app = _home_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _choose(pilot, "Ana")
        home = app.screen
        assert isinstance(home, HomeScreen)
        for name in ("Ben", "Cy", "Ben", "Ana", "Ben"):  # no pause: the signals queue up
            home.lists.choose_player(name)
        for _ in range(3):  # each signal is sent from the app's queue (`call_next`)
            await pilot.pause()
        assert app.theme == "textual-dark"
        assert not [note for note in _notes(app) if "kept for" in note]
    folder = SavesFolder(saves)
    assert [folder.player(name).theme() for name in ("Ana", "Ben", "Cy")] == [
        "high-contrast", None, "textual-light"]


async def test_a_profile_that_cannot_be_written_keeps_the_theme_for_this_run(tmp_path: Path) -> None:
    saves = _saves(tmp_path, Ana=None)
    app = _home_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _choose(pilot, "Ana")
        app.screen.query_one("#quizzes").focus()
        profile = SavesFolder(saves).player("Ana").path / "player.toml"
        profile.write_text("this is = not [a profile", encoding="utf-8")
        await pilot.press("t")
        await settle(pilot)
        assert app.theme == CYCLE[1]
        assert any("player.toml" in note for note in _notes(app))
    assert profile.read_text(encoding="utf-8") == "this is = not [a profile"  # left as it was


async def test_the_command_line_player_plays_in_their_theme(tmp_path: Path) -> None:
    """`play QUIZ --player Ana` with no kept opening: her theme once the game starts."""
    _saves(tmp_path, Ana="high-contrast")
    app = make_app(quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks(), player="Ana",
                   quiz_path=tmp_path / "quizzes" / TIMED.name)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        assert app.theme == "high-contrast"


@pytest.mark.parametrize(("kept", "named", "first_frame"), [
    ("high-contrast", None, "high-contrast"),
    (None, None, "textual-dark"),
    ("high-contrast", "colour-blind", "colour-blind"),
])
async def test_a_kept_opening_draws_its_first_frame_in_the_players_theme(
        tmp_path: Path, kept: str | None, named: str | None, first_frame: str) -> None:
    _saves(tmp_path, Ana=kept)
    quizzes = quizzes_folder(tmp_path, TIMED)
    quiz = quizzes / TIMED.name
    clocks = Clocks()
    session = GameSession.start(load_quiz(quiz), SavesFolder(tmp_path / "saves").player("Ana"),
                                "quiz", seed=SEED, clock=clocks.clock, monotonic=clocks.monotonic)
    opening = opening_of(session, quiz, kept)
    assert opening is not None
    app = make_app(quizzes, tmp_path / "saves", clocks, player="Ana", quiz_path=quiz,
                   opening=opening, theme=named, player_themes=named is None,
                   opening_request=OpeningRequest("timed", (quizzes,), tmp_path / "saves",
                                                  player_key("Ana")))
    assert app.theme == first_frame  # before the app runs: its first frame is drawn in it
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, QuestionScreen)
                    and not app.screen.waiting_for_session)
        assert app.theme == first_frame


async def test_the_opening_kept_for_the_next_game_keeps_the_players_theme(tmp_path: Path) -> None:
    from quizgame.engine.openings import read_opening

    _saves(tmp_path, Ana="colour-blind")
    quizzes = quizzes_folder(tmp_path, TIMED)
    request = OpeningRequest("timed", (quizzes,), tmp_path / "saves", player_key("Ana"))
    app = make_app(quizzes, tmp_path / "saves", Clocks(), player="Ana",
                   quiz_path=quizzes / TIMED.name, opening_request=request)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: read_opening(request, None) is not None)
    kept = read_opening(request, None)
    assert kept is not None and kept.theme == "colour-blind"
    write_opening(request, kept._replace(theme=None))  # written as it was read: no theme
    assert read_opening(request, None) == kept._replace(theme=None)
