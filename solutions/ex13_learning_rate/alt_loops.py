"""Correct alternative for exercise 13: recursive loops like torch, spectral norm, eigenbasis closed form."""

import math


def step_lr(base_lr, step_size, gamma, epochs):
    rates, lr = [], base_lr
    for epoch in range(epochs):
        if epoch > 0 and epoch % step_size == 0:
            lr *= gamma
        rates.append(lr)
    return np.array(rates)


def warmup_cosine(base_lr, epochs, warmup_epochs, start_factor, eta_min):
    rates = []
    for epoch in range(epochs):
        if epoch < warmup_epochs:
            factor = start_factor + (1.0 - start_factor) * epoch / warmup_epochs
            rates.append(base_lr * factor)
        else:
            progress = (epoch - warmup_epochs) / (epochs - warmup_epochs)
            rates.append(eta_min + 0.5 * (base_lr - eta_min) * (1.0 + math.cos(math.pi * progress)))
    return np.array(rates, dtype=np.float64)


def critical_learning_rate(A):
    # for a symmetric positive definite matrix the spectral norm is the largest eigenvalue
    return 2.0 / float(np.linalg.norm(A, ord=2))


def gd_quadratic(A, w0, lr, steps):
    lam, V = np.linalg.eigh(A)
    coords = V.T @ w0  # w0 in the eigenbasis
    k = np.arange(steps + 1)[:, None]
    return ((1.0 - lr * lam) ** k * coords) @ V.T
