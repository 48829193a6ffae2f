"""The student edition (grade export), Gradescope's bundle (grade gradescope) and Moodle's CSV (grade lms-csv).

One edition and one bundle of topic 7 are built per module; each grades in a few seconds.
"""

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from click.testing import CliRunner

from conftest import FAST, ROOT
from grader import catalog
from grader.cli import cli
from grader.engine import Submission, grade
from grader.export import fingerprints, gradescope
from grader.mistakes import Variant, catalogue
from grader.results import Outcome

EXERCISE = "ex07_softmax_ce"
REFERENCE = ROOT / "solutions" / f"{EXERCISE}.py"
WRONG = ROOT / "solutions" / EXERCISE / "wrong_grad_sign.py"  # part 7.3


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def student_file(folder, *layers):
    """A student's whole file: the reference with a catalogued mistake written over it, as the catalogue layers them."""
    path = folder / f"{EXERCISE}.py"
    path.write_text("\n".join(layer.read_text(encoding="utf-8") for layer in layers), encoding="utf-8")
    return path


def title(variant_path):
    exercise, _ = catalog.find("7")
    return next(v.title for v in catalogue(exercise) if v.path == variant_path)


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "dl-exam-student"
    result = invoke("export", out, "--topics", "7")
    assert result.exit_code == 0, result.output
    assert f"{EXERCISE}: 8 known mistakes" in result.stderr
    return out


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    output = tmp_path_factory.mktemp("gradescope") / "autograder.zip"
    result = invoke("gradescope", "7", "-o", output)
    assert result.exit_code == 0, result.output
    return output


