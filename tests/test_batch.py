"""Batch grading of a class: statuses, isolation, zip safety, resume after a kill, tamper evidence.

One run of `grade batch` over a small class with every kind of trouble (a hang, a crash,
a syntax error, a missing file, a spy, four unsafe zips) serves several checks; a second
class of five quick submissions is graded in-process (the reference), interrupted by
SIGKILL and resumed, and graded on a local Dask cluster: all three gradebooks must agree.
As root, the batch runs under an interpreter that `nobody` can execute (this machine's
own Python lives under /root), so its workers really drop to that user.
"""

import csv
import importlib.machinery
import io
import json
import os
import pwd
import re
import shutil
import signal
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
import types
import zipfile
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from conftest import ROOT, SUBMISSIONS
from grader import catalog
from grader.batch import audit, backends, discovery, jobs, runner, signing, zipsafe
from grader.cli import cli

KEY = "a-teacher-key-of-32-characters!!"
EX07 = "ex07_softmax_ce.py"
SPY = '''

def softmax(logits):
    import os
    try:
        key_file = open(KEY_FILE).read()
    except OSError as e:
        key_file = type(e).__name__
    leaks = []
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
    except OSError:  # the worker's confinement may hide /proc
        pids = [str(os.getppid())]
    for pid in pids:
        try:
            if b"DL_EXAM_KEY" in open(f"/proc/{pid}/environ", "rb").read():
                leaks.append(pid)
        except OSError:
            pass
    raise ValueError(f"uid={os.getuid()} env={sorted(os.environ)} key_file={key_file} leaks={leaks}")
'''


# -- helpers ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def batch_python():
    """The interpreter for batch runs: as root, one `nobody` can run (system Python + this venv's packages)."""
    if os.geteuid() != 0:
        yield sys.executable
        return
    system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    assert system.exists(), f"a root test run needs {system} (workers run as nobody, who cannot run {sys.executable})"
    folder = Path(tempfile.mkdtemp(prefix="dl-exam-python-"))
    folder.chmod(0o755)
    subprocess.run([str(system), "-m", "venv", "--without-pip", str(folder / "venv")], check=True)
    site = next((folder / "venv" / "lib").glob("python3*/site-packages"))
    (site / "dl_exam_venv.pth").write_text(f"import site; site.addsitedir({sysconfig.get_path('purelib')!r})\n")
    yield str(folder / "venv" / "bin" / "python")
    shutil.rmtree(folder)


def grade_cli(python, *args, key_file=None):
    env = {**os.environ, signing.KEY_VARIABLE: KEY}
    env.pop("DL_EXAM_WORK", None)
    command = [python, "-m", "grader", *args] + (["--key-file", str(key_file)] if key_file else [])
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def gradebook(out):
    return {row["student"]: row for row in csv.DictReader(io.StringIO((out / "gradebook.csv").read_text()))}


def result(out, student, exercise="ex07_softmax_ce"):
    return json.loads((out / student / f"{exercise}.json").read_text())


def layered(*paths):
    return "\n\n".join(Path(p).read_text() for p in paths)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)


def symlink_entry(name):
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


# -- a class with every kind of trouble ----------------------------------------------
# One run serves several checks, in one test: a module fixture would run once per xdist worker.


def write_troubled_class(root):
    subs = root / "submissions"
    correct = (SUBMISSIONS / "correct.py").read_text()
    key_file = root / "teacher.key"
    key_file.write_text(KEY + "\n")
    key_file.chmod(0o600)
    files = {
        f"ann/{EX07}": correct,
        "ann/ex20_conv.py": (ROOT / "exercises" / "ex20_conv.py").read_text(),
        f"hang/{EX07}": (SUBMISSIONS / "hangs_everywhere.py").read_text(),
        f"crash/{EX07}": layered(SUBMISSIONS / "correct.py", SUBMISSIONS / "segfault.py"),
        f"syntax/{EX07}": (SUBMISSIONS / "syntax_error.py").read_text(),
        "nofile/notes.txt": "I did not do it\n",
        f"spy/{EX07}": correct + f"\nKEY_FILE = {str(key_file)!r}\n" + SPY,
    }
    for name, text in files.items():
        (subs / name).parent.mkdir(parents=True, exist_ok=True)
        (subs / name).write_text(text)
    write_zip(subs / "zipped.zip", [(f"homework/{EX07}", correct)])
    write_zip(subs / "dotdot.zip", [(f"../{EX07}", correct)])
    write_zip(subs / "absolute.zip", [(f"/tmp/{EX07}", correct)])
    write_zip(subs / "link.zip", [(symlink_entry(EX07), "/etc/passwd")])
    write_zip(subs / "bomb.zip", [(EX07, correct), ("data.bin", bytes(3 << 20))])
    return subs, key_file


