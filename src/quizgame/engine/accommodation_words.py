"""The accommodation words that saved games carry and the classroom reads (docs/accommodations.md),
apart from `accommodations`' rules: `scores` ranks a board by them, and starts without the rest."""

NO_SPEED_POINTS = "no-speed-points"
SPEED_POINTS = "speed-points"
