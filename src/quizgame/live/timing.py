"""The live question's clock, and each player's own deadline on it (docs/accommodations.md).

The class has one clock per question: the quiz's limit, plus the teacher's `more` for everyone,
minus pauses. A player's own deadline adds their accommodation (`time=2`: twice the limit,
`untimed`: none) and the 30-second extensions they asked for with the more-time key. Whether
the class waits for those deadlines is the teacher's choice (`Settings.wait_for_more_time`):
when it does not, nobody gets more time than the class (WCAG 2.2.1's real-time exception), which
`LiveGame` settles when a player joins.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgame.engine.accommodations import MORE_TIME_SECONDS, MORE_TIME_TIMES
from quizgame.live.players import LivePlayer


@dataclass
class QuestionClock:
    """The question on screen: when it started, its deadline, pauses and extra time."""

    started: float
    limit_s: int
    extra_s: int = 0
    paused_at: float | None = None
    paused_total: float = 0.0
    phase_since: float = 0.0

    def elapsed_ms(self, mono: float) -> int:
        now = self.paused_at if self.paused_at is not None else mono
        return max(0, round((now - self.started - self.paused_total) * 1000))

    def remaining_ms(self, mono: float) -> int | None:
        """The class's time left (None: untimed)."""
        if self.limit_s == 0:
            return None
        return max(0, (self.limit_s + self.extra_s) * 1000 - self.elapsed_ms(mono))

    def limit_for(self, player: LivePlayer) -> int:
        """Seconds `player` has on this question, all extra time included (0: untimed)."""
        own = player.accommodations.limit(self.limit_s)
        return 0 if own == 0 else own + self.extra_s + player.extra_s

    def remaining_for(self, player: LivePlayer, mono: float) -> int | None:
        """Milliseconds `player` has left (None: untimed for them)."""
        limit = self.limit_for(player)
        return None if limit == 0 else max(0, limit * 1000 - self.elapsed_ms(mono))

    def can_have_more_time(self, player: LivePlayer, mono: float) -> bool:
        """Whether the more-time key can add to `player`'s deadline now: timed, their time not
        up, not yet added to ten times."""
        return (self.limit_for(player) > 0 and self.remaining_for(player, mono) != 0
                and player.extra_s < MORE_TIME_SECONDS * MORE_TIME_TIMES)

    def still_answering(self, players: list[LivePlayer], mono: float) -> list[LivePlayer]:
        """Players without an answer whose own deadline has not passed."""
        return [player for player in players if player.pending is None
                and (left := self.remaining_for(player, mono)) != 0
                and (left is not None or self.limit_s > 0)]
