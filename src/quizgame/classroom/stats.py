"""The few statistics the teacher report needs, on plain floats.

Sample (n - 1) variances throughout, as Moodle's quiz statistics use. Every function returns
`None` instead of raising when a figure is undefined (too few values, or no spread): a report
shows "n/a" for it rather than a misleading zero.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean; `None` for no values."""
    return statistics.fmean(values) if values else None


def variance(values: Sequence[float]) -> float | None:
    """Sample variance Σ(x − x̄)² / (n − 1); `None` for fewer than two values."""
    if len(values) < 2:
        return None
    centre = statistics.fmean(values)
    return math.fsum((x - centre) ** 2 for x in values) / (len(values) - 1)


def stdev(values: Sequence[float]) -> float | None:
    """Sample standard deviation √variance; `None` for fewer than two values."""
    spread = variance(values)
    return None if spread is None else math.sqrt(spread)


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r of paired values; `None` when fewer than two pairs or either side is constant."""
    if len(xs) != len(ys):
        raise ValueError("correlation needs paired values")
    if len(xs) < 2 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    return statistics.correlation(xs, ys)


def cronbach_alpha(scores: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of a players × items table of item scores.

    α = k / (k − 1) × (1 − Σ Var(item) / Var(total)), k the number of items. `None` when there are
    fewer than two items or two players, or when every player has the same total.
    """
    items = len(scores[0]) if scores else 0
    if any(len(row) != items for row in scores):
        raise ValueError("cronbach_alpha needs the same items for every player")
    if len(scores) < 2 or items < 2:
        return None
    total_variance = variance([math.fsum(row) for row in scores])
    if not total_variance:
        return None
    item_variances = math.fsum(variance([row[i] for row in scores]) or 0.0 for i in range(items))
    return items / (items - 1) * (1 - item_variances / total_variance)
