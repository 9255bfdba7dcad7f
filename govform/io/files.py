"""Writing a file so that a crash, a full disk or a locked target never leaves it half-written, and the one
place that puts an operating system's error into a clerk's words."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from govform.domain.messages import Message

# The errors a clerk meets, each with its own reason (the words are in the catalogues under files.).
_REASONS = {
    errno.ENOENT: "not_found",
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "quota",
    errno.ENAMETOOLONG: "name_too_long",
    errno.ELOOP: "link_loop",
    errno.EISDIR: "is_folder",
    errno.ENOTDIR: "not_folder",
    errno.EFBIG: "too_big",
    errno.EBUSY: "busy",
    errno.ETXTBSY: "busy",
    errno.EIO: "io",
    errno.EMFILE: "too_many_open",
    errno.ENFILE: "too_many_open",
}


_WRITING = {"no_permission": "no_write_permission", "not_found": "no_folder", "disk_full": "disk_full_kept"}


def os_error_reason(error: OSError, *, writing: bool = False) -> Message:
    """Why an operation on a file failed, in a clerk's words (never the system's English strerror).

    `writing`: the error came from saving or exporting (on Windows a file open in Word or WPS cannot be
    replaced, which also reads as "permission denied")."""
    name = _REASONS.get(error.errno or 0)
    if writing and name in _WRITING:
        name = _WRITING[name]
    if name is None:
        return Message("files.other", code=error.errno or "?")
    return Message(f"files.{name}")


def write_atomically(path: Path, write: Callable[[BinaryIO], object], *, backup: Path | None = None) -> None:
    """Have `write` fill a temporary file beside `path`, flush and fsync it, copy the old file to `backup`
    (when given and present), then replace `path` in one step. On failure the temporary file is removed,
    `path` is as it was, and the OSError propagates for the caller to put into words."""
    import tempfile  # only when writing: the window's start-up need not load it (~1 ms with random, hashlib)

    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        if backup is not None and path.is_file():
            shutil.copy2(path, backup)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
