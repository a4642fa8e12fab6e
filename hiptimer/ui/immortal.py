"""Work around PySide6 6.12 dropping references to None and True on Python 3.10 and 3.11."""

# PySide6 6.12's stable-ABI wheel returns None from every void method (`label.setText`,
# `timer.start`, ...) and True from `Signal.emit()` without taking a reference, as if
# they were immortal (they are only from Python 3.12 on, PEP 683). On 3.11 each such call
# takes one reference from None or True; after about 5,000 calls (a minute of a session
# redrawing ten times a second) the count reaches zero and the interpreter aborts with
# "Fatal Python error: none_dealloc". Measured here: 100 calls of QLabel.setText take 100
# references from None. Giving the singletons a huge reference count, which is what 3.12
# does, makes the missing references harmless. Remove this once the wheel is fixed or the
# project requires Python 3.12. See https://peps.python.org/pep-0683/

from __future__ import annotations

import ctypes
import sys

# Far more references than any process could drop, and far from overflowing Py_ssize_t.
_PLENTY = 1 << 48


def apply() -> bool:
    """Give None, True and False an effectively endless reference count (CPython < 3.12 only)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (Include/object.h).
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))
        refcnt.value = max(refcnt.value, _PLENTY)
    return True


apply()
