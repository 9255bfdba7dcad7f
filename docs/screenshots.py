"""Grab the window as a clerk sees it, at 1280×800 and at 1024×700 (offscreen): `python docs/screenshots.py OUT_DIR`.

At 1280×800: every tab of the sample (window-<tab>.png), a new report as it opens (window-new-report.png) and
a sum that does not add up with the figure it proposes (window-fix.png). At 1024×700 the same three views
that matter most at that size (window-1024-*.png), table 三 scrolled to its last rows under its headings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from govform.app import application, create_window
from govform.domain.rules import validate
from govform.resources import sample_project
from govform.ui.answers import NewReport
from govform.ui.problems_model import FINDING_ROLE
from govform.ui.settings import MemoryStore, Settings

TABS = ["basics", "overview", "proactive", "applications", "appeals", "problems", "other"]


def window_at(app, size):
    window = create_window(Settings(MemoryStore()), None)
    window.controller.show(window.controller.load(sample_project()))
    window.resize(*size)
    window.show()
    app.processEvents()
    return window


def shoot(app, window, path: Path) -> None:
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(path))


def new_report(app, window, path: Path) -> None:
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()
    window.editor.setCurrentWidget(window.editor.tables["applications"])
    shoot(app, window, path)


def fix(app, window, path: Path) -> None:
    window.controller.show(window.controller.load(sample_project()))
    report = window.editor.document.report
    report.set_cell("applications", "outcome_total", "natural_person", 6)  # typed: its items add up to 1
    [finding] = [f for f in validate(report) if f.code == "R2"]
    view = window.problems.view
    model = view.model()
    index = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(FINDING_ROLE) == finding)
    view.setCurrentIndex(index)
    window.editor.reveal(finding)
    shoot(app, window, path)


def main(out: Path) -> None:
    app = application()
    out.mkdir(parents=True, exist_ok=True)
    window = window_at(app, (1280, 800))
    for index, name in enumerate(TABS):
        window.editor.setCurrentIndex(index)
        shoot(app, window, out / f"window-{name}.png")
    new_report(app, window, out / "window-new-report.png")
    fix(app, window, out / "window-fix.png")
    window.close()

    small = window_at(app, (1024, 700))
    shoot(app, small, out / "window-1024-basics.png")
    grid = small.editor.tables["applications"].view
    small.editor.setCurrentWidget(small.editor.tables["applications"])
    grid.select_cell(("carried_forward", "natural_person"))  # the last rows, under the headings
    shoot(app, small, out / "window-1024-applications.png")
    new_report(app, small, out / "window-1024-new-report.png")
    fix(app, small, out / "window-1024-fix.png")
    small.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/govform-shots"))
