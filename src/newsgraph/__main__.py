"""``python -m newsgraph``: the command line, for environments without the script on PATH."""

from newsgraph.interfaces.cli import app

app()
