"""A real X screen for tests, and the real program on it driven from the outside: Xvfb with openbox (so that a
window is activated and takes the keyboard as on a desktop), and `python -m govform` typed into with xdotool.

Nothing here sleeps for a fixed time: every wait polls what can be seen (the display answering, the window
mapped, the project file saved, the process gone) until a deadline, and says what it waited for when it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "openbox", "xdotool")
DISPLAYS = range(21, 30)  # the numbers these tests may take (others are left to whoever else uses the machine)
POLL = 0.05  # seconds between two looks at what is awaited
STEP = 10.0  # seconds one step may take: a save, a key's effect (a few milliseconds when all is well)
START = 30.0  # seconds for a program to start and show its window (about one on a laptop)


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(check: Callable[[], Any], deadline: float, what: str, failure: Callable[[], str] = str) -> Any:
    """Poll `check` every POLL seconds until it returns something true (returned) or `deadline` seconds pass
    (AssertionError saying `what` was awaited, and `failure()`)."""
    end = time.monotonic() + deadline
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > end:
            raise AssertionError(f"waited {deadline:g} s for {what}; {failure()}".rstrip("; "))
        time.sleep(POLL)


def stop(process: subprocess.Popen, grace: float = 5.0) -> None:
    """Terminate `process`, then kill it if it is still there after `grace` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(grace)


def _free(number: int) -> bool:
    return not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists()


def _xdotool(display: str, *args: str, timeout: float = STEP) -> subprocess.CompletedProcess:
    env = dict(os.environ, DISPLAY=display)
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout)


def _answers(display: str) -> bool:
    try:
        return _xdotool(display, "getdisplaygeometry", timeout=5).returncode == 0
    except subprocess.TimeoutExpired:
        return False


def _managed(display: str) -> bool:
    """Whether a window manager that activates windows runs: without one, xdotool says the window manager "claims
    not to support _NET_ACTIVE_WINDOW" (with one, before any window is active, that reading the property failed)."""
    try:
        return "claims not to support" not in _xdotool(display, "getactivewindow", timeout=5).stderr
    except subprocess.TimeoutExpired:
        return False


