"""The window's start-up tricks, in one place, each kept only while `make bench` shows it is needed to open
within 1.5 × a bare PySide6 window (tests/benchmarks/bench_window.py), with its measured gain."""

from __future__ import annotations

import gc


def begin() -> None:
    """Before the window's modules load: the collector off, as start-up makes objects that live as long as
    the window (modules, Qt types, the format)."""
    gc.disable()


def done() -> None:
    """The window is up: put what start-up made out of the collector's sight, and collect as usual again."""
    gc.freeze()
    gc.enable()
