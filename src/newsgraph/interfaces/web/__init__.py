"""The web UI and JSON API, one module per kind of page (as Datasette's ``views/``).

Takes a newsgraph database; returns a FastAPI app (``create_app``). Server-rendered HTML
(Jinja2), so pages read without JavaScript and can be saved or printed as evidence; the
two pictures (attention over time, co-mention networks) are drawn by JavaScript vendored
in ``static/vendor/`` (sources and licences in its ``SOURCE``). Every JSON endpoint returns
the same rows as the CLI's ``--json``.

Pages: ``home`` (search box, stories filtered and paged), ``search``, ``story``,
``article``, ``entity``, ``outlet``, ``events``; ``api`` (JSON under /api); ``apidocs``
(/docs, offline). ``app`` puts them together; ``context`` is the plumbing they share
(templates, a connection per request, dates and links for people).
"""

from newsgraph.interfaces.web.app import create_app
from newsgraph.interfaces.web.article import highlight_segments

__all__ = ["create_app", "highlight_segments"]
