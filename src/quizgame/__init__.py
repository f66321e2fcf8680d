"""quizgame: a quiz game engine for the terminal."""

__version__ = "0.1.0"
