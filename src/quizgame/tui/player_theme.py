"""Each player's own theme: switched to when they are known, kept when they change it.

A player's profile may name a theme (`PlayerSaves.theme`). Once the app knows who plays (chosen
on the home screen, or named on the command line) it switches to that theme, or back to the
run's own (`--theme`, `$QUIZGAME_THEME`, else Textual's default) for a player with none.
`--theme` on the command line keeps its own for everyone (`GameSettings.player_themes`). A theme
the player then picks (`t` on the home screen, or ctrl+p's "Change theme") is kept in their
profile, so it follows them to every machine that shares the saves folder; one picked while no
player is known lasts for this run only. A game started from a kept opening is drawn in the
theme the opening kept, the player's own (engine/openings.py): its first frame is already theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgame.tui.themes import known_theme

if TYPE_CHECKING:
    from textual.theme import Theme

    from quizgame.tui.app import QuizApp


class PlayerTheme:
    """Whose theme is on show in a `QuizApp`, and keeping the one a player picks."""

    def __init__(self, app: QuizApp, run_theme: str) -> None:
        self.app = app
        self.run_theme = run_theme
        """This run's theme: a player with none of their own plays in it."""
        self.player: str | None = None
        """The player whose theme is on show (None: nobody chosen yet)."""
        self._shown = app.theme
        """The theme last switched to here or picked: its signal is not a player's new pick."""

    def show(self, player: str) -> None:
        """Switch to `player`'s own theme, or to the run's when they have none (or when
        `--theme` named one)."""
        from quizgame.errors import QuizgameError

        self.player = player
        if not self.app.settings.player_themes:
            return
        try:
            saved = known_theme(self.app.saves.player(player).theme())
        except QuizgameError:
            saved = None  # an unreadable profile is reported where it matters: the game's start
        self._shown = saved or self.run_theme
        self.app.theme = self._shown

    def pick(self, theme: str) -> None:
        """The player picked `theme` (`t`): switch to it, and keep it as theirs."""
        self._shown = theme
        self.app.theme = theme
        self._keep(theme)

    def changed(self, theme: Theme) -> None:
        """Textual's theme signal (sent after each change): a theme picked elsewhere (ctrl+p)
        is kept like one picked with `t`. The signal of a switch made here, or of a theme
        already replaced by a later one, is not a pick."""
        if theme.name == self._shown or theme.name != self.app.theme:
            return
        self._shown = theme.name
        self._keep(theme.name)

    def _keep(self, theme: str) -> None:
        from quizgame.errors import QuizgameError

        player = self.player
        if player is None or known_theme(theme) is None:
            self.app.notify(f"Theme: {theme} (--theme {theme} starts with it)", markup=False)
            return
        try:
            self.app.saves.player(player).set_theme(theme)
        except QuizgameError as error:
            self.app.notify(str(error), title="The theme could not be kept", severity="error",
                            markup=False)
            return
        self.app.notify(f"Theme: {theme}, kept for {player}", markup=False)
