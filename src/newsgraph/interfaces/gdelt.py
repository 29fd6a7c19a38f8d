"""GDELT 2.0 event-table columns for exported events, so that GDELT tooling reads newsgraph's events.

Every one of the event table's 61 columns is written, in GDELT's order and spelling; codes
stay strings with their leading zeros ("042", not 42). Columns newsgraph does not know
(geography, tone, ethnic and religious codes) are empty; each event is one mention in one
article; SQLDATE is the event's resolved day, else its article's publication day.
"""

from __future__ import annotations

from typing import Any

from newsgraph.reference import countries

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
ROLE_LENGTH = 3  # CAMEO actor codes are three-letter parts: country, then roles (USA GOV, RUS MIL)


def _day(event: dict[str, Any]) -> str:
    """YYYYMMDD of the event's own day, else of its article's; "" when neither is a day."""
    for value in (event.get("date"), event.get("published")):
        text = (value or "").split("/")[0]
        if len(text) >= 10 and text[4] == "-" and text[7] == "-":
            return text[:4] + text[5:7] + text[8:10]
    return ""


def _actor(prefix: str, code: str | None, name: str | None) -> dict[str, str]:
    code = code or ""
    country = code[:ROLE_LENGTH] if countries.by_code(code[:ROLE_LENGTH]) is not None and len(code) >= 3 else ""
    roles = code[len(country):]
    parts = [roles[i:i + ROLE_LENGTH] for i in range(0, len(roles), ROLE_LENGTH)]
    out = {f"{prefix}{f}": "" for f in ACTOR_FIELDS}
    out.update({f"{prefix}Code": code, f"{prefix}Name": (name or "").upper(), f"{prefix}CountryCode": country})
    for n, part in enumerate(parts[:3], start=1):
        out[f"{prefix}Type{n}Code"] = part
    return out


def gdelt_columns(event: dict[str, Any], first_paragraph_end: int | None = None) -> dict[str, Any]:
    """The GDELT 2.0 event-table row of one exported event (``iter_events`` row)."""
    day = _day(event)
    code = str(event.get("cameo") or "")
    row: dict[str, Any] = {c: "" for c in COLUMNS}
    row.update(_actor("Actor1", event.get("actor_code"), event.get("actor") or event.get("actor_text")))
    row.update(_actor("Actor2", event.get("target_code"), event.get("target") or event.get("target_text")))
    fraction = ""
    if day:
        fraction = f"{int(day[:4]) + (int(day[4:6]) - 1) / 12 + (int(day[6:8]) - 1) / 365:.4f}"
    row.update({
        "GLOBALEVENTID": int(str(event["id"])[:12], 16) if event.get("id") else "",
        "SQLDATE": day, "MonthYear": day[:6], "Year": day[:4], "FractionDate": fraction,
        "IsRootEvent": int(first_paragraph_end is not None and event.get("start", 0) < first_paragraph_end),
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": event.get("quad_class"), "GoldsteinScale": event.get("goldstein"),
        "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
        "DATEADDED": day, "SOURCEURL": event.get("url") or event.get("origin") or "",
    })
    return row
