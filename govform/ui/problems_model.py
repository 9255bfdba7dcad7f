"""The report's findings as a two-level tree for the 问题 panel: errors, then what is still to fill in, then
warnings, then the warnings the clerk explained. Findings of one kind in one table or part share one entry
("表三：144 个单元格未填写") that expands to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from govform.domain.messages import Message, catalogue
from govform.domain.rules import Finding, is_missing
from govform.ui import look, words
from govform.ui.checker import Checker

Index = QModelIndex | QPersistentModelIndex

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a leaf (None for a group)
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 2  # every Finding of an entry (a group's, or a leaf's one)
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # a stable key of the entry, to keep it expanded and selected
EXPLANATION_ROLE = Qt.ItemDataRole.UserRole + 4  # the clerk's explanation of a leaf's warning, or None
STATE_ROLE = Qt.ItemDataRole.UserRole + 5  # "error", "missing", "warning" or "explained"

_ORDER = ("error", "missing", "warning", "explained")


def rule_words(finding: Finding) -> str:
    """The rule's code in words ("勾稽关系不符"), or the code for a rule the catalogue has no words for."""
    key = f"rules.words.{finding.code}"
    language = words.language()
    known = key in catalogue(language) or key in catalogue()
    return words.text(Message(key)) if known else finding.code


def finding_line(finding: Finding) -> str:
    """ "勾稽关系不符：…" in the window's language: the rule in words, then the message."""
    return words.translate("ProblemsModel", "{words}：{message}").format(
        words=rule_words(finding), message=words.text(finding.message)
    )


class Entry:
    """A row of the tree: one finding, or a group of findings of one kind in one table or part."""

    __slots__ = ("children", "explanation", "finding", "findings", "key", "state", "text")

    def __init__(self, state: str, key: str, text: str, findings: list[Finding], finding: Finding | None = None):
        self.state = state
        self.key = key
        self.text = text
        self.findings = findings
        self.finding = finding
        self.explanation: str | None = None
        self.children: list[Entry] = []


class ProblemsModel(QAbstractItemModel):
    """The checker's findings, grouped, refreshed whenever they change; optionally only one tab's."""

    def __init__(self, checker: Checker, parent: QObject | None = None):
        super().__init__(parent)
        self._checker = checker
        self.report = checker.report
        self._only: tuple[str | None] | None = None  # (section id,) to show one tab's findings; None: all
        self._entries: list[Entry] = self._build()
        checker.findingsChanged.connect(self.refresh)

    def show_only(self, section: tuple[str | None] | None) -> None:
        """Show only the findings of one section's tab ((None,) for the basic information), or all (None)."""
        if section != self._only:
            self._only = section
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._entries = self._build()
        self.endResetModel()

    # -- building the tree ------------------------------------------------------------------------

    def _state(self, index: int, finding: Finding) -> str:
        if index in self._checker.explanations:
            return "explained"
        if is_missing(finding):
            return "missing"
        return "error" if finding.is_error else "warning"

    def _build(self) -> list[Entry]:
        checker = self._checker
        groups: dict[tuple[str, ...], list[tuple[int, Finding]]] = {}
        for index, finding in enumerate(checker.findings):
            if self._only is not None and finding.section != self._only[0]:
                continue
            state = self._state(index, finding)
            key = (state, "") if state == "explained" else (state, finding.rule, finding.message.key, _where(finding))
            groups.setdefault(key, []).append((index, finding))
        entries = []
        for key in sorted(groups, key=lambda k: _ORDER.index(k[0])):
            members = groups[key]
            leaves = [self._leaf(key[0], index, finding) for index, finding in members]
            if len(leaves) == 1 and key[0] != "explained":
                entries.append(leaves[0])
                continue
            group = Entry(key[0], "|".join(key), self._group_text(key[0], [f for _, f in members]), [])
            group.findings = [f for _, f in members]
            group.children = leaves
            entries.append(group)
        return entries

    def _leaf(self, state: str, index: int, finding: Finding) -> Entry:
        entry = Entry(state, f"{finding.rule}|{finding.message.key}|{words.text(finding.message)}", "", [finding])
        entry.finding = finding
        entry.text = finding_line(finding)
        entry.explanation = self._checker.explanations.get(index)
        return entry

    def _group_text(self, state: str, findings: list[Finding]) -> str:
        count = len(findings)
        if state == "explained":
            return self.tr("已说明的警告（{count}）").format(count=count)
        first = findings[0]
        where = self._where_words(first)
        if first.message.key.endswith("message_blank"):
            return self.tr("{where}：{count} 个单元格未填写").format(where=where, count=count)
        return self.tr("{where}：{count} 处{words}").format(where=where, count=count, words=rule_words(first))

    def _where_words(self, finding: Finding) -> str:
        fmt = self.report.format
        ref = finding.primary or (finding.cells[0] if finding.cells else None)
        if ref is not None:
            return fmt.tables[ref.table].short
        if finding.section is not None:
            return fmt.section(finding.section).heading
        return self.tr("基本信息")

    # -- the tree for Qt --------------------------------------------------------------------------

    def entry(self, index: Index) -> Entry | None:
        if not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            return self._entries[index.row()] if index.row() < len(self._entries) else None
        children = self._entries[group - 1].children if group - 1 < len(self._entries) else []
        return children[index.row()] if index.row() < len(children) else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._entries) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        children = self._entries[parent.row()].children
        return self.createIndex(row, 0, parent.row() + 1) if row < len(children) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._entries)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._entries[parent.row()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index)
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.DecorationRole:
            return look.severity_icon(entry.state)
        if role == FINDING_ROLE:
            return entry.finding
        if role == FINDINGS_ROLE:
            return entry.findings
        if role == KEY_ROLE:
            return entry.key
        if role == EXPLANATION_ROLE:
            return entry.explanation
        if role == STATE_ROLE:
            return entry.state
        return None

    def _tooltip(self, entry: Entry) -> str:
        finding = entry.finding
        if finding is None:
            return entry.text
        severity = words.text(Message(f"severity.{finding.severity}"))
        lines = [
            self.tr("{code}（{severity}）：{message}").format(
                code=finding.code, severity=severity, message=words.text(finding.message)
            )
        ]
        if entry.explanation:
            lines.append(self.tr("说明：{text}").format(text=entry.explanation))
        return "\n".join(lines)


def _where(finding: Finding) -> str:
    ref = finding.primary or (finding.cells[0] if finding.cells else None)
    return ref.table if ref is not None else str(finding.section)
