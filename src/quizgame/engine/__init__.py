"""The game engine: grading, scoring, spaced repetition and the session loop. Never imports textual.

Front-ends use `quizgame.engine.session.GameSession`; the modules are imported directly (this
package imports nothing, so starting the game stays fast).
"""
