"""Opening a zip package (a .docx, a .xlsx) so that what it declares cannot take the machine.

Python's zipfile reads the whole central directory into memory when it opens a file: a few hundred megabytes
of empty entries would cost gigabytes before anything could be checked. So the directory is sized up from
the file's end record first, and only a directory of a document's size is read. Then every part's declared
size is checked before anything is inflated: zipfile never inflates a part past the size its directory
declares (a part that claims less than it holds ends in a CRC error, not in more memory), so a declared size
is a cap that holds.
"""

from __future__ import annotations

import os
import struct
import zipfile
from typing import Any, BinaryIO

MAX_DIRECTORY = 4 * 1024 * 1024
"""The largest central directory read: a report's document has a few dozen entries (about 100 bytes each)."""
MAX_ENTRIES = 10_000
BOMB_LIMIT = 100 * 1024 * 1024
"""A part declaring more than this when inflated makes the file a zip bomb (a 50 MB picture is fine)."""
BOMB_RATIO = 200
"""…as does one past 10 MB that inflates more than this many times its compressed size (XML: about 10)."""

_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
_END_SIZE = 22
_LONGEST_COMMENT = 0xFFFF


class UnsafeArchive(Exception):
    """A package refused before it was read; `key` names why (a message key's last part), `params` its figures."""

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params
        super().__init__(key)


def open_zip(file: BinaryIO, *, xml_limit: int = BOMB_LIMIT) -> zipfile.ZipFile:
    """The zip archive in the open binary `file`, its directory and declared sizes checked: raises
    UnsafeArchive ("too_many_parts", "bomb" with `part` and `limit` in MB), or zipfile.BadZipFile.

    `xml_limit`: the most an XML part (.xml, .rels) may declare, for readers that parse every part they take
    (openpyxl) rather than reading the few they need with a cap of their own."""
    _check_directory(file)
    archive = zipfile.ZipFile(file)
    try:
        _check_entries(archive, xml_limit)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_directory(file: BinaryIO) -> None:
    found = _directory_size(file)
    if found is None:
        return  # no end record: zipfile says the file is no zip
    entries, size = found
    if entries > MAX_ENTRIES or size > MAX_DIRECTORY:
        raise UnsafeArchive("too_many_parts", count=entries)
    file.seek(0)


def _directory_size(file: BinaryIO) -> tuple[int, int] | None:
    """(entries, bytes) of the central directory, as the end record (or its zip64 form) declares them."""
    end = file.seek(0, os.SEEK_END)
    start = max(0, end - _END_SIZE - _LONGEST_COMMENT)
    file.seek(start)
    tail = file.read()
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        return None
    entries, size = struct.unpack_from("<HI", tail, at + 10)
    locator = at - 20
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and locator >= 0 and tail[locator : locator + 4] == _END64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", tail, locator + 8)
        file.seek(offset)
        record = file.read(56)
        if len(record) == 56 and record.startswith(_END64):
            entries, size = struct.unpack_from("<QQ", record, 32)
    return entries, size


def _check_entries(archive: zipfile.ZipFile, xml_limit: int) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise UnsafeArchive("too_many_parts", count=len(entries))
    for info in entries:
        limit = xml_limit if info.filename.lower().endswith((".xml", ".rels")) else BOMB_LIMIT
        ratio_bomb = info.file_size > 10 * 1024 * 1024 and info.file_size > BOMB_RATIO * max(info.compress_size, 1)
        if info.file_size > limit or ratio_bomb:
            raise UnsafeArchive("bomb", part=info.filename[-60:], limit=limit // (1024 * 1024))
