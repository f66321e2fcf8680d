"""Every screen of the Textual game and its plain equivalent: where the same things are said
line by line, for screen readers, braille displays and scripts.

`SCREENS` maps each Textual screen or app (by "module:Class") to a plain entry point;
tests/test_plain_equivalents.py finds every `Screen`, `ModalScreen` and `App` of quizgame.tui
and fails for one missing here, and runs each entry point. `LIVE_VIEWS` does the same for the
views of a live game (each kind of message the hub sends), shown by `join --plain` and
`host --plain`. docs/accessibility.md has the same table, for people.
"""

from __future__ import annotations

from typing import NamedTuple


class Equivalent(NamedTuple):
    """The plain way to what one screen shows or does."""

    plain: str
    """The command, or where in plain mode."""
    what: str
    """What it shows there."""


SCREENS: dict[str, Equivalent] = {
    "quizgame.tui.app:QuizApp": Equivalent(
        "quizgame play --plain", "the whole game, line by line"),
    "quizgame.tui.screens.home:HomeScreen": Equivalent(
        "quizgame play --plain (without a QUIZ)",
        "who plays, the quizzes with your best score and cards due, the mode"),
    "quizgame.tui.screens.player_prompt:PlayerPromptScreen": Equivalent(
        "quizgame play QUIZ --plain (without --player)", "asks `Your name:`"),
    "quizgame.tui.screens.start:StartScreen": Equivalent(
        "quizgame play QUIZ --plain --player NAME",
        "starts at `Question 1 of N` (the screen under a game started from the command line "
        "shows nothing)"),
    "quizgame.tui.screens.ask:AskScreen": Equivalent(
        "quizgame play QUIZ --plain",
        "asks `continue` or `start again` for an unfinished game; says when practice has "
        "nothing due; Ctrl-D leaves (every answer is saved)"),
    "quizgame.tui.screens.question:QuestionScreen": Equivalent(
        "quizgame play QUIZ --plain",
        "each question (every type: numbered options, how to answer), then its feedback"),
    "quizgame.tui.screens.results:ResultsScreen": Equivalent(
        "quizgame play QUIZ --plain (its end)", "the `Results:` lines, one per answer"),
    "quizgame.tui.screens.leaderboard:LeaderboardScreen": Equivalent(
        "quizgame scores --quiz QUIZ", "the leaderboard (--first-attempt: first games)"),
    "quizgame.tui.screens.progress:ProgressScreen": Equivalent(
        "quizgame history --player NAME", "your games, one line each, oldest first"),
    "quizgame.tui.screens.accommodations:AccommodationsScreen": Equivalent(
        "quizgame player NAME",
        "a player's accommodations; --time 1.5|2|untimed and --no-speed-points set them"),
    "quizgame.tui.screens.help:HelpScreen": Equivalent(
        "/help on the plain home", "the commands, the keys of a game, the scoring rules"),
    "quizgame.tui.screens.report:ReportScreen": Equivalent(
        "quizgame report QUIZ", "the teacher's item analysis"),
    "quizgame.tui.screens.forecast:ForecastScreen": Equivalent(
        "quizgame report QUIZ", "the forgetting forecast, at the end of the report"),
    "quizgame.tui.live.host_app:HostApp": Equivalent(
        "quizgame host QUIZ --plain", "the teacher's controls, one line per event"),
    "quizgame.tui.live.join_app:JoinApp": Equivalent(
        "quizgame join ADDRESS --plain --code CODE --name NAME",
        "a student's live game, line by line"),
}

LIVE_VIEWS: dict[str, str] = {
    "welcome": "join: `Joined ... Your rejoin code: ...`",
    "lobby": "lobby: `Waiting for the teacher to start (N players in).`",
    "question": "question: `Question 1 of 5: ...`, its options, how to answer",
    "ack": "`Answer received; wait for the reveal.`",
    "reveal": "reveal: your verdict and points, `Right answer:`, `The class:` split",
    "standings": "standings: `Standings after question 1 of 5:`, one player a line",
    "podium": "podium: `Final podium:`, one player a line, `You are 1st of 25 ...`",
    "time": "`Time left: 20 seconds.`",
    "paused": "`The teacher paused the game.`",
}
"""Each kind of message a live client shows, and its line in `join --plain`."""
