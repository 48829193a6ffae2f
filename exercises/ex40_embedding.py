"""Exercise 40: embedding layers in PyTorch — lookup with padding_idx, EmbeddingBag, max_norm, weight tying.

Implement the three functions and the class below; each is one part of the exercise. Use torch tensor
operations (indexing, index_add_, norm, ...). Forbidden: torch's own embedding code — F.embedding,
F.embedding_bag, nn.Embedding, nn.EmbeddingBag, torch.embedding_renorm_, torch.renorm (the static
scan finds them by name; your own variables may have any name). Tensors arrive on the
grading device (CPU or GPU): weights are float64, indices int64; create new tensors on the same device
(device=weight.device) and return float64 tensors there.
Grade your work with `grade exercise 40` (a single part: `grade exercise 40.2`; on a GPU add
`--device cuda`).
"""

import torch
from torch import nn


def embedding_lookup(ids: torch.Tensor, weight: torch.Tensor, padding_idx: int | None = None) -> torch.Tensor:
    """Look up rows of weight, like F.embedding(ids, weight, padding_idx=padding_idx).

    ids: int64 tensor of any shape (*), values in [0, V). weight: (V, D) float64, may require grad.
    Returns (*, D) float64: out[..., :] = weight[ids[...], :] — the forward value is the row itself,
    also for padding_idx (a fresh nn.Embedding merely initialises that row with zeros).
    padding_idx: None, or a row index in [-V, V) (negative counts from the end, as in nn.Embedding).
    That row must receive NO gradient: after out.backward(g), weight.grad[padding_idx] is all zeros,
    while every other row gets the sum of g over all positions where its index occurs.
    """
    raise NotImplementedError("ex40.1: implement embedding_lookup")


def embedding_bag(ids: torch.Tensor, offsets: torch.Tensor, weight: torch.Tensor, mode: str = "mean") -> torch.Tensor:
    """Sum or average the embeddings of each bag, like F.embedding_bag(ids, weight, offsets, mode=mode).

    ids: (L,) int64, all bags' indices one after another. offsets: (B,) int64, non-decreasing,
    offsets[0] == 0: bag b is ids[offsets[b] : offsets[b + 1]], and the last bag runs to the end of ids.
    A bag may be empty (two equal offsets, or a last offset equal to L): its row of the result is zeros.
    weight: (V, D) float64. mode: "sum" or "mean" (the default, as in nn.EmbeddingBag); anything else:
    raise ValueError. Returns (B, D) float64, differentiable with respect to weight.
    """
    raise NotImplementedError("ex40.2: implement embedding_bag")


def renorm_rows_(weight: torch.Tensor, ids: torch.Tensor, max_norm: float, norm_type: float = 2.0) -> None:
    """Renormalise, IN PLACE, the rows of weight that ids looks up, as nn.Embedding(max_norm=...) does.

    weight: (V, D) float64 (a leaf that may require grad: modify it under torch.no_grad()).
    ids: int64 tensor of any shape; a row looked up several times is treated once.
    For every looked-up row r with p-norm n = ||weight[r]||_p > max_norm (p = norm_type):
        weight[r] *= max_norm / (n + 1e-7)          (the 1e-7 is torch's, keep it)
    Rows with n <= max_norm and rows not looked up stay exactly as they were. Returns None.
    """
    raise NotImplementedError("ex40.3: implement renorm_rows_")


class TiedEmbeddingLM(nn.Module):
    """A bigram language model whose output layer shares the embedding matrix (weight tying).

    TiedEmbeddingLM(num_embeddings, embedding_dim):
      self.weight  — nn.Parameter (V, D), the embedding matrix, initialised N(0, 1) like nn.Embedding;
      self.decoder — nn.Linear(D, V) with a bias, whose weight IS self.weight (the same Parameter object,
                     not a copy: model.decoder.weight is model.weight).
    forward(ids): ids int64 of any shape (*) -> logits (*, V):
        logits = decoder(weight[ids]) = weight[ids] @ weight.T + decoder.bias.
    The parameters are then weight (V·D numbers, counted once) and decoder.bias (V numbers), and the
    gradient of weight is the sum of the gradients of both uses. Build the layers in the default dtype
    (the grader constructs the model with float64 as default dtype on the grading device).
    """

    def __init__(self, num_embeddings: int, embedding_dim: int) -> None:
        raise NotImplementedError("ex40.4: implement TiedEmbeddingLM.__init__")

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("ex40.4: implement TiedEmbeddingLM.forward")
