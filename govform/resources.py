"""The one place that finds templates/ and resources/ (in a checkout, an installed wheel or a frozen bundle)
and the per-user cache."""

from __future__ import annotations

import json
import os
import re
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any

HOME_ENV = "GOVFORM_HOME"
"""If set, settings, recovery journals and caches live in this folder (tests, portable installs)."""

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _data_root() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle))
    candidates += [_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent]
    for root in candidates:
        if (root / "templates").is_dir() and (root / "resources").is_dir():
            return root
    raise FileNotFoundError("govform: templates/ and resources/ not found beside the package")


def templates_dir() -> Path:
    return _data_root() / "templates"


def resources_dir() -> Path:
    return _data_root() / "resources"


TEMPLATES_ENV = "GOVFORM_TEMPLATES"
"""If set, a folder of extra report formats (`<id>.toml`), or replacements for shipped ones of the same id:
for writing and trying a new format without touching the installed program."""

_TEMPLATE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def _template_folders() -> list[Path]:
    extra = os.environ.get(TEMPLATES_ENV)
    return ([Path(extra)] if extra else []) + [templates_dir()]


def template_names() -> list[str]:
    """The report formats govform knows, by name (the templates shipped, and any in GOVFORM_TEMPLATES)."""
    names = {
        path.stem
        for folder in _template_folders()
        for path in folder.glob("*.toml")
        if _TEMPLATE_NAME.fullmatch(path.stem)
    }
    return sorted(names)


def template_path(name: str) -> Path | None:
    """The TOML file of the report format `name` (e.g. "standard-2021"), or None if there is no such format.

    Formats are found by name among the templates, never by path: a project file cannot make govform read
    a file elsewhere on disk."""
    if not isinstance(name, str) or not _TEMPLATE_NAME.fullmatch(name):
        return None
    for folder in _template_folders():
        path = folder / f"{name}.toml"
        if path.is_file():
            return path
    return None


def sample_project() -> Path:
    """The sample project the app ships and opens by default."""
    return resources_dir() / "samples" / "changshouhu-2024.govform"


def cache_dir() -> Path:
    """Where govform keeps what it can always rebuild (the parsed templates)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "cache"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "govform" / "cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "govform"


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data, kept as JSON in the cache keyed by the file's checksum (a start-up trick: tomllib
    costs ~9 ms more, see govform/startup.py); a missing, stale or unreadable cache is rebuilt, and one that
    cannot be written is simply not kept."""
    raw = path.read_bytes()
    cached = cache_dir() / f"{path.stem}-{zlib.crc32(raw):08x}-{len(raw)}.json"
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    except (OSError, ValueError):
        pass
    import tomllib  # only on a cache miss

    data = tomllib.loads(raw.decode("utf-8"))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, cached)
    except OSError:
        pass
    return data
