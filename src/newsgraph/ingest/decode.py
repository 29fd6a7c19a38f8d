"""Turn the bytes of a file into text, or say clearly why that is impossible."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

# Tried in order after any byte-order mark. cp1251 comes before latin-1 because
# Cyrillic scrapes are common in this field and latin-1 accepts every byte.
FALLBACK_ENCODINGS = ("utf-8", "cp1251", "latin-1")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text newsgraph can read."""


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8000]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def _is_cyrillic(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff"


def _cp1251_plausible(text: str) -> bool:
    """cp1251 decodes almost any bytes; accept it only for text that reads as Cyrillic.

    Latin-1 text misread as cp1251 gives Latin words with single Cyrillic letters in
    them ("Zьrich"); real Cyrillic text has whole Cyrillic words.
    """
    words = [w for w in re.findall(r"\w+", text) if any(_is_cyrillic(c) for c in w)]
    if not words:
        return False
    mixed = sum(1 for w in words if any("a" <= c.lower() <= "z" for c in w))
    return mixed / len(words) < 0.2


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raise DecodeError naming the reason."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{encoding} byte-order mark but invalid {encoding}: {exc.reason}") from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise DecodeError("binary content, not text")
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1251" and not _cp1251_plausible(text):
            continue
        return text, encoding
    raise DecodeError("undecodable text")  # pragma: no cover - latin-1 accepts all bytes


_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Unicode NFC, one space for any run of white space: what identity is computed on."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def clean_text(text: str) -> str:
    """Text that encodes as UTF-8: a lone surrogate (``"\\ud800"`` in JSON) becomes U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def content_id(text: str) -> str:
    """The article id: a hash of its normalised content, so a re-ingest is a no-op."""
    return hashlib.sha256(normalise(clean_text(text)).encode("utf-8")).hexdigest()[:16]
