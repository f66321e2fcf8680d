"""The hub's phone page in a real headless Chromium (Debian's /usr/bin/chromium, via Playwright).

A phone joins, answers by tapping, survives a refresh mid-question with its score, and reads the
podium. Skipped (with the reason) only when Chromium or Playwright is missing and `CI` is unset;
under CI it fails instead, since .ci/run installs both.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from live_helpers import RIGHT, players, question_id, running_hub, step

CHROMIUM = os.environ.get("QUIZGAME_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
WAIT_MS = 10_000


def _missing() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


# One Chromium for the module and worker (its launch, and Playwright's driver, cost a second or
# two of CPU each): the tests share its event loop, and each page is a fresh browser context.
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[object]:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the browser test: {missing}")
        pytest.skip(missing)
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                    args=FLAGS, timeout=60_000)
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest_asyncio.fixture(loop_scope="module")
async def new_page(browser) -> AsyncIterator[Callable[[], Awaitable[Any]]]:
    """Opens a phone's page (its own context); closed after the test, so that no page of a
    finished test keeps talking to a hub that has stopped."""
    pages = []

    async def opened() -> Any:
        page = await browser.new_page()  # type: ignore[attr-defined]
        page.set_default_timeout(WAIT_MS)
        pages.append(page)
        return page

    yield opened
    for page in pages:
        await page.close()


async def test_a_phone_joins_answers_survives_a_refresh_and_sees_the_podium(
        tmp_path: Path, new_page) -> None:
    async with running_hub(tmp_path) as hub, players(hub, ["Ben"]) as (ben,):
        page = await new_page()
        await page.goto(f"http://127.0.0.1:{hub.port}/?code={hub.game.code}")
        assert await page.input_value("#code") == hub.game.code
        await page.fill("#name", "Phone Ana")
        await page.click("#join-button")
        await page.wait_for_selector("text=Waiting for the teacher to start")
        assert "rejoin code" in await page.text_content("#me")

        await step(hub, "start")
        await page.click("#answer button:has-text('Lima')")
        await page.wait_for_selector("text=Answer received")
        await ben.expect("question")
        await ben.answer(1, RIGHT[question_id(hub, 1)])
        await page.wait_for_selector("#status:has-text('Correct!')")
        assert "EXPLAIN-CAPITAL" in await page.text_content("#board")
        score = hub.game.named("Phone Ana").score
        assert score > 0

        await step(hub, "next")
        await page.wait_for_selector("text=Standings after 1/5")
        await step(hub, "next")
        await page.wait_for_selector("#typed")
        await page.reload()  # a refreshed tab: back in by itself, same player, same question
        await page.wait_for_selector("#typed")
        assert len(hub.game.players) == 2
        assert hub.game.named("Phone Ana").connected
        await page.fill("#typed", "Nile")
        await page.press("#typed", "Enter")
        await page.wait_for_selector("text=Answer received")
        await ben.expect("question")
        await ben.answer(2, "Amazon")
        await page.wait_for_selector("#status:has-text('streak 2')")
        assert hub.game.named("Phone Ana").streak == 2

        await hub.command(lambda now, mono: hub.game.end(now, mono))
        await page.wait_for_selector("text=Podium")
        assert "Phone Ana" in await page.text_content("#board")
        assert "You are number 1 of 2" in await page.text_content("#status")


async def test_a_player_whose_laptop_died_rejoins_from_a_phone_with_the_rejoin_code(
        tmp_path: Path, new_page) -> None:
    async with running_hub(tmp_path) as hub, players(hub, ["Ana", "Ben"]) as (ana, _ben):
        rejoin = ana.messages[0]["rejoin"]
        await step(hub, "start")
        await ana.expect("question")
        await ana.drop()
        page = await new_page()
        await page.goto(f"http://127.0.0.1:{hub.port}/?code={hub.game.code}")
        await page.fill("#name", "Ana")
        await page.fill("#rejoin", rejoin.lower())
        await page.click("#join-button")
        await page.wait_for_selector("#answer button:has-text('Lima')")
        assert f"rejoin code {rejoin}" in await page.text_content("#me")
        assert len(hub.game.players) == 2 and hub.game.named("Ana").connected


async def test_the_phone_page_has_a_more_time_button_when_the_teacher_allows_it(
        tmp_path: Path, new_page) -> None:
    from quizgame.live.game import Settings

    for allowed in (True, False):
        async with running_hub(tmp_path / str(allowed), Settings(more_time_key=allowed)) as hub:
            page = await new_page()
            await page.goto(f"http://127.0.0.1:{hub.port}/?code={hub.game.code}")
            await page.fill("#name", "Zoë")
            await page.click("#join-button")
            await page.wait_for_selector("text=Waiting for the teacher to start")
            await step(hub, "start")
            await page.wait_for_selector("#answer button")
            if not allowed:
                assert await page.query_selector("#more-time") is None
                continue
            await page.click("#more-time")
            # 60 s at once; a second or two less on a loaded machine, but always more than the
            # 30 s of the question's own limit.
            status = await page.wait_for_selector("#status >> text=/Time left: \\d+ seconds\\./")
            assert status is not None
            left = int(re.search(r"Time left: (\d+) seconds", await status.inner_text())[1])
            assert 30 < left <= 60
            assert hub.game.named("Zoë").extra_s == 30
