"""Correct alternative of exercise 11: element loops and other (equivalent) algebra.

- SGD: the textbook velocity is NOT used; the buffer is kept, but the update is written as
  param - lr*mu*b - lr*g for Nesterov (the same number, other order of operations).
- Adam: the corrections are folded into a step size lr/(1 - beta1**t) and sqrt(v)/sqrt(1 - beta2**t), as torch does.
- RMSprop / Adagrad: explicit loops over the flattened arrays.
"""

import math

import numpy as np


def sgd_momentum_step(param, grad, state, lr, momentum, dampening=0.0, nesterov=False, weight_decay=0.0):
    g = np.add(grad, np.multiply(weight_decay, param))
    new_state = {}
    if momentum == 0:
        return np.subtract(param, lr * g), new_state
    old = state.get("momentum_buffer")
    buf = np.array(g, dtype=np.float64) if old is None else momentum * old + (1.0 - dampening) * g
    new_state["momentum_buffer"] = buf
    if nesterov:
        return param - lr * g - (lr * momentum) * buf, new_state
    return param - lr * buf, new_state


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    step = int(state["step"]) + 1 if state else 1
    g = grad + weight_decay * param
    m = (state["exp_avg"] if state else 0.0) * beta1 + g * (1.0 - beta1)
    v = (state["exp_avg_sq"] if state else 0.0) * beta2 + np.square(g) * (1.0 - beta2)
    correction1 = 1.0 - beta1 ** step
    root_correction2 = math.sqrt(1.0 - beta2 ** step)
    step_size = lr / correction1
    denom = np.sqrt(v) / root_correction2 + eps
    return param - step_size * (m / denom), {"step": step, "exp_avg": m, "exp_avg_sq": v}


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, centered=False):
    flat_p, flat_g = param.ravel(), grad.ravel()
    s_old = state["square_avg"].ravel() if "square_avg" in state else np.zeros(flat_p.size)
    a_old = state["grad_avg"].ravel() if "grad_avg" in state else np.zeros(flat_p.size)
    new_p, s, a = np.empty(flat_p.size), np.empty(flat_p.size), np.empty(flat_p.size)
    for i in range(flat_p.size):
        g = flat_g[i] + weight_decay * flat_p[i]
        s[i] = alpha * s_old[i] + (1 - alpha) * g ** 2
        a[i] = alpha * a_old[i] + (1 - alpha) * g
        variance = s[i] - a[i] ** 2 if centered else s[i]
        new_p[i] = flat_p[i] - lr * g / (math.sqrt(variance) + eps)
    new_state = {"square_avg": s.reshape(param.shape)}
    if centered:
        new_state["grad_avg"] = a.reshape(param.shape)
    return new_p.reshape(param.shape), new_state


def adagrad_step(param, grad, state, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0,
                 eps=1e-10):
    step = state.get("step", 0) + 1
    flat_p, flat_g = param.ravel(), grad.ravel()
    old = state["sum"].ravel() if "sum" in state else [initial_accumulator_value] * flat_p.size
    rate = lr / (1 + (step - 1) * lr_decay)
    new_p, total = np.empty(flat_p.size), np.empty(flat_p.size)
    for i in range(flat_p.size):
        g = flat_g[i] + weight_decay * flat_p[i]
        total[i] = old[i] + g * g
        new_p[i] = flat_p[i] - rate * g / (math.sqrt(total[i]) + eps)
    return new_p.reshape(param.shape), {"step": step, "sum": total.reshape(param.shape)}