def test_a_class_with_every_kind_of_trouble(tmp_path, batch_python):
    subs, key_file = write_troubled_class(tmp_path)
    out = tmp_path / "results"
    command = ["batch", str(subs), "-e", "7", "-e", "20", "-o", str(out), "--budget", "8", "--seed-from", "student",
               "-j", "2"]
    run = grade_cli(batch_python, *command, key_file=key_file)
    assert run.returncode == 0, run.stderr
    each_kind_of_trouble_costs_its_own_result_only(out, run)
    unsafe_zips_are_refused_with_one_line_each(out, run)
    workers_run_unprivileged_and_never_see_the_key(out)
    each_student_gets_a_seed_of_their_own(out)
    before = (out / "gradebook.csv").read_bytes()
    rerun = grade_cli(batch_python, *command, key_file=key_file)
    assert rerun.returncode == 0, rerun.stderr
    assert "Graded 0 and kept 7 of 22 results" in rerun.stdout  # the 15 others need no grading
    assert (out / "gradebook.csv").read_bytes() == before
    check_results_flags_every_edit(subs, out, tmp_path / "copy")


def each_kind_of_trouble_costs_its_own_result_only(out, run):
    book = gradebook(out)
    assert list(book) == ["absolute", "ann", "bomb", "crash", "dotdot", "hang", "link", "nofile", "spy", "syntax",
                          "zipped"]
    assert (book["ann"]["ex07_softmax_ce"], book["ann"]["ex20_conv"], book["ann"]["status"]) == ("15", "0", "ok")
    assert book["zipped"]["ex07_softmax_ce"] == "15"
    assert book["zipped"]["status"] == "ex20_conv: missing"
    assert book["hang"]["status"] == "ex07_softmax_ce: error; ex20_conv: missing"
    assert book["crash"]["status"] == "ex07_softmax_ce: error; ex20_conv: missing"
    assert book["syntax"]["status"] == "ex07_softmax_ce: invalid; ex20_conv: missing"
    assert book["nofile"]["status"] == "ex07_softmax_ce: missing; ex20_conv: missing"
    assert (book["hang"]["total"], book["hang"]["max"]) == ("0", "28")
    assert "общий лимит времени на проверку (8 с)" in (out / "hang" / "ex07_softmax_ce.txt").read_text()
    crash = (out / "crash" / "ex07_softmax_ce.txt").read_text()
    assert "SIGSEGV" in crash and "Score: 10/15" in crash  # softmax's 5 points lost, the rest passed
    assert "error: syntax/ex07_softmax_ce.py:4: SyntaxError" in (out / "syntax" / "ex07_softmax_ce.txt").read_text()
    assert result(out, "nofile")["batch"]["status"] == "missing"
    progress = [line for line in run.stderr.splitlines() if line.startswith("[")]
    assert len(progress) == 7 and progress[-1].startswith("[7/7] ")  # one plain line per graded cell


def unsafe_zips_are_refused_with_one_line_each(out, run):
    refusals = [line for line in run.stdout.splitlines() if ": refused: " in line]
    assert len(refusals) == 4
    assert refusals[0] == f"absolute.zip: refused: entry '/tmp/{EX07}' has an absolute path"
    assert re.fullmatch(r"bomb\.zip: refused: entry 'data\.bin' expands \d+ times \(more than 100\): a zip bomb\?",
                        refusals[1])
    assert refusals[2:] == [f"dotdot.zip: refused: entry '../{EX07}' climbs out of the folder",
                            f"link.zip: refused: entry '{EX07}' is a symbolic link"]
    book = gradebook(out)
    for student in ("absolute", "bomb", "dotdot", "link"):
        assert book[student]["status"].startswith(f"refused: {student}.zip: entry ")
        assert book[student]["total"] == "0"


