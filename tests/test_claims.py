"""Claims instead of free points (issue 9, observation 3): "I was right" in quiz mode earns
nothing until a teacher accepts it; accepting regrades every same answer and can add it to the
quiz file, comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine_data import DATA, case_id, cases, question, quiz
from fakes import FakeClock, MemoryStore
from quizgame.cli import main
from quizgame.engine.claims import open_claims, rescore, settle
from quizgame.engine.grading import claimable
from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.engine.session import GameSession
from quizgame.format.loader import load_quiz
from quizgame.store import SavesFolder
from test_session import START, right


def play_with(saves: Path, player: str, painter: str, *, claim: bool, quiz_path: Path,
              seed: int = 7, elapsed_ms: int = 5_000) -> None:
    """A whole game of the all-types quiz, everything right but the painter question."""
    clock = FakeClock(START)
    session = GameSession.start(load_quiz(quiz_path), SavesFolder(saves).player(player), seed=seed,
                                clock=clock, monotonic=clock.monotonic)
    while (shown := session.current()) is not None:
        if shown.question.id == "painter":
            session.submit(painter, elapsed_ms=elapsed_ms)
            if claim:
                session.override()
        else:
            session.submit(right(shown.question), elapsed_ms=elapsed_ms)


@pytest.fixture
def class_quiz(tmp_path: Path) -> Path:
    path = tmp_path / "quizzes" / "all-types.toml"
    path.parent.mkdir()
    text = (DATA / "all-types.toml").read_text(encoding="utf-8")
    old = 'answers = ["Pablo Picasso", "Picasso"]'
    assert old in text
    path.write_text(text.replace(old, f"{old}  # the painter", 1), encoding="utf-8")
    return path


def test_a_claim_earns_nothing_and_scores_mark_it(tmp_path: Path, class_quiz: Path, capsys):
    saves = tmp_path / "saves"
    play_with(saves, "Ana", "Pablo Ruiz", claim=True, quiz_path=class_quiz)
    [record] = SavesFolder(saves).player("Ana").sessions()
    painter = next(a for a in record.answers if a.question_id == "painter")
    assert (painter.correct, painter.points, painter.claim) == (False, 0, "open")
    assert main(["scores", "--saves", str(saves)]) == 0
    out = capsys.readouterr().out
    assert "Marked" in out.splitlines()[2] and out.splitlines()[3].split()[-3] == "1"
    assert main(["history", "--player", "Ana", "--saves", str(saves)]) == 0
    assert capsys.readouterr().out.splitlines()[2].endswith("  1")


def test_accepting_regrades_every_same_answer_with_speed_points(tmp_path: Path, class_quiz: Path):
    saves = tmp_path / "saves"
    play_with(saves, "Ana", "Pablo Ruiz", claim=True, quiz_path=class_quiz)
    play_with(saves, "Ben", "pablo  RUIZ", claim=False, quiz_path=class_quiz)
    play_with(saves, "Cy", "Dali", claim=True, quiz_path=class_quiz)
    perfect = tmp_path / "perfect"
    play_with(perfect, "Ana", "Picasso", claim=False, quiz_path=class_quiz)
    [expected] = SavesFolder(perfect).player("Ana").sessions()

    the_quiz = load_quiz(class_quiz)
    pairs = [(p, r) for p in ("Ana", "Ben", "Cy") for r in SavesFolder(saves).player(p).sessions()]
    groups = open_claims(the_quiz, pairs)
    assert [(g.given, g.players) for g in groups] == [("Dali", ["Cy"]), ("Pablo Ruiz", ["Ana"])]
    accepted = next(g for g in groups if g.players == ["Ana"])
    for _, record in pairs:
        settle(the_quiz, record, accepted, accept=True)
    ana, ben, cy = (record for _, record in pairs)
    assert ana.score == ben.score == expected.score  # speed points and streaks as if right
    assert next(a for a in ana.answers if a.question_id == "painter").claim == "accepted"
    assert next(a for a in ben.answers if a.question_id == "painter").correct
    assert next(a for a in cy.answers if a.question_id == "painter").claim == "open"
    settle(the_quiz, cy, groups[0], accept=False)
    assert next(a for a in cy.answers if a.question_id == "painter").claim == "rejected"


def test_the_claims_command_lists_accepts_and_adds_the_answer_keeping_comments(
    tmp_path: Path, class_quiz: Path, capsys
):
    saves = tmp_path / "saves"
    play_with(saves, "Ana", "Pablo Ruiz", claim=True, quiz_path=class_quiz)
    play_with(saves, "Cy", "Dali", claim=True, quiz_path=class_quiz)
    base = ["claims", str(class_quiz), "--saves", str(saves)]
    assert main(base) == 0
    listing = capsys.readouterr().out
    assert "2 open claims" in listing and "1. painter: Who painted Guernica?" in listing
    assert "answer “Pablo Ruiz” claimed by Ana" in listing

    before = class_quiz.read_text(encoding="utf-8")
    assert main([*base, "--accept", "2", "--add-answer", "--reject", "1"]) == 0
    out = capsys.readouterr().out
    assert "Claim 2 accepted: 1 game regraded." in out and "Claim 1 rejected" in out
    after = class_quiz.read_text(encoding="utf-8")
    assert 'answers = ["Pablo Picasso", "Picasso", "Pablo Ruiz"]  # the painter' in after
    assert after.replace(', "Pablo Ruiz"', "") == before  # nothing else moved
    assert load_quiz(class_quiz).question("painter").answers[-1] == "Pablo Ruiz"
    [ana] = SavesFolder(saves).player("Ana").sessions()
    assert next(a for a in ana.answers if a.question_id == "painter").correct
    assert main(base) == 0
    assert "No open claims" in capsys.readouterr().out


@pytest.mark.parametrize(("extra", "message"), [
    (["--accept", "9"], "no claim number 9"),
    (["--accept", "1", "--reject", "1"], "both accepted and rejected"),
    (["--add-answer"], "--add-answer goes with --accept"),
])
def test_bad_claim_commands_are_explained(tmp_path: Path, class_quiz: Path, capsys, extra, message):
    saves = tmp_path / "saves"
    play_with(saves, "Ana", "Pablo", claim=True, quiz_path=class_quiz)
    assert main(["claims", str(class_quiz), "--saves", str(saves), *extra]) == 2
    assert message in capsys.readouterr().err


def test_choice_answers_cannot_be_claimed():
    clock = FakeClock(START)
    session = GameSession.start(quiz("all-types"), MemoryStore(), seed=7, clock=clock,
                                monotonic=clock.monotonic)
    while session.current().type != "choice":
        session.submit(right(session.current().question), elapsed_ms=0)
    session.submit("Porto", elapsed_ms=0)
    assert not session.can_override


@pytest.mark.parametrize("case", cases("claimable-cases.toml"), ids=case_id)
def test_each_types_grader_decides_whether_a_wrong_answer_can_be_claimed(case):
    assert claimable(question(case["quiz"], case["question"])) is case["claimable"]


def test_a_cloze_with_a_typed_blank_wrong_is_claimed_for_nothing_more():
    clock = FakeClock(START)
    session = GameSession.start(quiz("cloze"), MemoryStore(), seed=7, clock=clock,
                                monotonic=clock.monotonic)
    assert session.current().question.id == "pompeii"
    feedback = session.submit(["79", "Vesuvio", "1"], elapsed_ms=0)  # 2 of 3 blanks right
    assert session.can_override and 0 < feedback.points
    claimed = session.override()
    assert claimed.record.claim == "open"
    assert (claimed.points, session.score) == (feedback.points, feedback.score)


def test_an_estimate_off_the_mark_is_no_claim():
    clock = FakeClock(START)
    session = GameSession.start(quiz("new-types"), MemoryStore(), seed=7, clock=clock,
                                monotonic=clock.monotonic)
    session.submit(300.0, elapsed_ms=0)
    assert not session.can_override


def test_the_report_counts_open_claims(tmp_path: Path, class_quiz: Path, capsys):
    saves = tmp_path / "saves"
    play_with(saves, "Ana", "Pablo Ruiz", claim=True, quiz_path=class_quiz)
    assert main(["report", str(class_quiz), "--saves", str(saves), "--format", "csv"]) == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["question_id"]: row["claims"] for row in rows}["painter"] == "1"
    assert main(["report", str(class_quiz), "--saves", str(saves)]) == 0
    assert "Claims" in capsys.readouterr().out


def test_regrading_keeps_a_poll_out_of_the_streak():
    # A poll between two right answers neither breaks the streak nor earns points, as in the game.
    loaded = load_quiz(Path(__file__).parent / "data" / "valid" / "all-types.toml")
    the_quiz = loaded.model_copy(update={"quiz": loaded.quiz.model_copy(update={"streak": True})})

    def game(*question_ids: str) -> SessionRecord:
        answers = [AnswerRecord(question_id=qid, question_type=the_quiz.question(qid).type,
                                given="x", correct=the_quiz.question(qid).type != "poll",
                                credit=1.0 if the_quiz.question(qid).type != "poll" else 0.0,
                                elapsed_ms=1_000, answered_at=START) for qid in question_ids]
        record = SessionRecord(id="g", quiz_id=the_quiz.quiz.id, player="Ana", mode="quiz",
                               seed=1, started_at=START, answers=answers)
        rescore(the_quiz, record)
        return record

    with_poll = game("author-hamlet", "favourite-planet", "chem-symbol-gold")
    without = game("author-hamlet", "chem-symbol-gold")
    assert with_poll.answers[1].points == 0
    assert with_poll.answers[2].streak_bonus == without.answers[1].streak_bonus > 0
    assert with_poll.score == without.score
