"""Writing a file so that a crash, a full disk or a locked target never leaves it (or its backup) half-written,
refusing to write over what the clerk did not ask to replace, and the one place that puts an operating
system's error into a clerk's words."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from govform.domain.messages import Message

try:
    import fcntl
except ImportError:  # Windows: a file another process has open cannot be deleted, which does the same job
    fcntl = None  # type: ignore[assignment]

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


_WRITING = {
    "no_permission": "no_write_permission",
    "not_found": "no_folder",
    "disk_full": "disk_full_kept",
    "quota": "quota_kept",
    "too_big": "too_big_kept",
    "read_only": "read_only_writing",
}


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


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown_name(name: str | os.PathLike[str]) -> str:
    """A file's name or path as a message shows it, on one line and as it is: a name received from elsewhere
    may hold bytes that are not UTF-8 (a zip made on Windows, unpacked here: GBK, shown decoded as such when
    they are), a line break, a terminal's escape sequence or a right-to-left override, each written as its code
    (\\n, \\x1b, \\u202e) rather than acted on."""
    text = os.fspath(name)
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        raw = os.fsencode(text)
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", "replace")
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


# -- what may be replaced -------------------------------------------------------------------------

_PROJECT_MARK = b'"govform-project"'  # in the first lines of every project file and its .bak


def _existing(path: Path) -> os.stat_result | Message | None:
    """What is at `path` to be written over: its status, None when nothing is, or why it cannot be (it cannot be
    looked at, or it is a folder)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        return os_error_reason(error, writing=True)
    return Message("files.is_folder") if stat.S_ISDIR(info.st_mode) else info


def refuse_to_replace(path: Path, *, source: Path | None = None) -> Message | None:
    """Why writing a document at `path` would destroy something the clerk did not ask to replace, else None.

    Refused: a project file (by suffix or by content, so its .bak too), `source` (the project being exported),
    anything that is not a regular file (a folder, a device, a pipe), and a read-only file, as Word refuses it.
    """
    info = _existing(path)
    if not isinstance(info, os.stat_result):
        return info
    if not stat.S_ISREG(info.st_mode):
        return Message("overwrite.not_regular")
    if source is not None and _same_file(path, source):
        return Message("overwrite.source")
    if path.suffix.lower() == ".govform" or _looks_like_a_project(path):
        return Message("overwrite.project")
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        return Message("overwrite.read_only")
    return None


def refuse_to_save(path: Path, *, source: Path | None = None) -> Message | None:
    """Why saving a project at `path` would destroy something, else None: anything but a regular file (a pipe
    or a device would be replaced by a file: as root, `-o /dev/null` would replace the system's), `source` (the
    report being read, through a symbolic link too) and an existing file that is not a project file."""
    info = _existing(path)
    if not isinstance(info, os.stat_result):
        return info
    if not stat.S_ISREG(info.st_mode):
        return Message("overwrite.save.not_regular")
    if source is not None and _same_file(path, source):
        return Message("overwrite.save.source")
    if path.suffix.lower() != ".govform" and not _looks_like_a_project(path):
        return Message("overwrite.save.not_project")
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _looks_like_a_project(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return _PROJECT_MARK in file.read(256)
    except OSError:
        return False


# -- writing ------------------------------------------------------------------------------------


def write_atomically(path: Path, write: Callable[[BinaryIO], object], *, backup: Path | None = None) -> None:
    """Have `write` fill the new contents, put them in a temporary file beside `path`, fsync it, make `backup`
    (when given) the old file in one step, then replace `path` in one step.

    A crash at any moment leaves `path` old or new and `backup` its previous self or the old file, never a
    part of either; our temporary files that a crash left behind are removed by the next write of `path`.
    A new file gets the usual permissions (0666 less the umask), a replaced one keeps its own. Through a
    symbolic link, the file it points to is replaced. On failure `path` is as it was, no temporary file is
    left, and the OSError propagates for the caller to put into words."""
    buffer = io.BytesIO()
    # In memory first: a writer that fails half-way (python-docx's ZipFile) never holds our file, so a full
    # disk cannot make it complain at exit about a file closed under it.
    write(buffer)
    path = _real_path(path)
    old = _regular_stat(path)
    remove_stale_temporaries(path, backup)
    with _Temporary(path) as temp:
        temp.file.write(buffer.getbuffer())
        temp.file.flush()
        _set_permissions(temp.file.fileno(), old)
        os.fsync(temp.file.fileno())
        if backup is not None and old is not None:
            _keep_backup(path, backup)
        temp.replace(path)
    _fsync_directory(path.parent)


def remove_stale_temporaries(path: Path, backup: Path | None = None) -> None:
    """Remove the temporary files that writes of `path` (and of its backup) left behind when their process
    died; those of a write still under way are left alone."""
    for target in (path, backup):
        if target is not None:
            for stale in _our_temporaries(target):
                with suppress(OSError):
                    _remove_if_abandoned(stale)


def _our_temporaries(target: Path) -> Iterator[Path]:
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{16}}\.tmp")
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if pattern.fullmatch(entry.name):
            yield Path(entry.path)


