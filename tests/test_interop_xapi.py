"""xAPI statements without an LRS: mapping, ids, round trip, bad statements, cursor, options.

The tests against a real Ralph LRS are in tests/lrs/.
"""

from __future__ import annotations

import copy
import json
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quizgame.cli import main
from quizgame.engine.records import AnswerRecord, SessionRecord
from quizgame.errors import QuizgameError
from quizgame.format import load_quiz
from quizgame.interop.lrs import Lrs, LrsError, credentials, statements_url
from quizgame.interop.xapi import HOLD_LAST_ANSWER, XapiConfig, session_statements
from quizgame.interop.xapi_push import CURSOR_FILE, Outbox
from quizgame.interop.xapi_read import StatementError, record_of, summary_of
from quizgame.store import SavesFolder, scan_sessions

DATA = Path(__file__).parent / "data"
KINDS = load_quiz(DATA / "xapi" / "kinds.toml")
CASES = tomllib.loads((DATA / "xapi" / "interactions.toml").read_text())["case"]
CONFIG = XapiConfig("https://school.example")
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def answer(question_id: str, given: Any, moment: datetime, **fields: Any) -> AnswerRecord:
    question = KINDS.question(question_id)
    return AnswerRecord(question_id=question_id, question_type=question.type, given=given,
                        correct=False, credit=0.0, elapsed_ms=4321, answered_at=moment,
                        timed_out=given is None, **fields)


def session(answers: list[AnswerRecord], *, finished: bool = True) -> SessionRecord:
    end = answers[-1].answered_at + timedelta(seconds=1) if finished else None
    return SessionRecord(id="s-1", quiz_id="kinds", quiz_title="Every kind", player="Ana",
                         mode="quiz", seed=7, started_at=START, finished_at=end,
                         question_count=len(answers) + (0 if finished else 1), score=0,
                         answers=answers)  # a game in progress has questions left


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['question']}-{c.get('given')!r}")
def test_each_question_type_maps_to_its_interaction(case: dict[str, Any]) -> None:
    given = case.get("given")
    record = session([answer(case["question"], given, START + timedelta(seconds=5))])
    attempted, answered, completed = session_statements(record, "Ana", "ana-1", CONFIG, KINDS)
    definition = answered["object"]["definition"]
    assert definition["interactionType"] == case["interaction"]
    assert definition["correctResponsesPattern"] == case["pattern"]
    assert definition["name"] == {"pt-BR": KINDS.question(case["question"]).prompt}
    for kind, ids in case.get("components", {}).items():
        assert [component["id"] for component in definition[kind]] == ids
    assert answered["result"].get("response", "") == case["response"]
    # Whatever the type, the record comes back exactly.
    assert record_of(completed, [answered], CONFIG) == record


def test_without_the_quiz_a_question_has_only_its_interaction_type() -> None:
    record = session([answer("pairs", ["2018", "2017"], START)])
    answered = session_statements(record, "Ana", "ana-1", CONFIG)[1]
    assert answered["object"]["definition"] == {
        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        "interactionType": "matching"}
    assert "response" not in answered["result"]  # a match response needs the left items
    assert "language" not in answered["context"]


def test_ids_are_derived_and_the_same_on_every_machine() -> None:
    record = session([answer("pick", "Lima", START), answer("year", 2018.0, START)])
    first = session_statements(record, "Ana", "ana-1", CONFIG, KINDS)
    again = session_statements(record.model_copy(deep=True), "Ana", "ana-1", CONFIG, KINDS)
    assert first == again
    assert len({statement["id"] for statement in first}) == 4
    other_player = session_statements(record, "Ana", "ana-2", CONFIG, KINDS)
    assert not {s["id"] for s in first} & {s["id"] for s in other_player}
    assert len({s["context"]["registration"] for s in first}) == 1


def test_a_question_asked_twice_in_a_game_is_two_attempts() -> None:
    record = session([answer("pick", "Lima", START), answer("pick", "Bogotá", START)])
    statements = session_statements(record, "Ana", "ana-1", CONFIG)
    attempts = [s["context"]["extensions"]["https://quizgame.github.io/xapi/answer/attempt"]
                for s in statements[1:3]]
    assert attempts == [1, 2] and statements[1]["id"] != statements[2]["id"]


def test_an_unfinished_games_last_answer_waits_until_it_cannot_change() -> None:
    record = session([answer("pick", "Lima", START), answer("city", "Brussels", START)],
                     finished=False)
    verbs = lambda now: [s["verb"]["id"].rsplit("/", 1)[1]  # noqa: E731
                         for s in session_statements(record, "Ana", "ana-1", CONFIG, now=now)]
    assert verbs(START + timedelta(seconds=30)) == ["attempted", "answered"]
    assert verbs(START + HOLD_LAST_ANSWER) == ["attempted", "answered", "answered"]
    record.finished_at = START + timedelta(seconds=31)
    assert verbs(START + timedelta(seconds=31)) == ["attempted", "answered", "answered",
                                                    "completed"]


