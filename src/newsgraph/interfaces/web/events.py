"""The event view: who did what to whom over time (CAMEO-coded), filtered by entity, code and days."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import PAGE_SIZE, clean, page_query, pages, reading, render
from newsgraph.store import explore

router = APIRouter()


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, entity: str | None = None, cameo: str | None = None, since: str | None = None,
                until: str | None = None, page: int = page_query()) -> HTMLResponse:
    filters = {"entity": clean(entity), "cameo": clean(cameo), "since": clean(since), "until": clean(until)}
    context = {"filters": filters, "events": [], "paging": pages(0, 1), "error": None}
    with reading(request) as conn:
        try:
            context["events"], total = explore.list_events(conn, **filters, limit=PAGE_SIZE,
                                                           offset=PAGE_SIZE * (max(1, page) - 1))
            context["paging"] = pages(total, page)
        except ValueError as exc:
            context["error"] = str(exc)
        names = [e[side] for e in context["events"] for side in ("actor", "target")]
        context["entity_of"] = explore.entity_ids_for_names(conn, names)
    return render(request, "events.html", context, status_code=400 if context["error"] else 200)