def test_edition_holds_what_students_need_and_no_solution(edition):
    files = {p.relative_to(edition).as_posix() for p in edition.rglob("*") if p.is_file()}
    assert {"README.md", "pyproject.toml", "constraints.txt", "setup.sh", f"exercises/{EXERCISE}.py",
            f"grader/checks/{EXERCISE}.py", "grader/fingerprints.json", "questions/07-softmax-cross-entropy.md",
            "questions/img/07-softmax-curve.svg"} <= files
    assert os.access(edition / "setup.sh", os.X_OK)
    assert not (edition / "solutions").exists()
    assert not [f for f in files if f.split("/")[-1].startswith(("wrong_", "alt_"))]
    assert not [f for f in files if f.startswith(("tests/", "benchmarks/"))]
    # only topic 7: other topics' pages, stubs and checks stay out
    assert sorted(f for f in files if re.match(r"questions/\d\d-|exercises/ex|grader/checks/ex", f)) == \
        ["exercises/ex07_softmax_ce.py", "grader/checks/ex07_softmax_ce.py", "questions/07-softmax-cross-entropy.md"]
    # no line of the reference's own code: lines neither in the stub nor anywhere in the grader package
    shipped = {line.strip() for path in [ROOT / "exercises" / f"{EXERCISE}.py", *ROOT.glob("grader/**/*.py")]
               for line in path.read_text(encoding="utf-8").splitlines()}
    distinctive = {line.strip() for line in REFERENCE.read_text(encoding="utf-8").splitlines()
                   if len(line.strip()) > 20 and not line.strip().startswith("#")} - shipped
    assert "shifted = logits - logits.max(axis=-1, keepdims=True)" in distinctive
    texts = [(edition / f).read_text(encoding="utf-8") for f in files if f.endswith((".py", ".md", ".json"))]
    assert not [line for line in distinctive if any(line in text for text in texts)]
    readme = (edition / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# dl-exam: student edition\n\nTopic 7 of") and "## For students" in readme


def test_fingerprints_hold_every_mistake_of_the_exercise_as_digests(edition):
    data = json.loads((edition / "grader" / "fingerprints.json").read_text(encoding="utf-8"))
    exercise, _ = catalog.find("7")
    wrong = {v.name: v for v in catalogue(exercise) if v.is_wrong}
    entries = data["exercises"][EXERCISE]
    assert data["seed"] == 0 and list(data["exercises"]) == [EXERCISE]
    assert {e["mistake"] for e in entries} == set(wrong)
    for entry in entries:
        variant = wrong[entry["mistake"]]
        assert (entry["part"], entry["title"], tuple(entry["hints"])) == (variant.part, variant.title, variant.hints)
        assert entry["fingerprints"] and all(len(d) == 16 for fp in entry["fingerprints"] for d in fp)


def run_edition(edition, tmp_path, *args):
    env = {**os.environ, "PYTHONPATH": str(edition), "DL_EXAM_ROOT": str(edition), "DL_EXAM_WORK": str(tmp_path / "w")}
    return subprocess.run([sys.executable, "-P", "-m", "grader", *args], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


def test_edition_grader_names_a_mistake_from_fingerprints_and_gives_the_reference_full_marks(edition, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(edition)}
    imported = subprocess.run([sys.executable, "-P", "-c", "import grader; print(grader.__file__)"], env=env,
                              capture_output=True, text=True, check=True).stdout.strip()
    assert imported == str(edition / "grader" / "__init__.py")  # the edition's grader, not the course's

    wrong = run_edition(edition, tmp_path, "exercise", "7", "--path", student_file(tmp_path, REFERENCE, WRONG),
                        "--json")
    assert wrong.returncode == 1, wrong.stderr
    results = json.loads(wrong.stdout)
    assert results["output"] == "Exercise 7. Score: 10/15 — 3 checks failed (7.3.1, 7.3.2, 7.3.3)"
    assert [f"похоже на известную ошибку: {title(WRONG)}" in t["output"] for t in results["tests"]] == \
        [False] * 6 + [True] * 3

    right = run_edition(edition, tmp_path, "exercise", "7", "--path", student_file(tmp_path, REFERENCE), "-q")
    assert (right.returncode, right.stdout.strip()) == (0, "Score: 15/15 — all 9 checks passed"), right.stderr


def test_edition_demo_keeps_only_its_mistake_and_hints_need_the_default_seed(edition, tmp_path, monkeypatch):
    exercise, _ = catalog.find("7")
    expected = next(v.hints for v in catalogue(exercise) if v.name == "wrong_no_max_shift")
    monkeypatch.setenv("DL_EXAM_ROOT", str(edition))  # the edition has no catalogue: hints come from fingerprints
    assert catalogue(exercise) == []
    demo = grade(exercise, Submission((edition / "grader" / "demo" / f"{EXERCISE}.py",)), limits=FAST)
    failed = [r for r in demo.results if r.outcome is Outcome.FAILED]
    assert [r.part for r in failed] == ["7.1"]
    assert [(h.mistake, h.hints) for h in failed[0].hints] == \
        [("wrong_no_max_shift", expected)]
    assert {r.outcome for r in demo.results if r.part != "7.1"} == {Outcome.NOT_ATTEMPTED}  # 7.2, 7.3 not given away

    wrong = Submission((student_file(tmp_path, REFERENCE, WRONG),))
    at_default = grade(exercise, wrong, parts=[exercise.part("7.3")], limits=FAST)
    at_other = grade(exercise, wrong, parts=[exercise.part("7.3")], seed=1, limits=FAST)
    assert all(r.hints for r in at_default.results)
    assert at_other.score == at_default.score == 0 and not any(r.hints for r in at_other.results)


def test_fingerprints_match_at_the_finest_precision_that_agrees():
    exercise, _ = catalog.find("7")
    call = SimpleNamespace(function="cross_entropy", driver=False, receiver=None, args=(np.ones(3),), kwargs={})

    def fingerprinted(name, value):
        variant = Variant(exercise.id, name, Path(name), "cross_entropy", name, ("hint",))
        recorder = fingerprints.Recorder(exercise, variant)
        recorder.match("cross_entropy", call, ("value", value), lambda *args: ("value", 1.0), np.random.default_rng(0))
        return [(variant, fp) for fp in recorder.fingerprints]

    loss = 1.2345678901
    matcher = fingerprints.FingerprintMatcher(exercise, {"cross_entropy": fingerprinted("a", loss)
                                                         + fingerprinted("b", loss * (1 + 1e-8))})

    def named(value):
        found = matcher.match("cross_entropy", call, ("value", value), lambda *args: ("value", 1.0),
                              np.random.default_rng(0))
        return [v.name for v in found]

    assert named(loss * (1 + 1e-13)) == ["a"]  # summed in another order: still told apart from b
    assert named(loss * (1 + 3e-9)) == ["a", "b"]  # noisier: both agree to 7 digits
    assert named(loss * 1.01) == [] and named(-loss) == []
    digest = fingerprints.call_digest
    tiny = np.array([[0.1, 0.2, 0.7], [1e-17, 0.5, 0.5]])
    sign_flipped_noise = tiny - [[0, 0, 0], [2e-17, 0, 0]]  # 1e-17 becomes -1e-17: zero at every precision
    assert digest(call, ("value", tiny), 10) == digest(call, ("value", sign_flipped_noise), 10)
    assert digest(call, ("value", tiny), 4) != digest(call, ("value", tiny.T), 4)
    assert digest(call, ("error", "ValueError: x"), 4) != digest(call, ("value", "ValueError: x"), 4)


def test_export_refuses_a_used_folder_and_an_edition_as_its_source(edition, tmp_path, monkeypatch):
    used = tmp_path / "used"
    used.mkdir()
    (used / "notes.txt").write_text("mine")
    result = invoke("export", used)
    assert result.exit_code == 2
    assert result.stderr == f"error: {used} already exists and is not an empty folder: export into a new folder\n"
    assert [p.name for p in used.iterdir()] == ["notes.txt"]
    assert invoke("export", tmp_path / "new", "--topics", "50").stderr.startswith("error: no topic 50")

    monkeypatch.setenv("DL_EXAM_ROOT", str(edition))
    again = invoke("export", tmp_path / "again", "--topics", "7")
    assert again.exit_code == 2 and "has no solutions/: it is a student edition already" in again.stderr
    assert not (tmp_path / "again").exists()


def run_autograder(root, env=None):
    subprocess.run(["bash", str(root / "source" / "run_autograder")], check=True, timeout=120,
                   env={**os.environ, "AUTOGRADER_ROOT": str(root), "DL_EXAM_PYTHON": sys.executable, **(env or {})})
    return json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))


