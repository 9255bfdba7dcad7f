"""Reading reports from files the clerk picks, through the controller and a fake view: importing a Word report
(or workbook) as a new untitled report, starting from last year's, comparing with last year's (undoable)."""

from __future__ import annotations

import shutil

import pytest

from govform.domain.previous import start_from
from govform.domain.rules import validate
from govform.io.project import dumps_project, load_project, save_project
from govform.io.registry import NOTE_KINDS, export
from govform.resources import sample_project
from govform.ui.answers import Unsaved
from govform.ui.controller import Controller, documents_folder
from govform.ui.reading import Reading
from govform.ui.recovery import Journal
from tests.helpers.reports import sample
from tests.helpers.ui import FakeView


@pytest.fixture
def view():
    return FakeView()


@pytest.fixture
def controller(view, settings, tmp_path):
    controller = Controller(view, settings, Journal(tmp_path / "recovery"), sample_project())
    controller.start(None)
    return controller


@pytest.fixture
def word(tmp_path):
    """The sample as a Word report, one cell of table 三 left blank (so the import report names a cell)."""
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    report = sample()
    report.set_cell("applications", "new", "research", None)
    path = folder / "长寿湖镇2024年报.docx"
    export(report, path)
    return path


def _edited(controller):
    controller.document.report.set_meta("agency", "改过的名称")
    controller.document.stack.resetClean()


def test_importing_asks_about_unsaved_changes_first_then_for_the_file(controller, view, word):
    _edited(controller)
    name = controller.document.name
    view.read_path = word
    controller.import_document()  # the fake answers Cancel to the unsaved-changes question
    assert view.asked_unsaved == [name] and view.asked_read == []
    view.unsaved_answer = Unsaved.DISCARD
    controller.import_document()
    # The sample has no folder of its own: the dialog starts in the clerk's 文档.
    assert view.asked_read == [(Reading.IMPORT, [".docx", ".xlsx"], documents_folder())]
    assert controller.document.report.agency == "重庆市长寿区长寿湖镇人民政府"
    controller.import_document()
    assert view.asked_read[-1][2] == word.parent  # then the folder of the document read


def test_an_imported_report_opens_untitled_and_saving_suggests_its_folder(controller, view, word, tmp_path):
    before = word.read_bytes()
    view.read_path = word
    controller.import_document()
    document = controller.document
    assert document.path is None and document.modified  # unsaved: closing asks first
    stem = "重庆市长寿区长寿湖镇人民政府2024年度政府信息公开工作年度报告"
    assert document.name == stem + ".govform"
    assert document.report.value("applications", "new", "research") is None
    assert document.report.value("applications", "new", "natural_person") == sample().value(
        "applications", "new", "natural_person"
    )
    view.save_path = word.parent / stem
    assert controller.save()
    assert view.asked_save == [stem + ".govform"] and view.folders[-1] == word.parent
    assert load_project(word.parent / (stem + ".govform")).agency == "重庆市长寿区长寿湖镇人民政府"
    assert word.read_bytes() == before  # the document read is never written


def test_the_import_report_is_shown_and_can_be_shown_again_while_the_report_is_open(controller, view, word, project):
    view.read_path = word
    controller.import_document()
    [shown] = view.import_reports
    assert shown.source == word.name and shown.kinds == tuple(NOTE_KINDS)
    assert shown.notes[0].kind == "format" and shown.notes[0].text.startswith("报告格式：")
    [blank] = [note for note in shown.notes if note.kind == "blank"]
    assert [(c.table, c.row, c.column) for c in blank.cells] == [("applications", "new", "research")]
    assert "科研机构" in blank.text
    controller.show_import_report()
    assert view.import_reports == [shown, shown]
    controller.open_path(project)
    assert controller.import_report is None
    controller.show_import_report()
    assert len(view.import_reports) == 2


def test_a_document_that_cannot_be_read_says_why_and_keeps_the_open_report(controller, view, tmp_path):
    opened = controller.document
    for name, content, why in [
        ("旧版.docx", b"\xd0\xcf\x11\xe0" + bytes(600), "不是 Word 文档"),
        ("空的.xlsx", b"", "空"),
        ("说明.txt", b"text", "说明.txt"),
    ]:
        path = tmp_path / name
        path.write_bytes(content)
        view.read_path = path
        controller.import_document()
        assert why in view.errors[-1] and name in view.errors[-1]
        assert controller.document is opened
    assert len(view.errors) == 3 and view.import_reports == []


def test_a_workbook_is_imported_too(controller, view, tmp_path):
    path = tmp_path / "年报.xlsx"
    export(sample(), path)
    view.read_path = path
    controller.import_document()
    assert dumps_project(controller.document.report) == dumps_project(sample())
    assert controller.document.path is None and len(view.import_reports) == 1


