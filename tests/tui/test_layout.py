"""The question screen's layout (issue 9, observation 10): every bundled question fits 80×24
with nothing behind the footer; at 60×20 every row, partner and blank is still reached by
keyboard; wrapped options hang under their own text; the question is a panel centred in the
room it has.

The bundled quizzes are walked question by question through the engine (each answered right
in the session, then drawn). A walk is cut into chunks that xdist runs side by side: each chunk's
app starts on the question before its own (the questions before it answered through the engine),
so every question is drawn after the one before it, as in one walk of the whole quiz.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from tui_helpers import (
    ALL_TYPES,
    DATA,
    Clocks,
    app_at,
    make_app,
    quizzes_folder,
    right_keys,
    right_response,
    settle,
    until,
)

from quizgame.commands.paths import bundled_quizzes_dir
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.store import SavesFolder
from quizgame.tui.app import QuizApp
from quizgame.tui.widgets.question_input import QuestionInput
from quizgame.tui.widgets.timer import TimerBar

BUNDLED = sorted(bundled_quizzes_dir().glob("*.toml"))
LONG_OPTIONS = DATA / "long-options.toml"


# Each walk in this many chunks, which xdist spreads: eighteen questions each, two or three
# seconds of one worker; each chunk has a question too tall for 60×20 (the quiz has ten).
CHUNKS = 4
WALKS = [pytest.param(quiz, chunk, id=f"{quiz.stem}-{chunk + 1}of{CHUNKS}")
         for quiz in BUNDLED for chunk in range(CHUNKS)]


def chunk_of(chunk: int, total: int) -> range:
    """The question numbers of chunk `chunk` (from 0) of a quiz of `total` questions; the chunks
    together are 1..total, each number in one."""
    return range(1 + chunk * total // CHUNKS, 1 + (chunk + 1) * total // CHUNKS)


def bundled_app(tmp_path: Path, quiz: Path, chunk: int) -> tuple[QuizApp, GameSession, range]:
    """The app on a bundled quiz in its shipped order (seeded), open on the question before the
    chunk's first (the first question for the first chunk), those before it answered right, and
    the numbers of the questions to walk: that one and the chunk's."""
    saves, clocks = tmp_path / "saves", Clocks()
    session = GameSession.start(load_quiz(quiz), SavesFolder(saves).player("Ana"), "quiz",
                                seed=1430511378, clock=clocks.clock, monotonic=clocks.monotonic)
    first = session.current()
    assert first is not None
    own = chunk_of(chunk, first.total)
    walk = range(max(1, own.start - 1), own.stop)
    while (presented := session.current()) is not None and presented.number < walk.start:
        session.submit(right_response(presented.question))
    # A walk draws question after question as a game does: with each type's widget built
    # ahead, as players have them (one built as its question is drawn is not yet laid out).
    app = make_app(quizzes_folder(tmp_path, quiz), saves, clocks, session=session, build_ahead=True)
    return app, session, walk


async def each_question(pilot: Pilot[Any], session: GameSession, walk: range) -> AsyncIterator[PresentedQuestion]:
    """Yield each question of the walk as it is drawn, then answer it (right) and go on; at the
    end, check that the walk was all drawn, and that the last chunk ends the quiz.

    The timer bar stays in its place but stops ticking: the clocks are frozen, and ten redraws
    a second of the same bar would only slow the walk down."""
    await settle(pilot)
    drawn, total = [], session.current().total  # type: ignore[union-attr]
    while (presented := session.current()) is not None and presented.number < walk.stop:
        pilot.app.screen.query_one(TimerBar).stop()
        drawn.append(presented.number)
        yield presented
        session.submit(right_response(presented.question))
        await pilot.app.screen.show_current()  # type: ignore[attr-defined]
        await pilot.pause()
    assert drawn == list(walk)
    assert (presented is None) == (walk.stop == total + 1)


def panel(pilot: Pilot[Any]) -> ScrollableContainer:
    """The panel on show: the question or its feedback."""
    for selector in ("#question-body", "#feedback"):
        widget = pilot.app.screen.query_one(selector, ScrollableContainer)
        if widget.display:
            return widget
    raise AssertionError("no panel is shown")


