"""LibreOffice for tests: converting a file the way a clerk's office suite would open and save it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def convert(source: Path, to: str, out_dir: Path, profile: Path) -> Path:
    """`soffice --headless --convert-to TO` with its own profile (never the tester's); returns the new file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = out_dir / f"{source.stem}.{to.split(':')[0]}"
    assert converted.is_file(), f"LibreOffice did not write {converted}"
    return converted
