"""Exercise 22: the word2vec CBOW model with a full softmax, in NumPy (topic 22).

Implement the two functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Inputs are read-only when graded: build new arrays, never write into an argument.
Grade your work with `grade exercise 22` (a single part: `grade exercise 22.2`).

Conventions of both parts. V words, embedding size d, a batch of B examples, each with a
context of C = 2m word ids (m to the left and m to the right of the centre word).
W_in (V, d): input vectors v_w, one row per word (what nn.Embedding(V, d).weight holds).
W_out (V, d): output vectors u_w, also one row per word (a second, separate matrix).
For one example with context ids c_1..c_C:
    h = (v_{c_1} + ... + v_{c_C}) / C          (the MEAN of the context rows of W_in)
    s_w = u_w . h for every word w            (scores = h @ W_out.T, shape (V,))
    log p(w | context) = s_w - log sum_w' exp(s_w')
No hidden layer, no nonlinearity, no bias. A word may appear several times in one context:
every occurrence counts (it enters the mean, and its gradient, that many times).
"""

import numpy as np


def cbow_log_probs(context_ids: np.ndarray, W_in: np.ndarray, W_out: np.ndarray) -> np.ndarray:
    """Log-probabilities of every vocabulary word as the centre word of each context.

    context_ids: (B, C) integer word ids in [0, V); W_in: (V, d) float64; W_out: (V, d) float64.
    Returns a (B, V) float64 array whose row b is log p(. | context b), i.e.
    log_softmax(mean_j W_in[context_ids[b, j]] @ W_out.T) over the vocabulary. Must stay finite
    when the scores are of magnitude 1e3 (no exp of a large number).
    """
    raise NotImplementedError("ex22.1: implement cbow_log_probs")




def cbow_loss_and_grads(context_ids: np.ndarray, target_ids: np.ndarray, W_in: np.ndarray,
                        W_out: np.ndarray) -> tuple:
    """Mean negative log-likelihood of the targets and its gradients with respect to W_in and W_out.

    context_ids: (B, C) integer ids; target_ids: (B,) integer ids of the centre words;
    W_in, W_out: (V, d) float64, conventions as in cbow_log_probs.
    loss = -(1/B) * sum_b log p(target_ids[b] | context b), a float.
    Returns (loss, dW_in, dW_out) with dW_in, dW_out of shape (V, d), float64: the gradients
    of that mean loss. Rows of words absent from every context get zero in dW_in, and a word
    that occurs twice in a context gets its share twice (the gradients add up, like autograd).
    """
    raise NotImplementedError("ex22.2: implement cbow_loss_and_grads")
