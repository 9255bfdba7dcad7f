"""Signals emitted through govform.ui.signals.emit leave Python's `True` with its reference count whole."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from govform.ui.signals import emit


class Source(QObject):
    fired = Signal(int)


def test_many_emits_keep_the_reference_count_of_true():
    source = Source()
    received = []
    source.fired.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(5000):  # on PySide6 6.12.0 a bare .emit() this often aborts the interpreter
        emit(source.fired, n)
    assert abs(sys.getrefcount(True) - before) < 50
    assert len(received) == 5000
