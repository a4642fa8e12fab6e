"""PySide's source scan of each imported module is skipped once the Qt layer loads
(hiptimer/ui/pyside_scan.py): the modules imported after it are marked without being read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# A module whose source names PySide6: the scan marks it 0 ("uses PySide"), the skip -1.
MENTIONS_PYSIDE = "from PySide6.QtCore import QObject  # noqa\n"
MARK_OF = """
import sys
sys.path.insert(0, {folder!r})
{first}
import mentions_pyside
feature = sys.modules.get("shibokensupport.feature")
print(feature.pyside_feature_dict.get("mentions_pyside") if feature else "no feature module")
"""


def _mark(folder: Path, first: str) -> str:
    code = MARK_OF.format(folder=str(folder), first=first)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip()


def test_modules_imported_after_the_qt_layer_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "mentions_pyside.py").write_text(MENTIONS_PYSIDE, encoding="utf-8")
    unskipped = _mark(tmp_path, "import PySide6.QtCore")
    if unskipped != "0":  # this PySide no longer scans there: pyside_scan.py can go
        pytest.fail(f"PySide's scan has moved (it marked the module {unskipped!r})")
    assert _mark(tmp_path, "import hiptimer.ui") == "-1"
