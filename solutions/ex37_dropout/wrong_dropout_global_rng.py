"""Wrong variant of exercise 37: the mask drawn from the global RNG, the generator ignored."""

PART = "dropout"
TITLE = "маска берётся из глобального генератора torch, переданный generator не используется"
HINTS = (
    "Вызовите вашу функцию дважды с генераторами с одним и тем же seed: совпали ли маски?",
    "torch.rand и torch.bernoulli без аргумента generator берут числа из глобального состояния "
    "(torch.manual_seed), а не из вашего генератора.",
    "Передайте generator=generator (и device=x.device, dtype=x.dtype) в функцию, которая тянет случайные числа.",
)


def dropout(x, p, training, generator):
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, device=x.device, dtype=x.dtype) >= p
    return x * keep / (1.0 - p)
