"""The live class game: one hub holds the game and the key, players answer over websockets.

    game.py       LiveGame: the state machine (lobby, question, reveal, standings, podium), pure
    protocol.py   the versioned JSON messages (docs/live-protocol.md) and what a player may see
    players.py    one player of a live game: token, rejoin code, team, record, streak
    names.py      player names from the network made safe and unique
    journal.py    the game's write-ahead journal, committed in groups; replayed by `--resume`
    hub.py        the aiohttp server: websockets, the phone page, timers, saves
    client.py     a player's connection (join, answer, reconnect by itself) for every front-end
    limits.py     join rate limits per address

The core never imports Textual; `quizgame host` and `quizgame join` are the front-ends.
"""
