"""Opening a .docx safely: what is inside the zip, read with every size capped, and its XML parsed with
entities and network access off. Anything else a clerk may have renamed .docx (an old .doc or .wps, an RTF,
a web page) is named for what it is, in Chinese, before any of it is read.

Limits, each answered in well under a second and a few megabytes whatever the file holds:
- a package whose directory lists more than a document's parts, or a part that declares more than
  archive.BOMB_LIMIT when inflated or inflates far beyond its compressed size (a zip bomb), is refused
  before anything is inflated (govform.io.archive);
- the parts govform reads (the main document, its styles and numbering) are inflated in chunks and given up
  past MAX_PART, whatever their headers declare; a main document of more than MAX_TAGS tags is not parsed;
- XML with a document type declaration is refused (OOXML never has one: it is how entity expansion attacks
  come), and the parser neither expands entities nor fetches anything;
- pictures and other media are never read.
"""

from __future__ import annotations

import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from govform.domain.messages import Message
from govform.io.archive import UnsafeArchive, open_zip
from govform.io.files import os_error_reason
from govform.io.registry import ImportFailed

MAX_PART = 32 * 1024 * 1024
"""The largest XML part read: a real report's document.xml is well under 1 MB (our export: 0.3 MB)."""
MAX_TAGS = 500_000
"""The most tags (counted as "<") the main document may have before it is parsed: a report has about 12,000
(our export and the official template), and each costs about 75 bytes parsed (32 MB of tiny ones: 500 MB)."""

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TYPES = (
    _WORD_MAIN,
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)")

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


@dataclass
class Package:
    """The parts of a Word document govform reads: the main document parsed, its styles as checked bytes
    (parsed style by style when a paragraph uses one: govform.io.docx_read.Styles), or None."""

    document: Any  # the root element of the main document part
    styles: bytes | None


def _fail(path: Path, key: str, **params: Any) -> ImportFailed:
    return ImportFailed(path, Message(f"import.package.{key}", **params))


def _sniff(path: Path, head: bytes) -> None:
    """Refuse a file that is not a zip, naming what it is when it can be told."""
    if head.startswith(_ZIP):
        return
    if head.startswith(_OLE2):
        raise _fail(path, "encrypted" if _is_encrypted(path) else "old_word")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"{\\rtf"):
        raise _fail(path, "rtf")
    if stripped.startswith((b"<html", b"<!doctype html", b"mime-version:", b"<?xml")) or b"<html" in stripped[:512]:
        raise _fail(path, "web_page")
    if stripped.startswith(b"%pdf"):
        raise _fail(path, "pdf")
    if not head:
        raise _fail(path, "empty")
    raise _fail(path, "not_docx")


def _is_encrypted(path: Path) -> bool:
    """A password-protected .docx is an OLE2 file holding an "EncryptedPackage" stream."""
    marker = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as file:
        return marker in file.read(4 * 1024 * 1024)


def _read(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A part inflated in chunks and given up past MAX_PART, whatever its header declares."""
    if info.flag_bits & 0x1:
        raise _fail(path, "encrypted")
    chunks, size = [], 0
    with archive.open(info) as part:
        while chunk := part.read(1024 * 1024):
            size += len(chunk)
            if size > MAX_PART:
                raise _fail(path, "part_too_large", part=info.filename[-60:], limit=MAX_PART // (1024 * 1024))
            chunks.append(chunk)
    return b"".join(chunks)


def check_prolog(path: Path, data: bytes, name: str) -> None:
    """Refuse an XML part with a document type declaration (where entities are declared)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:8192].decode("utf-16", errors="ignore").encode("utf-8")
    else:
        head = data[:8192]
    root_start = re.search(rb"<[A-Za-z_]", head)
    prolog = head[: root_start.start()] if root_start else head
    if _DECLARATION.search(prolog):
        raise _fail(path, "entities", part=name)


def parse_xml(path: Path, data: bytes, name: str) -> Any:
    """An XML part as an element tree: no document type declaration, no entities, nothing fetched."""
    check_prolog(path, data, name)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise _fail(path, "bad_xml", part=name) from None
    if root.getroottree().docinfo.doctype:
        raise _fail(path, "entities", part=name)
    return root


def _relationships(path: Path, archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], owner: str) -> dict:
    """The relationships of part `owner` ("" for the package): type suffix → target part name."""
    folder, name = posixpath.split(owner)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    info = entries.get(rels_name)
    if info is None:
        return {}
    root = parse_xml(path, _read(path, archive, info), rels_name)
    found = {}
    for rel in root.iter(f"{_REL}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], full)
    return found


def _main_part(path: Path, archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo]) -> str:
    types_info = entries.get("[Content_Types].xml")
    if types_info is None:
        raise _fail(path, "not_docx")
    types = parse_xml(path, _read(path, archive, types_info), "[Content_Types].xml")
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iter(f"{_CT}Override")}
    main = _relationships(path, archive, entries, "").get("officeDocument")
    if main is None or main not in entries:
        main = next((name for name, kind in overrides.items() if kind in _MAIN_TYPES), None)
    if main is None or main not in entries:
        if any("spreadsheetml" in kind for kind in overrides.values()):
            raise _fail(path, "spreadsheet")
        if any("presentationml" in kind for kind in overrides.values()):
            raise _fail(path, "presentation")
        raise _fail(path, "not_docx")
    kind = overrides.get(main, _WORD_MAIN)
    if "spreadsheetml" in kind:
        raise _fail(path, "spreadsheet")
    if "presentationml" in kind:
        raise _fail(path, "presentation")
    return main


def open_package(path: Path | str) -> Package:
    """The main document and styles of the .docx at `path`; raises ImportFailed in a clerk's words."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _fail(path, "is_folder")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(path, "not_regular")
        with path.open("rb") as file:
            _sniff(path, file.read(1024))
            file.seek(0)
            with open_zip(file) as archive:
                entries = {info.filename: info for info in archive.infolist()}
                main = _main_part(path, archive, entries)
                data = _read(path, archive, entries[main])
                if data.count(b"<") > MAX_TAGS:
                    raise _fail(path, "too_many_tags", part=main, limit=MAX_TAGS)
                document = parse_xml(path, data, main)
                name = _relationships(path, archive, entries, main).get("styles")
                styles = _read(path, archive, entries[name]) if name in entries else None
                if styles is not None:
                    check_prolog(path, styles, name or "")
    except ImportFailed:
        raise
    except UnsafeArchive as unsafe:
        raise _fail(path, unsafe.key, **unsafe.params) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError):
        raise _fail(path, "damaged") from None
    except OSError as error:
        raise ImportFailed(path, Message("files.read_failed", reason=os_error_reason(error))) from None
    return Package(document, styles)
