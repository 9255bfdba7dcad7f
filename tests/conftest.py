"""Shared test set-up, set here so no test depends on the caller's environment: Qt runs offscreen, and
settings, journals and caches go to a fresh folder rather than the tester's home."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GOVFORM_HOME"] = tempfile.mkdtemp(prefix="govform-tests-")