def test_committed_class_saves_survive_the_round_trip() -> None:
    scan = scan_sessions(DATA / "classroom" / "room-b")
    finished = [item for item in scan.items if item.record.finished]
    assert finished
    for item in finished:
        statements = session_statements(item.record, item.player, item.key, CONFIG)
        assert record_of(statements[-1], statements[1:-1], CONFIG) == item.record


def test_unknown_extensions_from_a_newer_quizgame_are_ignored() -> None:
    record = session([answer("pick", "Lima", START)])
    _, answered, completed = session_statements(record, "Ana", "ana-1", CONFIG)
    answered["context"]["extensions"]["https://quizgame.github.io/xapi/answer/mood"] = "calm"
    completed["context"]["extensions"]["https://quizgame.github.io/xapi/session/rounds"] = 3
    assert record_of(completed, [answered], CONFIG) == record


def test_fields_added_to_the_records_travel_as_extensions_without_a_change_here() -> None:
    """`sure` (issue 18) and `undone` were added to the records after this mapping was written."""
    undone = {**answer("pick", "Lima", START).model_dump(), "undone_at": START}
    record = session([answer("pick", "Bogotá", START, sure=True)])
    record.undone = [undone]
    attempted, answered, completed = session_statements(record, "Ana", "ana-1", CONFIG)
    extensions = answered["context"]["extensions"]
    assert extensions["https://quizgame.github.io/xapi/answer/sure"] is True
    assert completed["context"]["extensions"]["https://quizgame.github.io/xapi/session/undone"]
    # What can still change while the game goes on stays off its attempted statement.
    assert set(attempted["context"]["extensions"]) == {
        f"https://quizgame.github.io/xapi/session/{name}"
        for name in ("id", "mode", "seed", "question-count")}
    assert record_of(completed, [answered], CONFIG) == record


def completed_statement() -> dict[str, Any]:
    return session_statements(session([answer("pick", "Lima", START)]), "Ana", "ana-1",
                              CONFIG)[-1]


@pytest.mark.parametrize("path", sorted((DATA / "xapi" / "bad").glob("*.json")),
                         ids=lambda path: path.stem)
def test_a_bad_statement_is_refused_with_a_reason(path: Path) -> None:
    case = json.loads(path.read_text())
    statement = completed_statement()
    (*where, last), value = case["set"]
    target = statement
    for key in where:
        target = target[key]
    if value is None:
        del target[last]
    else:
        target[last] = value
    with pytest.raises(StatementError) as raised:
        summary_of(statement, CONFIG)
    assert str(raised.value).startswith(f"statement {statement['id']}: ")
    assert case["message"] in str(raised.value)
    assert "\x1b" not in str(raised.value)


@pytest.mark.parametrize(("given", "expected"), [
    ("http://127.0.0.1:8100", "http://127.0.0.1:8100/xAPI/statements"),
    ("https://lrs.example/xAPI/", "https://lrs.example/xAPI/statements"),
    ("https://lrs.example/lrs/xapi", "https://lrs.example/lrs/xapi/statements"),
    ("https://lrs.example/xAPI/statements", "https://lrs.example/xAPI/statements"),
])
def test_the_statements_resource_of_an_endpoint(given: str, expected: str) -> None:
    assert statements_url(given) == expected


@pytest.mark.parametrize(("url", "message"), [
    ("lrs.example", r"not an http\(s\) URL"),
    ("ftp://lrs.example/", r"not an http\(s\) URL"),
    ("https://teacher:secret@lrs.example/xAPI/", "put no credentials in the URL"),
])
def test_a_bad_lrs_url_is_refused(url: str, message: str) -> None:
    with pytest.raises(LrsError, match=message):
        statements_url(url)


def test_credentials_come_from_a_file_or_the_environment(tmp_path: Path) -> None:
    file = tmp_path / "lrs"
    file.write_text("teacher:s3cret:with-colons\n")
    assert credentials(file, {}) == "teacher:s3cret:with-colons"
    assert credentials(None, {"QUIZGAME_LRS_CREDENTIALS": str(file)}) == (
        "teacher:s3cret:with-colons")
    assert credentials(None, {"QUIZGAME_LRS_AUTH": "a:b"}) == "a:b"
    assert credentials(None, {}) is None
    file.write_text("just-a-password\n")
    with pytest.raises(LrsError, match="expected one line `user:password`"):
        credentials(file, {})
    with pytest.raises(LrsError, match="cannot read the LRS credentials file"):
        credentials(tmp_path / "missing", {})