def shown_input(pilot: Pilot[Any]) -> QuestionInput:
    return next(widget for widget in pilot.app.screen.query(QuestionInput) if widget.display)


def out_of_view(pilot: Pilot[Any]) -> list[str]:
    """What of the panel on show is not wholly in view above the footer (empty: all of it is)."""
    screen = pilot.app.screen
    footer = screen.query_one("#keybar").region
    shown = panel(pilot)
    room = Region(0, 0, screen.size.width, footer.y)
    problems = []
    if room.intersection(shown.region) != shown.region:
        problems.append(f"the panel {shown.region} runs past the room above the footer {room}")
    if shown.max_scroll_y:
        problems.append(f"the panel scrolls by {shown.max_scroll_y} lines")
    window = shown.scrollable_content_region
    for widget in shown.query("*"):
        if not widget.display or not widget.region:
            continue
        if window.intersection(widget.region) != widget.region:
            problems.append(f"{widget!r} {widget.region} is cut by the panel {window}")
        if widget.is_scrollable and widget.max_scroll_y:
            problems.append(f"{widget!r} scrolls by {widget.max_scroll_y} lines")
    return problems


@pytest.mark.parametrize(("quiz", "chunk"), WALKS)
async def test_every_bundled_question_fits_80x24_above_the_footer(tmp_path: Path, quiz: Path, chunk: int) -> None:
    app, session, walk = bundled_app(tmp_path, quiz, chunk)
    async with app.run_test(size=(80, 24)) as pilot:
        async for presented in each_question(pilot, session, walk):
            where = f"question {presented.number} ({presented.type}, {presented.question.id})"
            assert out_of_view(pilot) == [], where
            if presented.type in ("match", "categorize"):  # pairing must not make it grow
                await pilot.press(*right_keys(presented)[:-1])
                await pilot.pause()
                assert out_of_view(pilot) == [], f"{where}, answered"
            if presented.hint is not None:  # the tallest it gets: with its hint shown
                pilot.app.screen.action_hint()  # type: ignore[attr-defined]
                await pilot.pause()
                assert out_of_view(pilot) == [], f"{where}, with its hint"


def row_in_view(pilot: Pilot[Any], rows: OptionList, index: int) -> bool:
    """Whether every line of row `index` is in view in the panel."""
    line, height = rows._index_to_line[index], rows._heights[index]
    top = rows.content_region.y - round(rows.scroll_offset.y) + line
    window = panel(pilot).scrollable_content_region
    return window.y <= top and top + height <= window.bottom


def in_view(pilot: Pilot[Any], widget: Widget) -> bool:
    window = panel(pilot).scrollable_content_region
    return window.intersection(widget.region) == widget.region


@pytest.mark.parametrize(("quiz", "chunk"), WALKS)
async def test_at_60x20_every_row_partner_and_blank_is_reached_by_keyboard(
    tmp_path: Path, quiz: Path, chunk: int
) -> None:
    app, session, walk = bundled_app(tmp_path, quiz, chunk)
    async with app.run_test(size=(60, 20)) as pilot:
        scrolled = []
        async for presented in each_question(pilot, session, walk):
            where = f"question {presented.number} ({presented.type}, {presented.question.id})"
            if not out_of_view(pilot):
                continue  # all of it in view at once
            scrolled.append(presented.number)
            widget = shown_input(pilot)
            rows = widget.query(OptionList)
            if rows:
                row_list = rows.first()
                if row_list.highlighted is None:  # a choice: nothing highlighted until ↓
                    await pilot.press("down")
                for index in range(row_list.option_count):
                    if index:
                        await pilot.press("down")  # waits for the screen, its scroll included
                    assert row_list.highlighted == index, where
                    assert row_in_view(pilot, row_list, index), f"{where}: row {index + 1}"
                    window = panel(pilot).scrollable_content_region
                    if index == 0:  # the prompt, and a match's first partners
                        assert in_view(pilot, pilot.app.screen.query_one("#prompt", Static)), where
                        for part in widget.query("#rights"):
                            assert window.y <= part.region.y, f"{where}: the first partners"
                # At the last row, the end of the question: a match's last partners too.
                assert row_list.highlighted == row_list.option_count - 1, where
                for part in widget.query("#rights"):
                    assert part.region.bottom <= window.bottom, f"{where}: the last partners"
            else:
                for line in (line for line in widget.query(Input) if line.display):
                    line.focus()  # the panel scrolls to it after the next refresh
                    await until(pilot, lambda line=line: in_view(pilot, line),
                                what=f"{where}: {line!r} in view")
        assert scrolled  # 60×20 is too small for some question of each chunk: it reaches hidden parts


