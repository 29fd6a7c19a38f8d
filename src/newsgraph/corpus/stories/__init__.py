"""Stories: group stored articles that report the same news, from any outlet.

Takes the ids of newly stored articles and a store connection; writes
``articles.story``, ``articles.duplicate_of`` and the ``stories`` rows, and returns the
story each article joined. Incremental: only the new articles and the part of the index
they can touch are read.

Steps, one module each:

1. ``dedup``: syndicated copies and re-posts (MinHash/LSH) linked to their original.
2. ``features``: an article as weighted terms: light-stemmed words (kept apart per
   language) and its names, weighted by how often it mentions them.
3. ``embeddings``: one sentence embedding per article, computed by the ingest workers.
4. ``timing``: the year an article's news belongs to, from its date or from its text.
5. ``participants``: who an article is about (the people its headline and first sentence
   name) and whether two stories' main participants are the same.
6. ``index``: story centroids, document frequencies and a capped inverted index; an article
   joins the most similar story whose participants and year fit its own; two stories merge
   only when each names the other's main participants.
7. ``store``: the part of the index an update needs, loaded from the store and saved back.
8. ``update``: attaches each article to the most similar story or opens a new one.

The ingest workers call ``signature_bytes`` and ``attach_embeddings`` so that the main
process never signs or embeds.
"""

from newsgraph.corpus.stories.dedup import signature_bytes
from newsgraph.corpus.stories.embeddings import attach as attach_embeddings
from newsgraph.corpus.stories.update import update_stories

__all__ = ["attach_embeddings", "signature_bytes", "update_stories"]
