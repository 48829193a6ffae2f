"""Reference solution of exercise 13: learning-rate schedules and the critical learning rate (topic 13).

Implement the four functions below; each is one part of the exercise. NumPy and plain
Python only: importing torch, scipy or other deep-learning libraries is not allowed here.
All arrays are float64. Grade your work with `grade exercise 13` (one part: `grade exercise 13.2`).

Schedules return the learning rate used in every epoch: entry e is the value of
``optimizer.param_groups[0]["lr"]`` during epoch e (e = 0, 1, ..., epochs - 1) when the
torch scheduler is stepped once at the end of each epoch, after ``optimizer.step()``.
"""

import numpy as np


def step_lr(base_lr: float, step_size: int, gamma: float, epochs: int) -> np.ndarray:
    """The learning rates of ``torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)``.

    base_lr > 0 is the optimizer's initial lr; step_size >= 1 (epochs between decays);
    0 < gamma <= 1 (the decay factor); epochs >= 1.
    Returns a float64 array of shape (epochs,): entry e is the lr used during epoch e.
    """
    e = np.arange(epochs)
    return base_lr * gamma ** (e // step_size)


def warmup_cosine(base_lr: float, epochs: int, warmup_epochs: int, start_factor: float,
                  eta_min: float) -> np.ndarray:
    """Linear warm-up followed by cosine annealing, as torch's schedulers compute it.

    The torch equivalent (stepped once per epoch):
        warm = LinearLR(optimizer, start_factor=start_factor, total_iters=warmup_epochs)
        cos = CosineAnnealingLR(optimizer, T_max=epochs - warmup_epochs, eta_min=eta_min)
        SequentialLR(optimizer, [warm, cos], milestones=[warmup_epochs])
    With warmup_epochs == 0 it is ``CosineAnnealingLR(optimizer, T_max=epochs, eta_min=eta_min)``
    alone (start_factor is then ignored).

    base_lr > 0; epochs >= 1; 0 <= warmup_epochs < epochs; 0 < start_factor <= 1;
    0 <= eta_min < base_lr.
    Returns a float64 array of shape (epochs,): entry e is the lr used during epoch e.
    """
    e = np.arange(epochs, dtype=np.float64)
    w = warmup_epochs
    # warm-up: the factor grows linearly from start_factor (epoch 0) towards 1 (epoch w)
    warm = base_lr * (start_factor + (1.0 - start_factor) * e / max(w, 1))
    # cosine: starts at base_lr in epoch w and would reach eta_min at epoch `epochs`
    t, period = e - w, epochs - w
    cosine = eta_min + (base_lr - eta_min) * (1.0 + np.cos(np.pi * t / period)) / 2.0
    return np.where(e < w, warm, cosine)


def critical_learning_rate(A: np.ndarray) -> float:
    """The largest stable learning rate of gradient descent on f(w) = 1/2 w^T A w.

    A: (d, d) float64, symmetric positive definite. Gradient descent
    w <- w - lr * A w converges to 0 from every start exactly when 0 < lr < lr_crit;
    return lr_crit as a float.
    """
    # A = V diag(lam) V^T: along eigenvector i the error is multiplied by (1 - lr*lam_i)
    # each step; all |1 - lr*lam_i| < 1 iff 0 < lr < 2 / lam_max
    eigenvalues = np.linalg.eigvalsh(A)  # ascending order
    return float(2.0 / eigenvalues[-1])


def gd_quadratic(A: np.ndarray, w0: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """Run plain gradient descent on f(w) = 1/2 w^T A w and return the whole trajectory.

    A: (d, d) float64 symmetric; w0: (d,) float64 start; lr > 0; steps >= 0.
    Returns a float64 array of shape (steps + 1, d): row 0 is w0, row k the point after
    k updates w <- w - lr * grad f(w). Must not modify A or w0.
    """
    trajectory = np.empty((steps + 1, len(w0)))
    trajectory[0] = w0
    for k in range(steps):
        w = trajectory[k]
        trajectory[k + 1] = w - lr * (A @ w)  # grad of 1/2 w^T A w is A w (A symmetric)
    return trajectory
