"""Reading dictionaries in the PETRARCH/TABARI text format into plain rows.

The CAMEO verb dictionary, the Phoenix actor and agent dictionaries (and any user
dictionary in the same format, such as PETRARCH's validation suite) are converted once
into the compact TSV tables in ``data/`` that ``reference.cameo`` and
``reference.actors`` load: ``python -m newsgraph.reference.petrarch_format SRC DEST``.
This module reads the published format; it shares no code with PETRARCH.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

CODE = re.compile(r"\[([^\]]*)\]")
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


@dataclass
class VerbDictionary:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    blocks: dict[str, str] = field(default_factory=dict)  # block → default code ("" none)
    verbs: list[tuple[str, str, str, str]] = field(default_factory=list)  # block, phrase, forms, code
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # block, pattern, code


@dataclass
class ActorEntry:
    name: str
    phrases: list[str]
    codes: list[tuple[str, str, str]]  # code, start, end (ISO dates or "")


def words(entry: str) -> str:
    """ "PRESIDENT_BILL_CLINTON_" → "president bill clinton"."""
    return " ".join(entry.replace("_", " ").lower().split())


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _code(raw: str) -> str:
    raw = raw.strip()
    return "" if raw in {"---", ""} else raw


def read_verb_dictionary(text: str) -> VerbDictionary:
    """Synonym sets, verb blocks (verbs with their forms and codes) and patterns."""
    out = VerbDictionary()
    synset: str | None = None
    block: str | None = None
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            synset = None if block is None else synset
            continue
        m = BLOCK.match(line)
        if m:
            block, synset = m.group(1), None
            out.blocks[block] = _code(m.group(2))
            continue
        stripped = line.strip()
        if block is None:
            if stripped.startswith("&"):
                synset = stripped.split()[0]
                out.synsets[synset] = []
            elif synset and stripped.startswith("+"):
                out.synsets[synset].append(words(stripped[1:]).rstrip())
            continue
        if stripped.startswith("-"):
            m = CODE.search(stripped)
            if m:
                pattern = " ".join(stripped[1:m.start()].split()).lower()
                out.patterns.append((block, pattern, m.group(1).strip()))
            continue
        code_m = CODE.search(stripped)
        head = stripped[:code_m.start()] if code_m else stripped
        forms = re.search(r"\{([^}]*)\}", head)
        phrase = head[:forms.start()] if forms else head
        form_list = [words(f.lstrip("+")) for f in forms.group(1).split()] if forms else []
        verb = words(phrase.strip().lstrip("+"))
        if verb:
            code = _code(code_m.group(1)) if code_m else ""
            if code_m and code_m.group(1).strip() == "---":
                code = "---"
            out.verbs.append((block, verb, "|".join(form_list), code))
    return out


def _iso(raw: str) -> str:
    digits = raw.strip()
    if len(digits) == 6 and digits.isdigit():
        year = int(digits[:2])
        digits = f"{1900 + year if year > 30 else 2000 + year}{digits[2:]}"
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return ""


def _actor_code(cell: str) -> tuple[str, str, str] | None:
    parts = cell.split()
    if not parts or parts[0] == "---":
        return None
    code, start, end = parts[0].upper(), "", ""
    if len(parts) > 1:
        span = "".join(parts[1:])  # "<950601", "< 950601", "19950601 - 19990815"
        if span.startswith(">"):
            start = _iso(span[1:])
        elif span.startswith("<"):
            end = _iso(span[1:])
        elif "-" in span:
            first, _, last = span.partition("-")
            start, end = _iso(first), _iso(last)
    return code, start, end


def read_actor_dictionary(text: str) -> list[ActorEntry]:
    """Actors: a name, its synonyms ("+" lines) and its codes, some with date ranges."""
    entries: list[ActorEntry] = []
    in_comment = False
    current: ActorEntry | None = None
    for raw in text.splitlines():
        if in_comment or raw.strip().startswith("<!--"):
            in_comment = "-->" not in raw
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            if current is not None:
                current.codes += _codes(stripped)
            continue
        if stripped.startswith("+"):
            if current is not None:
                phrase = words(CODE.sub("", stripped[1:]))
                if phrase:
                    current.phrases.append(phrase)
            continue
        m = CODE.search(stripped)
        name = words(stripped[:m.start()] if m else stripped)
        current = ActorEntry(name, [name], [])
        entries.append(current)
        current.codes += _codes(stripped)
    return [e for e in entries if e.name]


def _codes(line: str) -> list[tuple[str, str, str]]:
    """Every bracketed code of a line: "[USAGOV 010120-050120] [IGOUNOKID >050501]" is two terms."""
    return [c for c in (_actor_code(m.group(1)) for m in CODE.finditer(line)) if c]


def read_agent_dictionary(text: str) -> list[tuple[str, str]]:
    """Agents: (phrase, code) rows; "~GOV" is a role appended to the actor's country."""
    macros: dict[str, list[str]] = {}
    rows: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line or line.startswith("<!--"):
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        code_m = CODE.search(line)
        if not code_m:
            continue
        code = code_m.group(1).strip().replace("~", "").upper()
        head = line[:code_m.start()]
        forms = re.search(r"\{([^}]*)\}", head)
        names = [head[:forms.start()] if forms else head] + (forms.group(1).split() if forms else [])
        for name in names:
            for expanded in _expand(name.strip(), macros):
                phrase = words(expanded)
                if phrase and code:
                    rows.append((phrase, code))
    return rows


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, options in macros.items():
        if macro in name:
            return [x for o in options for x in _expand(name.replace(macro, "_" + o + "_", 1), macros)]
    return [name]


