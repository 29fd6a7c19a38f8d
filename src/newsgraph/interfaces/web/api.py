"""The JSON API under /api: the same rows as the CLI's ``--json`` and the Python API."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from newsgraph.interfaces.web.context import reading
from newsgraph.interfaces.websecurity import MAX_LIMIT, limit_query
from newsgraph.store import explore, queries

router = APIRouter(prefix="/api")
OFFSET = Query(0, ge=0, le=MAX_LIMIT * 1000, description="Rows to skip (for paging).")


def _bad_request(exc: ValueError) -> HTTPException:
    return HTTPException(400, str(exc))


@router.get("/stories")
def api_stories(request: Request, min_size: int = Query(1, ge=1, le=1_000_000),
                limit: int = limit_query()) -> list[dict[str, Any]]:
    with reading(request) as conn:
        return list(queries.iter_stories(conn, min_size=min_size, limit=limit))


@router.get("/stories/{story_id}")
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    from newsgraph.corpus.compare import comparison_for_story

    with reading(request) as conn:
        story = queries.get_story(conn, story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id}")
        comparison = comparison_for_story(conn, story["id"])
        return {**story, "comparison": asdict(comparison) if comparison else None}


@router.get("/articles")
def api_articles(request: Request, outlet: str | None = None, story: str | None = None,
                 limit: int = limit_query()) -> list[dict[str, Any]]:
    with reading(request) as conn:
        return list(queries.iter_articles(conn, outlet=outlet, story=story, limit=limit))


@router.get("/articles/{article_id}")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    with reading(request) as conn:
        full = queries.resolve_article_id(conn, article_id)
        article = queries.get_article(conn, full) if full else None
        if article is None:
            raise HTTPException(404, f"no article {article_id}")
        return article


@router.get("/search")
def api_search(request: Request, q: str, what: str = "articles", outlet: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = limit_query(20),
               offset: int = OFFSET) -> list[dict[str, Any]]:
    """Full-text search: words, "phrases", prefix*, OR, -word; best match first; snippets in HTML."""
    with reading(request) as conn:
        try:
            return queries.search(conn, q, what=what, outlet=outlet, since=since, until=until, limit=limit,
                                  offset=offset)
        except ValueError as exc:
            raise _bad_request(exc)


@router.get("/quotes")
def api_quotes(request: Request, speaker: str | None = None, limit: int = limit_query()) -> list[dict[str, Any]]:
    with reading(request) as conn:
        return list(queries.iter_quotes(conn, speaker=speaker, limit=limit))


@router.get("/entities")
def api_entities(request: Request, name: str | None = None, type: str | None = None,
                 limit: int = limit_query()) -> list[dict[str, Any]]:
    with reading(request) as conn:
        return list(queries.iter_entities(conn, type_=type, name=name, limit=limit))


@router.get("/entities/{entity_id:path}")
def api_entity(request: Request, entity_id: str) -> dict[str, Any]:
    with reading(request) as conn:
        entity = explore.get_entity(conn, entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return entity


@router.get("/outlets/{name:path}")
def api_outlet(request: Request, name: str) -> dict[str, Any]:
    with reading(request) as conn:
        outlet = explore.get_outlet(conn, name)
        if outlet is None:
            raise HTTPException(404, f"no outlet {name}")
        return outlet


@router.get("/events")
def api_events(request: Request, entity: str | None = None, cameo: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = limit_query(), offset: int = OFFSET) -> list[dict[str, Any]]:
    with reading(request) as conn:
        try:
            return explore.list_events(conn, entity, cameo, since, until, limit=limit, offset=offset)[0]
        except ValueError as exc:
            raise _bad_request(exc)


@router.get("/attention")
def api_attention(request: Request, q: str | None = None, entity: str | None = None, story: str | None = None,
                  outlet: str | None = None, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Articles per day by outlet for a search (q), an entity or a story."""
    with reading(request) as conn:
        try:
            return explore.attention(conn, query=q, entity=entity, story=story, outlet=outlet, since=since,
                                     until=until)
        except ValueError as exc:
            raise _bad_request(exc)


@router.get("/network")
def api_network(request: Request, q: str | None = None, entity: str | None = None, story: str | None = None,
                outlet: str | None = None, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Entities named together in a search's (q), an entity's or a story's articles."""
    with reading(request) as conn:
        try:
            return explore.comention_network(conn, query=q, entity=entity, story=story, outlet=outlet,
                                             since=since, until=until)
        except ValueError as exc:
            raise _bad_request(exc)


@router.get("/flags")
def api_flags(request: Request, limit: int = limit_query()) -> list[dict[str, Any]]:
    with reading(request) as conn:
        return list(queries.iter_flags(conn, limit=limit))
