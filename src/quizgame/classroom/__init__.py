"""The classroom: leaderboards and teacher reports over one or more saves folders. Never imports
textual; the commands (`scores`, `report`) and the TUI views only format what it computes.

    merge.collect_games(saves_dirs, quiz_id=None) -> Collected      games summarised, merged
    leaderboard.leaderboards(games, quiz_id=None, first_attempt=False) -> list[Leaderboard]
    report.quiz_report(saves_dirs, quiz_id, quiz=None, first_attempt=False)
        -> (QuizReport, problems)
    item_analysis.analyse(quiz_id, records, quiz=None) -> QuizReport   the figures themselves
    progress.progress(records, now=..., tz=...) -> Progress            one player's charts
    output (csv/json rows, stable columns), text (tables and cells for people)

Which game of a player counts is decided in one place, `games`. This package imports nothing
itself, so that `quizgame scores` loads only what it uses.
"""
