"""PlayerSaves and SavesFolder: the PlayerStore contract, summaries, cards, bad files, scans."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgame.engine.ports import PlayerStore
from quizgame.engine.records import AnswerRecord, CardState, SessionRecord
from quizgame.errors import PlayerNotFoundError, SaveError
from quizgame.store import SavesFolder, scan_sessions, scan_summaries, sessions
from quizgame.store.models import SessionSummary
from quizgame.store.player import PlayerSaves

DATA = Path(__file__).parent / "data" / "store"
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
ANA = "ana-24d4b96f58"


def game(number: int, quiz_id: str = "capitals", answers: int = 3, finished: bool = True,
         player: str = "Zoë", mode: str = "quiz") -> SessionRecord:
    started = START + timedelta(days=number)
    return SessionRecord(
        id=f"{started:%Y%m%dT%H%M%SZ}-{quiz_id}-{number:06x}", quiz_id=quiz_id, player=player,
        mode=mode, seed=number, started_at=started, question_count=answers,
        finished_at=started + timedelta(minutes=2) if finished else None, score=100 * answers,
        answers=[
            AnswerRecord(question_id=f"q{n}", question_type="choice", given="A", correct=n != 1,
                         credit=0.0 if n == 1 else 1.0, points=100, elapsed_ms=1000 * (n + 1),
                         answered_at=started + timedelta(seconds=n))
            for n in range(answers)
        ],
    )


def card(question_id: str, reviews: int = 1) -> CardState:
    return CardState(question_id=question_id, card_id=hash(question_id) % 10**9, state=2,
                     stability=3.0, difficulty=5.0, due=START, last_review=START, reviews=reviews)


@pytest.fixture
def zoe(tmp_path: Path) -> PlayerSaves:
    return SavesFolder(tmp_path / "saves").player("Zoë")


@pytest.fixture
def ana_root(tmp_path: Path) -> Path:
    """A copy of the committed format-1 saves folder (Ana: a finished and an unfinished game)."""
    return shutil.copytree(DATA / "saves", tmp_path / "saves")


def tree(root: Path) -> dict[str, bytes]:
    """Every save file under root (lock files aside) and its bytes."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


# -- players -----------------------------------------------------------------------------------


def test_player_saves_implement_the_engine_port(zoe: PlayerSaves) -> None:
    store: PlayerStore = zoe
    assert store.name == "Zoë"
    assert zoe.key == zoe.path.name == "zoe-2752b88686"


def test_a_player_is_created_once_and_found_by_any_spelling(tmp_path: Path) -> None:
    folder = SavesFolder(tmp_path / "saves")
    first = folder.player(" Zoë ")
    profile = (first.path / "player.toml").read_bytes()
    again = folder.player("ZOË", create=False)
    assert (again.name, again.key) == ("Zoë", first.key)
    assert again.info.created_at == first.info.created_at
    assert (first.path / "player.toml").read_bytes() == profile


def test_an_unknown_player_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(PlayerNotFoundError, match="no saves for player 'Bob' in"):
        SavesFolder(tmp_path / "saves").player("Bob", create=False)
    assert not (tmp_path / "saves").exists()


def test_players_lists_everyone_by_name_and_ignores_other_folders(tmp_path: Path) -> None:
    folder = SavesFolder(tmp_path / "saves")
    for name in ("zed", "Ana", "Émile"):
        folder.player(name)
    (tmp_path / "saves" / "README.txt").write_text("class 5B")
    (tmp_path / "saves" / ".git").mkdir()
    (tmp_path / "saves" / "notes").mkdir()
    assert [info.name for info in folder.players()] == ["Ana", "zed", "Émile"]


def test_a_folder_not_named_after_its_player_is_reported(ana_root: Path) -> None:
    (ana_root / ANA).rename(ana_root / "bob-0123456789")
    problems: list[str] = []
    assert SavesFolder(ana_root).players(problems) == []
    assert problems == [f"{ana_root / 'bob-0123456789' / 'player.toml'}: player 'Ana' belongs in "
                        f"folder {ANA}, not bob-0123456789 (renamed or copied by hand?)"]


