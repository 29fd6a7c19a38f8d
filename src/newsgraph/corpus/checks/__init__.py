"""Cross-article checks: statements the outlets of one story cannot all have right.

Takes the ``ArticleAnalysis`` records of a story's articles; returns ``Flag`` records.
Per-article checks are in ``newsgraph.extract.checks``.

- ``speakers``: one quotation printed with two different speakers.
"""

from newsgraph.corpus.checks.speakers import check_story

__all__ = ["check_story"]
