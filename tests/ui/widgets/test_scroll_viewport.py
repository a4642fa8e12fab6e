"""A scroll area's viewport found without PySide making every widget class."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidget, QTextBrowser
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.scroll_viewport import viewport_of
from tests.ui.app_script import run_until

# In a process of its own: in the tests' process PySide has made every class long before.
FRESH = r"""
from PySide6 import QtWidgets
from PySide6.QtWidgets import QApplication, QListWidget
from hiptimer.ui.widgets.scroll_viewport import viewport_of

app = QApplication([])
area = QListWidget()
found = viewport_of(area)
print("WIZARD", "QWizard" in vars(QtWidgets))
print("SAME", found is area.viewport())
"""


def test_it_is_the_areas_viewport(qtbot: QtBot) -> None:
    for area in (QListWidget(), QTextBrowser()):
        qtbot.addWidget(area)
        assert viewport_of(area) is area.viewport()


def test_finding_it_makes_no_other_widget_class(tmp_path: Path) -> None:
    lines = run_until(FRESH, tmp_path)
    # viewport() first made all 67 widget classes PySide knows, QWizard among them.
    assert lines == {"WIZARD": "False", "SAME": "True"}
