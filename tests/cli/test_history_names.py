"""`hiptimer history list` names a routine and its re-tests as the window and the report do
(names25), and the CSV keeps the names the sessions were recorded under."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.cli.main import main
from hiptimer.core.history.store import open_history
from tests.history_names import ENGLISH, SPANISH, record_in_english


def test_the_list_names_in_the_language_in_use_and_the_csv_as_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_history(paths.history_db_path()) as store:
        record_in_english(store)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert main(["history", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Micropausa en el escritorio" in listed and "Control mensual" in listed
    assert "Levantarse de la silla en 30 segundos: 12 levantamientos" in listed
    assert not any(english in listed for english in ENGLISH)
    assert "Old one" in listed  # gone from the library: as recorded
    out = tmp_path / "sets.csv"
    assert main(["history", "export", "--csv", str(out)]) == 0
    exported = out.read_text(encoding="utf-8-sig")
    assert all(english in exported for english in ENGLISH)  # the record, as it was done
    assert not any(spanish in exported for spanish in SPANISH)
