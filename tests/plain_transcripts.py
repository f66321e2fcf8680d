"""Plain transcripts of every screen (issue 16), made in-process on frozen clocks from committed
data: the golden files in tests/data/plain/golden/ are these, and tests/test_plain_golden.py and
tests/test_plain_equivalents.py read them. Paths of the test's own folders read `<saves>`,
`<quizzes>`, so that a transcript is the same on every machine."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from fakes import FakeClock, MemoryStore
from quizgame.classroom.standings import player_standings
from quizgame.cli import main
from quizgame.engine.grading import parse_response
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.plain import Console, play_plain
from quizgame.plain.help import help_lines
from quizgame.plain.home import Home
from quizgame.plain.live_host import event_line
from quizgame.plain.live_join import message_lines
from quizgame.store import SavesFolder
from quizgame.tui.catalog import scan_quizzes

TESTS = Path(__file__).parent
EVERY_TYPE = TESTS / "data" / "valid" / "all-types.toml"
NO_EXAM = TESTS / "data" / "engine" / "all-types.toml"
CLASSROOM = TESTS / "data" / "classroom"
LIVE_MESSAGES = TESTS / "data" / "plain" / "live-messages.toml"
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SEED = 3
ROUND = 13
"""Every question of the quiz (its own round is shorter): each type is in the transcript."""
NEW_LIMIT = 20
"""More than the quiz's questions: practice learns every card in one game."""


class TimedInput(io.StringIO):
    """Lines typed one a second: the clocks move as a player would take time."""

    def __init__(self, lines: list[str], clock: FakeClock) -> None:
        super().__init__("".join(f"{line}\n" for line in lines))
        self.clock = clock

    def readline(self, *args: object) -> str:
        self.clock.advance(seconds=1)
        return super().readline()


def _lines_for(shown: PresentedQuestion, *, wrong: bool) -> list[str]:
    """An answer plain mode reads, right (or, with `wrong`, the first option everywhere)."""
    question = shown.question
    value: object = question
    match shown.type:
        case "choice" | "poll":
            return ["1"] if wrong or shown.type == "poll" else [str(value.answer)]  # type: ignore[attr-defined]
        case "multi":
            return ["1"] if wrong else [", ".join(value.answers)]  # type: ignore[attr-defined]
        case "truefalse":
            return ["false" if wrong else str(value.answer).lower()]  # type: ignore[attr-defined]
        case "number" | "estimate":
            return ["1" if wrong else str(value.answer)]  # type: ignore[attr-defined]
        case "text":
            return ["Brussels" if wrong else value.answers[0]]  # type: ignore[attr-defined]
        case "order":
            return [", ".join(shown.options if wrong else value.items)]  # type: ignore[attr-defined]
        case "match":
            partner = dict(value.pairs)  # type: ignore[attr-defined]
            rights = [partner[left] for left in shown.lefts]
            return [", ".join(rights[1:] + rights[:1] if wrong else rights)]
        case "categorize":
            bucket = value.bucket_of()  # type: ignore[attr-defined]
            return [", ".join(bucket[left] for left in shown.lefts)]
        case "cloze":
            return ["Paris", "France", "987"]
    raise AssertionError(shown.type)


def every_type_script(wrong: set[str], mode: str = "quiz", quiz: Path = EVERY_TYPE) -> list[str]:
    """The lines a player types for the every-type quiz (seed SEED, all its questions): the
    types in `wrong` answered wrong, a hint asked on the first question, Enter after each
    feedback, `!!` after a wrong text answer (a claim for the teacher)."""
    clock = FakeClock(START)
    probe = GameSession.start(load_quiz(quiz), MemoryStore(), mode, seed=SEED,  # type: ignore[arg-type]
                              clock=clock, monotonic=clock.monotonic, new_limit=NEW_LIMIT,
                              round_size=ROUND)
    script: list[str] = []
    while (shown := probe.current()) is not None:
        lines = _lines_for(shown, wrong=shown.type in wrong)
        if shown.number == 1:
            script.append("?")
        probe.submit(parse_response(shown, "\n".join(lines)))  # the lines must be readable
        script += lines
        if shown.type in wrong and shown.type == "text":
            script.append("!!")
        script.append("")
    return script


def _play(saves: Path, lines: list[str], *, player: str | None, mode: str = "quiz",
          quiz: Path = EVERY_TYPE) -> str:
    clock = FakeClock(START)
    out = io.StringIO()
    folder = SavesFolder(saves)
    play_plain(load_quiz(quiz), folder.player, Console(TimedInput(lines, clock), out),
               player=player, mode=mode, seed=SEED, clock=clock,  # type: ignore[arg-type]
               monotonic=clock.monotonic, round_size=ROUND, new_limit=NEW_LIMIT)
    return out.getvalue()


def _cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    return out.getvalue()


def _placeholders(text: str, **paths: Path) -> str:
    for name, path in paths.items():
        text = text.replace(str(path), f"<{name}>")
    return text


