"""The article page: the text with its quotes and flags marked, and everything found in it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from newsgraph.interfaces.web.context import reading, render
from newsgraph.store import explore, queries

router = APIRouter()


def highlight_segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` into plain and highlighted pieces; overlapping spans keep the first."""
    pieces: list[dict[str, Any]] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if span["start"] < cursor:
            continue
        if span["start"] > cursor:
            pieces.append({"text": text[cursor:span["start"]]})
        pieces.append({"text": text[span["start"]:span["end"]], "kind": span["kind"], "title": span.get("title", "")})
        cursor = span["end"]
    if cursor < len(text):
        pieces.append({"text": text[cursor:]})
    return pieces


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    with reading(request) as conn:
        full = queries.resolve_article_id(conn, article_id)
        article = queries.get_article(conn, full) if full else None
        if article is None:
            raise HTTPException(404, f"no article {article_id}")
        ids = explore.entity_ids_for_names(conn, [q["speaker_entity"] for q in article["quotes"]]
                                           + [r["entity"] for r in article["roles"]])
    spans = [{"start": q["start"], "end": q["end"], "kind": f"quote-{q['kind']}",
              "title": f"{q['speaker_entity'] or q['speaker'] or '?'} ({q['kind']}, {q['cue'] or '-'})"}
             for q in article["quotes"]]
    spans += [{"start": f["start"], "end": f["end"], "kind": "flag", "title": f["explanation"]}
              for f in article["flags"]]
    return render(request, "article.html", {"article": article, "segments": highlight_segments(article["text"], spans),
                                            "entity_of": ids})
