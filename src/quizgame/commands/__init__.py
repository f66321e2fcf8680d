"""One module per `quizgame` subcommand; each is thin and calls into the library."""
