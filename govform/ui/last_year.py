"""Last year's report in the window: the status bar's word on which one the rules across years compare with."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from govform.ui.document import Document


class PreviousYearNote(QLabel):
    """ "对照上年报告：2023年报.docx（2023年度）" while the report has last year's; hidden otherwise."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self._report = document.report
        document.signals.metaChanged.connect(self._on_meta)
        self.show_previous()

    def _on_meta(self, name: str) -> None:
        if name == "previous":
            self.show_previous()

    def show_previous(self) -> None:
        previous = self._report.previous
        self.setVisible(previous is not None)
        if previous is None:
            return
        if previous.source:
            text = self.tr("对照上年报告：{source}（{year}年度）").format(source=previous.source, year=previous.year)
        else:
            text = self.tr("对照{year}年度的报告").format(year=previous.year)
        self.setText(text)
        self.setToolTip(
            self.tr("跨年度的核对（上年结转、现行有效件数、与上年雷同的段落）与{agency}{year}年度的报告对照。").format(
                agency=previous.agency, year=previous.year
            )
        )
