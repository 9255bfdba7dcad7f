"""Last year's section 一 copied out of Word whole, its sub-head headings with it, and pasted once into a box of
this year's: each heading's text lands in its sub-head, as one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from govform.ui.answers import NewReport

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# As Word puts it on the clipboard: the section's heading, its opening paragraph, each sub-head's heading
# and paragraphs, indented, line ends as on Windows.
LAST_YEAR = "\r\n".join(
    [
        "一、总体情况",
        "\u3000\u30002024年，本镇认真贯彻《条例》。",
        "（一）主动公开",
        "\u3000\u3000本年度重点公开了财政预决算。",
        "\u3000\u3000主动公开政策解读5篇。",
        "（二）依申请公开",
        "\u3000\u3000依申请公开工作按时办结。",
        "（三）政府信息管理",
        "\u3000\u3000及时清理过时信息。",
        "（四）政府信息公开平台建设",
        "\u3000\u3000镇政府网站信息公开专栏运行平稳。",
        "（五）监督保障",
        "\u3000\u3000将政务公开纳入年度目标考核。",
        "",
    ]
)
FILLED = [
    "本年度重点公开了财政预决算。\n主动公开政策解读5篇。",
    "依申请公开工作按时办结。",
    "及时清理过时信息。",
    "镇政府网站信息公开专栏运行平稳。",
    "将政务公开纳入年度目标考核。",
]


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """Keys to whatever has the focus, as the clerk's keyboard sends them."""
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def to_overview(window, qtbot) -> None:
    """Ctrl+PgDn from 基本信息 to 一、总体情况: the cursor in its opening part."""
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    tab = window.editor.narratives["overview"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.text)


def texts(report) -> tuple[str, list[tuple[str, str]]]:
    narrative = report.narratives["overview"]
    return narrative.text, [(s.title, s.text) for s in narrative.subsections]


def test_last_year_s_section_pasted_once_fills_each_sub_head(window, qtbot):
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()
    report = window.editor.document.report
    to_overview(window, qtbot)
    before = texts(report)

    QGuiApplication.clipboard().setText(LAST_YEAR)
    press(qtbot, Qt.Key.Key_V, CTRL)
    pasted = texts(report)
    assert pasted[0] == "2024年，本镇认真贯彻《条例》。"
    assert [text for _, text in pasted[1]] == FILLED
    assert [title for title, _ in pasted[1]] == [title for title, _ in before[1]]
    assert window.statusBar().currentMessage() == (
        "已按小标题分段粘贴：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障（5 个小标题）。"
    )
    tab = window.editor.narratives["overview"]
    assert [editor.text.toPlainText() for editor in tab.subsections] == FILLED
    assert QApplication.focusWidget() is tab.text

    press(qtbot, Qt.Key.Key_Z, CTRL)  # one step undoes it all
    assert texts(report) == before
    assert not window.editor.document.modified
    assert window.statusBar().currentMessage() == "已撤销：按小标题分段粘贴"  # no longer "已按小标题分段粘贴…"
    assert [editor.text.toPlainText() for editor in tab.subsections] == [""] * 5
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert texts(report) == pasted
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert texts(report) == pasted


def test_into_a_sub_head_s_text_what_the_clerk_wrote_stays_and_a_new_sub_head_is_added(window, report, qtbot):
    to_overview(window, qtbot)
    press(qtbot, Qt.Key.Key_Tab, times=4)  # 开头部分 → （一）'s title → its text → （二）'s title → its text
    tab = window.editor.narratives["overview"]
    assert QApplication.focusWidget() is tab.subsections[1].text
    before = texts(report)
    written = before[1][0][1]

    QGuiApplication.clipboard().setText("（一）主动公开情况\n另有政策解读5篇。\n（六）政务公开工作创新情况\n开设专栏。")
    press(qtbot, Qt.Key.Key_V, CTRL)
    own, subs = texts(report)
    assert own == before[0]
    assert subs[0] == ("主动公开情况", written + "\n另有政策解读5篇。")
    assert subs[1:5] == before[1][1:5]
    assert subs[5] == ("政务公开工作创新情况", "开设专栏。")
    assert [editor.number.text() for editor in tab.subsections][-1] == "（六）"
    assert QApplication.focusWidget() is tab.subsections[1].text  # the cursor stays where it was
    assert window.statusBar().currentMessage().endswith("（2 个小标题，其中新增 1 个）。")

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert texts(report) == before
    assert len(tab.subsections) == 5
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert texts(report) == (own, subs)


def test_text_without_a_sub_head_heading_is_pasted_as_before(window, report, qtbot):
    to_overview(window, qtbot)
    tab = window.editor.narratives["overview"]
    before = texts(report)
    tab.text.moveCursor(tab.text.textCursor().MoveOperation.Start)
    QGuiApplication.clipboard().setText("\u3000\u3000主动公开工作稳步推进。\n依申请公开\t按时办结。\n")
    press(qtbot, Qt.Key.Key_V, CTRL)
    own, subs = texts(report)
    assert own == "主动公开工作稳步推进。\n依申请公开\t按时办结。\n" + before[0]
    assert subs == before[1]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert texts(report) == before


