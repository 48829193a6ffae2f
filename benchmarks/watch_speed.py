"""How soon `grade exercise N --watch` shows feedback after a save, against a one-shot `grade exercise N`.

Run with the project's interpreter:  .venv/bin/python benchmarks/watch_speed.py [--repeat N]

For each flagship exercise a watcher runs on a temporary copy of the reference solution;
the file is then saved alternately with a harmless edit (all checks still pass) and with
a catalogued mistake appended (some checks fail: Hypothesis shrinks the failing input and
the mistake matcher runs), and the time from the save to the printed score line is taken.
The baseline, measured in the same run, is the whole one-shot command on the reference.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIPS = {"7": ("ex07_softmax_ce", "wrong_no_max_shift"), "20": ("ex20_conv", None),
             "25": ("ex25_lstm", None)}


def first_wrong_variant(exercise_id: str, preferred: str | None) -> Path:
    folder = ROOT / "solutions" / exercise_id
    return folder / f"{preferred}.py" if preferred else sorted(folder.glob("wrong_*.py"))[0]


def until_score(process: subprocess.Popen) -> None:
    for line in process.stdout:
        if line.startswith("Score:") or "] error:" in line:
            return
    raise RuntimeError("the watcher stopped")


def save_times(number: str, exercise_id: str, preferred: str | None, repeat: int) -> tuple[list[float], list[float]]:
    reference = (ROOT / "solutions" / f"{exercise_id}.py").read_text(encoding="utf-8")
    mistake = first_wrong_variant(exercise_id, preferred).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{exercise_id}.py"
        target.write_text(reference, encoding="utf-8")
        command = [sys.executable, "-m", "grader", "exercise", number, "--watch", "--path", str(target)]
        watcher = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, bufsize=1)
        try:
            until_score(watcher)
            passing, failing = [], []
            for i in range(2 * repeat):
                time.sleep(0.5)  # the next worker boots meanwhile, as it would while a student types
                text = reference + f"\n# edit {i}\n" + (mistake if i % 2 else "")
                started = time.perf_counter()
                target.write_text(text, encoding="utf-8")
                until_score(watcher)
                (failing if i % 2 else passing).append(time.perf_counter() - started)
        finally:
            watcher.terminate()
            watcher.wait()
    return passing, failing


def one_shot(number: str, exercise_id: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", "exercise", number, "--path", f"solutions/{exercise_id}.py"],
                   cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    print(f"median of {repeat} saves each; the one-shot command is the baseline\n")
    print(f"{'exercise':10} {'one-shot':>9} {'save, passing':>14} {'ratio':>6} {'save, mistake':>14} {'ratio':>6}")
    for number, (exercise_id, preferred) in FLAGSHIPS.items():
        baseline = statistics.median(one_shot(number, exercise_id) for _ in range(3))
        passing, failing = (statistics.median(t) for t in save_times(number, exercise_id, preferred, repeat))
        print(f"{number:10} {baseline:8.2f}s {passing:13.2f}s {passing / baseline:6.2f} "
              f"{failing:13.2f}s {failing / baseline:6.2f}")


if __name__ == "__main__":
    main()
