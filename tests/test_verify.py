"""Does every grader give the reference full marks and catch every catalogued mistake, at several seeds?"""

import pytest

from grader import catalog, verify

TOPICS = sorted(catalog.by_topic())


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("topic", TOPICS)
def test_grade_verify_finds_no_weakness(topic, seed):
    exercise, _ = catalog.find(str(topic))
    rows = list(verify.verify(exercise, seed=seed))
    assert [r.variant for r in rows if not r.ok] == []
    assert rows[0].variant == "reference" and rows[0].score == rows[0].max_score
    assert sum(r.variant.startswith("wrong_") for r in rows) >= 4


def test_verify_reports_a_weak_grader(tmp_path, monkeypatch):
    """A 'wrong' variant that is in fact correct must be flagged, not waved through."""
    exercise, _ = catalog.find("7")
    folder = tmp_path / "solutions" / exercise.id
    folder.mkdir(parents=True)
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / f"{exercise.id}.py").write_bytes(exercise.stub_path.read_bytes())
    (tmp_path / "solutions" / f"{exercise.id}.py").write_bytes(exercise.reference_path.read_bytes())
    (folder / "wrong_not_really.py").write_text('PART = "softmax"\nTITLE = "t"\nHINTS = ("a", "b")\n')
    monkeypatch.setattr(exercise, "root", tmp_path)
    rows = list(verify.verify(exercise))
    assert [(r.variant, r.ok) for r in rows] == [("reference", True), ("wrong_not_really", False)]
    assert "passes every check of part 7.1" in rows[1].verdict
