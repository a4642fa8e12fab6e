"""Run every benchmark in bench/ one after another and print their SUMMARY lines at the end.

    uv run python bench/run_all.py [--quick]

--quick passes --quick to the benchmarks that have it (timer and speech: ~2 min in all
instead of ~8). Each benchmark's own table goes to the terminal as it runs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# (script, takes --quick); a benchmark whose file is not there is skipped.
BENCHES = [
    ("timer_accuracy.py", True),
    ("speech_responsiveness.py", True),
    ("startup.py", False),
    ("audio_timing.py", False),
    ("history_scale.py", False),
    ("suite_time.py", False),  # last: it loads both cores for a minute and a half
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the short versions where there are")
    args = parser.parse_args(argv)
    summaries: list[str] = []
    failed = 0
    for script, quick in BENCHES:
        path = HERE / script
        if not path.is_file():
            summaries.append(f"(skipped {script}: not there)")
            continue
        command = [sys.executable, str(path), *(["--quick"] if args.quick and quick else [])]
        print(f"=== {script}", flush=True)
        started = time.monotonic()
        proc = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
        print(proc.stdout, end="", flush=True)
        lines = [line for line in proc.stdout.splitlines() if line.startswith("SUMMARY")]
        summaries += lines or [f"(no SUMMARY from {script}, exit {proc.returncode})"]
        failed += proc.returncode != 0
        print(f"=== {script}: {time.monotonic() - started:.0f} s, exit {proc.returncode}\n")
    print("\n".join(summaries))
    missed = [line for line in summaries if "MISSED" in line]
    print(f"targets: {'all met' if not missed else f'{len(missed)} benchmark(s) missed one'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
