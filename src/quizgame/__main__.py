"""`python -m quizgame` runs the same entry point as the `quizgame` command."""

from quizgame.cli import main

raise SystemExit(main())
