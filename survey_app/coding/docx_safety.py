"""Inspect a .docx before python-docx opens it: a zip of bounded size, no DTDs, bounded XML, bounded paragraphs.

python-docx trusts its input: a 50 KB zip can unpack to gigabytes ("zip bomb"), an XML part may carry a DTD with
entity declarations, and a 195 KB file can hold 209.000 paragraphs that each become a fragment. This check reads
every member once, in chunks, after checking the sizes its zip directory declares, refuses a
``<!DOCTYPE``/``<!ENTITY`` anywhere, and streams the XML parts through expat (which builds no tree) to bound
their nesting depth and count the paragraphs of the document body.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.parsers import expat

from survey_app.coding.errors import TranscriptError, limit_problem
from survey_app.limits import (
    MAX_DOCX_MEMBERS,
    MAX_DOCX_UNCOMPRESSED,
    MAX_NESTING_DEPTH,
    MAX_PARAGRAPHS,
    LimitCode,
    LimitExceeded,
    check_count,
    size_text,
)

WORD_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY_PART = "word/document.xml"
_CHUNK = 64 * 1024
# DTD markers in the encodings an XML part may use (UTF-8 and both byte orders of UTF-16)
_MARKERS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY")
                 for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_OVERLAP = max(len(marker) for marker in _MARKERS)
#: what a damaged zip makes the standard library raise while listing or unpacking it
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, EOFError, OSError, ValueError,
              NotImplementedError, RuntimeError, KeyError, IndexError, UnicodeDecodeError)


class _XmlScan:
    """Feed an XML part in chunks: refuse a DTD, bound the depth, count paragraphs (<w:p>)."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.depth = 0
        self.paragraphs = 0
        self.parser.StartDoctypeDeclHandler = self._refuse_dtd
        self.parser.EntityDeclHandler = self._refuse_dtd
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end

    def _refuse_dtd(self, *_args) -> None:
        raise LimitExceeded(LimitCode.LIMIT_004)

    def _start(self, tag: str, _attrs) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING_DEPTH:
            raise LimitExceeded(LimitCode.LIMIT_002, limit=MAX_NESTING_DEPTH)
        if tag == f"{WORD_NAMESPACE} p":
            self.paragraphs += 1
            check_count(self.paragraphs, MAX_PARAGRAPHS, "alinea's")

    def _end(self, _tag: str) -> None:
        self.depth -= 1

    def feed(self, chunk: bytes, final: bool = False) -> None:
        """Parse the next piece of the part."""
        self.parser.Parse(chunk, final)


def _invalid(name: str, detail: str) -> TranscriptError:
    return TranscriptError(name, [f"geen geldig Word-bestand (.docx): {detail}"])


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, unpacked: int) -> int:
    """Unpack one member in chunks and check it; returns the running total of unpacked bytes."""
    scan = _XmlScan() if info.filename.lower().endswith((".xml", ".rels")) else None
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_DOCX_UNCOMPRESSED:
                raise LimitExceeded(LimitCode.LIMIT_005, limit=size_text(MAX_DOCX_UNCOMPRESSED),
                                    members=MAX_DOCX_MEMBERS)
            window = tail + chunk
            if any(marker in window for marker in _MARKERS):
                raise LimitExceeded(LimitCode.LIMIT_004)
            tail = window[-_OVERLAP:]
            if scan is not None:
                scan.feed(chunk)
    if scan is not None:
        scan.feed(b"", final=True)
    return unpacked


def check_docx(data: bytes, name: str) -> None:
    """Raise TranscriptError unless ``data`` is a zip python-docx may safely open (see module docstring)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            # zipfile never unpacks more than a member's declared size (a lie fails the CRC check), so the declared
            # total bounds the work; the chunked count in _scan_member checks it again
            declared = sum(info.file_size for info in members)
            if len(members) > MAX_DOCX_MEMBERS or declared > MAX_DOCX_UNCOMPRESSED:
                raise LimitExceeded(LimitCode.LIMIT_005, limit=size_text(MAX_DOCX_UNCOMPRESSED),
                                    members=MAX_DOCX_MEMBERS)
            if BODY_PART not in archive.namelist():
                raise _invalid(name, f"{BODY_PART} ontbreekt")
            unpacked = 0
            for info in members:
                if not info.is_dir():
                    try:
                        unpacked = _scan_member(archive, info, unpacked)
                    except expat.ExpatError as exc:
                        raise _invalid(name, f"onderdeel {info.filename} is geen geldige XML "
                                             f"(regel {exc.lineno})") from None
    except TranscriptError:
        raise
    except LimitExceeded as exc:
        raise TranscriptError(name, [limit_problem(exc)]) from None
    except ZIP_ERRORS as exc:
        raise _invalid(name, f"beschadigd zip-archief ({type(exc).__name__})") from None
