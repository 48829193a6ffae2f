"""Trusted drivers: code of ours that runs inside the worker to exercise a student's object.

Exercises whose answer is a class, an ``nn.Module`` or a training function cannot be
checked through plain function calls alone: something has to load weights into the
student's module, run it forward and backward, and read the gradients. A driver does
that next to the student's object and returns plain data only; the comparison with the
oracle happens in the parent.

Integrity: a driver shares its process with the student's code, so what it reports is
only as trustworthy as that process. A submission that patches torch could make a
driver report forged numbers, but no more than a function returning forged numbers: the
inputs and the expected values stay in the parent, so forging a pass still means
computing the right answer. Facts observed only inside the worker (e.g. "zero_grad was
called") are attested by the worker and could be forged by a determined cheater.

Each module here serves the exercises that name it (``Exercise(drivers="modules")``). The
worker loads it by file path, without the ``grader`` package: a driver module imports
only the standard library, NumPy and (lazily) torch. Besides drivers (``student.drive``),
a module may hold factories of trusted callables that a student's function receives as
an argument (``grader.wire.Helper``).
"""