def test_the_context_menu_s_paste_splits_too(window, report, qtbot):
    to_overview(window, qtbot)
    press(qtbot, Qt.Key.Key_Tab, times=2)
    box = window.editor.narratives["overview"].subsections[0].text
    assert QApplication.focusWidget() is box
    before = texts(report)
    QGuiApplication.clipboard().setText("（五）监督保障\n开展培训2次。")
    QApplication.sendEvent(
        box.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), box.mapToGlobal(QPoint(5, 5))),
    )
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    next(action for action in menu.actions() if action.objectName() == "edit-paste").trigger()
    menu.close()
    assert texts(report)[1][4][1] == before[1][4][1] + "\n开展培训2次。"
    assert texts(report)[1][0] == before[1][0]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert texts(report) == before


def test_the_edit_menu_s_paste_splits_too_and_the_guide_says_so(window, report, qtbot):
    to_overview(window, qtbot)
    QGuiApplication.clipboard().setText("（一）主动公开情况\n另有政策解读5篇。")
    edit_menu = next(a for a in window.menuBar().actions() if a.text() == "编辑(&E)").menu()
    next(a for a in edit_menu.actions() if a.text() == "粘贴(&P)").trigger()
    assert report.narratives["overview"].subsections[0].text.endswith("\n另有政策解读5篇。")

    from govform.ui import dialogs

    help_menu = next(a for a in window.menuBar().actions() if a.text() == "帮助(&H)").menu()
    next(a for a in help_menu.actions() if a.text() == "使用说明(&G)").trigger()
    guide = window.findChild(dialogs.GuideDialog)
    assert "各小标题下的文字分别填入对应的小标题" in guide.browser.toPlainText()
    guide.close()


def test_pasted_into_a_sub_head_s_title_the_section_still_goes_to_its_sub_heads(window, qtbot):
    """A title takes one line: the clerk who clicked into （一）'s title and pasted last year's whole section
    got “（一）主动公开” made its title again and the other fourteen lines dropped without a word."""
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()
    report = window.editor.document.report
    to_overview(window, qtbot)
    press(qtbot, Qt.Key.Key_Tab)  # 开头部分 → （一）'s title
    tab = window.editor.narratives["overview"]
    assert QApplication.focusWidget() is tab.subsections[0].title
    before = texts(report)

    QGuiApplication.clipboard().setText(LAST_YEAR)
    press(qtbot, Qt.Key.Key_V, CTRL)
    own, subs = texts(report)
    assert own == "2024年，本镇认真贯彻《条例》。"
    assert subs == [(title, text) for (title, _), text in zip(before[1], FILLED, strict=True)]
    assert tab.subsections[0].title.text() == "主动公开"
    assert QApplication.focusWidget() is tab.subsections[0].title
    assert window.statusBar().currentMessage().startswith("已按小标题分段粘贴：主动公开、依申请公开")

    press(qtbot, Qt.Key.Key_Z, CTRL)  # one step
    assert texts(report) == before
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert texts(report) == (own, subs)


def test_a_line_or_lines_without_headings_pasted_into_a_title_give_it_their_first_line(window, report, qtbot):
    to_overview(window, qtbot)
    press(qtbot, Qt.Key.Key_Tab)
    title = window.editor.narratives["overview"].subsections[0].title
    title.selectAll()
    before = texts(report)
    QGuiApplication.clipboard().setText("（一）主动公开\r\n")  # one heading alone: it is the title, its number dropped
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert texts(report)[1][0][0] == "主动公开"
    assert texts(report)[1][1:] == before[1][1:] and texts(report)[0] == before[0]
    title.selectAll()
    QGuiApplication.clipboard().setText("政务公开工作\n本年度稳步推进。")
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert texts(report)[1][0][0] == "政务公开工作"


def test_sub_heads_a_paste_adds_are_made_at_once_and_undone_at_once(window, report, qtbot):
    """The tab made all its sub-heads' boxes anew for each sub-head the paste added, and for each its undo
    removed: 20 added took 1 s, and 1.3 s to undo, the window frozen."""
    to_overview(window, qtbot)
    tab = window.editor.narratives["overview"]
    before = texts(report)
    changes: list[tuple[str, int]] = []
    window.editor.document.signals.subsectionsChanged.connect(lambda *change: changes.append(change))
    added = [f"（{i}）第{i}项工作情况" for i in range(6, 26)]
    paste_text = "\n".join(["（一）主动公开", *added])

    QGuiApplication.clipboard().setText(paste_text)
    press(qtbot, Qt.Key.Key_V, CTRL)
    assert [title for title, _ in texts(report)[1][5:]] == [f"第{i}项工作情况" for i in range(6, 26)]
    assert [editor.title.text() for editor in tab.subsections][5:] == [f"第{i}项工作情况" for i in range(6, 26)]
    assert changes == [("overview", 5)]

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert texts(report) == before
    assert len(tab.subsections) == 5
    assert changes == [("overview", 5)] * 2
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert len(tab.subsections) == 25
    assert changes == [("overview", 5)] * 3
