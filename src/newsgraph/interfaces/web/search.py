"""The search page: articles or quotes matching a query, with snippets, filters, attention over
time and the network of entities named in the matching articles."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import clean, page_query, pages, reading, render
from newsgraph.store import explore, queries

router = APIRouter()


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", what: str = "articles", outlet: str | None = None,
                since: str | None = None, until: str | None = None, page: int = page_query()) -> HTMLResponse:
    filters = {"outlet": clean(outlet), "since": clean(since), "until": clean(until)}
    what = what if what in queries.SEARCH_KINDS else "articles"
    context = {"q": q, "what": what, "filters": filters, "results": [], "paging": pages(0, 1), "error": None,
               "attention": None, "network": None}
    with reading(request) as conn:
        context["outlets"] = explore.outlets(conn)
        if q.strip():
            try:
                total = queries.search_count(conn, q, what=what, **filters)
                context["paging"] = paging = pages(total, page)
                context["results"] = queries.search(conn, q, what=what, **filters, limit=paging["size"],
                                                    offset=paging["offset"])
                if what == "articles" and total:
                    context["attention"] = explore.attention(conn, query=q, **filters)
                    context["network"] = explore.comention_network(conn, query=q, **filters)
            except ValueError as exc:
                context["error"] = str(exc)
    return render(request, "search.html", context, status_code=400 if context["error"] else 200)
