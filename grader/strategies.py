"""Hypothesis strategies shared by the checks: bounded, float64, small enough to read."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as nps


def floats(bound: float = 10.0) -> dict[str, float]:
    """Element options for ``nps.arrays``: finite float64 in [-bound, bound]."""
    return {"min_value": -bound, "max_value": bound, "allow_nan": False, "allow_infinity": False}


def arrays(shape: st.SearchStrategy | tuple[int, ...], bound: float = 10.0) -> st.SearchStrategy[np.ndarray]:
    return nps.arrays(np.float64, shape, elements=floats(bound))


@st.composite
def logits_and_targets(draw: st.DrawFn, max_batch: int = 6, max_classes: int = 7,
                       bound: float = 30.0) -> tuple[np.ndarray, np.ndarray]:
    """A (B, C) float64 batch of logits and (B,) int64 class indices."""
    batch = draw(st.integers(1, max_batch))
    classes = draw(st.integers(2, max_classes))
    logits = draw(arrays((batch, classes), bound))
    targets = np.array(draw(st.lists(st.integers(0, classes - 1), min_size=batch, max_size=batch)),
                       dtype=np.int64)
    return logits, targets


def gaussian(rng: np.random.Generator, *shape: int, scale: float = 1.0) -> np.ndarray:
    """Float64 normal noise: distinct values everywhere, so mixed-up entries show."""
    return rng.normal(0.0, scale, size=shape)


def seed_from(rng: np.random.Generator) -> int:
    """A seed for a generator in the worker (``grader.wire.Rng``), drawn from the check's ``rng``."""
    return int(rng.integers(0, 2**31 - 1))


def read_only(*arrays: np.ndarray) -> np.ndarray | list[np.ndarray]:
    """Float64 read-only copies: a variant replayed here meets the same read-only inputs as the worker's."""
    copies = []
    for array in arrays:
        copy = np.array(array, dtype=np.float64)
        copy.setflags(write=False)
        copies.append(copy)
    return copies if len(copies) > 1 else copies[0]