def assert_gradescope_json(results):
    """Gradescope's results.json: numbers for scores, a status per test."""
    number = (int, float)
    assert isinstance(results["score"], number) and isinstance(results["output"], str)
    for test in results["tests"]:
        assert {"name", "score", "max_score", "status", "output"} <= test.keys()
        assert isinstance(test["score"], number) and isinstance(test["max_score"], number)
        assert test["status"] in ("passed", "failed")
    assert results["score"] == sum(t["score"] for t in results["tests"])


def test_gradescope_bundle_grades_a_submission_with_the_student_edition(bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
        archive.extractall(tmp_path / "source")
    assert {"setup.sh", "run_autograder", "autograder.conf", "README.md", "dl-exam/setup.sh",
            "dl-exam/grader/fingerprints.json", f"dl-exam/grader/checks/{EXERCISE}.py"} <= set(names)
    assert modes["run_autograder"] == modes["setup.sh"] == 0o100755
    assert not [n for n in names if n.startswith("dl-exam/solutions/") or "/wrong_" in n or "/alt_" in n]
    assert (tmp_path / "source" / "autograder.conf").read_text().splitlines()[1:] == \
        ["EXERCISE=7", f"SUBMISSION={EXERCISE}.py", "SEED=0"]

    submission = tmp_path / "submission"
    submission.mkdir()
    student_file(submission, REFERENCE)
    right = run_autograder(tmp_path)
    assert_gradescope_json(right)
    assert (right["score"], right["max_score"]) == (15.0, 15.0) and len(right["tests"]) == 9

    (submission / f"{EXERCISE}.py").unlink()
    student_file(tmp_path, REFERENCE, WRONG).rename(submission / "my_solution.py")  # another name is taken too
    wrong = run_autograder(tmp_path)
    assert_gradescope_json(wrong)
    assert wrong["score"] == 10.0
    assert [t["number"] for t in wrong["tests"] if t["status"] == "failed"] == ["7.3.1", "7.3.2", "7.3.3"]
    assert all(f"похоже на известную ошибку: {title(WRONG)}" in t["output"]
               for t in wrong["tests"] if t["status"] == "failed")

    (submission / "my_solution.py").unlink()
    missing = run_autograder(tmp_path)
    assert missing == {"score": 0.0, "output": f"Submit your solution as {EXERCISE}.py "
                                               "(the submission has 0 Python files).", "tests": []}


def test_gradescope_zip_is_reproducible_and_refuses_other_suffixes(tmp_path):
    exercise, part = catalog.find("7.2")
    files = {"setup.sh": b"#!/bin/sh\n", "grader/x.py": b"x = 1\n"}
    first = gradescope.bundle(exercise, part, 3, files, ("setup.sh",))
    assert first == gradescope.bundle(exercise, part, 3, dict(reversed(files.items())), ("setup.sh",))
    (tmp_path / "b.zip").write_bytes(first)
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert archive.read("autograder.conf").decode().splitlines()[1:] == \
            ["EXERCISE=7.2", f"SUBMISSION={EXERCISE}.py", "SEED=3"]
    result = invoke("gradescope", "7", "-o", tmp_path / "autograder.tar")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'autograder.tar'}: Gradescope takes the "
                                                    f"autograder as a .zip file\n")


