"""SQLite's SQL, as the store writes it, rewritten for PostgreSQL.

The store and the query layer are written once, in the portable SQL both engines share,
plus a few SQLite forms that have a direct PostgreSQL equivalent. This module rewrites
those forms; it is the whole difference between the two stores' SQL:

| SQLite | PostgreSQL |
|---|---|
| ``?`` placeholders | ``%s`` (and a literal ``%`` doubled) |
| ``INSERT OR IGNORE`` | ``INSERT ... ON CONFLICT DO NOTHING`` |
| ``INSERT OR REPLACE`` | ``INSERT ... ON CONFLICT (primary key) DO UPDATE SET ...`` |
| ``x = ? COLLATE NOCASE``, ``x COLLATE NOCASE`` | ``lower(x) = lower(%s)``, ``lower(x)`` |
| ``ORDER BY x`` (NULL sorts first), ``x DESC`` (last) | ``x NULLS FIRST``, ``x DESC NULLS LAST`` |
| ``LIKE`` (ASCII case-insensitive) | ``ILIKE`` |
| ``GROUP_CONCAT(x)`` | ``string_agg(x::text, ',')`` |
| ``IFNULL``, ``instr``, ``char`` | ``COALESCE``, ``strpos``, ``chr`` |
| ``INTEGER``, ``REAL``, ``BLOB``, ``INTEGER PRIMARY KEY`` | ``BIGINT``, ``DOUBLE PRECISION``, ``BYTEA``, an identity column |
| ``PRAGMA ...`` | nothing (settings of the SQLite file) |

Statements are rewritten outside string literals and quoted names only. Anything else
SQLite-specific (FTS5, ``sqlite_master``) is kept out of this layer: the code that needs
it asks which dialect it runs on (``dialect_of``).
"""

from __future__ import annotations

import re
from functools import lru_cache

# A token of SQL: a string literal, a quoted name, or one character of anything else.
_PIECES = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|.", re.S)

_INSERT = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.I | re.S)
_NOCASE_EQ = re.compile(r"([\w.]+)\s*=\s*\?\s+COLLATE\s+NOCASE", re.I)
_NOCASE_ANY = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE", re.I)
_GROUP_CONCAT = re.compile(r"GROUP_CONCAT\(\s*(DISTINCT\s+)?([\w.]+)\s*\)", re.I)
_LIKE = re.compile(r"(?<![\w])LIKE(?![\w])", re.I)
_IFNULL = re.compile(r"(?<![\w])IFNULL\(", re.I)
_INSTR = re.compile(r"(?<![\w])instr\(", re.I)
_CHAR = re.compile(r"(?<![\w])char\(", re.I)
_RETURNING = re.compile(r"\sRETURNING\s", re.I)

# DDL types
_INT_PK = re.compile(r"\bINTEGER\s+PRIMARY\s+KEY\b", re.I)
_INTEGER = re.compile(r"\bINTEGER\b", re.I)
_REAL = re.compile(r"\bREAL\b", re.I)
_BLOB = re.compile(r"\bBLOB\b", re.I)


def _outside_literals(sql: str, rewrite) -> str:  # noqa: ANN001 - a str -> str function
    """Apply ``rewrite`` to the stretches of ``sql`` that are not literals or quoted names."""
    out, plain = [], []
    for piece in _PIECES.findall(sql):
        if len(piece) > 1 and piece[0] in "'\"":
            out.append(rewrite("".join(plain)))
            plain = []
            out.append(piece.replace("%", "%%"))
        else:
            plain.append(piece)
    out.append(rewrite("".join(plain)))
    return "".join(out)


_ORDER_BY = re.compile(r"\bORDER\s+BY\s+", re.I)
_ORDER_END = re.compile(r"\b(LIMIT|OFFSET|UNION|FETCH)\b|\)|;", re.I)


