"""What the window's controller and its view say to each other besides documents: the kinds of file offered
in menus and file dialogs, a new report's particulars, and what to do with unsaved changes. Imported when
first used: defining these records costs the window's first paint."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from govform.domain.format import DEFAULT_FORMAT


class Unsaved(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass(frozen=True, slots=True)
class NewReport:
    agency: str
    year: int
    agency_kind: str
    format: str = DEFAULT_FORMAT


@dataclass(frozen=True, slots=True)
class FileChoice:
    """A kind of file the clerk can export to or open, as menus and file dialogs show it."""

    suffix: str
    name: str  # "Word 文档", in the window's language
