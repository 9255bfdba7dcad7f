"""The typed settings registry: defaults, conversions from what QSettings gives back, choices."""

from __future__ import annotations

import pytest

from govform.ui.settings import (
    AUTOSAVE,
    EXPORT_FONTS,
    RECENT_FILES,
    RECENT_LIMIT,
    WINDOW_GEOMETRY,
    MemoryStore,
    QSettingsStore,
    Settings,
)


def test_defaults_when_nothing_is_stored():
    settings = Settings(MemoryStore())
    assert settings.get(EXPORT_FONTS) == "gb2312"
    assert settings.get(AUTOSAVE) is True
    assert settings.get(RECENT_FILES) == []
    assert settings.get(WINDOW_GEOMETRY) == b""


@pytest.mark.parametrize(("stored", "expected"), [("false", False), ("true", True), (False, False), ("1", True)])
def test_booleans_read_back_from_ini_text(stored, expected):
    assert Settings(MemoryStore({AUTOSAVE.key: stored})).get(AUTOSAVE) is expected


def test_a_value_outside_the_choices_reads_as_the_default_and_cannot_be_set():
    settings = Settings(MemoryStore({EXPORT_FONTS.key: "comic-sans"}))
    assert settings.get(EXPORT_FONTS) == "gb2312"
    with pytest.raises(ValueError):
        settings.set(EXPORT_FONTS, "comic-sans")


def test_recent_files_are_capped_and_unique():
    settings = Settings(MemoryStore())
    for n in range(RECENT_LIMIT + 3):
        settings.add_recent(f"/p/{n}.govform")
    settings.add_recent("/p/5.govform")
    recent = settings.get(RECENT_FILES)
    assert len(recent) == RECENT_LIMIT and recent[0] == "/p/5.govform" and recent.count("/p/5.govform") == 1


def test_the_ini_store_round_trips_every_setting(tmp_path):
    path = str(tmp_path / "settings.ini")
    settings = Settings(QSettingsStore(path))
    settings.set(AUTOSAVE, False)
    settings.set(EXPORT_FONTS, "plain")
    settings.set(RECENT_FILES, ["/only/one.govform"])
    settings.set(WINDOW_GEOMETRY, b"\x01\x02\xff")
    again = Settings(QSettingsStore(path))
    assert again.get(AUTOSAVE) is False
    assert again.get(EXPORT_FONTS) == "plain"
    assert again.get(RECENT_FILES) == ["/only/one.govform"]
    assert again.get(WINDOW_GEOMETRY) == b"\x01\x02\xff"
