"""The data folder every test gets (tests/conftest.py): its own, and made only when written."""

from __future__ import annotations

import os
from pathlib import Path

from hiptimer import paths


def test_each_test_has_a_data_home_of_its_own_not_made_until_written(data_home: Path) -> None:
    # In an empty folder made for the test, not in tmp_path: a numbered folder made for each
    # of ~5,000 tests (listing the worker's folders, re-pointing a link) cost ~0.8 ms each.
    assert os.environ[paths.ENV_HOME] == str(data_home)
    assert not data_home.exists() and list(data_home.parent.iterdir()) == []
    assert data_home.parent.name.isdigit()  # numbered by the fixture, not by tmp_path
    assert paths.history_db_path().is_relative_to(data_home)
