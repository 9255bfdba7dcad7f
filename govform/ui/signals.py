"""Emitting Qt signals from Python safely on PySide6 6.12.0.

PySide6 6.12.0's `SignalInstance.emit()` returns `True` without owning a reference to it (6.11.3 does
not), so every emit from Python lowers `True`'s reference count by one; after a few hundred emits
Python 3.11 aborts with "bool_dealloc: deallocating True or False". Every signal this package emits
goes through `emit`, which gives the reference back when (and only when) the running PySide6 loses it.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    fired = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) - before <= -8


_LOSES_REFERENCE = _emit_loses_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, with the reference count of the returned bool kept whole."""
    result = signal.emit(*args)
    if _LOSES_REFERENCE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
