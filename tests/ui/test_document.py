"""The document's one connection to Qt: each report change as its typed signal; undo steps merge by key."""

from __future__ import annotations

from govform.domain.report import Subsection
from govform.ui.document import Document
from govform.ui.undo import Edits
from tests.helpers.reports import complete_report


def test_each_change_arrives_as_its_own_signal(qtbot):
    report = complete_report()
    document = Document(report)
    heard = []
    signals = document.signals
    signals.cellsChanged.connect(lambda table, cells: heard.append(("cells", table, set(cells))))
    signals.metaChanged.connect(lambda name: heard.append(("meta", name)))
    signals.textChanged.connect(lambda section, index, part: heard.append(("text", section, index, part)))
    signals.subsectionsChanged.connect(lambda section, index: heard.append(("subsections", section, index)))
    anything = []
    signals.changed.connect(lambda: anything.append(1))

    report.set_cell("appeals", "cases", "review_upheld", 2)
    report.set_meta("agency", "某某街道办事处")
    report.set_text("problems", "新问题。")
    report.insert_subsection("other", 0, Subsection("其他"))
    report.set_subsection("other", 0, title="其他事项")
    assert heard == [
        ("cells", "appeals", {("cases", "review_upheld"), ("cases", "review_total")}),
        ("meta", "agency"),
        ("text", "problems", None, "text"),
        ("subsections", "other", 0),
        ("text", "other", 0, "title"),
    ]
    assert len(anything) == 5


def test_typing_in_one_visit_merges_and_a_new_visit_is_a_new_step(qtbot):
    document = Document(complete_report())
    edits = Edits(document)
    edits.begin_typing()
    for text in ("问", "问题", "问题。"):
        edits.set_text("problems", text)
    edits.set_meta("agency", "甲", typing=True)  # another editor: its own step
    edits.begin_typing()
    edits.set_text("problems", "问题。又")
    assert document.stack.count() == 3
    document.stack.undo()
    assert document.report.narratives["problems"].text == "问题。"
    document.stack.undo()
    document.stack.undo()
    assert document.report.narratives["problems"].text == complete_report().narratives["problems"].text
