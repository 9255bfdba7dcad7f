"""The one place that finds templates/ and resources/: in a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

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


def template_path(format_id: str) -> Path:
    """The TOML file that defines the report format `format_id` (e.g. "standard-2021")."""
    return templates_dir() / f"{format_id}.toml"


def sample_project() -> Path:
    """The sample project the app ships and opens by default."""
    return resources_dir() / "samples" / "changshouhu-2024.govform"
