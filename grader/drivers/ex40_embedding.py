"""Drivers of exercise 40: run a student's embedding code with autograd and report plain data.

Each driver is deterministic (the mistake matcher replays it in the grader's process with each
catalogued variant), imports torch inside the function and returns tensors and plain values.
"""


def lookup_run(function, ids, weight, padding_idx, grad_output):
    """out = function(ids, w[, padding_idx]) for a leaf copy w of ``weight``; backpropagate ``grad_output``.

    ``padding_idx`` None means: call without it (the default). Returns the output and w.grad.
    """
    w = weight.detach().clone().requires_grad_(True)
    out = function(ids, w) if padding_idx is None else function(ids, w, padding_idx)
    return _backward(out, w, grad_output)


def bag_run(function, ids, offsets, weight, mode, grad_output):
    """out = function(ids, offsets, w[, mode]) for a leaf copy w of ``weight``; backpropagate.

    ``mode`` None means: call without it (the default mode).
    """
    w = weight.detach().clone().requires_grad_(True)
    out = function(ids, offsets, w) if mode is None else function(ids, offsets, w, mode)
    return _backward(out, w, grad_output)


def _backward(out, w, grad_output):
    """Backpropagate ``grad_output`` through ``out``; an output outside the graph (a constant, e.g.
    all bags empty) has a zero gradient, which the check compares with the oracle's."""
    import torch

    if not isinstance(out, torch.Tensor) or tuple(out.shape) != tuple(grad_output.shape):
        return {"out": out, "grad": None, "connected": False, "tracked": False}
    if out.requires_grad:
        out.backward(grad_output)
    grad = w.grad if w.grad is not None else torch.zeros_like(w)
    return {"out": out.detach(), "grad": grad, "connected": True, "tracked": bool(out.requires_grad)}


def renorm_run(function, weight, ids, max_norm, norm_type):
    """Call function(w, ids, max_norm[, norm_type]) on a leaf copy w that requires grad.

    Returns w after the call (what an in-place renormalisation left there) and what the
    function returned (None expected).
    """
    w = weight.detach().clone().requires_grad_(True)
    returned = function(w, ids, max_norm) if norm_type is None else function(w, ids, max_norm, norm_type)
    return {"weight": w.detach().clone(), "returned_none": returned is None}


def tied_run(model_class, num_embeddings, embedding_dim, weight, bias, ids, grad_output, lr):
    """Build ``model_class(V, D)`` in float64 on the inputs' device (torch seeded with 0), load
    ``weight`` into model.weight and ``bias`` into model.decoder.bias, run forward and backward,
    then one SGD step with learning rate ``lr``.

    Returns the structure (is it a Module, is decoder.weight the same object as weight, parameter
    names and total count), the logits, the gradients of weight and decoder.bias, and the values of
    model.weight and model.decoder.weight after the step.
    """
    import torch

    torch.manual_seed(0)
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        with torch.device(ids.device):
            model = model_class(num_embeddings, embedding_dim)
    finally:
        torch.set_default_dtype(previous)
    if not isinstance(model, torch.nn.Module):
        return {"is_module": False, "type": type(model).__name__}
    named = list(model.named_parameters())
    report = {"is_module": True, "type": type(model).__name__,
              "same": model.decoder.weight is model.weight,
              "names": [name for name, _ in named],
              "count": sum(int(p.numel()) for _, p in named)}
    with torch.no_grad():
        model.weight.copy_(weight)
        model.decoder.bias.copy_(bias)
    model.zero_grad(set_to_none=True)
    logits = model(ids)
    report["logits"] = logits.detach()
    if not (logits.requires_grad and tuple(logits.shape) == tuple(grad_output.shape)):
        return report
    logits.backward(grad_output)
    report["grad_weight"] = model.weight.grad
    report["grad_bias"] = model.decoder.bias.grad
    torch.optim.SGD(model.parameters(), lr=lr).step()
    report["weight_after"] = model.weight.detach().clone()
    report["decoder_weight_after"] = model.decoder.weight.detach().clone()
    return report
