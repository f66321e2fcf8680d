"""Widgets of the game: one answer widget per question type, plus the header and timer bar."""
