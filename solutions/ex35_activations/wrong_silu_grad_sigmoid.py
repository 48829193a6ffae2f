"""Wrong variant of exercise 35: SiLU's derivative taken as sigmoid(x)."""

PART = "silu_and_grad"
TITLE = "производная SiLU взята как σ(x): забыто правило произведения"
HINTS = (
    "SiLU(x) = x·σ(x). Производная произведения — не произведение производных и не один из множителей.",
    "Проверьте в x = 2: по вашей формуле ≈ 0.881, а autograd даёт ≈ 1.091 — SiLU растёт быстрее x.",
    "(x·σ(x))′ = σ(x) + x·σ(x)(1 − σ(x)) = σ(x)(1 + x(1 − σ(x))).",
)


def silu_and_grad(x, grad_output):
    s = torch.sigmoid(x)
    return x * s, grad_output * s
