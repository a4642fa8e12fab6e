"""The data folder every test gets (tests/conftest.py): its own, and made only when written."""

from __future__ import annotations

import os
from pathlib import Path

from hiptimer import paths


def test_each_test_has_a_data_home_of_its_own_not_made_until_written(data_home: Path) -> None:
    # Named, not made: making a numbered folder (tmp_path) for each of ~5,000 tests was the
    # Qt-free tests' largest fixed cost.
    assert os.environ[paths.ENV_HOME] == str(data_home)
    assert not data_home.parent.exists()
    assert paths.history_db_path().is_relative_to(data_home)
