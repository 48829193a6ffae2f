"""Does every way a student's code can misbehave become a clear failed check, and only that?"""

import time

import pytest

from conftest import FAST, SUBMISSIONS, grade_file, layered, outcomes
from grader.sandbox import Limits

CASES = {
    # file: (outcome of softmax's checks, words the first message must contain)
    "busy_loop": ("error", "лимит процессорного времени (2 с)"),
    "sleeps": ("error", "не ответил во время проверки за 10 с"),
    "sys_exit": ("error", "sys.exit(3)"),
    "os_exit": ("error", "с кодом 7"),
    "segfault": ("error", "SIGSEGV"),
    "memory_hog": ("error", "лимит памяти"),
    "deep_recursion": ("error", "RecursionError"),
    "huge_print": ("error", "слишком много текста"),
    "forbidden_import": ("error", "import torch (forbidden_import.py, строка 7)"),
    "dynamic_import": ("error", "module 'torch' is not allowed"),
    "wrong_type": ("failed", "ожидался numpy.ndarray формы (1,), получено list"),
    "wrong_shape": ("failed", "форма (1,), а ожидалась (1, 1)"),
    "returns_nan": ("failed", "NaN или бесконечны"),
    "raises": ("error", "IndexError"),
    "mutates_input": ("error", "только для чтения"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_misbehaving_softmax_fails_clearly_and_the_rest_still_passes(name):
    expected_outcome, words = CASES[name]
    report = grade_file("7", *layered(SUBMISSIONS / f"{name}.py"))
    softmax = [r for r in report.results if r.part == "7.1"]
    assert {r.outcome.value for r in softmax} == {expected_outcome}
    assert words in "\n".join(softmax[0].message)
    assert set(outcomes(report, "7.2") + outcomes(report, "7.3")) == {"passed"}


def test_the_students_traceback_shows_only_their_frames():
    report = grade_file("7.1", *layered(SUBMISSIONS / "raises.py"))
    traceback = report.results[0].traceback
    assert "raises.py\", line 8, in softmax" in traceback
    assert "grader" not in traceback and "worker.py" not in traceback


def test_a_hang_is_paid_once_per_part_not_once_per_check():
    started = time.monotonic()
    report = grade_file("7.1", *layered(SUBMISSIONS / "sleeps.py"))
    assert time.monotonic() - started < 15  # one 5 s wall limit, then the part's checks are skipped
    assert "не запускалась" in report.results[1].message[0]


def test_a_submission_that_hangs_everywhere_stops_at_the_run_budget():
    limits = Limits(cpu_per_check=2.0, cpu_import=3.0, wall_slack=1.0, run_budget=8.0)
    started = time.monotonic()
    report = grade_file("7", SUBMISSIONS / "hangs_everywhere.py", limits=limits)
    assert time.monotonic() - started < 25
    assert set(outcomes(report)) == {"error"}
    assert any("общий лимит времени" in r.message[0] for r in report.results)


def test_a_file_that_exits_on_import_fails_every_check_with_one_reason():
    report = grade_file("7", *layered(SUBMISSIONS / "exit_at_import.py"))
    assert set(outcomes(report)) == {"error"}
    assert all("sys.exit(1) при загрузке" in r.message[0] for r in report.results)


def test_what_the_student_prints_is_captured_per_check():
    report = grade_file("7.2", *layered(SUBMISSIONS / "prints.py"))
    assert "loss =" in report.results[0].output
    assert set(outcomes(report)) == {"passed"}


def test_a_forbidden_module_level_import_fails_every_part(tmp_path):
    source = (SUBMISSIONS / "correct.py").read_text().replace("import numpy as np", "import numpy as np\nimport scipy")
    (tmp_path / "solution.py").write_text(source)
    report = grade_file("7", tmp_path / "solution.py")
    assert set(outcomes(report)) == {"error"}
    assert "import scipy (solution.py, строка 4)" in report.results[-1].message[1]


def test_the_worker_turns_a_seed_into_a_generator_and_seeds_the_globals(tmp_path):
    """The randomness contract: an explicit rng argument, and seeded global generators."""
    import numpy as np

    from grader.sandbox import Session, WorkerConfig
    from grader.student import Student
    from grader.wire import Rng

    source = tmp_path / "draws.py"
    source.write_text("import numpy as np\n\n\ndef draw(rng):\n    return rng.random(3), np.random.random(2)\n")
    with Session(WorkerConfig((source,)), FAST) as session:
        session.begin_check("1.1.1", 2.0, seed=5)
        explicit, implicit = Student(session).draw(Rng(11))
    np.testing.assert_array_equal(explicit, np.random.default_rng(11).random(3))
    np.random.seed(5)
    np.testing.assert_array_equal(implicit, np.random.random(2))
