"""A Learning Record Store as a source of games for `scores` and `report` (`--lrs URL`).

Leaderboards need only summaries: one query for the `completed` statements (of the quiz's
activity when one quiz is asked for). The teacher report then fetches the `answered` statements
of the registration of each game it analyses, one game per player. Both use the LRS's own
statement filters and follow its pages; as LRSs differ in the filters they implement, what they
return is filtered here again. Statements of other tools, or of another homePage, are
not quizgame games and are passed over; a quizgame statement that gives no valid record is one
problem line.
"""

from __future__ import annotations

import json
from typing import Any

from quizgame.classroom.games import Game
from quizgame.engine.records import SessionRecord
from quizgame.interop.lrs import Lrs, LrsError
from quizgame.interop.xapi import VERBS, XapiConfig
from quizgame.interop.xapi_read import StatementError, record_of, summary_of


class LrsGames:
    """The finished games an LRS holds (implements `classroom.merge.GameSource`)."""

    def __init__(self, lrs: Lrs, config: XapiConfig) -> None:
        self.lrs = lrs
        self.config = config
        self._completed: dict[str, dict[str, Any]] = {}

    def games(self, quiz_id: str | None) -> tuple[list[Game], list[str]]:
        filters = {"verb": VERBS["completed"]}
        if quiz_id is not None:
            filters["activity"] = self.config.quiz_iri(quiz_id)
        games, problems = [], []
        prefix = self.config.quiz_iri("")
        for statement in self.lrs.statements(**filters):
            if (not str((statement.get("object") or {}).get("id", "")).startswith(prefix)
                    or (statement.get("verb") or {}).get("id") != VERBS["completed"]):
                continue  # another tool's, or another school's, or a filter the LRS ignores
            try:
                summary, player = summary_of(statement, self.config)
            except StatementError as error:
                problems.append(f"{self.lrs.url}: {error}")
                continue
            games.append(Game.of_summary(summary, player.name, player.key))
            self._completed[summary.id] = statement
        return games, problems

    def record(self, game: Game) -> SessionRecord:
        completed = self._completed[game.session_id]
        registration = (completed.get("context") or {}).get("registration")
        # Not every LRS implements every filter (Ralph's database backends ignore
        # `registration`): the agent narrows the query everywhere, and the registration is
        # checked here too.
        agent = {"objectType": "Agent", "account": completed["actor"]["account"]}
        answered = (
            statement for statement in self.lrs.statements(
                agent=json.dumps(agent), verb=VERBS["answered"], registration=str(registration))
            if (statement.get("context") or {}).get("registration") == registration
            and (statement.get("verb") or {}).get("id") == VERBS["answered"])
        try:
            return record_of(completed, answered, self.config)
        except StatementError as error:
            raise LrsError(f"{self.lrs.url}: {error}") from error
