"""Acceptance of issue 8: from 新建 (某某镇人民政府, 2025) to a report with no errors, by the keyboard alone,
every key sent to whatever has the focus (as a clerk's keyboard does), and counted. The count is in the
README; the figures are those the issue lists, the date typed as 2026-1-15, the text pasted from last year's
report (copying it there is not counted)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from govform.domain.rules import validate
from govform.ui.answers import NewReport

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
KEY_PRESSES = 43  # README: 窗口 › 从新建到没有错误
KEY_PRESSES_LEDGER = 23  # the same with 三's column pasted from a ledger (README)


class Keyboard:
    """Keys to the widget that has the focus (or the open menu), counted one per key press."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def target(self):
        target = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert target is not None, "the keyboard is nowhere"
        return target

    def press(self, key, modifiers=NONE, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.target(), key, modifiers)
            QApplication.processEvents()  # between two key presses the window gets its turn, as it does live
            self.count += 1

    def type(self, text: str) -> None:
        for character in text:
            self.press(character)

    def paste(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)  # copied from last year's report: not counted
        self.press(Qt.Key.Key_V, CTRL)


LAST_YEAR = {
    "主动公开": "本年度重点公开了财政预决算、重大民生项目和政策文件。",
    "依申请公开": "依申请公开工作按时办结，答复规范。",
    "政府信息管理": "建立公开属性源头认定机制，及时清理过时信息。",
    "政府信息公开平台建设": "镇政府网站信息公开专栏运行平稳。",
    "监督保障": "将政务公开纳入年度目标考核。",
}
# Last year's section 一 as the clerk selects it in Word and copies it: the five sub-heads, each its numbered
# heading and its indented paragraph.
LAST_YEAR_OVERVIEW = "\r\n".join(
    f"（{number}）{title}\r\n\u3000\u3000{text}"
    for number, (title, text) in zip("一二三四五", LAST_YEAR.items(), strict=True)
)


def type_applications(keys: Keyboard) -> None:
    """三's figures typed, the cursor starting on 自然人 / 本年新收."""
    for figure in "5131":  # 新收, 上年结转, 予以公开, 部分公开
        keys.type(figure)
        keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Down, times=8)  # past 不予公开's eight rows
    keys.type("1")  # 本机关不掌握相关政府信息
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Down, CTRL)  # to the column's last cell: 结转下年度
    keys.type("1")
    keys.press(Qt.Key.Key_Return)


# 三's 自然人 column as copied from the clerk's ledger in a spreadsheet: 新收 down to 结转下年度, totals included.
LEDGER_COLUMN = "\r\n".join(["5", "1", "3", "1", *["0"] * 8, "1", *["0"] * 10, "5", "1"])


def paste_applications(keys: Keyboard) -> None:
    """三's 自然人 column pasted from a ledger, the cursor starting on 自然人 / 本年新收."""
    keys.paste(LEDGER_COLUMN)


@pytest.mark.parametrize(
    ("applications", "key_presses"),
    [(type_applications, KEY_PRESSES), (paste_applications, KEY_PRESSES_LEDGER)],
    ids=["typed", "ledger"],
)
def test_from_new_to_no_errors_by_the_keyboard(window, qtbot, applications, key_presses):
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()  # the 新建 dialog has closed: counting starts here
    report = window.editor.document.report
    keys = Keyboard(qtbot)
    assert QApplication.focusWidget() is window.editor.basics.agency

    keys.press(Qt.Key.Key_D, ALT)  # 成文日期
    keys.type("2026-1-15")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_E, ALT)  # 编辑 › 全部表格未发生的事项填0
    keys.press(Qt.Key.Key_0)

    keys.press(Qt.Key.Key_PageDown, CTRL)  # 一、总体情况: last year's, pasted once, fills its five sub-heads
    keys.paste(LAST_YEAR_OVERVIEW)

    keys.press(Qt.Key.Key_PageDown, CTRL, times=2)  # 三: the cursor on 自然人 / 本年新收
    applications(keys)

    keys.press(Qt.Key.Key_PageDown, CTRL, times=2)  # 五
    keys.paste("部分信息更新不够及时。下一步将加强信息发布审核。")
    keys.press(Qt.Key.Key_PageDown, CTRL)  # 六
    keys.paste("本机关本年度未收取信息处理费。")

    assert [f.text() for f in validate(report) if f.is_error] == []
    assert [(s.title, s.text) for s in report.narratives["overview"].subsections] == list(LAST_YEAR.items())
    assert report.signed_on == dt.date(2026, 1, 15)
    expected = {"new": 5, "carried_over": 1, "disclosed": 3, "partially_disclosed": 1}
    expected |= {"unavailable_not_held": 1, "carried_forward": 1, "outcome_total": 5}
    data = report.tables["applications"]
    for (row, column), value in data.items():
        wanted = expected.get(row, 0) if column in ("natural_person", "total") else 0
        assert value == wanted, (row, column)
    assert not any(data.is_manual(cell) for cell in data.totals())
    qtbot.waitUntil(lambda: window.counts.text() == "错误 0 · 警告 0")  # texts are checked once typing pauses
    assert keys.count == key_presses
