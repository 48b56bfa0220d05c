"""Diagnostic only (bench/fanout.py --ours-gc / --ours-tracemalloc): `frontdesk serve` with
other garbage-collector settings, or with tracemalloc on. Not how production runs.

  python bench/ours_diag.py [--gc SPEC] [--tracemalloc FILE] serve --port 8000 --host 127.0.0.1

--gc SPEC: "off" (gc.disable()), or thresholds such as "50000,20,100" (gc.set_threshold),
  optionally followed by "+freeze" (gc.freeze() every second, so that long-lived objects, such
  as those of open connections, leave the collected generations).
--tracemalloc FILE: trace allocations (1 frame); the first SIGUSR1 takes a snapshot, the
  second writes to FILE what was allocated in between and is still alive, by line and by
  file. Tracing slows the server and grows its RSS: only the diff it writes means something.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _gc(spec: str) -> None:
    settings, _, freeze = spec.partition("+")
    if settings == "off":
        gc.disable()
    elif settings:
        gc.set_threshold(*(int(part) for part in settings.split(",")))
    if freeze == "freeze":

        def freezer() -> None:  # gc.freeze() only moves list heads, under the GIL
            while True:
                time.sleep(1.0)
                gc.freeze()

        threading.Thread(target=freezer, daemon=True, name="bench-gc-freeze").start()


def _tracemalloc(path: Path) -> None:
    import tracemalloc

    tracemalloc.start(1)
    snapshots: list[tracemalloc.Snapshot] = []

    def on_signal(signum: int, frame: object) -> None:
        gc.collect()
        snapshots.append(tracemalloc.take_snapshot())
        if len(snapshots) < 2:
            return
        before, after = snapshots[-2], snapshots[-1]
        keep = [tracemalloc.Filter(False, tracemalloc.__file__)]
        before, after = before.filter_traces(keep), after.filter_traces(keep)
        lines = []
        for key, top in (("lineno", 40), ("filename", 25)):
            diff = after.compare_to(before, key)
            grown = sum(stat.size_diff for stat in diff)
            lines.append(f"== allocated and still alive, by {key}: {grown / 1024:.0f} KiB in all")
            for stat in diff[:top]:
                frame = stat.traceback[0]
                lines.append(
                    f"{stat.size_diff / 1024:10.1f} KiB {stat.count_diff:+8d} blocks  "
                    f"{frame.filename}:{frame.lineno if key == 'lineno' else ''}"
                )
        path.write_text("\n".join(lines) + "\n")

    signal.signal(signal.SIGUSR1, on_signal)


def main() -> None:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--gc")
    parser.add_argument("--tracemalloc", type=Path)
    args, rest = parser.parse_known_args()
    if args.gc:
        _gc(args.gc)
    if args.tracemalloc:
        _tracemalloc(args.tracemalloc)
    from cli import main as frontdesk

    frontdesk(rest)


if __name__ == "__main__":
    main()
