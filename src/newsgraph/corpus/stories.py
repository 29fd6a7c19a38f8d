"""Story clustering (placeholder until the real clusterer lands): one story per article."""

from __future__ import annotations

import sqlite3
from typing import Sequence


def update_stories(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    return {}
