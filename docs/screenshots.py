"""Grab each tab of the window on the sample report at 1280×800: `python docs/screenshots.py OUT_DIR`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govform.app import application, create_window
from govform.resources import sample_project
from govform.ui.settings import MemoryStore, Settings

NAMES = ["basics", "overview", "proactive", "applications", "appeals", "problems", "other"]


def main(out: Path) -> None:
    app = application()
    window = create_window(Settings(MemoryStore()), None)
    window.controller.show(window.controller.load(sample_project()))
    window.resize(1280, 800)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(NAMES):
        window.editor.setCurrentIndex(index)
        app.processEvents()
        window.grab().save(str(out / f"window-{name}.png"))
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/govform-shots"))