def test_a_corrupt_profile_refuses_the_player_and_stays_unchanged(ana_root: Path) -> None:
    profile = ana_root / ANA / "player.toml"
    profile.write_text('format = 1\nname = ""\n', encoding="utf-8")
    before = tree(ana_root)
    with pytest.raises(SaveError, match=r"player\.toml: is not a valid player profile: name:"):
        SavesFolder(ana_root).player("Ana")
    problems: list[str] = []
    assert SavesFolder(ana_root).players(problems) == [] and len(problems) == 1
    assert tree(ana_root) == before


def test_a_theme_of_ones_own_is_kept_beside_the_accommodations(zoe: PlayerSaves) -> None:
    from quizgame.engine.accommodations import Accommodations

    assert zoe.theme() is None
    zoe.set_accommodations(Accommodations(2.0))
    zoe.set_theme("high-contrast")
    zoe.set_accommodations(Accommodations(1.5))  # each change leaves the other alone
    again = SavesFolder(zoe.path.parent).player("Zoë")
    assert (again.theme(), again.accommodations()) == ("high-contrast", Accommodations(1.5))
    zoe.set_theme(None)
    assert 'theme' not in (zoe.path / "player.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(path.name for path in (DATA / "bad-profiles").iterdir()))
def test_a_profile_whose_theme_is_not_a_themes_name_is_refused_unchanged(ana_root: Path,
                                                                        case: str) -> None:
    shutil.copy(DATA / "bad-profiles" / case, ana_root / ANA / "player.toml")
    before = tree(ana_root)
    with pytest.raises(SaveError, match=r"player\.toml: is not a valid player profile: theme:"):
        SavesFolder(ana_root).player("Ana")
    assert tree(ana_root) == before


# -- sessions ----------------------------------------------------------------------------------


def test_sessions_come_back_oldest_first_with_every_answer(zoe: PlayerSaves) -> None:
    games = [game(2), game(0, quiz_id="flags"), game(1, finished=False)]
    for record in games:
        zoe.save_session(record)
    assert zoe.sessions() == sorted(games, key=lambda record: record.started_at)
    assert zoe.sessions("flags") == [games[1]]
    assert zoe.sessions("unknown") == []


def test_one_session_by_id(zoe: PlayerSaves) -> None:
    record = game(0)
    zoe.save_session(record)
    assert zoe.session(record.id) == record
    with pytest.raises(SaveError, match="cannot be read"):
        zoe.session("20990101T000000Z-nowhere-000000")


def test_every_answer_is_saved_as_it_is_given(zoe: PlayerSaves) -> None:
    record = game(0, answers=0, finished=False)
    for answered in game(0, answers=5).answers:
        record.answers.append(answered)
        zoe.save_session(record)
        assert zoe.sessions()[0].answers == record.answers


def test_saving_a_game_touches_only_its_own_session_file(zoe: PlayerSaves) -> None:
    zoe.save_session(game(0))
    zoe.save_card("capitals", card("q1"))
    before = tree(zoe.path)
    record = game(1, finished=False)
    zoe.save_session(record)
    after = tree(zoe.path)
    assert {name for name in after if after[name] != before.get(name)} == {
        f"sessions/{record.id}.toml"}


def test_summaries_count_without_answers(zoe: PlayerSaves) -> None:
    zoe.save_session(game(0, answers=4))
    zoe.save_session(game(1, quiz_id="flags", answers=2, finished=False, mode="practice"))
    first, second = zoe.summaries()
    assert (first.quiz_id, first.mode, first.finished) == ("capitals", "quiz", True)
    assert first.score == 400
    assert (first.correct, first.answered, first.question_count) == (3, 4, 4)
    assert first.duration_ms == 10_000
    assert (second.quiz_id, second.mode, second.finished) == ("flags", "practice", False)
    assert second.answered == 2


def test_summaries_follow_games_in_progress_and_hand_edits(zoe: PlayerSaves) -> None:
    record = game(0, answers=1, finished=False)
    zoe.save_session(record)
    assert zoe.summaries()[0].answered == 1
    record.answers += game(0, answers=3).answers[1:]
    zoe.save_session(record)
    assert zoe.summaries()[0].answered == 3
    record.finished_at = record.started_at + timedelta(minutes=1)
    zoe.save_session(record)
    assert zoe.summaries()[0].finished
    path = zoe.path / "sessions" / f"{record.id}.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("score = 100", "score = 999"),
                    encoding="utf-8")
    assert zoe.summaries()[0].score == 999


