"""The controller's decisions, driven through a fake view: no window, no dialogs."""

from __future__ import annotations

import shutil

import pytest

from govform.io.project import dumps_project, load_project
from govform.resources import sample_project
from govform.ui.answers import NewReport, Unsaved
from govform.ui.controller import Controller
from govform.ui.recovery import Journal
from govform.ui.settings import LAST_PROJECT, RECENT_FILES
from tests.helpers.ui import FakeView


@pytest.fixture
def view():
    return FakeView()


@pytest.fixture
def controller(view, settings, tmp_path):
    return Controller(view, settings, Journal(tmp_path / "recovery"), sample_project())


def edit(controller):
    document = controller.document
    document.report.set_meta("agency", "改过的名称")  # the domain change
    document.stack.resetClean()  # …as an undo command would leave the stack
    return document


def test_start_without_a_file_opens_the_sample_untitled_and_says_it_is_one(controller, view):
    controller.start(None)
    document = view.documents[-1]
    assert document.path is None and document.sample and controller.is_sample()
    assert document.name == "示例报告（未保存）"
    assert dumps_project(document.report) == dumps_project(load_project(sample_project()))


def test_start_opens_the_last_project(controller, view, settings, project):
    settings.set(LAST_PROJECT, str(project))
    controller.start(None)
    assert view.documents[-1].path == project.resolve()


def test_a_file_that_cannot_be_opened_shows_why_and_keeps_the_window_usable(controller, view, tmp_path):
    controller.start(None)
    broken = tmp_path / "broken.govform"
    broken.write_text("{not json", encoding="utf-8")
    assert not controller.open_path(broken)
    assert view.errors == ["无法打开“broken.govform”：文件内容不完整或已损坏（第1行附近）。"]
    assert controller.document is view.documents[-1] and len(view.documents) == 1


def test_saving_the_sample_asks_where_and_leaves_the_shipped_file(controller, view, tmp_path):
    shipped = sample_project().read_bytes()
    controller.start(None)
    edit(controller)
    view.save_path = tmp_path / "mine"
    assert controller.save()
    assert view.asked_save == ["改过的名称2024年度政府信息公开工作年度报告.govform"]  # named by the report
    saved = tmp_path / "mine.govform"
    assert load_project(saved).agency == "改过的名称"
    assert sample_project().read_bytes() == shipped
    assert not controller.document.modified and controller.document.path == saved.resolve()
    assert not controller.is_sample()
    assert view.recent == [str(saved.resolve())]


def test_save_writes_in_place_once_there_is_a_path(controller, view, project):
    controller.open_path(project)
    edit(controller)
    assert controller.save()
    assert view.asked_save == [] and load_project(project).agency == "改过的名称"


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [(Unsaved.SAVE, True, True), (Unsaved.DISCARD, True, False), (Unsaved.CANCEL, False, False)],
)
def test_closing_with_unsaved_changes_asks(controller, view, project, answer, closes, saved):
    controller.open_path(project)
    edit(controller)
    view.unsaved_answer = answer
    assert controller.close() is closes
    assert view.asked_unsaved == [project.name]
    assert (load_project(project).agency == "改过的名称") is saved


def test_save_export_and_close_take_what_is_being_typed_first(controller, view, project, tmp_path):
    """Ctrl+S while a figure or a date was still being typed saved the report without it, and closing then
    asked nothing: the typing was lost. A date the view refuses stops them, where it says why."""
    controller.open_path(project)
    edit(controller)
    view.editing_refused = True
    assert not controller.save() and not controller.save_as() and not controller.close()
    view.export_path = tmp_path / "x.docx"
    controller.export(".docx")
    assert view.finished_editing == 4 and view.asked_save == view.asked_unsaved == [] and not view.jobs
    assert load_project(project).agency != "改过的名称"
    view.editing_refused = False
    assert controller.save() and view.finished_editing == 5


def test_closing_unchanged_asks_nothing(controller, view, project):
    controller.open_path(project)
    assert controller.close() and view.asked_unsaved == []


def test_cancelling_the_question_keeps_the_report_open(controller, view, project, tmp_path):
    controller.open_path(project)
    document = edit(controller)
    view.open_path = tmp_path / "other.govform"
    controller.open()
    assert controller.document is document


