"""How long `grade` takes, as ratios to importing torch measured in the same run.

Run with the project's interpreter:  .venv/bin/python benchmarks/grade_speed.py [--repeat N]

Each command runs N times in a fresh process; the table gives the median wall time and
its ratio to `python -c "import torch"`, the floor of any grading run (the oracles need
torch). Two byte-code settings are measured: this machine's shell sets
PYTHONDONTWRITEBYTECODE=1, so the grader's own modules are compiled on every run; a
student's machine writes __pycache__ once and reuses it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAPERS = Path(tempfile.mkdtemp(prefix="dl-exam-bench-"))  # where the paper commands write
GRADE = [sys.executable, "-m", "grader"]
COMMANDS = {
    'python -c "import numpy"': [sys.executable, "-c", "import numpy"],
    'python -c "import torch"': [sys.executable, "-c", "import torch"],
    "grade --help": [*GRADE, "--help"],
    "grade list": [*GRADE, "list"],
    "grade exercise 7 (reference)": [*GRADE, "exercise", "7", "--path", "solutions/ex07_softmax_ce.py"],
    "grade exercise 20 (reference)": [*GRADE, "exercise", "20", "--path", "solutions/ex20_conv.py"],
    "grade exercise 25 (reference)": [*GRADE, "exercise", "25", "--path", "solutions/ex25_lstm.py"],
    "grade exercise 9 (torch, driver)": [*GRADE, "exercise", "9", "--path", "solutions/ex09_autodiff.py"],
    "grade exercise 12 (statistical)": [*GRADE, "exercise", "12", "--path", "solutions/ex12_init.py"],
    "grade exercise 19 (torch, model)": [*GRADE, "exercise", "19", "--path", "solutions/ex19_small_data.py"],
    "grade demo (one mistake, hint)": [*GRADE, "demo"],
    'python -c "import weasyprint"': [sys.executable, "-c", "import weasyprint"],
    "grade tickets 30 (PDF and key)": [*GRADE, "tickets", "30", "-o", str(PAPERS / "pdf")],
    "grade tickets 30 --format html": [*GRADE, "tickets", "30", "--format", "html", "-o", str(PAPERS / "html")],
    "grade sheet 25 --answers (PDF)": [*GRADE, "sheet", "25", "--answers", "-o", str(PAPERS / "sheet.pdf")],
    "grade moodle (195 questions)": [*GRADE, "moodle", "-o", str(PAPERS / "bank.xml")],
}
BASELINE = 'python -c "import torch"'


def wall_time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def measure(env: dict[str, str], repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(repeat):  # interleaved, so a slow moment hits every command alike
        for name, command in COMMANDS.items():
            times[name].append(wall_time(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def clear_grader_bytecode() -> None:
    for cache in (ROOT / "grader").rglob("__pycache__"):
        shutil.rmtree(cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    settings = {
        "PYTHONDONTWRITEBYTECODE=1 (this machine's shell: grader recompiled every run)":
            {**base, "PYTHONDONTWRITEBYTECODE": "1"},
        "bytecode cached (a student's machine after the first run)": base,
    }
    print(f"{repeat} runs each, median wall time; {os.cpu_count()} CPUs; Python {sys.version.split()[0]}\n")
    for title, env in settings.items():
        clear_grader_bytecode()
        if "PYTHONDONTWRITEBYTECODE" not in env:
            wall_time(COMMANDS["grade exercise 7 (reference)"], env)  # writes __pycache__ once
        medians = measure(env, repeat)
        print(title)
        for name, seconds in medians.items():
            print(f"  {name:34} {seconds:6.2f} s   {seconds / medians[BASELINE]:5.2f} x import torch")
        print()
    shutil.rmtree(PAPERS, ignore_errors=True)


if __name__ == "__main__":
    main()
