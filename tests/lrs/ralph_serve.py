"""Run by the Python of Ralph's venv (see ralph_server.py): Ralph's LRS API on its fs backend,
in one process, as `ralph runserver -b fs` serves it but without the reloader.

`ralph runserver` always runs uvicorn with reload=True: a watching process that imports Ralph's
command line, and a worker it spawns that imports everything again, twice the CPU of a start
(the tests start their server again after killing it). Reloading on a changed file is no part
of an LRS. The settings `runserver` would write into an env file come from the environment
(RALPH_RUNSERVER_BACKEND, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH...), and the
credentials file is written here by Ralph's own `ralph auth` on the first start, rather than
by a process of its own that imports Ralph once more.

    python ralph_serve.py HOST PORT USER HOMEPAGE    (the password: $QUIZGAME_RALPH_PASSWORD)
"""

import os
import sys

import ralph_fs_fixes  # noqa: F401  (its fixes, before the app loads the backend)
import uvicorn
from ralph.cli import cli
from ralph.conf import settings

host, port, user, homepage = sys.argv[1:]
if not settings.AUTH_FILE.exists():
    cli.main(["auth", "-u", user, "-p", os.environ["QUIZGAME_RALPH_PASSWORD"], "-s", "all",
              "-A", user, homepage, "-w"], standalone_mode=False)
uvicorn.run("ralph.api:app", host=host, port=int(port), log_config=settings.LOGGING,
            log_level="info")
