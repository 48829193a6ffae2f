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
    out = weight[ids]  # advanced indexing: autograd scatters-adds the gradient, duplicates included
    if padding_idx is None:
        return out
    pad = padding_idx % weight.shape[0]
    mask = (ids == pad).unsqueeze(-1)
    return torch.where(mask, out.detach(), out)  # same values; no gradient path through the padding row


def embedding_bag(ids: torch.Tensor, offsets: torch.Tensor, weight: torch.Tensor, mode: str = "mean") -> torch.Tensor:
    """Sum or average the embeddings of each bag, like F.embedding_bag(ids, weight, offsets, mode=mode).

    ids: (L,) int64, all bags' indices one after another. offsets: (B,) int64, non-decreasing,
    offsets[0] == 0: bag b is ids[offsets[b] : offsets[b + 1]], and the last bag runs to the end of ids.
    A bag may be empty (two equal offsets, or a last offset equal to L): its row of the result is zeros.
    weight: (V, D) float64. mode: "sum" or "mean" (the default, as in nn.EmbeddingBag); anything else:
    raise ValueError. Returns (B, D) float64, differentiable with respect to weight.
    """
    if mode not in ("sum", "mean"):
        raise ValueError(f"mode must be 'sum' or 'mean', got {mode!r}")
    length, bags = ids.shape[0], offsets.shape[0]
    ends = torch.cat([offsets[1:], torch.tensor([length], dtype=offsets.dtype, device=offsets.device)])
    sizes = ends - offsets  # (B,): elements per bag, 0 for an empty bag
    bag_of = torch.repeat_interleave(torch.arange(bags, device=ids.device), sizes)  # (L,): bag of each id
    out = torch.zeros(bags, weight.shape[1], dtype=weight.dtype, device=weight.device)
    out = out.index_add(0, bag_of, weight[ids])
    if mode == "mean":
        out = out / sizes.clamp(min=1).unsqueeze(1).to(weight.dtype)  # empty bags stay 0, not 0/0
    return out


def renorm_rows_(weight: torch.Tensor, ids: torch.Tensor, max_norm: float, norm_type: float = 2.0) -> None:
    """Renormalise, IN PLACE, the rows of weight that ids looks up, as nn.Embedding(max_norm=...) does.

    weight: (V, D) float64 (a leaf that may require grad: modify it under torch.no_grad()).
    ids: int64 tensor of any shape; a row looked up several times is treated once.
    For every looked-up row r with p-norm n = ||weight[r]||_p > max_norm (p = norm_type):
        weight[r] *= max_norm / (n + 1e-7)          (the 1e-7 is torch's, keep it)
    Rows with n <= max_norm and rows not looked up stay exactly as they were. Returns None.
    """
    with torch.no_grad():
        rows = torch.unique(ids)
        norms = weight[rows].norm(p=norm_type, dim=1)
        big = norms > max_norm
        rows, norms = rows[big], norms[big]
        weight[rows] *= (max_norm / (norms + 1e-7)).unsqueeze(1)


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
        super().__init__()
        self.weight = nn.Parameter(torch.randn(num_embeddings, embedding_dim))
        self.decoder = nn.Linear(embedding_dim, num_embeddings)
        self.decoder.weight = self.weight  # tie: one Parameter used twice

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.decoder(embedding_lookup(ids, self.weight))
