"""Reference solution of exercise 30: the training loop in PyTorch, one training epoch and an evaluation (topic 30).

Two parts, one function each:
  30.1 train_one_epoch   one pass over the training loader: forward, loss, backward, optimizer step;
  30.2 evaluate          one pass over a validation loader without training: mean loss and accuracy.

The objects come from the caller:
  model      a torch.nn.Module classifier; its parameters are float64 and live on the same device
             as the batches. It may contain BatchNorm (so its train/eval mode matters). It is handed
             to you in whatever mode it was left in: set the mode yourself.
  loader     any iterable of (x, y) pairs: x is a (B, F) float64 tensor, y a (B,) int64 tensor of class
             indices. Batches may differ in size (the last one is usually shorter, it may hold 1 example).
  loss_fn    a loss module such as nn.CrossEntropyLoss(): loss_fn(logits, y) is the MEAN loss of a batch
             (a 0-d tensor).
  optimizer  a torch.optim optimizer already built over model.parameters().

The grader instruments these objects: it records the model's mode and whether autograd was
recording at every forward pass, every zero_grad, backward and step, and compares the model's
parameters after your epoch with its own loop in float64. Returned numbers must be Python floats
(use .item()), not tensors. Do not use torch.func, Lightning or other training frameworks.
Grade your work with `grade exercise 30` (a single part: `grade exercise 30.2`; on a GPU add
`--device cuda`).
"""

import torch


def train_one_epoch(model: torch.nn.Module, loader, loss_fn, optimizer) -> float:
    """Train ``model`` for one epoch over ``loader`` and return the epoch's mean training loss.

    For every batch (x, y), in the loader's order: clear the old gradients, compute the loss of
    model(x) against y, backpropagate it, and make exactly one optimizer step. The model must be
    in training mode during all of this, whatever mode it arrived in.

    Returns, as a Python float, the mean loss per EXAMPLE over the epoch: the batch losses (each
    computed before that batch's step) weighted by the batch sizes,
        sum_b loss_b * n_b / sum_b n_b,
    which differs from the plain mean of the batch losses when batches have unequal sizes.
    """
    model.train()  # Dropout active, BatchNorm on batch statistics (and updating its running ones)
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)  # a no-op here; needed when the loader yields CPU tensors
        optimizer.zero_grad()  # set_to_none=True by default: .grad of the last batch is gone
        loss = loss_fn(model(x), y)  # the mean loss of this batch, a 0-d tensor with a graph
        loss.backward()  # fills p.grad of every parameter
        optimizer.step()  # p <- p - lr * (update computed from p.grad)
        total += loss.item() * len(y)  # .item(): a float, the graph is not kept alive
        count += len(y)
    return total / count


def evaluate(model: torch.nn.Module, loader, loss_fn) -> tuple[float, float]:
    """Evaluate ``model`` on ``loader`` without changing it; return (mean loss, accuracy).

    The model must be in evaluation mode (BatchNorm uses its running statistics and does not
    update them) and autograd must not record anything (torch.no_grad() or torch.inference_mode()).
    No parameter, gradient or buffer may change.

    mean loss: the loss per example over the whole loader, sum_b loss_b * n_b / N (Python float);
    accuracy:  the fraction of the N examples whose largest logit is at the true class (Python
               float in [0, 1]).
    Both must not depend on how the data is split into batches.
    """
    model.eval()  # Dropout off, BatchNorm on its running statistics
    device = next(model.parameters()).device
    total, correct, count = 0.0, 0, 0
    with torch.no_grad():  # no graph, no .grad, less memory
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            total += loss_fn(logits, y).item() * len(y)
            correct += int((logits.argmax(dim=1) == y).sum())
            count += len(y)
    return total / count, correct / count