@contextmanager
def x_screen(folder: Path) -> Iterator[str]:
    """Xvfb on the first free display of DISPLAYS (1280×800, no TCP), with openbox managing it; yields the
    DISPLAY value. Both are stopped on leaving, whatever happened; their output is in `folder`."""
    processes: list[subprocess.Popen] = []
    try:
        display = None
        for number in DISPLAYS:
            if not _free(number):
                continue
            with (folder / f"Xvfb-{number}.log").open("wb") as log:
                server = subprocess.Popen(
                    ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            processes.append(server)
            # Xvfb exits at once when another server took the number between the look and the start.
            wait_for(lambda n=number, s=server: s.poll() is not None or _answers(f":{n}"), START, f"Xvfb :{number}")
            if server.poll() is None:
                display = f":{number}"
                break
        if display is None:
            raise AssertionError(f"no free X display in :{DISPLAYS[0]}..:{DISPLAYS[-1]} (see {folder})")
        home = folder / "openbox-home"  # openbox keeps its cache and settings in a home of its own
        home.mkdir(exist_ok=True)
        env = dict(os.environ, DISPLAY=display, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
        env["XDG_CACHE_HOME"] = str(home / ".cache")
        with (folder / "openbox.log").open("wb") as log:
            manager = subprocess.Popen(
                ["openbox", "--sm-disable"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        processes.append(manager)
        wait_for(lambda: manager.poll() is not None or _managed(display), START, "openbox to manage the screen")
        if manager.poll() is not None:
            raise AssertionError(f"openbox exited with {manager.returncode}: {(folder / 'openbox.log').read_text()}")
        yield display
    finally:
        for process in reversed(processes):
            stop(process)


class Program:
    """`python -m govform PROJECT` on `display` as a clerk starts it: settings, recovery files and the error log
    in a fresh GOVFORM_HOME, the Chinese window, the real X11 platform (not offscreen). Keys go to it with
    xdotool, as from a keyboard; what it did is read in the project file it saves."""

    def __init__(self, display: str, project: Path, folder: Path):
        self.display = display
        self.project = project
        self.folder = folder
        self.home = folder / "home"
        self.stdout = folder / "stdout.txt"
        self.stderr = folder / "stderr.txt"
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "LC_ALL", "LANGUAGE")}
        env.update(DISPLAY=display, GOVFORM_HOME=str(self.home), HOME=str(folder), LANG="C.UTF-8")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))  # this tree
        with self.stdout.open("wb") as out, self.stderr.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "govform", str(project)],
                cwd=folder,
                env=env,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
        self.window = ""

    # -- what can be seen ---------------------------------------------------------------------------

    def errors(self) -> str:
        return self.stderr.read_text(errors="replace")

    def screenshot(self) -> str:
        """A picture of the screen for a failure's message, when ImageMagick happens to be installed."""
        if shutil.which("import") is None:
            return "no screenshot (ImageMagick's import is not installed)"
        picture = self.folder / "fail.png"
        done = subprocess.run(
            ["import", "-window", "root", str(picture)],
            env=dict(os.environ, DISPLAY=self.display),
            capture_output=True,
            timeout=STEP,
        )
        return f"screenshot: {picture}" if done.returncode == 0 else "no screenshot (import failed)"

    def failure(self) -> str:
        state = "running" if self.process.poll() is None else f"exited with {self.process.returncode}"
        return f"the program is {state}; {self.screenshot()}; its standard error: {self.errors()[-3000:]!r}"

    def saved(self) -> dict | None:
        """The project file's report as last saved (None while it cannot be read: a save replacing it)."""
        try:
            return json.loads(self.project.read_text(encoding="utf-8"))["report"]
        except (OSError, ValueError, KeyError):
            return None

    def wait_saved(self, check: Callable[[dict], Any], what: str, show: Callable[[dict], Any] | None = None) -> dict:
        """Wait until the saved report satisfies `check`; returns it. A failure shows `show(report)` (default:
        the start of the report)."""

        def report() -> dict | None:
            if self.process.poll() is not None:
                raise AssertionError(f"waiting for {what}: {self.failure()}")
            report = self.saved()
            return report if report is not None and check(report) else None

        def failure() -> str:
            report = self.saved()
            if report is None:
                return f"the file cannot be read; {self.failure()}"
            shown = show(report) if show is not None else json.dumps(report, ensure_ascii=False)[:1500]
            return f"the file has {shown!r}; {self.failure()}"

        return wait_for(report, STEP, what, failure)

    # -- what the clerk does ------------------------------------------------------------------------

    def xdotool(self, *args: str) -> str:
        done = _xdotool(self.display, *args)
        if done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}; {self.failure()}")
        return done.stdout

    def activate(self, title: str) -> None:
        """Wait for the window whose title contains `title` (a regular expression) and give it the keyboard."""

        def shown() -> str:
            if self.process.poll() is not None:
                raise AssertionError(f"the program ended before its window showed: {self.failure()}")
            found = _xdotool(self.display, "search", "--onlyvisible", "--name", title)
            return found.stdout.split()[0] if found.returncode == 0 and found.stdout.strip() else ""

        self.window = wait_for(shown, START, f"a window titled {title!r}", self.failure)
        self.xdotool("windowactivate", "--sync", self.window)
        wait_for(lambda: self.xdotool("getwindowfocus").strip() == self.window, STEP, "the keyboard", self.failure)

    def keys(self, *keys: str) -> None:
        """Press each of `keys` (xdotool's names: ctrl+s, ctrl+Next, alt+d, Tab) in turn."""
        self.xdotool("key", "--delay", "20", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", text)

    def save(self, check: Callable[[dict], Any], what: str, show: Callable[[dict], Any] | None = None) -> dict:
        """Ctrl+S, then wait for the saved file to satisfy `check` (see wait_saved)."""
        self.keys("ctrl+s")
        return self.wait_saved(check, what, show)

    def quit(self) -> int:
        """Ctrl+Q; the exit status, once the program is gone."""
        self.keys("ctrl+q")
        try:
            return self.process.wait(STEP)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"Ctrl+Q did not end the program in {STEP:g} s; {self.failure()}") from None

    def stop(self) -> None:
        """End the program if it is still there (a failed test)."""
        stop(self.process)
