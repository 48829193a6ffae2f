"""Do the stubs, references and catalogues of every exercise fit together?"""

import ast
import subprocess
import sys

import pytest

from conftest import ROOT
from grader import catalog, mistakes

EXERCISES = catalog.all_exercises()
IDS = [e.id for e in EXERCISES]


def public_parts(path):
    """The module's public functions and classes (an exercise's parts), by name."""
    tree = ast.parse(path.read_text())
    return {n.name: n for n in tree.body
            if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_")}


def methods(node):
    return {n.name: n for n in node.body if isinstance(n, ast.FunctionDef)}


def raises_not_implemented(function):
    last = function.body[-1]
    return isinstance(last, ast.Raise) and "NotImplementedError" in ast.unparse(last)


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_stub_and_reference_share_signatures_and_docstrings(exercise):
    stub, reference = public_parts(exercise.stub_path), public_parts(exercise.reference_path)
    assert list(stub) == exercise.part_names
    for name, node in stub.items():
        assert type(node) is type(reference[name]), name
        assert ast.get_docstring(node) == ast.get_docstring(reference[name]), name
        pairs = [(node, reference[name])] if isinstance(node, ast.FunctionDef) else \
            [(m, methods(reference[name]).get(m.name)) for m in methods(node).values()]
        for ours, theirs in pairs:
            assert theirs is not None, f"{name}.{ours.name} is missing from the reference"
            assert ast.dump(ours.args) == ast.dump(theirs.args), f"{name}.{ours.name}"
            assert ast.get_docstring(ours) == ast.get_docstring(theirs), f"{name}.{ours.name}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_every_stub_part_is_documented_and_raises_not_implemented(exercise):
    for name, node in public_parts(exercise.stub_path).items():
        assert ast.get_docstring(node), name
        if isinstance(node, ast.FunctionDef):
            assert raises_not_implemented(node), name
        else:
            assert any(raises_not_implemented(m) for m in methods(node).values()), name


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_every_part_has_a_catalogued_mistake_and_there_is_an_alternative(exercise):
    variants = mistakes.catalogue(exercise)
    wrong = [v for v in variants if v.is_wrong]
    assert len(wrong) >= 4
    assert {v.part for v in wrong} == set(exercise.part_names)
    assert any(not v.is_wrong for v in variants)
    assert all(2 <= len(v.hints) <= 3 and v.title for v in wrong)


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_ids_share_one_stem_in_every_tree(exercise):
    assert exercise.stub_path.is_file() and exercise.reference_path.is_file()
    assert (ROOT / "grader" / "checks" / f"{exercise.id}.py").is_file()
    assert exercise.id.startswith(f"ex{exercise.topic:02d}_")


def test_every_check_has_a_russian_title_and_points():
    for exercise in EXERCISES:
        assert sum(len(p.checks) for p in exercise.parts) >= 3
        for part in exercise.parts:
            assert len(part.checks) >= 2, part.number
            for check in part.checks:
                assert check.points > 0 and any("а" <= c <= "я" for c in check.title), check.key


def test_importing_the_checks_does_not_import_torch():
    code = "import sys, grader.catalog as c; c.all_exercises(); print('torch' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_a_malformed_wrong_variant_is_reported(tmp_path):
    exercise = EXERCISES[0]
    folder = tmp_path / "solutions" / exercise.id
    folder.mkdir(parents=True)
    (folder / "wrong_x.py").write_text('PART = "no_such_part"\nTITLE = "t"\nHINTS = ("a", "b")\n')
    copy = catalog.find(str(exercise.topic))[0]
    copy.root = tmp_path
    with pytest.raises(mistakes.CatalogueError, match="not a part"):
        mistakes.catalogue(copy)
    copy.root = None
