"""The test run keeps its bytecode where the machine says not to write it (tests/conftest.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def test_this_process_keeps_its_bytecode_in_the_run_s_folder_not_beside_the_sources() -> None:
    # A `-n 0` run (or xdist's controller) was started without bytecode and compiled every
    # module it imported, each run (~8 s of CPU to collect the suite): it keeps it now, in
    # the folder the workers use, so the source tree stays free of __pycache__.
    assert not sys.dont_write_bytecode
    assert sys.pycache_prefix is not None
    assert sys.pycache_prefix == os.environ["PYTHONPYCACHEPREFIX"]
    assert not Path(sys.pycache_prefix).is_relative_to(Path(__file__).parents[1])
