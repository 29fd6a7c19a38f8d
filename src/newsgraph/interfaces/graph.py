"""The knowledge graph as GraphML, for Gephi and networkx.

Nodes are the real things, once each: every entity, every outlet, every story, each with
``label``, ``kind`` (entity, outlet, story), ``type`` (PERSON, ORG, GPE, ..., STORY),
``is_outlet``, ``mentioned_in`` (articles naming it) and ``published`` (articles an outlet
published, or a story holds). An outlet
that is also cited and also named in the text as an organisation is one node: outlets and
organisations share a key (the outlet table's canonical name, compared without case,
accents or a leading "The"), so `The Guardian` the publisher, the cited source and the ORG
entity meet. Edges, never parallel (a pair linked several ways carries one count per way
and their sum as ``weight``):

- ``co-mention``: two entities named in the same articles; weight = how many articles;
- ``quoted``: a speaker → a story they are quoted in; weight = how many quotes;
- ``cites``: an outlet → a source its articles cite (an outlet or organisation); weight =
  how many citations.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.reference.outlets import default_outlets, outlet_key
from newsgraph.store.queries import (
    co_mentions,
    graph_entities,
    outlet_articles,
    outlet_citations,
    speaker_stories,
    story_labels,
)

ORG = "ORG"
RELATIONS = ("co-mention", "quoted", "cites")
CITED_AS_ORG = ("outlet", "organisation")  # citations that name an outlet or an organisation


def org_node(name: str) -> str:
    """One key for an organisation however it appears: as an outlet, a cited source or an ORG entity."""
    known = default_outlets().from_name(name)
    return f"{ORG}:{outlet_key(known.name if known else name)}"


def node_of(entity: str, type_: str, name: str) -> str:
    """An entity's node: its id, except that organisations meet outlets under ``org_node``."""
    return org_node(name) if type_ == ORG else entity


def build_graph(conn: sqlite3.Connection) -> Any:
    """A networkx DiGraph of entities, outlets and stories, with typed, labelled nodes and weighted edges."""
    import networkx as nx

    graph = nx.DiGraph()
    node = {}  # entity id -> node key
    for e in graph_entities(conn):
        key = node_of(e["id"], e["type"], e["name"])
        node[e["id"]] = key
        _add_node(graph, key, label=e["name"], kind="entity", type=e["type"], mentioned_in=e["articles"])
    for o in outlet_articles(conn):
        key = org_node(o["outlet"])
        _add_node(graph, key, label=o["outlet"], kind="outlet", type=ORG, published=o["articles"])
    for s in story_labels(conn):
        _add_node(graph, f"story:{s['id']}", label=s["title"] or s["id"], kind="story", type="STORY",
                  published=s["articles"])

    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for pair in co_mentions(conn):
        a, b = sorted((node[pair["a"]], node[pair["b"]]))
        if a != b:  # two spellings of one organisation are one node, not a loop
            counts[a, b]["co-mention"] += pair["articles"]
    for q in speaker_stories(conn):
        if q["speaker"] in node:
            counts[node[q["speaker"]], f"story:{q['story']}"]["quoted"] += q["quotes"]
    for c in outlet_citations(conn):
        if c["kind"] not in CITED_AS_ORG:
            continue
        cited = org_node(c["cited"])
        _add_node(graph, cited, label=c["cited"], kind="outlet" if c["kind"] == "outlet" else "entity", type=ORG)
        source = org_node(c["outlet"]) if c["outlet"] else None  # an article of unknown outlet cites from no node
        if source is not None and source != cited:
            counts[source, cited]["cites"] += c["citations"]
    for (a, b), by_relation in counts.items():
        graph.add_edge(a, b, relation="+".join(r for r in RELATIONS if r in by_relation),
                       weight=sum(by_relation.values()),
                       **{r.replace("-", "_"): by_relation.get(r, 0) for r in RELATIONS})
    return graph


def _add_node(graph: Any, key: str, label: str, kind: str, type: str, mentioned_in: int = 0,
              published: int = 0) -> None:
    """Add a node, or fold what is known of it into the node already there (an outlet that is an ORG)."""
    if key not in graph:
        graph.add_node(key, label=label, kind=kind, type=type, is_outlet=False, mentioned_in=0, published=0)
    data = graph.nodes[key]
    if kind == "outlet":
        data["is_outlet"] = True
        data["label"] = label  # the outlet's own name reads best ("The Guardian", not "the guardian")
        data["kind"] = "outlet"
    data["mentioned_in"] += mentioned_in
    data["published"] += published


def write_graphml(conn: sqlite3.Connection, out: Path) -> int:
    """Write the graph as GraphML; return how many nodes it has."""
    import networkx as nx

    graph = build_graph(conn)
    nx.write_graphml(graph, out)
    return graph.number_of_nodes()

