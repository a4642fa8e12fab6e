"""PySide's source scan of every imported module, skipped: HipTimer selects no PySide feature.

From the moment PySide6 is imported it hooks `__import__` and, for each module imported
after it, reads the module's whole source file (`inspect.getsource`) to see whether it
mentions PySide6. That tells PySide which modules might select a `__feature__` (snake_case,
true_property; PYSIDE-2029). Before HipTimer's first paint that is some 75 modules and
~11 ms, about a tenth of a bare PySide6 window's start on the bench machine
(docs/performance.md). HipTimer selects no feature anywhere, so the answer is always
"no"; this says it at once. The PySide side is
https://code.qt.io/cgit/pyside/pyside-setup.git/tree/sources/shiboken6/shibokenmodule/files.dir/shibokensupport/feature.py
and the cost is described in https://github.com/napari/napari/issues/8584.

Where a PySide release keeps the scan elsewhere, nothing is changed: the app only starts
slower.
"""

from __future__ import annotations

import sys
from types import ModuleType

# Where PySide 6.x keeps the scan (a module of its embedded support package).
FEATURE_MODULE = "shibokensupport.feature"
SCAN = "_mod_uses_pyside"


def uses_no_feature(_module: ModuleType) -> bool:
    """The scan's answer for every module: it selects no PySide feature."""
    return False


def skip_source_scan() -> bool:
    """Answer PySide's per-import question without reading the source. True when done."""
    import PySide6.QtCore  # noqa: F401  # (installs the hook and loads its support package)

    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, SCAN, None)):
        return False
    setattr(feature, SCAN, uses_no_feature)
    return True
