"""`quizgame export` and `quizgame import`: outputs, messages and exit statuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from interop_helpers import SAMPLE
from quizgame.cli import main
from quizgame.format import load_quiz
from quizgame.interop.quiz_toml import SCHEMA_LINE


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


# --- export -----------------------------------------------------------------------------------

def test_export_text_to_stdout_and_skipped_questions_to_stderr(capsys) -> None:
    status, out, err = run(capsys, "export", SAMPLE, "--to", "gift")
    assert status == 0
    assert out.startswith("// Interop sample: every type")
    assert 'skipped question "planets" (order): GIFT has no ordering question type' in err


def test_export_by_quiz_id_from_the_quizzes_folder(capsys, tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "anything.toml")
    status, out, _ = run(capsys, "export", "interop-sample", "--quizzes", tmp_path, "--to", "json")
    assert status == 0 and '"id": "interop-sample"' in out


@pytest.mark.parametrize(("name", "suffix"), [("kahoot", ".xlsx"), ("qti", ".zip"),
                                              ("apkg", ".apkg")])
def test_binary_formats_need_an_output_file(capsys, name: str, suffix: str) -> None:
    status, out, err = run(capsys, "export", SAMPLE, "--to", name)
    assert status == 2 and out == ""
    assert f"give the file with -o, e.g. -o quiz{suffix}" in err


def test_kahoot_to_a_file_reports_what_was_left_out(capsys, tmp_path: Path) -> None:
    target = tmp_path / "quiz.xlsx"
    status, _, err = run(capsys, "export", SAMPLE, "--to", "kahoot", "-o", target)
    assert status == 0 and target.stat().st_size > 0
    assert f"wrote {target}: 3 questions, 10 skipped" in err
    assert 'skipped question "pi" (number)' in err


def test_an_existing_file_is_replaced_only_with_force(capsys, tmp_path: Path) -> None:
    target = tmp_path / "bank.csv"
    target.write_text("keep me", encoding="utf-8")
    status, _, err = run(capsys, "export", SAMPLE, "--to", "csv", "-o", target)
    assert status == 2 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    status, _, _ = run(capsys, "export", SAMPLE, "--to", "csv", "-o", target, "--force")
    assert status == 0 and target.read_text(encoding="utf-8-sig").startswith("id,type,prompt")


def test_answers_only_for_markdown(capsys) -> None:
    status, _, err = run(capsys, "export", SAMPLE, "--to", "gift", "--answers")
    assert status == 2 and "--answers only applies to --to markdown" in err
    status, out, _ = run(capsys, "export", SAMPLE, "--to", "markdown", "--answers")
    assert status == 0 and "answer key" in out


def test_a_quiz_with_problems_is_not_exported(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[quiz]\nid = "b"\ntitle = "B"\n\n[[questions]]\nid = "x"\n'
                      'type = "choise"\nprompt = "?"\n', encoding="utf-8")
    status, out, err = run(capsys, "export", broken, "--to", "json")
    assert status == 1 and out == ""
    assert "broken.toml:7" in err and '"choise"' in err


def test_an_unknown_quiz(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "export", "no-such-quiz", "--quizzes", tmp_path, "--to", "gift")
    assert status == 2 and "no-such-quiz" in err


def test_nothing_exportable_writes_nothing(capsys, tmp_path: Path) -> None:
    quiz = tmp_path / "words.toml"
    quiz.write_text('[quiz]\nid = "w"\ntitle = "W"\n\n[[questions]]\nid = "x"\ntype = "text"\n'
                    'prompt = "Say hi"\nanswers = ["hi"]\n', encoding="utf-8")
    target = tmp_path / "w.xlsx"
    status, _, err = run(capsys, "export", quiz, "--to", "kahoot", "-o", target)
    assert status == 1 and not target.exists()
    assert "nothing written" in err


# --- import -----------------------------------------------------------------------------------

CSV = "type,prompt,choices,answer\nchoice,Capital of France?,Paris | Lyon,Paris\n"


def test_import_writes_a_checked_quiz_next_to_the_file(capsys, tmp_path: Path) -> None:
    source = tmp_path / "unit-3_cells.csv"
    source.write_text(CSV, encoding="utf-8")
    status, out, _ = run(capsys, "import", source)
    written = tmp_path / "unit-3_cells.toml"
    assert status == 0
    assert written.read_text(encoding="utf-8").startswith(SCHEMA_LINE + "\n")
    quiz = load_quiz(written)
    assert (quiz.quiz.id, quiz.quiz.title) == ("unit-3-cells", "Unit 3 cells")
    assert f"OK {written}: unit-3-cells" in out
    assert "no explanation" in out  # the checker's warnings are shown too


def test_import_with_errors_writes_nothing(capsys, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(CSV + "choice,Capital of Italy?,Rome | Milan,Roma\n", encoding="utf-8")
    status, _, err = run(capsys, "import", source)
    assert status == 1 and not (tmp_path / "bad.toml").exists()
    assert "bad.csv:3: answer:" in err and "1 error in" in err


def test_import_never_replaces_a_file_without_force(capsys, tmp_path: Path) -> None:
    source, target = tmp_path / "q.csv", tmp_path / "quiz.toml"
    source.write_text(CSV, encoding="utf-8")
    target.write_text("# mine", encoding="utf-8")
    status, _, err = run(capsys, "import", source, "-o", target)
    assert status == 2 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "# mine"
    status, _, _ = run(capsys, "import", source, "-o", target, "--force", "--id", "france",
                       "--title", "France")
    assert status == 0 and load_quiz(target).quiz.id == "france"


def test_import_format_from_suffix_or_from_option(capsys, tmp_path: Path) -> None:
    source = tmp_path / "moodle-export.txt"
    source.write_text("::sky::The sky is blue.{T}\n", encoding="utf-8")
    status, _, err = run(capsys, "import", source)
    assert status == 2 and "--from csv or --from gift or --from moodle-xml" in err
    status, _, _ = run(capsys, "import", source, "--from", "gift")
    assert status == 0 and load_quiz(tmp_path / "moodle-export.toml").questions[0].id == "sky"


def test_import_gift_with_warnings_only_succeeds(capsys, tmp_path: Path) -> None:
    source = tmp_path / "mixed.gift"
    source.write_text("Essay?{}\n\nSky blue?{T}\n", encoding="utf-8")
    status, out, err = run(capsys, "import", source)
    assert status == 0
    assert "mixed.gift:1: warning: an essay question" in err
    assert "1 question from" in out


def test_import_with_nothing_importable(capsys, tmp_path: Path) -> None:
    source = tmp_path / "essays.gift"
    source.write_text("Essay?{}\n", encoding="utf-8")
    status, _, err = run(capsys, "import", source)
    assert status == 1 and "no question" in err and not (tmp_path / "essays.toml").exists()


def test_import_of_a_file_that_is_not_utf8(capsys, tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes("type,prompt,answer\ntext,Capital?,Bogotá\n".encode("latin-1"))
    status, _, err = run(capsys, "import", source)
    assert status == 1 and "latin1.csv:2: is not UTF-8" in err


@pytest.mark.parametrize(
    ("extra", "words"),
    [(["--id", "Not Valid"], "not a valid quiz id"), (["--title", " "], "title must not be empty")],
)
def test_import_with_a_bad_id_or_title(
    capsys, tmp_path: Path, extra: list[str], words: str
) -> None:
    source = tmp_path / "q.csv"
    source.write_text(CSV, encoding="utf-8")
    status, _, err = run(capsys, "import", source, *extra)
    assert status == 2 and words in err


def test_import_of_a_missing_file(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "import", tmp_path / "nope.csv")
    assert status == 2 and "no such file" in err


def test_export_then_import_through_the_cli(capsys, tmp_path: Path) -> None:
    sheet, back = tmp_path / "sheet.csv", tmp_path / "back.toml"
    assert run(capsys, "export", SAMPLE, "--to", "csv", "-o", sheet)[0] == 0
    assert run(capsys, "import", sheet, "-o", back)[0] == 0
    assert load_quiz(back).questions == load_quiz(SAMPLE).questions


def test_moodle_xml_export_then_import_through_the_cli(capsys, tmp_path: Path) -> None:
    bank, back = tmp_path / "bank.xml", tmp_path / "back.toml"
    assert run(capsys, "export", SAMPLE, "--to", "moodle-xml", "-o", bank)[0] == 0
    status, out, _ = run(capsys, "import", bank, "-o", back)
    assert status == 0 and f"OK {back}" in out
    assert [q.id for q in load_quiz(back).questions] == [q.id for q in load_quiz(SAMPLE).questions]


def test_an_export_never_replaces_its_own_quiz(capsys, tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.toml"
    shutil.copy(SAMPLE, quiz)
    status, _, err = run(capsys, "export", quiz, "--to", "json", "-o", quiz, "--force")
    assert status == 2 and "replace the quiz" in err
    assert quiz.read_bytes() == SAMPLE.read_bytes()


def test_an_import_of_a_thousand_questions_counts_them_as_every_report_does(capsys, tmp_path: Path) -> None:
    """The export, import and push messages write counts through quizgame.wording: `1,000
    questions`, as `scores` and the game do, never `1000 questions`."""
    sheet = tmp_path / "big.csv"
    rows = [f"truefalse,Is {n} even?,{'true' if n % 2 == 0 else 'false'}" for n in range(1000)]
    sheet.write_text("type,prompt,answer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import", str(sheet), "--from", "csv", "-o", str(tmp_path / "big.toml")]) == 0
    assert "1,000 questions" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "big.toml"), "--to", "gift", "-o", str(tmp_path / "big.gift")]) == 0
    assert "1,000 questions" in capsys.readouterr().err


def test_a_push_summary_counts_with_thousands_separators() -> None:
    from quizgame.commands.push_cmd import _summary
    from quizgame.interop.xapi_push import Pushed

    outbox = type("Outbox", (), {"saves": Path("room"), "lrs": type("Lrs", (), {"url": "http://lrs/"})()})()
    text = _summary(outbox, Pushed(sent=1200, stored=100, sessions=1500))  # type: ignore[arg-type]
    assert text == "room: sent 1,200 statements of 1,500 games to http://lrs/ (1,100 it already had)"
