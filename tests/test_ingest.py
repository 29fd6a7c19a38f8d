"""Readers: every container format, and every kind of bad input, named clearly."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsgraph.ingest import Failure, Notice, iter_documents
from newsgraph.ingest.decode import content_id, decode_bytes
from newsgraph.ingest.readers import MAX_DOCUMENT_BYTES

ARTICLE = "Talks resume\n\nKurt Campbell said on Monday that talks would resume in Seoul.\n"


def _items(*paths: Path | str) -> list:
    return list(iter_documents([str(p) for p in paths]))


def test_plain_text_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hello there.</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    *items, skipped = _items(tmp_path)
    assert [Path(i.origin).name for i in items] == ["a.txt", "b.html"]
    assert [i.media_type for i in items] == ["text/plain", "text/html"]
    assert items[0].text == ARTICLE
    assert isinstance(skipped, Notice) and "skipped 1 files of other types (.md" in skipped.message


def test_same_content_same_id_whatever_the_whitespace(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("\n\n", "\n   \n") + "\n\n", encoding="utf-8")
    a, b = _items(tmp_path)
    assert a.id == b.id == content_id(ARTICLE)


def test_gzipped_html_and_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(b"<html><body><p>Compressed page.</p></body></html>")
    (tmp_path / "ok.html.gz").write_bytes(data)
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    items = {Path(i.origin).name: i for i in _items(tmp_path)}
    assert items["ok.html.gz"].media_type == "text/html"
    assert isinstance(items["cut.html.gz"], Failure)
    assert "gzip" in items["cut.html.gz"].reason


def test_jsonl_records_metadata_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "Headline only", "url": "https://example.org/1", "outlet": "Example"}),
        "{not json",
        json.dumps({"text": ARTICLE, "published": "2024-06-24", "author": "Jane Doe", "category": "t"}),
        json.dumps({"category": "nothing useful"}),
        json.dumps(["a", "list"]),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(path)
    assert len(items) == 5
    headline, bad_json, full, empty, not_object = items
    assert headline.metadata["title"] == "Headline only" and headline.metadata["outlet"] == "Example"
    assert isinstance(bad_json, Failure) and bad_json.origin.endswith("feed.jsonl:2")
    assert "invalid JSON" in bad_json.reason
    assert full.metadata["authors"] == ["Jane Doe"] and full.metadata["published"] == "2024-06-24"
    assert full.metadata["extra"] == {"category": "t"}
    assert isinstance(empty, Failure) and "no text" in empty.reason
    assert isinstance(not_object, Failure)


def test_same_headline_from_two_outlets_is_two_articles(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps({"title": "Same", "url": "https://a.example/1"}) + "\n"
                    + json.dumps({"title": "Same", "url": "https://b.example/1"}) + "\n", encoding="utf-8")
    a, b = _items(path)
    assert a.id != b.id


def test_warc_html_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, ctype in enumerate(["text/html; charset=utf-8", "image/png"]):
            payload = f"<html><body><p>Page {n}</p></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(f"https://news.example/{n}", "response",
                                               payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)
    *items, skipped = _items(path)
    assert len(items) == 1
    assert isinstance(skipped, Notice) and "image/png" in skipped.message
    assert items[0].metadata["url"] == "https://news.example/0"
    assert items[0].origin.endswith("#https://news.example/0")


def test_truncated_warc_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    items = _items(path)
    assert items and all(isinstance(i, Failure) for i in items)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 10, "binary"),
        ("image.png", b"\x89PNG\r\n", "unsupported file type"),
    ],
)
def test_bad_files_fail_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    [item] = _items(tmp_path / name)
    assert isinstance(item, Failure)
    assert item.origin.endswith(name) and reason in item.reason


def test_enormous_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.seek(MAX_DOCUMENT_BYTES + 10)
        out.write(b"x")
    [item] = _items(path)
    assert isinstance(item, Failure) and "too large" in item.reason


def test_missing_paths_and_empty_globs(tmp_path: Path) -> None:
    items = _items(tmp_path / "nope.txt", str(tmp_path / "*.html"))
    assert [type(i) for i in items] == [Failure, Failure]
    assert "no such file" in items[0].reason and "matches no files" in items[1].reason


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Путин и Ким подписали соглашение о взаимной помощи.", "cp1251"),
        ("Déjà vu: the café’s naïve owner.", "utf-16"),
        ("Déjà vu in Zürich, a café.", "latin-1"),
        ("Plain ASCII.", "utf-8"),
    ],
)
def test_encodings_are_decoded(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    decoded, used = decode_bytes(data)
    assert decoded.strip("\ufeff") == text
    assert used.startswith(encoding.split("-")[0])


def test_utf16_without_bom() -> None:
    decoded, used = decode_bytes("Hello, newsgraph.".encode("utf-16-le"))
    assert decoded == "Hello, newsgraph." and used == "utf-16-le"