def question(tmp: Path) -> str:
    """`play QUIZ --plain` without --player: the name asked, every type, feedback, results."""
    script = every_type_script(wrong={"choice", "multi", "number", "order", "match"})
    return _play(tmp / "saves", ["Ana", *script], player=None)


def claims(tmp: Path) -> str:
    """A claim filed from plain mode, then listed by `quizgame claims`."""
    saves = tmp / "saves"
    _play(saves, every_type_script(wrong={"text"}), player="Ana")
    return _placeholders(_cli("claims", str(EVERY_TYPE), "--saves", str(saves)), saves=saves,
                         quizzes=EVERY_TYPE.parent)


def continue_game(tmp: Path) -> str:
    """An unfinished game: continue or start again (the TUI's dialog)."""
    saves = tmp / "saves"
    script = every_type_script(wrong=set())
    _play(saves, script[:3], player="Ana")  # the hint, one answer and its Enter, then the input ends
    return _play(saves, ["c", *script[3:6]], player="Ana")


def nothing_due(tmp: Path) -> str:
    """Practice with every card learnt today: when to come back (the TUI's dialog). A quiz
    without an exam date: an exam's schedule would bring cards back the same day."""
    saves = tmp / "saves"
    script = every_type_script(wrong=set(), mode="practice", quiz=NO_EXAM)
    _play(saves, script, player="Ana", mode="practice", quiz=NO_EXAM)
    return _play(saves, [], player="Ana", mode="practice", quiz=NO_EXAM)


def home(tmp: Path) -> str:
    """`play --plain` without a quiz: who plays, the quizzes, the mode, then a game."""
    quizzes = tmp / "quizzes"
    quizzes.mkdir()
    shutil.copy(EVERY_TYPE, quizzes / "all-types.toml")
    (quizzes / "broken.toml").write_text("[quiz]\nid = 'broken'\n", encoding="utf-8")
    saves = SavesFolder(tmp / "saves")
    saves.player("Ben")
    clock = FakeClock(START)
    out = io.StringIO()
    script = ["Ana", "/mode pr", "/quizzes", "nato", "/player 1", "/mode quiz", "1", "", "1", ""]
    console = Console(TimedInput(script, clock), out)  # the input ends during the game
    home = Home(scan_quizzes([quizzes]), [info.name for info in saves.players()], console,
                lambda typed: saves.player(typed).name,
                lambda name: player_standings(saves.player(name), clock()),
                lambda quiz, player, mode: play_plain(quiz, saves.player, console, player=player,
                                                      mode=mode, seed=SEED, clock=clock,
                                                      monotonic=clock.monotonic))
    assert home.run() == 0
    return _placeholders(out.getvalue(), quizzes=quizzes)


def help_text(tmp: Path) -> str:
    return "\n".join(help_lines()) + "\n"


def _classroom(tmp: Path) -> list[str]:
    for room in ("room-a", "room-b"):
        shutil.copytree(CLASSROOM / room, tmp / room)
    return ["--saves", str(tmp / "room-a"), "--saves", str(tmp / "room-b")]


def scores(tmp: Path) -> str:
    return _cli("scores", "--quiz", "capitals", *_classroom(tmp))


def history(tmp: Path) -> str:
    return _cli("history", "--player", "Ana", *_classroom(tmp))


def player(tmp: Path) -> str:
    """`quizgame player NAME`: a player's accommodations shown, set and cleared."""
    saves = ("--saves", str(tmp / "saves"))
    return "".join([_cli("player", "Ana", "--new", *saves),
                    _cli("player", "Ana", "--time", "2", "--no-speed-points", *saves),
                    _cli("player", "Ana", "--clear", *saves)])


def report(tmp: Path) -> str:
    return _cli("report", str(CLASSROOM / "capitals.toml"), *_classroom(tmp))


def _live_messages() -> list[dict[str, object]]:
    import tomllib

    with open(LIVE_MESSAGES, "rb") as file:
        return list(tomllib.load(file)["message"])


def live_join(tmp: Path) -> str:
    """What `join --plain` prints for each message of a live game (tests/data/plain)."""
    return "".join(f"{line}\n" for message in _live_messages() for line in message_lines(message))


def live_host(tmp: Path) -> str:
    """What `host --plain` prints for the teacher's events."""
    lines = [event_line(message) for message in _live_messages() if message.get("host")]
    return "".join(f"{line}\n" for line in lines if line is not None)


TRANSCRIPTS: dict[str, Callable[[Path], str]] = {
    "home": home,
    "help": help_text,
    "question": question,
    "continue": continue_game,
    "nothing-due": nothing_due,
    "claims": claims,
    "scores": scores,
    "history": history,
    "player": player,
    "report": report,
    "live-join": live_join,
    "live-host": live_host,
}
"""Each transcript by the name of its golden file (tests/data/plain/golden/NAME.txt)."""
