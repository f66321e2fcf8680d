"""A fair game (issue 9, observations 5, 7, 8): continue or start again, a clock that stops while
help is open and warns in words, an honest time-out, and no answer given by accident."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from tui_helpers import (
    ALL_TYPES,
    DATA,
    TIMED,
    TYPE_ORDER,
    Clocks,
    answer_right,
    app_at,
    make_app,
    next_question,
    prepared_session,
    quizzes_folder,
    right_response,
    settle,
    shown,
    text_of,
    time_left,
    type_text,
    until,
)

from quizgame.store.folder import SavesFolder
from quizgame.tui.screens.ask import AskScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen

SORTING = Path(__file__).parents[1] / "data" / "engine" / "categorize.toml"


async def test_an_unfinished_game_is_offered_and_continues_where_it_was_left(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    # Three answers given (through the engine), the fourth question on screen.
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES,
                   session=prepared_session(saves, clocks, until=TYPE_ORDER[3]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        options = shown(pilot).options
        await pilot.press("escape", "y")
        await settle(pilot)
        await pilot.press("enter")  # the quiz again, from the home screen
        await settle(pilot)
        assert isinstance(app.screen, AskScreen)
        assert "3 answers saved" in text_of(app.screen, "#ask-text")
        assert f"continue (question 4 of {len(TYPE_ORDER)})" in text_of(app.screen, "#ask-answers")
        await pilot.press("enter")  # Enter alone chooses nothing
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert (shown(pilot).number, shown(pilot).options) == (4, options)
        session = app.screen.session
        while (presented := session.current()) is not None:  # the rest, to the results
            session.submit(right_response(presented.question))
        await app.screen.show_current()
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert session.finished and len(session.answers) == len(TYPE_ORDER)


async def test_start_again_begins_a_new_game(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_right(pilot)
        await pilot.press("escape", "y")
        await settle(pilot)
        await pilot.press("enter", "n")
        await settle(pilot)
        assert shown(pilot).number == 1
        await answer_right(pilot)
    assert [len(s.answers) for s in SavesFolder(saves).player("Ana").sessions("all-types")] == [1, 1]


async def test_the_clock_stops_while_help_is_open_and_warns_in_words(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        question = app.screen
        clocks.advance(3)
        await pilot.press("f1")
        await pilot.pause()
        clocks.advance(60)  # reading the help for a minute
        await pilot.pause(0.3)  # three ticks' time in which a running bar would expire
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is question
        assert text_of(question, "#time-left").strip() == "7 s"
        clocks.advance(3)
        await until(pilot, lambda: time_left(pilot) == "⚠ 4 s left")
        assert question.query_one("#timer").has_class("-warning")
        await pilot.press("1", "enter")
        await pilot.pause()
    [session] = SavesFolder(saves).player("Ana").sessions("timed")
    assert session.answers[0].elapsed_ms == 6000 and not session.answers[0].timed_out


async def test_a_right_answer_typed_too_late_is_explained(tmp_path: Path) -> None:
    quizzes, saves, clocks = quizzes_folder(tmp_path, TIMED), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=TIMED)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await next_question(pilot)
        assert shown(pilot).type == "text"
        await type_text(pilot, shown(pilot).question.answers[0])  # type: ignore[union-attr]
        clocks.advance(11)
        await until(pilot, lambda: app.screen.query_one("#feedback").display)
        assert text_of(app.screen, "#verdict") == "✘ Time's up"
        assert text_of(app.screen, "#late") == ("Time ran out before you pressed Enter. What you had "
                                                "entered would have been right, but it earns 0 points.")


async def test_nothing_is_picked_at_first_and_a_stray_enter_only_explains(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana",
                   quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert shown(pilot).type == "choice"
        rows = app.screen.query_one("#choice-input #rows", OptionList)
        assert rows.highlighted is None
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen.query_one("#question-body").display  # still the question
        assert any("Choose first" in str(n.message) for n in app._notifications)
        assert shown(pilot).number == 1


async def test_a_click_picks_and_a_second_click_answers(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana",
                   quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one("#choice-input #rows", OptionList)
        await pilot.click(rows, offset=(4, 1))
        await pilot.pause()
        assert rows.highlighted is not None and app.screen.query_one("#question-body").display
        await pilot.click(rows, offset=(4, 1))
        await pilot.pause()
        assert not app.screen.query_one("#question-body").display  # answered: the feedback


async def test_an_incomplete_match_asks_before_it_is_submitted(tmp_path: Path) -> None:
    app = app_at(tmp_path, ALL_TYPES, "match")
    saves = tmp_path / "saves"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        assert shown(pilot).type == "match"  # not answered yet
        assert any("no partner yet" in str(n.message) for n in app._notifications)
        await pilot.press("enter")
        await pilot.pause()
    [session] = SavesFolder(saves).player("Ana").sessions("all-types")
    assert session.answers[-1].question_type == "match" and not session.answers[-1].correct


async def test_the_home_screen_shows_due_counts_after_practice(tmp_path: Path) -> None:
    from quizgame.tui.screens.home import HomeScreen

    quizzes, saves, clocks = quizzes_folder(tmp_path), tmp_path / "saves", Clocks()
    app = make_app(quizzes, saves, clocks, player="Ana", quiz_path=ALL_TYPES, mode="practice",
                   new_limit=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(2):
            await answer_right(pilot)
            await next_question(pilot)
        await pilot.press("escape")  # the results, then home
        await settle(pilot)
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await settle(pilot)
        detail = text_of(app.screen, "#quiz-detail")
        assert "Practice: 0 due now, 0 by tomorrow, 6 new" in detail  # both right: days away
        assert "Replaces" not in detail  # the command line's own file is no local copy


async def test_the_hint_key_is_dimmed_once_used(tmp_path: Path) -> None:
    from quizgame.tui.widgets.keybar import DISABLED_STYLE, KEY_STYLE, KeyBar

    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana",
                   quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        content = app.screen.query_one(KeyBar).render()
        start = str(content).index("h Hint")
        styles = [str(span.style) for span in content.spans if span.start == start]
        assert DISABLED_STYLE in styles and KEY_STYLE not in styles


async def test_the_command_lines_quiz_is_loaded_once(tmp_path: Path, monkeypatch) -> None:
    import quizgame.format
    import quizgame.format.loader as loader
    from quizgame.format.loader import load_quiz

    loads: list[Path] = []

    def counting(path: Path):
        loads.append(Path(path).resolve())
        return load_quiz(path)

    quizzes = quizzes_folder(tmp_path)
    path = quizzes / ALL_TYPES.name
    quiz = load_quiz(path)  # as `quizgame play QUIZ` does, once
    monkeypatch.setattr(loader, "load_quiz", counting)
    monkeypatch.setattr(quizgame.format, "load_quiz", counting)
    app = make_app(quizzes, tmp_path / "saves", Clocks(), player="Ana", quiz_path=path, quiz=quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
    assert path.resolve() not in loads


# The newer types under the same rules: nothing chosen for the player, nothing sent by accident.

async def test_a_poll_has_nothing_picked_and_a_stray_enter_only_explains(tmp_path: Path) -> None:
    app = app_at(tmp_path, DATA / "poll.toml", "poll")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#poll-input #rows", OptionList).highlighted is None
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert shown(pilot).type == "poll"  # no vote cast
        assert any("Choose first" in str(n.message) for n in app._notifications)


async def test_an_incomplete_sort_asks_before_it_is_submitted(tmp_path: Path) -> None:
    app = app_at(tmp_path, SORTING, "categorize")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        assert shown(pilot).type == "categorize"
        assert any("3 items have no bucket yet" in str(n.message) for n in app._notifications)


async def test_enter_on_an_empty_answer_line_only_explains(tmp_path: Path) -> None:
    app = app_at(tmp_path, ALL_TYPES, "text")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert shown(pilot).type == "text"  # nothing recorded
        assert any("Type your answer" in str(n.message) for n in app._notifications)
        answers = app.screen.session.record.answers  # type: ignore[attr-defined]
        assert all(answer.question_type != "text" for answer in answers)


async def test_a_wrapped_partner_hangs_under_its_own_text(tmp_path: Path) -> None:
    app = app_at(tmp_path, DATA / "long-match.toml", "match")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rights = app.screen.query_one("#rights")
        lines = [rights.render_line(y).text.rstrip() for y in range(rights.size.height)]
        lines = [line for line in lines if line.strip()]
        assert len(lines) > len(shown(pilot).options)  # some items wrapped
        text_at = lines[0].index(lines[0].split(". ", 1)[1])  # where the first item's text starts
        for line in lines:
            starts = len(line) - len(line.lstrip())
            assert starts == text_at or line.lstrip()[0] in "✓123456789", line


async def test_a_short_match_after_a_tall_one_takes_its_own_height(tmp_path: Path) -> None:
    app = app_at(tmp_path, DATA / "two-matches.toml", "match")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one("#match-input #rows", OptionList)
        tall = rows.size.height
        await answer_right(pilot)
        await next_question(pilot)
        await settle(pilot)
        assert shown(pilot).question.id == "short"
        assert rows.size.height < tall and not rows.show_vertical_scrollbar
        assert rows.virtual_size.height <= rows.size.height
