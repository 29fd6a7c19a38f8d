"""What every web response carries and every request must pass, whatever the pages are.

Security headers and a Content-Security-Policy on every response; only the Host names
the server was told to answer (by default the address it binds to, so a page elsewhere
cannot reach it through DNS rebinding); bounded ``limit`` values; and validation errors
as 400 with a one-line reason, never a 500.
"""

from __future__ import annotations

import socket
from typing import Any, Awaitable, Callable

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

MAX_LIMIT = 1000  # rows one request may ask for
DEFAULT_LIMIT = 100

CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
# Every page, /docs included, loads only from the server itself (/docs is a plain offline page).
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
WILDCARD = ("0.0.0.0", "::", "")


def limit_query(default: int = DEFAULT_LIMIT) -> Any:
    """A ``limit`` parameter between 1 and MAX_LIMIT; anything else is a 400."""
    return Query(default, ge=1, le=MAX_LIMIT, description=f"At most this many rows (1 to {MAX_LIMIT}).")


def default_hosts(bind_host: str) -> list[str]:
    """The Host names to answer when none are given: the bind address (and localhost for loopback)."""
    if bind_host in LOOPBACK or bind_host.startswith("127."):
        return sorted({bind_host, *LOOPBACK})
    if bind_host in WILDCARD:
        return sorted({*LOOPBACK, socket.gethostname(), socket.getfqdn()})
    return [bind_host]


def secure(app: FastAPI, allowed_hosts: list[str]) -> None:
    """Add the Host check, the headers and 400-for-bad-parameters to ``app``."""
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)  # inside the headers below

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
                             for e in exc.errors())
        return JSONResponse({"detail": problems or "bad request"}, status_code=400, headers=HEADERS)
