"""A routine file of format version 2 with every field it adds."""

from __future__ import annotations

from typing import Any

V2: dict[str, Any] = {
    "format": "hiptimer-routine",
    "version": 2,
    "id": "strength",
    "title": "Strength",
    "exercises": [
        {
            "id": "bridge",
            "name": "Bridge",
            "kind": "reps",
            "sets": 3,
            "reps": 10,
            "reps_range": [10, 15],
            "rep_hold_s": 3,
            "setup": ["Lie face up, knees bent.", "Lift your hips."],
            "cues": ["Push through your heels."],
            "ladder": [
                {
                    "id": "single-leg-bridge",
                    "name": "Single-leg bridge",
                    "sets": 2,
                    "reps": 8,
                    "reps_range": [8, 12],
                    "sides": "each",
                    "setup": ["Lie face up, one leg long in the air.", "Lift your hips."],
                }
            ],
        },
        {
            "id": "straight-leg-raise",
            "name": "Straight leg raise",
            "kind": "reps",
            "sets": 2,
            "reps": 15,
            "rep_hold_s": 3,
            "sides": "each",
            "ceiling": {"sets": 3},
            "cues": ["Thigh stays tight."],
            "ladder": [
                {
                    "id": "weighted-leg-raise",
                    "name": "Straight leg raise with an ankle weight",
                    "sets": 2,
                    "reps": 10,
                    "reps_range": [10, 15],
                    "load": {"amount": 1, "unit": "kg"},
                    "ceiling": {"sets": 3},
                }
            ],
            "rung": 1,
        },
        {
            "id": "squat",
            "name": "Tempo chair squat",
            "kind": "reps",
            "sets": 3,
            "reps": 8,
            "reps_range": [8, 12],
            "tempo": {"lift_s": 2, "hold_s": 1, "lower_s": 3, "pause_s": 1},
        },
        {
            "id": "stretch",
            "name": "Lying stretch",
            "kind": "hold",
            "sets": 3,
            "hold_s": 8,
            "sides": "each",
            "ceiling": {"hold_s": 10},
        },
    ],
}
