"""The Textual game: a thin front-end over `quizgame.engine.GameSession`.

Nothing is imported here so that `import quizgame.tui.app` pulls in only what the first screen
needs; start with `quizgame.tui.app.create_app` or `run_app`.
"""
