"""The report's tabs are built when first shown or used, and behave as if they had always been there."""

from __future__ import annotations

from govform.domain.rules import validate
from govform.ui.document import Document
from govform.ui.report_tabs import ReportTabs
from govform.ui.table_model import SEVERITY_ROLE


def built(editor) -> list[bool]:
    return [getattr(editor.widget(i), "built", True) for i in range(editor.count())]


def test_only_the_current_tab_is_built_before_the_first_paint(window):
    editor = window.editor
    assert editor.currentIndex() == 0 and editor.basics.isVisible()
    assert built(editor) == [True] + [False] * (editor.count() - 1)


def test_an_unbuilt_tab_still_counts_its_errors(window, report):
    report.set_cell("applications", "new", "natural_person", 5)  # breaks R1 and a total: two errors
    editor = window.editor
    assert editor.tabText(editor.tab_of("applications")).endswith("(2)")
    assert not editor.widget(editor.tab_of("applications")).built


def test_a_tab_is_built_and_shown_when_chosen(window, qtbot):
    editor = window.editor
    index = editor.tab_of("applications")
    editor.setCurrentIndex(index)
    tab = editor.widget(index)
    assert tab.built
    qtbot.waitUntil(lambda: tab.view.isVisible())
    assert tab.view.model().rowCount() > 0
    index = editor.tab_of("problems")
    editor.setCurrentIndex(index)
    page = editor.widget(index)
    assert page.built
    qtbot.waitUntil(lambda: page.text.isVisible())
    assert page.text.toPlainText() == editor.document.report.narratives["problems"].text


def test_looking_a_tab_up_builds_it_and_listing_them_does_not(window):
    editor = window.editor
    assert sorted(editor.tables) == ["appeals", "applications", "proactive"]
    assert len(editor.narratives) == 3 and "problems" in editor.narratives
    assert built(editor).count(True) == 1
    tab = editor.tables["appeals"]
    assert tab.built and tab is editor.widget(editor.tab_of("appeals"))
    assert editor.narratives.get("other") is editor.widget(editor.tab_of("other"))
    assert built(editor).count(True) == 3


def test_a_built_tab_shows_what_changed_before_it_was_built(window, report):
    report.set_cell("applications", "new", "natural_person", 5)
    report.set_text("problems", "后来写的问题。")
    editor = window.editor
    grid = editor.tables["applications"].view
    index = grid.model().index_of(("new", "natural_person"))
    assert index.data() == "5" and index.data(SEVERITY_ROLE) == "error"
    assert editor.narratives["problems"].text.toPlainText() == "后来写的问题。"


def test_revealing_a_finding_builds_its_tab_and_puts_the_cursor_on_the_cell(window, report, qtbot):
    report.set_cell("applications", "carried_forward", "research", 4)
    finding = next(f for f in validate(report) if f.code == "R1")
    editor = window.editor
    editor.reveal(finding)
    tab = editor.widget(editor.tab_of("applications"))
    assert editor.currentWidget() is tab and tab.built
    qtbot.waitUntil(lambda: tab.view.hasFocus())
    ref = finding.cells[0]
    assert tab.view.currentIndex() == tab.model.index_of((ref.row, ref.column))


def test_one_subscription_per_document_and_a_deleted_editor_hears_nothing(qtbot, report):
    listeners = len(report._listeners)
    document = Document(report)  # a second document on the window's report, never shown
    assert len(report._listeners) == listeners + 1  # its signals subscribe, once
    editor = ReportTabs(document)
    editor.tables["applications"]
    editor.narratives["problems"]
    assert built(editor).count(True) == 3
    assert len(report._listeners) == listeners + 1  # building tabs subscribes nothing more
    changed = []
    editor.tables["applications"].model.dataChanged.connect(lambda *args: changed.append(args))
    report.set_cell("applications", "new", "research", 3)
    assert changed
    with qtbot.waitSignal(editor.destroyed, timeout=2000):
        editor.deleteLater()
    report.set_cell("applications", "new", "research", 4)  # no widget of the deleted editor is called
    report.set_text("problems", "删除之后的修改。")
    report.set_meta("agency", "删除之后")
    assert document.report.value("applications", "new", "research") == 4
