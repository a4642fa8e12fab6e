"""The test run keeps its bytecode where the machine says not to write it (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
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


def test_the_modules_this_file_s_conftest_imports_keep_their_bytecode_too(tmp_path: Path) -> None:
    # conftest.py imported Hypothesis (~0.4 s to compile) before it turned bytecode back on:
    # each `-n 0` run and xdist controller compiled it again. A fresh prefix: nothing cached.
    import hypothesis

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path)}
    root = Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-c", "import tests.conftest"], cwd=root, env=env, timeout=120
    )
    assert done.returncode == 0
    cached = Path(str(tmp_path) + str(Path(hypothesis.__file__).parent.resolve()))
    assert list(cached.glob("__init__.*.pyc")), f"no bytecode kept in {cached}"
