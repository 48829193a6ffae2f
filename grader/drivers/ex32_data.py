"""Trusted drivers of exercise 32: index a student's Dataset, run real DataLoaders, apply transforms.

Loaded by path in the worker, and imported by the checks (the Compose oracle applies the
same helper transforms) and by the mistake matcher. Imports only the standard library
and NumPy at module level; torch inside functions. Every driver returns plain data:
tensors, numbers, strings, lists and dicts.
"""

import functools


def dataset_items(dataset, indices):
    """Whether ``dataset`` is a torch Dataset, its ``len`` and ``list(dataset[i])`` for each index."""
    import torch

    return {"is_dataset": isinstance(dataset, torch.utils.data.Dataset), "length": len(dataset),
            "items": [_pair(dataset[int(i)]) for i in indices]}


def index_outcomes(dataset, indices):
    """For each index: ``["ok", x, y]`` or ``["raised", exception type name, is an IndexError]``."""
    outcomes = []
    for i in indices:
        try:
            x, y = _pair(dataset[int(i)])
        except Exception as e:  # noqa: BLE001 - what the student's __getitem__ raises is the answer
            outcomes.append(["raised", type(e).__name__, isinstance(e, IndexError)])
        else:
            outcomes.append(["ok", x, y])
    return outcomes


def loader_batches(dataset, batch_size, drop_last):
    """The batches of ``DataLoader(dataset, batch_size, drop_last=drop_last)`` (default collate), and ``len``."""
    from torch.utils.data import DataLoader

    loader = DataLoader(dataset, batch_size=batch_size, shuffle=False, drop_last=drop_last)
    return {"length": len(loader), "batches": [list(batch) for batch in loader]}


def collate_loader(collate_fn, sequences, labels, batch_size, padding_value):
    """The batches of a DataLoader over the pairs (sequence, label) with ``collate_fn`` bound to ``padding_value``."""
    from torch.utils.data import DataLoader

    pairs = list(zip(sequences, labels, strict=True))
    loader = DataLoader(pairs, batch_size=batch_size, shuffle=False,
                        collate_fn=functools.partial(collate_fn, padding_value=padding_value))
    return [list(batch) if isinstance(batch, (tuple, list)) else batch for batch in loader]


def apply_transform(transform, x, times=1):
    """Call ``transform(x)`` ``times`` times; the outputs, and whether ``x`` itself was changed."""
    before = x.clone()
    outputs = [transform(x) for _ in range(times)]
    return {"outputs": outputs, "input_changed": not bool((x == before).all())}


def _pair(item):
    if not isinstance(item, (tuple, list)) or len(item) != 2:
        raise TypeError(f"dataset[i] вернул {type(item).__name__}, а нужна пара (x, y)")
    return [item[0], item[1]]


# -- helper transforms (trusted callables handed to the student's Compose) --------------------


def affine(scale, shift):
    """x -> scale * x + shift."""
    return lambda x: x * scale + shift


def square():
    """x -> x * x."""
    return lambda x: x * x


def cumsum_last():
    """x -> running sum along the last axis."""
    return lambda x: x.cumsum(-1)


def flip_last():
    """x -> x mirrored along the last axis (a horizontal flip of an image)."""
    return lambda x: x.flip(-1)


def clamp_min(low):
    """x -> max(x, low) elementwise."""
    return lambda x: x.clamp_min(low)


HELPERS = {"affine": affine, "square": square, "cumsum_last": cumsum_last, "flip_last": flip_last,
           "clamp_min": clamp_min}
