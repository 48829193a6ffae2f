"""The GPU harness: device choice, the same score on every device, and code that ignores its inputs' device."""

import torch
from click.testing import CliRunner

from conftest import ROOT, SUBMISSIONS, grade_file
from grader import catalog, verify
from grader.cli import cli
from grader.results import Outcome

CUDA = torch.cuda.is_available()


def test_code_that_hard_codes_cuda_is_told_to_follow_its_inputs():
    report = grade_file("29.2", ROOT / "solutions" / "ex29_tensor_ops.py", SUBMISSIONS / "ex29_hardcoded_cuda.py",
                        device="cpu")
    first = report.results[0]
    assert first.outcome is Outcome.ERROR
    assert any("создавайте тензоры на устройстве входа: device=x.device" in line for line in first.message)


def test_a_score_that_depends_on_the_device_is_a_weakness(monkeypatch):
    exercise, _ = catalog.find("29")
    scores = {"cpu": (18.0, 12.0), "cuda": (18.0, 10.0)}

    def fake_verify(exercise, seed, device):
        return [verify.Row(exercise.id, name, score, 18.0, True, "ok")
                for name, score in zip(("reference", "wrong_x"), scores[device], strict=True)]

    monkeypatch.setattr(verify, "verify", fake_verify)
    rows = list(verify.compare_devices(exercise, ("cpu", "cuda")))
    assert rows[0].ok and rows[0].verdict.startswith("same on cpu, cuda")
    assert not rows[1].ok and "cpu: 12, cuda: 10" in rows[1].verdict


def test_verify_on_cuda_needs_cuda():
    result = CliRunner().invoke(cli, ["verify", "29", "--devices", "cpu,cuda"])
    if CUDA:  # on a GPU machine the catalogue must score the same on both
        assert result.exit_code == 0 and "same on cpu, cuda" in result.output
    else:
        assert result.exit_code == 2 and "CUDA is not available on this machine" in result.output


def test_unknown_devices_are_a_usage_error():
    result = CliRunner().invoke(cli, ["verify", "29", "--devices", "cpu,tpu"])
    assert result.exit_code == 2 and "--devices takes cpu and cuda" in result.output
