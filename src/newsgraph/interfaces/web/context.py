"""The plumbing every page shares: the templates and their filters, a connection per request,
links to entity and outlet pages, dates for people, and paging."""

from __future__ import annotations

import json
import queue
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote, urlencode

from fastapi import Query, Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from newsgraph.store import open_for_serving

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
STATIC = HERE / "static"
PAGE_SIZE = 25
MAX_PAGE = 100_000  # a page number past this is a 400, not a scan to its offset


def page_query() -> Any:
    """A ``page`` parameter: 1 to MAX_PAGE."""
    return Query(1, ge=1, le=MAX_PAGE, description="Which page of results (from 1).")


class Connections:
    """Read-only connections kept between requests, so each keeps its page cache warm.

    A request takes one (or opens one) and gives it back; requests on several threads
    never share one at the same time. The file was checked when the app was made.
    """

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()

    def take(self) -> sqlite3.Connection:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            return open_for_serving(self.db_path)

    def give_back(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction:  # a read cut short by an error: not kept, so no stale snapshot is reused
            conn.close()
            return
        self.idle.put(conn)


@contextmanager
def reading(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for this request alone, from the app's pool."""
    pool: Connections = request.app.state.connections
    conn = pool.take()
    try:
        yield conn
    finally:
        pool.give_back(conn)


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Any:
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


def entity_url(entity_id: str) -> str:
    return "/entity/" + quote(entity_id, safe="")


def outlet_url(outlet: str) -> str:
    return "/outlet/" + quote(outlet, safe="")


def local_date(value: str | None, precision: str | None = None) -> str:
    """A publication date as people read it, in the time zone it was published in:
    "24 Jun 2024, 18:53", "24 Jun 2024", "Jun 2024" or "2024", only as precise as the source."""
    if not value:
        return "no date"
    if "/" in value:  # a span of days, as event dates resolved from "last week" are
        first, _, last = value.partition("/")
        return f"{local_date(first, precision)} – {local_date(last, precision)}"
    if precision == "year" or len(value) == 4:
        return value[:4]
    try:
        when = datetime.fromisoformat(value if len(value) != 7 else value + "-01")
    except ValueError:
        return value
    if precision == "month" or len(value) == 7:
        return when.strftime("%b %Y")
    day = f"{when.day} {when.strftime('%b %Y')}"
    if "T" in value and precision != "day":
        return f"{day}, {when.strftime('%H:%M')}"
    return day


def when(value: str | None, precision: str | None = None) -> Markup:
    """``local_date`` in a <time> element whose title keeps the date as stored (ISO 8601)."""
    if not value:
        return Markup('<span class="muted">no date</span>')
    return Markup('<time datetime="{0}" title="{0}">{1}</time>').format(value, local_date(value, precision))


def article_label(article: dict[str, Any]) -> str:
    """What to call an article where its outlet belongs: the outlet, or the first words of its title
    when no outlet is named (as the outlet comparison does)."""
    if article.get("outlet"):
        return article["outlet"]
    title = article.get("title") or article.get("article_title") or (article.get("origin") or "").rsplit("/", 1)[-1]
    words = title.split()
    return "“" + " ".join(words[:5]) + ("…”" if len(words) > 5 else "”")


def as_json(value: Any) -> Markup:
    """Data for a page's script, safe inside <script type="application/json">."""
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def page_link(request: Request, page: int) -> str:
    """This page's address with the same filters, at another page number."""
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}
    if page > 1:
        params["page"] = str(page)
    return request.url.path + ("?" + urlencode(params) if params else "")


def pages(total: int, page: int, size: int = PAGE_SIZE) -> dict[str, int]:
    """Paging of ``total`` rows: this page (from 1), the last one, and the first row's offset."""
    page = max(1, page)
    return {"page": page, "last": max(1, -(-total // size)), "offset": (page - 1) * size, "size": size,
            "total": total}


def clean(value: str | None) -> str | None:
    """A form field: empty means not given."""
    value = (value or "").strip()
    return value or None


TEMPLATES.env.globals.update(entity_url=entity_url, outlet_url=outlet_url, article_label=article_label,
                             page_link=page_link)
TEMPLATES.env.filters.update(when=when, local_date=local_date, as_json=as_json)
