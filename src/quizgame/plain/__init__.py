"""Plain line mode (`quizgame play --plain`): the game over stdin/stdout, no Textual."""

from quizgame.plain.game import Console, play_plain, wants_colour

__all__ = ["Console", "play_plain", "wants_colour"]
