"""Article metadata: headline, outlet and wire, bylines, dates and language, from text or HTML.

Takes what a page says about itself — the lines of scraped text, or an HTML page's JSON-LD,
OpenGraph and meta tags (``page``) — and returns plain values for the ``Article``. Steps:

1. ``page``: read an HTML page's own statements (JSON-LD, OpenGraph, meta tags, h1, footer).
2. ``headline``: weigh the h1 against the metadata titles; strip site names.
3. ``outlet``: weigh every outlet signal (domain table, site name, publisher, title, copyright).
4. ``wire``: the news agency behind a syndicated story, kept apart from the outlet.
5. ``byline``: authors in every byline form, never a desk or the outlet.
6. ``dates``: publication dates with their precision, never a bare year.
7. ``language``: a cheap guess from function words, for the language gate in ``pipeline``.

The line-level reading of scraped text (where the headline and byline stand) is in
``structure.plaintext``; these modules never import it.
"""
