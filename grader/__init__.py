"""dl-exam's grader: checks students' deep-learning exercises against oracles computed at grade time."""

__version__ = "0.1.0"
