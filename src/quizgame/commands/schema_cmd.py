"""`quizgame schema`: print the JSON Schema of the quiz format (for editors)."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the quiz format's JSON Schema",
        description="Print the JSON Schema generated from the quiz format models. Quiz files can "
        "point an editor at it with a first line '#:schema ../schemas/quiz.schema.json'.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.format.schema import quiz_json_schema_text

    sys.stdout.write(quiz_json_schema_text())
    return 0