def test_the_summaries_and_sessions_of_one_quiz_agree(zoe: PlayerSaves) -> None:
    games = [game(2), game(0, quiz_id="flags", answers=2), game(1, finished=False)]
    for record in games:
        zoe.save_session(record)
    oldest_first = sorted(games, key=lambda record: record.started_at)
    assert zoe.summaries() == [SessionSummary.of(record) for record in oldest_first]
    assert [record.id for record in zoe.sessions("capitals")] == [games[2].id, games[0].id]


def test_summaries_read_no_answers(zoe: PlayerSaves, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(3):
        zoe.save_session(game(number, answers=5))
    expected = [SessionSummary.of(record) for record in zoe.sessions()]

    def no_full_read(path: Path, *rest: object) -> None:
        raise AssertionError(f"{path} was parsed in full")

    monkeypatch.setattr(sessions, "read_table", no_full_read)
    # Each summary comes from the text before the file's answers.
    assert SavesFolder(zoe.path.parent).player("Zoë", create=False).summaries() == expected


def test_saving_and_reading_leave_no_derived_files(zoe: PlayerSaves) -> None:
    record = game(0)
    zoe.save_session(record)
    zoe.save_card("capitals", card("q1"))
    zoe.summaries(), zoe.sessions(), zoe.all_cards(), zoe.load_cards("capitals")
    assert sorted(str(path.relative_to(zoe.path)) for path in zoe.path.rglob("*")) == [
        ".lock", "cards", "cards/capitals.toml", "player.toml", "sessions",
        f"sessions/{record.id}.toml"]


def test_the_committed_saves_read_back(ana_root: Path) -> None:
    ana = SavesFolder(ana_root).player("ana", create=False)
    quiz, practice = ana.summaries()
    assert (quiz.mode, quiz.finished, quiz.score) == ("quiz", True, 1900)
    assert (quiz.correct, quiz.answered) == (2, 2)
    assert (practice.mode, practice.finished, practice.answered) == ("practice", False, 1)
    assert sorted(ana.load_cards("capitals")) == ["q1", "q3"]


# -- cards -------------------------------------------------------------------------------------


def test_cards_merge_one_at_a_time(zoe: PlayerSaves) -> None:
    assert zoe.load_cards("capitals") == {}
    zoe.save_card("capitals", card("q1"))
    zoe.save_card("capitals", card("q2"))
    zoe.save_card("capitals", card("q1", reviews=2))
    zoe.save_card("flags", card("q1"))
    assert zoe.load_cards("capitals") == {"q1": card("q1", reviews=2), "q2": card("q2")}
    assert zoe.all_cards() == {"capitals": zoe.load_cards("capitals"), "flags": {"q1": card("q1")}}


def test_a_card_save_keeps_cards_another_process_wrote(zoe: PlayerSaves) -> None:
    other = SavesFolder(zoe.path.parent).player("zoë")
    zoe.save_card("capitals", card("q1"))
    other.save_card("capitals", card("q2"))
    zoe.save_card("capitals", card("q3"))
    assert sorted(other.load_cards("capitals")) == ["q1", "q2", "q3"]


def test_quiz_ids_windows_reserves_still_get_their_own_file(zoe: PlayerSaves) -> None:
    zoe.save_card("con", card("q1"))
    assert (zoe.path / "cards" / "_con.toml").exists()
    assert zoe.all_cards() == {"con": {"q1": card("q1")}}


def test_a_card_file_holding_another_quiz_is_refused(zoe: PlayerSaves) -> None:
    zoe.save_card("flags", card("q1"))
    shutil.copyfile(zoe.path / "cards" / "flags.toml", zoe.path / "cards" / "capitals.toml")
    with pytest.raises(SaveError, match=r"capitals\.toml: holds the cards of quiz 'flags'"):
        zoe.load_cards("capitals")
    problems: list[str] = []
    assert list(zoe.all_cards(problems)) == ["flags"] and len(problems) == 1


def test_hostile_ids_never_name_a_file(zoe: PlayerSaves) -> None:
    with pytest.raises(SaveError, match="not usable as a file name"):
        zoe.save_card("../../escape", card("q1"))
    with pytest.raises(SaveError, match="not usable as a file name"):
        zoe.save_session(game(0).model_copy(update={"id": "../../../etc/passwd"}))
    assert sorted(path.name for path in zoe.path.parent.parent.iterdir()) == ["saves"]


def test_a_session_of_another_player_is_refused(zoe: PlayerSaves) -> None:
    with pytest.raises(ValueError, match="session of 'Bob' given to the saves of 'Zoë'"):
        zoe.save_session(game(0, player="Bob"))


# -- bad files are never overwritten -------------------------------------------------------------


BAD = sorted((DATA / "bad").glob("*.toml"))


@pytest.mark.parametrize("bad", BAD, ids=lambda path: path.stem)
def test_a_bad_session_file_is_reported_skipped_and_never_overwritten(
    ana_root: Path, bad: Path
) -> None:
    sessions = ana_root / ANA / "sessions"
    target = sessions / "20250304T090000Z-capitals-d4e5f6.toml"
    shutil.copyfile(bad, target)
    before = tree(ana_root)
    ana = SavesFolder(ana_root).player("Ana")

    with pytest.raises(SaveError, match=str(target).replace("\\", "\\\\")):
        ana.sessions()
    problems: list[str] = []
    assert [record.score for record in ana.sessions(problems=problems)] == [1900]
    assert [summary.score for summary in ana.summaries(problems)] == [1900]
    assert len(problems) == 2 and all(problem.startswith(f"{target}: ") for problem in problems)

    replacement = game(0, player="Ana").model_copy(update={"id": target.stem})
    with pytest.raises(SaveError, match="left as it is"):
        ana.save_session(replacement)
    assert tree(ana_root) == before


@pytest.mark.parametrize("bad", [BAD[0], BAD[-1]], ids=lambda path: path.stem)
def test_a_bad_card_file_refuses_reviews_and_is_never_overwritten(
    ana_root: Path, bad: Path
) -> None:
    target = ana_root / ANA / "cards" / "capitals.toml"
    shutil.copyfile(bad, target)
    before = tree(ana_root)
    ana = SavesFolder(ana_root).player("Ana")
    with pytest.raises(SaveError, match="capitals.toml"):
        ana.save_card("capitals", card("q9"))
    with pytest.raises(SaveError, match="capitals.toml"):
        ana.load_cards("capitals")
    ana.save_card("flags", card("q9"))  # another quiz's cards are still saved
    after = tree(ana_root)
    assert after.pop(f"{ANA}/cards/flags.toml") and after == before


def test_a_new_game_is_saved_beside_a_bad_old_one(ana_root: Path) -> None:
    shutil.copyfile(BAD[0], ana_root / ANA / "sessions" / "20250304T090000Z-capitals-d4e5f6.toml")
    ana = SavesFolder(ana_root).player("Ana")
    ana.save_session(game(5, player="Ana"))
    assert len(ana.sessions(problems=[])) == 2


# -- scans for the classroom ---------------------------------------------------------------------


def test_scans_read_everyone_and_report_bad_files_without_raising(ana_root: Path) -> None:
    folder = SavesFolder(ana_root)
    folder.player("Ben").save_session(game(0, player="Ben"))
    folder.player("Cy").save_session(game(1, player="Cy", quiz_id="flags"))
    (folder.player("Dee").path / "sessions").mkdir()
    shutil.copyfile(BAD[0], folder.player("Dee").path / "sessions" / "broken.toml")
    eve = folder.player("Eve").path / "player.toml"
    eve.write_bytes(b"\xff\xfe")

    sessions, problems = scan_sessions(ana_root)
    assert sorted((item.player, item.record.score) for item in sessions) == [
        ("Ana", 0), ("Ana", 1900), ("Ben", 300), ("Cy", 300)]
    assert sorted(problem.split(": ")[0] for problem in problems) == [
        str(folder.player("Dee").path / "sessions" / "broken.toml"), str(eve)]

    summaries, problems = scan_summaries(ana_root)
    assert sorted((item.key, item.summary.score) for item in summaries) == sorted(
        (item.key, item.record.score) for item in sessions)
    assert len(problems) == 2
    flags = scan_sessions(ana_root, "flags").items
    assert [(item.player, item.record.quiz_id) for item in flags] == [("Cy", "flags")]


def test_scanning_a_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert scan_summaries(missing) == ([], [f"{missing}: no such saves folder"])
