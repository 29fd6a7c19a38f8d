"""Readable terminal output (Rich) for the CLI: summaries, tables, one article, one story."""

from __future__ import annotations

import html
import re
import sqlite3
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.store import queries


def _short(value: str | None, width: int = 90) -> str:
    value = (value or "").replace("\n", " ")
    return value if len(value) <= width else value[: width - 1] + "…"


ID_COLUMNS = {"id", "story", "article"}
SHORT_ID = 12  # tables print the first 12 characters of an id; every command accepts them


def _add_column(table: Table, column: str) -> None:
    """Ids never wrap: a folded id copied from a table would be cut short."""
    if column in ID_COLUMNS:
        table.add_column(column, no_wrap=True, min_width=SHORT_ID)
    else:
        table.add_column(column, overflow="fold")


def print_summary(console: Console, summary: Any, db: Path) -> None:
    analysed = summary.new + summary.reanalysed
    rate = analysed / summary.seconds if summary.seconds else 0.0
    again = f"[bold]{summary.reanalysed}[/] re-analysed, " if summary.reanalysed else ""
    line = (f"[bold]{summary.new}[/] new, {again}{summary.unchanged} unchanged, "
            f"[{'red' if summary.failed else 'green'}]{summary.failed} failed[/] "
            f"of {summary.read} read in {summary.seconds:.1f}s ({rate:.1f} articles/s); "
            f"{summary.stories} stories touched → {escape(str(db))}")
    console.print(line)
    if summary.languages:
        print_languages(console, dict(summary.languages.most_common()))
    if summary.finished:
        console.print(f"finished the story grouping of {summary.finished} articles an interrupted run left")
    if summary.warnings:
        console.print("[yellow]Warnings:[/]")
        for warning in summary.warnings[:20]:
            console.print(Text(f"  {warning}"), highlight=False)
        if len(summary.warnings) > 20:
            console.print(f"  … and {len(summary.warnings) - 20} more")
    if summary.failures:
        console.print("[red]Failures:[/]")
        for failure in summary.failures[:20]:
            console.print(Text(f"  {failure}"), highlight=False)
        if len(summary.failures) > 20:
            console.print(f"  … and {len(summary.failures) - 20} more (table `failures` in the database)")


def print_articles(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} articles", show_lines=False)
    for column in ("id", "outlet", "published", "lang", "title", "story"):
        _add_column(table, column)
    for r in rows:
        outlet = (r["outlet"] or "") + (f" ({r['wire']})" if r.get("wire") else "")
        table.add_row(r["id"][:12], outlet, r["published"] or "", _language_mark(r.get("language")),
                      _short(r["title"], 70), (r["story"] or "")[:12])
    console.print(table)


def _language_mark(language: str | None) -> str:
    """"pt*": the English model did not read this article (no entities, quotes or events)."""
    return "" if language is None else language if language == "en" else f"{language}*"


def print_languages(console: Console, counts: dict[str | None, int]) -> None:
    """Articles per language; those not in English were stored but not read by the English model."""
    line = ", ".join(f"{language or 'unknown'} {n}" for language, n in counts.items())
    console.print(f"articles by language: {line}")
    if any(language not in (None, "en") for language in counts):
        console.print("  (* not English: stored and searchable, but no entities, quotes or events — "
                      "the extractors read English only)")


def print_entities(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} entities")
    for column in ("name", "type", "articles", "mentions", "aliases", "roles"):
        _add_column(table, column)
    for r in rows:
        roles = sorted({role["role"] for role in r["roles"]})
        table.add_row(r["name"], r["type"], str(r["articles"]), str(r["mentions"]), ", ".join(r["aliases"]),
                      "; ".join(roles))
    console.print(table)


def print_quotes(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} quotes", show_lines=True)
    for column in ("speaker", "kind", "quote", "outlet", "published", "article"):
        _add_column(table, column)
    for r in rows:
        speaker = r["speaker_entity"] or r["speaker"] or "?"
        if r["speaker"] and r["speaker_entity"] and r["speaker"] != r["speaker_entity"]:
            speaker += f" (“{r['speaker']}”)"
        table.add_row(speaker, r["kind"], _short(r["text"], 160), r["outlet"] or "", r["published"] or "",
                      r["article"][:12])
    console.print(table)


def _snippet(snippet: str) -> Text:
    """A search snippet (HTML, matches in ``<mark>``) as terminal text with the matches in bold."""
    text = Text()
    for i, part in enumerate(re.split(r"</?mark>", snippet)):
        text.append(html.unescape(part), style="bold yellow" if i % 2 else "")
    return text


