"""Running govform where writing fails as it does on a clerk's machine: a read-only folder or file, a
read-only file system, a full disk. CI runs as root, which ignores permission bits, so the command runs
with every capability dropped; file systems are mounted in a private mount namespace when that is allowed
(the tests that need one are skipped where it is not)."""

from __future__ import annotations

import functools
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOVFORM = [sys.executable, "-m", "govform"]


def environment() -> dict[str, str]:
    # No bytecode: a file-size limit would leave cut .pyc files behind for every later run.
    return dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1", PYTHONUTF8="1")


def without_privileges(command: Sequence[str]) -> list[str]:
    """`command` as a process that permission bits stop: as root, with no capabilities (setpriv)."""
    if os.geteuid() != 0:
        return list(command)
    if not can_drop_privileges():
        pytest.skip("root here cannot drop its capabilities (setpriv --bounding-set)")
    return ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--", *command]


@functools.cache
def can_drop_privileges() -> bool:
    probe = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--", "true"]
    return shutil.which("setpriv") is not None and subprocess.run(probe, capture_output=True).returncode == 0


def run(command: Sequence[str], *, file_size_limit: int | None = None, cwd: Path | None = None):
    """Run `command`; with `file_size_limit`, no file it writes may grow past that many bytes (as on a full
    disk, the write fails: EFBIG)."""

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(
        list(command), capture_output=True, text=True, env=environment(), cwd=cwd, preexec_fn=limit, timeout=120
    )


def _in_namespace(script: str, command: Sequence[str]) -> list[str]:
    # As root a mount namespace of our own; otherwise a user namespace maps us to root inside it.
    unshare = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    return [*unshare, "sh", "-ec", f'{script}\nexec "$@"', "sh", *command]


@functools.cache
def can_mount() -> bool:
    """Whether this machine lets the tests mount a file system in a namespace of their own."""
    if not shutil.which("unshare") or os.name != "posix":
        return False
    probe = subprocess.run(
        _in_namespace("mount -t tmpfs -o size=16k tmpfs /mnt", ["true"]), capture_output=True, timeout=30
    )
    return probe.returncode == 0


def on_read_only_file_system(folder: Path, command: Sequence[str]) -> list[str]:
    """`command`, run where `folder` is a read-only bind mount of itself (writes fail with EROFS)."""
    script = f"mount --bind '{folder}' '{folder}'\nmount -o remount,bind,ro '{folder}'"
    return _in_namespace(script, command)


def on_small_disk(folder: Path, size_kb: int, command: Sequence[str]) -> list[str]:
    """`command`, run where `folder` is an empty tmpfs of `size_kb` (writes fail with ENOSPC)."""
    return _in_namespace(f"mount -t tmpfs -o size={size_kb}k tmpfs '{folder}'", command)