GRADEBOOK = """student,ex07_softmax_ce,ex20_conv,total,max,status
anna@uni.example,15,7.5,22.5,30,ok
boris@uni.example,10,0,10,30,ex20_conv: missing
vera@uni.example,12,,,30,pending
"""


def test_lms_csv_is_what_moodle_imports(tmp_path):
    batch = tmp_path / "batch-results"
    batch.mkdir()
    (batch / "gradebook.csv").write_text(GRADEBOOK, encoding="utf-8")
    result = invoke("lms-csv", batch, "-o", tmp_path / "grades.csv")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "grades.csv").read_text(encoding="utf-8") == (
        "Email address,ex07_softmax_ce,ex20_conv\n"
        "anna@uni.example,15,7.5\n"
        "boris@uni.example,10,0\n"
        "vera@uni.example,12,\n")

    ex20 = catalog.find("20")[0].max_score
    roster = tmp_path / "roster.csv"
    roster.write_text("student,idnumber\nanna@uni.example,S-1\nboris@uni.example,S-2\nvera@uni.example,S-3\n")
    result = invoke("lms-csv", batch / "gradebook.csv", "-o", tmp_path / "ids.csv", "--id-field", "idnumber",
                    "--roster", roster, "--percent")
    assert result.exit_code == 0, result.output
    rows = (tmp_path / "ids.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "ID number,ex07_softmax_ce,ex20_conv"
    assert ex20 == 13 and rows[1:] == ["S-1,100,57.69231", "S-2,66.66667,0", "S-3,80,"]  # 5 decimals, as Moodle


def test_lms_csv_errors_are_one_line_and_write_nothing(tmp_path):
    gradebook = tmp_path / "gradebook.csv"
    gradebook.write_text("student,ex07_softmax_ce,total,max,status\nanna,15,15,15,ok\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("student,username\nboris,b.petrov\n", encoding="utf-8")
    cases = [
        ((gradebook,), f"error: {gradebook}:2: 'anna' is not an email address "
                       "(use --id-field idnumber or username, or map students with --roster)\n"),
        ((tmp_path / "nothing",), f"error: {tmp_path / 'nothing'}: no such file (give a `grade batch` output "
                                  "folder or its gradebook.csv)\n"),
        ((gradebook, "--id-field", "username", "--roster", roster),
         f"error: {roster}: no identifier for student 'anna' of {gradebook}\n"),
    ]
    for args, message in cases:
        result = invoke("lms-csv", *args, "-o", tmp_path / "out.csv")
        assert (result.exit_code, result.stderr) == (2, message)
    same = invoke("lms-csv", gradebook, "-o", gradebook, "--id-field", "username")
    assert same.exit_code == 2 and "would overwrite an input" in same.stderr
    assert not (tmp_path / "out.csv").exists()
    assert gradebook.read_text(encoding="utf-8").startswith("student,ex07_softmax_ce")