def workers_run_unprivileged_and_never_see_the_key(out):
    feedback = (out / "spy" / "ex07_softmax_ce.txt").read_text() + json.dumps(result(out, "spy"))
    assert KEY not in feedback
    assert "env=['HOME', 'LANG'" in feedback and signing.KEY_VARIABLE not in feedback
    if os.geteuid() == 0:  # dropped to nobody: the key file and the batch's environment are out of its reach
        assert f"uid={pwd.getpwnam('nobody').pw_uid} " in feedback
        assert "key_file=PermissionError leaks=[]" in feedback  # nor any process's environment
    else:
        assert f"uid={os.getuid()} " in feedback


def each_student_gets_a_seed_of_their_own(out):
    seeds = {s: result(out, s)["batch"]["seed"] for s in ("ann", "crash", "spy", "zipped")}
    assert seeds == {s: signing.student_seed(KEY.encode(), s) for s in seeds}
    assert len(set(seeds.values())) == 4
    assert {result(out, s)["batch"]["seed_from"] for s in seeds} == {"student"}


def check_results_flags_every_edit(subs, out, copy):
    shutil.copytree(out, copy)

    def check(*extra):
        return CliRunner().invoke(cli, ["check-results", str(copy), *extra], env={signing.KEY_VARIABLE: KEY})

    clean = check("--submissions", str(subs))
    assert (clean.exit_code, clean.output.strip()) == (0, "All 22 results verify, and so does the gradebook.")
    signed = json.loads((copy / "crash" / "ex07_softmax_ce.json").read_text())
    signed["score"] = 15.0
    (copy / "crash" / "ex07_softmax_ce.json").write_text(json.dumps(signed))
    with open(copy / "ann" / "ex07_softmax_ce.txt", "a") as f:
        f.write("Отлично!\n")
    book = (copy / "gradebook.csv").read_text()
    (copy / "gradebook.csv").write_text(book.replace("syntax,0,", "syntax,12,"))
    (subs / "hang" / EX07).write_text((subs / "hang" / EX07).read_text() + "# changed\n")
    edited = check("--submissions", str(subs))
    assert edited.exit_code == 1
    assert edited.stdout.splitlines() == [
        "ann/ex07_softmax_ce.txt: not the feedback that was signed (edited or deleted)",
        "crash/ex07_softmax_ce.json: signature does not match: edited after grading, or signed with another key",
        "gradebook.csv: the row of ann differs from the signed results (ex07_softmax_ce: '15', no valid signed result)",
        "gradebook.csv: the row of crash differs from the signed results (ex07_softmax_ce: '10', no valid signed "
        "result)",
        "gradebook.csv: the row of syntax differs from the signed results (ex07_softmax_ce: '12', signed: '0')",
        "hang/ex07_softmax_ce.py: not the file that was graded (changed since)",
    ]


# -- one job for many files; resume after a kill; Dask -------------------------------