def test_new_asks_for_the_particulars(controller, view):
    controller.start(None)
    view.new_report = NewReport("某县某镇人民政府", 2025, "township")
    controller.new()
    report = controller.document.report
    assert (report.agency, report.year, report.agency_kind) == ("某县某镇人民政府", 2025, "township")
    assert report.narratives["overview"].subsections[0].title == "主动公开"
    assert controller.document.path is None and controller.document.name.endswith(".govform")


def test_dropping_a_project_opens_it_and_other_files_are_refused(controller, view, project, tmp_path):
    controller.start(None)
    controller.drop(project)
    assert controller.document.path == project.resolve()
    other = tmp_path / "notes.txt"
    other.write_bytes(b"PK")
    controller.drop(other)
    assert "notes.txt" in view.errors[-1] and controller.document.path == project.resolve()


def test_recent_files_keep_the_newest_first_once(controller, view, settings, project, tmp_path):
    second = tmp_path / "second.govform"
    shutil.copyfile(project, second)
    controller.open_path(project)
    controller.open_path(second)
    controller.open_path(project)
    assert settings.get(RECENT_FILES) == [str(project.resolve()), str(second.resolve())]
    assert view.recent == settings.get(RECENT_FILES)


def test_a_crashed_session_is_offered_and_restored(view, settings, tmp_path, project):
    crashed = Journal(tmp_path / "recovery")
    document = Controller(FakeView(), settings, None, sample_project()).load(project)
    document.report.set_cell("applications", "new", "research", 9)
    crashed.write(document)
    crashed._lock.unlock()  # as a killed process leaves it: the journal stays, nobody holds the lock

    view.restore_answer = True
    controller = Controller(view, settings, Journal(tmp_path / "recovery"), sample_project())
    controller.start(None)
    assert [o.name for o in view.asked_restore] == [project.name]
    restored = controller.document
    assert restored.report.value("applications", "new", "research") == 9
    assert restored.modified and restored.path == project.resolve()
    assert controller.journal.orphans() == []


def test_a_declined_restore_discards_the_journal(view, settings, tmp_path, project):
    crashed = Journal(tmp_path / "recovery")
    crashed.write(Controller(FakeView(), settings, None, sample_project()).load(project))
    crashed._lock.unlock()
    controller = Controller(view, settings, Journal(tmp_path / "recovery"), sample_project())
    controller.start(None)
    assert len(view.asked_restore) == 1 and not controller.document.modified
    assert controller.journal.orphans() == []


def test_a_running_window_s_journal_is_not_an_orphan(settings, tmp_path, project):
    running = Journal(tmp_path / "recovery")
    running.write(Controller(FakeView(), settings, None, sample_project()).load(project))
    assert Journal(tmp_path / "recovery").orphans() == []
    running.close()
    assert not running.path.exists()


def test_export_without_a_target_does_nothing(controller, view):
    controller.start(None)
    controller.export(".docx")
    assert view.errors == [] and view.statuses == []


def test_export_of_a_clean_report_asks_nothing_but_where(controller, view, tmp_path):
    controller.start(None)
    view.export_path = tmp_path / "年报.docx"
    controller.export(".docx")
    assert view.asked_export_with_errors == [] and view.export_path.is_file()
    assert view.statuses == [f"已导出 {view.export_path}"]


def test_export_counts_blanks_as_the_status_bar_does(controller, view, tmp_path):
    """A report begun from last year: the status bar said 未填 161 · 错误 0, the export question 160 个错误."""
    controller.start(None)
    report = controller.document.report
    report.set_cell("applications", "new", "research", None)
    report.set_cell("applications", "new", "nonprofit", None)
    view.export_path = tmp_path / "草稿.docx"
    controller.export(".docx")
    assert view.asked_export_with_errors == [(0, 2)]


def test_export_with_errors_warns_and_exports_a_draft_only_when_agreed(controller, view, tmp_path):
    controller.start(None)
    report = controller.document.report
    report.set_cell("appeals", "cases", "review_total", 5)  # a typed total that disagrees: one R4 error
    view.export_path = tmp_path / "草稿.docx"
    controller.export(".docx")
    assert view.asked_export_with_errors == [(1, 0)] and not view.export_path.exists()
    view.export_with_errors_answer = True
    controller.export(".docx")
    assert view.export_path.is_file()
