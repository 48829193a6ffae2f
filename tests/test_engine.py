"""Is grading deterministic, seedable, and does it attribute forbidden uses to the right part?"""

from pathlib import Path

from conftest import ROOT, grade_file
from grader import forbidden


def test_the_same_file_gets_the_same_result_twice():
    first = grade_file("7", ROOT / "grader" / "demo" / "ex07_softmax_ce.py")
    second = grade_file("7", ROOT / "grader" / "demo" / "ex07_softmax_ce.py")
    assert [(r.key, r.outcome, r.points, r.message, r.call) for r in first.results] == \
           [(r.key, r.outcome, r.points, r.message, r.call) for r in second.results]


def test_another_seed_draws_other_inputs(tmp_path):
    override = (ROOT / "solutions" / "ex07_softmax_ce" / "wrong_first_axis.py").read_text()
    submission = tmp_path / "solution.py"
    submission.write_text((ROOT / "solutions" / "ex07_softmax_ce.py").read_text() + override.split('"""', 2)[2])
    first, second = (grade_file("7.1", submission, seed=seed).results[2] for seed in (0, 1))
    assert first.outcome.value == second.outcome.value == "failed"
    assert first.call != second.call


def test_an_untouched_stub_is_not_attempted_without_a_traceback():
    report = grade_file("25", ROOT / "exercises" / "ex25_lstm.py")
    assert {r.outcome.value for r in report.results} == {"not attempted"}
    assert report.score == 0 and all(not r.traceback for r in report.results)


def test_forbidden_uses_count_against_the_parts_that_reach_them():
    source = (
        "import numpy as np\n\n"
        "def helper(x):\n    from torch import nn as T\n    return T.LSTMCell\n\n"
        "def lstm_cell(*a):\n    return helper(a)\n\n"
        "def lstm_forward(*a):\n    return np.zeros(1)\n"
    )
    found = forbidden.scan({Path("s.py"): source}, ["torch"], ["LSTMCell"], ["lstm_cell", "lstm_forward"])
    assert found["lstm_forward"] == []
    assert {v.what for v in found["lstm_cell"]} == {"from torch import ...", "T.LSTMCell"}


def test_a_forbidden_name_is_the_librarys_not_the_students_own():
    source = ("import torch.nn.functional as F\nfrom torch.nn.functional import *\n"
              "from torch.nn import GELU as G\n\n"
              "def dropout(x, p):\n    gelu = 1\n    return F.gelu(x) + gelu\n\n"
              "def star(x):\n    return gelu(x)\n\n"
              "def own(x):\n    return dropout(x, 0.5)\n")
    found = forbidden.scan({Path("s.py"): source}, [], ["gelu", "GELU", "dropout"], ["dropout", "star", "own"])
    assert {v.what for v in found["dropout"]} == {"F.gelu", "from torch.nn import GELU"}
    assert {v.what for v in found["own"]} == {"F.gelu", "from torch.nn import GELU"}  # reaches dropout
    assert {v.what for v in found["star"]} == {"from torch.nn import GELU"}  # gelu is bound in the file
    star_only = forbidden.scan({Path("t.py"): "from torch.nn.functional import *\n\ndef f(x):\n    return gelu(x)\n"},
                               [], ["gelu"], ["f"])
    assert [v.describe() for v in star_only["f"]] == ["gelu (t.py, строка 4)"]


def test_loops_are_found_where_an_exercise_forbids_them():
    source = ("def rows(x):\n    return [r.sum() for r in x]\n\n"
              "def walk(x):\n    while x:\n        x -= 1\n    return helper(x)\n\n"
              "def helper(x):\n    for i in range(3):\n        x += i\n    return x\n\n"
              "def vectorised(x):\n    return x.sum(axis=1)\n")
    found = forbidden.scan({Path("s.py"): source}, [], [], ["rows", "walk", "vectorised"], loops=True)
    assert [v.describe() for v in found["rows"]] == ["цикл в генераторе списка (s.py, строка 2)"]
    assert {v.what for v in found["walk"]} == {"цикл while", "цикл for"}
    assert found["vectorised"] == []
    assert forbidden.scan({Path("s.py"): source}, [], [], ["rows"])["rows"] == []


def test_module_level_forbidden_imports_count_against_every_part():
    found = forbidden.scan({Path("s.py"): "import scipy.signal as ss\nx = 1\n"}, ["scipy"], [], ["f", "g"])
    assert [v.describe() for v in found["f"]] == ["import scipy.signal (s.py, строка 1)"] == \
           [v.describe() for v in found["g"]]


def test_a_later_file_replaces_an_earlier_definition():
    first = "import torch\n\ndef f():\n    return torch.zeros(1)\n"
    second = "def f():\n    return 0\n"
    found = forbidden.scan({Path("a.py"): first, Path("b.py"): second}, ["torch"], [], ["f"])
    assert [v.what for v in found["f"]] == ["import torch"]  # the import stays, the use is gone


def test_a_bug_in_a_check_is_reported_as_the_graders_not_the_students(monkeypatch):
    from grader import oracles

    def broken(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(oracles, "softmax", broken)
    report = grade_file("7.1", ROOT / "solutions" / "ex07_softmax_ce.py")
    assert {r.outcome.value for r in report.results} == {"grader error"}
    assert "не в вашем" in report.results[0].message[0]


def test_an_exception_at_import_shows_the_students_traceback_once(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("import numpy as np\n\nSCALE = np.sqrt(undefined_name)\n")
    report = grade_file("7", broken)
    assert {r.outcome.value for r in report.results} == {"error"}
    assert "NameError" in report.results[0].message[0]
    assert "broken.py\", line 3" in report.results[0].traceback
    assert all(not r.traceback for r in report.results[1:])