def test_an_uninterrupted_run_a_killed_and_resumed_run_and_dask_agree(tmp_path, batch_python):
    subs = tmp_path / "submissions"
    reference = ROOT / "solutions" / "ex07_softmax_ce.py"
    variants = {"a": None, "b": "wrong_no_max_shift", "c": "wrong_grad_sign", "d": "wrong_first_axis", "e": None}
    for student, variant in variants.items():
        (subs / student).mkdir(parents=True)
        paths = [reference] + ([reference.parent / "ex07_softmax_ce" / f"{variant}.py"] if variant else [])
        (subs / student / EX07).write_text(layered(*paths))
    # in-process, with one job: that one process grades every file (the grader and torch imported once)
    settings = runner.Settings((catalog.find("7")[0],), jobs=1, worker_user="root")
    graded = runner.Batch(subs, tmp_path / "reference", settings, KEY.encode()).run()
    assert len({g.job[0] for g in graded}) == 1 and graded[0].job[0] != os.getpid()
    assert sorted(g.job[1] for g in graded) == [1, 2, 3, 4, 5]  # its 1st to 5th task
    expected = (tmp_path / "reference" / "gradebook.csv").read_bytes()
    scores = {row["student"]: (row["total"], row["status"]) for row in csv.DictReader(io.StringIO(expected.decode()))}
    assert scores["a"] == scores["e"] == ("15", "ok")
    assert all(float(scores[s][0]) < 15 and scores[s][1] == "ok" for s in "bcd")

    out = tmp_path / "killed"
    command = [batch_python, "-m", "grader", "batch", str(subs), "-e", "7", "-o", str(out), "-j", "1"]
    batch = subprocess.Popen(command, cwd=ROOT, env={**os.environ, signing.KEY_VARIABLE: KEY},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not list(out.glob("*/*.json")):
            assert batch.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.05)
        job_processes = psutil.Process(batch.pid).children()
    finally:
        batch.send_signal(signal.SIGKILL)
        batch.wait()
    assert job_processes and psutil.wait_procs(job_processes, timeout=30)[1] == []  # the jobs stop by themselves
    book = gradebook(out)
    assert sorted(book) == ["a", "b", "c", "d", "e"] and "pending" in {row["status"] for row in book.values()}
    finished = len(list(out.glob("*/*.json")))
    resumed = grade_cli(batch_python, "batch", str(subs), "-e", "7", "-o", str(out), "-j", "1")
    assert resumed.returncode == 0, resumed.stderr
    assert f"Graded {5 - finished} and kept {finished} of 5 results" in resumed.stdout
    assert (out / "gradebook.csv").read_bytes() == expected

    dask = grade_cli(batch_python, "batch", str(subs), "-e", "7", "-o", str(tmp_path / "dask"), "-j", "1",
                     "--backend", "dask")
    assert dask.returncode == 0, dask.stderr
    assert (tmp_path / "dask" / "gradebook.csv").read_bytes() == expected


def test_the_ray_adapter_submits_every_task_and_yields_each_result(monkeypatch):
    calls = []

    class FakeRay(types.ModuleType):
        def init(self, **options):
            calls.append(("init", options))

        def remote(self, **options):
            calls.append(("remote", options))
            return lambda function: type("Remote", (), {"remote": staticmethod(lambda task: (function, task))})

        def wait(self, pending, num_returns):
            return pending[:num_returns], pending[num_returns:]

        def get(self, ref):
            return ref[0](ref[1])

        def shutdown(self):
            calls.append(("shutdown", {}))

    fake = FakeRay("ray")
    fake.__spec__ = importlib.machinery.ModuleSpec("ray", None)
    monkeypatch.setitem(sys.modules, "ray", fake)
    monkeypatch.setattr(jobs, "grade_task", lambda task: task.student)
    tasks = [jobs.Task(s, "ex07_softmax_ce", b"", f"{s}/{EX07}", 0, "cpu", runner.DEFAULT_LIMITS, "nobody")
             for s in "xyz"]
    assert list(backends.run(tasks, "ray", 2)) == ["x", "y", "z"]
    assert calls == [("init", {"num_cpus": 2, "include_dashboard": False}),
                     ("remote", {"num_cpus": 1, "max_retries": 0}), ("shutdown", {})]


# -- units: zips, discovery, keys, the command line -----------------------------------


def test_zip_checks_refuse_before_reading_and_read_only_what_is_asked(tmp_path):
    write_zip(tmp_path / "many.zip", [(f"f{i}", b"") for i in range(zipsafe.MAX_ENTRIES + 1)])
    write_zip(tmp_path / "big.zip", [(f"part{i}", bytes(zipsafe.RATIO_FLOOR)) for i in range(65)])
    for name, words in (("many.zip", "entries, more than 2000"), ("big.zip", "unpacks to more than 64 MiB")):
        with pytest.raises(zipsafe.UnsafeZip, match=words):
            zipsafe.open_checked(tmp_path / name)
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(zipsafe.UnsafeZip, match="not a readable zip file"):
        zipsafe.open_checked(tmp_path / "junk.zip")


