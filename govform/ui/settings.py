"""Every setting of the window, declared once with its type and default, read through an injected store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from govform.io import export_fonts

T = TypeVar("T")


class Store(Protocol):
    """Where settings live: QSettings in the application, a dict in tests and in `--smoke`."""

    def value(self, key: str) -> Any: ...

    def set_value(self, key: str, value: Any) -> None: ...


def _to_bool(raw: Any) -> bool:
    if isinstance(raw, str):  # INI files give back "true"/"false"
        return raw.strip().lower() in ("true", "1", "yes")
    return bool(raw)


def _to_list(raw: Any) -> list[str]:
    if isinstance(raw, str):  # QSettings turns a one-item list into its item
        return [raw] if raw else []
    return [str(item) for item in raw]


def _to_bytes(raw: Any) -> bytes:
    if isinstance(raw, QByteArray):
        return bytes(raw.data())
    return bytes(raw)


@dataclass(slots=True)
class Setting(Generic[T]):
    """One setting: where it is stored, its value when none is, and how a stored value is read."""

    key: str
    default: T
    convert: Callable[[Any], T]
    choices: tuple[T, ...] = ()


FONT_PRESETS = {key: fonts.body for key, fonts in export_fonts.FONT_PRESETS.items()}
"""The export font presets by their body font: the _GB2312 fonts of the standard, or the 仿宋/楷体 most
machines have."""

EXPORT_FONTS = Setting("export/fonts", "gb2312", str, tuple(FONT_PRESETS))
AUTOSAVE = Setting("recovery/autosave", True, _to_bool)
RECENT_FILES: Setting[list[str]] = Setting("files/recent", [], _to_list)
LAST_PROJECT = Setting("files/last_project", "", str)
WINDOW_GEOMETRY = Setting("window/geometry", b"", _to_bytes)
WINDOW_STATE = Setting("window/state", b"", _to_bytes)  # the 问题 panel's place and size
LANGUAGE = Setting("window/language", "zh_CN", str, ("zh_CN", "en"))
SIGNATURE_INDENT = Setting("export/signature_indent", 2, int, tuple(range(15)))
"""Characters between the signature and the right margin (GB/T 9704 7.3.5 右空二字: 2)."""
RECENT_LIMIT = 8


class Settings:
    """Typed access to the settings in `store`; a stored value of the wrong type reads as the default."""

    def __init__(self, store: Store):
        self._store = store

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key)
        if raw is None:
            return setting.default
        try:
            value = setting.convert(raw)
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.choices and value not in setting.choices:
            raise ValueError(f"{setting.key}: {value!r} is not one of {setting.choices}")
        self._store.set_value(setting.key, value)

    def location(self) -> str:
        """Where the settings are kept ("" when only in memory)."""
        return getattr(self._store, "path", "")

    def add_recent(self, path: str) -> list[str]:
        """Put `path` first in the recent files (once) and return the new list."""
        recent = [path, *(p for p in self.get(RECENT_FILES) if p != path)][:RECENT_LIMIT]
        self.set(RECENT_FILES, recent)
        return recent


class MemoryStore:
    """Settings kept in a dict: for tests, and for `--smoke`, which must not change the clerk's settings."""

    def __init__(self, values: dict[str, Any] | None = None):
        self.values = dict(values or {})

    def value(self, key: str) -> Any:
        return self.values.get(key)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


class QSettingsStore:
    """Settings in an INI file (one format on every platform, easy to inspect and to reset)."""

    def __init__(self, path: str):
        self.path = path
        self._settings = QSettings(path, QSettings.Format.IniFormat)

    def value(self, key: str) -> Any:
        return self._settings.value(key)

    def set_value(self, key: str, value: Any) -> None:
        self._settings.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)
        self._settings.sync()
