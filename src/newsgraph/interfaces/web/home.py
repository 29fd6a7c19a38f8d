"""The home page: a search box, and the stories, a page at a time, filtered by outlet, dates and entity."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import PAGE_SIZE, clean, page_query, pages, reading, render
from newsgraph.store import explore, queries

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, outlet: str | None = None, since: str | None = None, until: str | None = None,
         entity: str | None = None, page: int = page_query()) -> HTMLResponse:
    filters = {"outlet": clean(outlet), "since": clean(since), "until": clean(until), "entity": clean(entity)}
    with reading(request) as conn:
        counts = queries.counts(conn, ("articles", "stories", "quotes", "flags"))
        context = {"filters": filters, "outlets": explore.outlets(conn), "counts": counts, "error": None,
                   "stories": [], "paging": pages(0, 1)}
        try:
            start = PAGE_SIZE * (max(1, page) - 1)
            context["stories"], total = explore.list_stories(conn, **filters, limit=PAGE_SIZE, offset=start)
            context["paging"] = pages(total, page)
        except ValueError as exc:
            context["error"] = str(exc)
        if filters["entity"]:
            ids = explore.entity_ids_for(conn, filters["entity"])
            context["entity_links"] = explore.entity_names(conn, ids)
    return render(request, "home.html", context, status_code=400 if context["error"] else 200)
