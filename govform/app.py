"""The application: QApplication, translators, where settings and recovery files live, and `run_gui`."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QLibraryInfo, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from govform import APP_DISPLAY_NAME, APP_NAME, __version__, startup
from govform.domain.messages import Message
from govform.io.files import os_error_reason
from govform.io.project import ProjectError
from govform.resources import HOME_ENV, resources_dir, sample_project
from govform.ui import words
from govform.ui.controller import Controller
from govform.ui.look import app_icon
from govform.ui.mainwindow import MainWindow
from govform.ui.recovery import Autosaver, Journal
from govform.ui.settings import LANGUAGE, LAST_PROJECT, MemoryStore, QSettingsStore, Settings


@dataclass(slots=True)
class Places:
    """Where the window keeps its settings, its recovery files and its error log."""

    settings_file: Path
    recovery_dir: Path
    log_dir: Path

    @classmethod
    def from_env(cls) -> Places:
        home = os.environ.get(HOME_ENV)
        if home:
            return cls(Path(home) / "settings.ini", Path(home) / "recovery", Path(home) / "logs")
        config = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation))
        data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        return cls(config / f"{APP_NAME}.ini", data / "recovery", data / "logs")


LOG_NAME = "errors.log"
LOG_LIMIT = 1024 * 1024  # past this, the log is kept as errors.log.1 and a new one begun


class CrashHandler:
    """The window's last resort, installed as sys.excepthook: an error nobody caught (in a slot, a paint event,
    opening a project) is written to the log with its traceback, the open project is journaled through
    `rescue` when there is one, and the clerk is told in the window's language where the details are. Never a traceback
    in a terminal; the window goes on, so the clerk can save.

    `rescue()` journals the open project: True when unsaved changes were put aside, False when there were
    none. `tell(title, text)` shows the message (a QMessageBox unless a test or --smoke says otherwise)."""

    def __init__(
        self,
        log_dir: Path,
        rescue: Callable[[], bool] | None = None,
        tell: Callable[[str, str], None] | None = None,
    ):
        self.log_dir = log_dir
        self.rescue = rescue
        self.tell = tell or _message_box
        self.errors = 0
        self.journaled: bool | None = None
        self._handling = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started the window
            QApplication.exit(130)
            return
        self.errors += 1
        details = "".join(traceback.format_exception(kind, error, trace))
        if self._handling:  # an error while telling about the last one: the log is enough
            self._log(details)
            return
        self._handling = True
        try:
            failure = self._rescue()
            if failure is not None:
                details += f"Journaling the project failed too: {failure}\n"
            log = self._log(details)
            text = Message("crash.window", journal=self._journal_note(failure), log=log)
            self.tell(words.text(Message("crash.title")), words.text(text))
        finally:
            self._handling = False

    def _rescue(self) -> str | None:
        """The project journaled if possible; what went wrong doing so, for the log."""
        self.journaled = None
        if self.rescue is None:
            return None
        try:
            self.journaled = self.rescue()
        except Exception as error:  # the document may be what broke
            return "".join(traceback.format_exception_only(type(error), error)).strip()
        return None

    def _journal_note(self, failure: str | None) -> Message:
        if failure is not None:
            return Message("crash.not_journaled")
        return Message("crash.journaled" if self.journaled else "crash.nothing_unsaved")

    def _log(self, details: str) -> str:
        """Append `details` to the log; its path, or why it could not be written."""
        import platform  # for the log's header only: the normal path never needs it

        path = self.log_dir / LOG_NAME
        header = (
            f"==== {dt.datetime.now().isoformat(timespec='seconds')} govform {__version__}, Python "
            f"{platform.python_version()}, PySide6 {PYSIDE_VERSION}, {platform.platform()}\n"
        )
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.stat().st_size > LOG_LIMIT:
                os.replace(path, path.with_name(LOG_NAME + ".1"))
            with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
                log.write(header + details + "\n")
        except OSError as error:
            return f"{path} " + words.text(Message("crash.no_log", reason=os_error_reason(error, writing=True)))
        return str(path)


def _message_box(title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(QApplication.activeWindow(), title, text)


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
    texts (standard buttons, context menus, file dialogs), the domain's messages and Qt's locale follow it."""
    app.setProperty(words.LANGUAGE_PROPERTY, language)
    words.use_locale()
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
    journal = Journal(places.recovery_dir)
    window = create_window(settings, journal)
    crash = CrashHandler(places.log_dir, rescue=lambda: journal_now(window, journal))
    crash.install()
    if not start_window(window, path, crash):
        return 1
    window.show()
    startup.done()
    return app.exec()


def journal_now(window: MainWindow, journal: Journal) -> bool:
    """Journal the window's project now, whatever the autosave setting: True if it had unsaved changes."""
    document = window.controller.document if window.controller is not None else None
    if document is None or not document.modified:
        return False
    journal.write(document)
    return True


def start_window(window: MainWindow, path: str | None, crash: CrashHandler) -> bool:
    """Open what the window starts on. An unexpected error doing so is reported and the sample opened instead,
    and the last project is forgotten, so that a project that breaks the program cannot break every start."""
    controller = window.controller
    assert controller is not None
    try:
        controller.start(path)
        return True
    except Exception:
        crash(*sys.exc_info())  # type: ignore[arg-type]
    controller.settings.set(LAST_PROJECT, "")
    try:
        controller.open_sample()
    except Exception:
        crash(*sys.exc_info())  # type: ignore[arg-type]
        return False
    return True


def _smoke(app: QApplication, path: str | None) -> int:
    """Open, paint once, close: 0 if all went well, else 1 with the reason on standard error (an unexpected
    error, in a paint event too, as one line naming the log that has its traceback)."""
    crash = CrashHandler(Places.from_env().log_dir, tell=lambda title, text: None)  # said below, in one line
    crash.install()
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
        print(words.text(error.message), file=sys.stderr)
        return 1
    except Exception:
        crash(*sys.exc_info())  # type: ignore[arg-type]
    if crash.errors:
        print(words.text(Message("crash.smoke", log=crash.log_dir / LOG_NAME)), file=sys.stderr)
        return 1
    return 0
