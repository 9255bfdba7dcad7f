"""packaging/linux/system-deps.sh on a fresh machine: it waits for another apt-get's dpkg lock instead of
failing, and says what it installs and why (apt-get, dpkg-query and id are stand-ins here)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "packaging" / "linux" / "system-deps.sh"

pytestmark = pytest.mark.skipif(not shutil.which("sh") or os.name != "posix", reason="a POSIX shell")


def _run(tmp_path, *, uid: int, mode: str = "test") -> tuple[subprocess.CompletedProcess, list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "apt-get.calls"
    stand_ins = {
        "dpkg-query": "exit 1",  # nothing installed
        "apt-get": f'echo "$*" >> "{calls}"',
        "id": f"echo {uid}",
    }
    for name, body in stand_ins.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    done = subprocess.run(["sh", str(SCRIPT), mode], capture_output=True, text=True, env=env, timeout=60)
    return done, calls.read_text().splitlines() if calls.exists() else []


def test_as_root_it_waits_for_the_dpkg_lock_and_says_what_and_why(tmp_path):
    done, calls = _run(tmp_path, uid=0)
    assert done.returncode == 0, done.stderr
    assert [call.split()[:3] for call in calls] == [
        ["-o", "DPkg::Lock::Timeout=300", call.split()[2]] for call in calls
    ]
    assert [call.split()[2] for call in calls] == ["update", "install"]
    assert "最多等待 300 秒" in done.stderr
    for package, why in [
        ("libxcb-cursor0", "打开窗口"),
        ("fonts-noto-cjk", "中文字体"),
        ("pandoc", "测试用"),
        ("xdotool", "按键"),
    ]:
        assert any(line.strip().startswith(f"{package}：") and why in line for line in done.stderr.splitlines())
    assert "pandoc" in calls[1] and "libreoffice-writer-nogui" in calls[1]


def test_without_root_it_names_the_command_and_fails(tmp_path):
    done, calls = _run(tmp_path, uid=1000, mode="run")
    assert done.returncode == 1 and calls == []
    assert "缺少系统软件包" in done.stderr and "libxcb-cursor0：" in done.stderr and "pandoc" not in done.stderr
    assert "sudo apt-get -o DPkg::Lock::Timeout=300 install" in done.stderr
