"""The entity page: aliases, roles over time with evidence, what it said and what is said about it,
events as actor and target, the entities it appears with, its articles by outlet, and attention."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import reading, render
from newsgraph.store import explore

router = APIRouter()


@router.get("/entity/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    with reading(request) as conn:
        entity = explore.get_entity(conn, entity_id)
        if entity is None:
            ids = explore.entity_ids_for(conn, entity_id)  # a name typed into the address works too
            entity = explore.get_entity(conn, ids[0]) if len(ids) == 1 else None
        if entity is None:
            raise HTTPException(404, f"no entity {entity_id}")
        names = [q["speaker_entity"] for q in entity["quoted_about"]]
        names += [e[side] for e in entity["events_as_actor"] + entity["events_as_target"] for side in ("actor", "target")]
        context = {"entity": entity, "entity_of": explore.entity_ids_for_names(conn, names),
                   "attention": explore.attention(conn, entity=entity["id"]),
                   "network": explore.comention_network(conn, entity=entity["id"])}
    return render(request, "entity.html", context)
