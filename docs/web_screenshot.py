"""The sample report's web page as headless Chromium shows it: `python docs/web_screenshot.py OUT_DIR`.

Writes web-1280.png (the top of the page and table 三, 1280 px wide) and web-phone.png (table 三 on a
390 px phone screen, scrolling sideways in its box). Needs Chromium (Debian: `apt-get install chromium`)
and ImageMagick's `convert` to cut the tall shots.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govform.io.html_export import export_html
from govform.io.project import load_project
from govform.resources import sample_project

CHROMIUM = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
SHOTS = {  # name: (window width, window height, crop as convert's WxH+X+Y)
    "web-1280": (1280, 4400, "1280x3120+0+0"),
    "web-phone": (390, 4200, "390x1300+0+2150"),
}


def main(out: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("Chromium is not installed")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "sample.html"
        export_html(load_project(sample_project()), page)
        for name, (width, height, crop) in SHOTS.items():
            full = Path(work) / f"{name}-full.png"
            subprocess.run(
                [browser, *CHROMIUM, f"--user-data-dir={work}/profile", f"--window-size={width},{height}",
                 f"--screenshot={full}", page.as_uri()],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            subprocess.run(["convert", str(full), "-crop", crop, "+repage", f"PNG8:{out / f'{name}.png'}"], check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
