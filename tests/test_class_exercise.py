"""Can the worker serve an exercise whose answer is an nn.Module, through a trusted driver?"""

import importlib.util
from pathlib import Path

import pytest

from conftest import FAST
from grader import verify
from grader.engine import Submission, grade

FOLDER = Path(__file__).parent / "class_exercise"


@pytest.fixture(scope="module")
def exercise():
    spec = importlib.util.spec_from_file_location("class_exercise_checks", FOLDER / "checks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.EXERCISE


def test_the_reference_module_passes(exercise):
    report = grade(exercise, Submission((exercise.reference_path,)), limits=FAST)
    assert report.full_marks, [r.message for r in report.results]


def test_an_unregistered_parameter_is_caught_and_named_through_the_driver(exercise):
    rows = list(verify.verify(exercise))
    assert [(r.variant, r.ok) for r in rows] == [("reference", True), ("wrong_no_bias", True)]
    assert rows[1].score == 0 and rows[1].verdict.endswith("hint shown")


def test_the_forbidden_library_class_is_named(exercise, tmp_path):
    cheat = tmp_path / "cheat.py"
    cheat.write_text("from torch import nn\n\n\nclass Affine(nn.Module):\n"
                     "    def __init__(self, i, o):\n"
                     "        super().__init__()\n"
                     "        self.inner = nn.Linear(i, o)\n")
    report = grade(exercise, Submission((cheat,)), limits=FAST)
    assert "nn.Linear (cheat.py, строка 7)" in report.results[0].message[1]


def test_a_module_whose_driver_call_fails_shows_the_error_and_the_call(exercise):
    report = grade(exercise, Submission((exercise.reference_path, FOLDER / "solutions" / "ex90_affine" /
                                         "wrong_no_bias.py")), limits=FAST)
    first = report.results[0]
    assert first.outcome.value == "error" and "Unexpected key(s) in state_dict" in first.message[0]
    assert first.call[0] == "вызов: module_forward_backward(module, state, x, grad_output)"


def test_cuda_is_used_when_asked_for_only_if_it_is_there(exercise):
    import torch

    from grader.engine import SubmissionError, resolve_device

    assert resolve_device(exercise, "cpu") == "cpu"
    if torch.cuda.is_available():
        assert resolve_device(exercise, "cuda") == resolve_device(exercise, "auto") == "cuda"
    else:
        assert resolve_device(exercise, "auto") == "cpu"
        with pytest.raises(SubmissionError, match="CUDA is not available"):
            resolve_device(exercise, "cuda")