def outbox(saves: Path, homepage: str = "https://school.example") -> Outbox:
    # Port 9 (discard) on loopback: these tests fail before any request would be made.
    return Outbox(saves, Lrs("http://127.0.0.1:9/xAPI/"), XapiConfig(homepage), lambda q: None)


def test_a_damaged_cursor_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / CURSOR_FILE).write_text('{"format": 1, "endpoints": {"x": {"sent": 3}}}')
    with pytest.raises(QuizgameError, match="not a push cursor .* move it away"):
        outbox(tmp_path).push()
    (tmp_path / CURSOR_FILE).write_text("{not json")
    with pytest.raises(QuizgameError, match="unreadable push cursor"):
        outbox(tmp_path).push()


def test_pushing_with_another_homepage_is_refused(tmp_path: Path) -> None:
    cursor = {"format": 1, "endpoints": {"http://127.0.0.1:9/xAPI/statements": {
        "homepage": "https://school.example", "sent": {}}}}
    (tmp_path / CURSOR_FILE).write_text(json.dumps(cursor))
    with pytest.raises(QuizgameError, match="use --homepage https://school.example"):
        outbox(tmp_path, "https://other.example").push()


def test_push_needs_an_lrs_and_an_existing_folder(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("QUIZGAME_LRS", raising=False)
    assert main(["push", "--saves", str(tmp_path)]) == 2
    assert "push needs the LRS: --lrs URL" in capsys.readouterr().err
    assert main(["push", "--lrs", "http://127.0.0.1:9/", "--saves", str(tmp_path / "no")]) == 2
    assert "no saves folder at" in capsys.readouterr().err


def test_export_results_writes_json_lines(tmp_path: Path, capsys) -> None:
    rooms = ["--saves", str(DATA / "classroom" / "room-a"),
             "--saves", str(DATA / "classroom" / "room-b")]
    out_file = tmp_path / "statements.jsonl"
    assert main(["export", "capitals", "--results", "xapi", *rooms, "--homepage",
                 "https://school.example", "--quizzes", str(DATA / "classroom"),
                 "-o", str(out_file)]) == 0
    _, err = capsys.readouterr()
    statements = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert err.endswith(f"wrote {out_file}: {len(statements)} statements\n")
    assert "skipped:" in err  # the corrupt save files of room-b are named
    ids = [s["id"] for s in statements]
    assert len(ids) == len(set(ids))  # ana-1 is in both rooms: exported once
    assert {s["actor"]["account"]["homePage"] for s in statements} == {"https://school.example"}
    # Refuses to replace the file unless asked, like every export.
    assert main(["export", "--results", "xapi", *rooms, "-o", str(out_file)]) == 2
    assert "--force" in capsys.readouterr().err


def test_export_without_a_quiz_or_results_is_a_usage_error(capsys) -> None:
    assert main(["export", "--to", "gift"]) == 2
    assert "export needs the quiz" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "capitals", "--to", "gift", "--results", "xapi"])


def test_a_stored_copy_differs_only_in_what_the_lrs_adds() -> None:
    """Ralph returns a statement with `stored` and `authority` added: it still reads back."""
    record = session([answer("pick", "Lima", START)])
    statements = session_statements(record, "Ana", "ana-1", CONFIG, KINDS)
    stored = copy.deepcopy(statements)
    for statement in stored:
        statement["stored"] = "2026-01-01T00:00:00+00:00"
        statement["authority"] = {"objectType": "Agent", "account": {
            "homePage": "https://school.example", "name": "quizgame"}}
    assert record_of(stored[-1], stored[1:-1], CONFIG) == record
    assert SavesFolder  # the store is what these records come from


def test_accommodations_and_extra_time_travel_to_the_lrs_and_back() -> None:
    """Issue 16: what applied to a game (time=2, no speed points) and each answer's extra
    seconds reach the school's LRS, and come back as the same record."""
    record = session([answer("pick", "Lima", START, extra_seconds=60)])
    record.accommodations = ["time=2", "no-speed-points"]
    _, answered, completed = session_statements(record, "Ana", "ana-1", CONFIG)
    assert answered["context"]["extensions"][
        "https://quizgame.github.io/xapi/answer/extra-seconds"] == 60
    assert completed["context"]["extensions"][
        "https://quizgame.github.io/xapi/session/accommodations"] == ["time=2", "no-speed-points"]
    assert record_of(completed, [answered], CONFIG) == record
