"""What leaves the course repository: the student edition, Gradescope's bundle and LMS grade files.

- ``edition``: the files students receive (pages, stubs, the grader) without ``solutions/``;
- ``fingerprints``: how that edition still names known mistakes, from digests of their outcomes;
- ``gradescope``: ``autograder.zip`` for Gradescope, carrying the student edition;
- ``lms``: a batch gradebook as a CSV that Moodle's grade import accepts.
"""
