"""Every custom model passes Qt's model tester; the grid model is a thin adapter over the domain table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from govform.ui.problems_model import ProblemsModel
from govform.ui.table_model import CELL_ROLE, KIND_ROLE, SEVERITY_ROLE


@pytest.mark.parametrize("table_id", ["proactive", "applications", "appeals"])
def test_table_models_pass_the_model_tester(window, qtmodeltester, table_id):
    qtmodeltester.check(window.editor.tables[table_id].model, force_py=True)


def test_problems_model_passes_the_model_tester(window, report, qtmodeltester):
    window.editor.edits.set_text("problems", "")  # an empty 五 gives a finding to list
    window.editor.checker.refresh()
    model = window.problems.model()
    assert isinstance(model, ProblemsModel) and model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_the_grid_is_laid_out_like_the_printed_table(window):
    model = window.editor.tables["applications"].model
    assert (model.rowCount(), model.columnCount()) == (28, 10)
    view = window.editor.tables["applications"].view
    assert view.horizontalHeader().isHidden() and view.verticalHeader().isHidden()
    corner = model.index(0, 0)
    assert model.data(corner, KIND_ROLE) == "corner" and "勾稽关系" in model.data(corner)
    assert (view.rowSpan(0, 0), view.columnSpan(0, 0)) == (3, 3)
    assert model.data(model.index(0, 3)) == "申请人情况" and view.columnSpan(0, 3) == 7
    assert model.data(model.index(5, 0)) == "三、本年度办理结果" and view.rowSpan(5, 0) == 22
    assert not model.flags(corner) & Qt.ItemFlag.ItemIsEditable
    value = model.index_of(("new", "natural_person"))
    assert model.flags(value) & Qt.ItemFlag.ItemIsEditable
    assert model.data(value, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_model_reads_the_domain_table_not_a_copy(window, report):
    model = window.editor.tables["applications"].model
    index = model.index_of(("new", "natural_person"))
    report.set_cell("applications", "new", "natural_person", 7)
    assert model.data(index) == "7"
    assert model.data(model.index_of(("new", "total"))) == "7"


def test_a_domain_change_announces_exactly_the_changed_cells(window, report, qtbot):
    model = window.editor.tables["applications"].model
    changed = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append((top.row(), top.column(), tuple(roles))))
    report.set_cell("applications", "carried_over", "commercial", 2)
    value_changes = {(r, c) for r, c, roles in changed if not roles}
    expected = {model.grid.value_position(cell) for cell in [("carried_over", "commercial"), ("carried_over", "total")]}
    assert value_changes == expected


def test_totals_are_computed_and_look_different(window, report):
    model = window.editor.tables["applications"].model
    total = model.index_of(("new", "total"))
    part = model.index_of(("new", "natural_person"))
    assert model.data(total, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(part, Qt.ItemDataRole.BackgroundRole) is None
    assert "自动计算" in model.data(total, Qt.ItemDataRole.ToolTipRole)
    assert model.data(total, CELL_ROLE) == ("new", "total")
    assert model.data(total, SEVERITY_ROLE) is None
