"""The live game's Textual front-ends: the teacher's projector screen and the student client.

Both only show what the hub says and send what the user does; the game is in `quizgame.live`.
"""