async def test_the_five_pair_match_reaches_its_last_partners_at_60x20(tmp_path: Path) -> None:
    """The case seen: at 60×20 the 5-pair match's rows and partners 4-5 were out of reach."""
    app = app_at(tmp_path, DATA / "two-matches.toml", "match")
    async with app.run_test(size=(60, 14)) as pilot:
        await settle(pilot)
        rows = pilot.app.screen.query_one("#match-input #rows", OptionList)
        assert panel(pilot).max_scroll_y  # the question is taller than its panel
        for _ in range(4):
            await pilot.press("down")
            await pilot.pause()
        assert rows.highlighted == 4
        assert row_in_view(pilot, rows, 4)
        assert in_view(pilot, pilot.app.screen.query_one("#rights"))
        await pilot.press("5")  # pair the last row with the last partner, both in view
        await pilot.pause()
        assert shown_input(pilot).response()["Greece"]  # type: ignore[index]


def continuation_columns(rows: OptionList) -> list[tuple[int, int]]:
    """For every wrapped line of the rows: (where its text starts, where the text of its
    option's first line starts, after the option's label)."""
    found = []
    lines = [rows.render_line(y).text for y in range(rows.size.height)]
    label_end: dict[int, int] = {}
    for (index, offset), text in zip(rows._lines, lines):
        starts = len(text) - len(text.lstrip())
        if offset == 0:
            # The label ("3.", "[ ] 3.") is the first word(s) up to the last one ending in ".".
            words = text.split()
            label_words = next(i for i, word in enumerate(words) if word.endswith(".")) + 1
            label_end[index] = text.index(words[label_words], starts)
        else:
            found.append((starts, label_end[index]))
    return found


@pytest.mark.parametrize("question_type", ["choice", "multi", "order"])
async def test_a_wrapped_option_hangs_under_its_own_text_at_60_columns(tmp_path: Path, question_type: str) -> None:
    app = app_at(tmp_path, LONG_OPTIONS, question_type)
    async with app.run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        rows = shown_input(pilot).query_one(OptionList)
        wrapped = continuation_columns(rows)
        assert wrapped  # the long options did wrap
        assert all(starts == text for starts, text in wrapped), wrapped


async def test_a_long_partner_stays_on_its_line_under_its_item(tmp_path: Path) -> None:
    """A paired row shows its partner on one line, cut with "…", never wrapped back under the
    items (where a long bucket name read as another item)."""
    app = app_at(tmp_path, LONG_OPTIONS, "categorize")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = shown_input(pilot).query_one(OptionList)
        before = rows.virtual_size.height
        items = rows.option_count
        await pilot.press(*"2" * items)  # every item in the long-named bucket
        await pilot.pause()
        assert rows.virtual_size.height == before == 2 * items
        lines = [rows.render_line(y).text.strip() for y in range(rows.size.height)]
        partners = [line for line in lines if line.startswith("→")]
        assert len(partners) == items and all(line.endswith("…") for line in partners), lines


@pytest.mark.parametrize("size", [(120, 40), (80, 40)])
async def test_a_short_question_is_a_panel_centred_in_the_room(tmp_path: Path, size: tuple[int, int]) -> None:
    app = app_at(tmp_path, ALL_TYPES, "truefalse")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        room = pilot.app.screen.query_one("#stage").region
        box = panel(pilot).region
        above, below = box.y - room.y, room.bottom - box.bottom
        assert above > 5 and abs(above - below) <= 1, (room, box)
        left, right = box.x - room.x, room.right - box.right
        assert abs(left - right) <= 1, (room, box)
        await pilot.press("t", "enter")  # the feedback is a centred panel too
        await pilot.pause()
        box = panel(pilot).region
        assert panel(pilot).id == "feedback"
        above, below = box.y - room.y, room.bottom - box.bottom
        assert above > 2 and abs(above - below) <= 1, (room, box)