def print_search(console: Console, rows: list[dict[str, Any]], what: str, total: int) -> None:
    table = Table(title=f"{len(rows)} of {total} {what}, best match first", show_lines=True)
    first = ("title", "match") if what == "articles" else ("speaker", "quote")
    for column in (*first, "outlet", "published", "article"):
        table.add_column(column, overflow="fold")
    for r in rows:
        lead = r["title"] or "(no title)" if what == "articles" else r["speaker_entity"] or r["speaker"] or "?"
        table.add_row(lead, _snippet(r["snippet"]), r["outlet"] or "", r["published"] or "",
                      (r["id"] if what == "articles" else r["article"])[:12])
    console.print(table)


def print_citations(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} cited sources")
    for column in ("article", "outlet", "cited", "kind", "relation", "evidence"):
        _add_column(table, column)
    for c in rows:
        table.add_row(c["article"][:12], c.get("outlet") or "", c["cited"], c["kind"], c["relation"],
                      _short(c["evidence"], 100))
    console.print(table)


def print_events(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} events", show_lines=True)
    for column in ("source", "CAMEO", "target", "modality", "date", "evidence", "outlet"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(_actor(r["actor"], r["actor_text"], r["actor_code"]),
                      f"{r['cameo']} {r['action']}" + (f" ({r['plover']})" if r.get("plover") else ""),
                      _actor(r["target"], r["target_text"], r["target_code"]), r["modality"],
                      r["date"] or r["published"] or "", _short(r["evidence"], 140), r["outlet"] or "")
    console.print(table)


def _actor(name: str | None, text: str | None, code: str | None) -> str:
    if not (name or text or code):
        return "—"
    shown = name or text or ""
    return escape(f"{shown} [{code}]" if code else f"{shown} [?]")


def print_stories(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} stories")
    for column in ("id", "articles", "outlets", "first", "last", "title"):
        _add_column(table, column)
    for r in rows:
        table.add_row(r["id"][:12], str(len(r["articles"])), _some(r["outlets"], STORY_OUTLETS_SHOWN),
                      r["first_published"] or "", r["last_published"] or "", _short(r["title"], 70))
    console.print(table)


STORY_OUTLETS_SHOWN = 4  # a big story has a hundred outlets: the listing names a few, `show` names all


def _some(names: list[str], shown: int) -> str:
    """The first few names, then how many more: keeps one story to a few table lines."""
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} +{len(names) - shown} more"


def print_flags(console: Console, rows: list[dict[str, Any]]) -> None:
    if not rows:
        console.print("No flags.")
        return
    for r in rows:
        console.print(Panel(
            Text.assemble((f"{r['kind']}", "bold red"), f"  confidence {r['confidence']:.2f}  ",
                          (f"article {r['article'][:12]} ({r.get('outlet') or 'outlet unknown'})", "dim"),
                          "\n", (r["mention"], "bold"), "\n", r["explanation"], "\n", ("“" + r["evidence"] + "”", "italic")),
            expand=True))


def _highlight(text: str, start: int, end: int) -> Text:
    out = Text(text)
    out.stylize("bold yellow", start, end)
    return out


def print_article(console: Console, article: dict[str, Any], raw: bool = False) -> None:
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    for label, value in (("id", article["id"]), ("origin", article["origin"]), ("outlet", article["outlet"]),
                         ("url", article["url"]), ("published", article["published"]),
                         ("authors", ", ".join(article["authors"])), ("story", article["story"]),
                         ("duplicate of", article["duplicate_of"])):
        if value:
            head.add_row(label, str(value))
    console.print(Panel(head, title=escape(article["title"] or "(no title)"), title_align="left"))
    if article.get("lead"):
        console.print(Text(article["lead"], style="italic"))
    console.print(article["body"])
    for caption in article["captions"]:
        console.print(f"[dim]caption:[/] {escape(caption)}")
    if raw:
        removed = article.get("removed") or []
        console.rule(f"removed as boilerplate ({len(removed)} lines)")
        for line in removed:
            console.print(Text("- " + line, style="red"))
    text = article.get("text", "")
    if article["entities"]:
        console.rule("entities")
        for e in article["entities"]:
            console.print(f"[bold]{escape(e['name'])}[/] [dim]{e['type']}[/] ×{e['mentions']}: "
                          f"{escape(e['surfaces'] or '')}")
    if article["roles"]:
        console.rule("titles and roles")
        for r in article["roles"]:
            console.print(f"[bold]{escape(r['entity'])}[/] — {escape(r['role'])}  [dim]“{escape(r['evidence'])}”[/]")
    if article["quotes"]:
        console.rule("quotes")
        for q in article["quotes"]:
            speaker = q["speaker_entity"] or q["speaker"] or "?"
            console.print(Text.assemble((speaker, "bold cyan"), f" [{q['kind']}, {q['cue'] or '-'}, "
                                        f"{q['confidence']:.2f}]: "))
            console.print(_in_context(text, q["start"], q["end"], q["evidence"]))
    if article["citations"]:
        console.rule("cited sources")
        for c in article["citations"]:
            console.print(f"[bold]{escape(c['cited'])}[/] ({c['kind']}, {escape(c['relation'])}): "
                          f"[dim]“{escape(c['evidence'])}”[/]")
    if article["events"]:
        console.rule("events")
        for e in article["events"]:
            console.print(f"{escape(e['actor'] or '?')} —[{e['cameo']} {escape(e['action'])}]→ "
                          f"{escape(e['target'] or '?')}  {e['date'] or ''} [dim]“{escape(e['evidence'])}”[/]")
    if article["flags"]:
        console.rule("flags")
        print_flags(console, article["flags"])