def test_dropping_a_document_imports_it_a_project_opens_and_other_files_are_refused(
    controller, view, word, project, tmp_path
):
    assert controller.accepts_drop(word) and controller.accepts_drop(project)
    assert controller.accepts_drop(word.with_suffix(".DOCX"))
    controller.drop(word)
    assert controller.document.path is None and view.import_reports[-1].source == word.name
    view.unsaved_answer = Unsaved.DISCARD  # the imported report is unsaved: dropping another asks first
    controller.drop(project)
    assert controller.document.path == project.resolve() and len(view.asked_unsaved) == 1
    other = tmp_path / "照片.png"
    other.write_bytes(b"\x89PNG")
    assert not controller.accepts_drop(other)
    controller.drop(other)
    assert view.errors == [
        "“照片.png”不能打开：只能打开年报项目（.govform）或导入 Word 文档（.docx）、Excel 工作簿（.xlsx）。"
    ]
    assert controller.document.path == project.resolve()


def test_a_document_given_at_start_is_imported(view, settings, word):
    controller = Controller(view, settings, None, sample_project())
    controller.start(str(word))
    assert controller.document.path is None and controller.document.folder == word.parent
    assert view.import_reports[-1].source == word.name and view.errors == []


def test_dropping_asks_about_unsaved_changes(controller, view, word):
    _edited(controller)
    controller.drop(word)
    assert view.asked_unsaved and controller.document.report.agency == "改过的名称"


# -- starting from last year's report ---------------------------------------------------------------


def test_new_from_last_year_s_project(controller, view, project):
    view.read_path = project
    controller.new_from_last_year()
    assert view.asked_read == [(Reading.START_FROM, [".govform", ".docx", ".xlsx"], documents_folder())]
    document = controller.document
    report = document.report
    last = load_project(project)
    assert document.path is None and document.folder == project.parent
    assert report.year == last.year + 1 and report.signed_on is None and report.agency == last.agency
    carried = last.value("applications", "carried_forward", "total")
    assert report.value("applications", "carried_over", "total") == carried
    assert report.previous.source == project.name and report.previous.year == last.year
    assert document.name == report.format.export_stem(last.agency, last.year + 1) + ".govform"
    assert view.import_reports == []  # a project has no import report
    assert any(f.code == "Y3" for f in validate(report))  # every paragraph still last year's: 雷同


def test_new_from_last_year_s_word_report_shows_its_import_report(controller, view, word):
    view.read_path = word
    controller.new_from_last_year()
    assert controller.document.report.year == 2025 and controller.document.report.previous.source == word.name
    assert view.import_reports[-1].source == word.name


# -- comparing with last year's report ---------------------------------------------------------------


@pytest.fixture
def this_year(controller, tmp_path):
    """This year's report begun from the sample, then told to forget last year's: the rules across years are off."""
    report = start_from(sample())
    report.previous = None
    path = tmp_path / "2025.govform"
    save_project(report, path)
    controller.open_path(path)
    return controller.document


def _codes(document):
    return {finding.code for finding in validate(document.report)}


def test_choosing_last_year_s_report_turns_the_rules_across_years_on_as_one_undo_step(
    controller, view, this_year, project
):
    document = this_year
    assert not {"Y1", "Y3"} & _codes(document)
    view.read_path = project
    controller.choose_previous()
    assert view.asked_read[-1] == (Reading.PREVIOUS, [".govform", ".docx", ".xlsx"], this_year.path.parent)
    assert view.asked_use_previous == []  # 2024 is the year before 2025: nothing to ask
    assert document.report.previous.source == project.name and "Y3" in _codes(document)
    assert document.modified and document.stack.count() == 1
    document.stack.undo()
    assert document.report.previous is None and not document.modified
    document.stack.redo()
    controller.clear_previous()
    assert document.report.previous is None and document.stack.count() == 2
    document.stack.undo()
    assert document.report.previous.source == project.name


def test_a_broken_carry_over_is_found_once_last_year_s_report_is_set(controller, view, this_year, project):
    document = this_year
    document.report.set_cell("applications", "carried_over", "natural_person", 99)
    assert "Y1" not in _codes(document)
    view.read_path = project
    controller.choose_previous()
    assert "Y1" in _codes(document)


def test_a_report_of_another_year_is_compared_with_only_if_the_clerk_says_so(
    controller, view, this_year, tmp_path, project
):
    older = tmp_path / "2022.govform"
    report = load_project(project)
    report.set_meta("year", 2022)
    save_project(report, older)
    view.read_path = older
    controller.choose_previous()
    assert view.asked_use_previous == [
        "“2022.govform”是2022年度的报告，而本报告是2025年度的，上一年度应是2024年度。仍要与它对照吗？"
    ]
    assert this_year.report.previous is None and this_year.stack.count() == 0
    view.use_previous_answer = True
    controller.choose_previous()
    assert this_year.report.previous.year == 2022


def test_last_year_s_report_saved_with_the_project(controller, view, this_year, project):
    view.read_path = project
    controller.choose_previous()
    assert controller.save()
    assert load_project(this_year.path).previous == this_year.report.previous


def test_an_unreadable_last_year_s_report_changes_nothing(controller, view, this_year, tmp_path):
    broken = tmp_path / "去年.govform"
    shutil.copyfile(sample_project(), broken)
    broken.write_text("{", encoding="utf-8")
    view.read_path = broken
    controller.choose_previous()
    assert view.errors == ["无法打开“去年.govform”：文件内容不完整或已损坏（第1行附近）。"]
    assert this_year.report.previous is None and this_year.stack.count() == 0
