"""Shared test set-up: Qt runs offscreen, set here so no test depends on the caller's environment."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
