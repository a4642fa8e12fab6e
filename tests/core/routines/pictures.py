"""A routine with pictures beside it, and the smallest PNG they can be."""

from __future__ import annotations

import json
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def routine_with_pictures(folder: Path, rid: str = "mine") -> Path:
    bridge = {"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 10}
    bridge["image"] = "pics/bridge.png"
    bridge["ladder"] = [{"id": "one-leg", "name": "One leg", "reps": 8, "image": "pics/one.png"}]
    gone = {"id": "gone", "name": "Gone", "kind": "hold", "hold_s": 5, "image": "pics/gone.png"}
    data = {"format": "hiptimer-routine", "version": 2, "id": rid, "title": "Mine"}
    data["exercises"] = [bridge, gone]
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / "bridge.png").write_bytes(PNG)
    (folder / "pics" / "one.png").write_bytes(PNG + b"one")
    path = folder / f"{rid}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
