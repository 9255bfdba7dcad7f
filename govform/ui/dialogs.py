"""Dialogs: a new report's particulars, unsaved changes, restoring after a crash, exporting with errors, an
explanation of a warning, what an import found, a finished file to open, and the guide.

Each question is a QMessageBox subclass, so its strings are translated under its own class name (lupdate
files `self.tr()` by class); the `ask_…` and `show_…` functions show one and return the answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from govform import __version__
from govform.domain.format import Format
from govform.domain.messages import Message, catalogue
from govform.domain.report import Report
from govform.domain.rules import Finding
from govform.ui import words
from govform.ui.answers import NewReport, Unsaved
from govform.ui.recovery import Orphan


class NewReportDialog(QDialog):
    """新建: the agency's full name, the report year, the agency's kind and, when govform knows more than one,
    the report format (newest first)."""

    def __init__(self, formats: Sequence[Format], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建年度报告"))
        self._formats = list(formats)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("如：重庆市长寿区长寿湖镇人民政府"))
        self.year = QSpinBox()  # every format's years: a year typed chooses the format that has it
        self.year.setRange(min(f.first_year for f in formats), max(f.last_year or 2099 for f in formats))
        self.year.setValue(self._usual_year(self._formats[0]))
        self.kind = QComboBox()
        self._kind_chosen = False  # once the clerk picks a kind, the name no longer changes it
        self.format = QComboBox()
        for fmt in self._formats:
            self.format.addItem(fmt.name, fmt.id)
        self.format.currentIndexChanged.connect(self._use_format)
        form = QFormLayout(self)
        form.addRow(self.tr("机关全称(&A)："), self.agency)
        form.addRow(self.tr("报告年度(&Y)："), self.year)
        form.addRow(self.tr("机关类型(&K)："), self.kind)
        if len(self._formats) > 1:
            form.addRow(self.tr("报告格式(&F)："), self.format)
        self._use_format(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("新建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.agency.textChanged.connect(lambda text: self._ok.setEnabled(bool(text.strip())))
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("信") * 32)
        self.kind.activated.connect(lambda _: setattr(self, "_kind_chosen", True))
        self.agency.textChanged.connect(self._guess_kind)
        self.year.valueChanged.connect(self._follow_year)

    def _guess_kind(self, name: str) -> None:
        """The kind of agency follows the name as it is typed (…镇人民政府: 乡镇/街道), until chosen by hand."""
        if self._kind_chosen:
            return
        fmt = self._formats[max(self.format.currentIndex(), 0)]
        guess = fmt.kind_of_agency(name) or fmt.default_agency_kind
        self.kind.setCurrentIndex(self.kind.findData(guess))

    @staticmethod
    def _usual_year(fmt: Format) -> int:
        """Last year, the year reports are written for, within the format's years."""
        return max(fmt.first_year, min(dt.date.today().year - 1, fmt.last_year or 2099))

    @staticmethod
    def _has_year(fmt: Format, year: int) -> bool:
        return fmt.first_year <= year <= (fmt.last_year or 2099)

    def _follow_year(self, year: int) -> None:
        """A year the chosen format does not have chooses the newest format that has it."""
        if self._has_year(self._formats[max(self.format.currentIndex(), 0)], year):
            return
        for index, fmt in enumerate(self._formats):
            if self._has_year(fmt, year):
                self.format.setCurrentIndex(index)
                return

    def _use_format(self, index: int) -> None:
        """The format chosen: the year stays if the format has it (else last year, within the format's years),
        the kind stays if chosen (else it follows the name)."""
        fmt = self._formats[index]
        if not self._has_year(fmt, self.year.value()):
            self.year.setValue(self._usual_year(fmt))
        chosen = self.kind.currentData() if self._kind_chosen else None
        self.kind.clear()
        for kind in fmt.agency_kinds:
            self.kind.addItem(kind.label, kind.id)
        if chosen is not None and self.kind.findData(chosen) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(chosen))
        else:
            self._kind_chosen = False
            self._guess_kind(self.agency.text())

    def answer(self) -> NewReport:
        return NewReport(
            self.agency.text().strip(), self.year.value(), self.kind.currentData(), self.format.currentData()
        )


