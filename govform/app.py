"""The application: QApplication, translators, where settings and recovery files live, and `run_gui`."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from govform import APP_DISPLAY_NAME, APP_NAME, __version__, startup
from govform.io.project import ProjectError
from govform.resources import HOME_ENV, resources_dir, sample_project
from govform.ui import words
from govform.ui.controller import Controller
from govform.ui.look import app_icon
from govform.ui.mainwindow import MainWindow
from govform.ui.recovery import Autosaver, Journal
from govform.ui.settings import LANGUAGE, MemoryStore, QSettingsStore, Settings


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


def application(language: str = "zh_CN") -> QApplication:
    """The QApplication (created once), named, with its icon and the translations of `language`."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    use_language(app, language)
    return app


def use_language(app: QApplication, language: str) -> None:
    """The window's language: "zh_CN", in which the UI is written, or "en" through govform_en.qm. Qt's own
    texts (standard buttons, context menus, file dialogs) and the domain's messages follow it; Qt's locale
    (month and day names) follows when a calendar or a file dialog first opens (`words.use_locale`): making
    QLocale's Python enums costs the first paint ~4 ms."""
    app.setProperty(words.LANGUAGE_PROPERTY, language)
    if language == "zh_CN":
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
    ours = QTranslator(app)  # zh_CN: Qt's own words its Chinese translations lack; en: the whole window
    if ours.load(f"{APP_NAME}_{language}", str(resources_dir() / "translations")):
        app.installTranslator(ours)
    app.setApplicationDisplayName(words.app_name() if language != "zh_CN" else APP_DISPLAY_NAME)


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


def run_gui(path: str | None, smoke: bool = False, language: str | None = None) -> int:
    """Open the window on `path` (else the last project, else the sample) and run until it closes, in
    `language` (else the one chosen in 设置, else Chinese)."""
    if not has_screen(os.environ):
        print(NO_SCREEN, file=sys.stderr)  # Qt would abort with an English message about "xcb"
        return 1
    if smoke:
        return _smoke(application(language or "zh_CN"), path)
    QApplication.setOrganizationName(APP_NAME)  # where the settings are depends on these names
    QApplication.setApplicationName(APP_NAME)
    places = Places.from_env()
    settings = Settings(QSettingsStore(str(places.settings_file)))
    app = application(language or settings.get(LANGUAGE))
    window = create_window(settings, Journal(places.recovery_dir))
    catch_errors(window, places.recovery_dir.parent / "errors.log")
    assert window.controller is not None
    window.controller.start(path)
    window.show()
    startup.done()
    return app.exec()


def catch_errors(window: MainWindow, log: Path) -> None:
    """A bug that escapes a slot becomes a message in the clerk's language, never a traceback; the traceback
    goes to `log` (and standard error) for whoever maintains govform. The report stays as it was: what was
    typed is journaled and can still be saved."""

    def report(kind: type[BaseException], error: BaseException, trace: object) -> None:
        text = "".join(traceback.format_exception(kind, error, trace))  # type: ignore[arg-type]
        print(text, file=sys.stderr)
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as out:
                out.write(text + "\n")
        except OSError:
            pass
        from PySide6.QtWidgets import QMessageBox

        message = words.translate(
            "App", "程序出错了（{error}）。报告没有丢失：修改已自动记下，可以继续编辑和保存。出错的详情记在：{log}"
        )
        QMessageBox.warning(window, words.app_name(), message.format(error=kind.__name__, log=log))

    sys.excepthook = report


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
