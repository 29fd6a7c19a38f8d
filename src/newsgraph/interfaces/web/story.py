"""The story page: its articles on a timeline by outlet, attention over time, the entities named
together, flags, and the outlet comparison (claims in their own words, labelled by outlet)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import article_label, reading, render
from newsgraph.store import explore, queries

router = APIRouter()


def timeline(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One lane per outlet (first to publish first), each with its articles in time order."""
    lanes: dict[str, list[dict[str, Any]]] = {}
    for member in members:  # already in publication order
        lanes.setdefault(article_label(member), []).append(member)
    return [{"label": label, "articles": articles} for label, articles in lanes.items()]


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    from newsgraph.corpus.compare import comparison_for_story

    with reading(request) as conn:
        story = queries.get_story(conn, story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id}")
        members = [queries.get_article(conn, m["id"]) or m for m in story["members"]]
        brief = explore.story_members(conn, story["id"])
        key_names = explore.entity_names(conn, story["key_entities"])
        context = {
            "story": story, "members": members, "timeline": timeline(brief),
            "key_entities": [{"id": k, "name": key_names.get(k, k)} for k in story["key_entities"]],
            "comparison": comparison_for_story(conn, story["id"]),
            "label_of": {m["id"]: article_label(m) for m in members},
            "attention": explore.attention(conn, story=story["id"]),
            "network": explore.comention_network(conn, story=story["id"]),
        }
    return render(request, "story.html", context)
