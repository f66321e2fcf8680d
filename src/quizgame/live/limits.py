"""Join rate limits: a token bucket per remote address, so one machine cannot flood the lobby.

Every join or rejoin attempt costs a token; a bucket holds `burst` tokens and refills at `rate`
per second. This machine itself (127.0.0.1, ::1) is not limited by default: the tabs of
`quizgame serve --join` all connect from it. Buckets of addresses idle long enough to be full
again are dropped, so a storm of addresses cannot grow the table without bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ADDRESSES = 10_000
LOOPBACK = frozenset({"127.0.0.1", "::1"})


@dataclass
class _Bucket:
    tokens: float
    updated: float


@dataclass
class RateLimit:
    """Attempts allowed per address: `burst` at once, then `rate` per second."""

    rate: float = 2.0
    burst: float = 40.0
    limit_loopback: bool = False
    _buckets: dict[str, _Bucket] = field(default_factory=dict)

    def allow(self, address: str, now: float) -> bool:
        """Spend one token of `address` at monotonic time `now`; False when none is left."""
        if address in LOOPBACK and not self.limit_loopback:
            return True
        bucket = self._buckets.get(address)
        if bucket is None:
            if len(self._buckets) >= MAX_ADDRESSES:
                self._forget_full(now)
            bucket = self._buckets[address] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def _forget_full(self, now: float) -> None:
        refill = self.burst / self.rate if self.rate > 0 else float("inf")
        self._buckets = {
            address: bucket
            for address, bucket in self._buckets.items()
            if now - bucket.updated < refill
        }
