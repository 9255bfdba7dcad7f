"""Run by test_recovery.py in its own process: opens the window on FILE as `govform FILE` does, types a
figure into table 三 like a clerk, prints how long the journal took to hold it, then runs until killed."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from govform.app import Places, application, create_window
from govform.ui.recovery import Journal
from govform.ui.settings import QSettingsStore, Settings


def main(path: str, figure: str) -> int:
    app = application()
    places = Places.from_env()
    window = create_window(Settings(QSettingsStore(str(places.settings_file))), Journal(places.recovery_dir))
    window.controller.start(path)
    window.show()
    view = window.editor.tables["applications"].view
    window.editor.setCurrentWidget(window.editor.tables["applications"])
    view.setFocus()
    view.select_cell(("new", "research"))
    QTest.keyClick(view, figure[0])  # opens the cell's editor with that digit
    editor = view.viewport().findChild(QLineEdit)
    QTest.keyClicks(editor, figure[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    typed = time.monotonic()
    window.controller.autosaver.journaled.connect(
        lambda: print(f"journaled {1000 * (time.monotonic() - typed):.0f}", flush=True)
    )
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
