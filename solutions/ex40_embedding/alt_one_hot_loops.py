"""Correct alternative for exercise 40: one-hot times the matrix, bags by a Python loop, and a
padding row cut out of the graph; the tied model computes the logits with an explicit matmul."""

import torch
import torch.nn.functional as F
from torch import nn


def embedding_lookup(ids, weight, padding_idx=None):
    if padding_idx is not None:
        pad = padding_idx if padding_idx >= 0 else weight.shape[0] + padding_idx
        keep = torch.ones(weight.shape[0], 1, dtype=weight.dtype, device=weight.device)
        keep[pad] = 0.0
        weight = weight * keep + (weight * (1 - keep)).detach()  # same values, no gradient for row pad
    one_hot = F.one_hot(ids, num_classes=weight.shape[0]).to(weight.dtype)  # (*, V)
    return one_hot @ weight


def embedding_bag(ids, offsets, weight, mode="mean"):
    if mode != "sum" and mode != "mean":
        raise ValueError("unsupported mode")
    bounds = offsets.tolist() + [ids.shape[0]]
    rows = []
    for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
        if stop == start:
            rows.append(torch.zeros(weight.shape[1], dtype=weight.dtype, device=weight.device))
            continue
        total = weight[ids[start:stop]].sum(dim=0)
        rows.append(total / (stop - start) if mode == "mean" else total)
    return torch.stack(rows)


def renorm_rows_(weight, ids, max_norm, norm_type=2.0):
    for row in set(ids.flatten().tolist()):
        norm = torch.linalg.vector_norm(weight.data[row], ord=norm_type)
        if norm > max_norm:
            weight.data[row].mul_(max_norm / (norm + 1e-7))


class TiedEmbeddingLM(nn.Module):
    def __init__(self, num_embeddings, embedding_dim):
        super().__init__()
        self.decoder = nn.Linear(embedding_dim, num_embeddings)
        self.weight = self.decoder.weight  # the same Parameter, registered under both names
        nn.init.normal_(self.weight)

    def forward(self, ids):
        vectors = self.weight[ids]
        return vectors @ self.weight.T + self.decoder.bias
