"""Red team, class batch: hostile zips and submissions in one `grade batch` run.

Zips that climb out with ``../``, name absolute paths, hold symbolic links or unpack to a bomb
are refused whole with one line each; a symbolic link to the reference solution is not graded;
submissions that read the reference or the grader, or rewrite the results folder, fail their
checks; an honest classmate keeps full marks, and every signed result still verifies.
"""

import csv
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SUBMISSIONS

ATTACKS = Path(__file__).parent / "adversarial"
EXERCISE = "ex07_softmax_ce"
CORRECT = (SUBMISSIONS / "correct.py").read_text()
REFUSED = {  # zip: words of its one-line refusal
    "climber": "climbs out of the folder",
    "absolute": "has an absolute path",
    "linker": "is a symbolic link",
    "bomber": "a zip bomb?",
}


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)


def _symlink_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One batch over the whole hostile class; its results folder and what `grade batch` printed."""
    root = tmp_path_factory.mktemp("class")
    subs, out, key = root / "submissions", root / "results", root / "teacher.key"
    key.write_text("adversarial-batch-key-0123456789\n")
    for student, attack in [("alice", None), ("mallory", "reads_reference"), ("snoop", "imports_grader"),
                            ("forger", "forges_results")]:
        (subs / student).mkdir(parents=True)
        extra = "" if attack is None else "\n\n" + (ATTACKS / f"{attack}.py").read_text()
        (subs / student / f"{EXERCISE}.py").write_text(CORRECT + extra)
    (subs / "cheater").mkdir()
    (subs / "cheater" / f"{EXERCISE}.py").symlink_to(ROOT / "solutions" / f"{EXERCISE}.py")
    solution = CORRECT.encode()
    _zip(subs / "climber.zip", [(f"{EXERCISE}.py", solution), ("../../escaped.py", b"x = 1\n")])
    _zip(subs / "absolute.zip", [(f"{EXERCISE}.py", solution), (str(root / "absolute.py"), b"x = 1\n")])
    _zip(subs / "linker.zip", [(_symlink_entry(f"{EXERCISE}.py"), str(ROOT / "solutions" / f"{EXERCISE}.py").encode())])
    _zip(subs / "bomber.zip", [(f"{EXERCISE}.py", solution), ("padding.bin", bytes(32 << 20))])
    command = [sys.executable, "-m", "grader", "batch", str(subs), "-e", "7", "--jobs", "1", "-o", str(out),
               "--key-file", str(key)] + (["--worker-user", "root"] if os.geteuid() == 0 else [])
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=root, start_new_session=True)
    return root, out, key, run


def test_hostile_zips_are_refused_with_one_line_each_and_nothing_is_unpacked(batch):
    root, out, _, run = batch
    assert run.returncode == 0, run.stderr
    for student, words in REFUSED.items():
        lines = [line for line in run.stdout.splitlines() if line.startswith(f"{student}.zip: refused:")]
        assert len(lines) == 1 and words in lines[0], run.stdout
    assert not (root / "escaped.py").exists() and not (root.parent / "escaped.py").exists()
    assert not (root / "absolute.py").exists()
    assert "Traceback" not in run.stdout + run.stderr


def test_cheaters_fail_and_the_honest_student_keeps_full_marks(batch):
    _, out, _, _ = batch
    with open(out / "gradebook.csv", newline="") as f:
        book = {row["student"]: row for row in csv.DictReader(f)}
    assert book["alice"][EXERCISE] == "15"
    for student in ("mallory", "snoop", "forger"):  # softmax's 5 points lost, the other parts' 10 kept
        assert book[student][EXERCISE] == "10", book[student]
    for student, words in REFUSED.items():
        assert book[student]["status"].startswith("refused") and words in book[student]["status"], book[student]
    assert book["cheater"]["status"].endswith("invalid") and book["cheater"][EXERCISE] == "0", book["cheater"]
    assert "is a symbolic link" in (out / "cheater" / f"{EXERCISE}.txt").read_text()
    feedback = (out / "mallory" / f"{EXERCISE}.txt").read_text()
    assert "PermissionError" in feedback and "solutions" in feedback
    assert "PermissionError" in (out / "snoop" / f"{EXERCISE}.txt").read_text()
    assert "ESCAPED" not in (out / "forger" / f"{EXERCISE}.txt").read_text()


def test_every_signed_result_still_verifies(batch):
    root, out, key, _ = batch
    run = subprocess.run([sys.executable, "-m", "grader", "check-results", str(out), "--key-file", str(key),
                          "--submissions", str(root / "submissions")],
                         capture_output=True, text=True, timeout=120, cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "results verify" in run.stdout
