"""`quizgame check --support`: a warning for each keyed answer its own source quote lacks.

Each file in tests/data/support/ states the warnings it must give in `# expect:` comments (as
in tests/data/warnings/); they share article.source.txt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.engine.support import content, support_warnings
from quizgame.format.checker import check_file
from test_format_data import assert_reports, expectations

DATA = Path(__file__).parent / "data" / "support"
BANK = Path(__file__).parents[1] / "quizzes" / "nato-2025.toml"
SUPPORT = [("source", lambda question, quiz: support_warnings(question, quiz.quiz.language))]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.toml")), ids=lambda p: p.name)
def test_support_warnings(path: Path) -> None:
    result = check_file(path, SUPPORT)
    assert result.quiz is not None and not result.errors
    assert_reports(result.warnings, expectations(path))


def test_without_the_option_there_are_no_support_warnings() -> None:
    assert check_file(DATA / "inferred-year.toml").warnings == []


@pytest.mark.parametrize(
    ("text", "words"),
    [("eight countries", {"8", "countri"}), ("58,000 people", {"58000", "peopl"}),
     ("the 40th month", {"40", "month"}), ("fifty-eight thousand", {"58000"}),
     ("Adm. Cubides", {"admir", "cubid"}), ("the U.S.", {"unit", "state"}),
     ("Bogotá", {"bogota"}), ("formalised", {"formal"}), ("formalized", {"formal"}),
     ("not Bolivia", {"not", "bolivia"})],
)
def test_content_words(text: str, words: set[str]) -> None:
    assert content(text, "en") == words


def test_the_bank_has_only_its_deliberate_inference(capsys: pytest.CaptureFixture[str]) -> None:
    """The one answer of the bundled bank not in its quote: "the following year" -> 2018."""
    assert main(["check", "--support", str(BANK)]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]
    assert len(warnings) == 1 and '"partnership-formalised-year"' in warnings[0]
    assert main(["check", "--support", "--strict", str(BANK)]) == 1