def test_discovery_finds_files_at_any_depth_and_names_what_it_cannot_use(tmp_path):
    (tmp_path / "lms_download" / "Иванов_123" / "hw").mkdir(parents=True)
    (tmp_path / "lms_download" / "Иванов_123" / "hw" / EX07).write_text("x = 1\n")
    (tmp_path / "twice" / "a").mkdir(parents=True)
    (tmp_path / "twice" / "b").mkdir()
    (tmp_path / "twice" / "a" / EX07).write_text("x = 1\n")
    (tmp_path / "twice" / "b" / EX07).write_text("x = 2\n")
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / EX07).symlink_to(tmp_path / "twice" / "a" / EX07)
    (tmp_path / "large").mkdir()
    (tmp_path / "large" / EX07).write_bytes(b"#" * (zipsafe.MAX_FILE_BYTES + 1))
    write_zip(tmp_path / "twice.zip", [(EX07, "x = 3\n")])
    write_zip(tmp_path / "mac.zip", [(f"__MACOSX/._{EX07}", "junk"), (f"__MACOSX/{EX07}", "junk"), (EX07, "y = 1\n")])
    (tmp_path / "README.txt").write_text("submissions of group 1\n")
    (tmp_path / ".DS_Store").write_text("")
    students, notes = discovery.discover(tmp_path, ["ex07_softmax_ce", "ex20_conv"])
    found = {s.student: s for s in students}
    assert sorted(found) == ["large", "linked", "lms_download", "mac", "twice"]
    assert found["lms_download"].files == {"ex07_softmax_ce": b"x = 1\n"}
    assert found["mac"].files == {"ex07_softmax_ce": b"y = 1\n"}
    assert found["twice"].refused == "both twice/ and twice.zip are this student's"
    assert found["linked"].problems == {"ex07_softmax_ce": f"linked/{EX07} is a symbolic link"}
    assert found["large"].problems == {"ex07_softmax_ce": f"large/{EX07} is larger than 1024 kB"}
    assert notes == ["README.txt: skipped, neither a student's folder nor a .zip"]


def test_the_key_is_taken_out_of_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(signing.KEY_VARIABLE, KEY)
    assert signing.take_key(None) == KEY.encode() and signing.KEY_VARIABLE not in os.environ
    (tmp_path / "short.key").write_text("secret\n")
    with pytest.raises(signing.KeyProblem, match="too short"):
        signing.take_key(tmp_path / "short.key")
    with pytest.raises(signing.KeyProblem, match="no teacher's key: set DL_EXAM_KEY or pass --key-file"):
        signing.take_key(None)


@pytest.mark.parametrize("args, env, words", [
    (["-o", "{out}"], {signing.KEY_VARIABLE: KEY}, "name the exercises with -e N"),
    (["-e", "7.1", "-o", "{out}"], {signing.KEY_VARIABLE: KEY}, "batch grades whole exercises; use -e 7"),
    (["-e", "7", "--seed", "1", "--seed-from", "student", "-o", "{out}"], {signing.KEY_VARIABLE: KEY},
     "--seed and --seed-from student cannot be combined"),
    (["-e", "7", "-o", "{out}"], {}, "no teacher's key"),
    (["-e", "7", "-o", "{subs}/results"], {signing.KEY_VARIABLE: KEY}, "is inside the submissions folder"),
    (["-e", "7", "-o", "{foreign}"], {signing.KEY_VARIABLE: KEY}, "holds files that are not batch results"),
])
def test_bad_batch_input_is_one_line_and_writes_nothing(tmp_path, args, env, words):
    subs, out, foreign = tmp_path / "subs", tmp_path / "out", tmp_path / "mine"
    (subs / "ann").mkdir(parents=True)
    foreign.mkdir()
    (foreign / "gradebook.csv").write_text("my own gradebook\n")
    args = [a.format(out=out, subs=subs, foreign=foreign) for a in args]
    result = CliRunner().invoke(cli, ["batch", str(subs), *args], env={signing.KEY_VARIABLE: None, **env})
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and words in result.output
    assert not out.exists() and (foreign / "gradebook.csv").read_text() == "my own gradebook\n"


def test_check_results_refuses_a_folder_that_holds_no_batch_results(tmp_path):
    with pytest.raises(audit.AuditProblem, match="not a folder of batch results"):
        audit.audit(tmp_path, KEY.encode())