def _remove_if_abandoned(path: Path) -> None:
    if fcntl is None:
        path.unlink()  # fails while the writing process still has it open
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held by its writer for as long as it lives
        except BlockingIOError:
            return
        path.unlink()
    finally:
        os.close(fd)


class _Temporary:
    """A new temporary file `.NAME.<16 hex digits>.tmp` beside `path`, locked for as long as this process
    works on it (so that another process's sweep of stale ones leaves it alone); removed unless renamed."""

    def __init__(self, path: Path):
        self.directory = path.parent
        self.stem = path.name
        self.path = path
        self.file: BinaryIO

    def __enter__(self) -> _Temporary:
        while True:
            self.path = self.directory / f".{self.stem}.{os.urandom(8).hex()}.tmp"
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            except FileExistsError:
                continue
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)  # waits while a sweep holds it, then finds it unlinked
                if os.fstat(fd).st_nlink == 0:
                    os.close(fd)
                    continue
            self.file = os.fdopen(fd, "wb")
            return self

    def replace(self, target: Path) -> None:
        if os.name != "posix":
            self.file.close()  # Windows renames no open file
        os.replace(self.path, target)

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.file.close()
        if kind is not None:
            self.path.unlink(missing_ok=True)


def _keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` the file now at `path`, in one step: a hard link to it (or, where the file system has no
    links, a copy) under a temporary name, renamed over the previous backup. Its permissions never matter:
    a read-only backup is replaced like any other."""
    link = backup.parent / f".{backup.name}.{os.urandom(8).hex()}.tmp"
    try:
        os.link(path, link)
    except OSError:  # FAT and exFAT USB sticks, some network shares, a colleague's file we may not link
        with _Temporary(backup) as temp:
            with path.open("rb") as old:
                shutil.copyfileobj(old, temp.file)
            temp.file.flush()
            _set_permissions(temp.file.fileno(), path.stat())  # as a link would have them
            os.fsync(temp.file.fileno())
            temp.replace(backup)
        return
    try:
        os.replace(link, backup)
    finally:
        # Also after success: when the backup already was this file (a save killed between its two renames),
        # POSIX rename does nothing and leaves the link's name behind.
        link.unlink(missing_ok=True)


def _real_path(path: Path) -> Path:
    """`path` with its symbolic links resolved (a loop raises ELOOP); a file not there yet is written as named."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(path)


def _regular_stat(path: Path) -> os.stat_result | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _set_permissions(fd: int, old: os.stat_result | None) -> None:
    """A replaced file keeps its mode (and, where allowed, its owner); a new one gets 0666 less the umask."""
    if os.name != "posix":
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode) if old is not None else 0o666 & ~_umask())
    if old is not None and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        with suppress(OSError):
            os.fchown(fd, old.st_uid, old.st_gid)


def _umask() -> int:
    try:  # Linux 4.7+ says it without changing it
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