def _nulls_as_sqlite(text: str) -> str:
    """SQLite sorts NULL below every value; PostgreSQL above. Say so in each ORDER BY item."""
    out, pos = [], 0
    for m in _ORDER_BY.finditer(text):
        if m.start() < pos:
            continue
        start = m.end()
        depth, i = 0, start
        while i < len(text):
            ch = text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and _ORDER_END.match(text, i) and (i == 0 or not text[i - 1].isalnum()):
                break
            i += 1
        items, item, depth = [], "", 0
        for ch in text[start:i]:
            depth += ch == "("
            depth -= ch == ")"
            if ch == "," and depth == 0:
                items.append(item)
                item = ""
            else:
                item += ch
        items.append(item)
        fixed = []
        for entry in items:
            stripped = entry.rstrip()
            tail = entry[len(stripped):]
            if not stripped.strip() or re.search(r"\bNULLS\s+(FIRST|LAST)\b", stripped, re.I):
                fixed.append(entry)
            elif re.search(r"\bDESC$", stripped, re.I):
                fixed.append(f"{stripped} NULLS LAST{tail}")
            else:
                fixed.append(f"{stripped} NULLS FIRST{tail}")
        out.append(text[pos:start] + ",".join(fixed))
        pos = i
    out.append(text[pos:])
    return "".join(out)


_SUBQUERY = re.compile(r"\b(FROM|JOIN)\s*\(\s*SELECT\b", re.I)
_NOT_ALIAS = re.compile(r"\s*($|[),;]|(WHERE|GROUP|ORDER|LIMIT|OFFSET|JOIN|LEFT|INNER|CROSS|ON|UNION|HAVING)\b)", re.I)


def _aliased_subqueries(text: str) -> str:
    """A subquery in FROM needs an alias in PostgreSQL (before 16); SQLite does without."""
    out, pos, n = [], 0, 0
    for m in _SUBQUERY.finditer(text):
        if m.start() < pos:
            continue
        open_at = text.index("(", m.start())
        depth, i = 0, open_at
        while i < len(text):
            depth += text[i] == "("
            depth -= text[i] == ")"
            if depth == 0:
                break
            i += 1
        out.append(text[pos:i + 1])
        pos = i + 1
        if _NOT_ALIAS.match(text, pos):
            n += 1
            out.append(f" AS _sub{n}")
    out.append(text[pos:])
    return "".join(out)


def _expressions(text: str) -> str:
    text = _aliased_subqueries(text)
    text = _NOCASE_EQ.sub(r"lower(\1) = lower(?)", text)
    text = _NOCASE_ANY.sub(r"lower(\1)", text)
    text = _nulls_as_sqlite(text)
    text = _GROUP_CONCAT.sub(lambda m: f"string_agg({m.group(1) or ''}{m.group(2)}::text, ',')", text)
    text = _LIKE.sub("ILIKE", text)
    text = _IFNULL.sub("COALESCE(", text)
    text = _INSTR.sub("strpos(", text)
    text = _CHAR.sub("chr(", text)
    return text.replace("%", "%%").replace("?", "%s")


def _with_conflict(sql: str, clause: str) -> str:
    """Put ``ON CONFLICT ...`` after the VALUES list, before any RETURNING."""
    body = sql.rstrip().rstrip(";")
    match = _RETURNING.search(body)
    if match:
        return f"{body[:match.start()]} {clause}{body[match.start():]}"
    return f"{body} {clause}"