class UnsavedQuestion(QMessageBox):
    def __init__(self, parent: QWidget, name: str):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("尚未保存"))
        self.setText(self.tr("“{name}”有尚未保存的修改。是否保存？").format(name=name))
        self.save = self.addButton(self.tr("保存(&S)"), QMessageBox.ButtonRole.AcceptRole)
        self.discard = self.addButton(self.tr("不保存(&N)"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.save)
        self.setEscapeButton(cancel)


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    box = UnsavedQuestion(parent, name)
    box.exec()
    clicked = box.clickedButton()
    if clicked is box.save:
        return Unsaved.SAVE
    return Unsaved.DISCARD if clicked is box.discard else Unsaved.CANCEL


class RestoreQuestion(QMessageBox):
    def __init__(self, parent: QWidget, orphan: Orphan):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("恢复未保存的内容"))
        self.setText(
            self.tr("上次程序没有正常退出。{time} 自动保存了“{name}”未保存的修改，是否恢复？").format(
                time=f"{orphan.saved_at:%Y-%m-%d %H:%M:%S}", name=orphan.name
            )
        )
        self.setInformativeText(self.tr("选择“不恢复”将丢弃这些修改。"))
        self.restore = self.addButton(self.tr("恢复(&R)"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("不恢复"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore)


def ask_restore(parent: QWidget, orphan: Orphan) -> bool:
    box = RestoreQuestion(parent, orphan)
    box.exec()
    return box.clickedButton() is box.restore


class ExportWithErrorsQuestion(QMessageBox):
    """Export a report that is not finished? Its errors and what is still to fill in, counted as the status
    bar counts them (a blank cell is 未填, not an error)."""

    def __init__(self, parent: QWidget, errors: int, missing: int = 0):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        if errors and missing:
            title = self.tr("报告中还有错误")
            text = self.tr("报告中还有 {errors} 个错误、{missing} 处未填（见“问题”面板），导出的文件只能作为草稿。")
        elif errors:
            title = self.tr("报告中还有错误")
            text = self.tr("报告中还有 {errors} 个错误（见“问题”面板），导出的文件只能作为草稿。")
        else:
            title = self.tr("报告还没有填完")
            text = self.tr("报告中还有 {missing} 处未填（见“问题”面板），导出的文件只能作为草稿。")
        self.setWindowTitle(title)
        self.setText(text.format(errors=errors, missing=missing))
        self.setInformativeText(self.tr("仍要导出吗？"))
        self.draft = self.addButton(self.tr("导出草稿(&D)"), QMessageBox.ButtonRole.AcceptRole)
        cancel = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)


def ask_export_with_errors(parent: QWidget, errors: int, missing: int = 0) -> bool:
    box = ExportWithErrorsQuestion(parent, errors, missing)
    box.exec()
    return box.clickedButton() is box.draft


class ExplanationDialog(QDialog):
    """说明…: why a warning is true as it stands (a 上报说明), kept in the project with the warning."""

    def __init__(self, parent: QWidget, finding: Finding, text: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("说明这个警告"))
        warning = QLabel(words.text(finding.message))
        warning.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "若情况属实（如本机关确有规章、数字确与上年相差较大），写明原因。说明随项目保存，"
                "核对时这个警告计为“已说明”；相关数字改动后，警告会重新出现。"
            )
        )
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存说明"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (warning, hint, self.editor, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("信") * 36)


def ask_explanation(parent: QWidget, finding: Finding, text: str) -> str | None:
    """The clerk's explanation of `finding` ("" removes it), or None when cancelled."""
    dialog = ExplanationDialog(parent, finding, text)
    dialog.editor.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.editor.toPlainText().strip()


