"""The yardstick for start-up: a bare PySide6 window with the same tabs (4 text, 3 grids), shown, painted, quit."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget, QTextEdit

app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for index in range(4):
    tabs.addTab(QTextEdit(), f"text {index}")
for index in range(3):
    tabs.addTab(QTableView(), f"grid {index}")
window.setCentralWidget(tabs)
window.resize(1240, 740)
window.show()
app.processEvents()
sys.exit(0 if not window.grab().isNull() else 1)
