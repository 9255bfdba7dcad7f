"""Run by test_kill_saves.py in its own process (no Qt loaded): `ROUNDS` times, a forked child saves a project
in a loop, writing 1, 2, 3… into a cell, and is killed with SIGKILL at a random moment. After each kill
this process reads the project and its .bak as a clerk's next start would, saves once more as the clerk's
next save would, and prints one JSON line: the figures found, and our temporary files before and after.

    python tests/io/kill_saves.py FOLDER ROUNDS SEED [copy]

`copy`: the file system has no hard links (FAT, exFAT, some network shares), so the .bak is a copy.
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from govform.io.project import ProjectError, load_project, save_project
from tests.helpers.reports import complete_report

CELL = ("applications", "new", "natural_person")
TEMPORARY = re.compile(r"\..+\.[0-9a-f]{16}\.tmp")


def figure(path: Path) -> int | str | None:
    """The counter in the project at `path`, "absent", or the error that stopped it loading."""
    if not path.exists():
        return "absent"
    try:
        return load_project(path).value(*CELL)
    except ProjectError as error:
        return f"unreadable: {error}"


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if TEMPORARY.fullmatch(name))


def save_forever(path: Path, start: int) -> None:
    report = load_project(path)
    count = start
    while True:
        count += 1
        report.set_cell(*CELL, count)
        # The agency's length changes too, so a cut file cannot pass for a whole one by chance.
        report.agency = "某某镇人民政府" + "。" * (count % 97)
        save_project(report, path)


def main(folder: Path, rounds: int, seed: int, copy: bool) -> int:
    if copy:
        os.link = lambda *args, **kwargs: (_ for _ in ()).throw(OSError(errno.EPERM, "no links here"))
    rng = random.Random(seed)
    path = folder / "年报.govform"
    backup = folder / "年报.govform.bak"
    current = 0
    report = complete_report()
    report.set_cell(*CELL, current)
    save_project(report, path)
    for round_ in range(rounds):
        child = os.fork()
        if child == 0:
            try:
                save_forever(path, current)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.0005, 0.03))
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        found, kept = figure(path), figure(backup)
        left = temporaries(folder)
        if isinstance(found, int):
            current = found
            report = load_project(path)
            report.set_cell(*CELL, current + 1)
            save_project(report, path)  # the clerk's next save sweeps what the killed one left
            current += 1
        line = {"round": round_, "project": found, "backup": kept, "left": left, "after": temporaries(folder)}
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), "copy" in sys.argv[4:]))
