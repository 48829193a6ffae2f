"""How fast `grade batch` grades a class, against grading each file with `grade exercise`.

Run with the project's interpreter:  .venv/bin/python benchmarks/batch_speed.py [--files 200] [--budget 10]

It writes a synthetic class: files for exercises 7, 20 and 25, spread over students
three files each, mixing correct solutions (the reference and its alternatives), known
mistakes (the catalogue's wrong variants over the reference), crashing files (an
exception at import, or a segfault in the first part) and a few hanging ones (a sleep
at import, each costing the whole --budget). It grades the class with --jobs 1 and
--jobs 2 (the same command a teacher runs, in a fresh results folder each time) and
times `grade exercise 7 --path <reference>` in the same run: the ratio says how many
times more files per minute the batch grades than the one-file command does.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from grader import catalog

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ("ex07_softmax_ce", "ex20_conv", "ex25_lstm")
GRADE = [sys.executable, "-m", "grader"]
HANGS = 2  # each costs the whole budget


def kinds(count: int) -> list[str]:
    """The kind of each synthetic file: about 55% correct, 30% wrong, 10% crashing, and HANGS hanging."""
    pattern = ["correct", "wrong", "correct", "wrong", "crash_import", "correct", "wrong", "correct", "crash_segfault",
               "correct", "wrong", "correct", "correct", "wrong", "correct", "wrong", "correct", "correct", "wrong",
               "correct"]
    chosen = [pattern[i % len(pattern)] for i in range(count)]
    for i in range(HANGS):
        chosen[(i + 1) * count // (HANGS + 1)] = "hang"
    return chosen


def source(exercise: str, kind: str, index: int) -> str:
    reference = (ROOT / "solutions" / f"{exercise}.py").read_text()
    catalogue = sorted((ROOT / "solutions" / exercise).glob("*.py"))
    if kind == "correct":
        alternatives = [p for p in catalogue if p.name.startswith("alt_")]
        extra = [None, *alternatives][index % (len(alternatives) + 1)]
        return reference if extra is None else reference + "\n\n" + extra.read_text()
    if kind == "wrong":
        wrong = [p for p in catalogue if p.name.startswith("wrong_")]
        return reference + "\n\n" + wrong[index % len(wrong)].read_text()
    if kind == "crash_import":
        return reference + "\n\nraise RuntimeError('a half-finished edit')\n"
    if kind == "crash_segfault":
        first_part = catalog.find(exercise)[0].part_names[0]
        return reference + f"\n\ndef {first_part}(*args, **kwargs):\n    import ctypes\n    ctypes.string_at(0)\n"
    return "import time\n\ntime.sleep(10_000)\n"  # hang


def write_class(folder: Path, count: int) -> Counter:
    made: Counter = Counter()
    for index, kind in enumerate(kinds(count)):
        exercise = EXERCISES[index % len(EXERCISES)]
        student = folder / f"student{index // len(EXERCISES):03d}"
        student.mkdir(parents=True, exist_ok=True)
        (student / f"{exercise}.py").write_text(source(exercise, kind, index // len(EXERCISES)))
        made[kind] += 1
    return made


def timed(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="synthetic submission files (default 200)")
    parser.add_argument("--budget", type=float, default=10.0, help="--budget of the batch, in seconds (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the one-file command (median)")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dl-exam-batch-bench-"))
    env = {**os.environ, "DL_EXAM_KEY": secrets.token_hex(32)}
    extra = ["--worker-user", "root"] if os.geteuid() == 0 else []  # as root: this Python may be out of nobody's reach
    try:
        made = write_class(work / "class", options.files)
        single = [timed([*GRADE, "exercise", "7", "--path", str(ROOT / "solutions" / "ex07_softmax_ce.py"), "-q"],
                        env)[0] for _ in range(options.repeat)]
        torch = statistics.median(timed([sys.executable, "-c", "import torch"], env)[0] for _ in range(options.repeat))
        cli = statistics.median(single)
        print(f"{options.files} files ({', '.join(f'{n} {k}' for k, n in sorted(made.items()))}) of exercises "
              f"7, 20, 25; {os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
        print(f"limits: --budget {options.budget:g} s per file (a hang costs that), 10 s CPU per check, "
              f"wall per check 2 x CPU + 10 s; {' '.join(extra) or 'workers as this user'}\n")
        print(f"  python -c 'import torch'                  {torch:6.2f} s")
        print(f"  grade exercise 7 --path <reference>       {cli:6.2f} s   = {60 / cli:6.1f} files/min")
        books = {}
        for jobs in (1, 2):
            out = work / f"results-j{jobs}"
            seconds, run = timed([*GRADE, "batch", str(work / "class"), "-e", "7", "-e", "20", "-e", "25", "-o",
                                  str(out), "--jobs", str(jobs), "--budget", f"{options.budget:g}", *extra], env)
            if run.returncode != 0:
                sys.exit(f"grade batch failed: {run.stderr.strip().splitlines()[-1:]}")
            books[jobs] = (out / "gradebook.csv").read_bytes()
            summary = next(line for line in run.stdout.splitlines() if line.startswith("Graded "))
            rate = options.files / seconds * 60
            print(f"  grade batch --jobs {jobs}                     {seconds:6.2f} s   = {rate:6.1f} files/min"
                  f"   {rate / (60 / cli):5.1f} x the one-file command")
        print(f"\nthe batch said: {summary}")
        print(f"the two gradebooks are {'identical' if books[1] == books[2] else 'DIFFERENT'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
