"""Correct alternative for exercise 22: one example at a time, gradients accumulated in loops."""

import math


def cbow_log_probs(context_ids, W_in, W_out):
    out = np.empty((context_ids.shape[0], W_out.shape[0]))
    for b, context in enumerate(context_ids):
        h = sum(W_in[c] for c in context) / len(context)
        scores = W_out @ h
        top = scores.max()
        log_norm = top + math.log(sum(math.exp(s - top) for s in scores))
        out[b] = scores - log_norm
    return out


def cbow_loss_and_grads(context_ids, target_ids, W_in, W_out):
    batch = len(target_ids)
    d_in, d_out = np.zeros(W_in.shape), np.zeros(W_out.shape)
    log_probs = cbow_log_probs(context_ids, W_in, W_out)
    loss = 0.0
    for b, (context, target) in enumerate(zip(context_ids, target_ids, strict=True)):
        loss -= log_probs[b, target] / batch
        h = W_in[context].mean(axis=0)
        error = np.exp(log_probs[b])  # p - onehot(target): the gradient of -log p_target by the scores
        error[target] -= 1.0
        d_out += np.outer(error, h) / batch
        d_h = W_out.T @ error / batch
        for c in context:  # every occurrence, duplicates included
            d_in[c] += d_h / len(context)
    return loss, d_in, d_out
