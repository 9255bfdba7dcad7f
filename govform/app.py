"""The application: QApplication, translators, where settings and recovery files live, and `run_gui`."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from govform import APP_DISPLAY_NAME, APP_NAME, __version__, startup
from govform.io.project import ProjectError
from govform.resources import HOME_ENV, resources_dir, sample_project
from govform.ui.controller import Controller
from govform.ui.look import app_icon
from govform.ui.mainwindow import MainWindow
from govform.ui.recovery import Autosaver, Journal
from govform.ui.settings import MemoryStore, QSettingsStore, Settings


@dataclass(frozen=True, slots=True)
class Places:
    settings_file: Path
    recovery_dir: Path

    @classmethod
    def from_env(cls) -> Places:
        home = os.environ.get(HOME_ENV)
        if home:
            return cls(Path(home) / "settings.ini", Path(home) / "recovery")
        config = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation))
        data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        return cls(config / f"{APP_NAME}.ini", data / "recovery")


def application() -> QApplication:
    """The QApplication (created once), named, with its icon and translations."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    install_translators(app)
    return app


def install_translators(app: QApplication) -> None:
    """The UI is written in Chinese; a .qm for the system's language (if shipped) translates it, and
    Qt's own texts (standard buttons, context menus) follow the same language."""
    system = QLocale.system()
    ours = QTranslator(app)
    locale = system if ours.load(system, APP_NAME, "_", str(resources_dir() / "translations")) else None
    if locale is not None:
        app.installTranslator(ours)
    qt = QTranslator(app)
    qt_locale = locale or QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if qt.load(qt_locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)


def create_window(settings: Settings, journal: Journal | None) -> MainWindow:
    """A main window with its controller and (with a journal) its autosaver, nothing opened yet."""
    window = MainWindow(settings)
    autosaver = Autosaver(journal, settings, window) if journal is not None else None
    window.bind(Controller(window, settings, journal, sample_project(), autosaver))
    return window


NO_SCREEN = (
    "未检测到图形界面（没有设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。"
    "请在桌面环境中运行；只需核对或导出时可用 govform check / govform export。"
)


def has_screen(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt can open a window here: on Linux it needs an X or Wayland display (or a chosen platform)."""
    if not platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(path: str | None, smoke: bool = False) -> int:
    """Open the window on `path` (else the last project, else the sample) and run until it closes."""
    if not has_screen(os.environ):
        print(NO_SCREEN, file=sys.stderr)  # Qt would abort with an English message about "xcb"
        return 1
    app = application()
    if smoke:
        return _smoke(app, path)
    places = Places.from_env()
    settings = Settings(QSettingsStore(str(places.settings_file)))
    window = create_window(settings, Journal(places.recovery_dir))
    assert window.controller is not None
    window.controller.start(path)
    window.show()
    startup.done()
    return app.exec()


def _smoke(app: QApplication, path: str | None) -> int:
    """Open, paint once, close: 0 if all went well, else 1 with the reason on standard error."""
    try:
        settings = Settings(MemoryStore())  # a self-check must not change the clerk's settings
        window = create_window(settings, None)
        assert window.controller is not None
        window.controller.show(window.controller.load(Path(path) if path else sample_project()))
        window.show()
        startup.done()
        app.processEvents()
        if window.grab().isNull():
            raise RuntimeError("the window did not paint")
        window.close()
    except ProjectError as error:
        print(error, file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        return 1
    return 0
