"""Exercise 11: one step of SGD with momentum, Adam, RMSprop and Adagrad in NumPy (topic 11).

Each function makes ONE optimisation step for ONE parameter array, exactly as the
corresponding ``torch.optim`` optimizer does, and is graded against it in float64.
NumPy only: importing torch, scipy or other deep-learning libraries is not allowed here.

How the state travels. Every function takes ``state``, a dict of the optimizer's
per-parameter state (the same keys as ``optimizer.state[p]`` in PyTorch), and returns
``(new_param, new_state)``. Before the first step the state is the empty dict ``{}``.
Inputs must not be modified: ``param``, ``grad`` and the arrays inside ``state`` are
read-only when graded, so build new arrays (``b = momentum * b + g``, not ``b *= momentum``).
All arrays are float64 and have the shape of ``param`` (any shape); the step counter
``"step"`` is a Python int (the number of steps made so far, including this one).

Grade your work with `grade exercise 11` (a single part: `grade exercise 11.2`).
"""

import numpy as np


def sgd_momentum_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float, momentum: float,
                      dampening: float = 0.0, nesterov: bool = False,
                      weight_decay: float = 0.0) -> tuple[np.ndarray, dict]:
    """One step of ``torch.optim.SGD(lr, momentum, dampening, weight_decay, nesterov)``.

    PyTorch's convention (not the textbook ``v = mu*v - lr*g; p = p + v``):
        g = grad + weight_decay * param
        b = g                               on the first step (no dampening there!)
        b = momentum * b + (1 - dampening) * g   on later steps
        d = g + momentum * b   if nesterov   else   b
        new_param = param - lr * d
    state: {} before the first step, then {"momentum_buffer": b} (float64, shape of param).
    With momentum == 0 this is plain SGD (new_param = param - lr * g) and the state is
    returned as it came ({}).
    Returns (new_param, new_state); the inputs are not modified.
    """
    raise NotImplementedError("ex11.1: implement sgd_momentum_step")


def adam_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float = 1e-3,
              betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
              weight_decay: float = 0.0) -> tuple[np.ndarray, dict]:
    """One step of ``torch.optim.Adam(lr, betas, eps, weight_decay)`` (amsgrad=False).

        t = state["step"] + 1    (t = 1 on the first step)
        g = grad + weight_decay * param          (L2 added to the gradient, as in Adam, not AdamW)
        m = beta1 * m + (1 - beta1) * g          (m = 0 before the first step)
        v = beta2 * v + (1 - beta2) * g**2       (v = 0 before the first step)
        m_hat = m / (1 - beta1**t),  v_hat = v / (1 - beta2**t)
        new_param = param - lr * m_hat / (sqrt(v_hat) + eps)     (eps outside the root)
    state: {} before the first step, then {"step": t (int), "exp_avg": m, "exp_avg_sq": v}.
    Returns (new_param, new_state); the inputs are not modified.
    """
    raise NotImplementedError("ex11.2: implement adam_step")


def rmsprop_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float = 1e-2, alpha: float = 0.99,
                 eps: float = 1e-8, weight_decay: float = 0.0,
                 centered: bool = False) -> tuple[np.ndarray, dict]:
    """One step of ``torch.optim.RMSprop(lr, alpha, eps, weight_decay, momentum=0, centered)``.

        g = grad + weight_decay * param
        s = alpha * s + (1 - alpha) * g**2        (s = 0 before the first step; no bias correction)
        centered=False:  denom = sqrt(s) + eps
        centered=True:   a = alpha * a + (1 - alpha) * g  (a = 0 at first),  denom = sqrt(s - a**2) + eps
        new_param = param - lr * g / denom        (eps outside the root)
    state: {} before the first step, then {"square_avg": s}, plus "grad_avg": a when centered.
    Returns (new_param, new_state); the inputs are not modified.
    """
    raise NotImplementedError("ex11.3: implement rmsprop_step")


def adagrad_step(param: np.ndarray, grad: np.ndarray, state: dict, lr: float = 1e-2, lr_decay: float = 0.0,
                 weight_decay: float = 0.0, initial_accumulator_value: float = 0.0,
                 eps: float = 1e-10) -> tuple[np.ndarray, dict]:
    """One step of ``torch.optim.Adagrad(lr, lr_decay, weight_decay, initial_accumulator_value, eps)``.

        t = state["step"] + 1    (t = 1 on the first step)
        g = grad + weight_decay * param
        clr = lr / (1 + (t - 1) * lr_decay)
        G = G + g**2             (G = initial_accumulator_value everywhere before the first step)
        new_param = param - clr * g / (sqrt(G) + eps)
    state: {} before the first step, then {"step": t (int), "sum": G}.
    Returns (new_param, new_state); the inputs are not modified.
    """
    raise NotImplementedError("ex11.4: implement adagrad_step")
