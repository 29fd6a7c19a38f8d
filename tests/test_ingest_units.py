"""Every input unit ends stored, unchanged or failed with a one-line reason: the hostile cases."""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from newsgraph.ingest import Failure, Notice, iter_documents
from newsgraph.ingest.files import MAX_DOCUMENT_BYTES
from newsgraph.ledger import RunLedger
from newsgraph.records import RawDocument

ARTICLE = "Talks resume\n\nKurt Campbell said on Monday that talks would resume in Seoul.\n"
ROOT = os.geteuid() == 0  # root reads files whatever their mode


def _items(*paths: Path | str) -> list:
    return list(iter_documents([str(p) for p in paths]))


def _jsonl(tmp_path: Path, *lines: str, name: str = "feed.jsonl") -> list:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _items(path)


def test_hostile_json_lines_fail_one_by_one(tmp_path: Path) -> None:
    deep = "[" * 5000 + "]" * 5000
    items = _jsonl(tmp_path, json.dumps({"text": ARTICLE, "extra": json.loads("[" * 50 + "]" * 50)}),
                   '{"text": ' + deep + "}", '{"text": "x", "n": ' + "9" * 5000 + "}",
                   json.dumps({"text": "A body long enough", "tags": json.loads("[" * 70 + "]" * 70)}),
                   json.dumps({"text": ARTICLE.replace("Seoul", "Busan")}))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "Failure", "Failure", "RawDocument"]
    assert items[1].origin.endswith("feed.jsonl:2") and "JSON" in items[1].reason
    assert items[2].origin.endswith("feed.jsonl:3") and "invalid JSON" in items[2].reason
    assert "nested more than" in items[3].reason


def test_lone_surrogates_are_replaced_not_fatal(tmp_path: Path) -> None:
    [text, url] = _jsonl(tmp_path, '{"text": "Broken \\ud800 text here"}',
                         '{"title": "T", "url": "https://x.example/\\udfff"}')
    assert text.text == "Broken \ufffd text here"
    assert url.metadata["url"] == "https://x.example/\ufffd"
    text.text.encode("utf-8")  # storable


def test_headline_only_records_get_their_own_ids(tmp_path: Path) -> None:
    alpha, beta, alpha_again = _jsonl(tmp_path, json.dumps({"title": "Alpha wins the vote"}),
                                      json.dumps({"title": "Beta loses the vote"}),
                                      json.dumps({"headline": "Alpha wins the vote"}))
    assert alpha.id != beta.id and alpha.id == alpha_again.id
    assert alpha.id != "e3b0c44298fc1c14"  # the id of the empty text


def test_wrongly_typed_fields_are_kept_aside(tmp_path: Path) -> None:
    [doc] = _jsonl(tmp_path, '{"title": NaN, "text": "Body of the article.", "url": 5, "author": [1]}')
    assert "title" not in doc.metadata and "url" not in doc.metadata
    assert doc.metadata["extra"]["title"] == "nan" and doc.metadata["extra"]["url"] == 5


def test_a_document_waits_for_the_first_with_its_id() -> None:
    first, second = (RawDocument("same", f"f.jsonl:{n}", "text", "text/plain") for n in (1, 2))
    ledger = RunLedger()
    assert ledger.admit(first) == "analyse" and ledger.admit(second) == "wait"
    assert ledger.settle("same", stored=False) == [] and ledger.again == [second]  # analysed in its own right
    ledger.again = []
    assert ledger.admit(second) == "analyse"
    assert ledger.settle("same", stored=True) == [] and ledger.admit(first) == "unchanged"


@pytest.mark.parametrize("name, data, reason", [
    ("empty.jsonl", b"", "no records"),
    ("blank.jsonl", b"\n  \n", "no records"),
    ("empty.warc", b"", "no WARC records"),
    ("cut.txt.gz", gzip.compress(ARTICLE.encode())[:20], "truncated or corrupt gzip"),
    ("cut.jsonl.gz", gzip.compress(b'{"text": "one"}\n' * 50)[:30], "truncated or corrupt"),
])
def test_empty_and_cut_containers_fail(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    failures = [i for i in _items(tmp_path / name) if isinstance(i, Failure)]
    assert failures and reason in failures[-1].reason and name in failures[-1].origin


def _warc(records: list[tuple[str, str, bytes]], gzipped: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for url, ctype, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()


def test_warc_without_articles_fails(tmp_path: Path) -> None:
    (tmp_path / "images.warc").write_bytes(_warc([("https://x.example/a.png", "image/png", b"\x89PNG")]))
    *notices, failure = _items(tmp_path / "images.warc")
    assert "image/png" in notices[0].message and "no HTML or text responses" in failure.reason


def test_response_without_http_headers_fails(tmp_path: Path) -> None:
    body = b"<html><body><p>No HTTP headers.</p></body></html>"
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/1\r\n"
              b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
              b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body + b"\r\n\r\n")
    (tmp_path / "raw.warc").write_bytes(record)
    [failure] = _items(tmp_path / "raw.warc")
    assert failure.origin.endswith("raw.warc#https://x.example/1") and "without HTTP headers" in failure.reason


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_cut_mid_record_is_stored_with_a_warning(tmp_path: Path, gzipped: bool) -> None:
    words = " ".join(f"word{n}" for n in range(3000)).encode()
    data = _warc([("https://x.example/1", "text/html", b"<html><body><p>" + words + b"</p></body></html>")], gzipped)
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    path.write_bytes(data[: len(data) * 2 // 3])
    items = _items(path)
    notice, doc = items[0], items[1]
    assert isinstance(notice, Notice) and "cut short" in notice.message and "x.example/1" in notice.origin
    assert isinstance(doc, RawDocument) and "cut short" in doc.metadata["truncated"]


def test_gzip_bomb_is_refused_while_decompressing(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (3 * MAX_DOCUMENT_BYTES), compresslevel=9))
    tracemalloc.start()
    [failure] = _items(tmp_path / "bomb.txt.gz")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "decompressed file too large" in failure.reason
    assert peak < 2 * MAX_DOCUMENT_BYTES  # never the whole 60 MiB


def test_links_loops_and_fifos_in_a_folder_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "sub" / "up").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    reasons = {Path(i.origin).name: i.reason for i in _items(folder) if isinstance(i, Failure)}
    assert "broken symbolic link" in reasons["gone.txt"]
    assert "symbolic link loop" in reasons["self.txt"] and "symbolic link loop" in reasons["up"]
    assert "not a regular file (a FIFO)" in reasons["pipe.txt"]
    [fifo] = _items(folder / "pipe.txt")  # named directly: never opened (that would block)
    assert "FIFO" in fifo.reason


def test_non_utf8_file_name_is_printable(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    [doc] = _items(tmp_path / name)
    assert doc.origin.endswith("caf\\xe9.txt")
    doc.origin.encode("utf-8")


@pytest.mark.skipif(ROOT, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder_fail(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "secret.jsonl").write_text('{"text": "x"}\n')
    (tmp_path / "secret.jsonl").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        reasons = {Path(i.origin).name: i.reason for i in _items(tmp_path) if isinstance(i, Failure)}
        assert "permission denied" in reasons["secret.jsonl"] and "cannot be read" in reasons["locked"]
    finally:
        (tmp_path / "locked").chmod(0o755)