def statement(sql: str, primary_keys: dict[str, tuple[str, ...]]) -> str | None:
    """One statement for PostgreSQL, or None when it has no meaning there (a PRAGMA)."""
    stripped = sql.strip()
    if re.match(r"PRAGMA\b", stripped, re.I):
        return None
    if re.match(r"BEGIN\b", stripped, re.I):
        return "BEGIN"
    insert = _INSERT.match(stripped)
    if insert:
        kind, table, columns = insert.group(1).upper(), insert.group(2), insert.group(3)
        stripped = stripped[:insert.start()] + f"INSERT INTO {table} ({columns})" + stripped[insert.end():]
        rewritten = _outside_literals(stripped, _expressions)
        if kind == "IGNORE":
            return _with_conflict(rewritten, "ON CONFLICT DO NOTHING")
        key = primary_keys.get(table.lower())
        if not key:
            raise ValueError(f"INSERT OR REPLACE into {table}, which has no primary key")
        names = [c.strip() for c in columns.split(",")]
        updates = [f"{n} = EXCLUDED.{n}" for n in names if n.strip('"').lower() not in key]
        action = f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING"
        return _with_conflict(rewritten, f"ON CONFLICT ({', '.join(_quoted(k) for k in key)}) {action}")
    return _outside_literals(stripped, _expressions)


def _quoted(name: str) -> str:
    return f'"{name}"' if name in {"end", "start", "key", "text"} else name


def ddl(script: str) -> list[str]:
    """The statements of a schema script, with SQLite's column types given PostgreSQL's."""
    statements = []
    for raw in split_statements(script):
        if re.match(r"PRAGMA\b", raw, re.I):
            continue

        def types(text: str) -> str:
            text = _INT_PK.sub("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", text)
            text = _INTEGER.sub("BIGINT", text)
            text = _REAL.sub("DOUBLE PRECISION", text)
            return _BLOB.sub("BYTEA", text)

        raw = re.sub(r"^CREATE\s+VIEW\s+IF\s+NOT\s+EXISTS\b", "CREATE OR REPLACE VIEW", raw, flags=re.I)  # PostgreSQL's form
        statements.append(_outside_literals(raw, types).replace("%%", "%"))
    return _referenced_first(statements)


def _referenced_first(statements: list[str]) -> list[str]:
    """Tables before the tables that reference them (SQLite allows a forward reference;
    PostgreSQL does not), then everything else in its order."""
    tables: dict[str, str] = {}
    others: list[str] = []
    for stmt in statements:
        m = re.match(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", stmt, re.I)
        if m:
            tables[m.group(1).lower()] = stmt
        else:
            others.append(stmt)
    ordered: list[str] = []
    done: set[str] = set()

    def place(name: str, path: tuple[str, ...] = ()) -> None:
        if name in done or name not in tables or name in path:
            return
        for ref in re.findall(r"REFERENCES\s+(\w+)", tables[name], re.I):
            place(ref.lower(), path + (name,))
        done.add(name)
        ordered.append(tables[name])

    for name in tables:
        place(name)
    return ordered + others


def split_statements(script: str) -> list[str]:
    """Statements of a script of plain DDL (no triggers), comments dropped."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@lru_cache(maxsize=4)
def primary_keys(script: str) -> dict[str, tuple[str, ...]]:
    """Table name → its primary-key columns, read from the schema script."""
    keys: dict[str, tuple[str, ...]] = {}
    for stmt in split_statements(script):
        table = re.match(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s*\((.*)\)\s*$", stmt, re.I | re.S)
        if not table:
            continue
        name, body = table.group(1).lower(), table.group(2)
        composite = re.search(r"PRIMARY\s+KEY\s*\(([^)]*)\)", body, re.I)
        if composite:
            keys[name] = tuple(c.strip().strip('"').lower() for c in composite.group(1).split(","))
            continue
        for column in body.split(","):
            inline = re.match(r"\s*\"?(\w+)\"?\s+\w+.*\bPRIMARY\s+KEY\b", column, re.I | re.S)
            if inline:
                keys[name] = (inline.group(1).lower(),)
                break
    return keys


def dialect_of(conn: object) -> str:
    """"postgresql" for a PostgreSQL connection of the store, "sqlite" otherwise."""
    return getattr(conn, "dialect", "sqlite")


def table_names(script: str) -> list[str]:
    """The tables a schema script creates, in its order (referenced tables first)."""
    return [m.group(1) for m in re.finditer(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", script, re.I)]
