"""新建 offers the report formats govform knows, newest first, when there is more than one."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from govform.domain.format import load_format
from govform.io.project import save_project
from govform.resources import sample_project
from govform.ui import dialogs
from govform.ui.answers import NewReport
from govform.ui.controller import Controller
from tests.helpers.reports import distinct_report
from tests.helpers.ui import FakeView, ime_type


def test_the_controller_offers_every_format_newest_first(settings, tmp_path):
    view = FakeView()
    controller = Controller(view, settings, None, sample_project())
    controller.start(None)
    view.new_report = NewReport("某某镇人民政府", 2020, "township", "standard-2019")
    controller.new()
    assert view.offered_formats == ["standard-2021", "standard-2019"]
    assert controller.document.report.format.id == "standard-2019" and controller.document.report.year == 2020


def test_the_dialog_shows_the_format_choice_and_follows_it(qtbot):
    dialog = dialogs.NewReportDialog([load_format("standard-2021"), load_format("standard-2019")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.format.isVisible() and dialog.format.count() == 2
    ime_type(dialog.agency, "某某街道办事处")
    dialog.format.setCurrentIndex(1)  # the 2019 trial format: report years 2019 and 2020 only
    assert dialog.year.value() in (2019, 2020)  # the trial format's report years
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    answer = dialog.answer()
    assert answer.format == "standard-2019" and 2019 <= answer.year <= 2020


def test_with_one_format_there_is_nothing_to_choose(qtbot):
    dialog = dialogs.NewReportDialog([load_format()])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.format.isVisible()


def test_the_2019_format_shows_signed_changes_and_money_as_printed(window, tmp_path, qtbot):
    report = distinct_report(load_format("standard-2019"))
    report.set_cell("proactive", "fees", "change", 0)
    path = tmp_path / "2020.govform"
    save_project(report, path)
    window.controller.open_path(path)
    report = window.editor.document.report
    model = window.editor.tables["proactive"].model
    changes = {row: report.value("proactive", row, "change") for row in ("licensing", "enforcement", "fees")}
    assert changes["licensing"] > 0 > changes["enforcement"] and changes["fees"] == 0
    shown = {row: model.index_of((row, "change")).data() for row in changes}
    assert shown == {"licensing": f"+{changes['licensing']}", "enforcement": str(changes["enforcement"]), "fees": "0"}
    amount = model.index_of(("procurement", "amount"))
    assert amount.data() == amount.data(Qt.ItemDataRole.EditRole) == "79000.1元"
    assert model.setData(amount, amount.data(Qt.ItemDataRole.EditRole))  # edited as shown: the same figure
    assert report.value("proactive", "procurement", "amount") == Decimal("79000.1")
    assert window.editor.document.stack.count() == 0
    assert model.setData(model.index_of(("licensing", "change")), "-3")
    assert model.index_of(("licensing", "change")).data() == "-3"


def test_a_year_of_the_trial_format_typed_chooses_that_format(qtbot):
    """2020 typed into 报告年度 (the 2021 format starts in 2021): the year stays and the 2019 format is chosen; it
    went back to 2025 without a word. A year of the current format chosen again brings the newest back."""
    dialog = dialogs.NewReportDialog([load_format("standard-2021"), load_format("standard-2019")])
    qtbot.addWidget(dialog)
    dialog.show()
    ime_type(dialog.agency, "某某县某某镇人民政府")
    dialog.year.setFocus()
    qtbot.keyClick(dialog.year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.year, "2020")
    qtbot.keyClick(dialog.year, Qt.Key.Key_Tab)
    assert dialog.answer() == NewReport("某某县某某镇人民政府", 2020, "township", "standard-2019")
    dialog.year.setFocus()
    qtbot.keyClick(dialog.year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.year, "2025")
    qtbot.keyClick(dialog.year, Qt.Key.Key_Tab)
    assert dialog.answer() == NewReport("某某县某某镇人民政府", 2025, "township", "standard-2021")