class NotesDialog(QDialog):
    """What an import read, left blank or refused, line by line."""

    def __init__(self, parent: QWidget, title: str, lines: Sequence[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("信") * 40, self.fontMetrics().lineSpacing() * 16)


def show_notes(parent: QWidget, title: str, lines: Sequence[str]) -> None:
    dialog = NotesDialog(parent, title, lines)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def open_externally(path: Path) -> bool:
    """Open a file or folder with the program the system uses for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FileOffer(QMessageBox):
    """A file was written: 打开 it, 打开所在文件夹, or just 关闭."""

    def __init__(self, parent: QWidget, message: str, path: Path):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(words.app_name())
        self.setText(message)
        self.setInformativeText(str(path))
        self.open_file = self.addButton(self.tr("打开(&O)"), QMessageBox.ButtonRole.AcceptRole)
        self.open_folder = self.addButton(self.tr("打开所在文件夹(&F)"), QMessageBox.ButtonRole.ActionRole)
        close = self.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_file)
        self.setEscapeButton(close)
        self.path = path
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        target = self.path if button is self.open_file else self.path.parent if button is self.open_folder else None
        if target is not None and not open_externally(target):
            QMessageBox.warning(
                self.parentWidget(),
                words.app_name(),
                self.tr("无法打开“{path}”：这台电脑上没有设置打开它的程序。").format(path=target),
            )


def offer_file(parent: QWidget, message: str, path: Path) -> FileOffer:
    box = FileOffer(parent, message, path)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class GuideDialog(QDialog):
    """帮助 › 使用说明: the keys, the rules in plain words, where files go, and the version."""

    def __init__(self, parent: QWidget, report: Report | None, places: Mapping[str, str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self._html(report, places))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("信") * 46, metrics.lineSpacing() * 34)

    def _html(self, report: Report | None, places: Mapping[str, str]) -> str:
        keys = [
            ("Ctrl+Tab, Ctrl+PgDn / Ctrl+Shift+Tab, Ctrl+PgUp", self.tr("下一个 / 上一个标签页")),
            (self.tr("方向键、Tab、Enter"), self.tr("在表格中移动；直接输入数字即填写，Enter 确认并下移")),
            (self.tr("选中多个格子，输入数字，Ctrl+Enter"), self.tr("把这个数字填入所有选中的格子")),
            ("Delete", self.tr("清除选中的格子（手动填写的总计恢复自动计算）")),
            ("Ctrl+C / Ctrl+V", self.tr("复制、粘贴，可以与 Excel、WPS 表格互相复制一片数字")),
            (
                self.tr("在“一”的文字框中按 Ctrl+V"),
                self.tr("粘贴上年报告的整个“一、总体情况”（连同各小标题）：各小标题下的文字分别填入对应的小标题"),
            ),
            ("Ctrl+Z / Ctrl+Y, Ctrl+Shift+Z", self.tr("撤销 / 重做（表格和文字共用一份记录）")),
            ("F8, Esc", self.tr("转到问题列表；回到原来的位置")),
            (self.tr("问题列表中按 Tab"), self.tr("转到所选问题的改正办法（改为…、填0、说明…），按空格执行")),
            (self.tr("Alt+带下划线的字母"), self.tr("转到这一栏，如 Alt+A 机关全称、Alt+D 成文日期")),
            ("Alt+Shift+↑ / ↓", self.tr("在小标题中：上移 / 下移这个小标题")),
            ("Alt+Shift+Delete", self.tr("在小标题中：删除这个小标题（可以撤销）")),
            ("Alt+↓", self.tr("在成文日期中：打开日历")),
            ("F10, Alt", self.tr("转到菜单栏")),
            ("Ctrl+S, Ctrl+E", self.tr("保存；导出 Word 文档")),
        ]
        keys_heading, rules_heading, files_heading = self.tr("常用按键"), self.tr("核对的规则"), self.tr("文件放在哪里")
        html = [f"<h3>{escape(keys_heading)}</h3><table cellspacing='4'>"]
        html += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in keys]
        html.append(f"</table><h3>{escape(rules_heading)}</h3>")
        legend = self.tr("错误（红色）必须改正；警告（黄色）请核实，属实的可以写上说明；灰色圆圈是还没有填写的内容。")
        html.append(f"<p>{escape(legend)}</p><ul>")
        seen: set[str] = set()
        for rule in report.format.rules if report is not None else ():
            plain = f"rules.plain.{rule.code}"
            if rule.code in seen or plain not in catalogue(words.language()):
                continue
            seen.add(rule.code)
            named = words.text(Message(f"rules.words.{rule.code}"))
            line = self.tr("{code} {words}：{plain}").format(
                code=rule.code, words=named, plain=words.text(Message(plain))
            )
            html.append(f"<li>{escape(line)}</li>")
        html.append(f"</ul><h3>{escape(files_heading)}</h3><ul>")
        files = [self.tr("报告保存为“.govform”项目文件，位置由你选择（新报告第一次保存时从这里选起：{path}）。")]
        if "recovery" in places:
            files.append(self.tr("未保存的修改每秒自动记下，程序意外退出后，下次启动时可以恢复：{recovery}"))
        if "settings" in places:
            files.append(self.tr("设置：{settings}"))
        files.append(self.tr("导出的 Word、Excel、网页、PDF 文件默认放在项目文件旁边。"))
        values = {"path": places.get("documents", ""), **places}
        html += [f"<li>{escape(line.format(**values))}</li>" for line in files]
        version = self.tr("{name} 版本 {version}").format(name=words.app_name(), version=__version__)
        html.append(f"</ul><p>{escape(version)}</p>")
        return "".join(html)


def show_guide(parent: QWidget, report: Report | None, places: Mapping[str, str]) -> GuideDialog:
    dialog = GuideDialog(parent, report, places)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class AboutBox(QMessageBox):
    def __init__(self, parent: QWidget, reference: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于"))
        self.setIconPixmap(parent.windowIcon().pixmap(64, 64))
        self.setText(
            self.tr("{name} {version}\n按{reference}格式编写、核对和导出政府信息公开工作年度报告。").format(
                name=words.app_name(), version=__version__, reference=reference
            )
        )
        self.addButton(self.tr("关闭"), QMessageBox.ButtonRole.AcceptRole)


def show_about(parent: QWidget, reference: str) -> None:
    box = AboutBox(parent, reference)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
