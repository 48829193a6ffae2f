"""Grading a whole class: ``grade batch`` and ``grade check-results``.

A teacher's folder holds one folder or zip per student with files named as in
``exercises/``. Each submission of each exercise is graded by ``grader.engine.grade`` in
a long-lived job process (a fresh sandboxed worker per run, as ``grade exercise`` does);
the results are signed with the teacher's key, stored so that a rerun skips what has
not changed, and summed up in a gradebook.

- ``zipsafe``: checks a student's zip entry by entry before anything is read from it
- ``discovery``: finds each student's files
- ``signing``: the teacher's key, HMAC signatures, per-student seeds
- ``version``: the grader version a result depends on
- ``cells``: one result (student x exercise) as status, JSON and feedback text
- ``identity``: the unprivileged user workers run as when the batch runs as root
- ``jobs``: what a job process does (runs in the pool, not in the batch's process)
- ``backends``: the local process pool, Dask or Ray
- ``store``: signed result files, and whether a stored one can be reused
- ``gradebook``: the gradebook CSV
- ``runner``: plans a batch, runs it and writes every result as it arrives
- ``audit``: re-verifies a results folder (``grade check-results``)
"""
