"""Plain mode: a real game through a subprocess, the command line's other cases through its
`main` in-process (stdin a pipe's bytes, stdout captured), and details of the line protocol."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli_run import run_main
from engine_data import DATA, quiz
from fakes import FakeClock, MemoryStore
from quizgame.cli import main
from quizgame.errors import PlayerNameError
from quizgame.plain import Console, play_plain
from quizgame.store import SavesFolder

PLAIN_GAME = DATA / "plain-game.toml"

# Seed 1 asks: painter, languages (German, Portuguese), sky, capital, mammals, planets, everest.
# Each feedback waits for Enter ("") before the next question.
SCRIPT = [
    "Dali",                   # painter (500 points): wrong
    "!!",                     # "I was right" on its feedback: a claim, 0 points until accepted
    "",
    "2,1", "",                # languages: 1000
    "maybe",                  # sky: not an answer, asked again
    "f", "",                  # sky: 1000 + 100 streak bonus
    "?",                      # capital: hint, halves the points
    "lisbon", "",             # capital: 500 + 200
    "whale", "",              # mammals: 1 of 2 right: 500, streak over
    "mercury, venus, earth", "",  # planets: 1000
    "8,850 m", "",            # everest: 1000 + 100
]
EXPECTED_SCORE = 0 + 1000 + 1100 + 700 + 500 + 1000 + 1100


def run_plain(*args: str, stdin: str, saves: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "quizgame", "play", str(PLAIN_GAME), "--plain", "--seed", "1",
         "--saves", str(saves), *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60,
    )


def test_a_scripted_game_ends_with_the_expected_score(tmp_path, capsys):
    done = run_plain("--player", "Zoë", stdin="\n".join(SCRIPT) + "\n", saves=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Question 1 of 7" in out and "Question 7 of 7" in out
    for words in ("Incorrect", "Partly right (50%)", "Hint: It is on the Tagus.",
                  "Type true or false", "Explanation: Lisbon has been", "Source: “Lisbon is",
                  "Right answer: Whale, Bat", f"Score: {EXPECTED_SCORE:,}", "Correct: 5 of 7",
                  "Claim filed: your teacher will check it", "claimed, waiting for the teacher"):
        assert words in out
    assert "\x1b[" not in out  # no colour into a pipe
    # What the game saved, as `history` reads it back (in-process: the game was the real process).
    assert main(["history", "--player", "Zoë", "--format", "json", "--saves", str(tmp_path)]) == 0
    [game] = json.loads(capsys.readouterr().out)["sessions"]
    assert game["score"] == EXPECTED_SCORE and game["finished_at"] is not None
    assert len(game["answers"]) == 7
    assert [a["question_id"] for a in game["answers"] if a["claim"] == "open"] == ["painter"]
    assert not any(a["overridden"] for a in game["answers"])
    assert [a["question_id"] for a in game["answers"] if a["hint_used"]] == ["capital"]


@pytest.fixture
def plain_main(capsys, monkeypatch) -> Callable[..., tuple[int, str, str]]:
    """`quizgame play ARGS --plain` in this process (cli_run.py): (status, out, err)."""
    return lambda *args, stdin="": run_main(capsys, monkeypatch, "play", *args, "--plain", stdin=stdin)


def plain_game_args(saves: Path, *args: str) -> tuple[str, ...]:
    return (str(PLAIN_GAME), "--seed", "1", "--saves", str(saves), *args)


def test_end_of_input_keeps_what_was_answered(tmp_path, plain_main):
    status, out, err = plain_main(*plain_game_args(tmp_path, "--player", "Ana"),
                                  stdin="Picasso\n\n1,2\n\n")
    assert status == 0, err
    assert "Stopped. 2 answers saved; start this quiz again to continue." in out
    [record] = SavesFolder(tmp_path).player("Ana").sessions()
    assert len(record.answers) == 2 and not record.finished


def test_the_name_is_asked_for_when_not_given(tmp_path, plain_main):
    status, out, err = plain_main(*plain_game_args(tmp_path), stdin="\n  Zoë  \nPicasso\n")
    assert status == 0, err
    assert "Your name: " in out and "cannot be empty" in out
    assert "player Zoë" in out
    assert len(SavesFolder(tmp_path).player("Zoë").sessions()[0].answers) == 1


def test_a_bad_player_name_exits_2(tmp_path, plain_main):
    status, _, err = plain_main(*plain_game_args(tmp_path, "--player", "x" * 41))
    assert status == 2 and "at most 40" in err
    assert not any(tmp_path.iterdir())


def test_a_bad_quiz_file_prints_its_problems_and_exits_1(tmp_path, plain_main):
    bad = tmp_path / "bad.toml"
    bad.write_text('[quiz]\nid = "bad"\ntitle = "Bad"\n[[questions]]\nid = "q"\ntype = "choice"\n',
                   encoding="utf-8")
    status, _, err = plain_main(str(bad))
    assert status == 1 and "bad.toml" in err and "Traceback" not in err


def test_an_unknown_quiz_id_is_a_clear_error(plain_main):
    status, _, err = plain_main("no-such-quiz", "--quizzes", str(DATA))
    assert status == 2 and "plain-game" in err and "Traceback" not in err


# -- in-process: the line protocol --------------------------------------------------------------

START = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


class TimedInput(io.StringIO):
    """Input lines that each take `seconds` to type, on a fake clock."""

    def __init__(self, text: str, clock: FakeClock, seconds: float) -> None:
        super().__init__(text)
        self.clock, self.seconds = clock, seconds

    def readline(self, *args) -> str:
        self.clock.advance(seconds=self.seconds)
        return super().readline(*args)


def play(lines: list[str], *, name="all-types", mode="quiz", seconds=1.0, store=None,
         colour=False, seed=1, **options) -> tuple[str, MemoryStore]:
    """Play in-process; seed 1 asks painter, languages, sky, capital, mammals, planets, everest."""
    store = store or MemoryStore()
    clock = FakeClock(START)
    out = io.StringIO()
    console = Console(TimedInput("\n".join(lines) + "\n", clock, seconds), out, colour=colour)
    status = play_plain(quiz(name), lambda _: store, console, player="Ada", mode=mode, seed=seed,
                        clock=clock, monotonic=clock.monotonic, **options)
    assert status == 0
    return out.getvalue(), store


def test_a_late_answer_counts_as_timed_out_and_says_so():
    out, store = play(["Picasso"], seconds=25)
    assert "Time's up (20 s)" in out and "Time ran out before you pressed Enter." in out
    assert "What you had entered would have been right, but it earns 0 points." in out
    assert store.sessions()[0].answers[0].timed_out


def test_every_type_shows_its_options_and_how_to_answer():
    out, _ = play(["Picasso", "", "3,2,1", "", "f", "", "lisbon", "", "whale", "", "1,2,3,4", "",
                   "8849", ""])
    for expected in (
        "Answer: type it",
        "Match each of:\n  A. Brazil\n  B. Austria\n  C. Chile\nwith one of:\n  1. Spanish",
        "for A, B, C in this order",
        "Answer: true or false",
        "Answer: the number or the text of your choice.",
        "Answer: pick every right one",
        "Answer: all the items in the right order, first to last",
        "Answer: a number (in m).",
    ):
        assert expected in out
    assert out.count("Question ") == 7 and "Correct: 5 of 7" in out


@pytest.mark.parametrize("line", ["!!", "?"])
def test_commands_out_of_place_are_explained(line):
    out, store = play(["Picasso", "", "1,2,3", "", "f", "", line], name="all-types")
    assert ("!! goes on the feedback of an answer" in out) if line == "!!" else ("Hint:" in out or "no hint" in out)
    assert len(store.sessions()[0].answers) == 3


def test_a_last_wrong_text_answer_can_still_be_overridden():
    # Seed 7 asks the text question last.
    lines = ["f", "", "8849", "", "portuguese,german", "", "lisbon", "", "mercury,venus,earth", "",
             "whale,bat", "", "Dali", "!!"]
    out, store = play(lines, name="plain-game", seed=7)
    assert "If you were right, type !! now to file a claim for your teacher." in out
    assert "Claim filed" in out
    assert store.sessions()[0].answers[-1].claim == "open" and store.sessions()[0].finished


def test_colour_only_when_asked_and_never_alone():
    out, _ = play(["Picasso"], colour=True)
    assert "\x1b[1;32mCorrect\x1b[0m" in out


def test_practice_with_nothing_due_says_when_to_come_back():
    store = MemoryStore()
    play(["Picasso", "", "portuguese,german,spanish", "", "f", "", "lisbon", "", "whale,bat,dolphin",
          "", "mercury,venus,earth,mars", "", "8849", ""], mode="practice", store=store)
    out, _ = play([], mode="practice", store=store)
    assert "Nothing is due in Every question type. Next card due in " in out
    assert "You have seen every card." in out


def test_a_name_that_cannot_be_used_is_asked_again():
    store = MemoryStore()

    def open_store(name: str) -> MemoryStore:
        if not name.strip():
            raise PlayerNameError("a player name cannot be empty")
        return store

    out = io.StringIO()
    play_plain(quiz("plain-game"), open_store, Console(io.StringIO("\nAda\n"), out), seed=1)
    assert out.getvalue().count("Your name: ") == 2 and "cannot be empty" in out.getvalue()


class InterruptedInput(io.StringIO):
    """Input that is interrupted (Ctrl-C) once its lines run out."""

    def readline(self, *args) -> str:
        line = super().readline(*args)
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_keeps_the_answers_and_exits_0():
    store = MemoryStore()
    out = io.StringIO()
    status = play_plain(quiz("all-types"), lambda _: store, Console(InterruptedInput("Picasso\n"), out),
                        player="Ada", seed=1)
    assert status == 0 and "Stopped. 1 answer saved; start this quiz again" in out.getvalue()
    assert len(store.sessions()[0].answers) == 1


def test_an_unfinished_game_is_offered_and_continued_as_one_game():
    store = MemoryStore()
    play(["Picasso", "", "1,2,3", ""], store=store)
    out, _ = play(["", "f", "", "lisbon", "", "whale", "", "1,2,3,4", "", "8849", ""], store=store)
    assert "You have an unfinished game of this quiz (quiz mode" in out and "2 answers saved" in out
    assert "continue (question 3 of 7)" in out and "Question 3 of 7" in out
    [record] = store.sessions()
    assert len(record.answers) == 7 and record.finished


def test_an_unfinished_game_can_be_started_again():
    store = MemoryStore()
    play(["Picasso", ""], store=store)
    out, _ = play(["n", "Picasso", ""], store=store)
    assert "Question 1 of 7" in out
    assert [len(record.answers) for record in store.sessions()] == [1, 1]


def test_a_number_answer_can_be_claimed_and_true_false_takes_1_and_2():
    out, store = play(["Picasso", "", "1,2,3", "", "1", "", "lisbon", "", "whale", "", "1,2,3,4", "",
                       "8000", "!!", ""])
    answers = store.sessions()[0].answers
    assert answers[2].given is True  # 1 = True, as the TUI shows
    assert answers[-1].question_type == "number" and answers[-1].claim == "open"


def test_a_game_whose_answers_cannot_be_saved_does_not_start(tmp_path, plain_main):
    # Issue 10 (low): a read-only or full saves folder used to fail only after the first answer.
    from quizgame.store import SavesFolder

    (SavesFolder(tmp_path).player("Zoë").path / "sessions").write_text("not a folder")
    status, out, err = plain_main(*plain_game_args(tmp_path, "--player", "Zoë"),
                                  stdin="\n".join(SCRIPT) + "\n")
    assert status == 2
    assert "answers cannot be saved here" in err and "Question 1" not in out


def test_numbers_are_read_in_the_quiz_language_in_plain_mode_too(tmp_path, plain_main):
    quiz_file = tmp_path / "es.toml"
    quiz_file.write_text(
        '[quiz]\nid = "es"\ntitle = "Cifras"\nlanguage = "es"\n\n[[questions]]\nid = "muertes"\n'
        'type = "number"\nprompt = "¿Más de cuántas personas?"\nanswer = 58000\n',
        encoding="utf-8",
    )
    status, out, err = plain_main(str(quiz_file), "--player", "Ana", "--saves", str(tmp_path / "saves"),
                                  stdin="más de 58.000\ncincuenta y ocho mil\n")
    assert status == 0, err
    assert "Type one number, not a range or an estimate" in out
    assert "Correct: 1 of 1" in out


def test_a_round_of_n_questions_from_the_command_line(tmp_path, plain_main):
    status, out, err = plain_main(*plain_game_args(tmp_path, "--player", "Ana", "--round", "2"))
    assert status == 0, err
    assert "Question 1 of 2" in out
