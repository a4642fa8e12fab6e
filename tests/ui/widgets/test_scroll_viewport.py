"""A scroll area's viewport found without PySide making every widget class."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QListWidget, QTextBrowser
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.scroll_viewport import viewport_of

# In a process of its own: in the tests' process PySide has made every class long before.
FRESH = r"""
from PySide6 import QtWidgets
from PySide6.QtWidgets import QApplication, QListWidget
from hiptimer.ui.widgets.scroll_viewport import viewport_of

app = QApplication([])
area = QListWidget()
found = viewport_of(area)
print("QWizard" in vars(QtWidgets), found is area.viewport())
"""


def test_it_is_the_areas_viewport(qtbot: QtBot) -> None:
    for area in (QListWidget(), QTextBrowser()):
        qtbot.addWidget(area)
        assert viewport_of(area) is area.viewport()


def test_finding_it_makes_no_other_widget_class() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", FRESH],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # viewport() first made all 67 widget classes PySide knows, QWizard among them.
    assert done.stdout.split() == ["False", "True"]
