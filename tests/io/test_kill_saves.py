"""kill -9 during saves: the project and its .bak are always whole (the old or the new save), and the next
save removes the temporary files the killed one left. `make soak` runs more rounds (GOVFORM_KILLS)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).with_name("kill_saves.py")
KILLS = int(os.environ.get("GOVFORM_KILLS", "100"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL")


def _rounds(folder: Path, rounds: int, seed: int, *extra: str) -> list[dict]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, str(HARNESS), str(folder), str(rounds), str(seed), *extra],
        capture_output=True,
        text=True,
        timeout=60 + rounds,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def _assert_whole(lines: list[dict], rounds: int) -> None:
    assert len(lines) == rounds
    previous = 0
    for line in lines:
        project, backup = line["project"], line["backup"]
        assert isinstance(project, int), line  # loads, whole
        assert project >= previous, line  # never older than what a finished save left
        if backup != "absent" or line["round"] > 0:
            assert backup in (project - 1, project), line  # the .bak loads too: the previous save or this one
        assert line["after"] == [], line  # the next save swept what the kill left
        previous = project + 1  # the harness saved once more


@pytest.mark.parametrize(
    ("mode", "rounds"), [("links", KILLS), ("copy", KILLS // 2)], ids=["hard-linked backup", "copied backup"]
)
def test_kill_9_while_saving_never_breaks_the_project_or_its_backup(tmp_path, mode, rounds):
    lines = _rounds(tmp_path, rounds, len(mode), mode)
    _assert_whole(lines, rounds)
    # The kills did land in the middle of saves (else this test would prove nothing).
    assert sum(bool(line["left"]) for line in lines) >= rounds // 5