def _tsv(path: Path, header: str, rows: list[tuple[str, ...]], note: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(note)
        out.write(header + "\n")
        for row in rows:
            out.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")


def _write_actors(path: Path, actors: list[ActorEntry], note: str) -> None:
    _tsv(path, "name\tphrases\tcodes",
         [(a.name, "|".join(dict.fromkeys(a.phrases)), "|".join(":".join(c).rstrip(":") for c in a.codes))
          for a in actors if a.codes], note)


def convert_user_dictionaries(actor_file: Path, agent_file: Path | None, dest: Path) -> None:
    """Your own actor (and agent) dictionary in PETRARCH format as tables for a reference folder."""
    note = f"# Converted by newsgraph.reference.petrarch_format from {actor_file.name}\n"
    _write_actors(dest / "phoenix_actors.tsv", read_actor_dictionary(actor_file.read_text(encoding="latin-1")), note)
    if agent_file is not None:
        agents = read_agent_dictionary(agent_file.read_text(encoding="latin-1"))
        _tsv(dest / "phoenix_agents.tsv", "phrase\tcode", list(dict.fromkeys(agents)), note)


def convert(source: Path, dest: Path) -> None:
    """Write the compact tables from PETRARCH2's dictionaries folder (see data/SOURCES.md)."""
    note = ("# Converted by newsgraph.reference.petrarch_format from PETRARCH2's dictionaries\n"
            "# (github.com/openeventdata/petrarch2, MIT licence, Copyright (c) 2014-2015 Open Event Data Alliance).\n")
    verbs = read_verb_dictionary((source / "CAMEO.2.0.txt").read_text(encoding="latin-1"))
    _tsv(dest / "cameo_dictionary_verbs.tsv", "block\tblock_code\tverb\tforms\tcode",
         [(b, verbs.blocks.get(b, ""), v, f, c) for b, v, f, c in verbs.verbs], note)
    _tsv(dest / "cameo_dictionary_patterns.tsv", "block\tpattern\tcode", verbs.patterns, note)
    _tsv(dest / "cameo_dictionary_synsets.tsv", "synset\twords",
         [(name, "|".join(ws)) for name, ws in verbs.synsets.items()], note)
    actors: list[ActorEntry] = []
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        actors += read_actor_dictionary((source / name).read_text(encoding="latin-1"))
    _write_actors(dest / "phoenix_actors.tsv", actors, note)
    agents = read_agent_dictionary((source / "Phoenix.agents.txt").read_text(encoding="latin-1"))
    _tsv(dest / "phoenix_agents.tsv", "phrase\tcode", list(dict.fromkeys(agents)), note)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m newsgraph.reference.petrarch_format PETRARCH_DICTIONARIES_DIR DEST_DIR")
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
