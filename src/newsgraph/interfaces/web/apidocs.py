"""/docs: a plain page listing the JSON API, built from the app's own OpenAPI description.

FastAPI's default /docs loads Swagger UI from a CDN, so it is blank offline; vendoring
swagger-ui would add more than a megabyte of JavaScript to the package, more than all the
rest of the web UI. This page needs no script: each endpoint with its parameters and a
link to try it; /openapi.json stays for tools that want the full description.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import render

router = APIRouter()


def endpoints(openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON endpoints: path, summary, description and parameters (name, where, type, required)."""
    found = []
    for path, methods in sorted(openapi.get("paths", {}).items()):
        if not path.startswith("/api"):
            continue
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": p.get("schema", {}).get("type") or " or ".join(
                           t.get("type", "") for t in p.get("schema", {}).get("anyOf", []) if t.get("type"))}
                      for p in op.get("parameters", [])]
            found.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                          "description": op.get("description", ""), "parameters": params})
    return found


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    return render(request, "docs.html", {"endpoints": endpoints(request.app.openapi())})