def _in_context(text: str, start: int, end: int, evidence: str) -> Text:
    """The evidence sentence with the quoted span highlighted."""
    offset = text.find(evidence) if evidence else -1
    if offset < 0:
        return Text("  " + text[start:end])
    out = _highlight(evidence, max(0, start - offset), max(0, end - offset))
    out.pad_left(2)
    return out


def print_story(console: Console, story: dict[str, Any]) -> None:
    console.print(Panel(f"{len(story['articles'])} articles from {', '.join(story['outlets']) or 'unknown outlets'}\n"
                        f"{story['first_published'] or '?'} – {story['last_published'] or '?'}\n"
                        f"key entities: {', '.join(story.get('key_entity_names', story['key_entities']))}",
                        title=f"story {story['id'][:12]}: {escape(story['title'] or '')}", title_align="left"))
    print_articles(console, story["members"])


def print_report(console: Console, conn: sqlite3.Connection) -> None:
    """The overview printed after the demo and by ``newsgraph report``."""
    counts = queries.counts(conn)
    console.rule("[bold]newsgraph report")
    console.print(", ".join(f"{n} {t}" for t, n in counts.items()))
    print_languages(console, queries.language_counts(conn))
    print_articles(console, list(queries.iter_articles(conn, limit=20)))
    stories = list(queries.iter_stories(conn, min_size=1, limit=10))
    for story in stories:
        if len(story["articles"]) < 2:
            continue
        console.rule(f"story {story['id'][:12]}")
        members = list(queries.iter_articles_by_ids(conn, story["articles"]))
        print_story(console, {**story, "members": members})
        print_comparison(console, conn, story["id"], {m["id"]: m["outlet"] for m in members if m["outlet"]})
    print_entities(console, list(queries.iter_entities(conn, limit=25)))
    print_quotes(console, list(queries.iter_quotes(conn, limit=30)))
    citations = list(queries.iter_citations(conn))
    if citations:
        print_citations(console, citations)
    console.rule("flags")
    print_flags(console, list(queries.iter_flags(conn, limit=20)))


def print_comparison(console: Console, conn: sqlite3.Connection, story_id: str, outlet_of: dict[str, str]) -> None:
    """What each outlet of a story reports, adds and omits (filled in by corpus.compare).

    ``outlet_of`` names each member article's outlet: articles are shown by outlet, not id.
    """
    from newsgraph.corpus.compare import comparison_for_story

    comparison = comparison_for_story(conn, story_id)
    if comparison is None:
        return
    print_comparison_record(console, comparison, outlet_of)


def print_comparison_record(console: Console, comparison: Any, outlet_of: dict[str, str]) -> None:
    def name(article_id: str) -> str:
        return f"{outlet_of[article_id]} ({article_id[:8]})" if article_id in outlet_of else article_id[:12]

    console.print(f"[bold]Shared facts ({len(comparison.shared)})[/]")
    for claim in comparison.shared:
        for v in claim.variants:
            console.print(f"  [cyan]{escape(v.outlet or v.article[:12])}[/]: {escape(_short(v.text, 200))}")
        for d in claim.differences:
            console.print(f"  [yellow]difference:[/] {escape(d)}")
        console.print()
    for article_id, claims in comparison.unique.items():
        console.print(f"[bold]Only in {escape(name(article_id))} ({len(claims)})[/]")
        for claim in claims:
            console.print(f"  - {escape(_short(claim.variants[0].text, 200))}")
    for article_id, speakers in comparison.quoted.items():
        console.print(f"[bold]{escape(name(article_id))} quotes:[/] {escape(', '.join(speakers))}")
    for article_id, sources in comparison.cited.items():
        console.print(f"[bold]{escape(name(article_id))} cites:[/] {escape(', '.join(sources))}")
    for claim in comparison.contradictions:
        console.print("[red]contradiction:[/] " + " | ".join(escape(v.text) for v in claim.variants))
