"""`quizgame scores` and `quizgame report` over the committed saves of two machines.

tests/data/classroom/room-a and room-b (written by make_saves.py) hold these quiz-mode games of
capitals.toml; credits per question q1..q4:

    room   player  game   score  credits        note
    a      Ana     ana-1  3000   1 1 1 0        synced to room-b too: counted once
    a      Ana     ana-2  3500   1 1 1 0
    b      Ana     ana-3  4000   1 1 1 1        Ana's best
    a      Ben     ben-1  2000   1 1 0 0
    b      Dee     dee-1  2500   1 .5 0 1
    b      Eve     eve-1  1000   0 0 0 1        eve-2.toml is corrupt
    a      Cy      (practice, and an unfinished quiz game: never ranked)
    b      Fay     (player.toml is corrupt)
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from quizgame.cli import main

DATA = Path(__file__).parent / "data" / "classroom"


@pytest.fixture
def rooms(tmp_path: Path) -> list[str]:
    """Copies of both saves folders, as `--saves` arguments."""
    args = []
    for room in ("room-a", "room-b"):
        shutil.copytree(DATA / room, tmp_path / room)
        args += ["--saves", str(tmp_path / room)]
    return args


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_scores_merge_two_folders_sharing_a_player(rooms, capsys) -> None:
    status, out, err = run(capsys, "scores", *rooms, "--format", "json")
    assert status == 0
    rows = json.loads(out)
    # Ana: ana-1, ana-2, ana-3 (ana-1 is in both folders) → 3 attempts, best 4000
    assert [(r["rank"], r["player"], r["best_score"], r["attempts"]) for r in rows] == [
        (1, "Ana", 4000, 3), (2, "Dee", 2500, 1), (3, "Ben", 2000, 1), (4, "Eve", 1000, 1),
    ]
    ana = rows[0]
    assert ana["accuracy_pct"] == 100.0 and ana["best_time_s"] == 28.0  # 4 answers × 7 s
    assert ana["last_played"] == "2025-03-05T09:02:00+00:00"


def test_a_corrupt_save_is_reported_and_the_rest_still_prints(rooms, capsys) -> None:
    status, out, err = run(capsys, "scores", *rooms)
    assert status == 0
    assert "eve-2.toml" in err and "fay-0000000000" in err
    assert "Ana" in out and "Eve" in out and "Cy" not in out


def test_the_corrupt_file_is_left_untouched(rooms, tmp_path, capsys) -> None:
    corrupt = next((tmp_path / "room-b").rglob("eve-2.toml"))
    before = corrupt.read_bytes()
    run(capsys, "scores", *rooms)
    assert corrupt.read_bytes() == before


def test_scores_first_attempt_csv(rooms, capsys) -> None:
    status, out, _ = run(capsys, "scores", *rooms, "--first-attempt", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "quiz_id", "quiz_title", "rank", "player", "player_key", "best_score",
        "accuracy_pct", "attempts", "best_time_s", "last_played", "questions", "marked",
        "accommodations", "ranked_by",
    ]
    # First finished games: Ana's ana-1 (3000), then Dee 2500, Ben 2000, Eve 1000.
    assert [(r["player"], r["best_score"], r["accuracy_pct"]) for r in rows] == [
        ("Ana", "3000", "75.0"), ("Dee", "2500", "50.0"), ("Ben", "2000", "50.0"),
        ("Eve", "1000", "25.0"),
    ]


def test_scores_of_an_unknown_quiz_or_without_any_folder(rooms, tmp_path, capsys) -> None:
    status, out, _ = run(capsys, "scores", *rooms, "--quiz", "rivers")
    assert status == 0 and "No finished quiz-mode games of rivers" in out
    status, _, err = run(capsys, "scores", "--saves", str(tmp_path / "nowhere"))
    assert status == 2 and "no saves folder" in err


def test_report_json(rooms, capsys) -> None:
    status, out, _ = run(capsys, "report", str(DATA / "capitals.toml"), *rooms,
                         "--format", "json")
    assert status == 0
    report = json.loads(out)
    # Best games: Ana ana-3, Ben, Dee, Eve. Scores 4000 2000 2500 1000 → mean 2375.
    assert (report["players"], report["mean_score"], report["selection"]) == (4, 2375.0, "best")
    # q1 3/4, q2 (1 + 1 + .5 + 0)/4, q3 1/4, q4 3/4
    assert [item["facility_pct"] for item in report["items"]] == [75.0, 62.5, 25.0, 75.0]
    q1 = report["items"][0]
    assert q1["distractors"] == [{"choice": "Lyon", "picks": 1}, {"choice": "Nice", "picks": 0},
                                 {"choice": "Lille", "picks": 0}]
    assert {flag["code"] for flag in q1["flags"]} == {"unused-distractor"}


def test_report_first_attempt_table(rooms, capsys) -> None:
    status, out, _ = run(capsys, "report", "capitals", "--quizzes", str(DATA), *rooms,
                         "--first-attempt")
    assert status == 0
    assert "first finished game of each player" in out
    # First games: Ana ana-1 (1 1 1 0), Ben, Dee, Eve: the data set of
    # test_classroom_item_analysis.py, where q4 has facility 2/4 and discrimination −80.8 %.
    q4 = next(line for line in out.splitlines() if " q4 " in line)
    assert "key?" in q4 and "50%" in q4 and "-81%" in q4
    assert "4 q4: negative discrimination: check the answer key" in out


def test_report_csv_columns(rooms, capsys) -> None:
    _, out, _ = run(capsys, "report", "capitals", "--quizzes", str(DATA), *rooms,
                    "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "number", "question_id", "question_type", "attempts", "facility_pct",
        "discrimination_pct", "mean_time_s", "hints", "overrides", "timeouts", "distractors",
        "flags", "prompt", "sure", "sure_wrong", "recall_now_pct", "recall_7d_pct",
        "recall_30d_pct", "claims",
    ]
    assert rows[0]["distractors"] == "Lyon=1; Nice=0; Lille=0"
    assert rows[0]["flags"] == "unused-distractor; unused-distractor"


def test_report_without_the_quiz_file_uses_the_saves(rooms, tmp_path, capsys) -> None:
    status, out, err = run(capsys, "report", "capitals", "--quizzes", str(tmp_path), *rooms,
                           "--format", "json")
    assert status == 0 and "reporting from the saves alone" in err
    assert json.loads(out)["players"] == 4


def test_report_of_a_quiz_nobody_played_and_nobody_has(rooms, tmp_path, capsys) -> None:
    status, _, err = run(capsys, "report", "rivers", "--quizzes", str(tmp_path), *rooms)
    assert status == 2 and "rivers" in err


@pytest.mark.parametrize(("system", "expected"), [
    ("moodle", [
        "Player,Player key,Capitals",
        "Ana,ana-24d4b96f58,100.0",
        "Ben,ben-6700869c8f,50.0",
        "Dee,dee-e7834034bd,50.0",
        "Eve,eve-85262adf74,25.0",
    ]),
    ("canvas", [
        "Student,ID,SIS User ID,SIS Login ID,Section,Capitals",
        "Points Possible,,,,,100",
        "Ana,,,Ana,,100.0",
        "Ben,,,Ben,,50.0",
        "Dee,,,Dee,,50.0",
        "Eve,,,Eve,,25.0",
    ]),
])
def test_scores_gradebook_one_row_per_student(rooms, capsys, system, expected) -> None:
    status, out, _ = run(capsys, "scores", *rooms, "--gradebook", system)
    assert status == 0
    assert out.splitlines() == expected


def test_gradebook_first_attempt_and_unplayed_quiz(rooms, capsys) -> None:
    status, out, _ = run(capsys, "scores", *rooms, "--gradebook", "moodle", "--first-attempt")
    assert status == 0 and out.splitlines()[1] == "Ana,ana-24d4b96f58,75.0"
    status, out, _ = run(capsys, "scores", *rooms, "--gradebook", "canvas", "--quiz", "rivers")
    assert status == 0 and out.splitlines() == [
        "Student,ID,SIS User ID,SIS Login ID,Section", "Points Possible,,,,"]


def test_gradebook_and_format_are_not_combined(rooms, capsys) -> None:
    status, out, err = run(capsys, "scores", *rooms, "--gradebook", "moodle", "--format", "json")
    assert status == 2 and out == "" and "without --format" in err


# What `quizgame scores` may import, through the index, before and while it ranks (its start is
# most of its time on a class: issue 12): no pydantic or record models, no front-end, and none of
# dataclasses (with inspect), csv and the OpenSSL... that only some paths need.
_SCORES_IMPORTS = """
import sys
from quizgame.cli import main
main(sys.argv[1:])
heavy = ("pydantic", "textual", "rich", "dataclasses", "inspect", "csv", "secrets",
         "quizgame.format", "quizgame.engine.records", "quizgame.engine.accommodations",
         "quizgame.store.models",
         "quizgame.classroom.output", "quizgame.plain", "quizgame.tui")
print(sorted(name for name in sys.modules if name.split(".")[0] in heavy or name in heavy
             or any(name.startswith(part + ".") for part in heavy)))
"""


@pytest.mark.parametrize("options", [[], ["--first-attempt"]], ids=["best", "first attempt"])
def test_scores_imports_only_what_ranking_summaries_needs(tmp_path: Path,
                                                          options: list[str]) -> None:
    import os
    import subprocess
    import sys

    shutil.copytree(DATA / "room-a", tmp_path / "room-a")  # every file readable: all indexed
    command = [sys.executable, "-c", _SCORES_IMPORTS, "scores", "--saves", str(tmp_path / "room-a"),
               *options]
    environment = {**os.environ, "QUIZGAME_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run(command, capture_output=True, text=True, timeout=120, env=environment)
            for _ in range(2)]  # the first reads the files (pydantic) and writes the index
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert runs[1].stdout.split("\n")[:-2] == runs[0].stdout.split("\n")[:-2]
    assert "Ana" in runs[1].stdout
    assert runs[1].stdout.strip().splitlines()[-1] == "[]"
