"""The outlet page: its articles, whom it quotes and cites, and which stories carried by several
outlets it covers and which it misses."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import PAGE_SIZE, page_query, pages, reading, render
from newsgraph.store import explore

router = APIRouter()


@router.get("/outlet/{name:path}", response_class=HTMLResponse)
def outlet_page(request: Request, name: str, page: int = page_query()) -> HTMLResponse:
    with reading(request) as conn:
        outlet = explore.get_outlet(conn, name, limit=PAGE_SIZE, offset=PAGE_SIZE * (max(1, page) - 1))
        if outlet is None:
            raise HTTPException(404, f"no outlet {name}")
        context = {"outlet": outlet, "paging": pages(outlet["article_count"], page),
                   "entity_of": explore.entity_ids_for_names(conn, [c["cited"] for c in outlet["cited"]])}
    return render(request, "outlet.html", context)
