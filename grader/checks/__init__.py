"""The checks of every exercise: one module per exercise, named like its stub in exercises/."""
